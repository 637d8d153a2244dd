import { describe, expect, it } from "vitest";
import { hasPrograms } from "./test-tools";
import { conditionWav, ffmpegDecodeArgs, readWavRate, soxConditionEffects } from "./condition";
import { encodeWav16 } from "./wav";

const hasSox = hasPrograms("sox");

describe("conditioning arguments", () => {
  it("gives ffmpeg the container hints of SOURCES.md", () => {
    expect(ffmpegDecodeArgs("a.g722", "g722")).toContain("g722");
    const raw = ffmpegDecodeArgs("a.raw", { s16leRate: 8000 });
    expect(raw.slice(raw.indexOf("-f"), raw.indexOf("-i"))).toEqual(["-f", "s16le", "-ar", "8000", "-ac", "1"]);
    expect(ffmpegDecodeArgs("a.ogg", "auto")).not.toContain("-f s16le");
  });
  it("uses the documented sox chain, with and without trimming", () => {
    expect(soxConditionEffects(true).join(" ")).toBe(
      "rate -v 16000 gain -n -1 silence 1 0.03 -45d reverse silence 1 0.03 -45d reverse",
    );
    expect(soxConditionEffects(false).join(" ")).toBe("rate -v 16000 gain -n -1");
  });
  it("reads the rate of a WAV header", () => {
    expect(readWavRate(encodeWav16({ sampleRate: 22050, samples: new Float32Array(1) }))).toBe(22050);
  });
});

describe.skipIf(!hasSox)("sox conditioning", () => {
  it("resamples to 16 kHz, peaks at -1 dBFS and trims silence at both ends", async () => {
    const rate = 8000;
    const samples = new Float32Array(rate * 3);
    for (let i = rate; i < 2 * rate; i++) samples[i] = 0.3 * Math.sin((2 * Math.PI * 440 * i) / rate);
    const clip = await conditionWav(encodeWav16({ sampleRate: rate, samples }));
    expect(clip.sampleRate).toBe(16000);
    expect(clip.samples.length / 16000).toBeGreaterThan(0.95);
    expect(clip.samples.length / 16000).toBeLessThan(1.05);
    const peak = clip.samples.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    expect(20 * Math.log10(peak)).toBeCloseTo(-1, 1);
  });
});
