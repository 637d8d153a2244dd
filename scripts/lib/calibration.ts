/**
 * Fitting a calibration (src/model/calibration.ts) to scores and labels, which should be out-of-fold: scores of
 * rows the model did not train on. Both fits give a non-decreasing map to [0, 1] when higher scores mean
 * "more positive"; parameters are rounded to float32 because the model binary stores them so.
 */
import type { Calibration } from "../../src/model/calibration";
import { fitLogistic } from "./logistic-regression";

export type PlattCalibration = Extract<Calibration, { kind: "platt" }>;

function weightsOrOnes(n: number, weight?: ArrayLike<number>): Float64Array {
  return weight ? Float64Array.from(weight) : new Float64Array(n).fill(1);
}

/**
 * Platt scaling: p = sigmoid(a * score + b), fitted by maximum likelihood to Platt's smoothed targets
 * (N+ + 1) / (N+ + 2) for positives and 1 / (N- + 2) for negatives, as scikit-learn's "sigmoid" method does
 * (its A and B are -a and -b). Counts are of rows, whatever the weights.
 */
export function fitPlatt(scores: ArrayLike<number>, labels: Uint8Array, weight?: ArrayLike<number>): PlattCalibration {
  const positives = labels.reduce((sum, label) => sum + label, 0);
  const negatives = labels.length - positives;
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  const targets = Float64Array.from(labels, (label) => (label ? high : low));
  const fit = fitLogistic(Float64Array.from(scores), 1, targets, weightsOrOnes(labels.length, weight), 0, 1000);
  return { kind: "platt", a: Math.fround(fit.coefficients[0]), b: Math.fround(fit.intercept) };
}

/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing step function closest (weighted least
 * squares) to the labels, kept as the first and last score of each step, interpolated linearly between steps
 * and clamped outside, as scikit-learn's IsotonicRegression(out_of_bounds="clip"). Scores are rounded to
 * float32 first, so scores that the binary cannot tell apart are pooled as ties.
 */
export function fitIsotonic(scores: ArrayLike<number>, labels: Uint8Array, weight?: ArrayLike<number>): Calibration {
  const w = weightsOrOnes(labels.length, weight);
  const order = Array.from({ length: labels.length }, (_, i) => i)
    .filter((i) => w[i] > 0)
    .sort((i, j) => scores[i] - scores[j] || i - j);
  if (order.length === 0) throw new RangeError("isotonic calibration needs at least one scored row with weight > 0");
  // Blocks of pooled rows: lowest and highest score, weighted mean label, total weight. Rows with equal
  // (float32) scores enter as one block, so ties are pooled before any order is enforced.
  const low: number[] = [];
  const high: number[] = [];
  const mean: number[] = [];
  const total: number[] = [];
  for (let k = 0; k < order.length; ) {
    const score = Math.fround(scores[order[k]]);
    let labelWeight = 0;
    let weightSum = 0;
    for (; k < order.length && Math.fround(scores[order[k]]) === score; k++) {
      labelWeight += labels[order[k]] * w[order[k]];
      weightSum += w[order[k]];
    }
    low.push(score);
    high.push(score);
    mean.push(labelWeight / weightSum);
    total.push(weightSum);
    // Pool while the newest block breaks the order (or ties its neighbour, which adds no breakpoint).
    while (low.length > 1 && mean[low.length - 2] >= mean[low.length - 1]) {
      const b = low.length - 1;
      mean[b - 1] = (mean[b - 1] * total[b - 1] + mean[b] * total[b]) / (total[b - 1] + total[b]);
      total[b - 1] += total[b];
      high[b - 1] = high[b];
      for (const list of [low, high, mean, total]) list.pop();
    }
  }
  const x: number[] = [];
  const y: number[] = [];
  for (let b = 0; b < low.length; b++) {
    const value = Math.fround(mean[b]);
    x.push(low[b]);
    y.push(value);
    if (high[b] > low[b]) {
      x.push(high[b]);
      y.push(value);
    }
  }
  return { kind: "isotonic", x: Float32Array.from(x), y: Float32Array.from(y) };
}
