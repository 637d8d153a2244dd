/**
 * Server-Timing on every response: `total` is the time from the request reaching the app to the answer; upload
 * answers add `upload` (receiving the body, part of total) and the detector's own stages (`analysis-*`). The
 * benchmark reads these figures. (On Cloudflare the clock only advances across I/O, so in production the figures
 * mostly read 0; under `wrangler dev` they are real, at millisecond resolution.)
 */
import type { Context, MiddlewareHandler } from "hono";
import { setMetric, timing } from "hono/timing";
import type { Analysis } from "../../detector/types";
import type { ApiEnv } from "../bindings";

export function serverTiming(): MiddlewareHandler<ApiEnv> {
  return timing({ totalDescription: "app" });
}

export function recordStageTimes(c: Context<ApiEnv>, timing: Analysis["timing_ms"]): void {
  for (const [stage, ms] of Object.entries(timing)) setMetric(c, `analysis-${stage}`, ms);
}
