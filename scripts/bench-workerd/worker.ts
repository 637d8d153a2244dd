/**
 * The Worker side of `npm run bench:workerd`: runs one stage of the detector's pipeline on the posted WAV many times
 * inside workerd and answers the median time of one run. Node and workerd's V8 differ in what they make fast (a
 * change 4% faster in Node once doubled the detector's time in workerd), so stage costs are measured here too.
 *
 * workerd's clock ticks in whole milliseconds, so each sample is the mean of a batch of runs long enough for the
 * tick not to matter; the answer is the median over the batches.
 */
import modelBinary from "../../models/model.bin";
import modelCard from "../../models/model.json";
import { resample } from "../../src/audio/resample";
import { trimSilence } from "../../src/audio/trim";
import { decodeWav } from "../../src/audio/wav";
import { createDetector } from "../../src/detector/detector";
import { ANALYSIS, frameFeatures } from "../../src/detector/frame-features";
import type { ModelCard } from "../../src/detector/model-card";
import { summarize } from "../../src/detector/summary";
import { powerSpectrogram } from "../../src/features/stft";
import type { Stage } from "./stages";

const detector = createDetector(new Uint8Array(modelBinary), modelCard as ModelCard);
const API_DEFAULTS = { segments: true, segmentSeconds: 2, maxAnalyzedSeconds: 600 };

/** A batch lasts at least this long, so the clock's 1 ms tick is at most a few percent of it. */
const BATCH_MS = 40;

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const stage = url.searchParams.get("stage") as Stage;
    const batches = Number(url.searchParams.get("batches") ?? 15);
    const wav = new Uint8Array(await request.arrayBuffer());
    const run = stageRun(stage, wav);
    return Response.json({ stage, ms: medianRunMs(run, batches) });
  },
};

/** The stage as a function of nothing, its inputs prepared once outside the timing. */
function stageRun(stage: Stage, wav: Uint8Array): () => unknown {
  const decoded = decodeWav(wav);
  const at16k = resample(decoded.samples, decoded.sampleRate, ANALYSIS.sampleRate);
  const { start, end } = trimSilence(at16k);
  const speech = at16k.subarray(start, end);
  const frames = frameFeatures(speech);
  const runs: Record<Stage, () => unknown> = {
    decode: () => decodeWav(wav),
    resample: () => resample(decoded.samples, decoded.sampleRate, ANALYSIS.sampleRate),
    trim: () => trimSilence(at16k),
    stft: () => powerSpectrogram(speech, ANALYSIS),
    "frame features": () => frameFeatures(speech),
    summarize: () => summarize(frames, { first: 0, end: frames.nFrames }),
    // The whole analysis as the API runs it (with its segment timeline): WAV bytes to verdict.
    detector: () => detector.analyze(wav, API_DEFAULTS),
  };
  const run = runs[stage];
  if (!run) throw new Error(`unknown stage ${stage}`);
  return run;
}

function medianRunMs(run: () => unknown, batches: number): number {
  // Warm-up, and the number of runs that makes a batch last BATCH_MS.
  let perBatch = 1;
  for (;;) {
    const started = Date.now();
    for (let i = 0; i < perBatch; i++) run();
    if (Date.now() - started >= BATCH_MS) break;
    perBatch *= 2;
  }
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    const started = Date.now();
    for (let i = 0; i < perBatch; i++) run();
    means.push((Date.now() - started) / perBatch);
  }
  return means.sort((a, b) => a - b)[means.length >> 1];
}
