import { GRADIENT_BOOSTING_DEFAULTS, EXTRA_TREES_DEFAULTS, RANDOM_FOREST_DEFAULTS, trainGradientBoosting, trainForest, predictEnsembleRaw, compileEnsemble } from "../lib";
import { parseOptions } from "./options";
import { prepare, runProtocol } from "./pipeline";
import { rowDesign } from "./protocol";
import type { Learner } from "./learners";
const log = (l: string) => process.stderr.write(l + "\n");
const argv = process.argv.slice(2);
const which = argv.filter((a) => a.startsWith("exp=")).map((a) => a.slice(4));
const options = parseOptions(argv.filter((a) => !a.startsWith("exp=")));
const prepared = await prepare(options, log);
const design = rowDesign(prepared.table, prepared.rowWeights);
const gb = (name: string, p: object): Learner => ({ name, description: "", parameters: p, train: (s, seed) => { const e = trainGradientBoosting(s, { ...GRADIENT_BOOSTING_DEFAULTS, ...p, seed } as never).ensemble; return { raw: (x) => predictEnsembleRaw(e, x), ensemble: e }; } });
const fo = (name: string, base: object, p: object): Learner => ({ name, description: "", parameters: p, train: (s, seed) => { const e = trainForest(s, { ...base, ...p, seed } as never); return { raw: (x) => predictEnsembleRaw(e, x), ensemble: e }; } });
const exps: Record<string, Learner> = {
  gb300: gb("gb300", { nEstimators: 300, learningRate: 0.05, numLeaves: 15, minDataInLeaf: 40, lambdaL2: 1, featureFraction: 0.5, baggingFraction: 0.7, maxBins: 64 }),
  gb600l31: gb("gb600l31", { nEstimators: 600, learningRate: 0.05, numLeaves: 31, minDataInLeaf: 20, lambdaL2: 1, featureFraction: 0.5, baggingFraction: 0.7, maxBins: 64 }),
  gb200slow: gb("gb200slow", { nEstimators: 200, learningRate: 0.05, numLeaves: 7, minDataInLeaf: 100, lambdaL2: 5, featureFraction: 0.3, baggingFraction: 0.5, maxBins: 32 }),
  gb1000: gb("gb1000", { nEstimators: 1000, learningRate: 0.03, numLeaves: 15, minDataInLeaf: 40, lambdaL2: 1, featureFraction: 0.3, baggingFraction: 0.7, maxBins: 64 }),
  et: fo("et", EXTRA_TREES_DEFAULTS, { nTrees: 80, maxDepth: 10, minSamplesLeaf: 10 }),
  et_deep: fo("et_deep", EXTRA_TREES_DEFAULTS, { nTrees: 60, maxDepth: 14, minSamplesLeaf: 5, maxFeatures: 0.3 }),
  rf: fo("rf", RANDOM_FOREST_DEFAULTS, { nTrees: 80, maxDepth: 10, minSamplesLeaf: 10, maxSamples: 0.5 }),
};
for (const name of which) {
  const run = runProtocol(prepared, design, exps[name], options.seed, () => {});
  const final = exps[name].train(design.trainingSet(new Uint8Array(prepared.table.clips.length).fill(1)), 1);
  const bytes = compileEnsemble(final.ensemble!, run.calibration).length;
  console.log(`${name}: macroSys ${(100 * run.metrics.macroSystemEer).toFixed(1)} pooled ${(100 * run.metrics.pooled.eer).toFixed(1)} auc ${run.metrics.pooled.auc.toFixed(3)} macroSrc ${(100 * run.metrics.macroSourceEer).toFixed(1)} foldEER ${(100 * run.metrics.macroFolds.eer).toFixed(1)} bytes ${bytes} ${run.seconds.toFixed(0)}s`);
}
