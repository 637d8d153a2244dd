import { describe, expect, it } from "vitest";
import { type Forest, LEAF_BIT, checkForest, treeCount } from "./forest";

/**
 * Tree 0: x0 <= 0.5 ? leaf 0.1 : (x2 <= -1 ? leaf 0.4 : leaf 0.9). Tree 1: a single leaf 0.6.
 */
function twoTreeForest(): Forest {
  return {
    nFeatures: 3,
    aggregation: "mean",
    baseScore: 0,
    splitStart: Uint32Array.of(0, 2, 2),
    leafStart: Uint32Array.of(0, 3, 4),
    feature: Uint16Array.of(0, 2),
    threshold: Float32Array.of(0.5, -1),
    children: Uint16Array.of(LEAF_BIT | 0, 1, LEAF_BIT | 1, LEAF_BIT | 2),
    leafValue: Float32Array.of(0.1, 0.4, 0.9, 0.6),
    calibration: { kind: "none" },
  };
}

describe("checkForest", () => {
  it("accepts a well-formed forest", () => {
    const forest = twoTreeForest();
    expect(checkForest(forest)).toBe(forest);
    expect(treeCount(forest)).toBe(2);
  });

  const corruptions: [string, (f: Forest) => void, RegExp][] = [
    ["no features", (f) => (f.nFeatures = 0), /nFeatures/],
    ["a feature index out of range", (f) => (f.feature[1] = 3), /tests feature 3/],
    ["a NaN threshold", (f) => (f.threshold[0] = Number.NaN), /threshold/],
    ["a child pointing backwards", (f) => (f.children[2] = 0), /points to split 0/],
    ["a child pointing to itself", (f) => (f.children[3] = 1), /points to split 1/],
    ["a missing leaf", (f) => (f.children[3] = LEAF_BIT | 3), /points to leaf 3: missing/],
    ["a leaf with two parents", (f) => (f.children[3] = LEAF_BIT | 1), /points to leaf 1: missing or already a child/],
    ["a non-finite leaf value", (f) => (f.leafValue[3] = Infinity), /leaf 3 is not finite/],
    ["a baseScore on a mean forest", (f) => (f.baseScore = 1), /baseScore/],
    ["an unknown aggregation", (f) => ((f as { aggregation: string }).aggregation = "median"), /aggregation/],
    ["leaf count not splits + 1", (f) => (f.leafStart = Uint32Array.of(0, 2, 4)), /2 splits but 2 leaves/],
    ["offsets not spanning the arrays", (f) => (f.splitStart = Uint32Array.of(0, 1, 1)), /span/],
    ["offsets count not matching", (f) => (f.leafStart = Uint32Array.of(0, 4)), /offsets/],
    ["a bad calibration", (f) => (f.calibration = { kind: "platt", a: Infinity, b: 0 }), /calibration/],
  ];
  it.each(corruptions)("rejects %s", (_, corrupt, message) => {
    const forest = twoTreeForest();
    corrupt(forest);
    expect(() => checkForest(forest)).toThrow(message);
  });
});
