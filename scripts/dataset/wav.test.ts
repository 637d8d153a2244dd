import { describe, expect, it } from "vitest";
import { decodeWav, encodeWav16, fromS16le, fromUnsigned8, toS16le } from "./wav";

describe("wav", () => {
  it("round-trips 16-bit mono to within one quantisation step", () => {
    const samples = Float32Array.from({ length: 100 }, (_, i) => Math.sin(i / 5) * 0.9);
    const clip = decodeWav(encodeWav16({ sampleRate: 16000, samples }));
    expect(clip.sampleRate).toBe(16000);
    for (let i = 0; i < samples.length; i++) expect(Math.abs(clip.samples[i] - samples[i])).toBeLessThan(1 / 32768 + 1e-9);
  });
  it("averages stereo and reads 8-bit", () => {
    const bytes = encodeWav16({ sampleRate: 8000, samples: new Float32Array(4) });
    const view = new DataView(bytes.buffer);
    view.setUint16(22, 2, true); // pretend two channels: frames (0,0),(0,0)
    expect(decodeWav(bytes).samples).toHaveLength(2);
    expect(fromUnsigned8(Uint8Array.of(0, 128, 255), 22050).samples[0]).toBe(-1);
  });
  it("takes the bytes present when the data size is a streaming placeholder", () => {
    const bytes = encodeWav16({ sampleRate: 16000, samples: new Float32Array(10) });
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    expect(decodeWav(bytes).samples).toHaveLength(10);
  });
  it("rejects non-WAV input and converts raw s16le both ways", () => {
    expect(() => decodeWav(new Uint8Array(44))).toThrow();
    const raw = toS16le(Float32Array.of(0.5, -0.25));
    expect(Array.from(fromS16le(raw, 8000).samples)).toEqual([0.5, -0.25]);
  });
});
