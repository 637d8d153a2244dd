import type { FrameRange } from "../features/segments";
import { FRAME_COLUMNS, type FrameFeatures, LOG_ENERGY_COLUMN } from "./frame-features";

/**
 * Frames more than this far below the loudest frame of the range are left out of the statistics: pauses and
 * the noise floor say more about the recording channel than about how the voice was made.
 */
export const ACTIVE_RANGE_DB = 40;
/** With fewer active frames than this the statistics use every frame of the range. */
const MIN_ACTIVE_FRAMES = 3;

const spectralColumns = FRAME_COLUMNS.filter((_, c) => c !== LOG_ENERGY_COLUMN);

/**
 * The names of the summary vector: for every per-frame column except the log energy its mean, standard
 * deviation and the standard deviation of its frame-to-frame change over active frames, then the log energy's
 * standard deviation and that of its change (its mean is a matter of gain, not of synthesis).
 */
export const SUMMARY_NAMES: readonly string[] = [
  ...spectralColumns.flatMap((name) => [`${name}_mean`, `${name}_std`, `${name}_delta_std`]),
  "log_energy_std",
  "log_energy_delta_std",
];

/**
 * Summary statistics of frames [first, end) of `frames` (active frames only, see ACTIVE_RANGE_DB), in the order
 * of SUMMARY_NAMES, as float32 (the model compares float32 values). The range of a whole clip gives the clip's
 * vector; the range of a segment gives that segment's vector from the same per-frame features.
 */
export function summarize(frames: FrameFeatures, range: FrameRange): Float32Array {
  const { data, nColumns } = frames;
  const { first, end } = range;
  if (!(0 <= first && first < end && end <= frames.nFrames)) {
    throw new RangeError(`frame range [${first}, ${end}) is empty or outside [0, ${frames.nFrames})`);
  }
  const active = activeFrames(frames, range);
  const n = active.length;
  // Plain arrays of doubles, not Float64Arrays: V8 checks every typed-array access (see real-fft.ts), and these
  // take one per value of every active frame (0.94 -> 0.84 ms for a 10 s clip and its five segments).
  const zeros = () => Array.from({ length: nColumns }, () => 0.5).fill(0);
  const mean = zeros();
  const squares = zeros();
  const deltaMean = zeros();
  const deltaSquares = zeros();
  let nDeltas = 0;
  const runStarts = new Set(frames.runStarts);
  for (let i = 0; i < n; i++) {
    const base = active[i] * nColumns;
    for (let c = 0; c < nColumns; c++) mean[c] += data[base + c];
  }
  for (let c = 0; c < nColumns; c++) mean[c] /= n;
  for (let i = 0; i < n; i++) {
    const base = active[i] * nColumns;
    for (let c = 0; c < nColumns; c++) squares[c] += (data[base + c] - mean[c]) ** 2;
    // A change is taken only between frames that are adjacent in time, not across a left-out pause or between
    // two excerpts of the input.
    if (i > 0 && active[i - 1] === active[i] - 1 && !runStarts.has(active[i])) {
      const previous = base - nColumns;
      for (let c = 0; c < nColumns; c++) {
        const delta = data[base + c] - data[previous + c];
        deltaMean[c] += delta;
        deltaSquares[c] += delta * delta;
      }
      nDeltas++;
    }
  }
  const out = new Float32Array(SUMMARY_NAMES.length);
  let o = 0;
  const deltaStd = (c: number) =>
    nDeltas === 0 ? 0 : Math.sqrt(Math.max(0, deltaSquares[c] / nDeltas - (deltaMean[c] / nDeltas) ** 2));
  for (let c = 0; c < nColumns; c++) {
    if (c === LOG_ENERGY_COLUMN) continue;
    out[o++] = mean[c];
    out[o++] = Math.sqrt(squares[c] / n);
    out[o++] = deltaStd(c);
  }
  out[o++] = Math.sqrt(squares[LOG_ENERGY_COLUMN] / n);
  out[o++] = deltaStd(LOG_ENERGY_COLUMN);
  return out;
}

/** Indices of the frames of the range within ACTIVE_RANGE_DB of its loudest frame (all frames if too few). */
function activeFrames({ data, nColumns }: FrameFeatures, { first, end }: FrameRange): Int32Array {
  let loudest = -Infinity;
  for (let t = first; t < end; t++) loudest = Math.max(loudest, data[t * nColumns + LOG_ENERGY_COLUMN]);
  const indices = new Int32Array(end - first);
  let n = 0;
  for (let t = first; t < end; t++) {
    if (data[t * nColumns + LOG_ENERGY_COLUMN] > loudest - ACTIVE_RANGE_DB) indices[n++] = t;
  }
  if (n >= MIN_ACTIVE_FRAMES) return indices.subarray(0, n);
  for (let t = first; t < end; t++) indices[t - first] = t;
  return indices;
}
