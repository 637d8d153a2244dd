/**
 * How a stretch of analysed speech is cut into consecutive pieces: the timeline's segments, and the clip's tiles,
 * whose scores the clip's probability averages. Training (scripts/train/clip-rows.ts) cuts its clips with the same
 * functions, so the product scores a clip exactly as validation did.
 */
import { consecutiveSegmentFrameRanges, type FrameRange } from "../features/segments";
import { calibratedFromRaw, type Forest, predictRaw } from "../model";
import { ANALYSIS, type FrameFeatures } from "./frame-features";
import { summarize } from "./summary";

/** One piece of a stretch: samples [start, end) of the stretch and the frames centred in them. */
export interface Piece {
  range: FrameRange;
  start: number;
  end: number;
}

/**
 * Consecutive pieces of pieceSamples over a stretch of nSamples whose frames are [0, nFrames). A last piece shorter
 * than half a piece joins the one before it rather than being scored on too little audio; a piece without frames
 * is left out.
 */
export function consecutivePieces(nSamples: number, pieceSamples: number, nFrames: number): Piece[] {
  const ranges = consecutiveSegmentFrameRanges(nSamples, pieceSamples, ANALYSIS.hopLength, nFrames);
  const pieces = ranges.map((range, i) => ({ range, start: i * pieceSamples, end: Math.min(nSamples, (i + 1) * pieceSamples) }));
  const last = pieces[pieces.length - 1];
  if (pieces.length > 1 && last.end - last.start < pieceSamples / 2) {
    pieces.pop();
    const previous = pieces[pieces.length - 1];
    previous.range = { first: previous.range.first, end: last.range.end };
    previous.end = last.end;
  }
  return pieces.filter(({ range }) => range.end > range.first);
}

/**
 * Seconds of each tile. A clip's probability is the calibrated mean of its 1 s tiles' raw scores rather than the
 * score of one vector over the whole clip: under the validation protocol the mean over 1 s tiles was 0.8-3.6
 * points better on unseen systems than the whole-clip vector (three seeds), and better than 2 s or 4 s tiles (README).
 */
export const CLIP_TILE_SECONDS = 1;

/** The tiles of one analysed stretch of nSamples whose frames are [0, nFrames). */
export function tilePieces(nSamples: number, nFrames: number): Piece[] {
  return consecutivePieces(nSamples, Math.round(CLIP_TILE_SECONDS * ANALYSIS.sampleRate), nFrames);
}

/**
 * The summary vectors of the clip's tiles: the tiles of each analysed stretch in turn, whose frames follow each other
 * in `frames` (joinFrames of the stretches' frames).
 */
export function tileVectors(frames: FrameFeatures, stretches: readonly { nSamples: number; nFrames: number }[]): Float32Array[] {
  const vectors: Float32Array[] = [];
  let firstFrame = 0;
  for (const { nSamples, nFrames } of stretches) {
    for (const { range } of tilePieces(nSamples, nFrames)) {
      vectors.push(summarize(frames, { first: firstFrame + range.first, end: firstFrame + range.end }));
    }
    firstFrame += nFrames;
  }
  return vectors;
}

/**
 * A clip's raw score from its tiles' vectors: the mean of their raw scores, summed in tile order. Validation
 * (scripts/train/protocol.ts) averages each fold model's scores with it, so training and the detector share the rule.
 */
export function meanRaw(vectors: readonly Float32Array[], raw: (vector: Float32Array) => number): number {
  let sum = 0;
  for (const vector of vectors) sum += raw(vector);
  return sum / vectors.length;
}

/** A clip's probability: the forest's calibration of the mean raw score of its tiles' vectors. */
export function clipProbability(forest: Forest, vectors: readonly Float32Array[]): number {
  return calibratedFromRaw(forest, meanRaw(vectors, (vector) => predictRaw(forest, vector)));
}
