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

  const referenced = new Uint8Array(nSplits + leafValue.length);
  for (let t = 0; t < nTrees; t++) {
    const s0 = splitStart[t];
    const l0 = leafStart[t];
    const treeSplits = splitStart[t + 1] - s0;
    const treeLeaves = leafStart[t + 1] - l0;
    if (splitStart[t + 1] < s0 || leafStart[t + 1] < l0) fail(`offsets of tree ${t} decrease`);
    if (treeLeaves !== treeSplits + 1) fail(`tree ${t} has ${treeSplits} splits but ${treeLeaves} leaves`);
    if (treeSplits > MAX_SPLITS_PER_TREE) fail(`tree ${t} has more than ${MAX_SPLITS_PER_TREE} splits`);
    for (let i = 0; i < treeSplits; i++) {
      const node = s0 + i;
      if (feature[node] >= nFeatures) fail(`tree ${t} node ${i} tests feature ${feature[node]}`);
      if (!Number.isFinite(threshold[node])) fail(`tree ${t} node ${i} has a non-finite threshold`);
      for (let side = 0; side < 2; side++) {
        const child = children[2 * node + side];
        const local = child & ~LEAF_BIT;
        let target: number;
        if (child & LEAF_BIT) {
          if (local >= treeLeaves) fail(`tree ${t} node ${i} points to missing leaf ${local}`);
          target = nSplits + l0 + local;
        } else {
          if (local <= i || local >= treeSplits) fail(`tree ${t} node ${i} points to split ${local}`);
          target = s0 + local;
        }
        if (referenced[target]++) fail(`tree ${t} node ${i} points to a node that already has a parent`);
      }
    }
    for (let i = 1; i < treeSplits; i++) if (!referenced[s0 + i]) fail(`tree ${t} split ${i} is unreachable`);
    for (let i = 0; i < treeLeaves; i++) {
      if (treeSplits > 0 && !referenced[nSplits + l0 + i]) fail(`tree ${t} leaf ${i} is unreachable`);
      if (!Number.isFinite(leafValue[l0 + i])) fail(`tree ${t} leaf ${i} is not finite`);
    }
  }
  checkCalibration(forest.calibration);
  return forest;
}
