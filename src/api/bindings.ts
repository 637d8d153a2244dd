/**
 * What the Worker receives: bindings and vars from wrangler.toml, secrets, and the values middleware hands to
 * handlers. Every var is optional text so that a deployment without it still runs with the documented default.
 */
import type { TimingVariables } from "hono/timing";

export interface ApiBindings {
  /** The static page and the Swagger UI files (wrangler.toml [assets]). */
  ASSETS: Fetcher;
  /** Workers Rate Limiting binding for the analysis endpoints (wrangler.toml [[ratelimits]]). */
  ANALYZE_RATE_LIMITER: RateLimit;
  /** Secret: comma-separated SHA-256 hex digests of the accepted API keys. Unset or empty: no key needed. */
  API_KEYS?: string;
  /** Comma-separated origins allowed to call the API from a browser, e.g. "https://voiceguard.pages.dev". */
  ALLOWED_ORIGINS?: string;
  /** Largest accepted request body in bytes (default 25 MiB). */
  MAX_UPLOAD_BYTES?: string;
  /** An analysis covers the first this many seconds of the input at most, before trimming (default 600). */
  MAX_ANALYZED_SECONDS?: string;
}

export interface ApiVariables extends TimingVariables {
  /** SHA-256 hex of the caller's API key, set once the key is verified; absent when keys are not configured. */
  apiKeyHash?: string;
  /** The uploaded file, set by readUpload: the raw body, or the `file` part of a multipart body (a view of it). */
  uploadedFile?: Uint8Array;
}

export interface ApiEnv {
  Bindings: ApiBindings;
  Variables: ApiVariables;
}
