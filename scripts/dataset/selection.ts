/**
 * Selection of real inputs (SOURCES.md §3): per source and selection group, the inputs of at least 1 s in path
 * order, shuffled with mulberry32(seed 1234) and Fisher–Yates from the end; the first `cap` are kept.
 */
import { mulberry32, shuffleFromEnd } from "./prng";

export function selectPerGroup<T extends { key: string; group: string }>(items: readonly T[], cap: number, seed: number): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items.slice().sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const list = groups.get(item.group) ?? [];
    list.push(item);
    groups.set(item.group, list);
  }
  const out: T[] = [];
  for (const group of [...groups.keys()].sort()) out.push(...shuffleFromEnd(groups.get(group)!, mulberry32(seed)).slice(0, cap));
  return out;
}
