/**
 * Reweighting that makes the trivial cues label-independent: rows are put into bins of each cue (quantile bins;
 * a cue with few distinct values, like the sample rate, bins by value), and the weights are raked (iterative
 * proportional fitting) so that in every bin of every cue both classes have the bin's overall share of their
 * class weight. A cue whose distribution is the same in both classes no longer separates them at any threshold
 * (up to what happens inside a bin), so the trees cannot lean on it through correlated features.
 */

/** Bin index per row: quantile edges of the values (distinct edges only, so ties stay in one bin). */
export function quantileBins(values: ArrayLike<number>, nBins: number): Int32Array {
  const sorted = Float64Array.from(values).sort();
  const edges: number[] = [];
  for (let b = 1; b < nBins; b++) {
    const edge = sorted[Math.floor((b * sorted.length) / nBins)];
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return Int32Array.from(values, (v) => {
    let bin = 0;
    while (bin < edges.length && v > edges[bin]) bin++;
    return bin;
  });
}

/**
 * Weights w' = w * f[cue][bin][class] products such that, for every cue, each class's weight is spread over the
 * bins as the total weight is; class totals are kept. `rounds` passes over the cues (raking converges fast).
 */
export function rakeWeights(weights: ArrayLike<number>, labels: ArrayLike<number>, binsByCue: readonly Int32Array[], rounds = 10): Float64Array {
  const w = Float64Array.from(weights);
  const classTotal = [0, 0];
  for (let i = 0; i < w.length; i++) classTotal[labels[i]] += w[i];
  for (let round = 0; round < rounds; round++) {
    for (const bins of binsByCue) {
      // A loop, not Math.max(...bins): spreading 158,760 rows into one call overflowed the stack.
      const nBins = bins.reduce((n, bin) => Math.max(n, bin + 1), 0);
      const byClass = [new Float64Array(nBins), new Float64Array(nBins)];
      for (let i = 0; i < w.length; i++) byClass[labels[i]][bins[i]] += w[i];
      const total = classTotal[0] + classTotal[1];
      const factor = [0, 1].map((c) =>
        Float64Array.from(byClass[c], (inBin, b) => (inBin > 0 ? ((byClass[0][b] + byClass[1][b]) / total) * classTotal[c] / inBin : 0)),
      );
      for (let i = 0; i < w.length; i++) w[i] *= factor[labels[i]][bins[i]];
    }
  }
  return w;
}
