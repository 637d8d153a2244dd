import { describe, expect, it } from "vitest";
import { spectralFlatness } from "./spectral-flatness";

describe("spectralFlatness (geometric / arithmetic mean of the floored power)", () => {
  it("is 1 for a flat spectrum and for an all-zero frame", () => {
    const data = Float64Array.from([...new Array(33).fill(4), ...new Array(33).fill(0)]);
    const power = { data, nFrames: 2, nRows: 33 };
    const flatness = spectralFlatness(power, 1e-10);
    expect(flatness[0]).toBeCloseTo(1, 14);
    expect(flatness[1]).toBeCloseTo(1, 14);
  });

  it("matches exp(mean(log P)) / mean(P) with P floored at amin, over groups of bins of any size", () => {
    const nRows = 21; // not a multiple of the logarithm grouping
    const data = Float64Array.from({ length: nRows }, (_, k) => (k % 5 === 0 ? 0 : 1e3 * Math.abs(Math.sin(k))));
    const floored = Array.from(data, (p) => Math.max(1e-10, p));
    const geometric = Math.exp(floored.reduce((s, p) => s + Math.log(p), 0) / nRows);
    const arithmetic = floored.reduce((s, p) => s + p, 0) / nRows;
    expect(spectralFlatness({ data, nFrames: 1, nRows }, 1e-10)[0]).toBeCloseTo(geometric / arithmetic, 14);
  });

  it("over a band of bins equals the flatness of that band alone", () => {
    const data = Float64Array.from({ length: 40 }, (_, k) => 1 + ((k * 7919) % 13));
    const band = spectralFlatness({ data: data.slice(9, 31), nFrames: 1, nRows: 22 }, 1e-10)[0];
    expect(spectralFlatness({ data, nFrames: 1, nRows: 40 }, 1e-10, [9, 31])[0]).toBe(band);
    expect(() => spectralFlatness({ data, nFrames: 1, nRows: 40 }, 1e-10, [30, 41])).toThrow(RangeError);
  });

  it.each([
    ["tiny powers (products underflow)", (k: number) => 1e-30 * (1 + (k % 7))],
    ["huge powers (products overflow)", (k: number) => 1e40 * (1 + (k % 5))],
    ["powers swinging between the two", (k: number) => (k % 2 === 0 ? 1e-35 : 1e45)],
  ])("takes a logarithm before a running product would leave float64's range (%s)", (_, value) => {
    const nRows = 257;
    const data = Float64Array.from({ length: nRows }, (_, k) => value(k));
    const geometric = Math.exp(Array.from(data).reduce((s, p) => s + Math.log(p), 0) / nRows);
    const arithmetic = data.reduce((s, p) => s + p, 0) / nRows;
    const flatness = spectralFlatness({ data, nFrames: 1, nRows }, 1e-38)[0];
    expect(Math.abs(flatness - geometric / arithmetic)).toBeLessThan(1e-12 * (geometric / arithmetic));
  });

  it("refuses an amin so small that grouped products could underflow", () => {
    expect(() => spectralFlatness({ data: new Float64Array(4), nFrames: 1, nRows: 4 }, 1e-40)).toThrow(RangeError);
  });
});
