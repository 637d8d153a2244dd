import { describe, expect, it } from "vitest";
import { spectralCentroid } from "./spectral-centroid";

// Frames of 5 bins (nFft 8) at 16 kHz: bins at 0, 2000, 4000, 6000, 8000 Hz.
const frames = (...rows: number[][]) => ({ data: Float64Array.from(rows.flat()), nFrames: rows.length, nRows: 5 });

describe("spectralCentroid", () => {
  it("puts a single bin at its frequency", () => {
    expect(Array.from(spectralCentroid(frames([0, 0, 3, 0, 0]), 16000))).toEqual([4000]);
  });

  it("is the magnitude-weighted mean frequency", () => {
    expect(Array.from(spectralCentroid(frames([1, 0, 0, 0, 3], [0, 2, 0, 2, 0]), 16000))).toEqual([6000, 4000]);
  });

  it("gives 0 for an all-zero frame, as librosa's normalize leaves it", () => {
    expect(Array.from(spectralCentroid(frames([0, 0, 0, 0, 0]), 16000))).toEqual([0]);
  });
});
