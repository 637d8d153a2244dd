import { centredFrameCount, type FramingParams, type Samples } from "./frames";

/**
 * librosa `feature.rms(y, frame_length, hop_length, center=True, pad_mode="constant")`: sqrt(mean(x^2)) over
 * rectangular frames of frameLength centred on t * hop, zeros beyond the signal, T = centredFrameCount. Each
 * frame is summed on its own in float64: memory is the output only (running sums over the signal would hold
 * 8 bytes per sample, 77 MB for 600 s at 16 kHz), at frameLength / hop reads per sample; all-zero frames give
 * exactly 0.
 */
export function rms(signal: Samples, { frameLength, hopLength }: FramingParams): Float64Array {
  const n = signal.length;
  const nFrames = centredFrameCount(n, frameLength, hopLength);
  const half = Math.floor(frameLength / 2);
  const out = new Float64Array(nFrames);
  for (let t = 0; t < nFrames; t++) {
    const first = t * hopLength - half;
    const from = Math.min(n, Math.max(0, first));
    const to = Math.min(n, Math.max(0, first + frameLength));
    let sum = 0;
    for (let i = from; i < to; i++) sum += signal[i] * signal[i];
    out[t] = Math.sqrt(sum / frameLength);
  }
  return out;
}
