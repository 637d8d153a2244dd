/**
 * A worker thread of extract.ts: receives clip jobs, answers with the encoded rows (row-cache.ts format), so the
 * feature extraction of a large corpus runs on every core.
 */
import { parentPort, workerData } from "node:worker_threads";
import { clipRows } from "./clip-rows";
import type { ExtractJob } from "./extract";
import { cachedClipRows, encodeClipRows } from "./row-cache";

const { cacheDir, rowOptions } = workerData;

parentPort!.on("message", async (job: ExtractJob) => {
  const rows = await cachedClipRows(job.key, cacheDir, () => clipRows(job.clip, rowOptions));
  const bytes = encodeClipRows(rows);
  parentPort!.postMessage({ index: job.index, bytes }, [bytes.buffer as ArrayBuffer]);
});
