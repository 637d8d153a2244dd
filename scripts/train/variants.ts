/**
 * The variants behind the shipped settings, each run through the same leave-units-out protocol on the cached rows:
 * row weighting (unit exponent, whole clips only, the published copy only, i.e. no augmentation or crops), cue
 * raking, learner presets and blends with a second model. `npm run evaluate -- --variants` puts them in the
 * report; run alone it prints them.
 *
 *   npx tsx scripts/train/variants.ts [train options] [--variants shipped,units-equal,...]
 */
import { SUMMARY_NAMES } from "../../src/detector/summary";
import { mulberry32 } from "../lib/prng";
import { predictEnsembleRaw, trainGradientBoosting } from "../lib";
import { GBDT, type Learner, LEARNERS } from "./learners";
import { parseOptions } from "./options";
import { type Prepared, type ProtocolRun, prepare, protocolRunOf, runProtocol } from "./pipeline";
import { type Design, rowDesign, seedDesign, tileRowDesign, wholeClipDesign } from "./protocol";
import { auditCues } from "./shortcut-audit";
import { copyNameOfRow, githubOriginRows, isGithubClip, rakedRowWeights, scaleAugmentedRows, unitRowWeights } from "./weights";

/** The shipped learner with other boosting parameters. */
function boosting(name: string, parameters: Partial<typeof GBDT>): Learner {
  return {
    name: `gradient-boosting-${name}`,
    description: JSON.stringify(parameters),
    parameters,
    train: (set, seed) => {
      const ensemble = trainGradientBoosting(set, { ...GBDT, ...parameters, seed }).ensemble;
      return { raw: (x) => predictEnsembleRaw(ensemble, x), ensemble };
    },
  };
}

/**
 * The shipped learner blind to some summary columns (held constant in training, so no tree splits on them): what
 * those columns add. Feature sampling still draws them, as it would draw any column.
 */
function blindTo(name: string, blind: (column: string) => boolean): Learner {
  const columns = SUMMARY_NAMES.flatMap((column, c) => (blind(column) ? [c] : []));
  return {
    ...LEARNERS["gradient-boosting"],
    name: `gradient-boosting-${name}`,
    train: (set, seed) => {
      const values = set.x.values.slice();
      for (let row = 0; row < set.x.nRows; row++) for (const c of columns) values[row * set.x.nCols + c] = 0;
      return LEARNERS["gradient-boosting"].train({ ...set, x: { ...set.x, values } }, seed);
    },
  };
}

/**
 * The shipped learner given, for every column with a standard deviation s and a frame-to-frame change deviation d,
 * also 1 - d^2 / (2 s^2) (the column's lag-1 autocorrelation over active frames, up to edge effects): how smoothly
 * it moves from frame to frame, whatever its scale (gain, channel). Over-smoothed trajectories are a classic trace
 * of generated speech, and a tree cannot form the ratio itself. Computed from the cached rows.
 */
function withSmoothness(): Learner {
  const pairs = SUMMARY_NAMES.flatMap((name, d) => (name.endsWith("_delta_std") ? [[SUMMARY_NAMES.indexOf(name.replace(/_delta_std$/, "_std")), d]] : []));
  const nIn = SUMMARY_NAMES.length;
  const nOut = nIn + pairs.length;
  const extendRow = (from: Float32Array, at: number, to: Float32Array, out: number) => {
    to.set(from.subarray(at, at + nIn), out);
    pairs.forEach(([s, d], k) => {
      const std = from[at + s];
      const delta = from[at + d];
      to[out + nIn + k] = std > 0 ? Math.max(-1, 1 - (delta * delta) / (2 * std * std)) : 0;
    });
  };
  const gbdt = LEARNERS["gradient-boosting"];
  return {
    ...gbdt,
    name: "gradient-boosting-with-smoothness",
    train: (set, seed) => {
      const values = new Float32Array(set.x.nRows * nOut);
      for (let row = 0; row < set.x.nRows; row++) extendRow(set.x.values, row * nIn, values, row * nOut);
      const model = gbdt.train({ ...set, x: { nRows: set.x.nRows, nCols: nOut, values } }, seed);
      return {
        ...model,
        raw: (x) => {
          const extended = new Float32Array(nOut);
          extendRow(x, 0, extended, 0);
          return model.raw(extended);
        },
      };
    },
  };
}

/** Unit weights scaled so that both origins weigh the same in each class, before raking. */
function originsEqual(p: Prepared): Float64Array {
  const weights = unitWeights(p);
  const origin = githubOriginRows(p.table);
  const total = new Float64Array(4);
  weights.forEach((w, row) => (total[2 * p.table.labels[p.table.rowClip[row]] + origin[row]] += w));
  return weights.map((w, row) => w / total[2 * p.table.labels[p.table.rowClip[row]] + origin[row]]);
}

const isGithubOrSeventh = (p: Prepared, clip: number) => isGithubClip(p.table.clips[clip]) || clip % 7 === 0;

/** A second model averaged with the variant's own: its learner, the rows it trains on, and its share. */
export interface Partner {
  learner: Learner;
  design: (p: Prepared) => Design;
  weight: number;
}

/**
 * A variant: a learner and the row weights it trains with, run once through the protocol; or, with `members`,
 * that many runs whose out-of-fold raw scores are averaged (the score of the averaged ensemble), member m trained
 * with the weights of members(p)[m]; or, with `partners`, its run and each partner's blended (blendedRun). Its
 * `design` says which rows train and which vectors score a clip (by default the shipped tileRowDesign).
 */
type Variant = {
  learner: Learner;
  weights: (p: Prepared) => Float64Array;
  design?: (table: Prepared["table"], weights: Float64Array) => Design;
  members?: (p: Prepared) => Float64Array[];
  partners?: readonly Partner[];
};

/** Unit weights (of the given exponent), the augmented copies weighing what they weigh in the shipped model. */
const unitWeights = (p: Prepared, exponent = 0.5) => scaleAugmentedRows(p.table, unitRowWeights(p.table, exponent), p.augmentedWeight);
/** Unit weights raked as the shipped model's are (`--balance-cues`, `--balance-origins`). */
const shippedWeighting = (p: Prepared, weights: Float64Array) => rakedRowWeights(p.table, weights, p.raking);
/** The shipped weighting of the rows `keep` accepts; the others weigh nothing. */
const only = (p: Prepared, keep: (row: number) => boolean) => shippedWeighting(p, unitWeights(p).map((w, row) => (keep(row) ? w : 0)));
const gbdt = (weights: Variant["weights"]): Variant => ({ learner: LEARNERS["gradient-boosting"], weights });
/** The shipped weighting of the whole-copy rows only: no random crops or segments. */
const wholeCopyRows = (p: Prepared) => only(p, (row) => p.table.rowKind[row] === 0);

const VARIANTS: Record<string, Variant> = {
  shipped: gbdt((p) => p.rowWeights),
  // The design before tiles: no tile rows, each clip scored by one vector over all its frames.
  "whole-clip-scores": { ...gbdt((p) => p.rowWeights), design: wholeClipDesign },
  // The clips' published tiles do not train (the design shipped before tile rows); clips are still scored by tiles.
  "without-tile-rows": { ...gbdt((p) => p.rowWeights), design: rowDesign },
  "without-cue-raking": gbdt((p) => unitWeights(p)),
  "units-equal": gbdt((p) => shippedWeighting(p, unitWeights(p, 1))),
  "clips-equal": gbdt((p) => shippedWeighting(p, unitWeights(p, 0))),
  // Neither crops nor tiles train.
  "whole-clips-only": { ...gbdt(wholeCopyRows), design: rowDesign },
  // Whole copies and the published tiles train, no random crops or segments: whether crops still earn their place.
  "whole-clips-and-tiles": gbdt(wholeCopyRows),
  "no-augmentation": gbdt((p) => only(p, (row) => p.table.rowCopy[row] === 0)),
  // The augmented copy weighing as much as each of the clip's other copies (0.1.0+fc999f3345a4 weighed it so).
  "augmented-full-weight": gbdt((p) => shippedWeighting(p, unitRowWeights(p.table))),
  // Not raked on the clip's origin (0.1.0+ab268ea62d75): GitHub demo pages, most of the systems and few of the real
  // clips, then weigh more in the fake class than in the real, so "sounds like a demo page" is evidence of synthesis.
  "without-origin-raking": gbdt((p) => rakedRowWeights(p.table, unitWeights(p), { ...p.raking, origins: false })),
  // Raked on the origin, both origins weighing half of each class before raking.
  "origins-equal": gbdt((p) => rakedRowWeights(p.table, originsEqual(p), { ...p.raking, origins: true })),
  // The published and augmented copies without the corpus clips' pre-channel copy: whether clean studio audio of
  // every system teaches the model a channel rather than synthesis.
  "without-clean-copy": gbdt((p) => only(p, (row) => copyNameOfRow(p.table, row) !== "clean")),
  // The preset shipped before the full corpus: fewer, smaller, more strongly regularised trees.
  "smaller-boosting": {
    learner: boosting("smaller", { nEstimators: 200, numLeaves: 7, minDataInLeaf: 100, lambdaL2: 5, featureFraction: 0.3, baggingFraction: 0.5, maxBins: 32 }),
    weights: (p) => p.rowWeights,
  },
  "fewer-rounds": { learner: boosting("fewer-rounds", { nEstimators: 300 }), weights: (p) => p.rowWeights },
  "half-the-rounds": { learner: boosting("half-the-rounds", { nEstimators: GBDT.nEstimators / 2 }), weights: (p) => p.rowWeights },
  "more-rounds": { learner: boosting("more-rounds", { nEstimators: 2 * GBDT.nEstimators }), weights: (p) => p.rowWeights },
  // As many trees as shipped, each step half as long (the learning rate shipped before the 12.5 ms hop).
  "slower-learning": { learner: boosting("slower-learning", { learningRate: 0.05 }), weights: (p) => p.rowWeights },
  // Each tree sees a fifth of the columns: more trees must lean on other cues than one system's quirk.
  "fewer-features-per-tree": { learner: boosting("fewer-features-per-tree", { featureFraction: 0.2 }), weights: (p) => p.rowWeights },
  "larger-leaves": { learner: boosting("larger-leaves", { nEstimators: 600, numLeaves: 31 }), weights: (p) => p.rowWeights },
  // Leaves of at least 200 rows: a leaf can less easily stand for a few clips of one system.
  "larger-min-leaf": { learner: boosting("larger-min-leaf", { minDataInLeaf: 200 }), weights: (p) => p.rowWeights },
  "extra-trees": { learner: LEARNERS["extra-trees"], weights: (p) => p.rowWeights },
  "without-lpc-residual": { learner: blindTo("without-lpc-residual", (c) => c.startsWith("lpc_")), weights: (p) => p.rowWeights },
  "with-smoothness": { learner: withSmoothness(), weights: (p) => p.rowWeights },
  "without-lfcc": { learner: blindTo("without-lfcc", (c) => c.startsWith("lfcc")), weights: (p) => p.rowWeights },
  "without-means": { learner: blindTo("without-means", (c) => c.endsWith("_mean")), weights: (p) => p.rowWeights },
  // The shipped trees blended with a quarter of another forest's opinion: a random forest on the same rows, or the
  // seed's forest on its 46 values of the first 2 s, which does far better than ours on some modern systems (VALL-E,
  // Kokoro, YourTTS) and far worse overall.
  "blended-with-forest": {
    ...gbdt((p) => p.rowWeights),
    partners: [{ learner: LEARNERS["random-forest"], design: (p) => tileRowDesign(p.table, p.rowWeights), weight: 1 / 4 }],
  },
  "blended-with-seed-forest": {
    ...gbdt((p) => p.rowWeights),
    partners: [{ learner: LEARNERS["seed-random-forest"], design: (p) => seedDesign(p.table), weight: 1 / 4 }],
  },
  // Four 250-round ensembles, each trained on a random three quarters of the units (systems and sources, the same
  // subsets in every fold), averaged: no tree sees every system, so fewer can hang on one system's quirks.
  "unit-bagged": {
    learner: boosting("unit-bagged-member", { nEstimators: 250 }),
    weights: (p) => p.rowWeights,
    members: (p) => [1, 2, 3, 4].map((m) => {
      const random = mulberry32(1000 + m);
      const kept = new Map([...new Set(p.units)].map((unit) => [unit, random() < 0.75]));
      return only(p, (row) => kept.get(p.units[p.table.rowClip[row]])!);
    }),
  },
  // With a full corpus: every 7th clip of the Debian-package units (the share ../shared/data/local holds), all
  // GitHub clips; tested on every clip as always. Whether the corpus's 7x more clips of those units help.
  "local-subsampled": gbdt((p) => only(p, (row) => isGithubOrSeventh(p, p.table.rowClip[row]))),
};

export interface VariantResult {
  name: string;
  macroSystemEer: number;
  pooledEer: number;
  pooledAuc: number;
  macroSourceEer: number;
  /** The shortcut audit of the variant's training rows and weights: its most separating trivial cue. */
  worstCue: { cue: string; balancedAccuracy: number };
  seconds: number;
}

export const VARIANT_NAMES = Object.keys(VARIANTS);

/** Runs the named variants through the protocol on the prepared rows. */
export function runVariants(prepared: Prepared, names: readonly string[], seed: number): VariantResult[] {
  return names.map((name) => {
    const variant = VARIANTS[name];
    if (!variant) throw new Error(`unknown variant ${name}; known: ${VARIANT_NAMES.join(", ")}`);
    const design = (variant.design ?? tileRowDesign)(prepared.table, variant.weights(prepared));
    const run = variant.members
      ? averagedRun(prepared, variant.learner, variant.members(prepared), seed)
      : runProtocol(prepared, design, variant.learner, seed, () => {});
    const blended = variant.partners ? blendedRun(prepared, run, variant.partners, seed) : run;
    const m = blended.metrics;
    const worst = auditCues(prepared.table, design.rows).reduce((a, b) => (b.processed > a.processed ? b : a));
    return {
      name,
      macroSystemEer: m.macroSystemEer,
      pooledEer: m.pooled.eer,
      pooledAuc: m.pooled.auc,
      macroSourceEer: m.macroSourceEer,
      worstCue: { cue: worst.cue, balancedAccuracy: worst.processed },
      seconds: blended.seconds,
    };
  });
}

/** One protocol run per member's weights, their out-of-fold raw scores averaged. */
function averagedRun(prepared: Prepared, learner: Learner, memberWeights: readonly Float64Array[], seed: number): ProtocolRun {
  const started = performance.now();
  const runs = memberWeights.map((w, m) => runProtocol(prepared, tileRowDesign(prepared.table, w), learner, seed + m, () => {}));
  const raw = runs[0].raw.map((_, clip) => runs.reduce((sum, run) => sum + run.raw[clip], 0) / runs.length);
  return protocolRunOf(prepared, learner.name, raw, started);
}

/**
 * The variant's run and each partner's protocol run blended: per model the logit of its Platt calibration (so that a
 * forest's vote share and boosted margins share a scale), averaged with the partners' weights and the rest for the
 * variant's own. Shares are fixed in the variant, never fitted on the scores they are judged by.
 */
export function blendedRun(prepared: Prepared, own: ProtocolRun, partners: readonly Partner[], seed: number): ProtocolRun {
  const runs = partners.map((partner) => runProtocol(prepared, partner.design(prepared), partner.learner, seed, () => {}));
  const logits = [own, ...runs].map(({ raw, calibration: { a, b } }) => raw.map((r) => a * r + b));
  const shares = [1 - partners.reduce((sum, partner) => sum + partner.weight, 0), ...partners.map((partner) => partner.weight)];
  const blended = own.raw.map((_, clip) => logits.reduce((sum, logit, k) => sum + shares[k] * logit[clip], 0));
  return { ...protocolRunOf(prepared, own.learner, blended, 0), seconds: own.seconds + runs.reduce((sum, run) => sum + run.seconds, 0) };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: readonly string[]): Promise<void> {
  const at = argv.indexOf("--variants");
  const names = at >= 0 ? argv[at + 1].split(",") : VARIANT_NAMES;
  const options = parseOptions(at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv);
  const prepared = await prepare(options, log);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  for (const r of runVariants(prepared, names, options.seed)) {
    process.stdout.write(
      `${r.name}: macro unseen-system EER ${pct(r.macroSystemEer)}, pooled EER ${pct(r.pooledEer)}, AUC ${r.pooledAuc.toFixed(3)}, macro source EER ${pct(r.macroSourceEer)}, worst cue ${r.worstCue.cue} ${r.worstCue.balancedAccuracy.toFixed(3)} (${r.seconds.toFixed(0)} s)\n`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
