import { describe, expect, it } from "vitest";
import { powerToDb } from "./power-to-db";

const expectDb = (actual: Float64Array, expected: number[]) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, 12));
};

describe("powerToDb", () => {
  it("is 10 log10(max(amin, S) / ref)", () => {
    expectDb(powerToDb(Float64Array.from([1, 100, 0.001]), { ref: 1, amin: 1e-10, topDb: null }), [0, 20, -30]);
    expectDb(powerToDb(Float64Array.from([100]), { ref: 10, amin: 1e-10, topDb: null }), [10]);
  });

  it("floors zeros at amin", () => {
    expectDb(powerToDb(Float64Array.from([0]), { ref: 1, amin: 1e-10, topDb: null }), [-100]);
  });

  it("applies top_db relative to the maximum of the whole array, not per frame", () => {
    // Two "frames" of two bands: the quiet frame is floored at the loud frame's max - 80 dB.
    const db = powerToDb(Float64Array.from([1e4, 1, 1e-3, 1e-9]), { ref: 1, amin: 1e-10, topDb: 80 });
    expectDb(db, [40, 0, -30, -40]);
  });
});
