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
}

/**
 * Triangles between consecutive `edges` (Hz; band m rises from edges[m] to edges[m+1] and falls to edges[m+2]),
 * evaluated at the bin frequencies k * sampleRate / nFft (librosa `fft_frequencies`) and scaled by scale(m).
 * A band that falls between two bins stays empty and weighs nothing, as in librosa.
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
  return { nMels: nBands, nBins, start, length, offset, weights: Float64Array.from(weights) };
}

/** The filterbank applied to each frame of a power spectrogram: frame-major [T][nBands]. */
export function applyFilterbank(power: FrameMatrix, filterbank: SparseFilterbank): FrameMatrix {
  if (power.nRows !== filterbank.nBins) {
    throw new RangeError(`spectrogram has ${power.nRows} bins, filterbank expects ${filterbank.nBins}`);
  }
  const { nMels, start, length, offset, weights } = filterbank;
  const data = new Float64Array(power.nFrames * nMels);
  const spectrum = power.data;
  for (let t = 0; t < power.nFrames; t++) {
    const frameBase = t * power.nRows;
    for (let m = 0; m < nMels; m++) {
      const binBase = frameBase + start[m];
      const weightBase = offset[m];
      let sum = 0;
      for (let j = 0; j < length[m]; j++) sum += weights[weightBase + j] * spectrum[binBase + j];
      data[t * nMels + m] = sum;
    }
  }
  return { data, nFrames: power.nFrames, nRows: nMels };
}
