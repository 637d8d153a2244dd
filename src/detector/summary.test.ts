import { describe, expect, it } from "vitest";
import { FRAME_COLUMNS, type FrameFeatures, joinFrames } from "./frame-features";
import { SUMMARY_NAMES, summarize } from "./summary";

/** Frames whose log energy is given and whose other columns all hold `value(t)`. */
function frames(logEnergy: number[], value: (t: number) => number): FrameFeatures {
  const nColumns = FRAME_COLUMNS.length;
  const data = new Float32Array(logEnergy.length * nColumns);
  logEnergy.forEach((e, t) => {
    data[t * nColumns] = e;
    for (let c = 1; c < nColumns; c++) data[t * nColumns + c] = value(t);
  });
  return { data, nFrames: logEnergy.length, nColumns };
}
const at = (v: Float32Array, name: string) => v[SUMMARY_NAMES.indexOf(name)];

describe("summarize", () => {
  it("has one value per name, and no log energy mean (gain is not evidence)", () => {
    expect(SUMMARY_NAMES.length).toBe(3 * (FRAME_COLUMNS.length - 1) + 2);
    expect(SUMMARY_NAMES).not.toContain("log_energy_mean");
  });

  it("gives mean, population std and the std of frame-to-frame changes", () => {
    // values 0, 2, 4, 6: mean 3, std sqrt(5); changes all 2: std 0.
    const v = summarize(frames([0, 0, 0, 0], (t) => 2 * t), { first: 0, end: 4 });
    expect(at(v, "mfcc3_mean")).toBeCloseTo(3, 6);
    expect(at(v, "mfcc3_std")).toBeCloseTo(Math.sqrt(5), 6);
    expect(at(v, "mfcc3_delta_std")).toBeCloseTo(0, 6);
    expect(at(v, "log_energy_std")).toBe(0);
  });

  it("leaves out frames more than 40 dB below the loudest, and changes across them", () => {
    // Frame 2 is a pause; changes are taken 0->1 and 3->4 only.
    const v = summarize(frames([-10, -12, -70, -11, -10], (t) => [1, 2, 100, 5, 9][t]), { first: 0, end: 5 });
    expect(at(v, "lfcc0_mean")).toBeCloseTo((1 + 2 + 5 + 9) / 4, 5);
    const deltas = [1, 4];
    const m = (deltas[0] + deltas[1]) / 2;
    expect(at(v, "lfcc0_delta_std")).toBeCloseTo(Math.sqrt(((1 - m) ** 2 + (4 - m) ** 2) / 2), 5);
  });

  it("takes no change across the start of another stretch of the input (joined excerpts)", () => {
    // Frames 0-2 and 3-5 are two excerpts: changes 0->1, 1->2, 3->4, 4->5, all 1; not 2->3 (a jump of 10).
    const parts = [frames([0, 0, 0], (t) => t), frames([0, 0, 0], (t) => 12 + t)];
    const joined = joinFrames(parts);
    expect(joined.runStarts).toEqual([3]);
    expect(at(summarize(joined, { first: 0, end: 6 }), "mfcc1_delta_std")).toBeCloseTo(0, 6);
    expect(at(summarize({ ...joined, runStarts: [] }, { first: 0, end: 6 }), "mfcc1_delta_std")).toBeGreaterThan(3);
    expect(joinFrames([parts[0]])).toBe(parts[0]);
  });

  it("uses every frame when fewer than three are active", () => {
    const v = summarize(frames([0, -90, -90], (t) => t), { first: 0, end: 3 });
    expect(at(v, "centroid_hz_mean")).toBeCloseTo(1, 6);
  });

  it("summarises a sub-range from the same frames (a segment)", () => {
    const f = frames([0, 0, 0, 0, 0, 0], (t) => t * t);
    expect(at(summarize(f, { first: 2, end: 5 }), "rolloff_hz_mean")).toBeCloseTo((4 + 9 + 16) / 3, 5);
    expect(() => summarize(f, { first: 3, end: 3 })).toThrow(RangeError);
  });
});
