import { describe, expect, it } from "vitest";
import { spectralBandwidth } from "./spectral-bandwidth";
import { spectralCentroid } from "./spectral-centroid";

// Frames of 5 bins (nFft 8) at 16 kHz: bins at 0, 2000, 4000, 6000, 8000 Hz.
const frames = (...rows: number[][]) => ({ data: Float64Array.from(rows.flat()), nFrames: rows.length, nRows: 5 });

describe("spectralBandwidth (p = 2, normalised)", () => {
  it("is zero for a single bin", () => {
    const magnitude = frames([0, 0, 3, 0, 0]);
    expect(Array.from(spectralBandwidth(magnitude, spectralCentroid(magnitude, 16000), 16000))).toEqual([0]);
  });

  it("is the magnitude-weighted std of frequency around the centroid", () => {
    const magnitude = frames([1, 0, 0, 0, 3], [0, 2, 0, 2, 0]);
    const bandwidth = spectralBandwidth(magnitude, spectralCentroid(magnitude, 16000), 16000);
    expect(bandwidth[0]).toBeCloseTo(Math.sqrt(0.25 * 6000 ** 2 + 0.75 * 2000 ** 2), 9);
    expect(bandwidth[1]).toBeCloseTo(2000, 9);
  });

  it("gives 0 for an all-zero frame", () => {
    expect(Array.from(spectralBandwidth(frames([0, 0, 0, 0, 0]), new Float64Array(1), 16000))).toEqual([0]);
  });

  it("refuses centroids of another length", () => {
    expect(() => spectralBandwidth(frames([1, 0, 0, 0, 0]), new Float64Array(2), 16000)).toThrow(RangeError);
  });
});
