import fc from "fast-check";
import { describe, expect, it } from "vitest";
import reference from "./fixtures/sklearn-reference.json";
import { detCurve, equalErrorRate, rocAuc, rocCurve, singleFeatureBalancedAccuracy } from "./roc";

const labels = (...values: number[]) => Uint8Array.from(values);

describe("rocCurve and rocAuc", () => {
  it("walks the distinct scores downwards (scikit-learn's example)", () => {
    const curve = rocCurve([0.1, 0.4, 0.35, 0.8], labels(0, 0, 1, 1));
    expect(curve).toEqual([
      { threshold: Infinity, falsePositiveRate: 0, truePositiveRate: 0 },
      { threshold: 0.8, falsePositiveRate: 0, truePositiveRate: 0.5 },
      { threshold: 0.4, falsePositiveRate: 0.5, truePositiveRate: 0.5 },
      { threshold: 0.35, falsePositiveRate: 0.5, truePositiveRate: 1 },
      { threshold: 0.1, falsePositiveRate: 1, truePositiveRate: 1 },
    ]);
    expect(rocAuc(curve)).toBe(0.75);
  });

  it("moves tied scores together and counts a tied pair as half right", () => {
    const curve = rocCurve([0.5, 0.5, 0.2, 0.9], labels(0, 1, 0, 1));
    expect(curve.map((p) => p.threshold)).toEqual([Infinity, 0.9, 0.5, 0.2]);
    // Pairs (positive, negative): (0.9, 0.5) (0.9, 0.2) (0.5, 0.2) right, (0.5, 0.5) a tie: 3.5 / 4.
    expect(rocAuc(curve)).toBe(0.875);
    expect(rocAuc(rocCurve([1, 1, 1, 1], labels(0, 1, 0, 1)))).toBe(0.5);
  });

  it("matches scikit-learn's roc_auc_score on scores with many ties", () => {
    expect(rocAuc(rocCurve(reference.scores, Uint8Array.from(reference.labels)))).toBeCloseTo(reference.rocAuc, 12);
  });

  it("is the Mann-Whitney probability, with weights counting rows", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean()), { minLength: 2 }), (pairs) => {
        const scores = pairs.map(([s]) => s);
        const y = Uint8Array.from(pairs, ([, l]) => Number(l));
        if (y.every((l) => l === y[0])) return;
        let wins = 0;
        let pairsCounted = 0;
        for (let i = 0; i < y.length; i++) {
          for (let j = 0; j < y.length; j++) {
            if (y[i] !== 1 || y[j] !== 0) continue;
            pairsCounted++;
            wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
          }
        }
        expect(rocAuc(rocCurve(scores, y))).toBeCloseTo(wins / pairsCounted, 12);
        const doubled = rocCurve([...scores, ...scores], Uint8Array.from([...y, ...y]));
        expect(rocCurve(scores, y, new Array(y.length).fill(2))).toEqual(doubled);
      }),
    );
  });

  it("needs both classes", () => {
    expect(() => rocCurve([0.1, 0.2], labels(1, 1))).toThrow(RangeError);
  });
});

describe("equalErrorRate", () => {
  it("is exact where FPR = FNR at a point", () => {
    expect(equalErrorRate(rocCurve([0.1, 0.4, 0.35, 0.8], labels(0, 0, 1, 1)))).toEqual({ rate: 0.5, threshold: 0.4 });
  });

  it("finds a crossing on a plateau of equal rates", () => {
    // Descending: 8 P, 7 P, 6 N, 5 P, 4 P, ...: at 5, FPR = FNR = 1/4.
    expect(equalErrorRate(rocCurve([1, 2, 3, 6, 4, 5, 7, 8], labels(0, 0, 0, 0, 1, 1, 1, 1)))).toEqual({ rate: 0.25, threshold: 5 });
  });

  it("interpolates rate and threshold between two points", () => {
    // At 0.8: FPR 1/3, FNR 1/2; at 0.7: FPR 2/3, FNR 1/2. FNR - FPR goes 1/6 -> -1/6: halfway.
    const crossing = equalErrorRate(rocCurve([0.9, 0.8, 0.7, 0.3, 0.1], labels(1, 0, 0, 1, 0)));
    expect(crossing.rate).toBeCloseTo(0.5, 12);
    expect(crossing.threshold).toBeCloseTo(0.75, 12);
  });

  it("is 0 for separated classes and 1 for inverted ones", () => {
    expect(equalErrorRate(rocCurve([1, 2, 3, 4], labels(0, 0, 1, 1))).rate).toBe(0);
    expect(equalErrorRate(rocCurve([1, 2, 3, 4], labels(1, 1, 0, 0))).rate).toBe(1);
  });
});

describe("detCurve", () => {
  it("gives FPR and FNR with probit coordinates", () => {
    const det = detCurve(rocCurve([0.1, 0.4, 0.35, 0.8], labels(0, 0, 1, 1)));
    expect(det[2]).toMatchObject({ threshold: 0.4, falsePositiveRate: 0.5, falseNegativeRate: 0.5, x: 0, y: 0 });
    expect(det[0]).toMatchObject({ x: -Infinity, y: Infinity });
  });
});

describe("singleFeatureBalancedAccuracy", () => {
  it("finds the best threshold in either direction", () => {
    expect(singleFeatureBalancedAccuracy([1, 2, 3, 4], labels(0, 0, 1, 1))).toEqual({
      balancedAccuracy: 1,
      threshold: 3,
      direction: "above",
    });
    expect(singleFeatureBalancedAccuracy([1, 2, 3, 4], labels(1, 1, 0, 1))).toEqual({
      balancedAccuracy: 5 / 6,
      threshold: 3,
      direction: "below",
    });
  });

  it("is 1/2 for a feature that carries nothing", () => {
    expect(singleFeatureBalancedAccuracy([7, 7, 7, 7], labels(0, 1, 0, 1)).balancedAccuracy).toBe(0.5);
  });
});
