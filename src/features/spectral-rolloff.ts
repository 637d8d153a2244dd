import type { FrameMatrix } from "./frames";
import { binSpacingHz } from "./stft";

/**
 * librosa `spectral_rolloff(S=|X|, roll_percent)`: the lowest bin frequency f_k at which the cumulative sum of
 * the frame's magnitudes reaches rollPercent of its total (librosa uses 0.85). All-zero frames give 0 Hz.
 * librosa sums in float32, we in float64: where the cumulative sum sits within rounding of the threshold the
 * two may pick neighbouring bins.
 */
export function spectralRolloff(magnitude: FrameMatrix, sampleRate: number, rollPercent: number): Float64Array {
  const { nFrames, nRows, data } = magnitude;
  const binHz = binSpacingHz(sampleRate, nRows);
  const rolloff = new Float64Array(nFrames);
  for (let t = 0; t < nFrames; t++) rolloff[t] = frameRolloff(data, t * nRows, nRows, binHz, rollPercent);
  return rolloff;
}

/** The rolloff frequency of one frame: the nBins magnitudes at magnitude[base ...], bins binHz apart. */
export function frameRolloff(
  magnitude: Float64Array,
  base: number,
  nBins: number,
  binHz: number,
  rollPercent: number,
): number {
  let total = 0;
  for (let k = 0; k < nBins; k++) total += magnitude[base + k];
  const threshold = rollPercent * total;
  let cumulative = 0;
  let k = 0;
  for (; k < nBins - 1; k++) {
    cumulative += magnitude[base + k];
    if (cumulative >= threshold) break;
  }
  return k * binHz;
}
