import { describe, expect, it } from "vitest";
import { spectralRolloff } from "./spectral-rolloff";

// Frames of 5 bins (nFft 8) at 16 kHz: bins at 0, 2000, 4000, 6000, 8000 Hz.
const frames = (...rows: number[][]) => ({ data: Float64Array.from(rows.flat()), nFrames: rows.length, nRows: 5 });

describe("spectralRolloff", () => {
  it("is the lowest bin whose cumulative magnitude reaches roll_percent of the total", () => {
    // Cumulative sums 1, 2, 3, 4, 5 of 5: 85% = 4.25 is reached at the last bin; 60% = 3 exactly at bin 2.
    const flat = frames([1, 1, 1, 1, 1]);
    expect(Array.from(spectralRolloff(flat, 16000, 0.85))).toEqual([8000]);
    expect(Array.from(spectralRolloff(flat, 16000, 0.6))).toEqual([4000]);
    expect(Array.from(spectralRolloff(frames([0, 10, 0, 0, 1]), 16000, 0.85))).toEqual([2000]);
  });

  it("gives 0 Hz for an all-zero frame (0 >= 0 at the first bin)", () => {
    expect(Array.from(spectralRolloff(frames([0, 0, 0, 0, 0]), 16000, 0.85))).toEqual([0]);
  });
});
