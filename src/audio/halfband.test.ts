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

  it("refuses a pass band reaching a quarter of the rate", () => {
    expect(() => halfband(32000, 8600)).toThrow(RangeError);
  });
});
