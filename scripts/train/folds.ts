/**
 * Leave-units-out folds: whole units (units.ts) are dealt to K folds, balanced by clip count per class
 * (scripts/dataset/split.ts assignSplits, seeded). Fold k tests the clips of its units; its training set leaves
 * out those clips and every clip linked to one of them, so no clip is scored by a model that saw its system, its
 * source, its parent or child, or any other linked clip.
 */
import type { ClipRow } from "../dataset/manifest";
import { assignSplits } from "../dataset/split";
import { linkKeys, unitOf } from "./units";

/** The fold (0..k-1) of every clip. */
export function assignUnitFolds(rows: readonly ClipRow[], k: number, seed: number): Int32Array {
  const units = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const unit = unitOf(row);
    units.set(unit, [...(units.get(unit) ?? []), i]);
  });
  const foldOfPath = new Map(assignSplits(rows, [...units.values()], { kind: "folds", k }, seed).map((a) => [a.path, a.split]));
  return Int32Array.from(rows, (row) => Number((foldOfPath.get(row.path) as string).slice("fold".length)));
}

/**
 * For each fold, which clips may train (1) and which may not (0): a clip is left out of fold k when it is in
 * fold k or shares a link key with a clip of fold k.
 */
export function trainingMasks(rows: readonly ClipRow[], foldOf: Int32Array, k: number): Uint8Array[] {
  const keys = rows.map(linkKeys);
  const foldsOfKey = new Map<string, Set<number>>();
  keys.forEach((list, i) => {
    for (const key of list) foldsOfKey.set(key, (foldsOfKey.get(key) ?? new Set()).add(foldOf[i]));
  });
  return Array.from({ length: k }, (_, fold) =>
    Uint8Array.from(rows, (_, i) => Number(foldOf[i] !== fold && !keys[i].some((key) => foldsOfKey.get(key)!.has(fold)))),
  );
}
