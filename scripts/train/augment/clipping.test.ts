import { describe, expect, it } from "vitest";
import { clipAtFractionOfPeak } from "./clipping";

describe("clipAtFractionOfPeak", () => {
  it("limits both polarities to the fraction of the peak and keeps smaller samples", () => {
    const y = clipAtFractionOfPeak(Float32Array.of(0.8, -0.6, 0.1, -0.8), 0.5);
    expect(Array.from(y)).toEqual([0.4, -0.4, Math.fround(0.1), -0.4].map(Math.fround));
  });
});
