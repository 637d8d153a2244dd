import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app";
import { call, expectProblem, freshClientAddress, rawWav } from "./call";
import { fakeAnalyzer, fakeWav } from "./fake-analyzer";

const app = createApp(fakeAnalyzer());
/** ANALYZE_RATE_LIMITER in wrangler.toml: 60 requests per 60 s per client. */
const LIMIT = 60;

/**
 * Sends requests from one client until the first 429. The binding counts per 60 s window, so a window boundary
 * can reset the count once during the run: 2 * LIMIT + 1 requests always reach the limit.
 */
async function firstRefusal(send: () => Promise<Response>) {
  for (let sent = 1; sent <= 2 * LIMIT + 1; sent += 1) {
    const response = await send();
    if (response.status !== 200) return { sent, response };
  }
  return { sent: Number.POSITIVE_INFINITY, response: undefined };
}

describe("rate limiting (Workers Rate Limiting binding)", () => {
  it("answers 429 rate_limited with Retry-After once a client address passes the limit", async () => {
    const address = freshClientAddress();
    const send = () =>
      call(app, "/api/v1/analyze", { ...rawWav(fakeWav(64)), headers: { "Content-Type": "audio/wav", "CF-Connecting-IP": address } });
    const { sent, response } = await firstRefusal(send);
    expect(sent).toBeGreaterThan(LIMIT);
    expect(sent).toBeLessThanOrEqual(2 * LIMIT + 1);
    expect(response?.headers.get("Retry-After")).toBe("60");
    await expectProblem(response as Response, 429, "rate_limited");
    // Another client is not affected.
    expect((await call(app, "/api/v1/analyze", rawWav(fakeWav(64)))).status).toBe(200);
  });

  it("counts per API key when keys are on, whatever the address", async () => {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode("rate-key"));
    const API_KEYS = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
    const send = () =>
      call(
        app,
        "/predict",
        { ...rawWav(fakeWav(64)), headers: { "Content-Type": "audio/wav", "X-API-Key": "rate-key" } },
        { API_KEYS },
      );
    const { sent, response } = await firstRefusal(send);
    expect(sent).toBeGreaterThan(LIMIT);
    await expectProblem(response as Response, 429, "rate_limited");
  });

  it("does not limit health checks", async () => {
    const address = freshClientAddress();
    for (let i = 0; i < LIMIT + 5; i += 1) {
      const response = await call(app, "/api/v1/health", { headers: { "CF-Connecting-IP": address } });
      expect(response.status).toBe(200);
    }
  });
});
