import { describe, expect, it } from "vitest";
import { compileEnsemble } from "./compile";
import { type TrainingSet, matrixFromRows, matrixRow } from "./dataset";
import { DECISION_TREE_DEFAULTS, EXTRA_TREES_DEFAULTS, RANDOM_FOREST_DEFAULTS, SEED_RANDOM_FOREST, trainForest } from "./forest";
import { type Random, mulberry32, randomNormal } from "./prng";
import { type TreeEnsemble, predictEnsembleProba } from "./tree";

/** Label = sign of x0 + x1 + noise; the other features are noise. */
function noisySet(random: Random, nRows: number, positiveShift = 0): TrainingSet {
  const rows = Array.from({ length: nRows }, () => Array.from({ length: 10 }, () => randomNormal(random)));
  const y = Uint8Array.from(rows, (row) => Number(row[0] + row[1] + 0.5 * randomNormal(random) > positiveShift));
  return { x: matrixFromRows(rows), y };
}

function accuracy(ensemble: TreeEnsemble, set: TrainingSet): number {
  let right = 0;
  for (let i = 0; i < set.y.length; i++) right += Number((predictEnsembleProba(ensemble, matrixRow(set.x, i)) >= 0.5) === (set.y[i] === 1));
  return right / set.y.length;
}

const train = noisySet(mulberry32(1), 800);
const test = noisySet(mulberry32(2), 1000);

describe("trainForest", () => {
  it.each([
    ["random forest", RANDOM_FOREST_DEFAULTS],
    ["extra trees", EXTRA_TREES_DEFAULTS],
    ["the seed's random forest", SEED_RANDOM_FOREST],
  ])("%s generalises better than one tree", (_, options) => {
    const forest = trainForest(train, { ...options, nTrees: 50, seed: 3 });
    const tree = trainForest(train, { ...DECISION_TREE_DEFAULTS, seed: 3 });
    expect(forest.trees.length).toBe(50);
    expect(accuracy(forest, test)).toBeGreaterThan(0.85);
    expect(accuracy(forest, test)).toBeGreaterThan(accuracy(tree, test) + 0.02);
  });

  it("gives byte-identical models for the same seed and different ones for another", () => {
    for (const options of [RANDOM_FOREST_DEFAULTS, EXTRA_TREES_DEFAULTS]) {
      const model = (seed: number) => compileEnsemble(trainForest(train, { ...options, nTrees: 10, seed }));
      expect(model(5)).toEqual(model(5));
      expect(model(5)).not.toEqual(model(6));
    }
  });

  it("grows different trees from bootstrap samples, and from random thresholds without them", () => {
    for (const options of [RANDOM_FOREST_DEFAULTS, { ...EXTRA_TREES_DEFAULTS, maxFeatures: "all" as const }]) {
      const [first, second] = trainForest(train, { ...options, nTrees: 2, seed: 1 }).trees;
      expect(first).not.toEqual(second);
    }
  });

  it("weighs classes: 'balanced' raises the scores of a rare positive class", () => {
    const rare = noisySet(mulberry32(4), 800, 1.5);
    const options = { ...RANDOM_FOREST_DEFAULTS, nTrees: 20, minSamplesLeaf: 20, seed: 2 };
    const meanScore = (ensemble: TreeEnsemble) =>
      Array.from(rare.y, (_, i) => predictEnsembleProba(ensemble, matrixRow(rare.x, i))).reduce((a, b) => a + b) / rare.y.length;
    const positives = rare.y.reduce((a, b) => a + b, 0) / rare.y.length;
    expect(meanScore(trainForest(rare, options))).toBeCloseTo(positives, 1);
    expect(meanScore(trainForest(rare, { ...options, classWeight: "balanced" }))).toBeGreaterThan(positives + 0.08);
  });
});
