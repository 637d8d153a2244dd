import { describe, expect, it } from "vitest";
import type { ClipRow } from "./manifest";
import { CODEC2_MODES, planVocoderCopies } from "./vocoder-parents";

const clip = (i: number, rate: number) => ({ path: `real/s/${String(i).padStart(4, "0")}.wav`, sample_rate_orig: rate }) as ClipRow;

describe("planVocoderCopies", () => {
  const clips = Array.from({ length: 1000 }, (_, i) => clip(i, i % 3 === 0 ? 8000 : 44100));
  const plan = planVocoderCopies(clips, 0);
  it("draws 700 / 400 / 200 parents, wideband only for LPCNet and Griffin-Lim", () => {
    const of = (v: string) => plan.filter((p) => p.vocoder === v);
    expect([of("lpcnet").length, of("codec2").length, of("griffinlim").length]).toEqual([666, 400, 200]);
    expect(of("lpcnet").every((p) => p.parent.sample_rate_orig >= 16000)).toBe(true);
    expect(of("codec2").some((p) => p.parent.sample_rate_orig < 16000)).toBe(true);
    expect(new Set(of("lpcnet").map((p) => p.parent.path)).size).toBe(666);
  });
  it("cycles Codec 2 over five modes and ignores input order", () => {
    expect(plan.filter((p) => p.vocoder === "codec2").slice(0, 6).map((p) => p.mode)).toEqual([...CODEC2_MODES, "3200"]);
    expect(planVocoderCopies(clips.slice().reverse(), 0)).toEqual(plan);
  });
});
