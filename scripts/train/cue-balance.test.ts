import { describe, expect, it } from "vitest";
import { weightedBalancedAccuracy } from "./shortcut-audit";
import { quantileBins, rakeWeights } from "./cue-balance";

describe("quantileBins", () => {
  it("cuts at distinct quantiles and keeps ties together", () => {
    expect(Array.from(quantileBins([0, 0, 0, 0, 1, 2, 3, 4], 4))).toEqual([0, 0, 0, 0, 1, 2, 2, 3]);
    expect(Array.from(quantileBins([8000, 8000, 16000, 16000], 8))).toEqual([0, 0, 1, 1]);
  });
});

describe("rakeWeights", () => {
  it("makes a cue that separated the classes useless, keeping class totals", () => {
    // The cue is 1 for 80% of the fakes and 20% of the reals.
    const labels = Uint8Array.from({ length: 20 }, (_, i) => Number(i >= 10));
    const cue = Float64Array.from(labels, (label, i) => Number(label ? i % 10 < 8 : i % 10 < 2));
    expect(weightedBalancedAccuracy(cue, labels)).toBeCloseTo(0.8, 10);
    const w = rakeWeights(new Float64Array(20).fill(1), labels, [quantileBins(cue, 4)]);
    expect(weightedBalancedAccuracy(cue, labels, w)).toBeCloseTo(0.5, 10);
    expect(w.slice(0, 10).reduce((a, b) => a + b, 0)).toBeCloseTo(10, 10);
    expect(w.slice(10).reduce((a, b) => a + b, 0)).toBeCloseTo(10, 10);
  });

  it("rakes as many rows as a full corpus with every copy's tiles gives (159,000; more here)", () => {
    const n = 400_000;
    const labels = Uint8Array.from({ length: n }, (_, i) => i % 2);
    // Fakes spread evenly over 8 bins, reals mostly in the first 4.
    const bins = Int32Array.from(labels, (label, i) => (label || (i >> 1) % 16 >= 12 ? (i >> 1) % 8 : (i >> 1) % 4));
    const w = rakeWeights(new Float64Array(n).fill(1), labels, [bins], 2);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(n, 3);
    expect(weightedBalancedAccuracy(Float64Array.from(bins), labels, w)).toBeLessThan(0.51);
  });
});
