/**
 * Issue 6's security basics, each with a test, on the real Worker (src/index.ts with the bundled model) and its
 * static assets inside workerd: API keys held only as SHA-256 digests and compared in constant time; CORS for the
 * configured origins only, on every route and every answer; the page and its files served with CSP,
 * X-Content-Type-Options, Referrer-Policy and a frame policy; nothing a client sent (audio, keys) ever logged.
 */
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildWav } from "../../src/audio/testing/wav-builder";
import worker from "../../src/index";
import { HOSTILE_CASES } from "../hardening/hostile-cases";
import { call, multipart, rawWav } from "./call";

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** 2 s of seeded noise (full analysis, never silent) whose bytes are recognisable wherever they turn up. */
function noiseWav(): Uint8Array {
  let state = 0x12345678;
  const codes = Array.from({ length: 32000 }, () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) >> 20) - 2048);
  return buildWav({ sampleRate: 16000, encoding: "pcm", bitDepth: 16, channels: [codes] });
}

const KEY = "vg_live_5f1d9c2a7e4b4c0f9a1d2e3f4a5b6c7d";
const OTHER_KEY = "vg_live_0000aaaa1111bbbb2222cccc3333dddd";
const keyDigest = await sha256Hex(KEY);
const keyed = { API_KEYS: `${await sha256Hex(OTHER_KEY)},${keyDigest},${await sha256Hex("third")}` };

afterEach(() => vi.restoreAllMocks());

describe("API keys: only their SHA-256 digests are configured, compared in constant time", () => {
  it("the committed configuration holds no key (API_KEYS is a secret, unset in wrangler.toml)", () => {
    expect(env.API_KEYS).toBeUndefined();
  });

  it.each([
    ["the second of three digests matches", { Authorization: `Bearer ${KEY}` }, 200],
    ["no digest matches", { Authorization: "Bearer not-a-key" }, 401],
    ["the key comes as X-API-Key", { "X-API-Key": KEY }, 200],
  ])("every digest is compared, with the presented key's digest, when %s", async (_, headers, status) => {
    const compare = vi.spyOn(crypto.subtle, "timingSafeEqual");
    const response = await call(worker, "/api/v1/analyze", { ...rawWav(noiseWav()), headers: { ...headers, "Content-Type": "audio/wav" } }, keyed);
    expect(response.status).toBe(status);
    // No early exit: three configured digests, three constant-time comparisons of 32-byte digests.
    expect(compare).toHaveBeenCalledTimes(3);
    for (const [presented, configured] of compare.mock.calls) {
      expect([(presented as Uint8Array).byteLength, (configured as Uint8Array).byteLength]).toEqual([32, 32]);
    }
  });

  it("never answers with the key or its digest, whatever is asked", async () => {
    const headers = { Authorization: `Bearer ${KEY}` };
    const answers = await Promise.all(
      [
        call(worker, "/api/v1/health", { headers }, keyed),
        call(worker, "/api/v1/model", { headers }, keyed),
        call(worker, "/openapi.json", { headers }, keyed),
        call(worker, "/api/v1/analyze", { ...rawWav(noiseWav()), headers: { ...headers, "Content-Type": "audio/wav" } }, keyed),
        call(worker, "/api/v1/analyze", { ...rawWav(new Uint8Array(0)), headers: { ...headers, "Content-Type": "audio/wav" } }, keyed),
        call(worker, "/api/v1/analyze", { ...rawWav(noiseWav()), headers: { Authorization: `Bearer ${KEY}x`, "Content-Type": "audio/wav" } }, keyed),
      ].map(async (pending) => {
        const response = await pending;
        return `${[...response.headers].flat().join(" ")} ${await response.text()}`;
      }),
    );
    for (const answer of answers) {
      expect(answer).not.toContain(KEY);
      expect(answer).not.toContain(keyDigest);
    }
  });
});

describe("CORS: only the configured origins, on every route and every answer", () => {
  const PAGES = "https://voiceguard.pages.dev";
  const allowed = { ALLOWED_ORIGINS: PAGES };
  const ROUTES: [string, RequestInit][] = [
    ["/api/v1/analyze", rawWav(noiseWav())],
    ["/api/v1/analyze", rawWav(new Uint8Array([1, 2, 3]))],
    ["/api/v1/analyze", { method: "POST", body: "x".repeat(100), headers: { "Content-Type": "text/plain" } }],
    ["/predict", { method: "POST", body: multipart(noiseWav()) }],
    ["/api/v1/health", {}],
    ["/api/v1/model", {}],
    ["/openapi.json", {}],
    ["/docs", {}],
    ["/api/v1/analyze", { method: "GET" }],
    ["/api/v1/nothing", {}],
  ];
  const LOOKALIKES = [
    "https://evil.example",
    "https://voiceguard.pages.dev.evil.example",
    "https://evilvoiceguard.pages.dev",
    "http://voiceguard.pages.dev",
    "https://voiceguard.pages.dev:8443",
    "HTTPS://VOICEGUARD.PAGES.DEV",
    "null",
    "*",
  ];

  it.each(ROUTES.map(([path, init]) => [`${init.method ?? "GET"} ${path}`, path, init] as const))(
    "%s: the listed origin is echoed exactly, lookalikes get nothing, credentials never",
    async (_, path, init) => {
      const fresh = () => ({ ...init, body: init.body instanceof FormData ? multipart(noiseWav()) : init.body });
      const listed = await call(worker, path, { ...fresh(), headers: { ...init.headers, Origin: PAGES } }, allowed);
      expect(listed.status).toBeLessThan(500);
      expect(listed.headers.get("Access-Control-Allow-Origin")).toBe(PAGES);
      expect(listed.headers.get("Access-Control-Allow-Credentials")).toBeNull();
      for (const origin of LOOKALIKES) {
        const other = await call(worker, path, { ...fresh(), headers: { ...init.headers, Origin: origin } }, allowed);
        expect({ origin, allow: other.headers.get("Access-Control-Allow-Origin") }).toEqual({ origin, allow: null });
      }
      const unconfigured = await call(worker, path, { ...fresh(), headers: { ...init.headers, Origin: PAGES } });
      expect(unconfigured.headers.get("Access-Control-Allow-Origin")).toBeNull();
    },
  );

  it("a preflight from a lookalike origin is not granted", async () => {
    for (const origin of LOOKALIKES) {
      const preflight = await call(
        worker,
        "/api/v1/analyze",
        { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST" } },
        allowed,
      );
      expect({ origin, allow: preflight.headers.get("Access-Control-Allow-Origin") }).toEqual({ origin, allow: null });
    }
  });
});

describe("the page and its files: CSP, nosniff, Referrer-Policy and a frame policy (frontend/_headers)", () => {
  it.each(["/", "/model.html", "/docs/", "/js/app.js", "/css/page.css", "/favicon.svg", "/config.js"])(
    "%s",
    async (path) => {
      const response = await env.ASSETS.fetch(new URL(path, "https://voiceguard.test"));
      await response.body?.cancel();
      expect(response.status).toBe(200);
      const csp = response.headers.get("Content-Security-Policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      // Nothing from elsewhere, and no inline or evaluated script.
      expect(csp).not.toMatch(/https?:|'unsafe-inline'|'unsafe-eval'|\*/);
      expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(response.headers.get("Referrer-Policy")).toBe("no-referrer");
      expect(response.headers.get("X-Frame-Options")).toBe("DENY");
    },
  );
});

describe("logs: nothing a client sent is ever written", () => {
  /** Every way a Worker writes a log line. */
  const CONSOLE = ["log", "info", "warn", "error", "debug", "trace"] as const;

  function captureConsole(): () => string {
    const spies = CONSOLE.map((method) => vi.spyOn(console, method).mockImplementation(() => {}));
    return () => spies.flatMap((spy) => spy.mock.calls.flat().map(String)).join("\n");
  }

  /** Forms a byte window of the audio could take in a log line: hex, base64 at any alignment, text, numbers. */
  function traces(bytes: Uint8Array): string[] {
    const forms: string[] = [];
    for (const offset of [44, 1001, 20002]) {
      const window = bytes.subarray(offset, offset + 24);
      forms.push(Array.from(window, (b) => b.toString(16).padStart(2, "0")).join(""));
      forms.push(String.fromCharCode(...window));
      forms.push(Array.from(window).join(","), Array.from(window).join(", "));
      for (const shift of [0, 1, 2]) forms.push(btoa(String.fromCharCode(...window.subarray(shift))).slice(4, 28));
    }
    return forms;
  }

  it("a run of valid, invalid and authorised requests logs no audio and no key (and a failure still is logged)", async () => {
    const logs = captureConsole();
    const audio = noiseWav();
    const headers = { Authorization: `Bearer ${KEY}`, "Content-Type": "audio/wav" };
    const expected = [
      [await call(worker, "/api/v1/analyze", rawWav(audio)), 200],
      [await call(worker, "/api/v1/analyze", { method: "POST", body: multipart(audio) }), 200],
      [await call(worker, "/predict", rawWav(audio)), 200],
      [await call(worker, "/api/v1/analyze", { ...rawWav(audio), headers }, keyed), 200],
      [await call(worker, "/api/v1/analyze", { ...rawWav(audio), headers: { "X-API-Key": KEY, "Content-Type": "audio/wav" } }, keyed), 200],
      [await call(worker, "/api/v1/analyze", { ...rawWav(audio), headers: { ...headers, Authorization: `Bearer ${KEY}0` } }, keyed), 401],
      [await call(worker, "/api/v1/analyze", rawWav(audio.subarray(0, 20000)), {}), 400],
      [await call(worker, "/api/v1/analyze", { method: "POST", body: audio, headers: { "Content-Type": `text/${btoa(KEY)}` } }), 415],
      // A deployment mistake: the only failure the API logs. Its entry must not carry the request either.
      [await call(worker, "/api/v1/analyze", { ...rawWav(audio), headers }, { API_KEYS: `${KEY},${keyDigest}` }), 500],
    ] as const;
    for (const hostile of HOSTILE_CASES.filter((c) => c.bytes().length < 200_000)) {
      await call(worker, "/api/v1/analyze", { ...rawWav(hostile.bytes()), headers }, keyed);
    }
    expect(expected.map(([response]) => response.status)).toEqual(expected.map(([, status]) => status));
    const written = logs();
    // The capture works: the misconfiguration was logged.
    expect(written).toContain("unexpected_error");
    for (const secret of [KEY, keyDigest, btoa(KEY), btoa(KEY).slice(0, 20)]) expect(written).not.toContain(secret);
    for (const trace of traces(audio)) expect(written).not.toContain(trace);
  });
});
