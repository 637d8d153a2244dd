import type { FrameMatrix } from "./frames";

/**
 * Features per segment of a clip (e.g. every 2 s) from ONE pass of the STFT and the per-frame features.
 *
 * Definition: a segment [startSample, endSample) owns the frames whose centre t * hop lies in it, i.e. frames
 * [ceil(start / hop), ceil(end / hop)). Each of those frames is the whole clip's frame: it sees the clip's
 * samples up to nFft / 2 on either side of its centre, also across the segment's edges (zeros only beyond the
 * clip's ends). A segment's statistic is the mean / population std (ddof 0) of its frames' values. Features
 * floored relative to their matrix maximum (power_to_db's top_db in mel_db, MFCC and contrast) are computed on
 * the segment's frames, `frameSlice(melPower, range.first, range.end)`, so the floor is the segment's own, as if
 * librosa had been given just those frames.
 */

/** Frames [first, end) of the clip's frame grid. */
export interface FrameRange {
  readonly first: number;
  readonly end: number;
}

/** The frames whose centre t * hopLength lies in [startSample, endSample), clipped to the clip's nFrames. */
export function segmentFrameRange(
  startSample: number,
  endSample: number,
  hopLength: number,
  nFrames: number,
): FrameRange {
  if (!(0 <= startSample && startSample <= endSample)) {
    throw new RangeError(`bad segment [${startSample}, ${endSample})`);
  }
  return {
    first: Math.min(nFrames, Math.ceil(startSample / hopLength)),
    end: Math.min(nFrames, Math.ceil(endSample / hopLength)),
  };
}

/**
 * Consecutive segments of segmentLength samples covering a clip of nSamples (the last one may be shorter), as
 * frame ranges. The frame centred on sample nSamples itself (present when hop divides nSamples) goes to the last
 * segment, so the ranges tile all nFrames frames.
 */
export function consecutiveSegmentFrameRanges(
  nSamples: number,
  segmentLength: number,
  hopLength: number,
  nFrames: number,
): FrameRange[] {
  if (!(segmentLength >= 1)) throw new RangeError(`segment length ${segmentLength} < 1`);
  const ranges: FrameRange[] = [];
  for (let start = 0; start < nSamples; start += segmentLength) {
    const end = Math.min(nSamples, start + segmentLength);
    const range = segmentFrameRange(start, end, hopLength, nFrames);
    ranges.push(end === nSamples ? { first: range.first, end: nFrames } : range);
  }
  return ranges;
}

export interface MeanStd {
  readonly mean: number;
  readonly std: number;
}

/** Mean and population standard deviation (numpy `std`, ddof 0) of values[first, end), two-pass. */
export function meanStd(values: Float64Array, range: FrameRange): MeanStd {
  const { first, end } = checkedRange(range, values.length);
  let sum = 0;
  for (let t = first; t < end; t++) sum += values[t];
  const mean = sum / (end - first);
  let squares = 0;
  for (let t = first; t < end; t++) squares += (values[t] - mean) ** 2;
  return { mean, std: Math.sqrt(squares / (end - first)) };
}

/** Per-row mean and population std of a frame-major matrix over frames [first, end). */
export function rowMeanStd(matrix: FrameMatrix, range: FrameRange): { mean: Float64Array; std: Float64Array } {
  const { first, end } = checkedRange(range, matrix.nFrames);
  const { nRows, data } = matrix;
  const mean = new Float64Array(nRows);
  const std = new Float64Array(nRows);
  for (let t = first; t < end; t++) for (let r = 0; r < nRows; r++) mean[r] += data[t * nRows + r];
  for (let r = 0; r < nRows; r++) mean[r] /= end - first;
  for (let t = first; t < end; t++) for (let r = 0; r < nRows; r++) std[r] += (data[t * nRows + r] - mean[r]) ** 2;
  for (let r = 0; r < nRows; r++) std[r] = Math.sqrt(std[r] / (end - first));
  return { mean, std };
}

function checkedRange(range: FrameRange, nFrames: number): FrameRange {
  if (!(0 <= range.first && range.first < range.end && range.end <= nFrames)) {
    throw new RangeError(`frame range [${range.first}, ${range.end}) is empty or outside [0, ${nFrames})`);
  }
  return range;
}
