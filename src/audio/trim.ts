import type { Samples } from "../features/frames";
import { powerToDb } from "../features/power-to-db";
import { rms } from "../features/rms";
import { AudioError } from "./errors";
import type { SampleSource } from "./sample-source";
import { scratchSpan } from "./zero-padded";

/** librosa `effects.trim` parameters. */
export interface TrimParams {
  /** Frames more than this many dB below the loudest frame are silence (librosa top_db, 60). */
  readonly topDb: number;
  readonly frameLength: number;
  readonly hopLength: number;
}

export const DEFAULT_TRIM: TrimParams = { topDb: 60, frameLength: 2048, hopLength: 512 };

/** The kept part of a signal, samples [start, end). */
export interface TrimRange {
  readonly start: number;
  readonly end: number;
}

/** librosa amplitude_to_db's amin (1e-5), squared: frame powers are floored here before the logarithm. */
const AMIN_POWER = 1e-10;

/**
 * Leading and trailing silence, like librosa 0.11 `effects.trim(y, top_db, ref=np.max, frame_length,
 * hop_length)`: frame RMS (centred, zero-padded), in dB relative to the loudest frame; frames above -topDb are
 * sound; start = first sound frame * hop, end = min(n, (last sound frame + 1) * hop).
 *
 * Deliberate difference: when even the loudest frame is at or below amin (RMS <= 1e-5, -100 dBFS, including an
 * all-zero signal) librosa's dB scale collapses (every frame is 0 dB, so it keeps everything); we call that
 * silence and throw AudioError("silent_audio").
 */
export function trimSilence(samples: Samples, params: TrimParams = DEFAULT_TRIM): TrimRange {
  const { topDb, hopLength } = params;
  const frameRms = rms(samples, params);
  return soundRange(
    frameRms.map((value) => value * value),
    topDb,
    hopLength,
    samples.length,
  );
}

/**
 * trimSilence of a source at its own rate, read block by block, with frames of the same duration as DEFAULT_TRIM's
 * at 16 kHz (frame four hops, the hop rounded to whole samples): where a long recording's sound lies, found before
 * anything of it is resampled. Each sample is read once and squared once; memory is a value per hop.
 */
export function trimSilenceSource(source: SampleSource, sampleRate: number, params: TrimParams = DEFAULT_TRIM): TrimRange {
  const hop = Math.max(1, Math.round((params.hopLength * sampleRate) / REFERENCE_RATE));
  const hopsPerFrame = Math.round(params.frameLength / params.hopLength);
  const frameLength = hop * hopsPerFrame;
  const n = source.length;
  const nFrames = 1 + Math.floor(n / hop);
  // Frame t is centred on sample t * hop: it covers blocks t .. t + hopsPerFrame - 1 of `hop` samples, block j
  // starting at j * hop - frameLength / 2 (zeros outside the signal).
  const nBlocks = nFrames + hopsPerFrame - 1;
  const blockEnergy = new Float64Array(nBlocks);
  const offset = -(frameLength >> 1);
  const chunk = hop * Math.max(1, Math.floor(TRIM_READ_SAMPLES / hop));
  const span = scratchSpan(chunk);
  for (let first = 0; first < nBlocks * hop; first += chunk) {
    const count = Math.min(chunk, nBlocks * hop - first);
    source.read(offset + first, count, span);
    for (let from = 0, j = first / hop; from < count; from += hop, j++) {
      let energy = 0;
      for (let k = from; k < from + hop; k++) energy += span[k] * span[k];
      blockEnergy[j] = energy;
    }
  }
  const power = new Float64Array(nFrames);
  for (let t = 0; t < nFrames; t++) {
    let sum = 0;
    for (let j = t; j < t + hopsPerFrame; j++) sum += blockEnergy[j];
    power[t] = sum / frameLength;
  }
  return soundRange(power, params.topDb, hop, n);
}

/** The rate DEFAULT_TRIM's frame and hop lengths are counted at. */
const REFERENCE_RATE = 16000;
const TRIM_READ_SAMPLES = 8192;

/** The range of frames louder than -topDb relative to the loudest, in samples; throws when all are silence. */
function soundRange(power: Float64Array, topDb: number, hopLength: number, nSamples: number): TrimRange {
  let loudest = 0;
  for (const p of power) loudest = Math.max(loudest, p);
  if (!(loudest > AMIN_POWER)) {
    throw new AudioError("silent_audio", "The recording is silent: no part of it is louder than -100 dBFS.");
  }
  const db = powerToDb(power, { ref: loudest, amin: AMIN_POWER, topDb: null });
  let first = -1;
  let last = -1;
  for (let t = 0; t < db.length; t++) {
    if (db[t] > -topDb) {
      if (first < 0) first = t;
      last = t;
    }
  }
  return { start: first * hopLength, end: Math.min(nSamples, (last + 1) * hopLength) };
}
