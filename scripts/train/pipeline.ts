/**
 * The steps `npm run train` and `npm run evaluate` share: load the clips, extract (or read cached) rows, weigh
 * them, deal the units to folds, and run the protocol for a learner into calibrated out-of-fold probabilities,
 * verdict thresholds and metrics.
 */
import { createHash } from "node:crypto";
import type { Thresholds } from "../../src/detector/types";
import { applyCalibration } from "../../src/model/calibration";
import { type PlattCalibration, chooseVerdictThresholds, fitPlatt } from "../lib";
import { type TrainingClip, loadCorpusClips, loadSharedClips, mergeClips } from "./clips";
import { extractRows } from "./extract";
import { type FeatureTable, buildFeatureTable } from "./feature-table";
import { assignUnitFolds, trainingMasks } from "./folds";
import type { Learner } from "./learners";
import { type ProtocolMetrics, protocolMetrics } from "./metrics";
import type { PipelineOptions } from "./options";
import { type Design, type FoldPlan, outOfFoldScores } from "./protocol";
import { rowCodeFingerprint } from "./row-code-probe";
import { unitOf } from "./units";
import { type Raking, rakedRowWeights, rakingOf, scaleAugmentedRows, unitRowWeights } from "./weights";

/** Verdict targets on out-of-fold probabilities: at most this share of real clips called fake, and of fakes called real. */
export const VERDICT_TARGETS = { maxRealCalledFake: 0.05, maxFakeCalledReal: 0.05 };

export interface Prepared {
  table: FeatureTable;
  units: string[];
  rowWeights: Float64Array;
  /** What rowWeights are raked on: the trivial cues (`--balance-cues`), the clips' origins (`--balance-origins`). */
  raking: Raking;
  /** What the augmented copies' rows weigh in rowWeights against the clip's other rows (`--augmented-weight`). */
  augmentedWeight: number;
  plan: FoldPlan;
  /** sha256 over the row cache keys: the clips' bytes, the row code and the row options. */
  dataFingerprint: string;
}

export function loadClips(options: PipelineOptions): TrainingClip[] {
  const shared = loadSharedClips(options.data);
  return options.corpus ? mergeClips(shared, loadCorpusClips(options.corpus)) : shared;
}

export async function prepare(options: PipelineOptions, log: (line: string) => void): Promise<Prepared> {
  const clips = loadClips(options);
  log(`${clips.length} clips; extracting rows (${options.copies} augmented copies each, cache ${options.cache})`);
  const started = performance.now();
  let lastReport = started;
  const { rows, keys } = await extractRows(
    clips,
    { augmentedCopies: options.copies, seed: options.seed },
    {
      cacheDir: options.cache,
      workers: options.workers,
      codeHash: await rowCodeFingerprint(),
      onProgress: (done, total) => {
        if (performance.now() - lastReport > 15000 || done === total) {
          lastReport = performance.now();
          log(`  rows of ${done}/${total} clips (${((performance.now() - started) / 1000).toFixed(0)} s)`);
        }
      },
    },
  );
  const table = buildFeatureTable(clips, rows);
  const units = table.clips.map((clip) => unitOf(clip.row));
  const foldOf = assignUnitFolds(table.clips.map((clip) => clip.row), options.folds, options.seed);
  const plan = { k: options.folds, foldOf, masks: trainingMasks(table.clips.map((clip) => clip.row), foldOf, options.folds) };
  log(`${table.clips.length} clips scored (${table.refused.length} refused by the detector), ${table.x.nRows} rows`);
  const dataFingerprint = createHash("sha256").update(keys.join("\n")).digest("hex");
  const unitWeights = scaleAugmentedRows(table, unitRowWeights(table), options.augmentedWeight);
  const raking = rakingOf(options);
  const rowWeights = rakedRowWeights(table, unitWeights, raking);
  return { table, units, rowWeights, raking, augmentedWeight: options.augmentedWeight, plan, dataFingerprint };
}

export interface ProtocolRun {
  learner: string;
  /** Out-of-fold raw scores and calibrated probabilities per clip. */
  raw: Float64Array;
  probabilities: Float64Array;
  calibration: PlattCalibration;
  thresholds: Thresholds;
  metrics: ProtocolMetrics;
  seconds: number;
}

export function runProtocol(prepared: Prepared, design: Design, learner: Learner, seed: number, log: (line: string) => void): ProtocolRun {
  const started = performance.now();
  const raw = outOfFoldScores(design, prepared.plan, learner, seed, (fold, n) =>
    log(`  ${learner.name}: fold ${fold + 1}/${prepared.plan.k} trained on ${n} rows (${((performance.now() - started) / 1000).toFixed(0)} s)`),
  );
  return protocolRunOf(prepared, learner.name, raw, started);
}

/** Calibration, verdict thresholds and metrics of out-of-fold raw scores (from a run that began at `started`). */
export function protocolRunOf(prepared: Prepared, learner: string, raw: Float64Array, started: number): ProtocolRun {
  const labels = prepared.table.labels;
  const calibration = fitPlatt(raw, labels);
  const probabilities = raw.map((r) => applyCalibration(calibration, r, Number.NaN));
  const { thresholds } = chooseVerdictThresholds(probabilities, labels, VERDICT_TARGETS);
  const metrics = protocolMetrics(probabilities, labels, prepared.units, prepared.plan.foldOf, thresholds);
  return { learner, raw, probabilities, calibration, thresholds, metrics, seconds: (performance.now() - started) / 1000 };
}
