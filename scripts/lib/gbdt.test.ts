import { describe, expect, it } from "vitest";
import { compileEnsemble } from "./compile";
import { type TrainingSet, matrixFromRows, matrixRow } from "./dataset";
import { type BoostingOptions, GRADIENT_BOOSTING_DEFAULTS, logLoss, trainGradientBoosting } from "./gbdt";
import { type Random, mulberry32, randomNormal } from "./prng";
import { predictEnsembleRaw, treeShape } from "./tree";

/** Label = sign of x0 - x1 + noise over 8 features. */
function noisySet(random: Random, nRows: number): TrainingSet {
  const rows = Array.from({ length: nRows }, () => Array.from({ length: 8 }, () => randomNormal(random)));
  return { x: matrixFromRows(rows), y: Uint8Array.from(rows, (r) => Number(r[0] - r[1] + randomNormal(random) > 0)) };
}

const train = noisySet(mulberry32(1), 1500);
const validation = noisySet(mulberry32(2), 800);
const options = (changes: Partial<BoostingOptions>): BoostingOptions => ({ ...GRADIENT_BOOSTING_DEFAULTS, seed: 1, ...changes });
const margins = (set: TrainingSet, raw: (x: Float32Array) => number) =>
  Float64Array.from(set.y, (_, i) => raw(matrixRow(set.x, i)));
const ones = (n: number) => new Float64Array(n).fill(1);

describe("trainGradientBoosting", () => {
  const tiny: TrainingSet = { x: matrixFromRows([[0], [1], [2], [3]]), y: Uint8Array.of(0, 0, 1, 1) };
  const stump = { nEstimators: 1, numLeaves: 2, minDataInLeaf: 1, learningRate: 1 };

  it("starts from the log-odds of the positive rate and fits -G / (H + lambda) per leaf", () => {
    // p = 1/2 everywhere: gradients p - y = ±1/2, hessians 1/4, two rows per side.
    expect(trainGradientBoosting(tiny, options(stump)).ensemble).toEqual({
      aggregation: "logistic-sum",
      nFeatures: 1,
      baseScore: 0,
      trees: [{ feature: 0, threshold: 1.5, left: { value: -2 }, right: { value: 2 } }],
    });
    const shrunk = trainGradientBoosting(tiny, options({ ...stump, lambdaL2: 1, learningRate: 0.5 })).ensemble;
    expect(shrunk.trees[0]).toMatchObject({ left: { value: Math.fround(-1 / 1.5 / 2) } });
    const skewed = trainGradientBoosting({ ...tiny, y: Uint8Array.of(0, 1, 1, 1) }, options(stump)).ensemble;
    expect(skewed.baseScore).toBe(Math.fround(Math.log(3)));
  });

  it("stops when no split is possible", () => {
    expect(trainGradientBoosting(tiny, options({ ...stump, nEstimators: 5, minDataInLeaf: 3 })).ensemble.trees).toEqual([]);
  });

  it("lowers training and validation loss", () => {
    const { ensemble, validationLoss } = trainGradientBoosting(train, options({ nEstimators: 40 }), validation);
    const raw = (x: Float32Array) => predictEnsembleRaw(ensemble, x);
    const base = Float64Array.from(train.y, () => ensemble.baseScore);
    expect(logLoss(margins(train, raw), train.y, ones(1500))).toBeLessThan(logLoss(base, train.y, ones(1500)) - 0.2);
    expect(validationLoss.length).toBe(40);
    expect(validationLoss[39]).toBeLessThan(validationLoss[0] - 0.1);
    expect(logLoss(margins(validation, raw), validation.y, ones(800))).toBeCloseTo(validationLoss[39], 12);
  });

  it("stops early and keeps the trees up to the best validation loss", () => {
    const { ensemble, validationLoss } = trainGradientBoosting(
      train,
      options({ nEstimators: 500, learningRate: 0.3, earlyStoppingRounds: 10 }),
      validation,
    );
    const best = validationLoss.indexOf(Math.min(...validationLoss));
    expect(validationLoss.length).toBe(best + 11);
    expect(ensemble.trees.length).toBe(best + 1);
  });

  it("respects numLeaves, maxDepth and minDataInLeaf", () => {
    const limited = (changes: Partial<BoostingOptions>) =>
      trainGradientBoosting(train, options({ nEstimators: 5, ...changes })).ensemble.trees.map(treeShape);
    for (const shape of limited({ numLeaves: 7 })) expect(shape.leaves).toBe(7);
    for (const shape of limited({ numLeaves: 64, maxDepth: 3 })) expect(shape.depth).toBeLessThanOrEqual(3);
    const { ensemble } = trainGradientBoosting(train, options({ nEstimators: 3, minDataInLeaf: 200 }));
    const counts = new Map<number, number>();
    for (let i = 0; i < train.y.length; i++) {
      const leafValue = predictEnsembleRaw({ ...ensemble, trees: ensemble.trees.slice(0, 1) }, matrixRow(train.x, i));
      counts.set(leafValue, (counts.get(leafValue) ?? 0) + 1);
    }
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(200);
  });

  it("gives byte-identical models for the same seed, with row and feature sampling", () => {
    const sampled = { nEstimators: 20, featureFraction: 0.5, baggingFraction: 0.7 };
    const model = (seed: number) => compileEnsemble(trainGradientBoosting(train, options({ ...sampled, seed })).ensemble);
    expect(model(3)).toEqual(model(3));
    expect(model(3)).not.toEqual(model(4));
  });
});

describe("logLoss", () => {
  it("is the weighted mean of -log p(label), stable for large margins", () => {
    expect(logLoss(Float64Array.of(0, 0), Uint8Array.of(0, 1), ones(2))).toBeCloseTo(Math.log(2), 15);
    expect(logLoss(Float64Array.of(Math.log(3)), Uint8Array.of(1), ones(1))).toBeCloseTo(-Math.log(0.75), 15);
    expect(logLoss(Float64Array.of(1000, -1000), Uint8Array.of(0, 1), Float64Array.of(1, 3))).toBe(1000);
  });
});
