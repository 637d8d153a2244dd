/**
 * A fingerprint of what the row code computes rather than of its source: a fixed probe (a synthetic voice with
 * leading and trailing silence, longer than one block of frames) run through every step rows depend on (resampling
 * from the common rates, trimming, frame features, summaries and clip tiles, the seed vector, the cues and each augmentation
 * effect), hashed with the source of this folder's row modules. A refactor that leaves every number unchanged
 * (another engineer speeding up the FFT, say) keeps the row cache; any change of a value invalidates it. A change
 * the probe does not reach is still caught at the end of training, where the product must score clips exactly as
 * training did (shipped-check.ts).
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { resample } from "../../src/audio/resample";
import { frameFeatures } from "../../src/detector/frame-features";
import { summarize } from "../../src/detector/summary";
import { tileVectors } from "../../src/detector/tiles";
import { seedFeatures } from "../../src/features/seed";
import { mulberry32 } from "../lib/prng";
import { syntheticVoice } from "../synthetic-voice";
import { applyChain } from "./augment/chain";
import { cueVector } from "./cues";
import { analysedSpeech } from "./speech";

/** This folder's modules that shape rows. */
const ROW_MODULES = /^(clip-rows|crops|cues|speech|row-code-probe)\.ts$/;

function probeSignal(sampleRate: number): Float32Array {
  const voice = syntheticVoice(Math.round(3.5 * sampleRate), sampleRate);
  const signal = new Float32Array(voice.length + sampleRate);
  signal.set(voice, Math.round(0.5 * sampleRate));
  return signal;
}

export async function rowCodeFingerprint(): Promise<string> {
  const hash = createHash("sha256");
  const add = (values: Float32Array | Float64Array) => hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  for (const rate of [8000, 11025, 16000, 22050, 44100, 48000]) {
    const speech = analysedSpeech(probeSignal(rate), rate)!;
    add(speech);
    const frames = frameFeatures(speech);
    add(frames.data);
    add(summarize(frames, { first: 0, end: frames.nFrames }));
    add(summarize(frames, { first: 10, end: Math.min(frames.nFrames, 210) }));
    for (const tile of tileVectors(frames, [{ nSamples: speech.length, nFrames: frames.nFrames }])) add(tile);
    add(seedFeatures(resample(probeSignal(rate), rate, 16000)));
    add(cueVector(speech, 16000, rate));
  }
  const clean = probeSignal(16000);
  const chains = [
    { noise: { colour: "white" as const, snrDb: 30 }, transmission: { kind: "resample" as const, viaRate: 11025 }, gainDb: -6, dcOffset: 0.01 },
    { noise: { colour: "pink" as const, snrDb: 40 }, transmission: { kind: "telephone" as const, law: "mulaw" as const }, gainDb: 3, clipFraction: 0.5 },
    { transmission: { kind: "telephone" as const, law: "alaw" as const }, gainDb: 0 },
    { transmission: { kind: "mp3" as const, kbps: 32 }, gainDb: -10 },
  ];
  for (const chain of chains) add(await applyChain(clean, 16000, chain, mulberry32(1)));
  for (const folder of [".", "augment"]) {
    const dir = join(import.meta.dirname, folder);
    for (const name of readdirSync(dir).sort()) {
      if (folder === "." ? ROW_MODULES.test(name) : name.endsWith(".ts") && !name.endsWith(".test.ts")) {
        hash.update(`${folder}/${name}\0`).update(readFileSync(join(dir, name)));
      }
    }
  }
  return hash.digest("hex");
}
