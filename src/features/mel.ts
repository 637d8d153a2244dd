import { applyFilterbank, type SparseFilterbank, triangularFilterbank } from "./filterbank";

/** Mel filterbank parameters (librosa `filters.mel` names); always the Slaney scale with Slaney area norm. */
export interface MelParams {
  readonly sampleRate: number;
  readonly nFft: number;
  readonly nMels: number;
  readonly fMin: number;
  readonly fMax: number;
}

/** A mel filterbank: sparse triangular rows (see SparseFilterbank). */
export type MelFilterbank = SparseFilterbank;

// Slaney's Auditory Toolbox scale (librosa htk=False): linear below 1 kHz, logarithmic above.
const LINEAR_HZ_PER_MEL = 200 / 3;
const LOG_START_HZ = 1000;
const LOG_START_MEL = LOG_START_HZ / LINEAR_HZ_PER_MEL;
const LOG_STEP = Math.log(6.4) / 27;

/** Hz to mel on the Slaney scale (librosa `hz_to_mel(htk=False)`). */
export function hzToMel(hz: number): number {
  return hz >= LOG_START_HZ ? LOG_START_MEL + Math.log(hz / LOG_START_HZ) / LOG_STEP : hz / LINEAR_HZ_PER_MEL;
}

/** Mel to Hz on the Slaney scale (librosa `mel_to_hz(htk=False)`). */
export function melToHz(mel: number): number {
  return mel >= LOG_START_MEL ? LOG_START_HZ * Math.exp(LOG_STEP * (mel - LOG_START_MEL)) : LINEAR_HZ_PER_MEL * mel;
}

const filterbanks = new Map<string, MelFilterbank>();

/**
 * librosa `filters.mel(sr, n_fft, n_mels, fmin, fmax, htk=False, norm="slaney")` in float64: nMels + 2 edge
 * frequencies evenly spaced in Slaney mel between fMin and fMax, triangles evaluated at the bin frequencies
 * k * sr / nFft, each scaled by 2 / (f[m+2] - f[m]). Built once per parameter set and cached.
 */
export function melFilterbank(params: MelParams): MelFilterbank {
  const key = `${params.sampleRate}/${params.nFft}/${params.nMels}/${params.fMin}/${params.fMax}`;
  let filterbank = filterbanks.get(key);
  if (filterbank === undefined) {
    filterbank = buildMelFilterbank(params);
    filterbanks.set(key, filterbank);
  }
  return filterbank;
}

function buildMelFilterbank({ sampleRate, nFft, nMels, fMin, fMax }: MelParams): MelFilterbank {
  const edges = new Float64Array(nMels + 2);
  const melMin = hzToMel(fMin);
  const melMax = hzToMel(fMax);
  // numpy linspace: start + k * step, the last point set to stop exactly.
  const melStep = (melMax - melMin) / (nMels + 1);
  for (let i = 0; i < nMels + 2; i++) edges[i] = melToHz(i === nMels + 1 ? melMax : melMin + i * melStep);
  // Slaney area normalisation: each triangle scaled by 2 / its width in Hz.
  return triangularFilterbank(edges, sampleRate, nFft, (m) => 2 / (edges[m + 2] - edges[m]));
}

/** Mel spectrogram: the filterbank applied to each frame of a power spectrogram, frame-major [T][nMels]. */
export const melSpectrogram = applyFilterbank;
