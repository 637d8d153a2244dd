/**
 * Property-based fuzzing of the whole analyze path through the Worker entry (exports.default) inside workerd:
 * hostile WAV files (test/hardening/wav-arbitraries.ts), the corpus's valid files and random bytes, sent raw under
 * any content type or as multipart under any file name, with any option values. Every answer is a 200 analysis
 * that matches its schema or an RFC 9457 problem whose code belongs to its status; never a 5xx, never a thrown error.
 */
import { exports } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AnalysisSchema } from "../../src/api/analysis-schema";
import { PROBLEM_CODES, PROBLEM_KINDS, type ProblemCode } from "../../src/api/problem-codes";
import { HOSTILE_CASES } from "../hardening/hostile-cases";
import { hostileWav } from "../hardening/wav-arbitraries";
import worker from "../../src/index";
import { call, freshClientAddress } from "./call";

/** What an upload may answer when keys are off and every request comes from its own client address. */
const UPLOAD_STATUSES = [200, 400, 413, 415, 422];

const validFiles = HOSTILE_CASES.filter((c) => c.expected.code === null && c.bytes().length < 300_000).map((c) => c.bytes());

const body = fc.oneof(
  { weight: 4, arbitrary: hostileWav },
  { weight: 2, arbitrary: fc.constantFrom(...validFiles) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }) },
);

const optionValue = fc.oneof(
  fc.constantFrom("0.5", "2", "10", "0", "-1", "NaN", "Infinity", "1e309", "", " 2", "0x10", "2,5", "true", "false"),
  fc.double().map(String),
  fc.string({ maxLength: 12 }),
);

const query = fc
  .record({ segment_seconds: optionValue, segments: optionValue }, { requiredKeys: [] })
  .map((fields) => new URLSearchParams(fields as Record<string, string>).toString());

/** Header-safe text: printable ASCII. */
const headerText = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);

const rawUpload = fc.record({
  kind: fc.constant("raw" as const),
  contentType: fc.oneof(
    fc.constantFrom(
      "audio/wav",
      "audio/x-wav",
      "audio/wave",
      "application/octet-stream",
      "AUDIO/WAV; charset=binary",
      "text/plain",
      "multipart/form-data",
      "image/png",
      "",
    ),
    // Accepted media types with any parameters after them, as odd clients and attackers write them.
    fc
      .tuple(fc.constantFrom("multipart/form-data", "audio/wav", "application/octet-stream"), headerText)
      .map(([type, parameters]) => `${type};${parameters}`),
  ),
});

const multipartUpload = fc.record({
  kind: fc.constant("multipart" as const),
  field: fc.constantFrom("file", "file", "file", "audio", "FILE"),
  fileName: fc.constantFrom("clip.wav", "clip.mp3", "", "../../etc/passwd", "a\u0000b.wav", "x".repeat(300)),
  fields: fc.record({ segment_seconds: optionValue, segments: optionValue }, { requiredKeys: [] }),
});

const request = fc.record({
  path: fc.constantFrom("/api/v1/analyze", "/predict"),
  query,
  body,
  upload: fc.oneof({ weight: 3, arbitrary: rawUpload }, { weight: 2, arbitrary: multipartUpload }),
});

type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never;

function toRequest({ path, query, body, upload }: FuzzRequest): Request {
  const headers = new Headers({ "CF-Connecting-IP": freshClientAddress() });
  let payload: BodyInit = body;
  if (upload.kind === "raw") {
    if (upload.contentType !== "") headers.set("Content-Type", upload.contentType);
  } else {
    const form = new FormData();
    form.append(upload.field, new File([body], upload.fileName, { type: "audio/wav" }));
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    payload = form;
  }
  return new Request(`https://voiceguard.test${path}?${query}`, { method: "POST", body: payload, headers });
}

/** Checks one answer; returns its status and code ("analysis" for a 200) for the tally. */
async function expectWellFormedAnswer(response: Response, path: string): Promise<string> {
  expect(UPLOAD_STATUSES).toContain(response.status);
  if (response.status === 200) {
    const answer = await response.json();
    if (path === "/predict") expect(answer).toEqual({ prediction: expect.stringMatching(/^(real|fake)$/), probability_fake: expect.any(Number) });
    else AnalysisSchema.parse(answer);
    return "200 analysis";
  }
  expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  const problem = (await response.json()) as { code: ProblemCode; status: number };
  expect(PROBLEM_CODES).toContain(problem.code);
  expect(problem.status).toBe(response.status);
  expect(PROBLEM_KINDS[problem.code].status).toBe(response.status);
  return `${response.status} ${problem.code}`;
}

describe("the analyze path under fuzzing (exports.default in workerd)", () => {
  it("answers every hostile upload with a well-formed 200 or 4xx problem", async () => {
    const tally = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(request, async (fuzz) => {
        const answer = await expectWellFormedAnswer(await exports.default.fetch(toRequest(fuzz)), fuzz.path);
        tally.set(answer, (tally.get(answer) ?? 0) + 1);
      }),
      { numRuns: 300 },
    );
    // The runs reached the detector's verdict and a spread of refusals, not just the first check.
    expect(tally.get("200 analysis")).toBeGreaterThan(10);
    expect(tally.size).toBeGreaterThanOrEqual(8);
  }, 120_000);
});

describe("any route under hostile headers (keys and allowed origins on or off)", () => {
  const headers = fc.record({
    "Content-Type": fc.oneof(headerText, headerText.map((text) => `multipart/form-data${text}`), headerText.map((text) => `audio/wav${text}`)),
    Authorization: fc.oneof(headerText, headerText.map((text) => `Bearer ${text}`)),
    "X-API-Key": headerText,
    Origin: headerText,
  }, { requiredKeys: [] });
  const hostileRequest = fc.record({
    method: fc.constantFrom("POST", "GET", "HEAD", "PUT", "OPTIONS", "DELETE"),
    path: fc.constantFrom("/api/v1/analyze", "/predict", "/api/v1/health", "/api/v1/model", "/openapi.json", "/docs", "/nothing"),
    headers,
    body: fc.uint8Array({ maxLength: 256 }),
    configured: fc.boolean(),
  });

  it("never answers 5xx", async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(hostileRequest, async ({ method, path, headers, body, configured }) => {
        const bindings = configured ? { API_KEYS: "a".repeat(64), ALLOWED_ORIGINS: "https://voiceguard.pages.dev" } : {};
        const withBody = method !== "GET" && method !== "HEAD";
        const response = await call(worker, path, { method, headers, body: withBody ? body : undefined }, bindings);
        await response.body?.cancel();
        statuses.add(response.status);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 1000 },
    );
    // Refusals of several kinds and some successes: the runs reached past the first check.
    expect(statuses.size).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
