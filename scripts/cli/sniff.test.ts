import { describe, expect, it } from "vitest";
import { id3v2End, isMpegAudioFrameHeader, sniffFormat } from "./sniff";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** An Ogg page header with one segment, followed by the start of its first packet. */
const oggFirstPage = (packet: string) => bytes("OggS", [0, 2], new Array(20).fill(0), [1, packet.length], packet);
/** ID3v2.4 header declaring `size` bytes of tag body (synchsafe), then the body. */
const id3 = (size: number, flags = 0) =>
  bytes("ID3", [4, 0, flags, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f], new Array(size).fill(0));
const MP3_FRAME = [0xff, 0xfb, 0x90, 0x64]; // MPEG-1 layer III, 128 kb/s, 44.1 kHz

describe("sniffFormat", () => {
  it("knows each supported format from its magic number", () => {
    expect(sniffFormat(bytes("RIFF", [0, 0, 0, 0], "WAVE"))).toEqual({ format: "wav", offset: 0 });
    expect(sniffFormat(bytes("RIFX....WAVE")).format).toBe("wav");
    expect(sniffFormat(bytes("RF64....WAVE")).format).toBe("wav");
    expect(sniffFormat(bytes("fLaC", [0, 0, 0, 34]))).toEqual({ format: "flac", offset: 0 });
    expect(sniffFormat(bytes(MP3_FRAME))).toEqual({ format: "mp3", offset: 0 });
    expect(sniffFormat(oggFirstPage("OpusHead"))).toEqual({ format: "ogg-opus", offset: 0 });
    expect(sniffFormat(oggFirstPage("\x01vorbis"))).toEqual({ format: "ogg-vorbis", offset: 0 });
  });

  it("skips ID3v2 tags (with footer, two in a row) and reports where the audio starts", () => {
    expect(sniffFormat(bytes([...id3(20)], MP3_FRAME))).toEqual({ format: "mp3", offset: 30 });
    expect(sniffFormat(bytes([...id3(5, 0x10)], new Array(10).fill(0), "fLaC"))).toEqual({ format: "flac", offset: 25 });
    expect(sniffFormat(bytes([...id3(3)], [...id3(4)], MP3_FRAME))).toEqual({ format: "mp3", offset: 27 });
  });

  it("names what an unsupported file looks like", () => {
    const message = (b: Uint8Array) => {
      const s = sniffFormat(b);
      return s.format === undefined ? s.message : `decoded as ${s.format}`;
    };
    expect(message(bytes("%PDF-1.7"))).toMatch(/^Unsupported format: This looks like a PDF document.*reads WAV, FLAC, MP3/);
    expect(message(bytes("hello\n"))).toMatch(/a text file/);
    expect(message(bytes([0xff, 0xf1, 0x50, 0x80]))).toMatch(/AAC/);
    expect(message(oggFirstPage("\x7fFLAC"))).toMatch(/an Ogg file holding FLAC/);
    expect(message(oggFirstPage("Speex   "))).toMatch(/an Ogg file holding Speex/);
    expect(message(bytes("OggS"))).toMatch(/an Ogg file holding an unknown codec/);
    expect(message(id3(10))).toMatch(/an ID3 tag followed by audio of no known format/);
    expect(message(new Uint8Array(0))).toMatch(/^Unsupported format/);
  });
});

describe("isMpegAudioFrameHeader", () => {
  it("accepts MPEG 1, 2 and 2.5 layers I-III and refuses reserved fields", () => {
    expect(isMpegAudioFrameHeader(Uint8Array.from(MP3_FRAME))).toBe(true);
    expect(isMpegAudioFrameHeader(Uint8Array.from([0xff, 0xf3, 0x48, 0xc4]))).toBe(true); // MPEG-2 layer III
    expect(isMpegAudioFrameHeader(Uint8Array.from([0xff, 0xe3, 0x18, 0xc4]))).toBe(true); // MPEG-2.5 layer III
    expect(isMpegAudioFrameHeader(Uint8Array.from([0xff, 0xeb, 0x90, 0x64]))).toBe(false); // version 01 reserved
    expect(isMpegAudioFrameHeader(Uint8Array.from([0xff, 0xf9, 0x90, 0x64]))).toBe(false); // layer 00 (AAC)
    expect(isMpegAudioFrameHeader(Uint8Array.from([0xff, 0xfb, 0xf0, 0x64]))).toBe(false); // bit rate 1111
    expect(isMpegAudioFrameHeader(Uint8Array.from([0xff, 0xfb, 0x9c, 0x64]))).toBe(false); // sample rate 11
    expect(isMpegAudioFrameHeader(Uint8Array.from([0xff, 0xfb, 0x90, 0x66]))).toBe(false); // emphasis 10
    expect(isMpegAudioFrameHeader(Uint8Array.from([0xff, 0xfb, 0x90]))).toBe(false);
  });
});

describe("id3v2End", () => {
  it("reads the synchsafe size and refuses a size byte with its high bit set", () => {
    expect(id3v2End(id3(200), 0)).toBe(210);
    const bad = id3(0);
    bad[9] = 0x80;
    expect(id3v2End(bad, 0)).toBeUndefined();
    expect(id3v2End(bytes("ID3"), 0)).toBeUndefined();
  });
});
