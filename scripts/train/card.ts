/**
 * The model card (models/model.json): what the detector needs (src/detector/model-card.ts: name, version, sha256
 * of the binary, feature names, thresholds) and what a reader needs to trust or reproduce the model: extraction
 * parameters, the training data by source and system, augmentation, learner, protocol and its metrics,
 * calibration. Nothing in it comes from the clock: the same data and seed give the same card, byte for byte.
 */
import { createHash } from "node:crypto";
import { DEFAULT_TRIM } from "../../src/audio/trim";
import { MIN_ANALYZED_SECONDS } from "../../src/detector/detector";
import { FRAME_COLUMNS } from "../../src/detector/frame-features";
import { analysisGrid, type ModelCard } from "../../src/detector/model-card";
import { ACTIVE_RANGE_DB, SUMMARY_NAMES } from "../../src/detector/summary";
import type { Calibration } from "../../src/model/calibration";
import { type TreeEnsemble, treeShape } from "../lib";
import { AUGMENTATION_RECIPE } from "./augment/chain";
import { CROP_SECONDS, SEGMENT_SECONDS } from "./crops";
import type { Learner } from "./learners";
import type { ProtocolMetrics } from "./metrics";
import type { PipelineOptions } from "./options";
import { type Prepared, VERDICT_TARGETS } from "./pipeline";
import { rakingDescription } from "./weights";

export const MODEL_NAME = "voiceguard-forest";

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Clip counts per unit, sorted by unit name. */
export function countsByUnit(prepared: Prepared): Record<string, { real: number; fake: number; rows: number }> {
  const counts: Record<string, { real: number; fake: number; rows: number }> = {};
  prepared.units.forEach((unit, clip) => {
    counts[unit] ??= { real: 0, fake: 0, rows: 0 };
    counts[unit][prepared.table.labels[clip] ? "fake" : "real"]++;
  });
  for (const clip of prepared.table.rowClip) counts[prepared.units[clip]].rows++;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function summarizeMetrics(metrics: ProtocolMetrics) {
  return {
    macro_unseen_system_eer: round(metrics.macroSystemEer),
    macro_unseen_source_eer: round(metrics.macroSourceEer),
    pooled_eer: round(metrics.pooled.eer),
    pooled_auc: round(metrics.pooled.auc),
    macro_over_folds: Object.fromEntries(Object.entries(metrics.macroFolds).map(([k, v]) => [k, round(v)])),
    per_system_eer: Object.fromEntries(metrics.systems.map((s) => [s.unit.replace(/^system:/, ""), round(s.eer)])),
    per_source: Object.fromEntries(
      metrics.sources.map((s) => [s.unit.replace(/^source:/, ""), { eer: round(s.eer), called_fake: round(s.wrongVerdictRate) }]),
    ),
  };
}

/** The options that shape the model, as the card records them (evaluate re-runs with them). */
export function trainingOptions(options: PipelineOptions) {
  const { data, corpus, seed, copies, augmentedWeight, folds, learner, balanceCues, balanceOrigins } = options;
  return { data, corpus: corpus ?? null, seed, copies, augmentedWeight, folds, learner, balanceCues, balanceOrigins };
}

export interface CardInputs {
  options: PipelineOptions;
  prepared: Prepared;
  learner: Learner;
  ensemble: TreeEnsemble;
  calibration: Calibration;
  metrics: ProtocolMetrics;
  thresholds: ModelCard["thresholds"];
  modelBytes: Uint8Array;
  packageVersion: string;
}

export function buildModelCard(inputs: CardInputs): ModelCard {
  const { options, prepared, learner, ensemble, calibration, metrics, thresholds, modelBytes } = inputs;
  const sha256 = createHash("sha256").update(modelBytes).digest("hex");
  const shapes = ensemble.trees.map(treeShape);
  const { table } = prepared;
  const raked = rakingDescription(prepared.raking);
  const nFake = table.labels.reduce((n, label) => n + label, 0);
  const command = [
    "npm run train --",
    options.corpus ? `--corpus ${options.corpus}` : "",
    `--data ${options.data} --seed ${options.seed} --copies ${options.copies} --folds ${options.folds} --learner ${options.learner}`,
    options.balanceCues ? "--balance-cues" : "",
    options.balanceOrigins ? "--balance-origins" : "",
    options.augmentedWeight !== 1 ? `--augmented-weight ${options.augmentedWeight}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return {
    name: MODEL_NAME,
    version: `${inputs.packageVersion}+${sha256.slice(0, 12)}`,
    sha256,
    trained_on: prepared.dataFingerprint,
    command,
    training_options: trainingOptions(options),
    model: {
      file: "model.bin",
      bytes: modelBytes.length,
      learner: learner.name,
      description: learner.description,
      parameters: { ...learner.parameters, seed: options.seed } as Record<string, unknown>,
      aggregation: ensemble.aggregation,
      trees: ensemble.trees.length,
      split_nodes: shapes.reduce((n, s) => n + s.splits, 0),
      leaves: shapes.reduce((n, s) => n + s.leaves, 0),
      max_depth: Math.max(...shapes.map((s) => s.depth)),
    },
    features: {
      names: [...SUMMARY_NAMES],
      extraction: {
        pipeline: "decode -> mono -> resample to 16 kHz -> trim silence -> per-frame features -> summary over active frames",
        ...analysisGrid(),
        trim: DEFAULT_TRIM,
        min_analyzed_seconds: MIN_ANALYZED_SECONDS,
        active_range_db: ACTIVE_RANGE_DB,
        frame_columns: [...FRAME_COLUMNS],
        summary: "per column except log energy: mean, std and std of the frame-to-frame change over active frames; log energy: std and delta std",
        clip_score: "the calibrated mean of the raw scores of consecutive clip_tile_seconds tiles of each analysed stretch (a last piece shorter than half a tile joins the one before); the timeline's segments are scored one by one",
      },
    },
    thresholds,
    verdict_targets: { max_real_called_fake: VERDICT_TARGETS.maxRealCalledFake, max_fake_called_real: VERDICT_TARGETS.maxFakeCalledReal },
    calibration: {
      ...(calibration.kind === "platt" ? { kind: "platt", a: calibration.a, b: calibration.b } : { kind: calibration.kind }),
      fitted_on: `out-of-fold raw scores of ${table.clips.length} clips (stored in model.bin)`,
    },
    training_data: {
      data: options.data,
      corpus: options.corpus ?? null,
      clips: table.clips.length,
      real: table.clips.length - nFake,
      fake: nFake,
      rows: table.x.nRows,
      tile_rows: table.tileX.nRows,
      refused_clips: table.refused.map((clip) => clip.row.path),
      by_unit: countsByUnit(prepared),
    },
    augmentation: {
      augmented_copies_per_clip: options.copies,
      copies: "the clip as published, its pre-channel copy (corpus clips), and augmented copies of the clean clip, one label-blind chain each",
      recipe: AUGMENTATION_RECIPE,
      stretches: { whole: true, crop_seconds: CROP_SECONDS, segment_seconds: SEGMENT_SECONDS },
      tiles: "each clip's published clip_tile_seconds tiles also train, together weighing what its published whole row weighs",
      weighting: `each unit weighs sqrt(clips) shared by its clips and their rows${options.augmentedWeight !== 1 ? `, an augmented copy's rows ${options.augmentedWeight} of the other copies' rows` : ""}${raked ? `; raked on ${raked}, each distributed alike in both classes` : ""}; classes balanced to equal total weight`,
    },
    protocol: {
      name: "leave-units-out",
      folds: options.folds,
      seed: options.seed,
      units: "fake: the system (generator); real: the source (local source or github repository)",
      exclusion:
        "training of fold k leaves out its test clips and every clip linked to one: same github repository, shared corpus, source+speaker or generator+voice key, vocoder parent/child, festvox-ru-db identity",
      scored_copy: "each clip as published, whole clip",
    },
    metrics: summarizeMetrics(metrics),
  };
}
