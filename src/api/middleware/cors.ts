/**
 * CORS for the origins listed in ALLOWED_ORIGINS only (exact match, comma-separated), so the page can be hosted at
 * another origin (e.g. Cloudflare Pages). Any other origin gets no Access-Control-Allow-Origin, and the browser
 * keeps the answer from the calling page. Preflight requests are answered here, before authentication.
 */
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { ApiEnv } from "../bindings";

export function corsForAllowedOrigins(): MiddlewareHandler<ApiEnv> {
  return cors({
    origin: (origin, c) => (allowedOrigins(c.env.ALLOWED_ORIGINS).includes(origin) ? origin : null),
    allowMethods: ["GET", "HEAD", "POST", "OPTIONS"],
    allowHeaders: ["Authorization", "X-API-Key", "Content-Type"],
    exposeHeaders: ["Server-Timing", "Retry-After", "WWW-Authenticate"],
    maxAge: 600,
  });
}

export function allowedOrigins(list: string | undefined): string[] {
  return (list ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter((origin) => origin !== "");
}
