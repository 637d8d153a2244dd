/**
 * Measures the model machinery: parsing the shipped model and a synthetic ~1 MB one and scoring one vector (the
 * Worker's budget: < 5 ms and < 0.1 ms), cold in a fresh process as in a new isolate, and warm (random vectors:
 * any vector walks one root-to-leaf path per tree); with --train, training each learner on 6,000 x 400 synthetic
 * rows.
 *
 *   npx tsx scripts/lib/model-bench.ts [--train]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Forest } from "../../src/model/forest";
import { parseForest } from "../../src/model/format";
import { predictCalibrated } from "../../src/model/predict";
import { compileEnsemble } from "./compile";
import type { TrainingSet } from "./dataset";
import { EXTRA_TREES_DEFAULTS, SEED_RANDOM_FOREST, trainForest } from "./forest";
import { GRADIENT_BOOSTING_DEFAULTS, trainGradientBoosting } from "./gbdt";
import { LOGISTIC_REGRESSION_DEFAULTS, trainLogisticRegression } from "./logistic-regression";
import { mulberry32, randomNormal } from "./prng";
import { randomEnsemble } from "./random-ensemble";
import { treeShape } from "./tree";

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Three fresh processes' first parse and first score of a model binary. */
function coldRuns(file: string): void {
  const args = [...process.execArgv, process.argv[1], "--cold", file];
  for (let run = 0; run < 3; run++) process.stdout.write(execFileSync(process.execPath, args, { encoding: "utf8" }));
}

/** The shipped model, as a new isolate first meets it, then warm. */
function benchShipped(): void {
  const file = fileURLToPath(new URL("../../models/model.bin", import.meta.url));
  const bytes = readFileSync(file);
  console.log(`shipped model: ${bytes.byteLength} bytes`);
  coldRuns(file);
  const forest = parseForest(new Uint8Array(bytes));
  console.log(`score one vector, mean over 10,000: ${warmScoring(forest, mulberry32(3)).toFixed(4)} ms`);
}

/** Mean milliseconds per vector over 10,000 random vectors, warm. */
function warmScoring(forest: Forest, random: () => number): number {
  const vectors = Array.from({ length: 10_000 }, () => Float32Array.from({ length: forest.nFeatures }, () => randomNormal(random)));
  let sink = 0;
  const start = performance.now();
  for (const x of vectors) sink += predictCalibrated(forest, x);
  const perVector = (performance.now() - start) / vectors.length;
  if (!Number.isFinite(sink)) throw new Error("a score was not finite");
  return perVector;
}

function benchScoring(): void {
  const random = mulberry32(1);
  const shape = { aggregation: "logistic-sum" as const, nFeatures: 300, nTrees: 300, leavesPerTree: 238, maxDepth: 12 };
  const ensemble = randomEnsemble(random, shape);
  const blob = compileEnsemble(ensemble, { kind: "platt", a: 1, b: 0 });
  const depth = Math.max(...ensemble.trees.map((tree) => treeShape(tree).depth));
  console.log(`model: ${shape.nTrees} trees x ${shape.leavesPerTree} leaves, depth <= ${depth}, ${shape.nFeatures} features: ${blob.byteLength} bytes`);

  const file = join(mkdtempSync(join(tmpdir(), "model-bench-")), "model.bin");
  writeFileSync(file, blob);
  coldRuns(file);
  const forest = parseForest(blob);
  const parseTimes = Array.from({ length: 50 }, () => {
    const copy = blob.slice();
    const t0 = performance.now();
    parseForest(copy);
    return performance.now() - t0;
  });
  console.log(`parse, median of 50: ${median(parseTimes).toFixed(3)} ms`);

  console.log(`score one vector, mean over 10,000: ${warmScoring(forest, random).toFixed(4)} ms`);
}

function syntheticSet(nRows: number, nCols: number): TrainingSet {
  const random = mulberry32(2);
  const values = new Float32Array(nRows * nCols);
  const y = new Uint8Array(nRows);
  for (let i = 0; i < nRows; i++) {
    let signal = 0;
    for (let j = 0; j < nCols; j++) {
      values[i * nCols + j] = randomNormal(random);
      if (j < 10) signal += values[i * nCols + j];
    }
    y[i] = Number(signal + 2 * randomNormal(random) > 0);
  }
  return { x: { nRows, nCols, values }, y };
}

function timed(name: string, train: () => string): void {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const detail = train();
  const cpuSeconds = process.cpuUsage(cpu).user / 1e6;
  console.log(`${name}: ${cpuSeconds.toFixed(1)} s CPU, ${((performance.now() - wall) / 1000).toFixed(1)} s wall; ${detail}`);
}

function benchTraining(): void {
  const set = syntheticSet(6000, 400);
  const size = (bytes: Uint8Array) => `${(bytes.byteLength / 1e6).toFixed(2)} MB compiled`;
  console.log("training on 6,000 rows x 400 features:");
  timed("  random forest, 300 trees (seed recipe)", () => size(compileEnsemble(trainForest(set, { ...SEED_RANDOM_FOREST, nTrees: 300, seed: 1 }))));
  timed("  extra trees, 300 trees", () => size(compileEnsemble(trainForest(set, { ...EXTRA_TREES_DEFAULTS, nTrees: 300, seed: 1 }))));
  timed("  gradient boosting, 300 trees of 31 leaves", () =>
    size(compileEnsemble(trainGradientBoosting(set, { ...GRADIENT_BOOSTING_DEFAULTS, nEstimators: 300, seed: 1 }).ensemble)),
  );
  timed("  logistic regression", () => `converged: ${trainLogisticRegression(set, LOGISTIC_REGRESSION_DEFAULTS).converged}`);
}

/** A fresh process's first parse and first score: what a new Worker isolate pays. */
function coldStart(file: string): void {
  const bytes = new Uint8Array(readFileSync(file));
  let start = performance.now();
  const forest = parseForest(bytes);
  const parseMs = performance.now() - start;
  const x = new Float32Array(forest.nFeatures).fill(0.5);
  start = performance.now();
  predictCalibrated(forest, x);
  console.log(`cold process: first parse ${parseMs.toFixed(3)} ms, first score ${(performance.now() - start).toFixed(3)} ms`);
}

const cold = process.argv.indexOf("--cold");
if (cold >= 0) {
  coldStart(process.argv[cold + 1]);
} else {
  benchShipped();
  benchScoring();
  if (process.argv.includes("--train")) benchTraining();
}
