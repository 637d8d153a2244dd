/**
 * Does judging a long recording on excerpts (src/detector/excerpts.ts) change its answer? Recordings of 40-50 s are
 * made by joining clips of one system or one real source from ../shared/data (0.25 s of silence between them, at
 * most three per group), and each is scored three ways with the shipped model: by the detector (five 4 s
 * excerpts), from every frame of the whole trimmed signal, and from its first 20 s only. Prints how often the
 * excerpts' verdict is the whole signal's, and the mean difference of the probabilities; the same for the first
 * 20 s. The clips were in the model's training data, so this measures agreement, not accuracy.
 *
 *   npx tsx scripts/excerpt-agreement.ts [--data ../shared/data]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { resample } from "../src/audio/resample";
import { trimSilence } from "../src/audio/trim";
import { decodeWav } from "../src/audio/wav";
import { ANALYSIS, frameFeatures } from "../src/detector/frame-features";
import { clipProbability, tileVectors } from "../src/detector/tiles";
import { parseForest, verdictOf } from "../src/model";
import { DEFAULT_MODEL_DIR, loadDetector } from "./cli/model-folder";
import { parseCsvRecords } from "./dataset/csv";

const { values } = parseArgs({ options: { data: { type: "string", default: "../shared/data" } } });
const dataDir = values.data!;
const rate = ANALYSIS.sampleRate;
const RECORDING_SECONDS = 40;
const RECORDINGS_PER_GROUP = 3;
const gap = new Float32Array(rate / 4);

const detector = loadDetector(DEFAULT_MODEL_DIR);
const forest = parseForest(new Uint8Array(readFileSync(join(DEFAULT_MODEL_DIR, "model.bin"))));
const { thresholds } = detector.modelCard();

/** The model's probability for the whole of a 16 kHz signal: every tile of its trimmed sound. */
function wholeSignalProbability(signal: Float32Array): number {
  const { start, end } = trimSilence(signal);
  const frames = frameFeatures(signal.subarray(start, end));
  return clipProbability(forest, tileVectors(frames, [{ nSamples: end - start, nFrames: frames.nFrames }]));
}

const groups = new Map<string, string[]>();
for (const part of ["github", "local"]) {
  for (const r of parseCsvRecords(readFileSync(join(dataDir, part, "manifest.csv"), "utf8"))) {
    const origin = r.label === "fake" ? (r.system ?? r.source) : `${r.source ?? r.source_repo}/${r.speaker_or_dataset ?? r.speaker_or_voice}`;
    const key = `${part}:${r.label}:${origin}`;
    groups.set(key, [...(groups.get(key) ?? []), r.path]);
  }
}

const scored: { excerpts: number; whole: number; first20: number; seconds: number }[] = [];
for (const paths of groups.values()) {
  let pieces: Float32Array[] = [];
  let length = 0;
  let made = 0;
  for (const path of paths.sort()) {
    if (made === RECORDINGS_PER_GROUP) break;
    const wav = decodeWav(readFileSync(join(dataDir, path)));
    const clip = resample(wav.samples, wav.sampleRate, rate);
    pieces.push(clip, gap);
    length += clip.length + gap.length;
    if (length < RECORDING_SECONDS * rate) continue;
    const signal = new Float32Array(length);
    pieces.reduce((at, piece) => (signal.set(piece, at), at + piece.length), 0);
    pieces = [];
    length = 0;
    made++;
    const input = { sample_rate: rate, channels: 1, bit_depth: 32, format: "float" };
    const options = { segments: false, segmentSeconds: 2, maxAnalyzedSeconds: 600 };
    const durationS = signal.length / rate;
    const excerpts = detector.analyzeDecoded({ samples: signal, sampleRate: rate, durationS, input }, options).probability_fake;
    const first20 = wholeSignalProbability(signal.subarray(0, 20 * rate));
    scored.push({ excerpts, whole: wholeSignalProbability(signal), first20, seconds: durationS });
  }
}

const agreement = (key: "excerpts" | "first20") => {
  const same = scored.filter((s) => verdictOf(s[key], thresholds) === verdictOf(s.whole, thresholds)).length;
  const difference = scored.reduce((sum, s) => sum + Math.abs(s[key] - s.whole), 0) / scored.length;
  return `same verdict as the whole signal ${same} / ${scored.length}, mean |difference| ${difference.toFixed(3)}`;
};
const seconds = scored.map((s) => s.seconds);
console.log(`${scored.length} recordings of ${Math.min(...seconds).toFixed(0)}-${Math.max(...seconds).toFixed(0)} s`);
console.log(`five 4 s excerpts: ${agreement("excerpts")}`);
console.log(`first 20 s:        ${agreement("first20")}`);
