import { describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/api/app";
import type { ApiBindings } from "../../src/api/bindings";
import { call, expectProblem, rawWav } from "./call";
import { fakeAnalyzer, fakeWav } from "./fake-analyzer";

const app = createApp(fakeAnalyzer());

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

const keyOneDigest = await sha256Hex("key-one");
const keys = { API_KEYS: `${keyOneDigest}, ${(await sha256Hex("key-two")).toUpperCase()}` };
const analyze = (headers: Record<string, string>, bindings: Partial<ApiBindings> = keys) =>
  call(app, "/api/v1/analyze", { ...rawWav(fakeWav(100)), headers: { "Content-Type": "audio/wav", ...headers } }, bindings);

describe("API keys off (API_KEYS unset, as in wrangler.toml)", () => {
  it("lets requests through without a key", async () => {
    expect((await analyze({}, { API_KEYS: undefined })).status).toBe(200);
  });

  it("ignores a key that is sent anyway", async () => {
    expect((await analyze({ "X-API-Key": "anything" }, { API_KEYS: undefined })).status).toBe(200);
  });

  it("says so in /api/v1/health", async () => {
    expect(await (await call(app, "/api/v1/health")).json()).toMatchObject({ auth: "none" });
  });
});

describe("API keys on (API_KEYS holds SHA-256 digests)", () => {
  it.each([
    ["Authorization: Bearer", { Authorization: "Bearer key-one" }],
    ["a lower-case bearer scheme", { Authorization: "bearer key-two" }],
    ["X-API-Key", { "X-API-Key": "key-two" }],
  ])("accepts a valid key sent as %s", async (_, headers) => {
    expect((await analyze(headers)).status).toBe(200);
  });

  it("answers a missing key with 401 missing_api_key and a Bearer challenge", async () => {
    const response = await analyze({});
    expect(response.headers.get("WWW-Authenticate")).toBe('Bearer realm="voiceguard"');
    await expectProblem(response, 401, "missing_api_key");
  });

  it.each([
    ["a wrong bearer key", { Authorization: "Bearer key-three" }],
    ["a wrong X-API-Key", { "X-API-Key": "KEY-ONE" }],
    ["the stored digest instead of the key", { "X-API-Key": keyOneDigest }],
  ])("answers %s with 401 invalid_api_key", async (_, headers: Record<string, string>) => {
    const response = await analyze(headers);
    expect(response.headers.get("WWW-Authenticate")).toBe('Bearer realm="voiceguard", error="invalid_token"');
    await expectProblem(response, 401, "invalid_api_key");
  });

  it("treats an Authorization header of another scheme as no key", async () => {
    await expectProblem(await analyze({ Authorization: "Basic a2V5LW9uZTo=" }), 401, "missing_api_key");
  });

  it("guards /predict too", async () => {
    await expectProblem(await call(app, "/predict", rawWav(fakeWav(100)), keys), 401, "missing_api_key");
  });

  it("checks the key before the upload's size or type", async () => {
    const response = await call(
      app,
      "/api/v1/analyze",
      { method: "POST", body: "x", headers: { "Content-Type": "text/plain", "Content-Length": "999999999" } },
      keys,
    );
    await expectProblem(response, 401, "missing_api_key");
  });

  it("leaves health, the model card and the documents open", async () => {
    for (const path of ["/api/v1/health", "/api/v1/model", "/openapi.json"]) {
      expect((await call(app, path, {}, keys)).status).toBe(200);
    }
    expect(await (await call(app, "/api/v1/health", {}, keys)).json()).toMatchObject({ auth: "api_key" });
  });
});

describe("a malformed API_KEYS secret (a deployment mistake, not an input)", () => {
  it("fails closed: uploads are refused with 500 and the mistake is logged without the secret", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await analyze({ "X-API-Key": "key-one" }, { API_KEYS: "not-a-digest" });
    await expectProblem(response, 500, "internal_error");
    const log = logged.mock.calls.flat().join(" ");
    logged.mockRestore();
    expect(log).toContain("API_KEYS must list SHA-256 hex digests");
    expect(log).not.toContain("not-a-digest");
    expect(log).not.toContain("key-one");
  });
});
