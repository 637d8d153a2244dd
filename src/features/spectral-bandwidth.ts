import type { FrameMatrix } from "./frames";
import { NORMALIZE_THRESHOLD } from "./spectral-centroid";
import { binSpacingHz } from "./stft";

/**
 * librosa `spectral_bandwidth(S=|X|, p=2, norm=True)`: sqrt(sum_k (S_k / sum S) (f_k - centroid)^2) per frame,
 * given that frame's `spectralCentroid` (passed in so it is computed once). All-zero frames give 0.
 */
export function spectralBandwidth(magnitude: FrameMatrix, centroid: Float64Array, sampleRate: number): Float64Array {
  const { nFrames, nRows, data } = magnitude;
  if (centroid.length !== nFrames) throw new RangeError(`${centroid.length} centroids for ${nFrames} frames`);
  const binHz = binSpacingHz(sampleRate, nRows);
  const bandwidth = new Float64Array(nFrames);
  for (let t = 0; t < nFrames; t++) bandwidth[t] = frameBandwidth(data, t * nRows, nRows, binHz, centroid[t]);
  return bandwidth;
}

/** The bandwidth of one frame (nBins magnitudes at magnitude[base ...], bins binHz apart) about its centroid. */
export function frameBandwidth(
  magnitude: Float64Array,
  base: number,
  nBins: number,
  binHz: number,
  centroid: number,
): number {
  let total = 0;
  let spread = 0;
  for (let k = 0; k < nBins; k++) {
    const s = magnitude[base + k];
    const deviation = k * binHz - centroid;
    total += s;
    spread += s * deviation * deviation;
  }
  return Math.sqrt(spread / (total < NORMALIZE_THRESHOLD ? 1 : total));
}
