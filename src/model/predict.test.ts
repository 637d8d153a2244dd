import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileEnsemble } from "../../scripts/lib/compile";
import { mulberry32, randomNormal } from "../../scripts/lib/prng";
import { randomEnsemble } from "../../scripts/lib/random-ensemble";
import { type TreeEnsemble, predictEnsembleRaw } from "../../scripts/lib/tree";
import type { Calibration } from "./calibration";
import { parseForest } from "./format";
import { predictCalibrated, predictProba, predictRaw } from "./predict";

/** Tree 0: x0 <= 0.1 ? 0.25 : (x2 <= -1 ? 0.5 : 1). Tree 1: a single leaf 0.75. */
function twoTrees(aggregation: TreeEnsemble["aggregation"], baseScore = 0): TreeEnsemble {
  return {
    aggregation,
    nFeatures: 3,
    baseScore,
    trees: [
      {
        feature: 0,
        threshold: Math.fround(0.1),
        left: { value: 0.25 },
        right: { feature: 2, threshold: -1, left: { value: 0.5 }, right: { value: 1 } },
      },
      { value: 0.75 },
    ],
  };
}
const load = (ensemble: TreeEnsemble, calibration?: Calibration) => parseForest(compileEnsemble(ensemble, calibration));

describe("predictRaw", () => {
  it("averages leaf values of a mean forest", () => {
    const forest = load(twoTrees("mean"));
    expect(predictRaw(forest, Float32Array.of(0, 9, 9))).toBe((0.25 + 0.75) / 2);
    expect(predictRaw(forest, Float32Array.of(1, 9, -2))).toBe((0.5 + 0.75) / 2);
    expect(predictRaw(forest, Float32Array.of(1, 9, 0))).toBe((1 + 0.75) / 2);
  });

  it("adds leaf values to the base score of a boosted forest", () => {
    const forest = load(twoTrees("logistic-sum", -2));
    expect(predictRaw(forest, Float32Array.of(1, 0, 0))).toBe(-2 + 1.75);
    expect(predictProba(forest, Float32Array.of(1, 0, 0))).toBeCloseTo(1 / (1 + Math.exp(0.25)), 15);
  });

  it("sends x == threshold left and compares in float32, as scikit-learn does", () => {
    const forest = load(twoTrees("mean"));
    // 0.1 is not a float32; as a float32 feature it equals the float32 threshold and goes left.
    expect(predictRaw(forest, Float32Array.of(0.1, 0, 0))).toBe(0.5);
    expect(predictRaw(forest, Float32Array.of(-1, 0, -1))).toBe(0.5);
  });

  it("sends NaN right", () => {
    expect(predictRaw(load(twoTrees("mean")), Float32Array.of(Number.NaN, 0, Number.NaN))).toBe((1 + 0.75) / 2);
  });

  it("refuses a feature vector of the wrong length", () => {
    expect(() => predictRaw(load(twoTrees("mean")), new Float32Array(4))).toThrow(/expects 3 features, got 4/);
  });

  it("matches the in-memory trees exactly on random forests and inputs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.boolean(), (seed, boosted) => {
        const random = mulberry32(seed);
        const ensemble = randomEnsemble(random, {
          aggregation: boosted ? "logistic-sum" : "mean",
          nFeatures: 20,
          nTrees: 30,
          leavesPerTree: 60,
          maxDepth: 10,
        });
        const forest = load(ensemble);
        for (let i = 0; i < 50; i++) {
          const x = Float32Array.from({ length: 20 }, () => randomNormal(random));
          expect(predictRaw(forest, x)).toBe(predictEnsembleRaw(ensemble, x));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("predictCalibrated", () => {
  it("applies the calibration to the raw score", () => {
    const forest = load(twoTrees("logistic-sum", 1), { kind: "platt", a: 2, b: 0.5 });
    const raw = 1 + 0.25 + 0.75;
    expect(predictCalibrated(forest, Float32Array.of(0, 0, 0))).toBeCloseTo(1 / (1 + Math.exp(-(2 * raw + 0.5))), 15);
  });

  it("is predictProba without a calibration", () => {
    const forest = load(twoTrees("logistic-sum", 1));
    const x = Float32Array.of(5, 0, 0);
    expect(predictCalibrated(forest, x)).toBe(predictProba(forest, x));
  });
});
