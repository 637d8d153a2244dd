import { describe, expect, it } from "vitest";
import { resample } from "../audio/resample";
import { arraySource } from "../audio/sample-source";
import { trimSilence } from "../audio/trim";
import { analysedStretches, EXCERPTS } from "./excerpts";

let seed = 3;
const noise = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 0.4;
/** `seconds` of audio at `rate`: noise between `from` and `to` seconds, zeros elsewhere. */
const burst = (rate: number, seconds: number, from: number, to: number) =>
  Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => (i >= from * rate && i < to * rate ? noise() : 0));

describe("analysedStretches", () => {
  it("takes all the sound of an input up to wholeUpToS, trimmed as training trims its clips", () => {
    for (const rate of [8000, 16000, 44100]) {
      const x = burst(rate, EXCERPTS.wholeUpToS, 1.5, 18);
      const { excerpts, trimmedS } = analysedStretches(arraySource(x), rate);
      const signal = resample(x, rate, 16000);
      const { start, end } = trimSilence(signal);
      expect(excerpts).toHaveLength(1);
      expect(excerpts[0].offset).toBe(start);
      expect(excerpts[0].signal).toEqual(signal.subarray(start, end));
      expect(trimmedS).toBeCloseTo(EXCERPTS.wholeUpToS - (end - start) / 16000, 9);
    }
  });

  it("judges a longer input on excerpts spread evenly from its first sound to its last", () => {
    const rate = 8000;
    const x = burst(rate, 100, 3, 95);
    const { excerpts, trimmedS } = analysedStretches(arraySource(x), rate);
    const whole = resample(x, rate, 16000);
    const length = EXCERPTS.seconds * 16000;
    expect(excerpts).toHaveLength(EXCERPTS.count);
    for (const { signal, offset } of excerpts) {
      expect(signal.length).toBe(length);
      // Each excerpt is those samples of the whole input resampled: the filters see the audio around it.
      expect(signal).toEqual(whole.subarray(offset, offset + length));
    }
    expect(excerpts[0].offset / 16000).toBeCloseTo(3, 0);
    expect((excerpts[EXCERPTS.count - 1].offset + length) / 16000).toBeCloseTo(95, 0);
    const gaps = excerpts.slice(1).map((e, i) => e.offset - excerpts[i].offset);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
    expect(trimmedS).toBeCloseTo(100 - 92, 0);
  });

  it("takes the sound of a long input whole when there is no more of it than the excerpts would hold", () => {
    const { excerpts, trimmedS } = analysedStretches(arraySource(burst(16000, 60, 30, 40)), 16000);
    expect(excerpts).toHaveLength(1);
    expect(excerpts[0].offset / 16000).toBeCloseTo(30, 0);
    expect(excerpts[0].signal.length / 16000).toBeCloseTo(10, 0);
    expect(trimmedS).toBeCloseTo(50, 0);
  });
});
