import { describe, expect, it } from "vitest";
import { addDcOffset } from "./dc-offset";

describe("addDcOffset", () => {
  it("shifts the mean by the offset", () => {
    const y = addDcOffset(Float32Array.of(0.5, -0.5, 0), 0.01);
    expect(Array.from(y).reduce((a, b) => a + b, 0) / 3).toBeCloseTo(0.01, 6);
  });
});
