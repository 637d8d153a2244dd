import type { Samples } from "../features/frames";
import { powerToDb } from "../features/power-to-db";
import { rms } from "../features/rms";
import { AudioError } from "./errors";

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
  const { topDb, frameLength, hopLength } = params;
  const frameRms = rms(samples, { frameLength, hopLength });
  const power = frameRms.map((value) => value * value);
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
  return { start: first * hopLength, end: Math.min(samples.length, (last + 1) * hopLength) };
}
