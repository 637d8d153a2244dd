/**
 * Threshold-free metrics of a score that should be higher for the positive class (label 1, "fake"): ROC curve,
 * ROC AUC, equal error rate and DET curve. A row counts as predicted positive when score >= threshold; rows with
 * equal scores always move together, so ties are handled as scikit-learn's roc_curve and roc_auc_score do.
 * Optional weights count rows fractionally.
 */
import { probit } from "./probit";

export interface RocPoint {
  /** Rows with score >= threshold are called positive; the first point has threshold Infinity. */
  threshold: number;
  falsePositiveRate: number;
  truePositiveRate: number;
}

/** One point per distinct score, from (0, 0) at threshold Infinity to (1, 1) at the lowest score. */
export function rocCurve(scores: ArrayLike<number>, labels: Uint8Array, weight?: ArrayLike<number>): RocPoint[] {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((i, j) => scores[j] - scores[i] || i - j);
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < labels.length; i++) {
    const w = weight ? weight[i] : 1;
    if (labels[i]) positives += w;
    else negatives += w;
  }
  if (!(positives > 0 && negatives > 0)) throw new RangeError("ROC needs rows of both classes");
  const points: RocPoint[] = [{ threshold: Infinity, falsePositiveRate: 0, truePositiveRate: 0 }];
  let truePositives = 0;
  let falsePositives = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const w = weight ? weight[i] : 1;
    if (labels[i]) truePositives += w;
    else falsePositives += w;
    if (k + 1 < order.length && scores[order[k + 1]] === scores[i]) continue;
    points.push({ threshold: scores[i], falsePositiveRate: falsePositives / negatives, truePositiveRate: truePositives / positives });
  }
  return points;
}

/** Area under the ROC curve by the trapezoid rule: the probability that a positive outscores a negative, ties counting 1/2. */
export function rocAuc(curve: readonly RocPoint[]): number {
  let area = 0;
  for (let k = 1; k < curve.length; k++) {
    const a = curve[k - 1];
    const b = curve[k];
    area += ((b.falsePositiveRate - a.falsePositiveRate) * (a.truePositiveRate + b.truePositiveRate)) / 2;
  }
  return area;
}

export interface EqualErrorRate {
  /** Where false positive rate = false negative rate, interpolated linearly along the ROC curve. */
  rate: number;
  /** The score at the crossing, interpolated the same way between the two points' thresholds. */
  threshold: number;
}

/**
 * The equal error rate: walking the ROC curve from threshold Infinity, the false negative rate (1 - TPR)
 * falls from 1 and the false positive rate rises from 0; they cross between two points (or at one), and both
 * the rate and the threshold are interpolated there. The first point's infinite threshold counts as the
 * highest score.
 */
export function equalErrorRate(curve: readonly RocPoint[]): EqualErrorRate {
  const gap = (p: RocPoint) => 1 - p.truePositiveRate - p.falsePositiveRate;
  let k = 1;
  while (k < curve.length - 1 && gap(curve[k]) > 0) k++;
  const a = curve[k - 1];
  const b = curve[k];
  const t = gap(a) === gap(b) ? 0 : gap(a) / (gap(a) - gap(b));
  const aThreshold = Number.isFinite(a.threshold) ? a.threshold : b.threshold;
  return {
    rate: a.falsePositiveRate + t * (b.falsePositiveRate - a.falsePositiveRate),
    threshold: aThreshold + t * (b.threshold - aThreshold),
  };
}

export interface DetPoint {
  threshold: number;
  falsePositiveRate: number;
  falseNegativeRate: number;
  /** probit(falsePositiveRate) and probit(falseNegativeRate): the DET plot's axes (infinite at rates 0 and 1). */
  x: number;
  y: number;
}

/** The detection error trade-off curve: the ROC curve's points as (FPR, FNR) on probit axes. */
export function detCurve(curve: readonly RocPoint[]): DetPoint[] {
  return curve.map(({ threshold, falsePositiveRate, truePositiveRate }) => ({
    threshold,
    falsePositiveRate,
    falseNegativeRate: 1 - truePositiveRate,
    x: probit(falsePositiveRate),
    y: probit(1 - truePositiveRate),
  }));
}

export interface SingleFeatureSplit {
  balancedAccuracy: number;
  threshold: number;
  /** "above": value >= threshold is called positive; "below": value < threshold is. */
  direction: "above" | "below";
}

/**
 * The best balanced accuracy one threshold on one value can reach, trying both directions: the shortcut audit's
 * "one-feature classifier" (balanced accuracy = (TPR + TNR) / 2 = (1 + TPR - FPR) / 2 at each ROC point).
 */
export function singleFeatureBalancedAccuracy(values: ArrayLike<number>, labels: Uint8Array): SingleFeatureSplit {
  let best: SingleFeatureSplit = { balancedAccuracy: 0.5, threshold: Infinity, direction: "above" };
  for (const point of rocCurve(values, labels)) {
    const above = (1 + point.truePositiveRate - point.falsePositiveRate) / 2;
    if (above > best.balancedAccuracy) best = { balancedAccuracy: above, threshold: point.threshold, direction: "above" };
    if (1 - above > best.balancedAccuracy) best = { balancedAccuracy: 1 - above, threshold: point.threshold, direction: "below" };
  }
  return best;
}
