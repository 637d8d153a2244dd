/**
 * Rate limiting with the Workers Rate Limiting binding (wrangler.toml [[ratelimits]]): keyed by the verified API
 * key's hash when keys are configured, else by the client address Cloudflare puts in CF-Connecting-IP. The binding
 * counts per Cloudflare location and is eventually consistent: a guard against floods, not exact accounting.
 */
import type { MiddlewareHandler } from "hono";
import type { ApiEnv } from "../bindings";
import { ProblemError } from "../problem";

/** The `period` of ANALYZE_RATE_LIMITER in wrangler.toml: after at most this long the count starts again. */
const RETRY_AFTER_SECONDS = 60;

export function rateLimit(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const key = c.var.apiKeyHash ? `key:${c.var.apiKeyHash}` : `ip:${c.req.header("CF-Connecting-IP") ?? "unknown"}`;
    const { success } = await c.env.ANALYZE_RATE_LIMITER.limit({ key });
    if (!success) {
      throw new ProblemError(
        "rate_limited",
        `Too many analyses from this client; try again in at most ${RETRY_AFTER_SECONDS} seconds.`,
        { "Retry-After": String(RETRY_AFTER_SECONDS) },
      );
    }
    return next();
  };
}
