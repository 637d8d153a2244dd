/** Command-line flags of `npm run dataset`. */
import { resolve } from "node:path";
import type { SplitScheme } from "./split";

export interface BuildOptions {
  outDir: string;
  dataDir: string;
  seed: number;
  limit: number;
  jobs: number;
  split: SplitScheme;
}

export const USAGE = `Usage: npm run dataset -- --out DIR [--data DIR] [--seed N] [--limit N] [--jobs N] [--split holdout|folds:K]

  --out DIR     output folder (required): manifest.csv, split.csv, summary.md, real/, fake/, github/, cache/, work/
  --data DIR    shared data folder with github/ and texts/ (default ../shared/data)
  --seed N      run seed; 0 (default) keeps the documented seeds of SOURCES.md
  --limit N     development run: at most N inputs per source, voice or vocoder
  --jobs N      external programs run in parallel (default: number of CPUs)
  --split S     holdout (train/validation/test 70/15/15, default) or folds:K`;

export function parseOptions(argv: readonly string[], cpus: number): BuildOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === "--help" || flag === "-h") throw new UsageError(USAGE);
    if (!["--out", "--data", "--seed", "--limit", "--jobs", "--split"].includes(flag)) throw new UsageError(`unknown argument ${flag}\n\n${USAGE}`);
    const value = argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value\n\n${USAGE}`);
    values.set(flag, value);
  }
  const out = values.get("--out");
  if (!out) throw new UsageError(`--out is required\n\n${USAGE}`);
  return {
    outDir: resolve(out),
    dataDir: resolve(values.get("--data") ?? "../shared/data"),
    seed: integer(values.get("--seed") ?? "0", "--seed", 0),
    limit: values.has("--limit") ? integer(values.get("--limit")!, "--limit", 1) : Infinity,
    jobs: integer(values.get("--jobs") ?? String(cpus), "--jobs", 1),
    split: parseSplit(values.get("--split") ?? "holdout"),
  };
}

export function parseSplit(text: string): SplitScheme {
  if (text === "holdout") return { kind: "holdout", fractions: [0.7, 0.15, 0.15] };
  const m = /^folds:(\d+)$/.exec(text);
  if (m && Number(m[1]) >= 2) return { kind: "folds", k: Number(m[1]) };
  throw new UsageError(`--split must be holdout or folds:K with K >= 2, not ${text}`);
}

function integer(text: string, flag: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be an integer >= ${min}, not ${text}`);
  return n;
}

export class UsageError extends Error {}
