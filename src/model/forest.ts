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

/** The index of the first non-finite value, or -1; a single pass of subtractions while all are finite. */
function firstNonFinite(values: Float32Array): number {
  let probe = 0;
  for (let i = 0; i < values.length; i++) probe += values[i] - values[i]; // NaN as soon as one is NaN or infinite
  return probe === 0 ? -1 : values.findIndex((v) => !Number.isFinite(v));
}

/**
 * Throws a RangeError naming the first inconsistency: sizes, ranges, a child that does not come after its parent,
 * a node referenced twice or never, a feature index >= nFeatures, a non-finite number. A forest that passes is a
 * set of proper binary trees that predict() can walk without any bounds check failing. Returns the forest.
 *
 * Written as a few flat loops over the typed arrays: the Worker runs this once per isolate, before any JIT has
 * warmed up, on up to ~10^5 nodes.
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

  let maxFeature = 0;
  for (let i = 0; i < nSplits; i++) if (feature[i] > maxFeature) maxFeature = feature[i];
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
    const leafTargets = nSplits + l0 - LEAF_BIT;
    for (let k = 2 * s0, end = 2 * (s0 + treeSplits); k < end; k++) {
      const child = children[k];
      const parent = (k >>> 1) - s0;
      let target: number;
      if (child >= LEAF_BIT) {
        if (child - LEAF_BIT >= treeLeaves) fail(`tree ${t} node ${parent} points to missing leaf ${child - LEAF_BIT}`);
        target = leafTargets + child;
      } else {
        if (child <= parent || child >= treeSplits) fail(`tree ${t} node ${parent} points to split ${child}`);
        target = s0 + child;
      }
      if (referenced[target] !== 0) fail(`tree ${t} node ${parent} points to a node that already has a parent`);
      referenced[target] = 1;
    }
  }
  checkCalibration(forest.calibration);
  return forest;
}
