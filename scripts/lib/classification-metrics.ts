/**
 * Metrics of hard decisions at one threshold: a row is called positive (label 1, "fake") when its score is at
 * or above the threshold. Counts are weighted when weights are given.
 */

export interface Confusion {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

export function confusionAt(
  scores: ArrayLike<number>,
  labels: Uint8Array,
  threshold: number,
  weight?: ArrayLike<number>,
): Confusion {
  const confusion = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  for (let i = 0; i < labels.length; i++) {
    const w = weight ? weight[i] : 1;
    const calledPositive = scores[i] >= threshold;
    if (labels[i]) {
      if (calledPositive) confusion.truePositives += w;
      else confusion.falseNegatives += w;
    } else if (calledPositive) confusion.falsePositives += w;
    else confusion.trueNegatives += w;
  }
  return confusion;
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export function accuracy(c: Confusion): number {
  return ratio(c.truePositives + c.trueNegatives, c.truePositives + c.trueNegatives + c.falsePositives + c.falseNegatives);
}

/** The mean of the two classes' recalls. */
export function balancedAccuracy(c: Confusion): number {
  return (ratio(c.truePositives, c.truePositives + c.falseNegatives) + ratio(c.trueNegatives, c.trueNegatives + c.falsePositives)) / 2;
}

export interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
  /** Rows (or weight) of the class. */
  support: number;
}

function classScores(hits: number, falseAlarms: number, misses: number): ClassScores {
  const precision = ratio(hits, hits + falseAlarms);
  const recall = ratio(hits, hits + misses);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support: hits + misses };
}

/** Precision, recall and F1 of each class as the called class; 0 where a ratio has nothing to divide by. */
export function perClassScores(c: Confusion): { positive: ClassScores; negative: ClassScores } {
  return {
    positive: classScores(c.truePositives, c.falsePositives, c.falseNegatives),
    negative: classScores(c.trueNegatives, c.falseNegatives, c.falsePositives),
  };
}
