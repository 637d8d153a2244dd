import { centredFrameCount, type FramingParams, type Samples } from "./frames";

/**
 * librosa `feature.rms(y, frame_length, hop_length, center=True, pad_mode="constant")`: sqrt(mean(x^2)) over
 * rectangular frames of frameLength centred on t * hop, zeros beyond the signal, T = centredFrameCount. Uses a
 * float64 running sum of squares (one pass over the signal however much the frames overlap); the sum is
 * monotone, so a frame's difference is never negative and all-zero frames give exactly 0.
 */
export function rms(signal: Samples, { frameLength, hopLength }: FramingParams): Float64Array {
  const n = signal.length;
  const nFrames = centredFrameCount(n, frameLength, hopLength);
  const sumOfSquares = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) sumOfSquares[i + 1] = sumOfSquares[i] + signal[i] * signal[i];
  const half = Math.floor(frameLength / 2);
  const out = new Float64Array(nFrames);
  for (let t = 0; t < nFrames; t++) {
    const first = t * hopLength - half;
    const from = Math.min(n, Math.max(0, first));
    const to = Math.min(n, Math.max(0, first + frameLength));
    out[t] = Math.sqrt((sumOfSquares[to] - sumOfSquares[from]) / frameLength);
  }
  return out;
}
