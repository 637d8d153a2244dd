import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseForest } from "../../src/model/format";
import { predictRaw } from "../../src/model/predict";
import { compileEnsemble, flattenEnsemble } from "./compile";
import { type TrainingSet, matrixFromRows, matrixRow } from "./dataset";
import { EXTRA_TREES_DEFAULTS, RANDOM_FOREST_DEFAULTS, trainForest } from "./forest";
import { GRADIENT_BOOSTING_DEFAULTS, trainGradientBoosting } from "./gbdt";
import { type Random, mulberry32, randomInt, randomNormal } from "./prng";
import { type TreeEnsemble, type TreeNode, isLeaf, predictEnsembleRaw } from "./tree";

/** Few distinct values per feature, so thresholds sit right between values that inputs will hit exactly. */
function randomSet(random: Random, nRows: number, nCols: number): TrainingSet {
  const rows = Array.from({ length: nRows }, () => Array.from({ length: nCols }, () => Math.round(4 * randomNormal(random)) / 4));
  const y = Uint8Array.from(rows, (row) => Number(row[0] + row[1] * row[2] + randomNormal(random) > 0));
  return { x: matrixFromRows(rows), y };
}

function thresholds(tree: TreeNode, into: number[][]): void {
  if (isLeaf(tree)) return;
  into[tree.feature].push(tree.threshold);
  thresholds(tree.left, into);
  thresholds(tree.right, into);
}

/** Inputs that probe every comparison: training rows, thresholds themselves, their float32 neighbours, noise. */
function probes(random: Random, ensemble: TreeEnsemble, set: TrainingSet): Float32Array[] {
  const perFeature: number[][] = Array.from({ length: ensemble.nFeatures }, () => []);
  for (const tree of ensemble.trees) thresholds(tree, perFeature);
  const near = (t: number) => [t, Math.fround(t * (1 + 2 ** -23)), Math.fround(t * (1 - 2 ** -23)), t + 1e-3];
  const inputs = Array.from({ length: set.y.length }, (_, i) => matrixRow(set.x, i));
  for (let k = 0; k < 200; k++) {
    inputs.push(
      Float32Array.from(perFeature, (ts) =>
        ts.length && random() < 0.8 ? near(ts[randomInt(random, ts.length)])[randomInt(random, 4)] : 2 * randomNormal(random),
      ),
    );
  }
  return inputs;
}

describe("compileEnsemble", () => {
  const learners: [string, (set: TrainingSet, seed: number) => TreeEnsemble][] = [
    ["a random forest", (set, seed) => trainForest(set, { ...RANDOM_FOREST_DEFAULTS, nTrees: 15, seed })],
    ["an extra-trees forest", (set, seed) => trainForest(set, { ...EXTRA_TREES_DEFAULTS, nTrees: 15, seed })],
    [
      "a boosted forest",
      (set, seed) =>
        trainGradientBoosting(set, { ...GRADIENT_BOOSTING_DEFAULTS, nEstimators: 15, minDataInLeaf: 3, featureFraction: 0.7, seed })
          .ensemble,
    ],
  ];

  it.each(learners)("compiles %s that predicts exactly what the trainer's trees predict", (_, learn) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const random = mulberry32(seed);
        const set = randomSet(random, 60 + randomInt(random, 200), 1 + randomInt(random, 12) + 2);
        const ensemble = learn(set, seed);
        const forest = parseForest(compileEnsemble(ensemble));
        for (const x of probes(random, ensemble, set)) expect(predictRaw(forest, x)).toBe(predictEnsembleRaw(ensemble, x));
      }),
      { numRuns: 15 },
    );
  });

  const balanced = (depth: number): TreeNode =>
    depth === 0 ? { value: 0.5 } : { feature: 0, threshold: depth, left: balanced(depth - 1), right: balanced(depth - 1) };
  const single = (tree: TreeNode): TreeEnsemble => ({ aggregation: "mean", nFeatures: 2, baseScore: 0, trees: [tree] });

  it("accepts trees up to the format's 32767 splits and refuses larger ones", () => {
    expect(flattenEnsemble(single(balanced(15))).feature.length).toBe(32767);
    expect(() => flattenEnsemble(single(balanced(16)))).toThrow(/65535 splits, the format allows 32767/);
  });

  it("refuses what the binary cannot hold exactly", () => {
    expect(() => flattenEnsemble(single({ feature: 0, threshold: 0.1, left: { value: 0 }, right: { value: 1 } }))).toThrow(
      /threshold 0.1 is not a float32/,
    );
    expect(() => flattenEnsemble(single({ value: 0.3 }))).toThrow(/leaf value 0.3/);
    expect(() => flattenEnsemble(single({ feature: 2, threshold: 0, left: { value: 0 }, right: { value: 1 } }))).toThrow(
      /tests feature 2 of 2/,
    );
  });

  it("lays trees out in preorder, left subtree first", () => {
    const forest = flattenEnsemble(
      single({ feature: 1, threshold: 1, left: { feature: 0, threshold: 2, left: { value: 0 }, right: { value: 0.25 } }, right: { value: 1 } }),
    );
    expect([...forest.feature]).toEqual([1, 0]);
    expect([...forest.children]).toEqual([1, 0x8002, 0x8000, 0x8001]);
    expect([...forest.leafValue]).toEqual([0, 0.25, 1]);
  });
});
