import { describe, expect, it } from "vitest";
import { CUE_NAMES, cueVector, dcOffset, noiseFloorDb, peakAmplitude } from "./cues";

describe("cues", () => {
  it("measure peak, DC offset and the 10th-percentile frame level", () => {
    const x = Float32Array.from({ length: 16000 }, (_, i) => (i < 8000 ? 0.5 * Math.sin(i / 3) : 0.001 * Math.sign(Math.sin(i / 3))) + 0.01);
    expect(peakAmplitude(x)).toBeCloseTo(0.51, 2);
    expect(dcOffset(Float32Array.of(0.1, 0.3))).toBeCloseTo(0.2, 7);
    expect(noiseFloorDb(Float32Array.from({ length: 16000 }, (_, i) => (i % 2 ? 0.01 : -0.01)), 16000)).toBeCloseTo(-40, 3);
    expect(noiseFloorDb(new Float32Array(10), 16000)).toBe(-200);
  });

  it("put the cues in CUE_NAMES order", () => {
    const x = new Float32Array(8000);
    x[0] = 0.5;
    const v = cueVector(x, 16000, 11025);
    expect(v.length).toBe(CUE_NAMES.length);
    expect(Object.fromEntries(CUE_NAMES.map((n, i) => [n, v[i]]))).toMatchObject({
      exact_zero_fraction: Math.fround(7999 / 8000),
      duration_s: 0.5,
      peak: 0.5,
      sample_rate_hz: 11025,
    });
  });
});
