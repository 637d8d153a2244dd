/**
 * Optional API keys. The API_KEYS secret holds SHA-256 hex digests of the accepted keys, never the keys. When it is
 * set, a request must present a key as `Authorization: Bearer <key>` or `X-API-Key: <key>`; the key is hashed and
 * compared with every configured digest in constant time (no early exit, so timing tells nothing about which or
 * how many digests matched). When API_KEYS is unset or empty the API is open (local development).
 */
import type { MiddlewareHandler } from "hono";
import type { ApiEnv } from "../bindings";
import { ProblemError } from "../problem";

const CHALLENGE = 'Bearer realm="voiceguard"';
const SHA256_HEX = /^[0-9a-f]{64}$/;

export function apiKeyAuth(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const digests = keyDigests(c.env.API_KEYS);
    if (digests.length === 0) return next();
    const key = presentedKey(c.req.header("Authorization"), c.req.header("X-API-Key"));
    if (key === undefined) {
      throw new ProblemError(
        "missing_api_key",
        "This server requires an API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`.",
        { "WWW-Authenticate": CHALLENGE },
      );
    }
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
    if (!matchesAny(digest, digests)) {
      throw new ProblemError("invalid_api_key", "The API key is not valid.", {
        "WWW-Authenticate": `${CHALLENGE}, error="invalid_token"`,
      });
    }
    c.set("apiKeyHash", toHex(digest));
    return next();
  };
}

/** Parses the API_KEYS secret; a malformed entry is a configuration error, never an open door. */
export function keyDigests(secret: string | undefined): Uint8Array[] {
  const entries = (secret ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== "");
  return entries.map((entry) => {
    if (!SHA256_HEX.test(entry)) throw new Error("API_KEYS must list SHA-256 hex digests separated by commas");
    return Uint8Array.from(entry.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
  });
}

export function presentedKey(authorization: string | undefined, apiKeyHeader: string | undefined): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  const key = bearer ?? apiKeyHeader?.trim();
  return key === "" ? undefined : key;
}

function matchesAny(digest: Uint8Array, digests: readonly Uint8Array[]): boolean {
  let matched = false;
  for (const candidate of digests) matched = crypto.subtle.timingSafeEqual(digest, candidate) || matched;
  return matched;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** How the key is documented in OpenAPI: either scheme satisfies a route that requires a key. */
export const API_KEY_SECURITY_SCHEMES = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    description: "The API key as a bearer token. Needed only when the deployment configures API_KEYS.",
  },
  apiKeyHeader: {
    type: "apiKey",
    in: "header",
    name: "X-API-Key",
    description: "The API key in a header. Needed only when the deployment configures API_KEYS.",
  },
} as const;

export const API_KEY_SECURITY: Record<string, string[]>[] = [{ bearerAuth: [] }, { apiKeyHeader: [] }];
