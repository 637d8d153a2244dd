import { describe, expect, it } from "vitest";
import { griffinLimCopy, melFilters, melSmoothedMagnitudes, periodicHann, scaleToPeak } from "./griffin-lim";
import { mulberry32 } from "./prng";

describe("mel + Griffin-Lim", () => {
  it("builds 80 triangular filters covering the band", () => {
    const filters = melFilters(1024, 16000, 80);
    expect(filters).toHaveLength(80);
    expect(filters[0]).toHaveLength(513);
    for (const row of filters) expect(Math.max(...row)).toBeLessThanOrEqual(1);
    expect(filters.some((row) => row[256] > 0)).toBe(true);
  });
  it("uses a periodic Hann window", () => {
    const w = periodicHann(4);
    expect(Array.from(w).map((x) => +x.toFixed(6))).toEqual([0, 0.5, 1, 0.5]);
  });
  it("keeps a flat spectrum flat and smooths a single harmonic peak", () => {
    const filters = melFilters(1024, 16000, 80);
    const flat = melSmoothedMagnitudes(new Float64Array(513).fill(2), filters);
    expect(flat[100]).toBeCloseTo(2, 6);
    const peaked = new Float64Array(513);
    peaked[400] = 10;
    const smoothed = melSmoothedMagnitudes(peaked, filters);
    expect(smoothed[400]).toBeLessThan(10);
    expect(smoothed[395]).toBeGreaterThan(0);
  });
  it("resynthesises a tone at the same pitch and length", () => {
    const rate = 16000;
    const tone = Float32Array.from({ length: rate / 2 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 500 * i) / rate));
    const copy = griffinLimCopy(tone, mulberry32(5), { nFft: 1024, hop: 256, melBands: 80, sampleRate: rate, iterations: 8 });
    expect(copy).toHaveLength(tone.length);
    let crossings = 0;
    for (let i = 2000; i < 6000; i++) if (copy[i - 1] < 0 && copy[i] >= 0) crossings++;
    expect(crossings).toBeGreaterThan(115); // 500 Hz over 0.25 s = 125
    expect(crossings).toBeLessThan(135);
    expect(Math.max(...scaleToPeak(copy, 0.9).map(Math.abs))).toBeCloseTo(0.9, 6);
  });
});
