/**
 * `npm run evaluate`: re-runs the validation protocol deterministically for the committed model's learner and the
 * two baselines (logistic regression on the same rows, the seed's random forest on its own features), checks that
 * the re-run reproduces the committed calibration and thresholds, audits the trivial cues, and writes
 * reports/evaluation.md with ROC and DET plots as SVG.
 *
 *   npm run evaluate -- [same data options as train] [--compare] [--loso] [--variants[=a,b]] [--scores=FILE]
 *   (--compare adds the other shippable learners, --loso literal leave-one-system-out, --variants the variants
 *   of variants.ts, all or the named ones, --scores writes every clip's out-of-fold probabilities as CSV)
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ModelCard } from "../../src/detector/model-card";
import { plotDet, plotRoc, rocCurve } from "../lib";
import { loadSharedClips } from "./clips";
import { LEARNERS, SHIPPABLE } from "./learners";
import { leaveOneUnitOut } from "./loso";
import { VARIANT_NAMES, runVariants } from "./variants";
import { outOfFoldScoresCsv } from "./oof-scores";
import { DEFAULTS, type PipelineOptions, parseOptions } from "./options";
import { type ProtocolRun, prepare, runProtocol } from "./pipeline";
import { seedDesign, tileRowDesign } from "./protocol";
import { evaluationReport } from "./report";
import { auditCues } from "./shortcut-audit";
import { unitOf } from "./units";

const log = (line: string) => process.stderr.write(`${line}\n`);

function readCard(models: string): { card: ModelCard; bytes: Uint8Array } {
  const bytes = readFileSync(join(models, "model.bin"));
  const card = JSON.parse(readFileSync(join(models, "model.json"), "utf8")) as ModelCard;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== card.sha256) throw new Error(`models/model.bin has sha256 ${sha256}, its card says ${card.sha256}`);
  return { card, bytes };
}

/** Whether the re-run gives the committed calibration and thresholds. */
function reproduction(card: ModelCard, shipped: ProtocolRun, fingerprint: string): string {
  const calibration = card.calibration as { a?: number; b?: number };
  const same =
    calibration.a === shipped.calibration.a &&
    calibration.b === shipped.calibration.b &&
    card.thresholds.fake === shipped.thresholds.fake &&
    card.thresholds.real === shipped.thresholds.real;
  const data = card.trained_on === fingerprint ? "the same data and row code" : "**other data or row code than the committed model was trained on**";
  return same
    ? `The re-run used ${data} and reproduced the committed calibration and thresholds exactly.`
    : `The re-run used ${data} and did **not** reproduce the committed calibration and thresholds (re-run: thresholds ${JSON.stringify(shipped.thresholds)}).`;
}

/** Re-runs the protocol and writes the report; `compare` adds the other shippable learners. */
export interface EvaluateChoices {
  /** Also run the other shippable learners. */
  compare: boolean;
  /** Also run literal leave-one-system-out (systems of ../shared/data) and leave-one-source-out (one model per unit). */
  loso: boolean;
  /** Also run these variants of variants.ts (weighting, augmentation, cue raking, learner presets). */
  variants: readonly string[];
  /** Write every clip's out-of-fold probabilities here (CSV), when given. */
  scores?: string;
}

export async function evaluate(options: PipelineOptions, choices: EvaluateChoices, command: string, log: (line: string) => void): Promise<string> {
  const started = performance.now();
  const { card } = readCard(options.models);
  const shippedLearner = (card.model as { learner: string }).learner;
  const prepared = await prepare(options, log);
  const extraction = (performance.now() - started) / 1000;
  const ours = tileRowDesign(prepared.table, prepared.rowWeights);
  const candidates = [shippedLearner, "logistic", "seed-random-forest", ...(choices.compare ? SHIPPABLE.filter((l) => l !== shippedLearner) : [])];
  const runs = candidates.map((name) =>
    runProtocol(prepared, name === "seed-random-forest" ? seedDesign(prepared.table) : ours, LEARNERS[name], options.seed, log),
  );
  for (const run of runs) log(`${run.learner}: macro unseen-system EER ${run.metrics.macroSystemEer.toFixed(4)}, pooled EER ${run.metrics.pooled.eer.toFixed(4)}`);
  const sharedSystems = new Set(loadSharedClips(options.data).filter((c) => c.row.label === "fake").map((c) => unitOf(c.row)));
  const loso = choices.loso
    ? leaveOneUnitOut(prepared, ours, LEARNERS[shippedLearner], options.seed, (row) => sharedSystems.has(unitOf(row)), log)
    : undefined;
  const variants = choices.variants.length > 0 ? runVariants(prepared, choices.variants, options.seed) : undefined;
  const audit = auditCues(prepared.table, ours.rows);

  mkdirSync(options.reports, { recursive: true });
  if (choices.scores) writeFileSync(choices.scores, outOfFoldScoresCsv(prepared, runs));
  const curves = runs.map((run) => ({ label: run.learner, curve: rocCurve(run.probabilities, prepared.table.labels) }));
  const plots = { roc: "evaluation-roc.svg", det: "evaluation-det.svg" };
  writeFileSync(join(options.reports, plots.roc), plotRoc(curves, "ROC, pooled out-of-fold scores"));
  writeFileSync(join(options.reports, plots.det), plotDet(curves, "DET, pooled out-of-fold scores"));
  const report = evaluationReport({
    options,
    prepared,
    card,
    runs,
    audit,
    loso,
    variants,
    reproduced: reproduction(card, runs[0], prepared.dataFingerprint),
    seconds: { extraction, total: (performance.now() - started) / 1000 },
    command,
    plots,
  });
  writeFileSync(join(options.reports, "evaluation.md"), report);
  log(`wrote ${options.reports}/evaluation.md in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return report;
}

const EVALUATE_FLAGS = ["--compare", "--loso", "--variants"];
const SCORES_FLAG = "--scores=";
const isEvaluateFlag = (arg: string) => EVALUATE_FLAGS.includes(arg) || arg.startsWith("--variants=") || arg.startsWith(SCORES_FLAG);

/** `--variants` runs them all, `--variants=a,b` the named ones. */
function variantChoice(argv: readonly string[]): readonly string[] {
  const flag = argv.find((arg) => arg === "--variants" || arg.startsWith("--variants="));
  if (flag === undefined) return [];
  return flag === "--variants" ? VARIANT_NAMES : flag.slice("--variants=".length).split(",");
}

/**
 * The options of the run: the model's own training options (its card), overridden by the command line, so that a
 * bare `npm run evaluate` re-runs exactly the protocol the model was trained with.
 */
export function evaluationOptions(argv: readonly string[]): PipelineOptions {
  const flags = argv.filter((a) => !isEvaluateFlag(a));
  const models = parseOptions(flags).models;
  const recorded = (readCard(models).card.training_options ?? {}) as Partial<PipelineOptions> & { corpus?: string | null };
  return parseOptions(flags, { ...DEFAULTS, ...recorded, corpus: recorded.corpus ?? undefined });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const command = ["npm run evaluate", ...(argv.length > 0 ? ["--", ...argv] : [])].join(" ");
  const scores = argv.find((arg) => arg.startsWith(SCORES_FLAG))?.slice(SCORES_FLAG.length);
  const choices = { compare: argv.includes("--compare"), loso: argv.includes("--loso"), variants: variantChoice(argv), scores };
  Promise.resolve()
    .then(() => evaluate(evaluationOptions(argv), choices, command, log))
    .catch((error) => {
      log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    });
}
