/**
 * Server-side time of POST /api/v1/analyze under `wrangler dev`, by clip: median and p99 of the Server-Timing
 * `total` (the request reaching the app to the answer), of `total` less `upload` (the time spent receiving the body,
 * which on Workers is waiting, not CPU: what is left is the processing the CPU budget is about) and of the
 * detector's own `timing_ms.total`. Starts `wrangler dev` itself on a free loopback port with the offline settings,
 * sends the clips one at a time (the server's time, not a queue's), and stops it.
 *
 *   nice npx tsx scripts/bench-api.ts [--runs 50]     (npm run bench:api)
 *
 * workerd's clock has millisecond resolution, so figures are whole or near-whole milliseconds. `wrangler dev` serves
 * the working tree and reloads when a source file changes: measure a tree nobody is editing (e.g. a `git archive`).
 */
import { parseArgs } from "node:util";
import { startWranglerDev } from "../test/e2e/wrangler-dev";
import { simulatedClientAddress } from "./simulated-clients";
import { type ClipShape, speechClipWav, speechSource } from "./speech-clips";

const CLIPS: (ClipShape & { label: string })[] = [
  { label: "2 s, 16 kHz mono", seconds: 2 },
  { label: "10 s, 16 kHz mono", seconds: 10 },
  { label: "60 s, 16 kHz mono", seconds: 60 },
  { label: "60 s, 48 kHz stereo", seconds: 60, sampleRate: 48000, channels: 2 },
];
const WARMUP = 3;

const { values } = parseArgs({ options: { runs: { type: "string", default: "50" } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");

let requestIndex = 0;
const server = await startWranglerDev();
try {
  console.log(`bench-api: ${runs} runs per clip after ${WARMUP} warm-up requests; ${speechSource()}; ${server.origin}`);
  console.log("| clip | bytes | total median / p99 | total - upload median / p99 | detector median / p99 |");
  console.log("|---|---|---|---|---|");
  for (const clip of CLIPS) {
    const wav = speechClipWav(clip);
    for (let i = 0; i < WARMUP; i += 1) await analyze(server.origin, wav);
    const timings: Timing[] = [];
    for (let i = 0; i < runs; i += 1) timings.push(await analyze(server.origin, wav));
    const columns = (["total", "processing", "detector"] as const).map((key) => {
      const series = timings.map((timing) => timing[key]);
      return `${ms(median(series))} / ${ms(quantile(series, 0.99))}`;
    });
    console.log(`| ${clip.label} | ${wav.length} | ${columns.join(" | ")} |`);
  }
} finally {
  await server.stop();
}

interface Timing {
  total: number;
  processing: number;
  detector: number;
}

async function analyze(origin: string, wav: Uint8Array<ArrayBuffer>): Promise<Timing> {
  requestIndex += 1;
  const response = await fetch(`${origin}/api/v1/analyze?segments=true`, {
    method: "POST",
    body: wav,
    headers: { "Content-Type": "audio/wav", "CF-Connecting-IP": simulatedClientAddress(requestIndex) },
  });
  const body = (await response.json()) as { timing_ms?: { total: number }; code?: string; detail?: string };
  if (response.status !== 200 || !body.timing_ms) {
    throw new Error(`POST /api/v1/analyze answered ${response.status} ${body.code ?? ""}: ${body.detail ?? ""}`);
  }
  const { total, upload } = serverTimings(response.headers.get("Server-Timing") ?? "");
  if (total === undefined || upload === undefined) throw new Error("no Server-Timing total and upload in the answer");
  return { total, processing: total - upload, detector: body.timing_ms.total };
}

/** `total;dur=12.0;desc="app", analysis-decode;dur=1.0` -> { total: 12, "analysis-decode": 1 } */
function serverTimings(header: string): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const entry of header.split(",")) {
    const [name, ...params] = entry.trim().split(";");
    const duration = params.map((param) => /^dur=([\d.]+)$/.exec(param.trim())?.[1]).find(Boolean);
    if (name && duration !== undefined) metrics[name] = Number(duration);
  }
  return metrics;
}

function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Nearest-rank quantile. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
