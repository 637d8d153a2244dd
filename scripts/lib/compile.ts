/**
 * The compiler from trained trees (tree.ts) to the model binary (src/model/format.ts). Each tree is laid out in
 * preorder, left subtree first: split nodes and leaves get local indices in the order they are met.
 */
import { type Calibration, NO_CALIBRATION } from "../../src/model/calibration";
import { type Forest, LEAF_BIT, MAX_SPLITS_PER_TREE } from "../../src/model/forest";
import { encodeForest } from "../../src/model/format";
import { type TreeEnsemble, type TreeNode, isLeaf, treeShape } from "./tree";

function requireFloat32(what: string, value: number): number {
  if (Math.fround(value) !== value) throw new RangeError(`${what} ${value} is not a float32 value`);
  return value;
}

/** The flat-array Forest of an ensemble, checked. Throws if a value is not float32 or a tree is too large. */
export function flattenEnsemble(ensemble: TreeEnsemble, calibration: Calibration = NO_CALIBRATION): Forest {
  const shapes = ensemble.trees.map(treeShape);
  const nSplits = shapes.reduce((sum, shape) => sum + shape.splits, 0);
  const nLeaves = shapes.reduce((sum, shape) => sum + shape.leaves, 0);
  const forest: Forest = {
    nFeatures: ensemble.nFeatures,
    aggregation: ensemble.aggregation,
    baseScore: requireFloat32("baseScore", ensemble.baseScore),
    splitStart: new Uint32Array(ensemble.trees.length + 1),
    leafStart: new Uint32Array(ensemble.trees.length + 1),
    feature: new Uint16Array(nSplits),
    threshold: new Float32Array(nSplits),
    children: new Uint16Array(2 * nSplits),
    leafValue: new Float32Array(nLeaves),
    calibration,
  };
  ensemble.trees.forEach((tree, t) => {
    if (shapes[t].splits > MAX_SPLITS_PER_TREE) {
      throw new RangeError(`tree ${t} has ${shapes[t].splits} splits, the format allows ${MAX_SPLITS_PER_TREE}`);
    }
    const s0 = forest.splitStart[t];
    const l0 = forest.leafStart[t];
    let splits = 0;
    let leaves = 0;
    const place = (node: TreeNode): number => {
      if (isLeaf(node)) {
        forest.leafValue[l0 + leaves] = requireFloat32(`tree ${t} leaf value`, node.value);
        return LEAF_BIT | leaves++;
      }
      if (!(Number.isInteger(node.feature) && node.feature >= 0 && node.feature < ensemble.nFeatures)) {
        throw new RangeError(`tree ${t} tests feature ${node.feature} of ${ensemble.nFeatures}`);
      }
      const local = splits++;
      forest.feature[s0 + local] = node.feature;
      forest.threshold[s0 + local] = requireFloat32(`tree ${t} threshold`, node.threshold);
      forest.children[2 * (s0 + local)] = place(node.left);
      forest.children[2 * (s0 + local) + 1] = place(node.right);
      return local;
    };
    place(tree);
    forest.splitStart[t + 1] = s0 + splits;
    forest.leafStart[t + 1] = l0 + leaves;
  });
  return forest;
}

/** The model binary of an ensemble and its calibration. */
export function compileEnsemble(ensemble: TreeEnsemble, calibration: Calibration = NO_CALIBRATION): Uint8Array {
  return encodeForest(flattenEnsemble(ensemble, calibration));
}
