import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "./prng";
import { randomEnsemble } from "./random-ensemble";
import { type TreeEnsemble, predictEnsembleProba, predictEnsembleRaw, predictTree, thresholdBetween, treeShape } from "./tree";

const tree = { feature: 1, threshold: 0.5, left: { value: 0.25 }, right: { feature: 0, threshold: -1, left: { value: 0.5 }, right: { value: 1 } } };

describe("thresholdBetween", () => {
  it("takes the float32 midpoint, or the lower value when the midpoint would round up to the upper", () => {
    expect(thresholdBetween(1, 2)).toBe(1.5);
    const next = Math.fround(1 + 2 ** -23);
    expect(thresholdBetween(1, next)).toBe(1);
  });

  it("always separates two float32 values: below <= t < above", () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), fc.float({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
        if (a === b) return;
        const [below, above] = a < b ? [a, b] : [b, a];
        const t = thresholdBetween(below, above);
        expect(Math.fround(t)).toBe(t);
        expect(below <= t && t < above).toBe(true);
      }),
    );
  });
});

describe("trees in memory", () => {
  it("walk x <= threshold to the left", () => {
    expect(predictTree(tree, [0, 0.5])).toBe(0.25);
    expect(predictTree(tree, [-1, 0.6])).toBe(0.5);
    expect(predictTree(tree, [0, 0.6])).toBe(1);
  });

  it("average for mean forests and add to the base score for boosted ones", () => {
    const mean: TreeEnsemble = { aggregation: "mean", nFeatures: 2, baseScore: 0, trees: [tree, { value: 0.75 }] };
    expect(predictEnsembleRaw(mean, [0, 0])).toBe(0.5);
    expect(predictEnsembleProba(mean, [0, 0])).toBe(0.5);
    const boosted: TreeEnsemble = { ...mean, aggregation: "logistic-sum", baseScore: -1 };
    expect(predictEnsembleRaw(boosted, [0, 0])).toBe(0);
    expect(predictEnsembleProba(boosted, [0, 0])).toBe(0.5);
  });

  it("report their shape", () => {
    expect(treeShape(tree)).toEqual({ splits: 2, leaves: 3, depth: 2 });
    expect(treeShape({ value: 1 })).toEqual({ splits: 0, leaves: 1, depth: 0 });
  });
});

describe("randomEnsemble", () => {
  it("grows trees of exactly the asked leaves, within the depth limit", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 9 }), (seed, leaves, maxDepth) => {
        const ensemble = randomEnsemble(mulberry32(seed), { aggregation: "mean", nFeatures: 5, nTrees: 3, leavesPerTree: leaves, maxDepth });
        for (const shape of ensemble.trees.map(treeShape)) {
          expect(shape.leaves).toBe(Math.min(leaves, 2 ** maxDepth));
          expect(shape.depth).toBeLessThanOrEqual(maxDepth);
        }
      }),
      { numRuns: 50 },
    );
  });
});
