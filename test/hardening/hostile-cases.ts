/**
 * The malformed-input corpus of issue 6 as a table: each case is a named upload and the answer the API promises
 * for it (status and stable problem code, or 200 for the valid controls beside them). The expectations are written
 * from the WAV format and the API contract (src/api/problem-codes.ts), never read back from the decoder, so a
 * decoder that changes its mind fails the tests that use this table:
 * test/worker/hardening.test.ts (through the Worker in workerd), test/hardening/hostile-detector.test.ts (the real
 * detector in Node, with its CPU time) and scripts/hostile-corpus.ts (the same cases as files).
 *
 * Pure (no Node or Worker API): the bytes are built on demand by each case, the largest being 14.4 MB.
 */
import type { ProblemCode } from "../../src/api/problem-codes";
import {
  FORMAT_TAG,
  type FmtFields,
  buildWav,
  chunk,
  encodeInterleaved,
  fmtChunk,
  riffFile,
  subFormatGuid,
  type Chunk,
  type SampleEncoding,
} from "../../src/audio/testing/wav-builder";
import { syntheticVoice } from "../../scripts/synthetic-voice";
import { mp3Frames, oggOpusStream, withId3Tag } from "./compressed-frames";

export interface Expected {
  status: number;
  /** The problem's `code`; null for a 200 analysis. */
  code: ProblemCode | null;
}

export interface HostileCase {
  name: string;
  /** The line of issue 6 the case belongs to. */
  group: string;
  bytes(): Uint8Array;
  /** Sent as multipart/form-data under this file name; otherwise as the raw body with Content-Type audio/wav. */
  fileName?: string;
  expected: Expected;
}

const OK: Expected = { status: 200, code: null };
const fail = (status: number, code: ProblemCode): Expected => ({ status, code });

const RATE = 16000;
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

/** Integer codes of the synthetic voice at full scale for `bitDepth`-bit PCM. */
function voiceCodes(seconds: number, sampleRate = RATE, bitDepth = 16): Int32Array {
  const full = 2 ** (bitDepth - 1) - 1;
  return Int32Array.from(syntheticVoice(Math.round(seconds * sampleRate), sampleRate), (x) => Math.round(x * full));
}

function voiceWav(seconds: number, options: { sampleRate?: number; bitDepth?: number; channels?: number } = {}) {
  const { sampleRate = RATE, bitDepth = 16, channels = 1 } = options;
  const codes = voiceCodes(seconds, sampleRate, bitDepth);
  return buildWav({ sampleRate, encoding: "pcm", bitDepth, channels: Array.from({ length: channels }, () => codes) });
}

/** A `data` chunk of voice samples in the given encoding (floats for float, codes for PCM). */
function voiceData(seconds: number, encoding: SampleEncoding, bitDepth: number, sampleRate = RATE): Uint8Array {
  const voice = syntheticVoice(Math.round(seconds * sampleRate), sampleRate);
  if (encoding === "float") return encodeInterleaved([voice], "float", bitDepth);
  if (encoding === "pcm") return encodeInterleaved([voiceCodes(seconds, sampleRate, bitDepth)], "pcm", bitDepth);
  // G.711: the sign bit and a mid-scale magnitude follow the voice; loud enough, and not silence.
  const codes = Array.from(voice, (x) => (x >= 0 ? 0xa0 : 0x20));
  return encodeInterleaved([codes], encoding, 8);
}

const pcm16 = (fields: Partial<FmtFields> = {}): Chunk =>
  fmtChunk({ formatTag: FORMAT_TAG.pcm, channels: 1, sampleRate: RATE, bitsPerSample: 16, ...fields });

/** A 16-bit mono file with this fmt and `seconds` of voice. */
const withFmt = (fmt: Chunk, seconds = 1) => riffFile([fmt, chunk("data", voiceData(seconds, "pcm", 16))]);

// ---------------------------------------------------------------------------------------------------------------
// Truncation at every chunk boundary

/** fmt, an odd-sized LIST (with its pad byte), 1 s of voice, a trailing chunk. */
const LAYERED_CHUNKS = (): Chunk[] => [
  pcm16(),
  chunk("LIST", ascii("INFOISFTab\0")),
  chunk("data", voiceData(1, "pcm", 16)),
  chunk("id3 ", ascii("tagged")),
];

interface ChunkSpan {
  id: string;
  /** Header start, body end (without the pad byte) and the next chunk's start. */
  start: number;
  bodyEnd: number;
  next: number;
}

function chunkSpans(chunks: readonly Chunk[]): ChunkSpan[] {
  let start = 12;
  return chunks.map((c) => {
    const bodyEnd = start + 8 + c.body.length;
    const span = { id: c.id, start, bodyEnd, next: bodyEnd + (c.body.length % 2) };
    start = span.next;
    return span;
  });
}

/**
 * What a file cut after `cut` bytes is, by the format: nothing, not even a RIFF id, a RIFF header cut short, a cut
 * inside a chunk (header or body), or a cut between chunks before `data` is complete (so fmt or data is missing).
 * A cut after the data chunk leaves a valid file: a decoder stops walking once it has fmt and data.
 */
function expectedAfterCut(cut: number, spans: readonly ChunkSpan[]): Expected {
  const dataEnd = spans.find((s) => s.id === "data")?.bodyEnd ?? Infinity;
  if (cut === 0) return fail(415, "empty_input");
  if (cut < 4) return fail(415, "not_wav");
  if (cut < 12) return fail(400, "truncated");
  if (cut >= dataEnd) return OK;
  const insideAChunk = spans.some((s) => cut > s.start && cut < s.bodyEnd);
  return insideAChunk ? fail(400, "truncated") : fail(400, "malformed_header");
}

function truncationCases(): HostileCase[] {
  const chunks = LAYERED_CHUNKS();
  const spans = chunkSpans(chunks);
  const cuts = new Set([0, 2, 4, 8, 12]);
  for (const s of spans) {
    for (const cut of [s.start, s.start + 4, s.start + 8, Math.floor((s.start + 8 + s.bodyEnd) / 2), s.bodyEnd, s.next]) {
      cuts.add(cut);
    }
  }
  const whole = () => riffFile(LAYERED_CHUNKS());
  return [...cuts]
    .sort((a, b) => a - b)
    .map((cut) => {
      const where = spans.find((s) => cut >= s.start && cut < s.next);
      const at = where ? `${where.id.trim()} chunk + ${cut - where.start}` : cut < 12 ? "RIFF header" : "end of file";
      return {
        name: `cut after ${cut} bytes (${at})`,
        group: "truncated at every chunk boundary",
        bytes: () => whole().subarray(0, cut),
        expected: expectedAfterCut(cut, spans),
      };
    });
}

// ---------------------------------------------------------------------------------------------------------------

const LIES = "chunk sizes that lie";
const CHANNELS = "channel counts";
const RATES = "sample rates";
const DEPTHS = "bit depths";
const EXTENSIBLE = "WAVE_FORMAT_EXTENSIBLE";
const FLOATS = "NaN and infinite floats";
const FLOODS = "chunk floods";
const NOT_WAV = "not a WAV file";
const SIZES = "sizes: nothing, one sample, one hour";

const dataChunk = (seconds = 1, options: Omit<Chunk, "id" | "body"> = {}) =>
  chunk("data", voiceData(seconds, "pcm", 16), options);

const CASES: HostileCase[] = [
  // Sizes
  { name: "zero bytes", group: SIZES, bytes: () => new Uint8Array(0), expected: fail(415, "empty_input") },
  { name: "one byte", group: SIZES, bytes: () => new Uint8Array([0x52]), expected: fail(415, "not_wav") },
  {
    name: "a data chunk of 0 bytes",
    group: SIZES,
    bytes: () => riffFile([pcm16(), chunk("data", new Uint8Array(0))]),
    expected: fail(400, "no_samples"),
  },
  {
    name: "a data chunk of 1 byte (half a 16-bit frame)",
    group: SIZES,
    bytes: () => riffFile([pcm16(), chunk("data", new Uint8Array([7]))]),
    expected: fail(400, "no_samples"),
  },
  {
    name: "one sample of sound",
    group: SIZES,
    bytes: () => riffFile([pcm16(), chunk("data", encodeInterleaved([[12000]], "pcm", 16))]),
    expected: fail(422, "too_short"),
  },
  {
    name: "one sample of silence",
    group: SIZES,
    bytes: () => riffFile([pcm16(), chunk("data", new Uint8Array(2))]),
    expected: fail(422, "silent_audio"),
  },
  {
    name: "0.2 s of voice",
    group: SIZES,
    bytes: () => voiceWav(0.2),
    expected: fail(422, "too_short"),
  },
  {
    name: "one hour of mu-law silence at 4 kHz (14.4 MB, analysis capped at MAX_ANALYZED_SECONDS)",
    group: SIZES,
    bytes: () =>
      riffFile([
        fmtChunk({ formatTag: FORMAT_TAG.mulaw, channels: 1, sampleRate: 4000, bitsPerSample: 8 }),
        // 0xFF is mu-law's zero.
        chunk("data", new Uint8Array(3600 * 4000).fill(0xff)),
      ]),
    expected: fail(422, "silent_audio"),
  },
  {
    name: "one hour of 16 kHz audio declared by the data chunk of a 1 KB file",
    group: SIZES,
    bytes: () => riffFile([pcm16(), chunk("data", new Uint8Array(1000), { declaredSize: 3600 * RATE * 2 })]),
    expected: fail(400, "truncated"),
  },

  // Chunk sizes that lie
  {
    name: "data claims 4 GiB (0xFFFFFFFF) on a 1 KB file",
    group: LIES,
    bytes: () => riffFile([pcm16(), chunk("data", new Uint8Array(1000), { declaredSize: 0xffffffff })]),
    expected: fail(400, "truncated"),
  },
  {
    name: "data claims 2 bytes more than the file holds",
    group: LIES,
    bytes: () => riffFile([pcm16(), dataChunk(1, { declaredSize: 32002 })]),
    expected: fail(400, "truncated"),
  },
  {
    name: "data claims half of its 2 s (the rest is ignored)",
    group: LIES,
    bytes: () => riffFile([pcm16(), dataChunk(2, { declaredSize: 32000 })]),
    expected: OK,
  },
  {
    name: "data claims 3 bytes (one frame and a half) of its 1 s",
    group: LIES,
    bytes: () => riffFile([pcm16(), dataChunk(1, { declaredSize: 3 })]),
    expected: fail(422, "too_short"),
  },
  {
    name: "fmt claims 14 bytes of its 16 (the walk lands inside the data header)",
    group: LIES,
    bytes: () => riffFile([{ ...pcm16(), declaredSize: 14 }, dataChunk()]),
    expected: fail(400, "truncated"),
  },
  {
    name: "fmt of 14 bytes (WAVEFORMAT without bits per sample)",
    group: LIES,
    bytes: () => riffFile([chunk("fmt ", pcm16().body.subarray(0, 14)), dataChunk()]),
    expected: fail(400, "malformed_header"),
  },
  {
    name: "fmt claims to hold the data chunk too",
    group: LIES,
    bytes: () => riffFile([{ ...pcm16(), declaredSize: 16 + 8 + 32000 }, dataChunk()]),
    expected: fail(400, "malformed_header"),
  },
  {
    name: "fmt claims more than the file holds",
    group: LIES,
    bytes: () => riffFile([{ ...pcm16(), declaredSize: 1 << 20 }, dataChunk()]),
    expected: fail(400, "truncated"),
  },
  {
    name: "LIST claims more than the file holds",
    group: LIES,
    bytes: () => riffFile([pcm16(), chunk("LIST", ascii("INFOISFTab\0"), { declaredSize: 0x7fffffff }), dataChunk()]),
    expected: fail(400, "truncated"),
  },
  {
    name: 'LIST claims 0 of its 11 bytes (the walk reads "INFO" as an id and "ISFT" as a size)',
    group: LIES,
    bytes: () => riffFile([pcm16(), chunk("LIST", ascii("INFOISFTab\0"), { declaredSize: 0 }), dataChunk()]),
    expected: fail(400, "truncated"),
  },
  ...[0, 4, 0xffffffff].map((riffSize) => ({
    name: `RIFF size field ${riffSize} (ignored: the bytes present are the truth)`,
    group: LIES,
    bytes: () => riffFile([pcm16(), dataChunk()], { riffSize }),
    expected: OK,
  })),
  {
    name: "RF64 whose ds64 declares a 4 GiB data chunk on a 1 KB file",
    group: LIES,
    bytes: () => riffFile([pcm16(), chunk("data", new Uint8Array(1000))], { container: "RF64", ds64: { dataSize: 2 ** 32 } }),
    expected: fail(400, "truncated"),
  },
  {
    name: "RF64 whose ds64 declares 2^53 bytes of data",
    group: LIES,
    bytes: () =>
      riffFile([pcm16(), chunk("data", new Uint8Array(1000))], { container: "RF64", ds64: { dataSize: 2 ** 53 } }),
    expected: fail(400, "truncated"),
  },
  {
    name: "RF64 without a ds64 chunk",
    group: LIES,
    bytes: () => {
      const bytes = riffFile([pcm16(), dataChunk()]);
      bytes.set(ascii("RF64"));
      return bytes;
    },
    expected: fail(400, "malformed_header"),
  },
  {
    name: "RF64 whose ds64 table claims 4 billion entries and holds none",
    group: LIES,
    bytes: () => {
      const bytes = riffFile([pcm16(), dataChunk()], { container: "RF64" });
      new DataView(bytes.buffer).setUint32(12 + 8 + 24, 0xffffffff, true);
      return bytes;
    },
    expected: OK,
  },
  {
    name: "RF64 chunk of size 0xFFFFFFFF that the ds64 table does not list",
    group: LIES,
    bytes: () =>
      riffFile([pcm16(), chunk("LIST", ascii("INFO"), { declaredSize: 0xffffffff }), dataChunk()], { container: "RF64" }),
    expected: fail(400, "malformed_header"),
  },
  {
    name: "RIFX (big-endian) file whose fmt is written little-endian",
    group: LIES,
    bytes: () => riffFile([pcm16(), dataChunk()], { container: "RIFX" }),
    expected: fail(415, "unsupported_codec"),
  },

  // Channels
  ...[0, 65, 65535].map((channels) => ({
    name: `${channels} channels`,
    group: CHANNELS,
    bytes: () => withFmt(pcm16({ channels, blockAlign: (channels * 2) & 0xffff })),
    expected: fail(400, "invalid_channels"),
  })),
  {
    name: "64 channels (the most accepted)",
    group: CHANNELS,
    bytes: () => voiceWav(1, { sampleRate: 8000, channels: 64 }),
    expected: OK,
  },

  // Sample rates
  ...[0, 1, 3999, 384001, 4294967295].map((sampleRate) => ({
    name: `${sampleRate} Hz`,
    group: RATES,
    bytes: () => withFmt(pcm16({ sampleRate, byteRate: 0 })),
    expected: fail(400, "invalid_sample_rate"),
  })),
  ...[4000, 384000].map((sampleRate) => ({
    name: `${sampleRate} Hz (a limit of the accepted range)`,
    group: RATES,
    bytes: () => voiceWav(1, { sampleRate }),
    expected: OK,
  })),

  // Bit depths
  ...[0, 7, 12, 33, 64, 65535].map((bitsPerSample) => ({
    name: `${bitsPerSample}-bit integer PCM`,
    group: DEPTHS,
    bytes: () => withFmt(pcm16({ bitsPerSample, blockAlign: Math.ceil(bitsPerSample / 8) & 0xffff })),
    expected: fail(400, "invalid_bit_depth"),
  })),
  ...[16, 24].map((bitsPerSample) => ({
    name: `${bitsPerSample}-bit IEEE float`,
    group: DEPTHS,
    bytes: () => withFmt(pcm16({ formatTag: FORMAT_TAG.float, bitsPerSample, blockAlign: bitsPerSample / 8 })),
    expected: fail(400, "invalid_bit_depth"),
  })),
  {
    name: "16-bit A-law",
    group: DEPTHS,
    bytes: () => withFmt(pcm16({ formatTag: FORMAT_TAG.alaw })),
    expected: fail(400, "invalid_bit_depth"),
  },
  {
    name: "block align 0",
    group: DEPTHS,
    bytes: () => withFmt(pcm16({ blockAlign: 0 })),
    expected: fail(400, "malformed_header"),
  },
  {
    name: "block align 3 for 16-bit mono",
    group: DEPTHS,
    bytes: () => withFmt(pcm16({ blockAlign: 3 })),
    expected: fail(400, "malformed_header"),
  },
  ...(
    [
      ["pcm", 8],
      ["pcm", 24],
      ["pcm", 32],
      ["float", 32],
      ["float", 64],
      ["alaw", 8],
      ["mulaw", 8],
    ] as const
  ).map(([encoding, bitDepth]) => ({
    name: `${bitDepth}-bit ${encoding} (valid)`,
    group: DEPTHS,
    bytes: () =>
      riffFile([
        fmtChunk({ formatTag: FORMAT_TAG[encoding], channels: 1, sampleRate: RATE, bitsPerSample: bitDepth }),
        chunk("data", voiceData(1, encoding, bitDepth)),
      ]),
    expected: OK,
  })),

  // WAVE_FORMAT_EXTENSIBLE
  ...(
    [
      ["float", 32, 32],
      ["float", 64, 64],
      ["pcm", 16, 12],
      ["pcm", 24, 20],
      ["pcm", 32, 0],
    ] as const
  ).map(([encoding, bitDepth, validBits]) => ({
    name: `extensible ${encoding} ${bitDepth}-bit, ${validBits || "all"} valid bits (valid)`,
    group: EXTENSIBLE,
    bytes: () =>
      riffFile([
        fmtChunk({
          formatTag: FORMAT_TAG.extensible,
          subFormat: FORMAT_TAG[encoding],
          channels: 1,
          sampleRate: RATE,
          bitsPerSample: bitDepth,
          validBitsPerSample: validBits,
        }),
        chunk("data", voiceData(1, encoding, bitDepth)),
      ]),
    expected: OK,
  })),
  ...(
    [
      ["float 24-bit", FORMAT_TAG.float, 24, 24, fail(400, "invalid_bit_depth")],
      ["integer 64-bit", FORMAT_TAG.pcm, 64, 64, fail(400, "invalid_bit_depth")],
      ["integer 32-bit with 33 valid bits", FORMAT_TAG.pcm, 32, 33, fail(400, "invalid_bit_depth")],
      ["MPEG Layer 3 sub-format", 0x55, 16, 16, fail(415, "unsupported_codec")],
      ["extensible sub-format inside extensible", FORMAT_TAG.extensible, 16, 16, fail(415, "unsupported_codec")],
    ] as const
  ).map(([what, subFormat, bitsPerSample, validBitsPerSample, expected]) => ({
    name: `extensible ${what}`,
    group: EXTENSIBLE,
    bytes: () =>
      withFmt(
        fmtChunk({
          formatTag: FORMAT_TAG.extensible,
          subFormat,
          channels: 1,
          sampleRate: RATE,
          bitsPerSample,
          validBitsPerSample,
        }),
      ),
    expected,
  })),
  {
    name: "extensible with an unknown sub-format GUID",
    group: EXTENSIBLE,
    bytes: () => withFmt(pcm16({ formatTag: FORMAT_TAG.extensible, subFormat: ascii("not-a-real-guid!") })),
    expected: fail(415, "unsupported_codec"),
  },
  {
    name: "extensible whose GUID's first field is beyond a format tag (0x00010001)",
    group: EXTENSIBLE,
    bytes: () => withFmt(pcm16({ formatTag: FORMAT_TAG.extensible, subFormat: subFormatGuid(0x00010001) })),
    expected: fail(415, "unsupported_codec"),
  },
  {
    name: "extensible with cbSize 0",
    group: EXTENSIBLE,
    bytes: () => withFmt(pcm16({ formatTag: FORMAT_TAG.extensible, subFormat: FORMAT_TAG.pcm, cbSize: 0 })),
    expected: fail(400, "malformed_header"),
  },
  {
    name: "extensible fmt cut to 18 bytes",
    group: EXTENSIBLE,
    bytes: () => withFmt(chunk("fmt ", pcm16({ formatTag: FORMAT_TAG.extensible, subFormat: 1 }).body.subarray(0, 18))),
    expected: fail(400, "malformed_header"),
  },

  // NaN and infinite floats
  ...(
    [
      ["NaN", 32, Number.NaN, false],
      ["+Infinity", 32, Number.POSITIVE_INFINITY, false],
      ["-Infinity", 32, Number.NEGATIVE_INFINITY, false],
      ["NaN", 64, Number.NaN, false],
      ["1e300 (infinite as float32)", 64, 1e300, false],
      ["NaN in extensible float", 32, Number.NaN, true],
    ] as const
  ).map(([what, bitDepth, value, extensible]) => ({
    name: `${bitDepth}-bit float with ${what} in the middle of voice`,
    group: FLOATS,
    bytes: () => {
      const voice = Array.from(syntheticVoice(RATE, RATE));
      voice[RATE / 2] = value;
      return buildWav({
        sampleRate: RATE,
        encoding: "float",
        bitDepth,
        channels: [voice],
        extensible: extensible ? {} : undefined,
      });
    },
    expected: fail(400, "non_finite_samples"),
  })),
  {
    name: "32-bit float of denormals only (-745 dBFS)",
    group: FLOATS,
    bytes: () => buildWav({ sampleRate: RATE, encoding: "float", bitDepth: 32, channels: [new Float32Array(RATE).fill(1e-40)] }),
    expected: fail(422, "silent_audio"),
  },

  // Chunk floods
  {
    name: "100,000 empty chunks before fmt",
    group: FLOODS,
    bytes: () => riffFile([...emptyChunks(100_000), pcm16(), dataChunk()]),
    expected: fail(400, "too_many_chunks"),
  },
  {
    name: "100,000 one-byte chunks (with pad bytes) before fmt",
    group: FLOODS,
    bytes: () => riffFile([...Array.from({ length: 100_000 }, () => chunk("junk", new Uint8Array(1))), pcm16(), dataChunk()]),
    expected: fail(400, "too_many_chunks"),
  },
  {
    name: "100,000 empty chunks after data (never read)",
    group: FLOODS,
    bytes: () => riffFile([pcm16(), dataChunk(), ...emptyChunks(100_000)]),
    expected: OK,
  },
  {
    name: "1,000 empty chunks before fmt (under the limit)",
    group: FLOODS,
    bytes: () => riffFile([...emptyChunks(1000), pcm16(), dataChunk()]),
    expected: OK,
  },

  // Not a WAV file
  { name: "1 KB of random bytes", group: NOT_WAV, bytes: () => randomBytes(1024), expected: fail(415, "not_wav") },
  { name: "plain text", group: NOT_WAV, bytes: () => ascii("hello, this is not audio\n"), expected: fail(415, "not_wav") },
  { name: "a JSON document", group: NOT_WAV, bytes: () => ascii('{"file": "clip.wav"}'), expected: fail(415, "not_wav") },
  { name: "an HTML page", group: NOT_WAV, bytes: () => ascii("<!doctype html><script>alert(1)</script>"), expected: fail(415, "not_wav") },
  {
    name: "a RIFF AVI file",
    group: NOT_WAV,
    bytes: () => riffFile([chunk("hdrl", new Uint8Array(16))], { formType: "AVI " }),
    expected: fail(415, "not_wav"),
  },
  {
    name: "a RIFF WEBP image",
    group: NOT_WAV,
    bytes: () => riffFile([chunk("VP8 ", new Uint8Array(16))], { formType: "WEBP" }),
    expected: fail(415, "not_wav"),
  },
  {
    name: "a BW64 file",
    group: NOT_WAV,
    bytes: () => {
      const bytes = voiceWav(1);
      bytes.set(ascii("BW64"));
      return bytes;
    },
    expected: fail(415, "not_wav"),
  },
  { name: "a FLAC stream header", group: NOT_WAV, bytes: () => ascii("fLaC\0\0\0\x22"), expected: fail(415, "not_wav") },
  {
    name: "an AIFF header",
    group: NOT_WAV,
    bytes: () => ascii("FORM\0\0\0\x04AIFFCOMM"),
    expected: fail(415, "not_wav"),
  },
  { name: "MP3 frames", group: NOT_WAV, bytes: () => mp3Frames(40), expected: fail(415, "not_wav") },
  {
    name: "an MP3 with an ID3 tag renamed clip.wav",
    group: NOT_WAV,
    bytes: () => withId3Tag(mp3Frames(40)),
    fileName: "clip.wav",
    expected: fail(415, "not_wav"),
  },
  {
    name: "an Ogg Opus file renamed clip.wav",
    group: NOT_WAV,
    bytes: () => oggOpusStream(50),
    fileName: "clip.wav",
    expected: fail(415, "not_wav"),
  },
  ...(
    [
      ["MPEG Layer 3", 0x0055],
      ["GSM 6.10", 0x0031],
      ["IMA ADPCM", 0x0011],
      ["MS ADPCM", 0x0002],
      ["format tag 0", 0x0000],
      ["format tag 0xBEEF", 0xbeef],
    ] as const
  ).map(([what, formatTag]) => ({
    name: `a WAV whose codec is ${what}`,
    group: NOT_WAV,
    bytes: () => riffFile([pcm16({ formatTag, bitsPerSample: 4, blockAlign: 256 }), chunk("data", mp3Frames(4))]),
    expected: fail(415, "unsupported_codec"),
  })),

  // Valid controls of other shapes
  {
    name: "RIFX (big-endian) 16-bit (valid)",
    group: LIES,
    bytes: () => buildWav({ sampleRate: RATE, encoding: "pcm", bitDepth: 16, channels: [voiceCodes(1)], container: "RIFX" }),
    expected: OK,
  },
  {
    name: "RF64 16-bit (valid)",
    group: LIES,
    bytes: () => buildWav({ sampleRate: RATE, encoding: "pcm", bitDepth: 16, channels: [voiceCodes(1)], container: "RF64" }),
    expected: OK,
  },
];

function emptyChunks(count: number): Chunk[] {
  const empty = chunk("junk", new Uint8Array(0));
  return Array.from({ length: count }, () => empty);
}

/** Seeded noise (a linear congruential generator), its first byte kept off "R" so it can never start a RIFF id. */
function randomBytes(length: number): Uint8Array {
  let state = 0x9e3779b9;
  const bytes = Uint8Array.from({ length }, () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) >>> 24);
  bytes[0] = 0x00;
  return bytes;
}

/** Every case, truncations first. Names are unique. */
export const HOSTILE_CASES: readonly HostileCase[] = [...truncationCases(), ...CASES];
