import { describe, expect, it } from "vitest";
import type { Analysis, Verdict } from "../../src/detector/types";
import { describeVerdict } from "./verdict.js";

function analysis(verdict: Verdict, probability: number): Analysis {
  return {
    verdict,
    probability_fake: probability,
    thresholds: { fake: 0.7, real: 0.3 },
    duration_s: 3,
    analyzed_s: 3,
    trimmed_s: 0,
    input: { sample_rate: 16000, channels: 1, bit_depth: 16, format: "pcm" },
    segments: [],
    model: { name: "m", version: "1", sha256: "" },
    timing_ms: { decode: 0, features: 0, model: 0, total: 0 },
  };
}

describe("describeVerdict", () => {
  it.each([
    ["real", 0.12, "Likely real human speech", "12%", "30%"],
    ["fake", 0.91, "Likely AI-generated", "91%", "70%"],
    ["uncertain", 0.55, "Uncertain", "55%", "70%"],
  ] as const)("words a %s verdict with its score and the threshold behind it", (verdict, p, headline, score, limit) => {
    const text = describeVerdict(analysis(verdict, p));
    expect(text.headline).toBe(headline);
    expect(text.meaning).toContain(score);
    expect(text.meaning).toContain(limit);
    expect(text.caveat.length).toBeGreaterThan(20);
    expect(text.announcement).toBe(`Result: ${headline}. AI-likelihood ${score}.`);
  });

  it("never calls a real or uncertain verdict AI-generated in its headline", () => {
    expect(describeVerdict(analysis("real", 0.29)).headline).not.toMatch(/AI/);
    expect(describeVerdict(analysis("uncertain", 0.5)).headline).not.toMatch(/AI/);
  });
});
