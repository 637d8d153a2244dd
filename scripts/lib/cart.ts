/**
 * CART classification trees for two classes, grown as scikit-learn grows them: gini impurity, depth first, a
 * split only between distinct values, x <= threshold goes left, features drawn at random at every node until
 * `maxFeatures` non-constant ones have been tried. Rows with weight 0 take no part (this is how a bootstrap
 * sample is passed in); sample counts (minSamplesLeaf, minSamplesSplit) count rows, not weight.
 *
 * Two splitters share the tree growing: "best" (CART, random forest) tries every threshold of a candidate
 * feature; "random" (extra trees) tries one threshold drawn uniformly between the feature's minimum and maximum.
 */
import { type FeatureMatrix, matrixColumn } from "./dataset";
import { type Random, randomInt } from "./prng";
import { argsort, sortPairs } from "./sort-pairs";
import { type TreeNode, thresholdBetween } from "./tree";

/** "sqrt" and "log2" of the feature count (at least 1), "all", a fraction in (0, 1) of it, or a count >= 1. */
export type MaxFeatures = "sqrt" | "log2" | "all" | number;

export interface TreeOptions {
  splitter: "best" | "random";
  /** Splits on the longest path at most; Infinity for no limit. */
  maxDepth: number;
  /** A node with fewer rows is a leaf. */
  minSamplesSplit: number;
  /** A split leaving fewer rows on either side is not considered. */
  minSamplesLeaf: number;
  /** Candidate features drawn at each node. */
  maxFeatures: MaxFeatures;
}

/** The features tried at each node, as scikit-learn counts them. */
export function featuresPerSplit(maxFeatures: MaxFeatures, nFeatures: number): number {
  if (maxFeatures === "all") return nFeatures;
  if (maxFeatures === "sqrt") return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (maxFeatures === "log2") return Math.max(1, Math.floor(Math.log2(nFeatures)));
  if (maxFeatures > 0 && maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * nFeatures));
  if (Number.isInteger(maxFeatures) && maxFeatures >= 1 && maxFeatures <= nFeatures) return maxFeatures;
  throw new RangeError(`maxFeatures ${maxFeatures} is not "sqrt", "log2", "all", a fraction or 1..${nFeatures}`);
}

/** The training matrix by column, with each column's ascending row order when the "best" splitter needs it. */
export interface TreeData {
  nRows: number;
  columns: Float32Array[];
  order: Int32Array[] | null;
}

/** Columns (and sort orders) computed once and shared by all trees of a forest. */
export function prepareTreeData(x: FeatureMatrix, splitter: TreeOptions["splitter"]): TreeData {
  const columns = Array.from({ length: x.nCols }, (_, j) => matrixColumn(x, j));
  return { nRows: x.nRows, columns, order: splitter === "best" ? columns.map(argsort) : null };
}

/**
 * A node's rows are ordered by a feature either by sorting them (small nodes) or by picking them out of the
 * column's presorted order (large nodes, where scanning all rows is cheaper than m log m comparisons).
 */
const SCAN_WHEN_SORTING_COSTS = 1;
const CONSTANT = 0;
const NO_VALID_SPLIT = 1;
const FOUND = 2;

/**
 * Grows one tree on the rows with weight > 0. `y` holds 0/1 labels; a leaf's value is the weighted fraction of
 * label 1 among its rows, rounded to float32. Draws from `random` only, so equal inputs give equal trees.
 */
export function growTree(data: TreeData, y: Uint8Array, weight: Float64Array, options: TreeOptions, random: Random): TreeNode {
  const { nRows, columns, order } = data;
  const nFeatures = columns.length;
  const tries = featuresPerSplit(options.maxFeatures, nFeatures);
  const minLeaf = Math.max(1, options.minSamplesLeaf);
  const samples = Int32Array.from(weight.keys()).filter((row) => weight[row] > 0);
  const nodeOf = new Int32Array(nRows).fill(-1);
  for (const row of samples) nodeOf[row] = 0;
  const keys = new Float32Array(samples.length);
  const sorted = new Int32Array(samples.length);
  const features = Int32Array.from({ length: nFeatures }, (_, j) => j);
  let nodeCount = 1;
  // The last evaluated feature's best split, set by the two evaluators below.
  let candidateProxy = 0;
  let candidateThreshold = 0;

  /** Gini proxy of a split (larger is purer): sum over sides of (w0^2 + w1^2) / (w0 + w1). */
  const proxy = (l0: number, l1: number, r0: number, r1: number) =>
    (l0 * l0 + l1 * l1) / (l0 + l1) + (r0 * r0 + r1 * r1) / (r0 + r1);

  function evaluateEveryThreshold(feature: number, start: number, end: number, node: number, w0: number, w1: number) {
    const column = columns[feature];
    const m = end - start;
    if (order && m * Math.log2(m) > SCAN_WHEN_SORTING_COSTS * nRows) {
      const rows = order[feature];
      for (let i = 0, k = 0; k < m; i++) {
        const row = rows[i];
        if (nodeOf[row] === node) {
          sorted[k] = row;
          keys[k++] = column[row];
        }
      }
    } else {
      for (let k = 0; k < m; k++) {
        const row = samples[start + k];
        sorted[k] = row;
        keys[k] = column[row];
      }
      sortPairs(keys, sorted, 0, m);
    }
    if (keys[0] === keys[m - 1]) return CONSTANT;
    let l0 = 0;
    let l1 = 0;
    let bestProxy = -Infinity;
    let bestAt = -1;
    for (let i = 0; i < m - minLeaf; i++) {
      const row = sorted[i];
      if (y[row]) l1 += weight[row];
      else l0 += weight[row];
      if (i + 1 < minLeaf || keys[i] === keys[i + 1]) continue;
      const p = proxy(l0, l1, w0 - l0, w1 - l1);
      if (p > bestProxy) {
        bestProxy = p;
        bestAt = i;
      }
    }
    if (bestAt < 0) return NO_VALID_SPLIT;
    candidateProxy = bestProxy;
    candidateThreshold = thresholdBetween(keys[bestAt], keys[bestAt + 1]);
    return FOUND;
  }

  function evaluateRandomThreshold(feature: number, start: number, end: number, w0: number, w1: number) {
    const column = columns[feature];
    let low = Infinity;
    let high = -Infinity;
    for (let k = start; k < end; k++) {
      const value = column[samples[k]];
      if (value < low) low = value;
      if (value > high) high = value;
    }
    if (!(high > low)) return CONSTANT;
    let threshold = Math.fround(low + random() * (high - low));
    if (threshold >= high) threshold = low;
    let l0 = 0;
    let l1 = 0;
    let left = 0;
    for (let k = start; k < end; k++) {
      const row = samples[k];
      if (column[row] <= threshold) {
        left++;
        if (y[row]) l1 += weight[row];
        else l0 += weight[row];
      }
    }
    if (left < minLeaf || end - start - left < minLeaf) return NO_VALID_SPLIT;
    candidateProxy = proxy(l0, l1, w0 - l0, w1 - l1);
    candidateThreshold = threshold;
    return FOUND;
  }

  function build(start: number, end: number, depth: number, node: number): TreeNode {
    let w0 = 0;
    let w1 = 0;
    for (let k = start; k < end; k++) {
      const row = samples[k];
      if (y[row]) w1 += weight[row];
      else w0 += weight[row];
    }
    const leaf = { value: Math.fround(w1 / (w0 + w1)) };
    const m = end - start;
    if (depth >= options.maxDepth || m < options.minSamplesSplit || m < 2 * minLeaf || w0 === 0 || w1 === 0) {
      return leaf;
    }
    let bestFeature = -1;
    let bestProxy = -Infinity;
    let bestThreshold = 0;
    for (let k = 0, tried = 0; k < nFeatures && tried < tries; k++) {
      const pick = k + randomInt(random, nFeatures - k);
      const feature = features[pick];
      features[pick] = features[k];
      features[k] = feature;
      const outcome =
        options.splitter === "best"
          ? evaluateEveryThreshold(feature, start, end, node, w0, w1)
          : evaluateRandomThreshold(feature, start, end, w0, w1);
      if (outcome === CONSTANT) continue;
      tried++;
      if (outcome === FOUND && candidateProxy > bestProxy) {
        bestFeature = feature;
        bestProxy = candidateProxy;
        bestThreshold = candidateThreshold;
      }
    }
    if (bestFeature < 0) return leaf;

    const column = columns[bestFeature];
    let middle = start;
    for (let k = start, last = end - 1; k <= last; ) {
      const row = samples[k];
      if (column[row] <= bestThreshold) {
        k++;
        middle++;
      } else {
        samples[k] = samples[last];
        samples[last--] = row;
      }
    }
    const leftNode = nodeCount++;
    const rightNode = nodeCount++;
    for (let k = start; k < end; k++) nodeOf[samples[k]] = k < middle ? leftNode : rightNode;
    return {
      feature: bestFeature,
      threshold: bestThreshold,
      left: build(start, middle, depth + 1, leftNode),
      right: build(middle, end, depth + 1, rightNode),
    };
  }

  if (samples.length === 0) throw new RangeError("no row has a positive weight");
  return build(0, samples.length, 0, 0);
}
