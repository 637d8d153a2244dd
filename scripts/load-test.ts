/**
 * A bounded load test of the API on loopback: `wrangler dev` started on a free port (offline settings), then
 * autocannon sends --amount requests (default 2,400) over --connections connections (default 16), cycling through a
 * mix of valid uploads and invalid ones (an oversized body included, against a 1 MiB MAX_UPLOAD_BYTES set for the
 * run), each from its own simulated client address. It asserts that no answer is
 * 5xx, no connection errs or times out, and every kind of request gets the status the API promises for it; it prints
 * the status counts and the client-side latency, and stops by itself (a watchdog ends a run that stalls).
 *
 *   nice npx tsx scripts/load-test.ts [--amount 2400] [--connections 16]     (npm run load)
 */
import autocannon, { type AutocannonRequest } from "autocannon";
import { parseArgs } from "node:util";
import { buildWav } from "../src/audio/testing/wav-builder";
import { startWranglerDev } from "../test/e2e/wrangler-dev";
import { simulatedClientAddress } from "./simulated-clients";
import { speechClipWav, speechSource } from "./speech-clips";

const WATCHDOG_MS = 10 * 60 * 1000;
/** The upload limit of this run (a cheap oversized body; the default 25 MiB is tested in test/worker). */
const MAX_UPLOAD_BYTES = 1024 * 1024;

interface Kind {
  name: string;
  /** The status the API promises for this request. */
  expected: number;
  request: AutocannonRequest;
}

const { values } = parseArgs({
  options: { amount: { type: "string", default: "2400" }, connections: { type: "string", default: "16" } },
});
const amount = Number(values.amount);
const connections = Number(values.connections);

const speech = Buffer.from(speechClipWav({ seconds: 2 }));
const silence = Buffer.from(buildWav({ sampleRate: 16000, encoding: "pcm", bitDepth: 16, channels: [new Int16Array(32000)] }));
const boundary = "voiceguard-load-test";
const multipartSpeech = Buffer.concat([
  Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="clip.wav"\r\n`),
  Buffer.from("Content-Type: audio/wav\r\n\r\n"),
  speech,
  Buffer.from(`\r\n--${boundary}--\r\n`),
]);
const wav = { "content-type": "audio/wav" };

const KINDS: Kind[] = [
  { name: "speech, raw body", expected: 200, request: { method: "POST", path: "/api/v1/analyze", headers: wav, body: speech } },
  {
    name: "speech, multipart",
    expected: 200,
    request: {
      method: "POST",
      path: "/api/v1/analyze?segment_seconds=1",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body: multipartSpeech,
    },
  },
  { name: "speech, /predict", expected: 200, request: { method: "POST", path: "/predict", headers: wav, body: speech } },
  { name: "health", expected: 200, request: { method: "GET", path: "/api/v1/health" } },
  { name: "silence", expected: 422, request: { method: "POST", path: "/api/v1/analyze", headers: wav, body: silence } },
  {
    name: "MP3 bytes sent as WAV",
    expected: 415,
    request: { method: "POST", path: "/api/v1/analyze", headers: wav, body: Buffer.from("ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000 not a wav") },
  },
  { name: "empty body", expected: 415, request: { method: "POST", path: "/api/v1/analyze", headers: wav, body: "" } },
  {
    name: "text/plain body",
    expected: 415,
    request: { method: "POST", path: "/api/v1/analyze", headers: { "content-type": "text/plain" }, body: "hello" },
  },
  {
    name: "WAV header cut off",
    expected: 400,
    request: { method: "POST", path: "/api/v1/analyze", headers: wav, body: speech.subarray(0, 30) },
  },
  {
    name: "segment_seconds out of range",
    expected: 400,
    request: { method: "POST", path: "/api/v1/analyze?segment_seconds=99", headers: wav, body: speech },
  },
  {
    name: "broken multipart",
    expected: 400,
    request: {
      method: "POST",
      path: "/api/v1/analyze",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="file"`,
    },
  },
  {
    name: "body over MAX_UPLOAD_BYTES",
    expected: 413,
    request: { method: "POST", path: "/api/v1/analyze", headers: wav, body: Buffer.alloc(MAX_UPLOAD_BYTES + 1) },
  },
  { name: "wrong method", expected: 405, request: { method: "GET", path: "/api/v1/analyze" } },
  { name: "unknown path", expected: 404, request: { method: "GET", path: "/api/v1/nothing" } },
];

const statuses = new Map<string, Map<number, number>>(KINDS.map((kind) => [kind.name, new Map()]));
let sent = 0;
const requests: AutocannonRequest[] = KINDS.map((kind) => ({
  ...kind.request,
  setupRequest: (request) => {
    sent += 1;
    return { ...request, headers: { ...request.headers, "cf-connecting-ip": simulatedClientAddress(sent) } };
  },
  onResponse: (status) => {
    const counts = statuses.get(kind.name);
    counts?.set(status, (counts.get(status) ?? 0) + 1);
  },
}));

const server = await startWranglerDev({ vars: { MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) } });
let failures: string[] = [];
try {
  console.log(`load-test: ${amount} requests, ${connections} connections, ${KINDS.length} kinds; ${speechSource()}`);
  const run = autocannon({ url: server.origin, connections, amount, timeout: 30, requests });
  const watchdog = setTimeout(() => run.stop(), WATCHDOG_MS);
  const result = await run;
  clearTimeout(watchdog);

  console.log("| request | expected | answered |");
  console.log("|---|---|---|");
  for (const kind of KINDS) {
    const counts = [...(statuses.get(kind.name) ?? new Map<number, number>())];
    console.log(`| ${kind.name} | ${kind.expected} | ${counts.map(([status, n]) => `${status} x${n}`).join(", ")} |`);
    for (const [status, n] of counts) if (status !== kind.expected) failures.push(`${kind.name}: ${n} answered ${status}`);
  }
  const answered = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  console.log(
    `answered ${answered} of ${amount} in ${result.duration.toFixed(1)} s (${result.requests.average.toFixed(0)} req/s): ` +
      `2xx ${result["2xx"]}, 4xx ${result["4xx"]}, 5xx ${result["5xx"]}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  console.log(`latency (client side): p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
  if (result["5xx"] > 0) failures.push(`${result["5xx"]} answers were 5xx`);
  if (result.errors > 0 || result.timeouts > 0) failures.push(`${result.errors} errors, ${result.timeouts} timeouts`);
  if (answered < amount) failures.push(`only ${answered} of ${amount} requests were answered`);
} finally {
  await server.stop();
}
failures = [...new Set(failures)];
if (failures.length > 0) {
  console.error(`load-test FAILED:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log("load-test passed: no 5xx, no connection error, every request answered as promised");
