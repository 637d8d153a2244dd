/**
 * Quantile binning for histogram-based boosting: each feature's values are cut into at most maxBins bins of
 * roughly equal row counts, at float32 edges placed between distinct values. A value v falls in the first bin b
 * with v <= edges[b] (the last bin when there is none), so "bin <= b" and "v <= edges[b]" select the same rows,
 * for training rows and for any later input: an edge is a split threshold that needs no translation.
 */
import { type FeatureMatrix, matrixColumn } from "./dataset";
import { thresholdBetween } from "./tree";

/**
 * Ascending upper edges (at most maxBins - 1) for one feature's values: one bin per distinct value when there
 * are at most maxBins of them, else a cut wherever the rows so far reach the next 1/maxBins quantile.
 */
export function quantileBinEdges(values: Float32Array, maxBins: number): Float32Array {
  if (!(maxBins >= 2 && maxBins <= 256)) throw new RangeError(`maxBins ${maxBins} is not in 2..256`);
  const sorted = values.slice().sort();
  const n = sorted.length;
  let distinct = n > 0 ? 1 : 0;
  for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const rowsPerBin = distinct <= maxBins ? 0 : n / maxBins;
  const edges: number[] = [];
  for (let i = 0; i < n - 1 && edges.length < maxBins - 1; i++) {
    if (sorted[i] !== sorted[i + 1] && i + 1 >= (edges.length + 1) * rowsPerBin) {
      edges.push(thresholdBetween(sorted[i], sorted[i + 1]));
    }
  }
  return Float32Array.from(edges);
}

/** The bin of one value (binary search). */
export function binOf(edges: Float32Array, value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (value <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface BinnedMatrix {
  nRows: number;
  nCols: number;
  /** Per feature, its bin edges. */
  edges: Float32Array[];
  /**
   * Column-major bin numbers, bins[j * nRows + i] for row i and feature j: a histogram is filled feature by
   * feature, so one feature's bins and its small histogram stay in cache.
   */
  bins: Uint8Array;
}

export function binMatrix(x: FeatureMatrix, maxBins: number): BinnedMatrix {
  const bins = new Uint8Array(x.values.length);
  const edges = Array.from({ length: x.nCols }, (_, j) => {
    const column = matrixColumn(x, j);
    const columnEdges = quantileBinEdges(column, maxBins);
    for (let i = 0; i < x.nRows; i++) bins[j * x.nRows + i] = binOf(columnEdges, column[i]);
    return columnEdges;
  });
  return { nRows: x.nRows, nCols: x.nCols, edges, bins };
}
