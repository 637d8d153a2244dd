/**
 * `npm run bench`: per-stage medians of the detector's pipeline, bytes to feature vector, on one core in Node:
 * decode (WAV to mono float32), resample (to 16 kHz), trim (silence), STFT (the analysis grid alone), frame
 * features (per-frame MFCC/LFCC/bands/flatness/shape, including their own STFT) and summarize (the clip vector),
 * for 2 s, 10 s and 60 s clips at 16 kHz mono and 44.1 kHz stereo, with the real-time factor of the whole path.
 *
 * Times are this process's CPU time (process.cpuUsage), which the Workers CPU limit also counts and which other
 * processes on a shared machine disturb less than wall time; medians over `runs` runs after a warm-up.
 *
 *   npm run bench [-- runs]
 */
import { resample } from "../src/audio/resample";
import { trimSilence } from "../src/audio/trim";
import { decodeWav } from "../src/audio/wav";
import { ANALYSIS, frameFeatures } from "../src/detector/frame-features";
import { summarize } from "../src/detector/summary";
import { powerSpectrogram } from "../src/features/stft";
import { speechClipWav, speechSource } from "./speech-clips";

const runs = Number(process.argv[2] ?? 31);

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function medianMs(stage: () => unknown): number {
  for (let i = 0; i < Math.max(3, runs / 5); i++) stage();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = cpuMs();
    stage();
    times.push(cpuMs() - start);
  }
  return times.sort((a, b) => a - b)[times.length >> 1];
}

const shapes = [
  { label: "16 kHz mono", sampleRate: 16000, channels: 1 },
  { label: "44.1 kHz stereo", sampleRate: 44100, channels: 2 },
];
const stages = ["decode", "resample", "trim", "stft", "frame features", "summarize"] as const;
const rows: string[][] = [];
for (const shape of shapes) {
  for (const seconds of [2, 10, 60]) {
    const wav = speechClipWav({ seconds, sampleRate: shape.sampleRate, channels: shape.channels });
    const decoded = decodeWav(wav);
    const at16k = resample(decoded.samples, decoded.sampleRate, ANALYSIS.sampleRate);
    const { start, end } = trimSilence(at16k);
    const speech = at16k.subarray(start, end);
    const frames = frameFeatures(speech);
    const times: Record<(typeof stages)[number], number> = {
      decode: medianMs(() => decodeWav(wav)),
      resample: medianMs(() => resample(decoded.samples, decoded.sampleRate, ANALYSIS.sampleRate)),
      trim: medianMs(() => trimSilence(at16k)),
      stft: medianMs(() => powerSpectrogram(speech, ANALYSIS)),
      "frame features": medianMs(() => frameFeatures(speech)),
      summarize: medianMs(() => summarize(frames, { first: 0, end: frames.nFrames })),
    };
    // The STFT runs inside frame features; it is shown on its own, not counted twice.
    const total = times.decode + times.resample + times.trim + times["frame features"] + times.summarize;
    rows.push([
      `${seconds} s ${shape.label}`,
      ...stages.map((stage) => times[stage].toFixed(2)),
      total.toFixed(2),
      (total / (seconds * 1000)).toExponential(1),
    ]);
  }
}

const header = ["clip", ...stages.map((s) => `${s} ms`), "total ms", "real-time factor"];
console.log(`Pipeline medians, CPU ms over ${runs} runs (${speechSource()}); total = bytes to feature vector.\n`);
console.log(`| ${header.join(" | ")} |`);
console.log(`|${header.map(() => "---").join("|")}|`);
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
