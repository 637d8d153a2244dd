import { describe, expect, it } from "vitest";
import { applyGain } from "./gain";

describe("applyGain", () => {
  it("scales by the decibel factor without touching the input", () => {
    const x = Float32Array.of(0.1, -0.2, 0);
    const y = applyGain(x, -20);
    expect(y[0]).toBeCloseTo(0.01, 7);
    expect(y[1]).toBeCloseTo(-0.02, 7);
    expect(y[2]).toBe(0);
    expect(x[0]).toBeCloseTo(0.1, 7);
    expect(applyGain(x, 6.0206)[1]).toBeCloseTo(-0.4, 4);
  });
});
