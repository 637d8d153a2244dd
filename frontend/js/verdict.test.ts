import { describe, expect, it } from "vitest";
import type { Analysis, Verdict } from "../../src/detector/types";
import { analysedLine, describeVerdict } from "./verdict.js";

function analysis(verdict: Verdict, probability: number): Analysis {
  return {
    verdict,
    probability_fake: probability,
    thresholds: { fake: 0.7, real: 0.3 },
    duration_s: 3,
    analyzed_s: 3,
    trimmed_s: 0,
    excerpts: [{ start_s: 0, end_s: 3 }],
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

  it("shows decimals when a score would otherwise read as equal to the limit it is beyond", () => {
    const near = { ...analysis("uncertain", 0.152), thresholds: { fake: 0.7265, real: 0.1464 } };
    const text = describeVerdict(near);
    expect(text.score).toBe("15.2%");
    expect(text.meaning).toContain("The score of 15.2% lies between the limits for real speech (14.6% or less)");
  });

  it("never calls a real or uncertain verdict AI-generated in its headline", () => {
    expect(describeVerdict(analysis("real", 0.29)).headline).not.toMatch(/AI/);
    expect(describeVerdict(analysis("uncertain", 0.5)).headline).not.toMatch(/AI/);
  });
});

describe("analysedLine", () => {
  const sent = { sourceSeconds: 3, uploadedSeconds: 3 };

  it("says how much was analysed of how much, and the silence removed", () => {
    const line = analysedLine({ ...analysis("real", 0.1), duration_s: 3.5, trimmed_s: 0.5 }, sent);
    expect(line).toBe("Analysed 3.0 s of 3.5 s (0.5 s of silence removed); model m 1.");
  });

  it("says when a long recording was judged on excerpts spread over it", () => {
    const excerpts = [0, 60, 120, 180, 236].map((start) => ({ start_s: start, end_s: start + 4 }));
    const long = { ...analysis("fake", 0.9), duration_s: 240, analyzed_s: 20, excerpts };
    expect(analysedLine(long, { sourceSeconds: 240, uploadedSeconds: 240 })).toBe(
      "Analysed 20.0 s of 240.0 s, in 5 excerpts spread over the recording; model m 1.",
    );
  });

  it("says when the page sent only the start of a longer file", () => {
    expect(analysedLine(analysis("real", 0.1), { sourceSeconds: 900, uploadedSeconds: 600 })).toContain(
      "only the first 10:00 of 15:00 were sent",
    );
  });
});
