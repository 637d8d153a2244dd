/**
 * Every training row of one clip. Copies: the clip as published (copy 0), for corpus clips the pre-channel copy, then
 * `augmentedCopies` copies of the clean clip
 * through one label-blind channel chain each (augment/chain.ts). Each copy is analysed as the product analyses an
 * upload (speech.ts, frameFeatures) and summarised over the stretches of crops.ts; copy 0 also over its 1 s tiles,
 * which validation scores and which also train. Every draw comes from a generator seeded by the run seed and the
 * clip's path, never its label.
 */
import { readFileSync } from "node:fs";
import { resample } from "../../src/audio/resample";
import { decodeWav } from "../../src/audio/wav";
import { ANALYSIS, frameFeatures } from "../../src/detector/frame-features";
import { SUMMARY_NAMES, summarize } from "../../src/detector/summary";
import { segmentFrameRange } from "../../src/features/segments";
import { SEED_SAMPLE_RATE, seedFeatures } from "../../src/features/seed";
import { tilePieces, tileVectors } from "../../src/detector/tiles";
import { hashString } from "../dataset/prng";
import { mulberry32 } from "../lib/prng";
import { applyChain, chainBandwidthRate, chainName, drawChain } from "./augment/chain";
import type { TrainingClip } from "./clips";
import { ROW_KINDS, drawStretches } from "./crops";
import { CUE_NAMES, cueVector } from "./cues";
import { analysedSpeech } from "./speech";

export interface ClipRows {
  /** Feature vectors, row-major (SUMMARY_NAMES per row). */
  vectors: Float32Array;
  /** Cue vectors of the same rows' audio, row-major (CUE_NAMES per row). */
  cues: Float32Array;
  /** Per row: the copy (index into `copies`) and the kind (index into ROW_KINDS). */
  copyOfRow: Uint8Array;
  kindOfRow: Uint8Array;
  /** Per copy: "published", "clean" or the augmentation chain's name. */
  copies: string[];
  /** Whether copy 0 (the clip as published) could be analysed, so the clip has a validation score. */
  publishedAnalysed: boolean;
  /** Copy 0's tile vectors (src/detector/tiles.ts), row-major: what validation scores, as the detector does. */
  tiles: Float32Array;
  /** Cue vectors of the same tiles' audio, row-major (CUE_NAMES per tile), for the shortcut audit of tile rows. */
  tileCues: Float32Array;
  /** The seed project's 46 values of the published clip (first 2 s at 16 kHz, untrimmed, as the seed did). */
  seedVector: Float64Array;
  /** Cues of the published file as stored (untrimmed, at its own rate). */
  rawCues: Float32Array;
}

export interface RowOptions {
  augmentedCopies: number;
  seed: number;
}

/** The rate that bounds a corpus channel's bandwidth: its narrowband channels run at 8 kHz. */
function corpusChannelRate(channel: string): number {
  return /^(tel8k|gsm|mulaw8k)$/.test(channel) ? 8000 : Infinity;
}

function decode(file: string) {
  const { samples, sampleRate } = decodeWav(readFileSync(file));
  return { samples, sampleRate };
}

export async function clipRows(clip: TrainingClip, options: RowOptions): Promise<ClipRows> {
  const { row } = clip;
  const published = decode(clip.file);
  const clean = clip.cleanFile ? decode(clip.cleanFile) : published;
  const sources = [{ name: "published", audio: published, rate: Math.min(row.sample_rate_orig, corpusChannelRate(row.channel)) }];
  if (clip.cleanFile) sources.push({ name: "clean", audio: clean, rate: row.sample_rate_orig });

  const vectors: number[] = [];
  const cues: number[] = [];
  const copyOfRow: number[] = [];
  const kindOfRow: number[] = [];
  const copies: string[] = [];
  let publishedAnalysed = false;
  let tiles = new Float32Array(0);
  let tileCues = new Float32Array(0);
  const addCopy = (name: string, samples: Float32Array, sampleRate: number, bandwidthRate: number, stretchSeed: number) => {
    const copy = copies.push(name) - 1;
    const speech = analysedSpeech(samples, sampleRate);
    if (!speech) return;
    const frames = frameFeatures(speech);
    if (copy === 0) {
      publishedAnalysed = true;
      const vectors = tileVectors(frames, [{ nSamples: speech.length, nFrames: frames.nFrames }]);
      tiles = new Float32Array(vectors.length * SUMMARY_NAMES.length);
      vectors.forEach((vector, i) => tiles.set(vector, i * SUMMARY_NAMES.length));
      // tileVectors cuts one stretch into exactly these pieces, in this order.
      const pieces = tilePieces(speech.length, frames.nFrames);
      tileCues = new Float32Array(pieces.length * CUE_NAMES.length);
      pieces.forEach(({ start, end }, i) => tileCues.set(cueVector(speech.subarray(start, end), ANALYSIS.sampleRate, bandwidthRate), i * CUE_NAMES.length));
    }
    for (const stretch of drawStretches(speech.length, ANALYSIS.sampleRate, mulberry32(stretchSeed))) {
      // The whole copy is every frame, as the detector scores it (a centred frame may sit on the last sample).
      const range =
        stretch.kind === "whole"
          ? { first: 0, end: frames.nFrames }
          : segmentFrameRange(stretch.start, stretch.end, ANALYSIS.hopLength, frames.nFrames);
      if (range.end <= range.first) continue;
      vectors.push(...summarize(frames, range));
      cues.push(...cueVector(speech.subarray(stretch.start, stretch.end), ANALYSIS.sampleRate, bandwidthRate));
      copyOfRow.push(copy);
      kindOfRow.push(ROW_KINDS.indexOf(stretch.kind));
    }
  };
  const clipSeed = (purpose: string) => hashString(`${options.seed}:${purpose}:${row.path}`);

  for (const source of sources) addCopy(source.name, source.audio.samples, source.audio.sampleRate, source.rate, clipSeed(`stretch-${source.name}`));
  for (let k = 0; k < options.augmentedCopies; k++) {
    const chain = drawChain(mulberry32(clipSeed(`chain-${k}`)));
    const augmented = await applyChain(clean.samples, clean.sampleRate, chain, mulberry32(clipSeed(`noise-${k}`)));
    const rate = Math.min(row.sample_rate_orig, chainBandwidthRate(chain));
    addCopy(chainName(chain), augmented, clean.sampleRate, rate, clipSeed(`stretch-aug-${k}`));
  }
  return {
    vectors: Float32Array.from(vectors),
    cues: Float32Array.from(cues),
    copyOfRow: Uint8Array.from(copyOfRow),
    kindOfRow: Uint8Array.from(kindOfRow),
    copies,
    publishedAnalysed,
    tiles,
    tileCues,
    seedVector: seedFeatures(resample(published.samples, published.sampleRate, SEED_SAMPLE_RATE)),
    rawCues: cueVector(published.samples, published.sampleRate, row.sample_rate_orig),
  };
}

export const ROW_SHAPE = { nFeatures: SUMMARY_NAMES.length, nCues: CUE_NAMES.length };
