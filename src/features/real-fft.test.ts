import { describe, expect, it } from "vitest";
import { realPowerSpectrum } from "./real-fft";

/** |DFT|^2 of x at bins 0..N/2, by the definition. */
function directPowerSpectrum(x: Float64Array): Float64Array {
  const n = x.length;
  return Float64Array.from({ length: n / 2 + 1 }, (_, k) => {
    let re = 0;
    let im = 0;
    for (let j = 0; j < n; j++) {
      re += x[j] * Math.cos((2 * Math.PI * k * j) / n);
      im -= x[j] * Math.sin((2 * Math.PI * k * j) / n);
    }
    return re * re + im * im;
  });
}

describe("realPowerSpectrum", () => {
  it.each([4, 8, 16, 64, 512, 2048])("matches the DFT definition for N = %i", (n) => {
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(0.37 * i) + 0.5 * Math.cos(0.011 * i * i) - 0.1);
    const expected = directPowerSpectrum(x);
    const out = new Float64Array(n / 2 + 3);
    realPowerSpectrum(n).powerSpectrum(x, out, 1);
    const scale = Math.max(...expected);
    for (let k = 0; k <= n / 2; k++) expect(Math.abs(out[k + 1] - expected[k])).toBeLessThan(1e-12 * scale);
    expect(out[0]).toBe(0); // nothing written outside [offset, offset + N/2 + 1)
    expect(out[n / 2 + 2]).toBe(0);
  });

  it.each([4, 8, 16, 32, 64, 128, 256, 1024, 4096])(
    "matches the DFT definition for random frames of N = %i (every radix-2 / radix-4 stage layout)",
    (n) => {
      let seed = n;
      const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32) - 0.5;
      for (let trial = 0; trial < 3; trial++) {
        const x = Float64Array.from({ length: n }, random);
        const expected = directPowerSpectrum(x);
        const out = new Float64Array(n / 2 + 1);
        realPowerSpectrum(n).powerSpectrum(x, out, 0);
        const scale = Math.max(...expected);
        for (let k = 0; k <= n / 2; k++) expect(Math.abs(out[k] - expected[k])).toBeLessThan(1e-12 * scale);
      }
    },
  );

  it.each([8, 16, 512])("windowedPowerSpectrum equals powerSpectrum of the windowed frame exactly (N = %i)", (n) => {
    const samples = Float32Array.from({ length: n + 9 }, (_, i) => Math.sin(0.7 * i) - 0.2);
    const window = Array.from({ length: n }, (_, j) => (j % 5 === 0 ? 0 : 0.5 - 0.5 * Math.cos((2 * Math.PI * j) / n)));
    const frame = Float64Array.from(window, (w, j) => w * samples[7 + j]);
    const direct = new Float64Array(n / 2 + 1);
    const windowed = new Float64Array(n / 2 + 1);
    realPowerSpectrum(n).powerSpectrum(frame, direct, 0);
    realPowerSpectrum(n).windowedPowerSpectrum(samples, 7, window, windowed, 0);
    expect(windowed).toEqual(direct);
  });

  it("is built once per size", () => {
    expect(realPowerSpectrum(256)).toBe(realPowerSpectrum(256));
  });

  it("refuses sizes that are not powers of two >= 4", () => {
    expect(() => realPowerSpectrum(400)).toThrow(RangeError);
    expect(() => realPowerSpectrum(2)).toThrow(RangeError);
  });
});
