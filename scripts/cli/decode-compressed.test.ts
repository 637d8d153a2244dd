import { afterAll, describe, expect, it } from "vitest";
import { resample } from "../../src/audio/resample";
import { decodeWav } from "../../src/audio/wav";
import { type CompressedFormat, decodeCompressed, rescaleFlacSamples } from "./decode-compressed";
import { FileError } from "./file-error";
import { completeOggPagesLength } from "./ogg-pages";
import { encodeWithFfmpeg, type Encoding, ENCODINGS, ffmpegEncoders, noise, removeTempDirs, TONE, wavBytes } from "./test-support";

afterAll(removeTempDirs);

const encoders = ffmpegEncoders();
const RATE = 22050;
const SECONDS = 2;
/** Stereo WAV whose two channels differ (tone left, noise right), so the channel mean is checked too. */
const wav = wavBytes(RATE, TONE(RATE, SECONDS), noise(RATE, SECONDS));
const reference = decodeWav(wav);
const encodedCache = new Map<Encoding, Uint8Array>();
/** The fixture encoded once per format (ffmpeg takes ~100 ms a call). */
function encoded(format: Encoding): Uint8Array {
  if (!encodedCache.has(format)) encodedCache.set(format, encodeWithFfmpeg(wav, format));
  return encodedCache.get(format)!;
}

/** What decoding `bytes` throws (undefined when it decodes). */
const failure = (bytes: Uint8Array, format: CompressedFormat) => decodeCompressed(bytes, format, 600).then(() => undefined, (e: unknown) => e);

/** Normalised correlation of `a` with the part of `b` that starts at `offset`. */
function correlation(a: Float32Array, b: Float32Array, offset: number): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = Math.max(0, -offset); i < a.length && i + offset < b.length; i++) {
    ab += a[i] * b[i + offset];
    aa += a[i] * a[i];
    bb += b[i + offset] * b[i + offset];
  }
  return ab / Math.sqrt(aa * bb);
}

describe.skipIf(!encoders.has(ENCODINGS.flac.encoder))("FLAC", () => {
  it("decodes to exactly the WAV decoder's mono samples (lossless)", async () => {
    const decoded = await decodeCompressed(encoded("flac"), "flac", 600);
    expect(decoded.samples).toEqual(reference.samples);
    expect(decoded.sampleRate).toBe(RATE);
    expect(decoded.durationS).toBe(SECONDS);
    expect(decoded.input).toEqual({ sample_rate: RATE, channels: 2, bit_depth: 16, format: "flac" });
    expect(decoded.decodeErrors).toBe(0);
  });

  it("keeps at most maxSeconds but reports the whole duration", async () => {
    const decoded = await decodeCompressed(encoded("flac"), "flac", 0.5);
    expect(decoded.samples).toEqual(reference.samples.subarray(0, RATE / 2));
    expect(decoded.durationS).toBe(SECONDS);
  });
});

describe("rescaleFlacSamples", () => {
  it("turns the FLAC decoder's code / (2^(b-1) - 1) into code / 2^(b-1) exactly, up to 24 bits", () => {
    for (const bits of [8, 16, 24]) {
      const full = 2 ** (bits - 1);
      const codes = [-full, -full + 1, -1, 0, 1, 12345 % full, full - 1];
      const channel = Float32Array.from(codes, (c) => c / (full - 1));
      rescaleFlacSamples([channel], bits);
      expect(Array.from(channel)).toEqual(codes.map((c) => c / full));
    }
  });
});

describe.each(["mp3", "ogg-vorbis", "ogg-opus"] as const)("lossy %s", (format) => {
  it.skipIf(!encoders.has(ENCODINGS[format].encoder))("decodes close to the original mono signal", async () => {
    const decoded = await decodeCompressed(encoded(format), format, 600);
    expect(decoded.durationS).toBeCloseTo(SECONDS, 2);
    expect(decoded.sampleRate).toBe(format === "ogg-opus" ? 48000 : RATE); // Opus always decodes at 48 kHz
    expect(decoded.input.channels).toBe(2);
    expect(decoded.input.bit_depth).toBe(0);
    // Encoders may delay the signal by a few hundred samples; the best lag must match well.
    const original = resample(reference.samples, RATE, decoded.sampleRate);
    const start = original.length / 4;
    const window = original.subarray(start, start + 8000);
    let best = -1;
    for (let lag = -1200; lag <= 1200; lag++) best = Math.max(best, correlation(window, decoded.samples, start + lag));
    expect(best).toBeGreaterThan(0.9);
  });

  it.skipIf(!encoders.has(ENCODINGS[format].encoder))("decodes a truncated file to less audio, never more", async () => {
    const whole = encoded(format);
    const full = await decodeCompressed(whole, format, 600);
    for (const fraction of [0.3, 0.6, 0.9]) {
      const cut = whole.subarray(0, Math.floor(whole.length * fraction));
      const part = await decodeCompressed(cut, format, 600).catch((e: unknown) => e);
      if (part instanceof FileError) expect(part.code).toBe("decode_failed");
      else expect((part as typeof full).durationS).toBeLessThanOrEqual(full.durationS * fraction + 0.1);
    }
  });

  it.skipIf(!encoders.has(ENCODINGS[format].encoder))("fails with decode_failed on a header followed by garbage", async () => {
    const whole = encoded(format);
    const headerEnd = format === "mp3" ? 4 : completeOggPagesLength(whole.subarray(0, 200)) || 58;
    const garbage = Uint8Array.from(whole);
    garbage.set(noise(8000, 1).map((v) => (v + 0.5) * 255).subarray(0, garbage.length - headerEnd).map(Math.floor), headerEnd);
    const result = await decodeCompressed(garbage, format, 600).catch((e: unknown) => e);
    // Some decoders conceal damage and return a little audio; either way nothing near the original length.
    if (result instanceof FileError) expect(result.code).toBe("decode_failed");
    else expect((result as { durationS: number }).durationS).toBeLessThan(SECONDS);
  });
});

describe("undecodable bytes", () => {
  it.each(["flac", "mp3", "ogg-vorbis", "ogg-opus"] as const)("%s: text, random bytes and a bare magic number fail with decode_failed", async (format) => {
    const magic = { flac: "fLaC", mp3: "\xff\xfb\x90\x64", "ogg-vorbis": "OggS", "ogg-opus": "OggS" }[format];
    const inputs = [
      new TextEncoder().encode("not audio at all\n".repeat(50)),
      Uint8Array.from(noise(8000, 0.5), (v) => Math.floor((v + 0.5) * 255)),
      Uint8Array.from([...magic].map((c) => c.charCodeAt(0))),
    ];
    for (const bytes of inputs) {
      const e = await failure(bytes, format);
      expect(e).toBeInstanceOf(FileError);
      expect(e).toMatchObject({ code: "decode_failed", message: expect.stringMatching(/decoder (found no audio|failed)/) });
    }
  });
});
