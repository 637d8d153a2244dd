/**
 * Row weights so that each unit counts comparably: a unit of n clips weighs sqrt(n) in all (1/sqrt(n) per clip),
 * a clip's weight is shared by its rows, and each class sums to half the total, so neither a large generator
 * (espeak-ng: ~1,500 clips) nor the larger class dominates what the trees learn.
 */
import { quantileBins, rakeWeights } from "./cue-balance";
import type { TrainingClip } from "./clips";
import { CUE_NAMES } from "./cues";
import type { FeatureTable } from "./feature-table";
import type { PipelineOptions } from "./options";
import { unitOf } from "./units";

/**
 * Per row, before class balancing: 1 / (clips in the row's unit)^exponent / rows of the row's clip. The exponent
 * 0.5 (the default) lets a unit count as the square root of its size; 1 makes all units equal, 0 all clips.
 */
export function unitRowWeights(table: FeatureTable, exponent = 0.5): Float64Array {
  const unitSize = new Map<string, number>();
  const units = table.clips.map((clip) => unitOf(clip.row));
  for (const unit of units) unitSize.set(unit, (unitSize.get(unit) ?? 0) + 1);
  const rowsOfClip = new Int32Array(table.clips.length);
  for (const clip of table.rowClip) rowsOfClip[clip]++;
  return Float64Array.from(table.rowClip, (clip) => 1 / unitSize.get(units[clip])! ** exponent / rowsOfClip[clip]);
}

type CopiesOfRows = Pick<FeatureTable, "copyNames" | "rowClip" | "rowCopy">;

/** The name of a row's copy: "published", "clean" (the pre-channel copy) or an augmentation chain's name. */
export const copyNameOfRow = (table: CopiesOfRows, row: number) => table.copyNames[table.rowClip[row]][table.rowCopy[row]];

/** Whether a row is of an augmented copy: neither the clip as published nor its pre-channel copy. */
export function isAugmentedRow(table: CopiesOfRows, row: number): boolean {
  const copy = copyNameOfRow(table, row);
  return copy !== "published" && copy !== "clean";
}

/**
 * The weights with every augmented copy's rows scaled by `factor`. The augmented copies are there to break the
 * channel shortcuts, but at the weight of a clip's other copies they also drown what tells synthesis apart on
 * clean audio (README "Evaluation"), so they can weigh less.
 */
export function scaleAugmentedRows(table: CopiesOfRows, weights: Float64Array, factor: number): Float64Array {
  return factor === 1 ? weights : weights.map((w, row) => (isAugmentedRow(table, row) ? w * factor : w));
}

/** The weights of the chosen rows, scaled so that each class sums to half the number of rows. */
export function classBalanced(weights: ArrayLike<number>, labels: ArrayLike<number>): Float64Array {
  const total = [0, 0];
  for (let i = 0; i < labels.length; i++) total[labels[i]] += weights[i];
  return Float64Array.from(labels, (label, i) => (total[label] > 0 ? (weights[i] * labels.length) / (2 * total[label]) : 0));
}

/** Quantile bins per cue for raking (a cue with few distinct values, like the sample rate, bins by value). */
const CUE_BINS = 8;

/** Whether a clip comes from a GitHub repository (most of them demo pages) rather than a Debian package. */
export const isGithubClip = (clip: TrainingClip) => clip.row.path.startsWith("github/");

/** Per row: 1 if its clip comes from a GitHub repository, 0 from a Debian package. */
export function githubOriginRows(table: Pick<FeatureTable, "clips" | "rowClip">): Int32Array {
  const github = table.clips.map(isGithubClip);
  return Int32Array.from(table.rowClip, (clip) => Number(github[clip]));
}

/** What the row weights are raked on: the trivial cues of the shortcut audit, and the clip's origin. */
export interface Raking {
  cues: boolean;
  origins: boolean;
}

/** The raking the options ask for (`--balance-cues`, `--balance-origins`). */
export const rakingOf = (options: Pick<PipelineOptions, "balanceCues" | "balanceOrigins">): Raking => ({
  cues: options.balanceCues,
  origins: options.balanceOrigins,
});

/** What the weights are raked on, in words ("" when they are not). */
export function rakingDescription(raking: Raking): string {
  const on = [
    raking.cues ? "every trivial cue of the shortcut audit (8 quantile bins each)" : "",
    raking.origins ? "the clip's origin (GitHub or Debian package)" : "",
  ];
  return on.filter(Boolean).join(" and ");
}

/**
 * The weights raked so that each chosen property has the same distribution in both classes: every cue of
 * CUE_NAMES (8 quantile bins each), then the clip's origin. GitHub demo pages hold most of the systems but few of
 * the real clips, so without the origin "sounds like a demo page" is evidence of synthesis.
 */
export function rakedRowWeights(table: FeatureTable, weights: Float64Array, raking: Raking): Float64Array {
  const n = CUE_NAMES.length;
  const cueBins = raking.cues
    ? CUE_NAMES.map((_, j) => quantileBins(Float64Array.from({ length: table.cues.nRows }, (_, i) => table.cues.values[i * n + j]), CUE_BINS))
    : [];
  const bins = [...cueBins, ...(raking.origins ? [githubOriginRows(table)] : [])];
  if (bins.length === 0) return weights;
  return rakeWeights(weights, Uint8Array.from(table.rowClip, (clip) => table.labels[clip]), bins);
}
