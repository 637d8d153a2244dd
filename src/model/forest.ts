/**
 * A forest of binary decision trees as flat typed arrays: the in-memory shape of the model binary (see format.ts).
 *
 * Split nodes and leaves are kept apart. Tree t owns split nodes [splitStart[t], splitStart[t+1]) and leaves
 * [leafStart[t], leafStart[t+1]); its root is its first split node, or its only leaf when it has no split. Child
 * references are local to the tree and 16 bits wide: a child with LEAF_BIT set is leaf (child & ~LEAF_BIT), otherwise
 * it is a split node. Every child split node comes after its parent, so walking a tree always ends.
 */
import { type Calibration, checkCalibration } from "./calibration";

/**
 * How tree outputs combine: "mean" averages leaf values (random forest, extra trees: a leaf holds the fraction of
 * the positive class); "logistic-sum" adds leaf values to baseScore and the logistic function maps that margin to
 * a probability (gradient boosting on log loss).
 */
export type Aggregation = "mean" | "logistic-sum";

export interface Forest {
  nFeatures: number;
  aggregation: Aggregation;
  /** Added to the sum of leaf values for "logistic-sum"; always 0 for "mean". */
  baseScore: number;
  /** nTrees + 1 entries: tree t's split nodes are [splitStart[t], splitStart[t+1]). */
  splitStart: Uint32Array;
  /** nTrees + 1 entries: tree t's leaves are [leafStart[t], leafStart[t+1]). */
  leafStart: Uint32Array;
  /** Per split node: the feature it tests. */
  feature: Uint16Array;
  /** Per split node: x[feature] <= threshold goes to the left child, anything else (NaN too) to the right. */
  threshold: Float32Array;
  /** Two per split node (left, right), local to the tree; LEAF_BIT marks a leaf. */
  children: Uint16Array;
  leafValue: Float32Array;
  calibration: Calibration;
}

export const LEAF_BIT = 0x8000;
/** The 15 bits left for a local index limit a tree to this many split nodes (and one more leaf). */
export const MAX_SPLITS_PER_TREE = 0x7fff;
/** Feature indices are 16 bits. */
export const MAX_FEATURES = 0x10000;

export function treeCount(forest: Forest): number {
  return forest.splitStart.length - 1;
}

/*
 * The Worker runs checkForest once per isolate, before the JIT has warmed up, on up to ~10^5 nodes: value checks
 * use built-in typed-array scans, and the one loop that must be JavaScript sits in a small function of its own,
 * which V8 optimises sooner than a loop inside a large one.
 */

/** The index of the first NaN or infinite value, or -1. */
function firstNonFinite(values: Float32Array): number {
  if (!values.includes(Number.NaN) && !values.includes(Infinity) && !values.includes(-Infinity)) return -1;
  return values.findIndex((v) => !Number.isFinite(v));
}

/** The largest value (0 for none), by Math.max over chunks small enough to pass as arguments. */
function largest(values: Uint16Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i += 8192) {
    max = Math.max(max, Math.max.apply(null, values.subarray(i, i + 8192) as unknown as number[]));
  }
  return max;
}

/**
 * The index into `children` of the first child reference of one tree that is out of range, points to a split
 * not after its parent, or points to a node already referenced (marked in `referenced`); -1 when all are fine.
 */
function firstBadChild(
  children: Uint16Array,
  referenced: Uint8Array,
  firstSplit: number,
  splits: number,
  leaves: number,
  firstLeafMark: number,
): number {
  for (let k = 2 * firstSplit, end = 2 * (firstSplit + splits); k < end; k++) {
    const child = children[k];
    let mark: number;
    if (child >= LEAF_BIT) {
      if (child - LEAF_BIT >= leaves) return k;
      mark = firstLeafMark + child - LEAF_BIT;
    } else {
      if (child <= (k >>> 1) - firstSplit || child >= splits) return k;
      mark = firstSplit + child;
    }
    if (referenced[mark] !== 0) return k;
    referenced[mark] = 1;
  }
  return -1;
}

/**
 * Throws a RangeError naming the first inconsistency: sizes, ranges, a child that does not come after its parent,
 * a node referenced twice or never, a feature index >= nFeatures, a non-finite number. A forest that passes is a
 * set of proper binary trees that predict() can walk without any bounds check failing. Returns the forest.
 */
export function checkForest(forest: Forest): Forest {
  const { nFeatures, splitStart, leafStart, feature, threshold, children, leafValue } = forest;
  const fail = (why: string): never => {
    throw new RangeError(`corrupt forest: ${why}`);
  };
  if (!Number.isInteger(nFeatures) || nFeatures < 1 || nFeatures > MAX_FEATURES) fail(`nFeatures ${nFeatures}`);
  if (forest.aggregation !== "mean" && forest.aggregation !== "logistic-sum") fail("unknown aggregation");
  if (!Number.isFinite(forest.baseScore)) fail("baseScore is not finite");
  if (forest.aggregation === "mean" && forest.baseScore !== 0) fail("a mean forest has no baseScore");
  const nTrees = splitStart.length - 1;
  if (nTrees < 1 || leafStart.length !== nTrees + 1) fail("needs at least one tree and nTrees + 1 offsets");
  const nSplits = feature.length;
  if (threshold.length !== nSplits || children.length !== 2 * nSplits) fail("split arrays differ in length");
  if (splitStart[0] !== 0 || splitStart[nTrees] !== nSplits) fail("split offsets do not span the split nodes");
  if (leafStart[0] !== 0 || leafStart[nTrees] !== leafValue.length) fail("leaf offsets do not span the leaves");

  const maxFeature = largest(feature);
  if (maxFeature >= nFeatures) fail(`split ${feature.findIndex((f) => f >= nFeatures)} tests feature ${maxFeature}`);
  const badThreshold = firstNonFinite(threshold);
  if (badThreshold >= 0) fail(`split ${badThreshold} has a non-finite threshold`);
  const badLeaf = firstNonFinite(leafValue);
  if (badLeaf >= 0) fail(`leaf ${badLeaf} is not finite`);

  // Every child reference must hit a distinct node of its own tree, a split after its parent or a leaf. With
  // nLeaves = nSplits + 1 per tree that makes 2 * nSplits distinct targets among the nSplits - 1 non-root
  // splits and the nSplits + 1 leaves: every node but the root has exactly one parent.
  const referenced = new Uint8Array(nSplits + leafValue.length);
  for (let t = 0; t < nTrees; t++) {
    const s0 = splitStart[t];
    const l0 = leafStart[t];
    const treeSplits = splitStart[t + 1] - s0;
    const treeLeaves = leafStart[t + 1] - l0;
    if (splitStart[t + 1] < s0 || leafStart[t + 1] < l0) fail(`offsets of tree ${t} decrease`);
    if (treeLeaves !== treeSplits + 1) fail(`tree ${t} has ${treeSplits} splits but ${treeLeaves} leaves`);
    if (treeSplits > MAX_SPLITS_PER_TREE) fail(`tree ${t} has more than ${MAX_SPLITS_PER_TREE} splits`);
    const bad = firstBadChild(children, referenced, s0, treeSplits, treeLeaves, nSplits + l0);
    if (bad >= 0) {
      const where = `tree ${t} node ${(bad >>> 1) - s0}`;
      const child = children[bad];
      if (child < LEAF_BIT) fail(`${where} points to split ${child}: not after it, missing, or already a child`);
      fail(`${where} points to leaf ${child - LEAF_BIT}: missing or already a child`);
    }
  }
  checkCalibration(forest.calibration);
  return forest;
}
