import { describe, expect, it } from "vitest";
import { WaveFile } from "wavefile";
import { encodeWav16 } from "./wav-encoder.js";

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

describe("encodeWav16", () => {
  it("writes a canonical 44-byte PCM header", () => {
    const wav = new Uint8Array(encodeWav16(new Float32Array(10), 16000));
    const view = new DataView(wav.buffer);
    expect(wav.length).toBe(44 + 20);
    expect(ascii(wav, 0, 4)).toBe("RIFF");
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
    expect(ascii(wav, 8, 16)).toBe("WAVEfmt ");
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getUint32(28, true)).toBe(32000);
    expect(view.getUint16(32, true)).toBe(2);
    expect(view.getUint16(34, true)).toBe(16);
    expect(ascii(wav, 36, 40)).toBe("data");
    expect(view.getUint32(40, true)).toBe(20);
  });

  it("round-trips samples on the int16 grid exactly, read back by an independent decoder", () => {
    const ints = [0, 1, -1, 12345, -12345, 32767, -32768];
    const samples = Float32Array.from(ints, (n) => n / 32768);
    const decoded = new WaveFile(new Uint8Array(encodeWav16(samples, 22050)));
    expect(decoded.fmt).toMatchObject({ sampleRate: 22050, numChannels: 1, bitsPerSample: 16 });
    expect(Array.from(decoded.getSamples(false, Int16Array) as unknown as Int16Array)).toEqual(ints);
  });

  it("clips out-of-range samples and writes NaN as silence", () => {
    const wav = encodeWav16(Float32Array.of(1, 1.5, -1, -7, Number.NaN), 16000);
    expect(Array.from(new Int16Array(wav, 44))).toEqual([32767, 32767, -32768, -32768, 0]);
  });

  it("refuses a sample rate that no WAV header can carry", () => {
    expect(() => encodeWav16(new Float32Array(1), 0)).toThrow(RangeError);
    expect(() => encodeWav16(new Float32Array(1), 16000.5)).toThrow(RangeError);
  });
});
