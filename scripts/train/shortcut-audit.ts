/**
 * The shortcut audit: the best balanced accuracy one threshold on one trivial cue (cues.ts) reaches, on the raw
 * clips (one per clip, as stored) and on the processed training rows (every copy, stretch and tile the model trains
 * on, with its training weight). Each must stay at most AUDIT_LIMIT on the processed rows.
 */
import { rocCurve } from "../lib";
import { CUE_NAMES, type CueName } from "./cues";
import type { FeatureTable } from "./feature-table";
import type { TrainingRows } from "./protocol";
import { classBalanced } from "./weights";

export const AUDIT_LIMIT = 0.6;

/**
 * scripts/lib's singleFeatureBalancedAccuracy with row weights: the best (1 + TPR - FPR) / 2 over thresholds, in
 * either direction, on the weighted ROC curve.
 */
export function weightedBalancedAccuracy(values: ArrayLike<number>, labels: Uint8Array, weight?: ArrayLike<number>): number {
  let best = 0.5;
  for (const point of rocCurve(values, labels, weight)) {
    const above = (1 + point.truePositiveRate - point.falsePositiveRate) / 2;
    best = Math.max(best, above, 1 - above);
  }
  return best;
}

export interface CueAudit {
  cue: CueName;
  raw: number;
  processed: number;
  /** Processed rows without weights, to show what the weights do. */
  processedUnweighted: number;
}

function column(values: Float32Array, nCols: number, j: number): Float32Array {
  return Float32Array.from({ length: values.length / nCols }, (_, i) => values[i * nCols + j]);
}

/** The audit of a design's training rows, weighted as in training (before class balancing, which this applies). */
export function auditCues(table: FeatureTable, rows: TrainingRows): CueAudit[] {
  const rowLabels = Uint8Array.from(rows.rowClip, (clip) => table.labels[clip]);
  const weights = classBalanced(rows.weight, rowLabels);
  return CUE_NAMES.map((cue, j) => {
    const processed = column(rows.cues.values, CUE_NAMES.length, j);
    return {
      cue,
      raw: weightedBalancedAccuracy(column(table.rawCues.values, CUE_NAMES.length, j), table.labels),
      processed: weightedBalancedAccuracy(processed, rowLabels, weights),
      processedUnweighted: weightedBalancedAccuracy(processed, rowLabels),
    };
  });
}
