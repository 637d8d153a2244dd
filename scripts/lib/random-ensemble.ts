/**
 * Random tree ensembles of a chosen shape, for benchmarks and property tests of the compiler and the evaluator:
 * features and thresholds are standard normal, so a standard normal feature vector reaches every part of a tree.
 */
import type { Aggregation } from "../../src/model/forest";
import { type Random, randomInt, randomNormal } from "./prng";
import type { TreeEnsemble, TreeNode } from "./tree";

export interface EnsembleShape {
  aggregation: Aggregation;
  nFeatures: number;
  nTrees: number;
  /** Leaves of every tree (at most 2^maxDepth), split between subtrees at random. */
  leavesPerTree: number;
  /** Splits on the longest root-to-leaf path, at most. */
  maxDepth: number;
}

function randomLeafValue(random: Random, aggregation: Aggregation): number {
  return Math.fround(aggregation === "mean" ? random() : 0.2 * randomNormal(random));
}

/** A subtree with exactly `leaves` leaves, none deeper than shape.maxDepth (the caller keeps that possible). */
function randomSubtree(random: Random, shape: EnsembleShape, leaves: number, depth: number): TreeNode {
  if (leaves <= 1) return { value: randomLeafValue(random, shape.aggregation) };
  const childCapacity = 2 ** (shape.maxDepth - depth - 1);
  const fewest = Math.max(1, leaves - childCapacity);
  const most = Math.min(leaves - 1, childCapacity);
  const leftLeaves = fewest + randomInt(random, most - fewest + 1);
  return {
    feature: randomInt(random, shape.nFeatures),
    threshold: Math.fround(randomNormal(random)),
    left: randomSubtree(random, shape, leftLeaves, depth + 1),
    right: randomSubtree(random, shape, leaves - leftLeaves, depth + 1),
  };
}

export function randomEnsemble(random: Random, shape: EnsembleShape): TreeEnsemble {
  return {
    aggregation: shape.aggregation,
    nFeatures: shape.nFeatures,
    baseScore: shape.aggregation === "mean" ? 0 : Math.fround(randomNormal(random)),
    trees: Array.from({ length: shape.nTrees }, () =>
      randomSubtree(random, shape, Math.min(shape.leavesPerTree, 2 ** shape.maxDepth), 0),
    ),
  };
}
