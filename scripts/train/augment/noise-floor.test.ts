import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../lib/prng";
import { addNoiseFloor, pinkNoise } from "./noise-floor";

const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);

describe("addNoiseFloor", () => {
  const signal = Float32Array.from({ length: 16000 }, (_, i) => 0.3 * Math.sin(i / 5));
  for (const colour of ["white", "pink"] as const) {
    it(`adds ${colour} noise at the requested level below the signal's RMS, reproducibly`, () => {
      const y = addNoiseFloor(signal, colour, 30, mulberry32(1));
      const noise = y.map((v, i) => v - signal[i]);
      expect(20 * Math.log10(rms(signal) / rms(noise))).toBeCloseTo(30, 0);
      expect(addNoiseFloor(signal, colour, 30, mulberry32(1))).toEqual(y);
    });
  }

  it("fills digital silence", () => {
    const silent = new Float32Array(100).fill(0);
    silent[0] = 0.5;
    expect(addNoiseFloor(silent, "pink", 40, mulberry32(2)).filter((v) => v === 0).length).toBe(0);
  });

  it("pink noise has more power in low than in high frequencies", () => {
    const n = pinkNoise(1 << 14, mulberry32(3));
    expect(rms(n)).toBeCloseTo(1, 6);
    // First differences weigh high frequencies up: for white noise their RMS is sqrt(2); for pink it is far less.
    const diff = n.subarray(1).map((v, i) => v - n[i]);
    expect(rms(diff)).toBeLessThan(0.7);
  });
});
