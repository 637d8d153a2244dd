import { describe, expect, it } from "vitest";
import type { Analysis } from "../../src/detector/types";
import { parseAnalysis, readAnalyzeResponse } from "./analysis.js";

const analysis: Analysis = {
  verdict: "real",
  probability_fake: 0.12,
  thresholds: { fake: 0.7, real: 0.3 },
  duration_s: 4.53,
  analyzed_s: 4.1,
  trimmed_s: 0.43,
  excerpts: [{ start_s: 0.2, end_s: 4.3 }],
  input: { sample_rate: 16000, channels: 1, bit_depth: 16, format: "pcm" },
  segments: [
    { start_s: 0, end_s: 2, probability_fake: 0.1 },
    { start_s: 2, end_s: 4.1, probability_fake: 0.2 },
  ],
  model: { name: "forest", version: "1", sha256: "ab" },
  timing_ms: { decode: 1, features: 2, model: 0.5, total: 4 },
};

describe("readAnalyzeResponse", () => {
  it("gives the analysis for a 200 with the contract's shape", () => {
    expect(readAnalyzeResponse(200, "application/json", JSON.stringify(analysis))).toEqual({ ok: true, analysis });
  });

  it("gives an error, never a verdict, for a problem+json answer", () => {
    const body = JSON.stringify({ title: "Not a WAV file", status: 415, detail: "Convert it first.", code: "not_wav" });
    const outcome = readAnalyzeResponse(415, "application/problem+json", body);
    expect(outcome).toMatchObject({ ok: false, error: { code: "not_wav", status: 415 } });
  });

  it("gives an error for a non-2xx answer even when its body looks like an analysis", () => {
    expect(readAnalyzeResponse(500, "application/json", JSON.stringify(analysis)).ok).toBe(false);
  });

  it("gives an error for a 200 whose body is not an analysis (the seed's prediction, HTML, nothing)", () => {
    for (const body of ['{"prediction":"fake"}', "<html></html>", "", "null"]) {
      const outcome = readAnalyzeResponse(200, "application/json", body);
      expect(outcome).toMatchObject({ ok: false, error: { code: "invalid_response", status: 200 } });
    }
  });
});

describe("parseAnalysis", () => {
  const variant = (patch: Record<string, unknown>) => JSON.stringify({ ...analysis, ...patch });

  it("accepts an analysis without segments (segments=false)", () => {
    expect(parseAnalysis(variant({ segments: [] }))?.segments).toEqual([]);
  });

  it.each([
    ["an unknown verdict", { verdict: "maybe" }],
    ["a probability above 1", { probability_fake: 1.2 }],
    ["a missing probability", { probability_fake: undefined }],
    ["thresholds in the wrong order", { thresholds: { fake: 0.2, real: 0.8 } }],
    ["a negative duration", { duration_s: -1 }],
    ["a segment that ends before it starts", { segments: [{ start_s: 2, end_s: 1, probability_fake: 0.5 }] }],
    ["a segment without probability", { segments: [{ start_s: 0, end_s: 1 }] }],
    ["no model", { model: null }],
  ])("rejects %s", (_, patch) => {
    expect(parseAnalysis(variant(patch))).toBeNull();
  });
});
