/**
 * A bounded load test of the API on loopback: `wrangler dev` started on a free port (offline settings), then
 * autocannon sends --amount requests (default 5,000) over --connections connections (default 32), cycling through
 * a mix of valid uploads, invalid ones, every case of the malformed-input corpus that fits the run's upload limit
 * (test/hardening/hostile-cases.ts) and oversized bodies (against a 1 MiB MAX_UPLOAD_BYTES set for the run), each
 * from its own simulated client address. It asserts that no answer is 5xx, no connection errs or times out (no
 * dropped connection), every request is answered, and every kind of request gets the status and problem code the
 * API promises for it; it prints the status counts and the client-side latency (p50, p90, p99, max).
 *
 * It stops by itself: after --amount requests, or after --max-seconds (default 600), whichever comes first; a run
 * cut short by the time cap fails (fewer answers than requests).
 *
 *   nice npx tsx scripts/load-test.ts [--amount 5000] [--connections 32] [--max-seconds 600]     (npm run load)
 */
import autocannon, { type AutocannonRequest } from "autocannon";
import { parseArgs } from "node:util";
import { buildWav } from "../src/audio/testing/wav-builder";
import { HOSTILE_CASES } from "../test/hardening/hostile-cases";
import { startWranglerDev } from "../test/e2e/wrangler-dev";
import { simulatedClientAddress } from "./simulated-clients";
import { speechClipWav, speechSource } from "./speech-clips";

/** The upload limit of this run (a cheap oversized body; the default 25 MiB is tested in test/worker). */
const MAX_UPLOAD_BYTES = 1024 * 1024;

interface Kind {
  name: string;
  /** The status and, for a problem, the code the API promises for this request. */
  expected: { status: number; code?: string | null };
  request: AutocannonRequest;
}

const { values } = parseArgs({
  options: {
    amount: { type: "string", default: "5000" },
    connections: { type: "string", default: "32" },
    "max-seconds": { type: "string", default: "600" },
  },
});
const amount = Number(values.amount);
const connections = Number(values.connections);
const maxSeconds = Number(values["max-seconds"]);
for (const [name, value] of Object.entries({ amount, connections, "max-seconds": maxSeconds })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
}

const boundary = "voiceguard-load-test";
const multipartFile = (bytes: Uint8Array, fileName: string) =>
  Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n`),
    Buffer.from("Content-Type: audio/wav\r\n\r\n"),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
const wav = { "content-type": "audio/wav" };
const multipart = { "content-type": `multipart/form-data; boundary=${boundary}` };
const analyze = (body: string | Buffer, headers = wav, path = "/api/v1/analyze"): AutocannonRequest => ({
  method: "POST",
  path,
  headers,
  body,
});

const speech = Buffer.from(speechClipWav({ seconds: 2 }));
const silence = Buffer.from(buildWav({ sampleRate: 16000, encoding: "pcm", bitDepth: 16, channels: [new Int16Array(32000)] }));

const KINDS: Kind[] = [
  { name: "speech, raw body", expected: { status: 200 }, request: analyze(speech) },
  {
    name: "speech, multipart",
    expected: { status: 200 },
    request: analyze(multipartFile(speech, "clip.wav"), multipart, "/api/v1/analyze?segment_seconds=1"),
  },
  { name: "speech, /predict", expected: { status: 200 }, request: analyze(speech, wav, "/predict") },
  { name: "health", expected: { status: 200 }, request: { method: "GET", path: "/api/v1/health" } },
  { name: "the page", expected: { status: 200 }, request: { method: "GET", path: "/" } },
  { name: "silence", expected: { status: 422, code: "silent_audio" }, request: analyze(silence) },
  { name: "empty body", expected: { status: 415, code: "empty_input" }, request: analyze("") },
  {
    name: "text/plain body",
    expected: { status: 415, code: "unsupported_media_type" },
    request: analyze("hello", { "content-type": "text/plain" }),
  },
  {
    name: "segment_seconds out of range",
    expected: { status: 400, code: "invalid_request" },
    request: analyze(speech, wav, "/api/v1/analyze?segment_seconds=99"),
  },
  {
    name: "broken multipart",
    expected: { status: 400, code: "malformed_body" },
    request: analyze(`--${boundary}\r\nContent-Disposition: form-data; name="file"`, multipart),
  },
  {
    name: "body over MAX_UPLOAD_BYTES by one byte",
    expected: { status: 413, code: "upload_too_large" },
    request: analyze(Buffer.alloc(MAX_UPLOAD_BYTES + 1)),
  },
  {
    name: "body of four times MAX_UPLOAD_BYTES",
    expected: { status: 413, code: "upload_too_large" },
    request: analyze(Buffer.alloc(4 * MAX_UPLOAD_BYTES)),
  },
  { name: "wrong method", expected: { status: 405, code: "method_not_allowed" }, request: { method: "GET", path: "/api/v1/analyze" } },
  { name: "unknown path", expected: { status: 404, code: "not_found" }, request: { method: "GET", path: "/api/v1/nothing" } },
  // The malformed-input corpus, as the upload of a client who means harm; each case answers its own code.
  ...HOSTILE_CASES.map((hostile) => ({ hostile, bytes: hostile.bytes() }))
    .filter(({ bytes }) => bytes.length <= MAX_UPLOAD_BYTES - 1024)
    .map(({ hostile, bytes }) => ({
      name: `corpus: ${hostile.name}`,
      expected: hostile.expected,
      request: hostile.fileName ? analyze(multipartFile(bytes, hostile.fileName), multipart) : analyze(Buffer.from(bytes)),
    })),
];

/** Per kind: how many answers had each status, and which answers had another problem code than promised. */
const answers = new Map<string, { statuses: Map<number, number>; wrongCodes: Map<string, number> }>(
  KINDS.map((kind) => [kind.name, { statuses: new Map(), wrongCodes: new Map() }]),
);
let sent = 0;
const requests: AutocannonRequest[] = KINDS.map((kind) => ({
  ...kind.request,
  setupRequest: (request) => {
    sent += 1;
    return { ...request, headers: { ...request.headers, "cf-connecting-ip": simulatedClientAddress(sent) } };
  },
  onResponse: (status, body) => {
    const tally = answers.get(kind.name);
    if (!tally) return;
    tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
    const code = status >= 400 ? problemCode(body) : null;
    if (kind.expected.code && code !== kind.expected.code) tally.wrongCodes.set(String(code), (tally.wrongCodes.get(String(code)) ?? 0) + 1);
  },
}));

function problemCode(body: string): string | null {
  try {
    return (JSON.parse(body) as { code?: string }).code ?? null;
  } catch {
    return null;
  }
}

const server = await startWranglerDev({ vars: { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) } });
const failures: string[] = [];
try {
  const corpusKinds = KINDS.filter((kind) => kind.name.startsWith("corpus: ")).length;
  console.log(
    `load-test: ${amount} requests, ${connections} connections, at most ${maxSeconds} s; ${KINDS.length} kinds ` +
      `(${corpusKinds} from the malformed-input corpus); ${speechSource()}`,
  );
  const run = autocannon({ url: server.origin, connections, amount, timeout: 30, requests });
  let timedOut = false;
  const watchdog = setTimeout(() => {
    timedOut = true;
    run.stop();
  }, maxSeconds * 1000);
  const result = await run;
  clearTimeout(watchdog);

  console.log("| request | expected | answered |");
  console.log("|---|---|---|");
  let corpusAsPromised = 0;
  let corpusAnswers = 0;
  for (const kind of KINDS) {
    const tally = answers.get(kind.name);
    const counts = [...(tally?.statuses ?? new Map<number, number>())];
    const expected = `${kind.expected.status}${kind.expected.code ? ` ${kind.expected.code}` : ""}`;
    const wrong = [...(tally?.wrongCodes ?? new Map<string, number>())];
    for (const [status, n] of counts) if (status !== kind.expected.status) failures.push(`${kind.name}: ${n} answered ${status}`);
    for (const [code, n] of wrong) failures.push(`${kind.name}: ${n} answered code ${code}`);
    const answered = counts.reduce((sum, [, n]) => sum + n, 0);
    if (kind.name.startsWith("corpus: ")) {
      corpusAnswers += answered;
      if (wrong.length === 0 && counts.every(([status]) => status === kind.expected.status)) corpusAsPromised += answered;
      continue;
    }
    console.log(`| ${kind.name} | ${expected} | ${counts.map(([status, n]) => `${status} x${n}`).join(", ")} |`);
  }
  console.log(`| ${corpusKinds} corpus cases | their own status and code | ${corpusAsPromised} of ${corpusAnswers} as promised |`);
  const answered = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  console.log(
    `answered ${answered} of ${amount} in ${result.duration.toFixed(1)} s (${result.requests.average.toFixed(0)} req/s): ` +
      `2xx ${result["2xx"]}, 4xx ${result["4xx"]}, 5xx ${result["5xx"]}, connection errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  const { p50, p90, p99, max } = result.latency;
  console.log(`latency (client side): p50 ${p50} ms, p90 ${p90} ms, p99 ${p99} ms, max ${max} ms`);
  if (result["5xx"] > 0) failures.push(`${result["5xx"]} answers were 5xx`);
  if (result.errors > 0 || result.timeouts > 0) failures.push(`${result.errors} connection errors, ${result.timeouts} timeouts`);
  if (timedOut) failures.push(`stopped by the ${maxSeconds} s time cap`);
  if (answered < amount) failures.push(`only ${answered} of ${amount} requests were answered`);
} finally {
  await server.stop();
}
const distinct = [...new Set(failures)];
if (distinct.length > 0) {
  console.error(`load-test FAILED:\n- ${distinct.join("\n- ")}`);
  process.exit(1);
}
console.log("load-test passed: no 5xx, no dropped connection, every request answered as promised");
