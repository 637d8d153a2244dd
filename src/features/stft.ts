import { copyZeroPadded, scratchSpan } from "../audio/zero-padded";
import { centredFrameCount, type Doubles, type FrameMatrix, type Samples } from "./frames";
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
  const { first, end } = checkedFrameRange(signal.length, params, frames);
  const nRows = params.nFft / 2 + 1;
  const data = new Float64Array((end - first) * nRows);
  const span = scratchSpan(frameSpanLength(Math.min(end - first, SPAN_FRAMES), params));
  for (let block = first; block < end; block += SPAN_FRAMES) {
    const nFrames = Math.min(SPAN_FRAMES, end - block);
    readFrameSpan(signal, block, nFrames, params, span);
    spanPowerSpectra(span, nFrames, params, data, (block - first) * nRows);
  }
  return { data, nFrames: end - first, nRows };
}

/** Frames whose samples powerSpectrogram copies at a time (a span of 2,912 samples for the detector's grid). */
const SPAN_FRAMES = 16;

/** Samples that frames [first, first + nFrames) of the grid cover together: (nFrames - 1) * hop + nFft. */
export function frameSpanLength(nFrames: number, params: StftParams): number {
  return (nFrames - 1) * params.hopLength + params.nFft;
}

/**
 * Copies the samples of frames [first, first + nFrames) into span[0 .. frameSpanLength), zero-padded beyond the
 * signal as librosa pads it: span[0] is sample first * hop - nFft / 2, and frame first + t starts at span[t * hop].
 * A plain array of doubles holding the same numbers: the transform reads each sample about nFft / hop times, and
 * V8 checks every typed-array access (see src/audio/zero-padded.ts).
 */
export function readFrameSpan(signal: Samples, first: number, nFrames: number, params: StftParams, span: number[]): void {
  copyZeroPadded(signal, first * params.hopLength - (params.nFft >> 1), frameSpanLength(nFrames, params), span);
}

/**
 * The power spectra of the nFrames frames in `span` (laid out by readFrameSpan), written frame-major to
 * out[outOffset ...] (nFft / 2 + 1 values per frame), each windowed by the centred Hann window.
 */
export function spanPowerSpectra(
  span: readonly number[],
  nFrames: number,
  params: StftParams,
  out: Doubles,
  outOffset: number,
): void {
  const { nFft, hopLength, winLength } = params;
  const transform = realPowerSpectrum(nFft);
  const window = centredHann(winLength, nFft);
  const nBins = nFft / 2 + 1;
  for (let t = 0; t < nFrames; t++) transform.windowedPowerSpectrum(span, t * hopLength, window, out, outOffset + t * nBins);
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
