import { centredFrameCount, type FramingParams, type Samples } from "./frames";

/** Zero-crossing rate parameters: the framing plus librosa's threshold (1e-10). */
export interface ZeroCrossingRateParams extends FramingParams {
  /** Samples with |x| <= threshold count as 0, and 0 counts as positive (librosa zero_pos=True). */
  readonly threshold: number;
}

/**
 * librosa `feature.zero_crossing_rate(y, frame_length, hop_length, center=True)`: the signal is padded by
 * floor(frameLength / 2) copies of its first and last sample (EDGE mode, unlike rms and the STFT); a crossing is
 * a sign change between consecutive samples of one frame (frameLength - 1 pairs, the first sample is not
 * compared with the previous frame), and the rate is crossings / frameLength. Counts come from a running count
 * of crossings, so each frame costs O(1) and the result is exact.
 */
export function zeroCrossingRate(
  signal: Samples,
  { frameLength, hopLength, threshold }: ZeroCrossingRateParams,
): Float64Array {
  const n = signal.length;
  const nFrames = centredFrameCount(n, frameLength, hopLength);
  // crossingsBefore[i] = crossings between pairs (j, j + 1) with j < i. Pairs inside the edge padding never cross.
  const crossingsBefore = new Int32Array(n);
  let previousNegative = signal[0] < -threshold;
  for (let i = 1; i < n; i++) {
    const negative = signal[i] < -threshold;
    crossingsBefore[i] = crossingsBefore[i - 1] + (negative !== previousNegative ? 1 : 0);
    previousNegative = negative;
  }
  const half = Math.floor(frameLength / 2);
  const out = new Float64Array(nFrames);
  for (let t = 0; t < nFrames; t++) {
    // Frame t's pairs start at original sample t * hop - half; it has frameLength - 1 of them.
    const firstPair = t * hopLength - half;
    const from = Math.min(n - 1, Math.max(0, firstPair));
    const to = Math.min(n - 1, Math.max(0, firstPair + frameLength - 1));
    out[t] = (crossingsBefore[to] - crossingsBefore[from]) / frameLength;
  }
  return out;
}
