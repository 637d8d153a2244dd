/**
 * The validation protocol: for every fold, train on the rows of the clips its training mask allows (folds.ts) and
 * score the clips of the fold, so every clip gets an out-of-fold raw score from a model that never saw its unit
 * or anything linked to it. A design says which rows and features a learner trains and scores on.
 */
import { meanRaw } from "../../src/detector/tiles";
import { type TrainingSet, matrixRow, selectTrainingRows } from "../lib";
import type { FeatureTable } from "./feature-table";
import type { Learner } from "./learners";
import { classBalanced } from "./weights";

export interface FoldPlan {
  k: number;
  /** Per clip. */
  foldOf: Int32Array;
  /** Per fold, per clip: 1 = may train. */
  masks: Uint8Array[];
}

export interface Design {
  /** The training set of the clips whose mask is 1. */
  trainingSet(clipMask: Uint8Array): TrainingSet;
  /** The vectors whose mean raw score is a clip's validation score. */
  testVectors(clip: number): Float32Array[];
}

/** The clip's tile vectors, which the detector averages the raw scores of (src/detector/tiles.ts). */
export function tileRows(table: FeatureTable, clip: number): Float32Array[] {
  return Array.from({ length: table.tileStart[clip + 1] - table.tileStart[clip] }, (_, k) => matrixRow(table.tileX, table.tileStart[clip] + k));
}

/**
 * Our features: every row (copies, crops) of the allowed clips, unit-weighted and class-balanced, trains; a clip is
 * scored as the detector scores it, by the mean raw score of its tiles.
 */
export function rowDesign(table: FeatureTable, rowWeights: Float64Array): Design {
  const labels = Uint8Array.from(table.rowClip, (clip) => table.labels[clip]);
  const all: TrainingSet = { x: table.x, y: labels, weight: rowWeights };
  return {
    trainingSet(clipMask) {
      const rows = Int32Array.from(table.rowClip.keys()).filter((row) => clipMask[table.rowClip[row]] === 1);
      const set = selectTrainingRows(all, rows);
      return { ...set, weight: classBalanced(set.weight!, set.y) };
    },
    testVectors: (clip) => tileRows(table, clip),
  };
}

/**
 * rowDesign scoring each clip by one vector over all its frames, as the detector did before its tiles (variant
 * `whole-clip-scores`).
 */
export function wholeClipDesign(table: FeatureTable, rowWeights: Float64Array): Design {
  return { ...rowDesign(table, rowWeights), testVectors: (clip) => [matrixRow(table.x, table.publishedRow[clip])] };
}

/** The seed's design: one unweighted row per clip, the seed's 46 values of the clip as published. */
export function seedDesign(table: FeatureTable): Design {
  const all: TrainingSet = { x: table.seedX, y: table.labels };
  return {
    trainingSet: (clipMask) => selectTrainingRows(all, Int32Array.from(table.labels.keys()).filter((clip) => clipMask[clip] === 1)),
    testVectors: (clip) => [matrixRow(table.seedX, clip)],
  };
}

/** Out-of-fold raw scores per clip. */
export function outOfFoldScores(
  design: Design,
  plan: FoldPlan,
  learner: Learner,
  seed: number,
  onFold?: (fold: number, nTrainingRows: number) => void,
): Float64Array {
  const scores = new Float64Array(plan.foldOf.length).fill(Number.NaN);
  for (let fold = 0; fold < plan.k; fold++) {
    const set = design.trainingSet(plan.masks[fold]);
    const model = learner.train(set, seed + fold);
    plan.foldOf.forEach((f, clip) => {
      if (f === fold) scores[clip] = meanRaw(design.testVectors(clip), (x) => model.raw(x));
    });
    onFold?.(fold, set.y.length);
  }
  return scores;
}
