import { AudioError } from "../audio/errors";
import { arraySource } from "../audio/sample-source";
import { openWav } from "../audio/wav";
import type { FrameRange } from "../features/segments";
import { type Forest, parseForest, predictCalibrated, verdictOf } from "../model";
import { type AnalysedStretches, analysedStretches } from "./excerpts";
import { ANALYSIS, frameFeatures, joinFrames } from "./frame-features";
import { analysisGrid, type ModelCard } from "./model-card";
import { SUMMARY_NAMES, summarize } from "./summary";
import { clipProbability, consecutivePieces, tileVectors } from "./tiles";
import type { Analysis, AnalyzeOptions, InputDescription, Segment } from "./types";

/** Less speech than this after trimming carries too little evidence for a verdict. */
export const MIN_ANALYZED_SECONDS = 0.5;

/** Decoded audio at any rate, as the CLI's other decoders (MP3, FLAC, Ogg) also deliver it. */
export interface DecodedAudio {
  /** Mono samples (channel mean). */
  samples: Float32Array;
  sampleRate: number;
  /** Seconds of audio in the whole input, which may be more than `samples` holds when the decoder capped it. */
  durationS: number;
  input: InputDescription;
}

export interface Detector {
  /** Decodes a WAV upload and analyses it; throws AudioError for anything it cannot analyse. */
  analyze(bytes: Uint8Array, options: AnalyzeOptions): Analysis;
  /** Analyses audio decoded elsewhere (already capped to options.maxAnalyzedSeconds by the caller or not). */
  analyzeDecoded(audio: DecodedAudio, options: AnalyzeOptions): Analysis;
  modelCard(): ModelCard;
}

/**
 * The detector from a model binary and its card. Throws if the two do not belong together or do not fit the
 * running feature code, so a stale model can never score vectors it was not trained on.
 */
export function createDetector(modelBytes: Uint8Array, card: ModelCard): Detector {
  const forest = parseForest(modelBytes);
  const names = card.features.names;
  if (names.length !== SUMMARY_NAMES.length || names.some((name, i) => name !== SUMMARY_NAMES[i])) {
    throw new Error(`model card "${card.name}" lists other features than this code computes`);
  }
  const grid = card.features.extraction;
  const differing = Object.entries(analysisGrid()).filter(([key, value]) => grid?.[key] !== value);
  if (differing.length > 0) {
    // Same names, other frames: the features would be computed on another grid than the model learnt from.
    const pairs = differing.map(([key, value]) => `${key} ${String(grid?.[key])} (this code: ${value})`);
    throw new Error(`model card "${card.name}" was trained on another analysis grid: ${pairs.join(", ")}`);
  }
  if (forest.nFeatures !== names.length) {
    throw new Error(`model binary expects ${forest.nFeatures} features, its card lists ${names.length}`);
  }
  return {
    analyze(bytes, options) {
      const started = performance.now();
      const wav = openWav(bytes, { maxSeconds: options.maxAnalyzedSeconds });
      const format = wav.container === "RIFF" ? wav.format : `${wav.format} (${wav.container})`;
      const input = { sample_rate: wav.sampleRate, channels: wav.channels, bit_depth: wav.bitDepth, format };
      // Converted and resampled block by block, and only where analysed: a 384 kHz upload is never held whole at
      // its own rate, nor a long one at the analysis rate.
      const stretches = analysedStretches(wav.source, wav.sampleRate);
      return analyzeStretches(forest, card, stretches, wav.durationS, input, options, performance.now() - started);
    },
    analyzeDecoded(audio, options) {
      const started = performance.now();
      const capped = audio.samples.subarray(0, Math.min(audio.samples.length, Math.ceil(options.maxAnalyzedSeconds * audio.sampleRate)));
      const stretches = analysedStretches(arraySource(capped), audio.sampleRate);
      return analyzeStretches(forest, card, stretches, audio.durationS, audio.input, options, performance.now() - started);
    },
    modelCard: () => card,
  };
}

function analyzeStretches(
  forest: Forest,
  card: ModelCard,
  { excerpts, trimmedS }: AnalysedStretches,
  durationS: number,
  input: InputDescription,
  options: AnalyzeOptions,
  decodeMs: number,
): Analysis {
  const started = performance.now();
  const rate = ANALYSIS.sampleRate;
  const analyzedS = excerpts.reduce((sum, { signal }) => sum + signal.length, 0) / rate;
  if (analyzedS < MIN_ANALYZED_SECONDS) {
    throw new AudioError(
      "too_short",
      `only ${analyzedS.toFixed(2)} s of sound is left after trimming silence; at least ${MIN_ANALYZED_SECONDS} s is needed`,
    );
  }
  const parts = excerpts.map(({ signal }) => frameFeatures(signal));
  const frames = joinFrames(parts);
  const featuresDone = performance.now();
  const score = (range: FrameRange) => predictCalibrated(forest, summarize(frames, range));
  const stretchShapes = excerpts.map(({ signal }, i) => ({ nSamples: signal.length, nFrames: parts[i].nFrames }));
  const probabilityFake = clipProbability(forest, tileVectors(frames, stretchShapes));
  let firstFrame = 0;
  const segments: Segment[] = [];
  for (const [i, { signal, offset }] of excerpts.entries()) {
    if (options.segments) {
      segments.push(...segmentScores(firstFrame, parts[i].nFrames, signal.length, offset, options.segmentSeconds, score));
    }
    firstFrame += parts[i].nFrames;
  }
  const done = performance.now();
  return {
    verdict: verdictOf(probabilityFake, card.thresholds),
    probability_fake: probabilityFake,
    thresholds: card.thresholds,
    duration_s: round(durationS, 3),
    analyzed_s: round(analyzedS, 3),
    trimmed_s: round(trimmedS, 3),
    excerpts: excerpts.map(({ signal, offset }) => ({
      start_s: round(offset / rate, 3),
      end_s: round((offset + signal.length) / rate, 3),
    })),
    input,
    segments,
    model: { name: card.name, version: card.version, sha256: card.sha256 },
    timing_ms: {
      decode: round(decodeMs),
      features: round(featuresDone - started),
      model: round(done - featuresDone),
      total: round(done - started + decodeMs),
    },
  };
}

/** The timeline: consecutive segments of segmentSeconds over one analysed stretch (its frames firstFrame on), timed in the input's seconds. */
function segmentScores(
  firstFrame: number,
  nFrames: number,
  nSamples: number,
  offsetSamples: number,
  segmentSeconds: number,
  score: (range: FrameRange) => number,
): Segment[] {
  const rate = ANALYSIS.sampleRate;
  return consecutivePieces(nSamples, Math.round(segmentSeconds * rate), nFrames).map(({ range, start, end }) => ({
    start_s: round((offsetSamples + start) / rate, 3),
    end_s: round((offsetSamples + end) / rate, 3),
    probability_fake: score({ first: firstFrame + range.first, end: firstFrame + range.end }),
  }));
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
