/**
 * What both upload endpoints do: guard the request (who is calling, how often, how big), then analyse the uploaded
 * bytes. The audio lives only in this request's memory; nothing here stores or logs it.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { Analysis, AnalyzeOptions } from "../detector/types";
import type { Analyzer } from "./analyzer";
import type { ApiEnv } from "./bindings";
import { apiKeyAuth } from "./middleware/api-key-auth";
import { rateLimit } from "./middleware/rate-limit";
import { readUpload } from "./middleware/read-upload";
import { recordStageTimes } from "./middleware/server-timing";

/** In this order: a caller without a valid key is refused before it counts, and both before the body is read. */
export const UPLOAD_GUARDS: MiddlewareHandler<ApiEnv>[] = [apiKeyAuth(), rateLimit(), readUpload()];

/** Every status an upload endpoint can fail with (see problem-codes.ts for the codes behind each). */
export const UPLOAD_PROBLEM_STATUSES = [400, 401, 413, 415, 422, 429, 500] as const;

/** Analyses the upload readUpload received (the handler runs only after the guards and the validators). */
export function analyzeUpload(c: Context<ApiEnv>, analyzer: Analyzer, options: AnalyzeOptions): Analysis {
  const bytes = c.get("uploadedFile");
  if (bytes === undefined) throw new Error("analyzeUpload without an upload: readUpload must run before the handler");
  const analysis = analyzer.analyze(bytes, options);
  recordStageTimes(c, analysis.timing_ms);
  c.header("Cache-Control", "no-store");
  return analysis;
}
