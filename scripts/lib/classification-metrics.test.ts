import { describe, expect, it } from "vitest";
import { accuracy, balancedAccuracy, confusionAt, perClassScores } from "./classification-metrics";

// Scores and labels: positives 0.9, 0.7, 0.4; negatives 0.8, 0.3, 0.2, 0.1. Threshold 0.5.
const scores = [0.9, 0.7, 0.4, 0.8, 0.3, 0.2, 0.1];
const labels = Uint8Array.of(1, 1, 1, 0, 0, 0, 0);

describe("classification metrics at a threshold", () => {
  const confusion = confusionAt(scores, labels, 0.5);

  it("counts score >= threshold as positive", () => {
    expect(confusion).toEqual({ truePositives: 2, falsePositives: 1, trueNegatives: 3, falseNegatives: 1 });
    expect(confusionAt(scores, labels, 0.4).truePositives).toBe(3);
  });

  it("computes accuracy and balanced accuracy", () => {
    expect(accuracy(confusion)).toBe(5 / 7);
    expect(balancedAccuracy(confusion)).toBeCloseTo((2 / 3 + 3 / 4) / 2, 15);
  });

  it("computes per-class precision, recall and F1", () => {
    const { positive, negative } = perClassScores(confusion);
    expect(positive).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3 });
    expect(negative.precision).toBe(3 / 4);
    expect(negative.recall).toBe(3 / 4);
    expect(negative.f1).toBeCloseTo(3 / 4, 15);
    expect(negative.support).toBe(4);
  });

  it("weighs rows and gives 0 where nothing is called", () => {
    const weighted = confusionAt(scores, labels, 0.5, [2, 1, 1, 1, 1, 1, 1]);
    expect(weighted.truePositives).toBe(3);
    expect(perClassScores(confusionAt(scores, labels, 2)).positive).toEqual({ precision: 0, recall: 0, f1: 0, support: 3 });
  });
});
