import { describe, expect, it } from "vitest";
import { mfcc } from "./mfcc";

describe("mfcc (orthonormal DCT-II of log-mel frames)", () => {
  it("maps a constant frame to c0 = c sqrt(N) and zeros", () => {
    const coefficients = mfcc({ data: new Float64Array(40).fill(-3), nFrames: 1, nRows: 40 }, 20);
    expect(coefficients.data[0]).toBeCloseTo(-3 * Math.sqrt(40), 12);
    for (let k = 1; k < 20; k++) expect(coefficients.data[k]).toBeCloseTo(0, 12);
  });

  it.each([8, 7])("matches c_k = s_k sum x_n cos(pi k (2n + 1) / 2N) and preserves energy (N = %i)", (n) => {
    const frames = Float64Array.from({ length: 2 * n }, (_, i) => Math.sin(i * 1.7) * 10);
    const all = mfcc({ data: frames, nFrames: 2, nRows: n }, n);
    for (let t = 0; t < 2; t++) {
      const x = frames.subarray(t * n, (t + 1) * n);
      let energyIn = 0;
      let energyOut = 0;
      for (let k = 0; k < n; k++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += x[j] * Math.cos((Math.PI * k * (2 * j + 1)) / (2 * n));
        expect(all.data[t * n + k]).toBeCloseTo(Math.sqrt((k === 0 ? 1 : 2) / n) * sum, 12);
        energyIn += x[k] ** 2;
        energyOut += all.data[t * n + k] ** 2;
      }
      expect(energyOut).toBeCloseTo(energyIn, 10);
    }
  });

  it("refuses more coefficients than bands", () => {
    expect(() => mfcc({ data: new Float64Array(10), nFrames: 1, nRows: 10 }, 11)).toThrow(RangeError);
  });
});
