/**
 * The protocol's numbers from out-of-fold scores: per fold and macro over folds, per fake system (its clips
 * against every real clip) and per real source (its clips against every fake clip, and its false-fake rate at the
 * shipped threshold), and pooled over all clips. A clip counts as called fake when its probability reaches
 * thresholds.fake (the verdict "fake"); "uncertain" and "real" are both "not called fake" here.
 */
import type { Thresholds } from "../../src/detector/types";
import { accuracy, confusionAt, equalErrorRate, perClassScores, rocAuc, rocCurve } from "../lib";

export interface FoldMetrics {
  fold: number;
  nReal: number;
  nFake: number;
  /** Undefined when the fold holds clips of one class only. */
  eer?: number;
  auc?: number;
  accuracy: number;
  fakePrecision: number;
  fakeRecall: number;
  realPrecision: number;
  realRecall: number;
}

export interface UnitMetrics {
  unit: string;
  n: number;
  eer: number;
  auc: number;
  /** Fake systems: share called real (verdict "real"); real sources: share called fake (verdict "fake"). */
  wrongVerdictRate: number;
  uncertainRate: number;
}

export interface ProtocolMetrics {
  pooled: { eer: number; auc: number; nReal: number; nFake: number };
  folds: FoldMetrics[];
  /** Means over the folds that hold both classes. */
  macroFolds: Omit<FoldMetrics, "fold" | "nReal" | "nFake"> & { eer: number; auc: number };
  systems: UnitMetrics[];
  /** The number to improve: mean EER over fake systems, each against all real clips. */
  macroSystemEer: number;
  sources: UnitMetrics[];
  macroSourceEer: number;
}

export function eerAndAuc(scores: ArrayLike<number>, labels: Uint8Array): { eer: number; auc: number } {
  const curve = rocCurve(scores, labels);
  return { eer: equalErrorRate(curve).rate, auc: rocAuc(curve) };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function pick(indices: readonly number[], scores: ArrayLike<number>, labels: Uint8Array) {
  return { scores: Float64Array.from(indices, (i) => scores[i]), labels: Uint8Array.from(indices, (i) => labels[i]) };
}

export function protocolMetrics(
  scores: ArrayLike<number>,
  labels: Uint8Array,
  units: readonly string[],
  foldOf: Int32Array,
  thresholds: Thresholds,
): ProtocolMetrics {
  const all = Array.from(labels.keys());
  const reals = all.filter((i) => labels[i] === 0);
  const fakes = all.filter((i) => labels[i] === 1);
  const k = foldOf.reduce((n, fold) => Math.max(n, fold + 1), 0);
  const folds: FoldMetrics[] = Array.from({ length: k }, (_, fold) => {
    const members = all.filter((i) => foldOf[i] === fold);
    const { scores: s, labels: y } = pick(members, scores, labels);
    const nFake = y.reduce((n, label) => n + label, 0);
    const confusion = confusionAt(s, y, thresholds.fake);
    const classes = perClassScores(confusion);
    return {
      fold,
      nReal: y.length - nFake,
      nFake,
      ...(nFake > 0 && nFake < y.length ? eerAndAuc(s, y) : {}),
      accuracy: accuracy(confusion),
      fakePrecision: classes.positive.precision,
      fakeRecall: classes.positive.recall,
      realPrecision: classes.negative.precision,
      realRecall: classes.negative.recall,
    };
  });
  const scored = folds.filter((f) => f.eer !== undefined);
  const unitMetrics = (label: 0 | 1, against: number[]): UnitMetrics[] => {
    const byUnit = new Map<string, number[]>();
    for (const i of all) if (labels[i] === label) byUnit.set(units[i], [...(byUnit.get(units[i]) ?? []), i]);
    return [...byUnit.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([unit, members]) => {
        const { scores: s, labels: y } = pick([...members, ...against], scores, labels);
        const wrong = members.filter((i) => (label === 1 ? scores[i] <= thresholds.real : scores[i] >= thresholds.fake)).length;
        const uncertain = members.filter((i) => scores[i] > thresholds.real && scores[i] < thresholds.fake).length;
        return { unit, n: members.length, ...eerAndAuc(s, y), wrongVerdictRate: wrong / members.length, uncertainRate: uncertain / members.length };
      });
  };
  const systems = unitMetrics(1, reals);
  const sources = unitMetrics(0, fakes);
  return {
    pooled: { ...eerAndAuc(scores, labels), nReal: reals.length, nFake: fakes.length },
    folds,
    macroFolds: {
      eer: mean(scored.map((f) => f.eer!)),
      auc: mean(scored.map((f) => f.auc!)),
      accuracy: mean(scored.map((f) => f.accuracy)),
      fakePrecision: mean(scored.map((f) => f.fakePrecision)),
      fakeRecall: mean(scored.map((f) => f.fakeRecall)),
      realPrecision: mean(scored.map((f) => f.realPrecision)),
      realRecall: mean(scored.map((f) => f.realRecall)),
    },
    systems,
    macroSystemEer: mean(systems.map((s) => s.eer)),
    sources,
    macroSourceEer: mean(sources.map((s) => s.eer)),
  };
}
