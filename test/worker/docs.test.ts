import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app";
import { call } from "./call";
import { fakeAnalyzer } from "./fake-analyzer";

const app = createApp(fakeAnalyzer());
/** The page's policy (frontend/_headers, as frontend/README.md documents it). */
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe("GET /docs (Swagger UI from our own assets)", () => {
  it("serves the page with the assets' strict policy and the security headers", async () => {
    const response = await call(app, "/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/html");
    expect(response.headers.get("Content-Security-Policy")).toBe(PAGE_CSP);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
  });

  it("loads scripts and styles from this origin only, and no inline script", async () => {
    const html = await (await call(app, "/docs")).text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources).toEqual([
      "/favicon.svg",
      "/docs/vendor/swagger-ui.css",
      "/openapi.json",
      "/docs/vendor/swagger-ui-bundle.js",
      "/docs/init.js",
    ]);
    expect(html).not.toMatch(/<script>/);
  });

  it("has every file it loads in the static assets (npm run build:docs copies Swagger UI)", async () => {
    for (const path of ["/docs/vendor/swagger-ui.css", "/docs/vendor/swagger-ui-bundle.js", "/docs/init.js"]) {
      const asset = await env.ASSETS.fetch(new URL(path, "https://voiceguard.test"));
      expect({ path, status: asset.status }).toEqual({ path, status: 200 });
      await asset.body?.cancel();
    }
  });

  it("points Swagger UI at /openapi.json with the online validator off", async () => {
    const init = await (await env.ASSETS.fetch(new URL("/docs/init.js", "https://voiceguard.test"))).text();
    expect(init).toContain('url: "/openapi.json"');
    expect(init).toContain("validatorUrl: null");
  });
});
