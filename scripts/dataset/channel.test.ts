import { describe, expect, it } from "vitest";
import { hasPrograms } from "./test-tools";
import { addWhiteNoise, channelCommands, CHANNELS, chooseChannel } from "./channel";
import { conditionWav } from "./condition";
import { mulberry32 } from "./prng";
import { run } from "./process";
import { encodeWav16 } from "./wav";

const hasTools = hasPrograms("sox", "ffmpeg");

describe("channel choice", () => {
  it("depends on path and seed only, and covers the catalogue about uniformly", () => {
    expect(chooseChannel("real/a.wav", 0)).toEqual(chooseChannel("real/a.wav", 0));
    const counts = new Map<string, number>();
    for (let i = 0; i < 13000; i++) {
      const kind = chooseChannel(`x/${i}.wav`, 0).name.replace(/\d+dB$/, "");
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    expect(counts.size).toBe(CHANNELS.length);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
    const moved = Array.from({ length: 50 }, (_, i) => chooseChannel(`x/${i}.wav`, 0).name !== chooseChannel(`x/${i}.wav`, 1).name);
    expect(moved.filter(Boolean).length).toBeGreaterThan(30);
  });
  it("records the SNR of noise channels, drawn in 20-40 dB", () => {
    const noisy = Array.from({ length: 2000 }, (_, i) => chooseChannel(`n/${i}`, 0)).filter((c) => c.kind === "noise");
    expect(noisy.length).toBeGreaterThan(100);
    for (const c of noisy) {
      expect(c.name).toBe(`noise${c.setting}dB`);
      expect(c.setting).toBeGreaterThanOrEqual(20);
      expect(c.setting).toBeLessThanOrEqual(40);
    }
  });
  it("adds white noise at the requested SNR", () => {
    const signal = Float32Array.from({ length: 48000 }, (_, i) => 0.5 * Math.sin(i / 3));
    const noisy = addWhiteNoise(signal, 20, mulberry32(1));
    let s = 0;
    let n = 0;
    signal.forEach((x, i) => {
      s += x * x;
      n += (noisy[i] - x) ** 2;
    });
    expect(10 * Math.log10(s / n)).toBeCloseTo(20, 0);
  });
});

describe.skipIf(!hasTools)("channel commands", () => {
  it("every codec channel round-trips a clip to about the same length at 16 kHz", async () => {
    const samples = Float32Array.from({ length: 32000 }, (_, i) => 0.4 * Math.sin((2 * Math.PI * 300 * i) / 16000));
    const input = encodeWav16({ sampleRate: 16000, samples });
    for (const channel of CHANNELS) {
      let bytes: Uint8Array = input;
      for (const [program, args] of channelCommands(channel)) bytes = (await run(program, args, { input: bytes })).stdout;
      const out = await conditionWav(bytes, false);
      expect(out.sampleRate, channel.name).toBe(16000);
      expect(Math.abs(out.samples.length - 32000), channel.name).toBeLessThan(16000 * 0.1 + (channel.kind === "reverb" ? 16000 : 0));
    }
  });
});
