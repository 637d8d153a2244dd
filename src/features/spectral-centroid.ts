import type { FrameMatrix } from "./frames";
import { binSpacingHz } from "./stft";

/**
 * Sums below this count as an all-zero frame: numpy's float32 `tiny`, the threshold of librosa's
 * `util.normalize`, which leaves such frames unnormalised (so their centroid and bandwidth are 0).
 */
export const NORMALIZE_THRESHOLD = 1.1754943508222875e-38;

/**
 * librosa `spectral_centroid(S=|X|)`: sum_k f_k S_k / sum_k S_k per frame, f_k = k * sr / nFft (nFft taken from
 * the spectrogram's nFft/2 + 1 rows). All-zero frames give 0.
 */
export function spectralCentroid(magnitude: FrameMatrix, sampleRate: number): Float64Array {
  const { nFrames, nRows, data } = magnitude;
  const binHz = binSpacingHz(sampleRate, nRows);
  const centroid = new Float64Array(nFrames);
  for (let t = 0; t < nFrames; t++) centroid[t] = frameCentroid(data, t * nRows, nRows, binHz);
  return centroid;
}

/** The centroid of one frame: the nBins magnitudes at magnitude[base ...], bins binHz apart. */
export function frameCentroid(magnitude: Float64Array, base: number, nBins: number, binHz: number): number {
  let total = 0;
  let weighted = 0;
  for (let k = 0; k < nBins; k++) {
    const s = magnitude[base + k];
    total += s;
    weighted += k * s;
  }
  return (binHz * weighted) / (total < NORMALIZE_THRESHOLD ? 1 : total);
}
