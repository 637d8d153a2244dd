/**
 * The frame grid shared by every feature, librosa's `center=True` convention: frame t is centred on sample
 * t * hopLength of the signal (the signal is padded by floor(frameLength / 2) on each side), so
 * T = 1 + floor((n + 2 * floor(frameLength / 2) - frameLength) / hopLength), which is 1 + floor(n / hop) for an
 * even frame length.
 */

/** Audio samples as the features accept them (decoders give Float32Array; float64 works as well). */
export type Samples = Float32Array | Float64Array;

/**
 * Per-frame values with several rows each (frequency bins, mel bands, coefficients), stored frame-major:
 * row r of frame t is `data[t * nRows + r]`. Frame-major keeps one frame's values contiguous for the per-frame
 * loops, and makes a run of frames a zero-copy `subarray` (see `frameSlice`). librosa's arrays are [row][frame];
 * this is their transpose.
 */
export interface FrameMatrix {
  readonly data: Float64Array;
  readonly nFrames: number;
  readonly nRows: number;
}

/** Framing of the time-domain features (rms, zero-crossing rate): frame length and hop in samples. */
export interface FramingParams {
  readonly frameLength: number;
  readonly hopLength: number;
}

/** Number of centred frames (librosa `center=True`) for a signal of `nSamples` (at least one sample). */
export function centredFrameCount(nSamples: number, frameLength: number, hopLength: number): number {
  if (!(nSamples >= 1)) throw new RangeError("a signal needs at least one sample to be framed");
  if (!(Number.isInteger(hopLength) && hopLength >= 1)) {
    throw new RangeError(`hop length ${hopLength} is not a positive integer`);
  }
  const padded = nSamples + 2 * Math.floor(frameLength / 2);
  if (padded < frameLength) throw new RangeError(`signal of ${nSamples} samples is too short for one frame`);
  return 1 + Math.floor((padded - frameLength) / hopLength);
}

/** The sample on which frame t is centred (librosa `frames_to_samples`). */
export function frameCentreSample(frame: number, hopLength: number): number {
  return frame * hopLength;
}

/** The time in seconds at which frame t is centred (librosa `frames_to_time`). */
export function frameCentreSeconds(frame: number, hopLength: number, sampleRate: number): number {
  return (frame * hopLength) / sampleRate;
}

/** Frames [t0, t1) of a matrix as a view sharing its memory. */
export function frameSlice(matrix: FrameMatrix, t0: number, t1: number): FrameMatrix {
  if (!(0 <= t0 && t0 <= t1 && t1 <= matrix.nFrames)) {
    throw new RangeError(`frame range [${t0}, ${t1}) outside [0, ${matrix.nFrames})`);
  }
  return {
    data: matrix.data.subarray(t0 * matrix.nRows, t1 * matrix.nRows),
    nFrames: t1 - t0,
    nRows: matrix.nRows,
  };
}
