/**
 * Gradient-boosted trees for binary log loss, grown as LightGBM grows them: features cut into quantile bins once
 * (binning.ts), gradient and hessian histograms per leaf (the larger child's by subtracting the smaller child's
 * from its parent's), trees grown leaf-wise (always split the leaf with the largest gain) up to numLeaves,
 * leaf value -G / (H + lambdaL2) times the learning rate, the first score log(p / (1 - p)) of the (weighted)
 * positive rate. Row bagging per iteration and feature sampling per tree draw from the seed. Training stops early
 * when a caller-given validation set's loss has not improved for earlyStoppingRounds iterations, or when a tree
 * finds no split; the ensemble keeps the trees up to the best validation iteration.
 */
import { binMatrix } from "./binning";
import { type ClassWeight, type TrainingSet, checkTrainingSet, matrixRow, rowWeights } from "./dataset";
import { type Random, mulberry32, sampleWithoutReplacement } from "./prng";
import { sigmoid } from "../../src/model/calibration";
import { type TreeEnsemble, type TreeNode, predictTree } from "./tree";

export interface BoostingOptions {
  /** Boosting iterations at most (one tree each). */
  nEstimators: number;
  learningRate: number;
  /** Leaves per tree at most. */
  numLeaves: number;
  /** Splits on the longest path at most; Infinity for no limit. */
  maxDepth: number;
  /** Rows a leaf needs at least. */
  minDataInLeaf: number;
  /** Hessian sum a leaf needs at least. */
  minSumHessianInLeaf: number;
  lambdaL2: number;
  /** A split must gain more than this. */
  minGainToSplit: number;
  /** Fraction of the features each tree may split on, drawn per tree. */
  featureFraction: number;
  /** Fraction of the rows each tree is grown from, drawn per iteration without replacement. */
  baggingFraction: number;
  /** Bins per feature at most (2..256). */
  maxBins: number;
  /** Stop after this many iterations without a better validation loss (needs a validation set); 0: never. */
  earlyStoppingRounds: number;
  classWeight?: ClassWeight;
  seed: number;
}

/** LightGBM's defaults for binary classification. */
export const GRADIENT_BOOSTING_DEFAULTS: BoostingOptions = {
  nEstimators: 100,
  learningRate: 0.1,
  numLeaves: 31,
  maxDepth: Infinity,
  minDataInLeaf: 20,
  minSumHessianInLeaf: 1e-3,
  lambdaL2: 0,
  minGainToSplit: 0,
  featureFraction: 1,
  baggingFraction: 1,
  maxBins: 255,
  earlyStoppingRounds: 0,
  seed: 0,
};

export interface BoostingResult {
  ensemble: TreeEnsemble;
  /** Weighted mean log loss on the validation set after each iteration (empty without a validation set). */
  validationLoss: number[];
}

/** Weighted mean binary log loss of margins (log-odds) against 0/1 labels. */
export function logLoss(margins: Float64Array, y: Uint8Array, weight: Float64Array): number {
  let loss = 0;
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    // log(1 + e^-m) for a positive, log(1 + e^m) for a negative, without overflow.
    const m = y[i] ? margins[i] : -margins[i];
    loss += weight[i] * (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
    total += weight[i];
  }
  return loss / total;
}

interface Leaf {
  /** The leaf's rows are rows[start, end). */
  start: number;
  end: number;
  depth: number;
  gradient: number;
  hessian: number;
  /** Null once the leaf is known never to be split. */
  histogram: Float64Array | null;
  /** Gain of the leaf's best split, -Infinity when it has none. */
  gain: number;
  feature: number;
  bin: number;
  /** Index of the grown node this leaf is. */
  node: number;
}

/** A grown node: a leaf (feature -1) or a split into two other grown nodes. */
interface GrownNode {
  feature: number;
  threshold: number;
  left: number;
  right: number;
  value: number;
}

/**
 * Trains on `set`, stopping early on `validation` when given. Same data and options give the same trees.
 *
 * @example
 * const { ensemble } = trainGradientBoosting(train, { ...GRADIENT_BOOSTING_DEFAULTS, nEstimators: 500,
 *   earlyStoppingRounds: 50, seed: 1 }, validation);
 */
export function trainGradientBoosting(
  set: TrainingSet,
  options: BoostingOptions,
  validation?: TrainingSet,
): BoostingResult {
  checkTrainingSet(set);
  if (validation) checkTrainingSet(validation);
  const { nRows, nCols } = set.x;
  const binned = binMatrix(set.x, options.maxBins);
  const binStart = new Int32Array(nCols + 1);
  for (let f = 0; f < nCols; f++) binStart[f + 1] = binStart[f] + binned.edges[f].length + 1;
  const weight = rowWeights(set, options.classWeight);
  const random = mulberry32(options.seed);

  let positive = 0;
  let total = 0;
  for (let i = 0; i < nRows; i++) {
    positive += weight[i] * set.y[i];
    total += weight[i];
  }
  const rate = Math.min(Math.max(positive / total, 1e-12), 1 - 1e-12);
  const baseScore = Math.fround(Math.log(rate / (1 - rate)));
  const scores = new Float64Array(nRows).fill(baseScore);
  const validationScores = new Float64Array(validation?.y.length ?? 0).fill(baseScore);
  const validationWeight = validation ? rowWeights(validation) : new Float64Array(0);

  const gradient = new Float64Array(nRows);
  const hessian = new Float64Array(nRows);
  const grower = treeGrower(nRows, binned.bins, binned.edges, binStart, gradient, hessian, options);
  const trees: TreeNode[] = [];
  const validationLoss: number[] = [];
  let bestIteration = 0;
  for (let iteration = 0; iteration < options.nEstimators; iteration++) {
    for (let i = 0; i < nRows; i++) {
      const p = sigmoid(scores[i]);
      gradient[i] = weight[i] * (p - set.y[i]);
      hessian[i] = weight[i] * p * (1 - p);
    }
    const tree = grower(drawRows(random, nRows, options.baggingFraction), drawFeatures(random, nCols, options.featureFraction));
    if (!tree) break;
    trees.push(tree);
    for (let i = 0; i < nRows; i++) scores[i] += predictTree(tree, matrixRow(set.x, i));
    if (!validation) continue;
    for (let i = 0; i < validationScores.length; i++) validationScores[i] += predictTree(tree, matrixRow(validation.x, i));
    validationLoss.push(logLoss(validationScores, validation.y, validationWeight));
    if (validationLoss[iteration] < validationLoss[bestIteration]) bestIteration = iteration;
    if (options.earlyStoppingRounds > 0 && iteration - bestIteration >= options.earlyStoppingRounds) break;
  }
  const kept = validation && options.earlyStoppingRounds > 0 ? trees.slice(0, bestIteration + 1) : trees;
  return { ensemble: { aggregation: "logistic-sum", nFeatures: nCols, baseScore, trees: kept }, validationLoss };
}

function drawRows(random: Random, nRows: number, fraction: number): Int32Array {
  if (fraction >= 1) return Int32Array.from({ length: nRows }, (_, i) => i);
  return sampleWithoutReplacement(random, nRows, Math.max(1, Math.round(fraction * nRows))).sort();
}

function drawFeatures(random: Random, nCols: number, fraction: number): Int32Array {
  if (fraction >= 1) return Int32Array.from({ length: nCols }, (_, j) => j);
  return sampleWithoutReplacement(random, nCols, Math.max(1, Math.round(fraction * nCols))).sort();
}

/**
 * A function growing one tree on the current gradients and hessians from the given rows and features, or null
 * when not even the root can be split. Histograms are recycled from tree to tree.
 */
function treeGrower(
  nRows: number,
  bins: Uint8Array,
  edges: Float32Array[],
  binStart: Int32Array,
  gradient: Float64Array,
  hessian: Float64Array,
  options: BoostingOptions,
) {
  const nCols = edges.length;
  const histogramLength = 3 * binStart[nCols];
  const spare: Float64Array[] = [];
  const takeHistogram = () => spare.pop()?.fill(0) ?? new Float64Array(histogramLength);
  const { lambdaL2, minDataInLeaf, minSumHessianInLeaf } = options;
  const score = (g: number, h: number) => (g * g) / (h + lambdaL2);

  const leafGradient = new Float64Array(nRows);
  const leafHessian = new Float64Array(nRows);

  /** Adds the rows' gradient, hessian and count to the histogram, bin by bin: [g, h, n] per bin. */
  function fill(histogram: Float64Array, rows: Int32Array, start: number, end: number, features: Int32Array) {
    const m = end - start;
    for (let k = 0; k < m; k++) {
      leafGradient[k] = gradient[rows[start + k]];
      leafHessian[k] = hessian[rows[start + k]];
    }
    for (let j = 0; j < features.length; j++) {
      const f = features[j];
      const column = f * nRows;
      const first = 3 * binStart[f];
      for (let k = 0; k < m; k++) {
        const at = first + 3 * bins[column + rows[start + k]];
        histogram[at] += leafGradient[k];
        histogram[at + 1] += leafHessian[k];
        histogram[at + 2]++;
      }
    }
  }

  /**
   * Sets leaf.gain, feature and bin to the leaf's best split (gain -Infinity if it has none); a leaf that will
   * never be split gives its histogram back at once.
   */
  function findSplit(leaf: Leaf, features: Int32Array) {
    leaf.gain = -Infinity;
    const count = leaf.end - leaf.start;
    const histogram = leaf.histogram as Float64Array;
    if (leaf.depth < options.maxDepth && count >= 2 * minDataInLeaf) scanHistogram(leaf, histogram, count, features);
    if (!(leaf.gain > options.minGainToSplit)) {
      spare.push(histogram);
      leaf.histogram = null;
    }
  }

  function scanHistogram(leaf: Leaf, histogram: Float64Array, count: number, features: Int32Array) {
    const parentScore = score(leaf.gradient, leaf.hessian);
    for (let j = 0; j < features.length; j++) {
      const f = features[j];
      let g = 0;
      let h = 0;
      let n = 0;
      for (let b = binStart[f], last = binStart[f + 1] - 1; b < last; b++) {
        g += histogram[3 * b];
        h += histogram[3 * b + 1];
        n += histogram[3 * b + 2];
        if (n < minDataInLeaf || h < minSumHessianInLeaf) continue;
        if (count - n < minDataInLeaf) break;
        const hRight = leaf.hessian - h;
        if (hRight < minSumHessianInLeaf) continue;
        const gain = score(g, h) + score(leaf.gradient - g, hRight) - parentScore;
        if (gain > leaf.gain) {
          leaf.gain = gain;
          leaf.feature = f;
          leaf.bin = b - binStart[f];
        }
      }
    }
  }

  return function growTree(rows: Int32Array, features: Int32Array): TreeNode | null {
    const scratch = new Int32Array(rows.length);
    const nodes: GrownNode[] = [];
    const makeLeaf = (start: number, end: number, depth: number, histogram: Float64Array | null): Leaf => {
      let g = 0;
      let h = 0;
      for (let k = start; k < end; k++) {
        g += gradient[rows[k]];
        h += hessian[rows[k]];
      }
      const value = h + lambdaL2 > 0 ? Math.fround((-g / (h + lambdaL2)) * options.learningRate) : 0;
      nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, value });
      return { start, end, depth, gradient: g, hessian: h, histogram, gain: -Infinity, feature: -1, bin: -1, node: nodes.length - 1 };
    };
    const rootHistogram = takeHistogram();
    fill(rootHistogram, rows, 0, rows.length, features);
    const leaves = [makeLeaf(0, rows.length, 0, rootHistogram)];
    findSplit(leaves[0], features);
    while (leaves.length < options.numLeaves) {
      let best = -1;
      for (let i = 0; i < leaves.length; i++) {
        if (leaves[i].histogram && (best < 0 || leaves[i].gain > leaves[best].gain)) best = i;
      }
      if (best < 0) break;
      const parent = leaves[best];
      // Stable partition: rows stay ascending, which keeps histogram filling cache-friendly.
      const threshold = parent.bin;
      let middle = parent.start;
      let right = 0;
      const column = parent.feature * nRows;
      for (let k = parent.start; k < parent.end; k++) {
        const row = rows[k];
        if (bins[column + row] <= threshold) rows[middle++] = row;
        else scratch[right++] = row;
      }
      rows.set(scratch.subarray(0, right), middle);
      const leftIsSmaller = middle - parent.start <= parent.end - middle;
      const small = takeHistogram();
      fill(small, rows, leftIsSmaller ? parent.start : middle, leftIsSmaller ? middle : parent.end, features);
      const large = parent.histogram as Float64Array;
      for (let j = 0; j < features.length; j++) {
        for (let b = 3 * binStart[features[j]], end = 3 * binStart[features[j] + 1]; b < end; b++) large[b] -= small[b];
      }
      const left = makeLeaf(parent.start, middle, parent.depth + 1, leftIsSmaller ? small : large);
      const rightLeaf = makeLeaf(middle, parent.end, parent.depth + 1, leftIsSmaller ? large : small);
      Object.assign(nodes[parent.node], {
        feature: parent.feature,
        threshold: edges[parent.feature][parent.bin],
        left: left.node,
        right: rightLeaf.node,
      });
      findSplit(left, features);
      findSplit(rightLeaf, features);
      leaves.splice(best, 1, left, rightLeaf);
    }
    for (const leaf of leaves) if (leaf.histogram) spare.push(leaf.histogram);
    if (nodes.length === 1) return null;
    const toTree = (i: number): TreeNode =>
      nodes[i].feature < 0
        ? { value: nodes[i].value }
        : { feature: nodes[i].feature, threshold: nodes[i].threshold, left: toTree(nodes[i].left), right: toTree(nodes[i].right) };
    return toTree(0);
  };
}
