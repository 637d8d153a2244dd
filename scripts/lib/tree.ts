/**
 * Trained trees as plain data (as lleaves keeps them): what every tree learner returns, what the compiler
 * flattens into the model binary, and a straightforward evaluator that the compiled forest must match exactly.
 *
 * Thresholds and leaf values are float32 numbers (Math.fround): the binary stores float32, so a learner that
 * rounds them itself predicts, in memory, exactly what the compiled model will.
 */
import { sigmoid } from "../../src/model/calibration";
import type { Aggregation } from "../../src/model/forest";

export interface LeafNode {
  value: number;
}

export interface SplitNode {
  feature: number;
  /** x[feature] <= threshold goes left. */
  threshold: number;
  left: TreeNode;
  right: TreeNode;
}

export type TreeNode = LeafNode | SplitNode;

export interface TreeEnsemble {
  aggregation: Aggregation;
  nFeatures: number;
  /** Added to the sum of leaf values when aggregation is "logistic-sum"; 0 for "mean". */
  baseScore: number;
  trees: TreeNode[];
}

/**
 * A float32 threshold t with below <= t < above for float32 values below < above: their midpoint when float32
 * can hold it strictly below `above` (as scikit-learn and LightGBM place thresholds), else `below` itself.
 */
export function thresholdBetween(below: number, above: number): number {
  const middle = Math.fround((below + above) / 2);
  return middle < above ? middle : below;
}

export function isLeaf(node: TreeNode): node is LeafNode {
  return !("left" in node);
}

export function predictTree(tree: TreeNode, x: ArrayLike<number>): number {
  let node = tree;
  while (!isLeaf(node)) node = x[node.feature] <= node.threshold ? node.left : node.right;
  return node.value;
}

/** The raw score, with the same float64 arithmetic in the same order as the compiled forest's predictRaw. */
export function predictEnsembleRaw(ensemble: TreeEnsemble, x: ArrayLike<number>): number {
  let sum = 0;
  for (const tree of ensemble.trees) sum += predictTree(tree, x);
  return ensemble.aggregation === "mean" ? sum / ensemble.trees.length : ensemble.baseScore + sum;
}

/** The uncalibrated probability of the positive class. */
export function predictEnsembleProba(ensemble: TreeEnsemble, x: ArrayLike<number>): number {
  const raw = predictEnsembleRaw(ensemble, x);
  return ensemble.aggregation === "mean" ? raw : sigmoid(raw);
}

export interface TreeShape {
  splits: number;
  leaves: number;
  /** Splits on the longest root-to-leaf path. */
  depth: number;
}

export function treeShape(tree: TreeNode): TreeShape {
  if (isLeaf(tree)) return { splits: 0, leaves: 1, depth: 0 };
  const left = treeShape(tree.left);
  const right = treeShape(tree.right);
  return {
    splits: 1 + left.splits + right.splits,
    leaves: left.leaves + right.leaves,
    depth: 1 + Math.max(left.depth, right.depth),
  };
}
