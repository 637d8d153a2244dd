/**
 * The trivial cues of the shortcut audit (issue 3): values that say how a clip was stored or recorded, not how the
 * voice was made. A detector that could be replaced by one threshold on any of them has learnt the channel.
 * Exact-zero fraction and duration are scripts/dataset/shortcut-audit.ts's.
 */
import { durationSeconds, exactZeroFraction } from "../dataset/shortcut-audit";

export const CUE_NAMES = ["exact_zero_fraction", "duration_s", "peak", "noise_floor_db", "dc_offset", "sample_rate_hz"] as const;
export type CueName = (typeof CUE_NAMES)[number];

export function peakAmplitude(samples: Float32Array): number {
  let peak = 0;
  for (const x of samples) peak = Math.max(peak, Math.abs(x));
  return peak;
}

export function dcOffset(samples: Float32Array): number {
  let sum = 0;
  for (const x of samples) sum += x;
  return samples.length > 0 ? sum / samples.length : 0;
}

/** 20 ms frames, the 10th percentile of their RMS, in dB full scale (-200 for digital silence). */
export function noiseFloorDb(samples: Float32Array, sampleRate: number): number {
  const frame = Math.max(1, Math.round(0.02 * sampleRate));
  const levels: number[] = [];
  for (let start = 0; start + frame <= samples.length; start += frame) {
    let energy = 0;
    for (let i = start; i < start + frame; i++) energy += samples[i] * samples[i];
    levels.push(10 * Math.log10(Math.max(1e-20, energy / frame)));
  }
  if (levels.length === 0) return -200;
  levels.sort((a, b) => a - b);
  return levels[Math.floor(0.1 * (levels.length - 1))];
}

/**
 * The cue vector of a stretch of audio, in CUE_NAMES order. `sampleRateHz` is the rate that bounds its
 * bandwidth: the original rate of the recording or engine, or a lower rate an augmentation chain passed it through.
 */
export function cueVector(samples: Float32Array, sampleRate: number, sampleRateHz: number): Float32Array {
  return Float32Array.of(
    exactZeroFraction(samples),
    durationSeconds(samples, sampleRate),
    peakAmplitude(samples),
    noiseFloorDb(samples, sampleRate),
    dcOffset(samples),
    sampleRateHz,
  );
}
