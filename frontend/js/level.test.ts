import { describe, expect, it } from "vitest";
import { meterLevel } from "./level.js";

describe("meterLevel", () => {
  it("is 0 for silence and for no samples, 1 for a full-scale square wave", () => {
    expect(meterLevel(new Float32Array(128))).toBe(0);
    expect(meterLevel(new Float32Array(0))).toBe(0);
    expect(meterLevel(Float32Array.from({ length: 128 }, (_, i) => (i % 2 ? 1 : -1)))).toBe(1);
  });

  it("maps dBFS linearly between -60 dB and 0 dB", () => {
    expect(meterLevel(new Float32Array(64).fill(0.1))).toBeCloseTo(2 / 3, 6); // -20 dBFS
    expect(meterLevel(new Float32Array(64).fill(0.001))).toBeCloseTo(0, 6); // -60 dBFS
    expect(meterLevel(new Float32Array(64).fill(0.0001))).toBe(0); // below the floor
  });
});
