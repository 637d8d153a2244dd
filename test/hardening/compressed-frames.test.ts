import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { MPEGDecoder } from "mpg123-decoder";
import { OggOpusDecoder } from "ogg-opus-decoder";
import { describe, expect, it } from "vitest";
import { mp3Frames, oggCrc, oggOpusStream, withId3Tag } from "./compressed-frames";

describe("hand-built compressed streams are what real decoders accept", () => {
  it("MP3: every frame decodes to 1152 samples of silence at 44.1 kHz, with or without an ID3 tag", async () => {
    for (const stream of [mp3Frames(20), withId3Tag(mp3Frames(20))]) {
      const decoder = new MPEGDecoder();
      await decoder.ready;
      const decoded = decoder.decode(stream);
      decoder.free();
      expect(decoded.errors).toEqual([]);
      expect(decoded.sampleRate).toBe(44100);
      // mpg123 holds back the last frame until it sees the next header.
      expect(decoded.samplesDecoded).toBeGreaterThanOrEqual(19 * 1152);
      expect(decoded.channelData[0]?.every((x) => x === 0)).toBe(true);
    }
  });

  it("Ogg Opus: the pages pass the CRC check and decode to 20 ms of silence each", async () => {
    const decoder = new OggOpusDecoder();
    await decoder.ready;
    const decoded = await decoder.decodeFile(oggOpusStream(10));
    decoder.free();
    expect(decoded.errors).toEqual([]);
    expect(decoded.sampleRate).toBe(48000);
    expect(decoded.samplesDecoded).toBe(10 * 960 - 312);
    expect(decoded.channelData[0]?.every((x) => Math.abs(x) < 1e-6)).toBe(true);
  });

  it("Ogg: the page checksum is Ogg's (it reproduces every page CRC of a real encoder's file)", () => {
    const file = new Uint8Array(readFileSync(resolve(import.meta.dirname, "../../scripts/cli/fixtures/noise.opus")));
    let pages = 0;
    for (let at = 0; at < file.length; pages++) {
      const segments = file[at + 26] ?? 0;
      const body = file.subarray(at + 27, at + 27 + segments).reduce((sum, lacing) => sum + lacing, 0);
      const page = file.slice(at, at + 27 + segments + body);
      const stored = new DataView(page.buffer).getUint32(22, true);
      page.fill(0, 22, 26);
      expect(oggCrc(page)).toBe(stored);
      at += page.length;
    }
    expect(pages).toBeGreaterThan(2);
  });
});
