import { describe, expect, it } from "vitest";
import { CappedMono, channelMean } from "./capped-mono";

const f32 = (...v: number[]) => Float32Array.from(v);

describe("channelMean", () => {
  it("averages channels like librosa (mono passes through, stereo rounds (L + R) / 2 once)", () => {
    expect(channelMean([f32(0.5, -1, 0.25)], 2)).toEqual(f32(0.5, -1));
    const left = f32(0.1, 1);
    const right = f32(0.2, -1);
    expect(channelMean([left, right], 2)).toEqual(f32(Math.fround((left[0] + right[0]) / 2), 0));
    expect(channelMean([f32(1), f32(2), f32(6)], 1)).toEqual(f32(3));
  });
});

describe("CappedMono", () => {
  it("joins chunks, counts the whole duration and keeps at most maxSeconds", () => {
    const mono = new CappedMono(0.5);
    mono.push([f32(1, 2, 3), f32(3, 4, 5)], 8);
    mono.push([f32(5, 6), f32(7, 8)], 8);
    mono.push([f32(9), f32(9)], 8);
    const r = mono.result();
    expect(r.samples).toEqual(f32(2, 3, 4, 6)); // ceil(0.5 s * 8 Hz) = 4 frames
    expect(r.durationS).toBe(6 / 8);
    expect(r.sampleRate).toBe(8);
    expect(r.channels).toBe(2);
  });

  it("keeps only the first sample rate's audio when the rate changes, counting the rest as duration", () => {
    const mono = new CappedMono(100);
    mono.push([f32(1, 1)], 4);
    mono.push([f32(2, 2, 2, 2)], 8);
    mono.push([f32(3)], 4);
    const r = mono.result();
    expect(r.samples).toEqual(f32(1, 1, 3));
    expect(r.durationS).toBe(2 / 4 + 4 / 8 + 1 / 4);
  });

  it("ignores empty chunks and chunks without a rate, and is empty when nothing came", () => {
    const mono = new CappedMono(1);
    mono.push([], 0);
    mono.push([new Float32Array(0)], 44100);
    mono.push([f32(1)], 0);
    expect(mono.result()).toEqual({ samples: new Float32Array(0), sampleRate: 0, durationS: 0, channels: 0 });
  });
});
