import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app";
import { call, rawWav } from "./call";
import { fakeAnalyzer, fakeWav } from "./fake-analyzer";

const app = createApp(fakeAnalyzer());
const PAGES = "https://voiceguard.pages.dev";
const allowed = { ALLOWED_ORIGINS: `https://example.org, ${PAGES}` };

describe("CORS", () => {
  it("allows a listed origin, exposing Server-Timing and the auth headers", async () => {
    const response = await call(
      app,
      "/api/v1/analyze",
      { ...rawWav(fakeWav(64)), headers: { "Content-Type": "audio/wav", Origin: PAGES } },
      allowed,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(PAGES);
    expect(response.headers.get("Vary")).toContain("Origin");
    expect(response.headers.get("Access-Control-Expose-Headers")).toContain("Server-Timing");
  });

  it("answers a preflight from a listed origin, before any key check", async () => {
    const response = await call(
      app,
      "/api/v1/analyze",
      {
        method: "OPTIONS",
        headers: { Origin: PAGES, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type" },
      },
      { ...allowed, API_KEYS: "0".repeat(64) },
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(PAGES);
    expect(response.headers.get("Access-Control-Allow-Methods")).toContain("POST");
    expect(response.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("authorization");
  });

  it.each([
    ["an unlisted origin", "https://evil.example", allowed],
    ["a listed origin with another scheme", "http://voiceguard.pages.dev", allowed],
    ["any origin when none are configured (wrangler.toml default)", PAGES, {}],
  ])("gives %s no Access-Control-Allow-Origin", async (_, origin, bindings) => {
    const preflight = await call(
      app,
      "/api/v1/analyze",
      { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST" } },
      bindings,
    );
    const simple = await call(app, "/api/v1/health", { headers: { Origin: origin } }, bindings);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(simple.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});
