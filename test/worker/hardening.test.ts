/**
 * Issue 6 through the real Worker entry (exports.default: the bundled model behind the whole API) inside workerd:
 * every case of the malformed-input corpus (test/hardening/hostile-cases.ts) on both upload endpoints, then the
 * hostile requests that are about HTTP rather than audio. Each answer is checked for its exact status and code.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { AnalysisSchema } from "../../src/api/analysis-schema";
import { buildWav } from "../../src/audio/testing/wav-builder";
import { syntheticVoice } from "../../scripts/synthetic-voice";
import { HOSTILE_CASES, type HostileCase } from "../hardening/hostile-cases";
import worker from "../../src/index";
import { call, expectProblem, freshClientAddress, multipart } from "./call";

const ENDPOINTS = ["/api/v1/analyze", "/predict"] as const;

function upload(path: string, hostile: HostileCase): Promise<Response> {
  const bytes = hostile.bytes();
  const headers = new Headers({ "CF-Connecting-IP": freshClientAddress() });
  if (!hostile.fileName) headers.set("Content-Type", "audio/wav");
  const body = hostile.fileName ? multipart(bytes, {}, hostile.fileName) : bytes;
  return exports.default.fetch(new Request(`https://voiceguard.test${path}`, { method: "POST", body, headers }));
}

async function expectAnswer(response: Response, hostile: HostileCase, path: string): Promise<void> {
  const { status, code } = hostile.expected;
  if (code !== null) {
    await expectProblem(response, status, code);
    return;
  }
  expect(response.status).toBe(200);
  const body = await response.json();
  if (path === "/predict") expect(body).toEqual({ prediction: expect.stringMatching(/^(real|fake)$/), probability_fake: expect.any(Number) });
  else AnalysisSchema.parse(body);
}

describe.each(ENDPOINTS)("POST %s: the malformed-input corpus", (path) => {
  it.each(HOSTILE_CASES.map((hostile) => [hostile.name, hostile] as const))("%s", async (_, hostile) => {
    await expectAnswer(await upload(path, hostile), hostile, path);
  });
});

const voiceWav = () => {
  const codes = Array.from(syntheticVoice(16000, 16000), (x) => Math.round(x * 32767));
  return buildWav({ sampleRate: 16000, encoding: "pcm", bitDepth: 16, channels: [codes] });
};
const boundary = "hostile-boundary";
const multipartText = (parts: string) => ({
  method: "POST",
  body: parts,
  headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` },
});

/** `total` bytes of zeros in `chunk`-sized pieces, produced only as they are read (a client streaming a huge body). */
function lazyZeros(total: number, chunk = 1 << 20): { stream: ReadableStream<Uint8Array>; produced: () => number } {
  let produced = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= total) return controller.close();
      const size = Math.min(chunk, total - produced);
      produced += size;
      controller.enqueue(new Uint8Array(size));
    },
  });
  return { stream, produced: () => produced };
}

interface HttpCase {
  name: string;
  path?: string;
  init: () => RequestInit;
  status: number;
  code: string;
}

const HTTP_CASES: HttpCase[] = [
  { name: "no Content-Type", init: () => ({ method: "POST", body: voiceWav() }), status: 415, code: "unsupported_media_type" },
  {
    name: "Content-Type text/plain",
    init: () => ({ method: "POST", body: voiceWav(), headers: { "Content-Type": "text/plain" } }),
    status: 415,
    code: "unsupported_media_type",
  },
  {
    name: "Content-Type application/json with a JSON body",
    init: () => ({ method: "POST", body: '{"file":"x"}', headers: { "Content-Type": "application/json" } }),
    status: 415,
    code: "unsupported_media_type",
  },
  {
    name: "multipart without a file field",
    init: () => multipartText(`--${boundary}\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--${boundary}--\r\n`),
    status: 400,
    code: "invalid_request",
  },
  {
    name: "multipart whose file field is text, not a file",
    init: () => multipartText(`--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\nRIFF\r\n--${boundary}--\r\n`),
    status: 400,
    code: "invalid_request",
  },
  {
    name: "multipart cut inside its only part",
    init: () => multipartText(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.wav"\r\n\r\nRIFF`),
    status: 400,
    code: "malformed_body",
  },
  {
    name: "multipart whose boundary never appears",
    init: () => multipartText("just some bytes, no parts at all"),
    status: 400,
    code: "malformed_body",
  },
  ...[
    ["an empty boundary", "multipart/form-data; boundary="],
    ["a charset parameter before the boundary", "multipart/form-data; charset=utf-8; boundary=x"],
    ["a quoted boundary holding a space", 'multipart/form-data; boundary="a b"'],
  ].map(([what, contentType]) => ({
    name: `multipart Content-Type with ${what}`,
    init: () => ({ method: "POST", body: `--x\r\n`, headers: { "Content-Type": contentType } }),
    status: 400,
    code: "malformed_body",
  })),
  {
    name: "multipart of 20,000 empty parts (1 MB)",
    init: () =>
      multipartText(
        `${Array.from({ length: 20000 }, (_, i) => `--${boundary}\r\nContent-Disposition: form-data; name="x${i}"\r\n\r\n\r\n`).join("")}--${boundary}--\r\n`,
      ),
    status: 400,
    code: "malformed_body",
  },
  {
    name: "Content-Length of one hour of 16 kHz audio (115 MB) on a short body",
    init: () => ({
      method: "POST",
      body: voiceWav(),
      headers: { "Content-Type": "audio/wav", "Content-Length": String(3600 * 16000 * 2 + 44) },
    }),
    status: 413,
    code: "upload_too_large",
  },
  ...["abc", "NaN", "Infinity", "-1", "0", "0.49", "10.01", "1e309", ""].map((value) => ({
    name: `segment_seconds=${value}`,
    path: `/api/v1/analyze?segment_seconds=${encodeURIComponent(value)}`,
    init: () => ({ method: "POST", body: voiceWav(), headers: { "Content-Type": "audio/wav" } }),
    status: 400,
    code: "invalid_request",
  })),
  {
    name: "segments=maybe",
    path: "/api/v1/analyze?segments=maybe",
    init: () => ({ method: "POST", body: voiceWav(), headers: { "Content-Type": "audio/wav" } }),
    status: 400,
    code: "invalid_request",
  },
  {
    name: "segment_seconds given twice with different values (query and form)",
    path: "/api/v1/analyze?segment_seconds=1",
    init: () => ({ method: "POST", body: multipart(voiceWav(), { segment_seconds: "2" }) }),
    status: 400,
    code: "conflicting_options",
  },
  ...(["GET", "PUT", "DELETE", "PATCH"] as const).map((method) => ({
    name: `${method} /api/v1/analyze`,
    init: () => ({ method }),
    status: 405,
    code: "method_not_allowed",
  })),
  {
    name: "a path that climbs out of the API (/api/v1/../../etc/passwd)",
    path: "/api/v1/%2e%2e/%2e%2e/etc/passwd",
    init: () => ({}),
    status: 404,
    code: "not_found",
  },
];

describe("hostile requests that are about HTTP, not audio", () => {
  it.each(HTTP_CASES.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const init = c.init();
    const headers = new Headers(init.headers);
    headers.set("CF-Connecting-IP", freshClientAddress());
    const response = await exports.default.fetch(
      new Request(`https://voiceguard.test${c.path ?? "/api/v1/analyze"}`, { ...init, headers }),
    );
    await expectProblem(response, c.status, c.code);
  });

  it("one hour of 16 kHz silence streamed without Content-Length (115 MB) is cut off after MAX_UPLOAD_BYTES", async () => {
    const hour = lazyZeros(3600 * 16000 * 2);
    // Called in this isolate (not through exports.default) so the app reads the test's stream itself, and the
    // count below is what it pulled.
    const response = await call(worker, "/api/v1/analyze", {
      method: "POST",
      body: hour.stream,
      headers: { "Content-Type": "audio/wav" },
    });
    await expectProblem(response, 413, "upload_too_large");
    // Reading stopped at the limit (25 MiB) plus the chunk that crossed it and the few the Request's body pipe
    // pulls ahead (1 MiB each); the rest of the 115 MB was never produced.
    expect(hour.produced()).toBeLessThanOrEqual(25 * 2 ** 20 + 4 * 2 ** 20);
  });

  it("a body stream that fails half way is 400 body_read_failed", async () => {
    let sent = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 2) controller.enqueue(voiceWav());
        else controller.error(new Error("connection reset by the client"));
      },
    });
    const response = await call(worker, "/api/v1/analyze", {
      method: "POST",
      body: failing,
      headers: { "Content-Type": "audio/wav" },
    });
    await expectProblem(response, 400, "body_read_failed");
  });
});
