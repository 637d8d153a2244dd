/**
 * reports/evaluation.md from protocol runs: the models side by side, per fold, per fake system and per real
 * source, the shortcut audit, calibration and thresholds, and links to the ROC and DET plots.
 */
import type { ModelCard } from "../../src/detector/model-card";
import { AUDIT_LIMIT, type CueAudit } from "./shortcut-audit";
import type { ProtocolRun } from "./pipeline";
import type { Prepared } from "./pipeline";
import type { PipelineOptions } from "./options";
import { protocolDescription } from "./protocol-text";
import type { LosoResult } from "./loso";
import type { VariantResult } from "./variants";

const pct = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "–" : `${(100 * x).toFixed(1)}%`);
const num = (x: number, digits = 3) => x.toFixed(digits);
const table = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

export interface ReportInputs {
  options: PipelineOptions;
  prepared: Prepared;
  card: ModelCard;
  /** The shipped learner's run first, then the baselines and any other candidates. */
  runs: ProtocolRun[];
  audit: CueAudit[];
  loso?: LosoResult;
  variants?: VariantResult[];
  reproduced: string;
  seconds: { extraction: number; total: number };
  command: string;
  plots: { roc: string; det: string };
}

export function evaluationReport(inputs: ReportInputs): string {
  const { prepared, card, runs, audit } = inputs;
  const shipped = runs[0];
  const { table: data } = prepared;
  const nFake = data.labels.reduce((n, l) => n + l, 0);
  const systems = shipped.metrics.systems;
  const sources = shipped.metrics.sources;
  const lines: string[] = [];
  lines.push(
    "# Evaluation of the shipped detector model",
    "",
    `Written by \`${inputs.command}\` from the committed model (\`models/model.json\`, ${card.name} ${card.version}, sha256 \`${card.sha256.slice(0, 16)}…\`) and a deterministic re-run of the validation protocol; the run took ${inputs.seconds.total.toFixed(0)} s (${inputs.seconds.extraction.toFixed(0)} s of it loading or extracting feature rows, cached in \`${inputs.options.cache}\`). ${inputs.reproduced}`,
    "",
    "## Summary",
    "",
    table(
      ["model", "macro unseen-system EER", "pooled OOF EER", "pooled OOF ROC AUC", "macro fold EER", "macro fold AUC", "macro fold accuracy", "protocol time"],
      runs.map((run, i) => [
        i === 0 ? `**${run.learner} (shipped)**` : run.learner,
        `**${pct(run.metrics.macroSystemEer)}**`,
        pct(run.metrics.pooled.eer),
        num(run.metrics.pooled.auc),
        pct(run.metrics.macroFolds.eer),
        num(run.metrics.macroFolds.auc),
        pct(run.metrics.macroFolds.accuracy),
        `${run.seconds.toFixed(0)} s`,
      ]),
    ),
    "",
    `Data: ${data.clips.length} clips (${data.clips.length - nFake} real, ${nFake} fake) from \`${inputs.options.data}\`${inputs.options.corpus ? ` and the corpus \`${inputs.options.corpus}\`` : ""}, ${systems.length} fake systems, ${sources.length} real sources, ${data.x.nRows} training rows and ${data.tileX.nRows} tile rows; ${data.refused.length} clips refused by the detector (too little sound after trimming) are not counted.`,
    "",
    "## Validation protocol",
    "",
    protocolDescription(inputs.options),
    "",
    `![ROC](${inputs.plots.roc}) ![DET](${inputs.plots.det})`,
    "",
    `## Per fold (${shipped.learner})`,
    "",
    `Called fake = probability at or above thresholds.fake = ${num(card.thresholds.fake, 4)}; accuracy, precision and recall count "uncertain" as not called fake.`,
    "",
    table(
      ["fold", "real", "fake", "EER", "ROC AUC", "accuracy", "fake precision", "fake recall", "real precision", "real recall"],
      [
        ...shipped.metrics.folds.map((f) => [
          String(f.fold),
          String(f.nReal),
          String(f.nFake),
          pct(f.eer),
          f.auc === undefined ? "–" : num(f.auc),
          pct(f.accuracy),
          pct(f.fakePrecision),
          pct(f.fakeRecall),
          pct(f.realPrecision),
          pct(f.realRecall),
        ]),
        (() => {
          const m = shipped.metrics.macroFolds;
          return ["macro", "", "", pct(m.eer), num(m.auc), pct(m.accuracy), pct(m.fakePrecision), pct(m.fakeRecall), pct(m.realPrecision), pct(m.realRecall)];
        })(),
      ],
    ),
    "",
    "## Per fake system (unseen in training)",
    "",
    "EER of the system's out-of-fold scores against all real out-of-fold scores; verdicts at the shipped thresholds.",
    "",
    table(
      ["system", "clips", ...runs.map((r) => `EER ${r.learner}`), "called real", "uncertain"],
      systems.map((s, i) => [
        s.unit.replace(/^system:/, ""),
        String(s.n),
        ...runs.map((r) => pct(r.metrics.systems[i].eer)),
        pct(s.wrongVerdictRate),
        pct(s.uncertainRate),
      ]),
    ),
    "",
    "## Per real source (unseen in training)",
    "",
    "False-fake rate = share of the source's clips with the verdict \"fake\"; EER of its scores against all fake scores.",
    "",
    table(
      ["source", "clips", "false-fake rate", "uncertain", ...runs.map((r) => `EER ${r.learner}`)],
      sources.map((s, i) => [
        s.unit.replace(/^source:/, ""),
        String(s.n),
        pct(s.wrongVerdictRate),
        pct(s.uncertainRate),
        ...runs.map((r) => pct(r.metrics.sources[i].eer)),
      ]),
    ),
    "",
    ...losoSection(inputs.loso, shipped),
    ...variantSection(inputs.variants),
    "## Shortcut audit",
    "",
    `Best balanced accuracy of one threshold on one trivial cue (0.5 = useless, 1 = a perfect shortcut). Raw: one value per clip as stored. Processed: every training row (copies, stretches and tiles, after augmentation, resampling and trimming), weighted as in training; the limit is ${AUDIT_LIMIT}. The sample rate of a processed row is the lowest rate its audio passed through (the original rate, or a lower one of its channel chain).`,
    "",
    table(
      ["cue", "raw clips", "processed rows (weighted)", "processed rows (unweighted)", `≤ ${AUDIT_LIMIT}`],
      audit.map((a) => [a.cue, num(a.raw), num(a.processed), num(a.processedUnweighted), a.processed <= AUDIT_LIMIT ? "yes" : "**no**"]),
    ),
    "",
    "## Calibration and verdict",
    "",
    `Platt scaling fitted on the shipped learner's out-of-fold raw scores (a = ${card.calibration && (card.calibration as { a?: number }).a}, b = ${(card.calibration as { b?: number }).b}); thresholds chosen on the out-of-fold probabilities so that at most ${pct((card.verdict_targets as { max_real_called_fake: number }).max_real_called_fake)} of real clips are called fake and at most ${pct((card.verdict_targets as { max_fake_called_real: number }).max_fake_called_real)} of fake clips are called real: fake ≥ ${num(card.thresholds.fake, 4)}, real ≤ ${num(card.thresholds.real, 4)}, uncertain between.`,
    "",
  );
  return lines.join("\n");
}

function losoSection(loso: LosoResult | undefined, shipped: ProtocolRun): string[] {
  if (!loso) return [];
  const strict = new Map(shipped.metrics.systems.map((s) => [s.unit, s.eer]));
  return [
    `## Literal leave-one-system-out (${shipped.learner})`,
    "",
    `One model per fake system of ../shared/data and one per real source (${loso.nSources}), each trained without that unit and every clip linked to it but with all other units, scoring the unit's clips; a system's EER is against all real clips' leave-one-source-out scores. Macro EER over ${loso.systems.length} systems: **${pct(loso.macroEer)}** (leave-units-out: ${pct(shipped.metrics.macroSystemEer)}); ${loso.seconds.toFixed(0)} s.`,
    "",
    table(
      ["system", "clips", "EER leave-one-system-out", "EER leave-units-out"],
      loso.systems.map((s) => [s.unit.replace(/^system:/, ""), String(s.n), pct(s.eer), pct(strict.get(s.unit))]),
    ),
    "",
  ];
}

export const VARIANT_MEANING: Record<string, string> = {
  shipped: "the shipped settings",
  "whole-clip-scores": "the design before tiles: no tile rows, and each clip scored by one vector over all its frames, not by the mean of its 1 s tiles' scores",
  "without-tile-rows": "the clips' published 1 s tiles do not train (as in 0.1.0+12e3262b740d); clips still scored by their tiles",
  "without-cue-raking": "unit weights not raked on the trivial cues",
  "units-equal": "each unit weighs the same (1/n per clip) instead of sqrt(n)",
  "clips-equal": "each clip weighs the same",
  "whole-clips-only": "no crops, segments or tiles: whole-copy rows only",
  "whole-clips-and-tiles": "whole-copy rows and the published tiles, no random crops or segments",
  "no-augmentation": "only the clip as published (no augmented or pre-channel copies), with its crops",
  "without-clean-copy": "no pre-channel copies: the clip as published and its augmented copy",
  "augmented-full-weight": "the augmented copy weighing as much as each other copy of its clip (as in 0.1.0+fc999f3345a4)",
  "without-origin-raking": "not raked on the clip's origin (GitHub or Debian package), as in 0.1.0+ab268ea62d75",
  "origins-equal": "both origins weigh half of each class before raking, which includes the origin",
  "smaller-boosting": "200 rounds of 7-leaf trees, more strongly regularised (shipped before the full corpus)",
  "fewer-rounds": "300 boosting rounds instead of 2,000 (shipped before the 1,000-round model)",
  "half-the-rounds": "1,000 boosting rounds instead of 2,000 (as before 0.1.0+fc999f3345a4)",
  "more-rounds": "4,000 boosting rounds instead of 2,000",
  "slower-learning": "learning rate 0.05 instead of 0.1 (shipped before the 12.5 ms hop)",
  "fewer-features-per-tree": "each tree draws a fifth of the columns instead of half",
  "larger-leaves": "600 rounds of 31-leaf trees instead of 2,000 of 15",
  "larger-min-leaf": "leaves of at least 200 rows instead of 40",
  "extra-trees": "extra trees instead of boosting",
  "without-lpc-residual": "the LPC-residual columns held constant (no tree can use them)",
  "with-smoothness": "each column's lag-1 autocorrelation 1 - d^2 / (2 s^2) from its std and delta std, added",
  "without-lfcc": "the LFCC columns held constant: the linear-band cepstrum's share",
  "without-means": "every *_mean column held constant: only deviations and frame-to-frame changes",
  "local-subsampled": "with a corpus: trained on every 7th clip of the Debian-package units and all GitHub clips",
  "unit-bagged": "four 250-round ensembles, each on a random three quarters of the units, averaged",
  "blended-with-forest": "the shipped trees' calibrated logit blended 3:1 with a random forest's on the same rows",
  "blended-with-seed-forest": "the shipped trees' calibrated logit blended 3:1 with the seed's forest's (its 46 values of the first 2 s)",
};

function variantSection(variants: VariantResult[] | undefined): string[] {
  if (!variants) return [];
  return [
    "## Variants behind the shipped settings",
    "",
    "The same protocol on the same rows, one change at a time (scripts/train/variants.ts); row weights are otherwise the shipped ones. The last column is the shortcut audit of the variant's own training rows and weights: its most separating trivial cue (the limit is 0.6).",
    "",
    table(
      ["variant", "change", "macro unseen-system EER", "pooled EER", "pooled AUC", "macro source EER", "worst cue"],
      variants.map((v) => [
        v.name,
        VARIANT_MEANING[v.name] ?? "",
        pct(v.macroSystemEer),
        pct(v.pooledEer),
        num(v.pooledAuc),
        pct(v.macroSourceEer),
        `${v.worstCue.cue} ${num(v.worstCue.balancedAccuracy)}`,
      ]),
    ),
    "",
  ];
}
