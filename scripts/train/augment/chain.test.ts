import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../lib/prng";
import { syntheticVoice } from "../../synthetic-voice";
import { applyChain, chainBandwidthRate, chainName, drawChain } from "./chain";

describe("drawChain", () => {
  it("is a function of the generator only and covers every transmission kind", () => {
    expect(drawChain(mulberry32(5))).toEqual(drawChain(mulberry32(5)));
    const kinds = new Set(Array.from({ length: 200 }, (_, i) => drawChain(mulberry32(i)).transmission.kind));
    expect([...kinds].sort()).toEqual(["mp3", "none", "resample", "telephone"]);
  });

  it("names the chain and bounds its bandwidth", () => {
    const chain = { noise: { colour: "pink" as const, snrDb: 42 }, transmission: { kind: "telephone" as const, law: "alaw" as const }, gainDb: -6, clipFraction: 0.5 };
    expect(chainName(chain)).toBe("pink42dB+alaw8k+gain-6dB+clip0.5");
    expect(chainBandwidthRate(chain)).toBe(8000);
    expect(chainBandwidthRate({ transmission: { kind: "mp3", kbps: 32 }, gainDb: 0 })).toBe(Infinity);
  });
});

describe("applyChain", () => {
  it("ends on the 16-bit grid and is reproducible", async () => {
    const x = syntheticVoice(8000, 16000);
    const chain = { noise: { colour: "white" as const, snrDb: 30 }, transmission: { kind: "resample" as const, viaRate: 11025 }, gainDb: -3, dcOffset: 0.01 };
    const y = await applyChain(x, 16000, chain, mulberry32(1));
    expect(y.every((v) => Number.isInteger(v * 32768))).toBe(true);
    expect(await applyChain(x, 16000, chain, mulberry32(1))).toEqual(y);
    expect(y.reduce((s, v) => s + v, 0) / y.length).toBeCloseTo(0.01, 2);
  });
});
