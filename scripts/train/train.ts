/**
 * `npm run train`: extracts rows (cached), runs the leave-units-out protocol for the chosen learner to calibrate on
 * out-of-fold scores and choose the verdict thresholds, trains the final model on every row, and writes
 * models/model.bin and models/model.json. Deterministic: the same data, options and seed give the same bytes.
 *
 *   npm run train -- [--data ../shared/data] [--corpus DIR] [--seed 1] [--copies 3] [--folds 10]
 *                    [--learner gradient-boosting|extra-trees|random-forest] [--models models]
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ModelCard } from "../../src/detector/model-card";
import { compileEnsemble } from "../lib";
import { buildModelCard } from "./card";
import { LEARNERS, SHIPPABLE } from "./learners";
import { type PipelineOptions, parseOptions } from "./options";
import { type ProtocolRun, prepare, runProtocol } from "./pipeline";
import { tileRowDesign } from "./protocol";
import { checkShippedModel } from "./shipped-check";

/** The size limit for the model binary. */
export const MAX_MODEL_BYTES = 1024 * 1024;

/** JSON has no Infinity: an unlimited depth is written as the string "Infinity" rather than null. */
const finiteOrText = (_: string, value: unknown) => (typeof value === "number" && !Number.isFinite(value) ? String(value) : value);

const log = (line: string) => process.stderr.write(`${line}\n`);

export interface TrainResult {
  card: ModelCard;
  modelBytes: Uint8Array;
  run: ProtocolRun;
}

/** Trains, validates and writes the model; returns what it wrote. */
export async function train(options: PipelineOptions, log: (line: string) => void): Promise<TrainResult> {
  const started = performance.now();
  if (!(SHIPPABLE as readonly string[]).includes(options.learner)) {
    throw new Error(`--learner must be one of ${SHIPPABLE.join(", ")}, not "${options.learner}"`);
  }
  const learner = LEARNERS[options.learner];
  const prepared = await prepare(options, log);
  const design = tileRowDesign(prepared.table, prepared.rowWeights);
  const run = runProtocol(prepared, design, learner, options.seed, log);
  log(`protocol: macro unseen-system EER ${run.metrics.macroSystemEer.toFixed(4)}, pooled EER ${run.metrics.pooled.eer.toFixed(4)}, AUC ${run.metrics.pooled.auc.toFixed(4)}`);

  const everything = design.trainingSet(new Uint8Array(prepared.table.clips.length).fill(1));
  const ensemble = learner.train(everything, options.seed).ensemble!;
  const modelBytes = compileEnsemble(ensemble, run.calibration);
  if (modelBytes.length > MAX_MODEL_BYTES) throw new Error(`model binary is ${modelBytes.length} bytes, over ${MAX_MODEL_BYTES}`);
  const packageVersion = JSON.parse(readFileSync("package.json", "utf8")).version as string;
  const card = buildModelCard({
    options,
    prepared,
    learner,
    ensemble,
    calibration: run.calibration,
    metrics: run.metrics,
    thresholds: run.thresholds,
    modelBytes,
    packageVersion,
  });
  mkdirSync(options.models, { recursive: true });
  writeFileSync(join(options.models, "model.bin"), modelBytes);
  writeFileSync(join(options.models, "model.json"), `${JSON.stringify(card, finiteOrText, 2)}\n`);
  const check = checkShippedModel(modelBytes, card, prepared);
  log(`checked: createDetector scores ${check.clips} clips exactly as training did`);
  log(`wrote ${options.models}/model.bin (${modelBytes.length} bytes) and model.json in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { card, modelBytes, run };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  train(parseOptions(process.argv.slice(2)), log).catch((error) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
