import { describe, expect, it } from "vitest";
import { predictRaw } from "../model";
import { frameFeatures, joinFrames } from "./frame-features";
import { summarize } from "./summary";
import { NOISE_IS_FAKE } from "./testing/noise-is-fake";
import { CLIP_TILE_SECONDS, clipProbability, consecutivePieces, meanRaw, tileVectors } from "./tiles";

let state = 7;
const noise = (n: number) => Float32Array.from({ length: n }, () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 0.5);
const tone = (n: number) => Float32Array.from({ length: n }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 16000));

describe("consecutivePieces", () => {
  it("cuts a stretch into pieces, a last piece under half a piece joining the one before", () => {
    // 2.4 s at 16 kHz, hop 200: 193 frames; 1 s pieces, the 0.4 s tail joins the second piece.
    expect(consecutivePieces(38_400, 16_000, 193)).toEqual([
      { range: { first: 0, end: 80 }, start: 0, end: 16_000 },
      { range: { first: 80, end: 193 }, start: 16_000, end: 38_400 },
    ]);
    // A 0.6 s tail is scored on its own.
    expect(consecutivePieces(41_600, 16_000, 209).map(({ start, end }) => [start, end])).toEqual([
      [0, 16_000],
      [16_000, 32_000],
      [32_000, 41_600],
    ]);
    // A stretch shorter than half a piece is still one piece.
    expect(consecutivePieces(4_000, 16_000, 21)).toEqual([{ range: { first: 0, end: 21 }, start: 0, end: 4_000 }]);
  });
});

describe("tileVectors / meanRaw / clipProbability", () => {
  it("summarise the tiles of each stretch over its own frames, and average their raw scores", () => {
    expect(CLIP_TILE_SECONDS).toBe(1);
    const a = frameFeatures(noise(2 * 16_000));
    const b = frameFeatures(tone(1.5 * 16_000));
    const frames = joinFrames([a, b]);
    const vectors = tileVectors(frames, [
      { nSamples: 2 * 16_000, nFrames: a.nFrames },
      { nSamples: 1.5 * 16_000, nFrames: b.nFrames },
    ]);
    // Two noise tiles, then two of the tone: its 0.5 s tail is half a tile, not less, so it stands alone.
    expect(vectors).toHaveLength(4);
    expect(vectors[1]).toEqual(summarize(frames, { first: 80, end: a.nFrames }));
    expect(vectors[2]).toEqual(summarize(frames, { first: a.nFrames, end: a.nFrames + 80 }));
    // NOISE_IS_FAKE: 0.9 on noise, 0.1 on a tone.
    expect(vectors.map((v) => predictRaw(NOISE_IS_FAKE, v))).toEqual([0.8999999761581421, 0.8999999761581421, 0.10000000149011612, 0.10000000149011612]);
    expect(meanRaw(vectors, (v) => predictRaw(NOISE_IS_FAKE, v))).toBeCloseTo(0.5, 7);
    expect(clipProbability(NOISE_IS_FAKE, vectors)).toBeCloseTo(0.5, 7);
  });
});
