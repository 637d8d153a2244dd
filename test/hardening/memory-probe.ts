/**
 * Child process of memory-bounds.test.ts: analyses one WAV file with the product detector and prints, as one JSON
 * line, how far the process's resident memory rose above where it stood just before the analysis.
 *
 *   MALLOC_MMAP_THRESHOLD_=131072 node --expose-gc --import tsx test/hardening/memory-probe.ts <file.wav> [seconds]
 *
 * (seconds: MAX_ANALYZED_SECONDS, default 600; PROBE_DECODE_ONLY=1 measures decodeWav alone; PROBE_UPLOAD=raw or
 * multipart measures a whole POST /api/v1/analyze through the Worker's app, the file sent as that kind of body.)
 *
 * Method: the file is read (the input buffer, as the Worker holds the request body), the detector is built and
 * warmed up on a short clip, the heap is collected twice, and the resident set size (RSS) is read: `before`. A
 * worker thread then samples process.memoryUsage.rss() every millisecond while the main thread runs the analysis
 * synchronously; `peakExtra` is the peak minus `before`, the peak being the kernel's high-water mark of RSS when
 * the analysis raised it (exact, however short the peak) and else the highest sample. RSS counts everything the analysis makes
 * resident (typed arrays live outside the JavaScript heap), including garbage the collector has not reclaimed
 * yet, as a memory limit would see it. With the fixed mmap threshold glibc maps every buffer over 128 KiB on its own
 * and unmaps it when freed, so RSS follows the buffers held rather than the allocator's high-water mark.
 */
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { buildWav } from "../../src/audio/testing/wav-builder";
import { decodeWav } from "../../src/audio/wav";
import { syntheticVoice } from "../../scripts/synthetic-voice";
import { nodeApp } from "./node-app";
import { API_DEFAULT_OPTIONS, realDetector } from "./real-detector";

export interface MemoryProbeResult {
  inputBytes: number;
  /** RSS just before the analysis, after two collections. */
  beforeBytes: number;
  /** Highest RSS sampled during the analysis, minus beforeBytes. */
  peakExtraBytes: number;
  /** "analysed" or the AudioError code. */
  outcome: string;
}

/** [0]: the highest RSS seen, in KiB; [1]: 0 waiting, 1 recording, 2 stop. */
const SAMPLER = `
const { workerData: shared } = require("node:worker_threads");
const sample = () => {
  const state = Atomics.load(shared, 1);
  if (state === 1) Atomics.store(shared, 0, Math.max(Atomics.load(shared, 0), Math.round(process.memoryUsage.rss() / 1024)));
  if (state !== 2) setTimeout(sample, 1);
};
sample();`;

const BOUNDARY = "voiceguard-memory-probe";
const MULTIPART_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** The multipart/form-data body a client sends for `wav` in the field "file". */
function multipartBody(wav: Uint8Array): Uint8Array {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="input.wav"\r\nContent-Type: audio/wav\r\n\r\n`;
  const tail = `\r\n--${BOUNDARY}--\r\n`;
  const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const body = new Uint8Array(head.length + wav.length + tail.length);
  body.set(ascii(head), 0);
  body.set(wav, head.length);
  body.set(ascii(tail), head.length + wav.length);
  return body;
}

/**
 * The work measured on an input (the file, or for PROBE_UPLOAD=multipart the body built around it beforehand): the
 * detector, the decoder alone, or a request through the app.
 */
function measuredWork(mode: string | undefined, maxAnalyzedSeconds: number): (input: Uint8Array) => Promise<string> {
  if (mode === "raw" || mode === "multipart") {
    const app = nodeApp();
    return async (input) => {
      const { status, body } = await app.upload(input, mode === "raw" ? "audio/wav" : MULTIPART_TYPE);
      return status === 200 ? "analysed" : ((JSON.parse(body) as { code?: string }).code ?? `status ${status}`);
    };
  }
  const detector = realDetector();
  return async (wav) => {
    if (process.env.PROBE_DECODE_ONLY) decodeWav(wav, { maxSeconds: maxAnalyzedSeconds });
    else detector.analyze(wav, { ...API_DEFAULT_OPTIONS, maxAnalyzedSeconds });
    return "analysed";
  };
}

async function probe(path: string, maxAnalyzedSeconds: number): Promise<MemoryProbeResult> {
  const mode = process.env.PROBE_UPLOAD;
  const asSent = (wav: Uint8Array) => (mode === "multipart" ? multipartBody(wav) : wav);
  // The input the process holds, as the Worker holds the request body.
  const input = asSent(new Uint8Array(readFileSync(path)));
  const work = measuredWork(mode, maxAnalyzedSeconds);
  const voice = Array.from(syntheticVoice(16000, 16000), (x) => Math.round(x * 32767));
  await work(asSent(buildWav({ sampleRate: 16000, encoding: "pcm", bitDepth: 16, channels: [voice] })));
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("run with node --expose-gc");
  const shared = new Int32Array(new SharedArrayBuffer(8));
  // The sampler's own thread is started before `before` is read, so its memory is not counted as the analysis's.
  const sampler = new Worker(SAMPLER, { eval: true, workerData: shared });
  await new Promise((resolve) => sampler.once("online", resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
  collect();
  collect();
  const before = process.memoryUsage.rss();
  const highWaterBefore = process.resourceUsage().maxRSS;
  Atomics.store(shared, 0, Math.round(before / 1024));
  Atomics.store(shared, 1, 1);
  let outcome: string;
  try {
    outcome = await work(input);
  } catch (error) {
    outcome = (error as { code?: string }).code ?? String(error);
  }
  // A last sample or two after the analysis, in case it ended between two.
  await new Promise((resolve) => setTimeout(resolve, 5));
  Atomics.store(shared, 1, 2);
  await sampler.terminate();
  // The kernel's high-water mark is exact when the analysis raised it; otherwise (a small input under the peak of
  // loading the modules) the samples are the measure.
  const highWaterAfter = process.resourceUsage().maxRSS;
  const peakKiB = highWaterAfter > highWaterBefore ? highWaterAfter : Atomics.load(shared, 0);
  return { inputBytes: input.length, beforeBytes: before, peakExtraBytes: peakKiB * 1024 - before, outcome };
}

const [path, seconds] = process.argv.slice(2);
if (!path) throw new Error("usage: memory-probe.ts <file.wav> [maxAnalyzedSeconds]");
console.log(JSON.stringify(await probe(path, Number(seconds ?? API_DEFAULT_OPTIONS.maxAnalyzedSeconds))));
