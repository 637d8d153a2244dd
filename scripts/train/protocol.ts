/**
 * The validation protocol: for every fold, train on the rows of the clips its training mask allows (folds.ts) and
 * score the clips of the fold, so every clip gets an out-of-fold raw score from a model that never saw its unit
 * or anything linked to it. A design says which rows and features a learner trains and scores on.
 */
import { meanRaw } from "../../src/detector/tiles";
import { type TrainingSet, matrixRow, selectTrainingRows } from "../lib";
import type { FeatureMatrix } from "../lib/dataset";
import { type FeatureTable, concatRows } from "./feature-table";
import type { Learner } from "./learners";
import { classBalanced } from "./weights";

export interface FoldPlan {
  k: number;
  /** Per clip. */
  foldOf: Int32Array;
  /** Per fold, per clip: 1 = may train. */
  masks: Uint8Array[];
}

/** Training rows with what the shortcut audit needs of them: their cues, clips and weights (before class balancing). */
export interface TrainingRows {
  x: FeatureMatrix;
  cues: FeatureMatrix;
  rowClip: Int32Array;
  weight: Float64Array;
}

export interface Design {
  /** Every row the design can train on, of every clip. */
  rows: TrainingRows;
  /** The training set of the clips whose mask is 1. */
  trainingSet(clipMask: Uint8Array): TrainingSet;
  /** The vectors whose mean raw score is a clip's validation score. */
  testVectors(clip: number): Float32Array[];
}

/** The clip's tile vectors, which the detector averages the raw scores of (src/detector/tiles.ts). */
export function tileRows(table: FeatureTable, clip: number): Float32Array[] {
  return Array.from({ length: table.tileStart[clip + 1] - table.tileStart[clip] }, (_, k) => matrixRow(table.tileX, table.tileStart[clip] + k));
}

/** Rows that train when their clip's mask allows it, class-balanced; clips scored by their tiles. */
function clipRowsDesign(table: FeatureTable, rows: TrainingRows): Design {
  const all: TrainingSet = { x: rows.x, y: Uint8Array.from(rows.rowClip, (clip) => table.labels[clip]), weight: rows.weight };
  return {
    rows,
    trainingSet(clipMask) {
      const selected = Int32Array.from(rows.rowClip.keys()).filter((row) => clipMask[rows.rowClip[row]] === 1);
      const set = selectTrainingRows(all, selected);
      return { ...set, weight: classBalanced(set.weight!, set.y) };
    },
    testVectors: (clip) => tileRows(table, clip),
  };
}

/**
 * The shipped design: every row of the allowed clips (copies, crops; clip-rows.ts) with its weight, and each clip's
 * published 1 s tiles, together weighing what its published whole row weighs (each 1/n of it; the tiles are not
 * raked themselves, which was worse on two of three seeds, README); class-balanced. A clip is scored as the detector
 * scores it, by the mean raw score of its tiles. Training on the tiles was better on unseen systems than the rows
 * alone on all three seeds measured (README).
 */
export function tileRowDesign(table: FeatureTable, rowWeights: Float64Array): Design {
  const nRows = table.x.nRows;
  const rowClip = new Int32Array(nRows + table.tileX.nRows);
  rowClip.set(table.rowClip);
  const weight = new Float64Array(rowClip.length);
  weight.set(rowWeights);
  table.clips.forEach((_, clip) => {
    const [first, end] = [table.tileStart[clip], table.tileStart[clip + 1]];
    for (let tile = first; tile < end; tile++) {
      rowClip[nRows + tile] = clip;
      weight[nRows + tile] = rowWeights[table.publishedRow[clip]] / (end - first);
    }
  });
  return clipRowsDesign(table, {
    x: concatRows([table.x.values, table.tileX.values], table.x.nCols),
    cues: concatRows([table.cues.values, table.tileCues.values], table.cues.nCols),
    rowClip,
    weight,
  });
}

/** The rows alone, without the tiles (variant `without-tile-rows`; the design of 0.1.0+12e3262b740d). */
export function rowDesign(table: FeatureTable, rowWeights: Float64Array): Design {
  return clipRowsDesign(table, { x: table.x, cues: table.cues, rowClip: table.rowClip, weight: rowWeights });
}

/**
 * The design before tiles: rows alone, each clip scored by one vector over all its frames (variant
 * `whole-clip-scores`).
 */
export function wholeClipDesign(table: FeatureTable, rowWeights: Float64Array): Design {
  return { ...rowDesign(table, rowWeights), testVectors: (clip) => [matrixRow(table.x, table.publishedRow[clip])] };
}

/** The seed's design: one unweighted row per clip, the seed's 46 values of the clip as published (its raw cues). */
export function seedDesign(table: FeatureTable): Design {
  const all: TrainingSet = { x: table.seedX, y: table.labels };
  return {
    rows: { x: table.seedX, cues: table.rawCues, rowClip: Int32Array.from(table.labels.keys()), weight: new Float64Array(table.labels.length).fill(1) },
    trainingSet: (clipMask) => selectTrainingRows(all, Int32Array.from(table.labels.keys()).filter((clip) => clipMask[clip] === 1)),
    testVectors: (clip) => [matrixRow(table.seedX, clip)],
  };
}

/** Out-of-fold raw scores per clip. */
export function outOfFoldScores(
  design: Omit<Design, "rows">,
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
