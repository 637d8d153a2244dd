import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/api/app";
import { call, expectProblem } from "./call";
import { fakeAnalyzer } from "./fake-analyzer";

const app = createApp(fakeAnalyzer());

describe("unknown paths and wrong methods", () => {
  it("answers 404 not_found as a problem", async () => {
    await expectProblem(await call(app, "/api/v1/nothing-here"), 404, "not_found");
  });

  it.each([
    ["GET", "/api/v1/analyze", "POST, OPTIONS"],
    ["PUT", "/predict", "POST, OPTIONS"],
    ["DELETE", "/api/v1/health", "GET, HEAD, OPTIONS"],
    ["POST", "/api/v1/model", "GET, HEAD, OPTIONS"],
    ["PATCH", "/openapi.json", "GET, HEAD, OPTIONS"],
    ["HEAD", "/api/v1/analyze", "POST, OPTIONS"],
    ["PROPFIND", "/docs", "GET, HEAD, OPTIONS"],
  ])("answers %s %s with 405 and Allow: %s", async (method, path, allow) => {
    const response = await call(app, path, { method });
    expect(response.headers.get("Allow")).toBe(allow);
    if (method === "HEAD") expect(response.status).toBe(405);
    else await expectProblem(response, 405, "method_not_allowed");
  });

  it("answers HEAD on GET routes without a body", async () => {
    const response = await call(app, "/api/v1/health", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});

describe("security headers", () => {
  it.each([
    ["/api/v1/health", {}],
    ["/api/v1/nothing-here", {}],
    ["/api/v1/analyze", { method: "POST", body: "x", headers: { "Content-Type": "text/plain" } }],
  ])("are on %s", async (path, init) => {
    const response = await call(app, path, init);
    expect({
      nosniff: response.headers.get("X-Content-Type-Options"),
      referrer: response.headers.get("Referrer-Policy"),
      frame: response.headers.get("X-Frame-Options"),
      csp: response.headers.get("Content-Security-Policy"),
    }).toEqual({
      nosniff: "nosniff",
      referrer: "no-referrer",
      frame: "DENY",
      csp: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    });
  });
});

describe("an unexpected exception (a bug, never an input)", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is answered 500 internal_error and logged without the body, the audio or the key", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const secret = "sk-test-never-logged";
    const body = new TextEncoder().encode("RIFFbug and some audio bytes 0123456789");
    const response = await call(app, "/api/v1/analyze", {
      method: "POST",
      body,
      headers: { "Content-Type": "audio/wav", "X-API-Key": secret },
    });
    const problem = await expectProblem(response, 500, "internal_error");
    expect(problem.detail).not.toContain("fake analyzer bug");
    const log = logged.mock.calls.flat().join(" ");
    expect(log).toContain("fake analyzer bug");
    expect(log).not.toContain(secret);
    expect(log).not.toContain("audio bytes");
  });
});
