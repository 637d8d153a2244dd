/**
 * The real detector behind the real Worker entry: speech in, an analysis out, every stage wired. Real speech comes
 * from ../shared/golden/inputs (handed over by global-setup.ts; those tests skip when the folder is absent); formats
 * the clips do not cover and the failure cases are generated here.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { buildWav } from "../../src/audio/testing/wav-builder";
import type { Analysis } from "../../src/detector/types";
import worker from "../../src/index";
import { syntheticVoice } from "../../scripts/synthetic-voice";
import { call, expectProblem, freshClientAddress, multipart, rawWav } from "./call";

const clips = inject("speechClips");
/** Frames of each golden speech clip (16 kHz mono 16-bit), from ../shared/golden/README.md. */
const GOLDEN_FRAMES: Record<string, number> = {
  "speech_real_1.wav": 72480,
  "speech_real_2.wav": 77834,
  "speech_real_3.wav": 40960,
  "speech_fake_1.wav": 76905,
  "speech_fake_2.wav": 59664,
  "speech_fake_3.wav": 49920,
};
const haveSpeech = Object.keys(GOLDEN_FRAMES).every((name) => name in clips);

function clipBytes(name: string): Uint8Array {
  return Uint8Array.from(atob(clips[name] ?? ""), (char) => char.charCodeAt(0));
}

/** 16-bit (or 24/32-bit) PCM of the synthetic voice, every channel alike. */
function voiceWav(seconds: number, sampleRate: number, channels = 1, bitDepth = 16): Uint8Array {
  const full = 2 ** (bitDepth - 1) - 1;
  const codes = Array.from(syntheticVoice(Math.round(seconds * sampleRate), sampleRate), (x) => Math.round(x * full));
  return buildWav({ sampleRate, encoding: "pcm", bitDepth, channels: Array.from({ length: channels }, () => codes) });
}

async function analysisOf(response: Response): Promise<Analysis> {
  expect(response.status).toBe(200);
  return (await response.json()) as Analysis;
}

function expectCoherent(analysis: Analysis, segmentSeconds: number) {
  const { verdict, probability_fake: p, thresholds } = analysis;
  expect(p).toBeGreaterThanOrEqual(0);
  expect(p).toBeLessThanOrEqual(1);
  expect(verdict).toBe(p >= thresholds.fake ? "fake" : p <= thresholds.real ? "real" : "uncertain");
  expect(analysis.analyzed_s).toBeLessThanOrEqual(analysis.duration_s - analysis.trimmed_s + 1e-6);
  // Consecutive segments of segmentSeconds; a last piece under half a segment joins the one before it.
  analysis.segments.forEach((segment, i, all) => {
    const length = segment.end_s - segment.start_s;
    if (i < all.length - 1) {
      expect(length).toBeCloseTo(segmentSeconds, 2);
      expect(all[i + 1]?.start_s).toBe(segment.end_s);
    } else {
      expect(length).toBeGreaterThan(0);
      expect(length).toBeLessThanOrEqual(1.5 * segmentSeconds + 1e-3);
    }
    expect(segment.start_s).toBeGreaterThanOrEqual(0);
    expect(segment.end_s).toBeLessThanOrEqual(analysis.duration_s + 1e-3);
  });
  expect(analysis.model.sha256).toMatch(/^[0-9a-f]{64}$/);
}

describe("the Worker entry", () => {
  it("serves the API with the real detector (exports.default)", async () => {
    const response = await exports.default.fetch(
      new Request("https://voiceguard.test/api/v1/analyze", {
        method: "POST",
        body: voiceWav(3, 16000),
        headers: { "Content-Type": "audio/wav", "CF-Connecting-IP": freshClientAddress() },
      }),
    );
    expectCoherent(await analysisOf(response), 2);
  });

  it("serves the model card", async () => {
    const response = await call(worker, "/api/v1/model");
    expect(response.status).toBe(200);
    expect(Object.keys((await response.json()) as object).length).toBeGreaterThan(0);
  });
});

describe.skipIf(!haveSpeech)("real speech through the whole pipeline", () => {
  it.each(Object.keys(GOLDEN_FRAMES))("%s: raw and multipart give the same coherent analysis", async (name) => {
    const wav = clipBytes(name);
    const raw = await analysisOf(await call(worker, "/api/v1/analyze", rawWav(wav)));
    expectCoherent(raw, 2);
    expect(raw.input).toEqual({ sample_rate: 16000, channels: 1, bit_depth: 16, format: "pcm" });
    expect(raw.duration_s).toBeCloseTo((GOLDEN_FRAMES[name] ?? 0) / 16000, 3);
    expect(raw.segments.length).toBeGreaterThan(0);
    const viaForm = await analysisOf(await call(worker, "/api/v1/analyze", { method: "POST", body: multipart(wav) }));
    expect(viaForm.probability_fake).toBe(raw.probability_fake);
    expect(viaForm.segments).toEqual(raw.segments);
  });

  it("answers /predict with the seed's shape and the same probability", async () => {
    const wav = clipBytes("speech_fake_1.wav");
    const analysis = await analysisOf(await call(worker, "/api/v1/analyze", rawWav(wav)));
    const prediction = (await (await call(worker, "/predict", { method: "POST", body: multipart(wav) })).json()) as object;
    expect(prediction).toEqual({
      prediction: expect.stringMatching(/^(real|fake)$/),
      probability_fake: analysis.probability_fake,
    });
  });

  it("follows segment_seconds and segments=false", async () => {
    const wav = clipBytes("speech_real_2.wav");
    const fine = await analysisOf(await call(worker, "/api/v1/analyze?segment_seconds=0.5", rawWav(wav)));
    expectCoherent(fine, 0.5);
    expect(fine.segments.length).toBeGreaterThanOrEqual(Math.floor(fine.analyzed_s / 0.5));
    const none = await analysisOf(await call(worker, "/api/v1/analyze?segments=false", rawWav(wav)));
    expect(none.segments).toEqual([]);
    expect(none.probability_fake).toBe(fine.probability_fake);
  });
});

describe("formats and failures through the whole pipeline", () => {
  it.each([
    [44100, 2, 24],
    [48000, 1, 32],
    [8000, 1, 16],
  ])("analyses %i Hz, %i channel(s), %i-bit PCM and describes the input", async (rate, channels, bits) => {
    const analysis = await analysisOf(await call(worker, "/api/v1/analyze", rawWav(voiceWav(3, rate, channels, bits))));
    expectCoherent(analysis, 2);
    expect(analysis.input).toEqual({ sample_rate: rate, channels, bit_depth: bits, format: "pcm" });
    expect(analysis.duration_s).toBeCloseTo(3, 3);
  });

  it("analyses at most MAX_ANALYZED_SECONDS and says so", async () => {
    const response = await call(worker, "/api/v1/analyze", rawWav(voiceWav(6, 16000)), { MAX_ANALYZED_SECONDS: "2" });
    const analysis = await analysisOf(response);
    expect(analysis.duration_s).toBeCloseTo(6, 3);
    expect(analysis.analyzed_s).toBeLessThanOrEqual(2 + 1e-6);
  });

  it.each([
    ["2 s of digital silence", 422, "silent_audio", () => voiceWav(2, 16000).map((byte, i) => (i < 44 ? byte : 0))],
    ["0.2 s of voice", 422, "too_short", () => voiceWav(0.2, 16000)],
    ["MP3 bytes", 415, "not_wav", () => new TextEncoder().encode("ID3\u0004\u0000\u0000\u0000\u0000 frames")],
    ["nothing", 415, "empty_input", () => new Uint8Array(0)],
    ["a WAV cut inside its header", 400, undefined, () => voiceWav(1, 16000).subarray(0, 30)],
  ])("answers %s with %i", async (_, status, code, bytes) => {
    const response = await call(worker, "/api/v1/analyze", rawWav(bytes()));
    if (code) await expectProblem(response, status, code);
    else {
      expect(response.status).toBe(status);
      expect(response.headers.get("Content-Type")).toBe("application/problem+json");
    }
  });
});
