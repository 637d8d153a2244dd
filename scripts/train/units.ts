/**
 * Validation units and the links between clips. A unit is what must be unseen when a clip is scored: a fake
 * clip's system (generator) or a real clip's source (the local source, or the github repository). Links are the
 * identities that would leak a unit into training through other clips (data README rules 3-5): the group keys
 * of scripts/dataset/split.ts (github repository, a corpus shared across repositories, source and speaker,
 * generator and voice, the festvox-ru-db identity) and a vocoder copy's parent.
 */
import { type ClipRow, parentOf } from "../dataset/manifest";
import { groupKeys } from "../dataset/split";

export function unitOf(row: ClipRow): string {
  return row.label === "fake" ? `system:${row.generator || row.source}` : `source:${row.source}`;
}

/**
 * Keys of the clips linked to this one: two clips sharing a key may not sit on both sides of a split. A vocoder
 * copy and its parent share `clip:<parent path>`.
 */
export function linkKeys(row: ClipRow): string[] {
  const parent = parentOf(row);
  return [...groupKeys(row), `clip:${parent ?? row.path}`];
}
