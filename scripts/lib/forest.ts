/**
 * Bagged ensembles of CART trees (cart.ts): random forest (bootstrap samples, best thresholds) and extra trees
 * (whole training set, random thresholds). The ensemble's score is the mean of the trees' leaf values, each the
 * fraction of the positive class in the leaf, as in scikit-learn's predict_proba.
 */
import { type ClassWeight, type TrainingSet, checkTrainingSet, rowWeights } from "./dataset";
import { type TreeOptions, growTree, prepareTreeData } from "./cart";
import { mulberry32, randomInt, randomSeed } from "./prng";
import type { TreeEnsemble } from "./tree";

export interface ForestOptions extends TreeOptions {
  nTrees: number;
  /** Each tree sees a bootstrap sample (drawn with replacement) instead of every row. */
  bootstrap: boolean;
  /** Rows drawn per bootstrap sample, as a fraction of the training rows. */
  maxSamples: number;
  classWeight?: ClassWeight;
  seed: number;
}

/** scikit-learn's RandomForestClassifier defaults. */
export const RANDOM_FOREST_DEFAULTS: ForestOptions = {
  nTrees: 100,
  splitter: "best",
  maxDepth: Infinity,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  maxFeatures: "sqrt",
  bootstrap: true,
  maxSamples: 1,
  seed: 0,
};

/** scikit-learn's ExtraTreesClassifier defaults. */
export const EXTRA_TREES_DEFAULTS: ForestOptions = { ...RANDOM_FOREST_DEFAULTS, splitter: "random", bootstrap: false };

/** scikit-learn's DecisionTreeClassifier defaults: one tree on every row and every feature. */
export const DECISION_TREE_DEFAULTS: ForestOptions = {
  ...RANDOM_FOREST_DEFAULTS,
  nTrees: 1,
  maxFeatures: "all",
  bootstrap: false,
};

/**
 * The seed project's model: RandomForestClassifier(n_estimators=200) with every other parameter at its default
 * (gini, max_features="sqrt", bootstrap, min_samples_leaf=1, no depth limit).
 */
export const SEED_RANDOM_FOREST: ForestOptions = { ...RANDOM_FOREST_DEFAULTS, nTrees: 200 };

/**
 * Trains a forest; the same set and options (seed included) always give the same trees.
 *
 * @example
 * const ensemble = trainForest({ x, y }, { ...SEED_RANDOM_FOREST, seed: 42 });
 */
export function trainForest(set: TrainingSet, options: ForestOptions): TreeEnsemble {
  checkTrainingSet(set);
  const data = prepareTreeData(set.x, options.splitter);
  const baseWeight = rowWeights(set, options.classWeight);
  const random = mulberry32(options.seed);
  const nDrawn = Math.max(1, Math.round(options.maxSamples * set.x.nRows));
  const trees = Array.from({ length: options.nTrees }, () => {
    const treeRandom = mulberry32(randomSeed(random));
    let weight = baseWeight;
    if (options.bootstrap) {
      const counts = new Float64Array(set.x.nRows);
      for (let k = 0; k < nDrawn; k++) counts[randomInt(treeRandom, set.x.nRows)]++;
      weight = counts.map((count, row) => count * baseWeight[row]);
    }
    return growTree(data, set.y, weight, options, treeRandom);
  });
  return { aggregation: "mean", nFeatures: set.x.nCols, baseScore: 0, trees };
}
