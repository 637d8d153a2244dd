/**
 * Rows of every clip, from the row cache when possible (row-cache.ts), computed in worker threads (each clip's
 * rows depend only on the clip, the options and the seed, so the order of work does not change the result).
 */
import { Worker } from "node:worker_threads";
import type { ClipRows, RowOptions } from "./clip-rows";
import type { TrainingClip } from "./clips";
import { decodeClipRows, rowCacheKey } from "./row-cache";

export interface ExtractOptions {
  cacheDir: string;
  /** rowCodeFingerprint() of the running code. */
  codeHash: string;
  workers: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ExtractJob {
  index: number;
  key: string;
  clip: TrainingClip;
}

/** A worker running extract-worker.ts through tsx's loader (worker threads do not inherit it). */
function startWorker(cacheDir: string, rowOptions: RowOptions): Worker {
  const file = new URL("./extract-worker.ts", import.meta.url).href;
  const code = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(file)}); });`;
  return new Worker(code, { eval: true, workerData: { cacheDir, rowOptions } });
}

/** The rows of every clip and their cache keys (which name the clip's bytes, the row code and the options). */
export async function extractRows(
  clips: readonly TrainingClip[],
  rowOptions: RowOptions,
  options: ExtractOptions,
): Promise<{ rows: ClipRows[]; keys: string[] }> {
  const keys = clips.map((clip) => rowCacheKey(clip, rowOptions, options.codeHash));
  const rows: ClipRows[] = new Array(clips.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(options.workers, clips.length)) }, () => startWorker(options.cacheDir, rowOptions));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= clips.length) return resolve();
              const index = next++;
              worker.postMessage({ index, key: keys[index], clip: clips[index] } satisfies ExtractJob);
            };
            worker.on("message", ({ index, bytes }: { index: number; bytes: Uint8Array }) => {
              rows[index] = decodeClipRows(bytes);
              options.onProgress?.(++done, clips.length);
              give();
            });
            worker.on("error", reject);
            give();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { rows, keys };
}
