import { describe, expect, it } from "vitest";
import { type TrainingSet, matrixFromRows, matrixRow } from "./dataset";
import reference from "./fixtures/sklearn-reference.json";
import { LOGISTIC_REGRESSION_DEFAULTS, logisticMargin, logisticProbability, trainLogisticRegression } from "./logistic-regression";

/** The data of fixtures/sklearn-reference.py: three informative features and a constant one. */
function referenceSet(): TrainingSet {
  const rows = Array.from({ length: 200 }, (_, i) => [((i * 37) % 101) / 101, ((i * 53) % 97) / 97, ((i * 17) % 89) / 89, 2]);
  const x = matrixFromRows(rows);
  const y = Uint8Array.from(rows, (_, i) => {
    const [a, b] = matrixRow(x, i);
    return Number(a + 0.5 * b > 0.7) ^ Number(i % 7 === 0);
  });
  return { x, y };
}

describe("trainLogisticRegression", () => {
  it.each([
    ["c1", { c: 1 }],
    ["c0.01", { c: 0.01 }],
    ["balanced", { c: 1, classWeight: "balanced" as const }],
  ])("matches scikit-learn's StandardScaler + LogisticRegression (%s)", (name, options) => {
    const expected = reference.logistic[name as keyof typeof reference.logistic];
    const model = trainLogisticRegression(referenceSet(), { ...LOGISTIC_REGRESSION_DEFAULTS, ...options });
    expect(model.converged).toBe(true);
    model.coefficients.forEach((c, j) => expect(c).toBeCloseTo(expected.coefficients[j], 6));
    expect(model.intercept).toBeCloseTo(expected.intercept, 6);
  });

  it("scores raw feature vectors through the stored standardisation", () => {
    const set = referenceSet();
    const model = trainLogisticRegression(set, LOGISTIC_REGRESSION_DEFAULTS);
    expect(model.scale[3]).toBe(1); // a constant feature is centred, not divided by 0
    const x = matrixRow(set.x, 5);
    const z = model.intercept + [0, 1, 2, 3].reduce((s, j) => s + (model.coefficients[j] * (x[j] - model.mean[j])) / model.scale[j], 0);
    expect(logisticMargin(model, x)).toBeCloseTo(z, 12);
    expect(logisticProbability(model, x)).toBeCloseTo(1 / (1 + Math.exp(-z)), 12);
  });

  it("fits without standardisation when asked", () => {
    const model = trainLogisticRegression(referenceSet(), { ...LOGISTIC_REGRESSION_DEFAULTS, standardize: false });
    expect([...model.mean]).toEqual([0, 0, 0, 0]);
    expect([...model.scale]).toEqual([1, 1, 1, 1]);
    expect(model.coefficients[0]).toBeGreaterThan(1);
  });
});
