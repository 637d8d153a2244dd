/**
 * The validation protocol: for every fold, train on the rows of the clips its training mask allows (folds.ts) and
 * score the clips of the fold, so every clip gets an out-of-fold raw score from a model that never saw its unit
 * or anything linked to it. A design says which rows and features a learner trains and scores on.
 */
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
  /** The vector validation scores for a clip. */
  testVector(clip: number): Float32Array;
}

/** Our features: every row (copies, crops) of the allowed clips, unit-weighted and class-balanced. */
export function rowDesign(table: FeatureTable, rowWeights: Float64Array): Design {
  const labels = Uint8Array.from(table.rowClip, (clip) => table.labels[clip]);
  const all: TrainingSet = { x: table.x, y: labels, weight: rowWeights };
  return {
    trainingSet(clipMask) {
      const rows = Int32Array.from(table.rowClip.keys()).filter((row) => clipMask[table.rowClip[row]] === 1);
      const set = selectTrainingRows(all, rows);
      return { ...set, weight: classBalanced(set.weight!, set.y) };
    },
    testVector: (clip) => matrixRow(table.x, table.publishedRow[clip]),
  };
}

/** The seed's design: one unweighted row per clip, the seed's 46 values of the clip as published. */
export function seedDesign(table: FeatureTable): Design {
  const all: TrainingSet = { x: table.seedX, y: table.labels };
  return {
    trainingSet: (clipMask) => selectTrainingRows(all, Int32Array.from(table.labels.keys()).filter((clip) => clipMask[clip] === 1)),
    testVector: (clip) => matrixRow(table.seedX, clip),
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
      if (f === fold) scores[clip] = model.raw(design.testVector(clip));
    });
    onFold?.(fold, set.y.length);
  }
  return scores;
}
