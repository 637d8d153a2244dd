import { describe, expect, it } from "vitest";
import { powerToDb } from "./power-to-db";

describe("powerToDb", () => {
  it("is 10 log10(max(amin, S) / ref)", () => {
    const db = powerToDb(Float64Array.from([1, 100, 0.001]), { ref: 1, amin: 1e-10, topDb: null });
    expect(Array.from(db)).toEqual([0, 20, -30]);
    expect(powerToDb(Float64Array.from([100]), { ref: 10, amin: 1e-10, topDb: null })[0]).toBe(10);
  });

  it("floors zeros at amin", () => {
    expect(powerToDb(Float64Array.from([0]), { ref: 1, amin: 1e-10, topDb: null })[0]).toBe(-100);
  });

  it("applies top_db relative to the maximum of the whole array, not per frame", () => {
    // Two "frames" of two bands: the quiet frame is floored at the loud frame's max - 80 dB.
    const db = powerToDb(Float64Array.from([1e4, 1, 1e-3, 1e-9]), { ref: 1, amin: 1e-10, topDb: 80 });
    expect(Array.from(db)).toEqual([40, 0, -30, -40]);
  });
});
