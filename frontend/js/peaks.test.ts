import { describe, expect, it } from "vitest";
import { waveformPath, waveformPeaks } from "./peaks.js";

describe("waveformPeaks", () => {
  it("takes min and max per column, each column spanning the zero line", () => {
    const { min, max } = waveformPeaks(Float32Array.of(0.125, -0.5, 0.25, 0.75, -0.25, -0.0625), 3);
    expect(Array.from(min)).toEqual([-0.5, 0, -0.25]);
    expect(Array.from(max)).toEqual([0.125, 0.75, 0]);
  });

  it("covers every sample when columns do not divide the length", () => {
    const samples = new Float32Array(10);
    samples[9] = 0.5;
    expect(waveformPeaks(samples, 3).max[2]).toBe(0.5);
  });

  it("repeats samples over columns when there are more columns than samples, and clips to full scale", () => {
    const { min, max } = waveformPeaks(Float32Array.of(2, -3), 4);
    expect(Array.from(max)).toEqual([1, 1, 0, 0]);
    expect(Array.from(min)).toEqual([0, 0, -1, -1]);
  });
});

describe("waveformPath", () => {
  it("draws a closed area: the maxima left to right, then the minima back", () => {
    const path = waveformPath({ min: Float32Array.of(-1, 0), max: Float32Array.of(1, 0) }, 20, 100);
    expect(path).toBe("M0,-0.5 10,-0.5 10,49.5 20,49.5 L20,50.5 10,50.5 10,100.5 0,100.5 Z");
  });

  it("is empty without columns", () => {
    expect(waveformPath({ min: new Float32Array(0), max: new Float32Array(0) }, 10, 10)).toBe("");
  });
});
