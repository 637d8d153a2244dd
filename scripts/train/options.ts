/** Command-line options shared by `npm run train` and `npm run evaluate`. */
import { parseArgs } from "node:util";
import { DEFAULT_CACHE_DIR } from "./row-cache";

export interface PipelineOptions {
  /** ../shared/data by default. */
  data: string;
  /** A full corpus folder from `npm run dataset`, or undefined. */
  corpus?: string;
  seed: number;
  /** Augmented copies per clip. */
  copies: number;
  /** What an augmented copy's rows weigh against the rows of the clip's other copies (0-1). */
  augmentedWeight: number;
  folds: number;
  learner: string;
  models: string;
  reports: string;
  cache: string;
  /** Worker threads extracting rows. */
  workers: number;
  /** Rake the row weights so that every trivial cue has the same distribution in both classes (cue-balance.ts). */
  balanceCues: boolean;
  /** Rake the row weights also on each clip's origin (GitHub or Debian package), after the cues. */
  balanceOrigins: boolean;
}

export const DEFAULTS: PipelineOptions = {
  data: "../shared/data",
  seed: 1,
  copies: 3,
  augmentedWeight: 1,
  folds: 10,
  learner: "gradient-boosting",
  models: "models",
  reports: "reports",
  cache: DEFAULT_CACHE_DIR,
  workers: 2,
  balanceCues: false,
  balanceOrigins: false,
};

/** Options from the command line; what it does not set comes from `defaults` (evaluate passes the model's own). */
export function parseOptions(argv: readonly string[], defaults: PipelineOptions = DEFAULTS): PipelineOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      data: { type: "string" },
      corpus: { type: "string" },
      seed: { type: "string" },
      copies: { type: "string" },
      "augmented-weight": { type: "string" },
      folds: { type: "string" },
      learner: { type: "string" },
      models: { type: "string" },
      reports: { type: "string" },
      cache: { type: "string" },
      workers: { type: "string" },
      "balance-cues": { type: "boolean" },
      "balance-origins": { type: "boolean" },
    },
    strict: true,
  });
  const integer = (name: string, value: string | undefined, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, not "${value}"`);
    return n;
  };
  const share = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const x = Number(value);
    if (!(x > 0 && x <= 1)) throw new Error(`--${name} must be a number in (0, 1], not "${value}"`);
    return x;
  };
  return {
    data: values.data ?? defaults.data,
    corpus: values.corpus ?? defaults.corpus,
    seed: integer("seed", values.seed, defaults.seed, 0),
    copies: integer("copies", values.copies, defaults.copies, 0),
    augmentedWeight: share("augmented-weight", values["augmented-weight"], defaults.augmentedWeight),
    folds: integer("folds", values.folds, defaults.folds, 2),
    learner: values.learner ?? defaults.learner,
    models: values.models ?? defaults.models,
    reports: values.reports ?? defaults.reports,
    cache: values.cache ?? defaults.cache,
    workers: integer("workers", values.workers, defaults.workers, 1),
    balanceCues: values["balance-cues"] ?? defaults.balanceCues,
    balanceOrigins: values["balance-origins"] ?? defaults.balanceOrigins,
  };
}
