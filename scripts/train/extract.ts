/** Rows of every clip, one clip after another, from the row cache when possible (row-cache.ts). */
import { type ClipRows, type RowOptions, clipRows } from "./clip-rows";
import type { TrainingClip } from "./clips";
import { cachedClipRows, rowCacheKey } from "./row-cache";

export interface ExtractOptions {
  cacheDir: string;
  /** rowCodeHash() of the running code. */
  codeHash: string;
  onProgress?: (done: number, total: number) => void;
}

/** The rows of every clip and their cache keys (which name the clip's bytes, the row code and the options). */
export async function extractRows(
  clips: readonly TrainingClip[],
  rowOptions: RowOptions,
  options: ExtractOptions,
): Promise<{ rows: ClipRows[]; keys: string[] }> {
  const rows: ClipRows[] = [];
  const keys: string[] = [];
  for (const clip of clips) {
    const key = rowCacheKey(clip, rowOptions, options.codeHash);
    keys.push(key);
    rows.push(await cachedClipRows(key, options.cacheDir, () => clipRows(clip, rowOptions)));
    options.onProgress?.(rows.length, clips.length);
  }
  return { rows, keys };
}
