import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { flattenEnsemble } from "../../scripts/lib/compile";
import { mulberry32 } from "../../scripts/lib/prng";
import { randomEnsemble } from "../../scripts/lib/random-ensemble";
import type { TreeEnsemble } from "../../scripts/lib/tree";
import type { Calibration } from "./calibration";
import type { Forest } from "./forest";
import { HEADER_BYTES, encodeForest, parseForest } from "./format";

const smallEnsemble: TreeEnsemble = {
  aggregation: "logistic-sum",
  nFeatures: 3,
  baseScore: Math.fround(-0.25),
  trees: [
    { feature: 0, threshold: 0.5, left: { value: 0.125 }, right: { feature: 2, threshold: -1, left: { value: -0.5 }, right: { value: 1 } } },
    { value: Math.fround(0.3) },
  ],
};
const isotonic: Calibration = { kind: "isotonic", x: Float32Array.of(-1, 0, 2), y: Float32Array.of(0, 0.5, 1) };

function expectSameForest(actual: Forest, expected: Forest): void {
  expect({ ...actual }).toEqual({ ...expected });
}

describe("encodeForest and parseForest", () => {
  it("round-trip a forest with every calibration kind", () => {
    const calibrations: Calibration[] = [{ kind: "none" }, { kind: "platt", a: 1.5, b: -0.5 }, isotonic];
    for (const calibration of calibrations) {
      const forest = flattenEnsemble(smallEnsemble, calibration);
      expectSameForest(parseForest(encodeForest(forest)), forest);
    }
  });

  it("lays out 32 header bytes, 8 per tree plus 8, 10 per split, 4 per leaf, padded to 4", () => {
    const blob = encodeForest(flattenEnsemble(smallEnsemble));
    expect(String.fromCharCode(...blob.subarray(0, 4))).toBe("VGFR");
    expect(blob.byteLength).toBe(HEADER_BYTES + 8 * (2 + 1) + 10 * 2 + 4 * 4);
  });

  it("round-trips random forests, byte for byte", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 40 }), (seed, leaves) => {
        const ensemble = randomEnsemble(mulberry32(seed), {
          aggregation: seed % 2 ? "mean" : "logistic-sum",
          nFeatures: 1 + (seed % 300),
          nTrees: 1 + (seed % 7),
          leavesPerTree: leaves,
          maxDepth: 6,
        });
        const blob = encodeForest(flattenEnsemble(ensemble));
        expect(encodeForest(parseForest(blob))).toEqual(blob);
      }),
      { numRuns: 50 },
    );
  });

  it("reads a blob that does not start on a 4-byte boundary (by copying it)", () => {
    const blob = encodeForest(flattenEnsemble(smallEnsemble, isotonic));
    const shifted = new Uint8Array(blob.byteLength + 1);
    shifted.set(blob, 1);
    expectSameForest(parseForest(shifted.subarray(1)), parseForest(blob));
  });

  it("refuses values that float32 cannot hold exactly, so the blob predicts what memory does", () => {
    expect(() => encodeForest(flattenEnsemble(smallEnsemble, { kind: "platt", a: 0.1, b: 0 }))).toThrow(/float32/);
  });
});

describe("parseForest on a corrupt model", () => {
  const blob = () => encodeForest(flattenEnsemble(smallEnsemble, isotonic));
  // One split: 32 + 16 (offsets) + 4 + 8 (values) + 2 + 4 (feature, children) = 66 bytes, padded to 68.
  const stumpBlob = () =>
    encodeForest(flattenEnsemble({ ...smallEnsemble, trees: [{ feature: 1, threshold: 0, left: { value: 0 }, right: { value: 1 } }] }));

  it.each([
    ["an empty blob", () => new Uint8Array(0), /shorter than the header/],
    ["a wrong magic", () => Object.assign(blob(), { 0: 0x50 }), /magic/],
    ["a newer version", () => Object.assign(blob(), { 4: 2 }), /version 2/],
    ["a truncated blob", () => blob().subarray(0, 60), /describes \d+ bytes but there are 60/],
    ["trailing bytes", () => Uint8Array.of(...blob(), 0, 0, 0, 0), /describes/],
    ["an unknown aggregation", () => Object.assign(blob(), { 6: 9 }), /aggregation 9/],
    ["an odd isotonic size", () => Object.assign(blob(), { 24: 5 }), /describes/],
    ["a feature out of range", () => Object.assign(blob(), { 8: 2 }), /tests feature 2/],
    ["a NaN threshold", () => Object.assign(blob(), { [HEADER_BYTES + 24 + 2]: 0xc0, [HEADER_BYTES + 24 + 3]: 0x7f }), /non-finite threshold/],
    ["non-zero padding", () => Object.assign(stumpBlob(), { 67: 1 }), /padding/],
  ])("throws on %s", (_, make, message) => {
    expect(() => parseForest(make())).toThrow(message);
  });

  it("throws on any single flipped bit in the tree structure: offsets and child references", () => {
    const original = blob();
    const offsets = { start: HEADER_BYTES, end: HEADER_BYTES + 8 * 3 };
    const childrenStart = original.byteLength - 8; // 2 splits: the last 8 bytes, no padding
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 0, max: 8 * 8 * 3 - 1 }), (inOffsets, bit) => {
        const byte = inOffsets ? offsets.start + (bit >>> 3) : childrenStart + ((bit >>> 3) % 8);
        const corrupt = original.slice();
        corrupt[byte] ^= 1 << (bit & 7);
        expect(() => parseForest(corrupt)).toThrow(RangeError);
      }),
      { numRuns: 300 },
    );
  });
});
