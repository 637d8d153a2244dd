import { describe, expect, it } from "vitest";
import { type Calibration, applyCalibration, checkCalibration, sigmoid } from "./calibration";

const isotonic = (x: number[], y: number[]): Calibration => ({
  kind: "isotonic",
  x: Float32Array.from(x),
  y: Float32Array.from(y),
});

describe("sigmoid", () => {
  it("is 1/2 at 0, symmetric, and saturates without NaN", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2) + sigmoid(-2)).toBeCloseTo(1, 15);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(-30)).toBeGreaterThan(0);
  });
});

describe("applyCalibration", () => {
  it("returns the uncalibrated probability without a calibration", () => {
    expect(applyCalibration({ kind: "none" }, 3, 0.25)).toBe(0.25);
  });

  it("applies Platt's sigmoid to the raw score", () => {
    expect(applyCalibration({ kind: "platt", a: 2, b: -1 }, 0.5, 0)).toBe(0.5);
    expect(applyCalibration({ kind: "platt", a: 1, b: 0 }, Math.log(3), 0)).toBeCloseTo(0.75, 15);
  });

  it("interpolates isotonic breakpoints linearly and clamps outside them", () => {
    const calibration = isotonic([0, 1, 2], [0.25, 0.5, 0.75]);
    expect(applyCalibration(calibration, -1, 0)).toBe(0.25);
    expect(applyCalibration(calibration, 0.5, 0)).toBe(0.375);
    expect(applyCalibration(calibration, 1, 0)).toBe(0.5);
    expect(applyCalibration(calibration, 1.75, 0)).toBe(0.6875);
    expect(applyCalibration(calibration, 9, 0)).toBe(0.75);
    expect(applyCalibration(calibration, Number.NaN, 0)).toBe(0.25);
    expect(applyCalibration(isotonic([3], [0.5]), 7, 0)).toBe(0.5);
  });
});

describe("checkCalibration", () => {
  it("accepts well-formed calibrations", () => {
    expect(() => checkCalibration({ kind: "platt", a: -3, b: 1 })).not.toThrow();
    expect(() => checkCalibration(isotonic([0, 1], [0, 1]))).not.toThrow();
  });

  it.each([
    ["non-finite Platt parameters", { kind: "platt", a: Number.NaN, b: 0 } as Calibration],
    ["no breakpoints", isotonic([], [])],
    ["fewer y than x", isotonic([0, 1], [0])],
    ["x not increasing", isotonic([0, 0], [0.1, 0.2])],
    ["y decreasing", isotonic([0, 1], [0.2, 0.1])],
    ["y above 1", isotonic([0, 1], [0.2, 1.5])],
    ["an infinite x", isotonic([0, Infinity], [0.2, 0.3])],
  ])("rejects %s", (_, calibration) => {
    expect(() => checkCalibration(calibration)).toThrow(RangeError);
  });
});
