import { describe, expect, it } from "vitest";
import { type TreeOptions, featuresPerSplit, growTree, prepareTreeData } from "./cart";
import { type FeatureMatrix, type TrainingSet, matrixFromRows, matrixRow } from "./dataset";
import sklearnTrees from "./fixtures/sklearn-decision-trees.json";
import { mulberry32, randomNormal } from "./prng";
import { type TreeNode, isLeaf, predictTree, treeShape } from "./tree";

const OPTIONS: TreeOptions = { splitter: "best", maxDepth: Infinity, minSamplesSplit: 2, minSamplesLeaf: 1, maxFeatures: "all" };

/** The data of fixtures/sklearn-decision-trees.py, built the same way. */
function fixtureSet(): TrainingSet {
  const rows = Array.from({ length: 200 }, (_, i) => [((i * 37) % 101) / 101, ((i * 53) % 97) / 97, ((i * 17) % 89) / 89]);
  const x = matrixFromRows(rows);
  const y = Uint8Array.from(rows, (_, i) => {
    const [a, b] = matrixRow(x, i);
    return Number(a + 0.5 * b > 0.7) ^ Number(i % 7 === 0);
  });
  return { x, y };
}

function noisySet(random: () => number, nRows: number, nCols: number): TrainingSet {
  const rows = Array.from({ length: nRows }, () => Array.from({ length: nCols }, () => randomNormal(random)));
  const y = Uint8Array.from(rows, (row) => Number(row[0] + row[1] + randomNormal(random) > 0));
  return { x: matrixFromRows(rows), y };
}

const grow = (set: TrainingSet, options: Partial<TreeOptions>, seed = 1, weight?: Float64Array) =>
  growTree(
    prepareTreeData(set.x, options.splitter ?? "best"),
    set.y,
    weight ?? new Float64Array(set.y.length).fill(1),
    { ...OPTIONS, ...options },
    mulberry32(seed),
  );

/** Same structure, thresholds and leaf values within 1e-6 (scikit-learn keeps float64 midpoints, we float32). */
function sameTree(a: TreeNode, b: TreeNode): boolean {
  if (isLeaf(a) || isLeaf(b)) return isLeaf(a) && isLeaf(b) && Math.abs(a.value - b.value) < 1e-6;
  return (
    a.feature === b.feature && Math.abs(a.threshold - b.threshold) < 1e-6 && sameTree(a.left, b.left) && sameTree(a.right, b.right)
  );
}

/** How many training rows reach each node. */
function rowsPerNode(tree: TreeNode, x: FeatureMatrix): Map<TreeNode, number> {
  const counts = new Map<TreeNode, number>();
  for (let i = 0; i < x.nRows; i++) {
    const row = matrixRow(x, i);
    for (let node = tree; ; node = row[node.feature] <= node.threshold ? node.left : node.right) {
      counts.set(node, (counts.get(node) ?? 0) + 1);
      if (isLeaf(node)) break;
    }
  }
  return counts;
}

describe("featuresPerSplit", () => {
  it("counts candidate features as scikit-learn does", () => {
    expect(featuresPerSplit("sqrt", 400)).toBe(20);
    expect(featuresPerSplit("sqrt", 46)).toBe(6);
    expect(featuresPerSplit("log2", 46)).toBe(5);
    expect(featuresPerSplit("all", 46)).toBe(46);
    expect(featuresPerSplit(0.3, 46)).toBe(13);
    expect(featuresPerSplit(0.001, 46)).toBe(1);
    expect(featuresPerSplit(7, 46)).toBe(7);
    expect(() => featuresPerSplit(47, 46)).toThrow(RangeError);
    expect(() => featuresPerSplit(2.5, 46)).toThrow(RangeError);
  });
});

describe("growTree with the best splitter", () => {
  it.each([
    ["depth3", { maxDepth: 3 }],
    ["leaf10", { maxDepth: 4, minSamplesLeaf: 10 }],
  ] as const)("grows scikit-learn's DecisionTreeClassifier tree (%s)", (name, options) => {
    const variants = sklearnTrees[name] as TreeNode[];
    for (const seed of [1, 2, 3]) {
      const tree = grow(fixtureSet(), options, seed);
      expect(variants.some((variant) => sameTree(tree, variant))).toBe(true);
    }
  });

  it("separates distinct rows completely without limits", () => {
    const set = noisySet(mulberry32(4), 300, 5);
    const tree = grow(set, {});
    for (let i = 0; i < 300; i++) expect(predictTree(tree, matrixRow(set.x, i))).toBe(set.y[i]);
  });

  it("respects maxDepth, minSamplesLeaf and minSamplesSplit", () => {
    const set = noisySet(mulberry32(5), 500, 6);
    expect(treeShape(grow(set, { maxDepth: 4 })).depth).toBe(4);
    const leafLimited = rowsPerNode(grow(set, { minSamplesLeaf: 7, maxFeatures: "sqrt" }), set.x);
    const leafCounts = [...leafLimited].filter(([node]) => isLeaf(node)).map(([, count]) => count);
    expect(Math.min(...leafCounts)).toBeGreaterThanOrEqual(7);
    const splitLimited = rowsPerNode(grow(set, { minSamplesSplit: 40 }), set.x);
    const splitCounts = [...splitLimited].filter(([node]) => !isLeaf(node)).map(([, count]) => count);
    expect(Math.min(...splitCounts)).toBeGreaterThanOrEqual(40);
    expect(splitCounts.length).toBeGreaterThan(5);
  });

  it("puts thresholds strictly below the next value, so float32 inputs split like the training rows", () => {
    const x = matrixFromRows([[1], [Math.fround(1 + 2 ** -23)], [3]]);
    const tree = grow({ x, y: Uint8Array.of(0, 1, 1) }, {});
    expect(tree).toEqual({ feature: 0, threshold: 1, left: { value: 0 }, right: { value: 1 } });
  });

  it("ignores rows of weight 0 and weighs the rest", () => {
    const x = matrixFromRows([[0], [1], [2], [3]]);
    const y = Uint8Array.of(0, 1, 0, 1);
    expect(grow({ x, y }, {}, 1, Float64Array.of(1, 0, 1, 0))).toEqual({ value: 0 });
    expect(grow({ x, y }, { maxDepth: 0 }, 1, Float64Array.of(1, 3, 1, 3))).toEqual({ value: 0.75 });
  });

  it("grows the same tree from the same seed, another from another seed", () => {
    const set = noisySet(mulberry32(6), 400, 30);
    const options = { maxFeatures: "sqrt" } as const;
    expect(grow(set, options, 9)).toEqual(grow(set, options, 9));
    expect(grow(set, options, 9)).not.toEqual(grow(set, options, 10));
  });
});

describe("growTree with the random splitter", () => {
  it("draws thresholds that leave rows on both sides and still separates distinct rows", () => {
    const set = noisySet(mulberry32(7), 300, 4);
    const tree = grow(set, { splitter: "random" });
    for (let i = 0; i < 300; i++) expect(predictTree(tree, matrixRow(set.x, i))).toBe(set.y[i]);
    const { splits, leaves } = treeShape(tree);
    expect(rowsPerNode(tree, set.x).size).toBe(splits + leaves); // no split leaves a side empty
  });
});
