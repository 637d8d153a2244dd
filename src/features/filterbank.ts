import type { FrameMatrix } from "./frames";

/**
 * A bank of band filters over the bins of a one-sided spectrum, stored as sparse rows: band m weights bins
 * [start[m], start[m] + length[m]) with `weights[offset[m] ...]`. Triangular bands cover few bins each, so
 * applying a bank costs about 2 multiply-adds per bin whatever the number of bands.
 */
export interface SparseFilterbank {
  readonly nMels: number;
  readonly nBins: number;
  readonly start: Int32Array;
  readonly length: Int32Array;
  readonly offset: Int32Array;
  readonly weights: Float64Array;
  /** The same weights bin by bin, the layout `filterbankFrame` applies. */
  readonly runs: FilterbankRuns;
}

/**
 * The weights of a bank in which every bin feeds at most two bands (overlapping triangles), grouped into runs of
 * consecutive bins that feed the same two: run r covers bins [runStart[r], runEnd[r]) and feeds band lower[r]
 * with lowerWeight[k] and band upper[r] with upperWeight[k] (-1 where a run feeds one band only). Applying the
 * bank then reads each bin once in one loop, instead of once per band in one short loop per band. Plain arrays,
 * not typed ones: V8 checks every typed-array element access, and these are read for every bin of every frame.
 */
export interface FilterbankRuns {
  readonly runStart: readonly number[];
  readonly runEnd: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly lowerWeight: readonly number[];
  readonly upperWeight: readonly number[];
}

/**
 * Triangles between consecutive `edges` (Hz; band m rises from edges[m] to edges[m+1] and falls to edges[m+2]),
 * evaluated at the bin frequencies k * sampleRate / nFft (librosa `fft_frequencies`) and scaled by scale(m).
 * A band that falls between two bins stays empty and weighs nothing, as in librosa. The edges must not decrease
 * (then no bin lies in more than two triangles).
 */
export function triangularFilterbank(
  edges: Float64Array,
  sampleRate: number,
  nFft: number,
  scale: (band: number) => number,
): SparseFilterbank {
  const nBands = edges.length - 2;
  const nBins = Math.floor(nFft / 2) + 1;
  const binHz = sampleRate / nFft;
  const start = new Int32Array(nBands);
  const length = new Int32Array(nBands);
  const offset = new Int32Array(nBands);
  const weights: number[] = [];
  const row = new Float64Array(nBins);
  for (let m = 0; m < nBands; m++) {
    const norm = scale(m);
    let first = nBins;
    let last = -1;
    for (let k = 0; k < nBins; k++) {
      const rising = (k * binHz - edges[m]) / (edges[m + 1] - edges[m]);
      const falling = (edges[m + 2] - k * binHz) / (edges[m + 2] - edges[m + 1]);
      row[k] = norm * Math.max(0, Math.min(rising, falling));
      if (row[k] > 0) {
        first = Math.min(first, k);
        last = k;
      }
    }
    start[m] = last < 0 ? 0 : first;
    length[m] = last < 0 ? 0 : last - first + 1;
    offset[m] = weights.length;
    for (let k = start[m]; k < start[m] + length[m]; k++) weights.push(row[k]);
  }
  const rows = { nMels: nBands, nBins, start, length, offset, weights: Float64Array.from(weights) };
  return { ...rows, runs: filterbankRuns(rows) };
}

/** The bin-by-bin runs of a bank given by its sparse rows; throws if a bin lies in more than two bands. */
function filterbankRuns(bank: Omit<SparseFilterbank, "runs">): FilterbankRuns {
  const { nMels, nBins, start, length, offset, weights } = bank;
  const lowerOf = new Int32Array(nBins).fill(-1);
  const upperOf = new Int32Array(nBins).fill(-1);
  const lowerWeight = new Float64Array(nBins);
  const upperWeight = new Float64Array(nBins);
  for (let m = 0; m < nMels; m++) {
    for (let j = 0; j < length[m]; j++) {
      const k = start[m] + j;
      if (lowerOf[k] < 0) {
        lowerOf[k] = m;
        lowerWeight[k] = weights[offset[m] + j];
      } else if (upperOf[k] < 0) {
        upperOf[k] = m;
        upperWeight[k] = weights[offset[m] + j];
      } else {
        throw new RangeError(`filterbank bin ${k} lies in more than two bands`);
      }
    }
  }
  const runStart: number[] = [];
  const runEnd: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  for (let k = 0; k < nBins; k++) {
    if (lowerOf[k] < 0) continue;
    const last = lower.length - 1;
    if (last >= 0 && runEnd[last] === k && lower[last] === lowerOf[k] && upper[last] === upperOf[k]) {
      runEnd[last] = k + 1;
    } else {
      runStart.push(k);
      runEnd.push(k + 1);
      lower.push(lowerOf[k]);
      upper.push(upperOf[k]);
    }
  }
  return { runStart, runEnd, lower, upper, lowerWeight: Array.from(lowerWeight), upperWeight: Array.from(upperWeight) };
}

/** The filterbank applied to each frame of a power spectrogram: frame-major [T][nBands]. */
export function applyFilterbank(power: FrameMatrix, filterbank: SparseFilterbank): FrameMatrix {
  if (power.nRows !== filterbank.nBins) {
    throw new RangeError(`spectrogram has ${power.nRows} bins, filterbank expects ${filterbank.nBins}`);
  }
  const { nMels } = filterbank;
  const data = new Float64Array(power.nFrames * nMels);
  for (let t = 0; t < power.nFrames; t++) filterbankFrame(power.data, t * power.nRows, filterbank, data, t * nMels);
  return { data, nFrames: power.nFrames, nRows: nMels };
}

/**
 * The filterbank applied to one frame: the nBins powers at spectrum[base ...] give the band energies
 * out[outOffset ... outOffset + nMels). Each band is the sum of its runs' partial sums.
 */
export function filterbankFrame(
  spectrum: Float64Array,
  base: number,
  filterbank: SparseFilterbank,
  out: Float64Array,
  outOffset: number,
): void {
  const { runStart, runEnd, lower, upper, lowerWeight, upperWeight } = filterbank.runs;
  out.fill(0, outOffset, outOffset + filterbank.nMels);
  for (let r = 0; r < runStart.length; r++) {
    let lowerSum = 0;
    let upperSum = 0;
    for (let k = runStart[r]; k < runEnd[r]; k++) {
      const p = spectrum[base + k];
      lowerSum += lowerWeight[k] * p;
      upperSum += upperWeight[k] * p;
    }
    out[outOffset + lower[r]] += lowerSum;
    if (upper[r] >= 0) out[outOffset + upper[r]] += upperSum;
  }
}
