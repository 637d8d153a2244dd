/**
 * Largest parity deviation per feature and configuration over every case in ../shared/golden: the largest
 * |ours - librosa| / (atol + rtol |librosa|) with the README's recommended tolerances (below 1 passes), the file
 * it occurs in, and rolloff's one-bin flips. Prints a markdown table.
 *
 *   npx tsx scripts/parity-report.ts
 */
import { seedFeatures } from "../src/features/seed";
import {
  GOLDEN_CONFIGS,
  compareCase,
  compareFeature,
  goldenAvailable,
  goldenCases,
  goldenSignal,
  loadGoldenCase,
  rowOf,
} from "./golden-features";

interface Worst {
  ratio: number;
  file: string;
  oneBinFlips: number;
}

if (!goldenAvailable) {
  console.error("../shared/golden is absent: nothing to compare");
  process.exit(1);
}

const worst = new Map<string, Worst>();
function record(key: string, ratio: number, file: string, oneBinFlips = 0) {
  const entry = worst.get(key) ?? { ratio: 0, file: "-", oneBinFlips: 0 };
  if (ratio > entry.ratio) Object.assign(entry, { ratio, file });
  entry.oneBinFlips += oneBinFlips;
  worst.set(key, entry);
}

const cases = goldenCases();
for (const entry of cases) {
  const golden = loadGoldenCase(entry);
  const signal = goldenSignal(entry);
  for (const config of GOLDEN_CONFIGS) {
    for (const result of compareCase(golden, signal, config)) {
      if (!result.shapeMatches) throw new Error(`${entry.name} ${config.name} ${result.feature}: shape differs`);
      record(`${config.name} | ${result.feature}`, result.ratio, entry.name, result.oneBinFlips);
    }
  }
  const seed = rowOf(seedFeatures(signal));
  const seedReferences = {
    "vs values_float64_pipeline": golden.seed.values_float64_pipeline,
    "vs values (librosa float32)": golden.seed.values,
  };
  for (const [label, reference] of Object.entries(seedReferences)) {
    record(`seed | ${label}`, compareFeature("seed", seed, rowOf(Float64Array.from(reference))).ratio, entry.name);
  }
}

console.log(`Parity with librosa 0.11 over ${cases.length} golden cases (ratio < 1 passes)\n`);
console.log("| config | feature | largest ratio | worst file | rolloff one-bin flips |");
console.log("|---|---|---|---|---|");
for (const [key, { ratio, file, oneBinFlips }] of worst) {
  const flips = key.endsWith("spectral_rolloff") ? String(oneBinFlips) : "";
  console.log(`| ${key} | ${ratio.toPrecision(3)} | ${file} | ${flips} |`);
}
