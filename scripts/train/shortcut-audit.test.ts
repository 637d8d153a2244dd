import { describe, expect, it } from "vitest";
import { singleFeatureBalancedAccuracy } from "../lib";
import { weightedBalancedAccuracy } from "./shortcut-audit";

describe("weightedBalancedAccuracy", () => {
  const values = Float32Array.of(1, 2, 3, 4, 5, 6);
  const labels = Uint8Array.of(0, 0, 1, 0, 1, 1);

  it("equals scripts/lib's unweighted figure without weights", () => {
    expect(weightedBalancedAccuracy(values, labels)).toBe(singleFeatureBalancedAccuracy(values, labels).balancedAccuracy);
  });

  it("lets weights move the best threshold", () => {
    // Without the misplaced fake row (value 3), value >= 5 separates the classes perfectly.
    expect(weightedBalancedAccuracy(values, labels, Float64Array.of(1, 1, 0, 1, 1, 1))).toBe(1);
    expect(weightedBalancedAccuracy(values, labels)).toBeCloseTo(5 / 6, 10);
  });
});
