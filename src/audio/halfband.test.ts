import { describe, expect, it } from "vitest";
import { decimateByTwo, halfband } from "./halfband";
import { db, levelDb, tone, toneAmplitude } from "./testing/tones";

describe("half-band decimation by two", () => {
  it.each([44100, 48000, 96000])("at %i Hz: DC gain 1, flat to 8.6 kHz, 65 dB down where content folds below it", (rate) => {
    const filter = halfband(rate, 8600);
    const dc = decimateByTwo(new Float32Array(2000).fill(0.5), filter);
    expect(dc.subarray(100, 900).every((v) => Math.abs(v - 0.5) < 1e-6)).toBe(true);
    for (const hz of [100, 1000, 4000, 6750, 8600]) {
      const amplitude = toneAmplitude(decimateByTwo(tone(rate, hz, 0.2), filter), rate / 2, hz);
      expect(Math.abs(db(amplitude / 0.5)), `${hz} Hz`).toBeLessThan(0.005);
    }
    for (let hz = rate / 2 - 8600; hz < rate / 2; hz += 250) {
      expect(levelDb(decimateByTwo(tone(rate, hz, 0.2), filter), 0.5), `${hz} Hz`).toBeLessThan(-65);
    }
  });

  it("keeps output i aligned with input 2i and returns ceil(n / 2) samples", () => {
    const x = tone(44100, 1000, 1001 / 44100);
    const y = decimateByTwo(x, halfband(44100, 8600));
    expect(y.length).toBe(501);
    for (let i = 100; i < 400; i++) expect(Math.abs(y[i] - x[2 * i])).toBeLessThan(5e-4);
  });

  it.each([0, 1, 2, 2047, 2048, 2049, 5001])("equals its formula at every output, block edges included (n = %i)", (n) => {
    const x = tone(44100, 3000, n / 44100).map((v, i) => v + ((i * 7919) % 13) / 50);
    const filter = halfband(44100, 8600);
    const c = filter.pairCoefficients;
    const at = (i: number) => x[i] ?? 0;
    const y = decimateByTwo(x, filter);
    expect(y.length).toBe(Math.ceil(n / 2));
    for (let i = 0; i < y.length; i++) {
      let expected = 0.5 * at(2 * i);
      for (let j = 0; j < c.length; j++) expected += c[j] * (at(2 * i - 2 * j - 1) + at(2 * i + 2 * j + 1));
      expect(y[i]).toBe(Math.fround(expected));
    }
  });

  it("refuses a pass band reaching a quarter of the rate", () => {
    expect(() => halfband(32000, 8600)).toThrow(RangeError);
  });
});
