import { centredFrameCount, type FrameMatrix, type Samples } from "./frames";
import { realPowerSpectrum } from "./real-fft";
import type { FrameRange } from "./segments";

/** Short-time Fourier transform parameters (librosa `stft` names). */
export interface StftParams {
  /** FFT size, a power of two; the spectrum has nFft / 2 + 1 bins. */
  readonly nFft: number;
  readonly hopLength: number;
  /** Hann window length, at most nFft; the window is zero-padded to nFft, centred. */
  readonly winLength: number;
}

/**
 * Power spectrogram |X|^2, frame-major [T][nFft/2 + 1], following librosa >= 0.10 `stft(center=True,
 * pad_mode="constant")`: frame t holds samples [t*hop - nFft/2, t*hop + nFft/2) with zeros beyond the signal,
 * times a periodic Hann window of winLength (scipy `get_window("hann", winLength, fftbins=True)`) centred in
 * nFft, then a one-sided DFT (numpy `rfft`); T = 1 + floor(n / hop). Computed in float64 (librosa stores
 * complex64). With `frames`, only frames [first, end) of that grid are computed (row 0 is frame `first`), so a
 * long signal can be analysed block by block in bounded memory with results identical to the whole matrix.
 */
export function powerSpectrogram(signal: Samples, params: StftParams, frames?: FrameRange): FrameMatrix {
  const range = checkedFrameRange(signal.length, params, frames);
  const size = (range.end - range.first) * (params.nFft / 2 + 1);
  return powerSpectrogramInto(signal, params, range, new Float64Array(size));
}

/**
 * `powerSpectrogram` of frames [first, end) written to `out` (at least (end - first) * (nFft / 2 + 1) values), so
 * that a block-by-block caller reuses one buffer; the result's data is a view of `out`.
 */
export function powerSpectrogramInto(
  signal: Samples,
  params: StftParams,
  frames: FrameRange,
  out: Float64Array,
): FrameMatrix {
  const { nFft, hopLength, winLength } = params;
  const { first: firstFrame, end: endFrame } = checkedFrameRange(signal.length, params, frames);
  const transform = realPowerSpectrum(nFft);
  const nBins = nFft / 2 + 1;
  const nFrames = endFrame - firstFrame;
  if (out.length < nFrames * nBins) {
    throw new RangeError(`output holds ${out.length} values, ${nFrames * nBins} needed`);
  }
  const window = centredHann(winLength, nFft);
  // Frames that reach past either end of the signal are copied, zero-padded, into `edge` (of the signal's type,
  // so the samples are the same numbers); the others are read in place.
  const edge = signal instanceof Float32Array ? new Float32Array(nFft) : new Float64Array(nFft);
  const n = signal.length;
  for (let t = 0; t < nFrames; t++) {
    const start = (firstFrame + t) * hopLength - (nFft >> 1);
    if (start >= 0 && start + nFft <= n) {
      transform.windowedPowerSpectrum(signal, start, window, out, t * nBins);
    } else {
      for (let j = 0; j < nFft; j++) edge[j] = start + j >= 0 && start + j < n ? signal[start + j] : 0;
      transform.windowedPowerSpectrum(edge, 0, window, out, t * nBins);
    }
  }
  return { data: out.subarray(0, nFrames * nBins), nFrames, nRows: nBins };
}

/** `frames` (all frames by default) after checking it lies on the grid, and the window length. */
function checkedFrameRange(nSamples: number, params: StftParams, frames?: FrameRange): FrameRange {
  const { nFft, hopLength, winLength } = params;
  if (!(winLength >= 1 && winLength <= nFft)) throw new RangeError(`winLength ${winLength} not in [1, ${nFft}]`);
  const totalFrames = centredFrameCount(nSamples, nFft, hopLength);
  const first = frames?.first ?? 0;
  const end = frames?.end ?? totalFrames;
  if (!(0 <= first && first <= end && end <= totalFrames)) {
    throw new RangeError(`frame range [${first}, ${end}) outside [0, ${totalFrames})`);
  }
  return { first, end };
}

/** Magnitude spectrogram |X| from a power spectrogram, same layout. */
export function magnitudeSpectrogram(power: FrameMatrix): FrameMatrix {
  const data = new Float64Array(power.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.sqrt(power.data[i]);
  return { data, nFrames: power.nFrames, nRows: power.nRows };
}

/** Spacing of the one-sided spectrum's bins in Hz (bin k is at k times this, librosa `fft_frequencies`). */
export function binSpacingHz(sampleRate: number, nBins: number): number {
  return sampleRate / (2 * (nBins - 1));
}

const windows = new Map<string, readonly number[]>();

/** Periodic Hann window, w[i] = 0.5 - 0.5 cos(2 pi i / n) (scipy `get_window("hann", n, fftbins=True)`). */
export const periodicHann = (n: number, i: number) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);

/**
 * periodicHann of winLength centred in nFft zeros; built once per size, as a plain array (the transform reads it
 * for every frame).
 */
function centredHann(winLength: number, nFft: number): readonly number[] {
  const key = `${winLength}/${nFft}`;
  let window = windows.get(key);
  if (window === undefined) {
    const offset = Math.floor((nFft - winLength) / 2);
    window = Array.from({ length: nFft }, (_, j) => {
      const i = j - offset;
      return i >= 0 && i < winLength ? periodicHann(winLength, i) : 0;
    });
    windows.set(key, window);
  }
  return window;
}
