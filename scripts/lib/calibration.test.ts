import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyCalibration } from "../../src/model/calibration";
import { fitIsotonic, fitPlatt } from "./calibration";
import reference from "./fixtures/sklearn-reference.json";

/** The scores of fixtures/sklearn-reference.py (with ties: rounded to 0.01) and their labels. */
const referenceScores = () => ({ scores: reference.scores, labels: Uint8Array.from(reference.labels) });

const scoredLabels = fc
  .array(fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.boolean()), { minLength: 2, maxLength: 80 })
  .map((pairs) => ({ scores: pairs.map(([s]) => s), labels: Uint8Array.from(pairs, ([, l]) => Number(l)) }));

function expectMonotoneInUnitInterval(calibration: Parameters<typeof applyCalibration>[0], increasing: boolean) {
  const probabilities = Array.from({ length: 1201 }, (_, k) => applyCalibration(calibration, -6 + k / 100, Number.NaN));
  expect(probabilities.every((p) => p >= 0 && p <= 1)).toBe(true);
  // Up to rounding: with a slope near zero, exp's last bit can wobble (a = -2e-16 once stepped up by 1e-16).
  const slack = 1e-15;
  expect(probabilities.every((p, k) => k === 0 || (increasing ? p >= probabilities[k - 1] - slack : p <= probabilities[k - 1] + slack))).toBe(true);
}

describe("fitPlatt", () => {
  it("finds scikit-learn's sigmoid calibration (A = -a, B = -b)", () => {
    const { scores, labels } = referenceScores();
    const calibration = fitPlatt(scores, labels);
    expect(calibration).toMatchObject({ kind: "platt" });
    if (calibration.kind !== "platt") return;
    expect(calibration.a).toBeCloseTo(reference.platt.a, 5);
    expect(calibration.b).toBeCloseTo(reference.platt.b, 5);
    expect(calibration.a).toBeCloseTo(-reference.platt.sklearnA, 5);
    expect(Math.fround(calibration.a)).toBe(calibration.a);
  });

  it("is monotone and maps into [0, 1]", () => {
    fc.assert(
      fc.property(scoredLabels, ({ scores, labels }) => {
        const calibration = fitPlatt(scores, labels);
        if (calibration.kind === "platt") expectMonotoneInUnitInterval(calibration, calibration.a >= 0);
      }),
      { numRuns: 30 },
    );
  });
});

describe("fitIsotonic", () => {
  it("finds scikit-learn's IsotonicRegression breakpoints", () => {
    const { scores, labels } = referenceScores();
    const calibration = fitIsotonic(scores, labels);
    if (calibration.kind !== "isotonic") throw new Error("expected an isotonic calibration");
    expect([...calibration.x]).toEqual(reference.isotonic.x.map(Math.fround));
    calibration.y.forEach((y, i) => expect(y).toBeCloseTo(reference.isotonic.y[i], 7));
  });

  it("pools violators by weight: PAV on a hand-made case", () => {
    const calibration = fitIsotonic([1, 2, 3, 4], Uint8Array.of(0, 1, 0, 1), [1, 3, 1, 1]);
    // Scores 2 and 3 pool to (3 * 1 + 1 * 0) / 4 = 0.75.
    expect(calibration).toEqual({ kind: "isotonic", x: Float32Array.of(1, 2, 3, 4), y: Float32Array.of(0, 0.75, 0.75, 1) });
  });

  it("is monotone, maps into [0, 1] and has strictly increasing float32 breakpoints", () => {
    fc.assert(
      fc.property(scoredLabels, ({ scores, labels }) => {
        const calibration = fitIsotonic(scores, labels);
        if (calibration.kind !== "isotonic") throw new Error("expected an isotonic calibration");
        for (let i = 1; i < calibration.x.length; i++) expect(calibration.x[i]).toBeGreaterThan(calibration.x[i - 1]);
        expectMonotoneInUnitInterval(calibration, true);
      }),
      { numRuns: 50 },
    );
  });
});
