import { existsSync, readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as wavefile from "wavefile";
import { type AudioErrorCode, isAudioError } from "./errors";
import {
  buildWav,
  chunk,
  encodeInterleaved,
  FORMAT_TAG,
  fmtChunk,
  type FmtFields,
  riffFile,
  subFormatGuid,
  type WavSpec,
} from "./testing/wav-builder";
import { decodeWav } from "./wav";

const f32 = (values: ArrayLike<number>) => Float32Array.from(values);

function decodeError(input: Uint8Array | ArrayBuffer, options?: Parameters<typeof decodeWav>[1]) {
  try {
    decodeWav(input, options);
  } catch (e) {
    if (isAudioError(e)) return e;
    throw e;
  }
  throw new Error("decodeWav accepted the input");
}

function expectAudioError(input: Uint8Array | ArrayBuffer, code: AudioErrorCode, message?: RegExp) {
  const error = decodeError(input);
  expect(error.code).toBe(code);
  if (message) expect(error.message).toMatch(message);
}

/** Sun Microsystems' g711.c expansion (formula-based, independent of the table the decoder gets from wavefile). */
function alaw2linear(code: number): number {
  const a = code ^ 0x55;
  let t = (a & 0x0f) << 4;
  const seg = (a & 0x70) >> 4;
  t += seg === 0 ? 8 : 0x108;
  if (seg > 1) t <<= seg - 1;
  return a & 0x80 ? t : -t;
}
function ulaw2linear(code: number): number {
  const u = ~code & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return u & 0x80 ? 0x84 - t : t - 0x84;
}

const mono = (sampleRate: number, rest: Omit<WavSpec, "sampleRate">) => buildWav({ sampleRate, ...rest });
const pcm16 = (values: readonly number[], extra: Partial<WavSpec> = {}) =>
  buildWav({ sampleRate: 16000, encoding: "pcm", bitDepth: 16, channels: [values], ...extra });
const fmt16 = (fields: Partial<FmtFields> = {}) =>
  fmtChunk({ formatTag: FORMAT_TAG.pcm, channels: 1, sampleRate: 16000, bitsPerSample: 16, ...fields });
const twoFrames = () => chunk("data", encodeInterleaved([[1000, -1000]], "pcm", 16));

describe("decodeWav: every supported format round-trips", () => {
  it.each([
    { bitDepth: 8, codes: [-128, -127, -1, 0, 1, 64, 127], fullScale: 128 },
    { bitDepth: 16, codes: [-32768, -32767, -1, 0, 1, 12345, 32767], fullScale: 32768 },
    { bitDepth: 24, codes: [-8388608, -1, 0, 1, 1234567, 8388607], fullScale: 8388608 },
    { bitDepth: 32, codes: [-2147483648, -1, 0, 1, 123456789, 2147483647], fullScale: 2147483648 },
  ])("$bitDepth-bit PCM is int / $fullScale", ({ bitDepth, codes, fullScale }) => {
    for (const extensible of [undefined, { channelMask: 0x4 }]) {
      const wav = decodeWav(mono(22050, { encoding: "pcm", bitDepth, channels: [codes], extensible }));
      expect(wav.samples).toEqual(f32(codes.map((c) => c / fullScale)));
      expect(wav).toMatchObject({ sampleRate: 22050, channels: 1, bitDepth, format: "pcm", container: "RIFF" });
      expect(wav.frames).toBe(codes.length);
    }
  });

  it.each([32, 64])("%i-bit float is read as stored (plain and extensible)", (bitDepth) => {
    const values = [0, 0.1, -0.5, 1.5, -2, 1e-30, 3.4e38];
    for (const extensible of [undefined, { channelMask: 0x3f }]) {
      const wav = decodeWav(mono(48000, { encoding: "float", bitDepth, channels: [values], extensible }));
      expect(wav.samples).toEqual(f32(values));
      expect(wav).toMatchObject({ format: "float", bitDepth });
    }
  });

  it.each([
    { encoding: "alaw" as const, expand: alaw2linear },
    { encoding: "mulaw" as const, expand: ulaw2linear },
  ])("$encoding: all 256 codes expand like G.711 / 32768 (libsndfile's scaling)", ({ encoding, expand }) => {
    const codes = Array.from({ length: 256 }, (_, i) => i);
    for (const extensible of [undefined, {}]) {
      const wav = decodeWav(mono(8000, { encoding, bitDepth: 8, channels: [codes], extensible }));
      expect(wav.samples).toEqual(f32(codes.map((c) => expand(c) / 32768)));
      expect(wav).toMatchObject({ format: encoding, bitDepth: 8 });
    }
  });

  it("spot values of the G.711 tables match libsndfile's alaw_decode/ulaw_decode", () => {
    const expand = (encoding: "alaw" | "mulaw", codes: number[]) =>
      Array.from(decodeWav(mono(8000, { encoding, bitDepth: 8, channels: [codes] })).samples, (v) => v * 32768);
    expect(expand("alaw", [0x00, 0x01, 0x08, 0x2a, 0x40, 0x80, 0xaa])).toEqual([
      -5504, -5248, -7552, -32256, -344, 5504, 32256,
    ]);
    expect(expand("mulaw", [0x00, 0x01, 0x2a, 0x40, 0x80, 0x7f, 0xff])).toEqual([
      -32124, -31100, -5372, -1884, 32124, 0, 0,
    ]);
  });

  it("extensible 20-in-24-bit PCM is scaled by the 24-bit container, like libsndfile", () => {
    const codes = [-8388608, 16, -16, 8388592];
    const wav = decodeWav(
      mono(96000, { encoding: "pcm", bitDepth: 24, channels: [codes], extensible: { validBitsPerSample: 20 } }),
    );
    expect(wav.samples).toEqual(f32(codes.map((c) => c / 8388608)));
  });

  it("downmixes any channel count by the float32 mean over channels", () => {
    const left = [32767, -32768, 1, 100];
    const right = [32767, 32767, -2, 101];
    const stereo = decodeWav(mono(44100, { encoding: "pcm", bitDepth: 16, channels: [left, right] }));
    expect(stereo.samples).toEqual(f32(left.map((l, i) => (l / 32768 + right[i] / 32768) / 2)));
    expect(stereo.channels).toBe(2);

    const six = Array.from({ length: 6 }, (_, c) => [c * 1000, -c * 3, 8388607 - c]);
    const surround = decodeWav(
      mono(48000, { encoding: "pcm", bitDepth: 24, channels: six, extensible: { channelMask: 0x3f } }),
    );
    const mean = (i: number) => six.reduce((sum, channel) => sum + channel[i] / 8388608, 0) / 6;
    expect(surround.samples).toEqual(f32([mean(0), mean(1), mean(2)]));
    expect(surround.channels).toBe(6);
  });

  it.each([
    ["24-bit stereo", 24, 2],
    ["8-bit mono", 8, 1],
    ["16-bit mono", 16, 1],
  ] as const)("converts %s block by block with every frame in place across block boundaries", (_, bitDepth, channels) => {
    // Several conversion blocks (65,536 samples: 32,768 stereo frames) and a part: each frame's value tells its
    // index, so a misplaced block shows.
    const frames = 3 * 65536 + 123;
    const full = 2 ** (bitDepth - 1);
    const code = (i: number, c: number) => ((i * 7 + c * 13) % (2 * full - 1)) - (full - 1);
    const data = Array.from({ length: channels }, (_, c) => Int32Array.from({ length: frames }, (_, i) => code(i, c)));
    const wav = decodeWav(mono(48000, { encoding: "pcm", bitDepth, channels: data }));
    const mean = (i: number) => data.reduce((sum, channel) => sum + channel[i] / full, 0) / channels;
    expect(wav.samples.length).toBe(frames);
    for (const i of [0, 32767, 32768, 65535, 65536, 65537, 131071, 131072, 196607, 196608, frames - 1]) {
      expect({ i, value: wav.samples[i] }).toEqual({ i, value: Math.fround(mean(i)) });
    }
    expect(wav.samples).toEqual(Float32Array.from({ length: frames }, (_, i) => mean(i)));
  });

  it("agrees with wavefile where wavefile reads correctly (24-bit stereo, 32-bit float stereo)", () => {
    const { WaveFile } = (wavefile as unknown as { default?: typeof wavefile }).default ?? wavefile;
    const left = Array.from({ length: 50 }, (_, i) => Math.round(8388607 * Math.sin(i)));
    const right = Array.from({ length: 50 }, (_, i) => Math.round(-8388608 * Math.cos(i * 0.3)));
    const bytes = mono(44100, { encoding: "pcm", bitDepth: 24, channels: [left, right] });
    const reference = new WaveFile(bytes).getSamples(false, Float64Array) as unknown as Float64Array[];
    expect(decodeWav(bytes).samples).toEqual(f32(reference[0].map((l, i) => (l + reference[1][i]) / 2 / 8388608)));

    const floats = mono(48000, { encoding: "float", bitDepth: 32, channels: [[0.25, -1], [0.5, 0.75]] });
    const floatReference = new WaveFile(floats).getSamples(false, Float64Array) as unknown as Float64Array[];
    expect(decodeWav(floats).samples).toEqual(f32(floatReference[0].map((l, i) => (l + floatReference[1][i]) / 2)));
  });

  it("reads RF64 (sizes from ds64) and RIFX (big-endian) files", () => {
    const codes = [-8388608, -1, 0, 5, 8388607];
    const expected = f32(codes.map((c) => c / 8388608));
    for (const container of ["RF64", "RIFX"] as const) {
      const wav = decodeWav(mono(32000, { encoding: "pcm", bitDepth: 24, channels: [codes, codes], container }));
      expect(wav.samples).toEqual(expected);
      expect(wav.container).toBe(container);
    }
    const bigEndian = (encoding: "pcm" | "float", bitDepth: number, values: number[]) =>
      decodeWav(mono(16000, { encoding, bitDepth, channels: [values], container: "RIFX" })).samples;
    expect(bigEndian("pcm", 16, [-32768, 258, 32767])).toEqual(f32([-1, 258 / 32768, 32767 / 32768]));
    expect(bigEndian("pcm", 32, [-2147483648, 16909060])).toEqual(f32([-1, 16909060 / 2147483648]));
    expect(bigEndian("float", 32, [0.1, -0.7])).toEqual(f32([0.1, -0.7]));
    expect(bigEndian("float", 64, [0.1, -0.7])).toEqual(f32([0.1, -0.7]));
    const extensibleRifx = buildWav({
      sampleRate: 16000,
      encoding: "float",
      bitDepth: 32,
      channels: [[0.5, -0.25]],
      container: "RIFX",
      extensible: {},
    });
    expect(decodeWav(extensibleRifx).samples).toEqual(f32([0.5, -0.25]));
  });

  it("skips other chunks, honours pad bytes of odd-sized chunks, finds fmt after data", () => {
    const expected = f32([1000 / 32768, -1000 / 32768]);
    const odd = chunk("junk", new Uint8Array([1, 2, 3]));
    const fact = chunk("fact", new Uint8Array(4));
    expect(decodeWav(riffFile([odd, fmt16(), fact, odd, twoFrames()])).samples).toEqual(expected);
    expect(decodeWav(riffFile([twoFrames(), odd, fmt16()])).samples).toEqual(expected);
    // Whatever follows fmt and data is never read, even if it is garbage.
    const tail = riffFile([fmt16(), twoFrames(), chunk("LIST", new Uint8Array(3), { declaredSize: 999999 })]);
    expect(decodeWav(tail).samples).toEqual(expected);
    // A lying RIFF size field is ignored.
    expect(decodeWav(riffFile([fmt16(), twoFrames()], { riffSize: 4 })).samples).toEqual(expected);
  });

  it("accepts an ArrayBuffer and a misaligned view, and ignores a trailing partial frame", () => {
    const bytes = mono(16000, { encoding: "float", bitDepth: 64, channels: [[0.5, -0.5, 0.25]] });
    const expected = f32([0.5, -0.5, 0.25]);
    expect(decodeWav(bytes.slice().buffer).samples).toEqual(expected);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeWav(shifted.subarray(1)).samples).toEqual(expected);

    const partial = riffFile([fmt16({ channels: 2 }), chunk("data", new Uint8Array(4 + 3))]);
    expect(decodeWav(partial).frames).toBe(1);
  });

  it("maxFrames caps the conversion while frames and durationS describe the whole file", () => {
    const values = Array.from({ length: 8000 }, (_, i) => i - 4000);
    const wav = decodeWav(pcm16(values), { maxFrames: 100 });
    expect(wav.samples).toEqual(f32(values.slice(0, 100).map((v) => v / 32768)));
    expect(wav.frames).toBe(8000);
    expect(wav.durationS).toBe(0.5);
    expect(decodeWav(pcm16(values), { maxFrames: 1e9 }).samples.length).toBe(8000);
    expect(() => decodeWav(pcm16(values), { maxFrames: 0 })).toThrow(RangeError);
  });

  it("maxSeconds caps the conversion at the file's own rate; with maxFrames the smaller cap wins", () => {
    const values = Array.from({ length: 8000 }, (_, i) => i - 4000); // 0.5 s at 16 kHz
    expect(decodeWav(pcm16(values), { maxSeconds: 0.1 }).samples.length).toBe(1600);
    expect(decodeWav(pcm16(values), { maxSeconds: 0.1, maxFrames: 50 }).samples.length).toBe(50);
    expect(decodeWav(pcm16(values), { maxSeconds: 600 }).samples.length).toBe(8000);
    expect(() => decodeWav(pcm16(values), { maxSeconds: 0 })).toThrow(RangeError);
  });
});

describe("decodeWav: every kind of bad input is an AudioError with its code", () => {
  it("empty_input", () => {
    expectAudioError(new Uint8Array(0), "empty_input");
    expectAudioError(new ArrayBuffer(0), "empty_input");
  });

  it("not_wav, naming what the bytes look like", () => {
    const bytes = (...parts: (string | number[])[]) =>
      Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));
    expectAudioError(bytes("ID3", [4, 0, 0, 0, 0, 0, 0]), "not_wav", /MP3/);
    expectAudioError(bytes([0xff, 0xfb, 0x90, 0x64, 0, 0]), "not_wav", /MP3/);
    expectAudioError(bytes("OggS", [0, 2, 0, 0]), "not_wav", /Ogg/);
    expectAudioError(bytes("fLaC", [0, 0, 0, 0x22]), "not_wav", /FLAC/);
    expectAudioError(bytes("FORM", [0, 0, 0, 4], "AIFF"), "not_wav", /AIFF/);
    expectAudioError(bytes([0, 0, 0, 0x20], "ftypM4A "), "not_wav", /MP4/);
    expectAudioError(bytes("hello, this is not audio\n"), "not_wav", /text/);
    expectAudioError(bytes([0, 1, 2, 3, 4, 5]), "not_wav", /not a WAV file/);
    expectAudioError(bytes("RIFF", [4, 0, 0, 0], "AVI "), "not_wav", /type "AVI "/);
  });

  it("unsupported_codec, naming the codec", () => {
    const withTag = (formatTag: number, subFormat?: number | Uint8Array) =>
      riffFile([fmt16({ formatTag, bitsPerSample: 4, blockAlign: 256, subFormat }), twoFrames()]);
    expectAudioError(withTag(0x0055), "unsupported_codec", /MPEG Layer 3 \(0x0055\)/);
    expectAudioError(withTag(0x0031), "unsupported_codec", /GSM 6\.10 \(0x0031\)/);
    expectAudioError(withTag(0x0011), "unsupported_codec", /IMA ADPCM \(0x0011\)/);
    expectAudioError(withTag(0x0002), "unsupported_codec", /MS ADPCM \(0x0002\)/);
    expectAudioError(withTag(0x1234), "unsupported_codec", /format 0x1234/);
    expectAudioError(withTag(FORMAT_TAG.extensible, 0x0002), "unsupported_codec", /MS ADPCM.*EXTENSIBLE/);
    const ambisonic = subFormatGuid(1);
    ambisonic.set([0x21, 0x07, 0xd3, 0x11], 4);
    expectAudioError(withTag(FORMAT_TAG.extensible, ambisonic), "unsupported_codec", /unknown sub-format GUID/);
  });

  it("malformed_header", () => {
    const shortFmt = chunk("fmt ", fmt16().body.subarray(0, 14));
    expectAudioError(riffFile([shortFmt, twoFrames()]), "malformed_header", /at least 16/);
    expectAudioError(riffFile([twoFrames()]), "malformed_header", /no fmt/);
    expectAudioError(riffFile([fmt16()]), "malformed_header", /no data/);
    expectAudioError(riffFile([fmt16({ blockAlign: 3 }), twoFrames()]), "malformed_header", /block align/);
    expectAudioError(
      riffFile([fmt16({ formatTag: FORMAT_TAG.extensible, cbSize: 0 }), twoFrames()]),
      "malformed_header",
      /EXTENSIBLE/,
    );
    const rf64 = riffFile([fmt16(), twoFrames()], { container: "RF64" });
    const withoutDs64 = riffFile([fmt16(), twoFrames()], { riffSize: 0xffffffff });
    withoutDs64.set(rf64.subarray(0, 4));
    expectAudioError(withoutDs64, "malformed_header", /ds64/);
  });

  it("truncated: any chunk claiming more than is present, or a file ending inside a header", () => {
    const data = (declaredSize: number) => chunk("data", new Uint8Array(100), { declaredSize });
    expectAudioError(riffFile([fmt16(), data(102)]), "truncated", /"data" chunk claims 102 bytes but only 100/);
    expectAudioError(riffFile([fmt16(), data(0xffffffff)]), "truncated");
    expectAudioError(riffFile([chunk("LIST", new Uint8Array(8), { declaredSize: 4e9 }), fmt16(), twoFrames()]), "truncated");
    expectAudioError(riffFile([fmt16({}), twoFrames()]).subarray(0, 30), "truncated", /"fmt " chunk/);
    expectAudioError(riffFile([fmt16(), twoFrames()]).subarray(0, 12 + 24 + 5), "truncated", /inside a chunk header/);
    expectAudioError(riffFile([]).subarray(0, 8), "truncated", /RIFF header/);
    expectAudioError(riffFile([fmt16(), twoFrames()], { container: "RF64", ds64: { dataSize: 2 ** 40 } }), "truncated");
  });

  it("too_many_chunks, counted while walking", () => {
    const empty = Array.from({ length: 2000 }, () => chunk("junk", new Uint8Array(0)));
    expectAudioError(riffFile([...empty, fmt16(), twoFrames()]), "too_many_chunks", /1024/);
    const few = riffFile([chunk("junk", new Uint8Array(0)), chunk("junk", new Uint8Array(0)), fmt16(), twoFrames()]);
    expect(decodeError(few, { maxChunks: 3 }).code).toBe("too_many_chunks");
    expect(decodeWav(few, { maxChunks: 4 }).frames).toBe(2);
  });

  it.each([0, 65, 65535])("invalid_channels: %i", (channels) => {
    expectAudioError(riffFile([fmt16({ channels }), twoFrames()]), "invalid_channels", new RegExp(`${channels} channels`));
  });

  it.each([0, 1, 3999, 384001, 4294967295])("invalid_sample_rate: %i Hz", (sampleRate) => {
    expectAudioError(riffFile([fmt16({ sampleRate }), twoFrames()]), "invalid_sample_rate", new RegExp(`${sampleRate} Hz`));
  });

  it.each([
    { formatTag: FORMAT_TAG.pcm, bitsPerSample: 0 },
    { formatTag: FORMAT_TAG.pcm, bitsPerSample: 7 },
    { formatTag: FORMAT_TAG.pcm, bitsPerSample: 33 },
    { formatTag: FORMAT_TAG.pcm, bitsPerSample: 64 },
    { formatTag: FORMAT_TAG.float, bitsPerSample: 16 },
    { formatTag: FORMAT_TAG.alaw, bitsPerSample: 16 },
    { formatTag: FORMAT_TAG.extensible, subFormat: FORMAT_TAG.pcm, bitsPerSample: 64 },
    { formatTag: FORMAT_TAG.extensible, subFormat: FORMAT_TAG.pcm, bitsPerSample: 16, validBitsPerSample: 17 },
  ])("invalid_bit_depth: %o", (fields) => {
    expectAudioError(riffFile([fmt16(fields), chunk("data", new Uint8Array(64))]), "invalid_bit_depth");
  });

  it.each([NaN, Infinity, -Infinity])("non_finite_samples: %f in float data", (bad) => {
    for (const bitDepth of [32, 64]) {
      const bytes = mono(16000, { encoding: "float", bitDepth, channels: [[0, 0.5, bad, 0]] });
      expectAudioError(bytes, "non_finite_samples", /frame 2/);
    }
  });

  it("non_finite_samples: float64 beyond the float32 range", () => {
    expectAudioError(mono(16000, { encoding: "float", bitDepth: 64, channels: [[1e300]] }), "non_finite_samples");
  });

  it("no_samples: a data chunk without one complete frame", () => {
    expectAudioError(riffFile([fmt16(), chunk("data", new Uint8Array(0))]), "no_samples");
    expectAudioError(riffFile([fmt16({ channels: 2 }), chunk("data", new Uint8Array(3))]), "no_samples");
  });
});

describe("decodeWav: hostile bytes either decode or throw an AudioError", () => {
  const valid = buildWav({
    sampleRate: 44100,
    encoding: "pcm",
    bitDepth: 24,
    channels: [
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ],
    extensible: { channelMask: 3 },
    chunksBeforeData: [chunk("fact", new Uint8Array(4)), chunk("junk", new Uint8Array(3))],
  });
  const decodesOrAudioError = (bytes: Uint8Array) => {
    try {
      const wav = decodeWav(bytes);
      expect(wav.samples.length).toBeGreaterThan(0);
    } catch (e) {
      if (!isAudioError(e)) throw e;
    }
  };

  it("arbitrary bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), decodesOrAudioError), { numRuns: 2000 });
  });

  it("arbitrary bytes after a RIFF/RF64/RIFX WAVE header", () => {
    const header = fc.constantFrom("RIFF", "RIFX", "RF64").map((id) => riffFile([], { container: id as "RIFF" }));
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 300 }), (head, tail) => {
        const bytes = new Uint8Array(head.length + tail.length);
        bytes.set(head);
        bytes.set(tail, head.length);
        decodesOrAudioError(bytes);
      }),
      { numRuns: 2000 },
    );
  });

  it("arbitrary mutations of a valid WAV: overwritten bytes, truncation, splices", () => {
    const edit = fc.record({
      at: fc.nat({ max: valid.length - 1 }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), fc.nat({ max: valid.length }), fc.boolean(), (edits, cut, splice) => {
        let bytes = valid.slice();
        for (const { at, bytes: patch } of edits) {
          if (splice) {
            const spliced = new Uint8Array(bytes.length + patch.length);
            spliced.set(bytes.subarray(0, at));
            spliced.set(patch, at);
            spliced.set(bytes.subarray(at), at + patch.length);
            bytes = spliced;
          } else {
            bytes.set(patch.subarray(0, bytes.length - at), at);
          }
        }
        decodesOrAudioError(bytes.subarray(0, Math.max(cut, 1)));
      }),
      { numRuns: 3000 },
    );
  });
});

const goldenDir = new URL("../../../shared/golden/", import.meta.url);

describe.skipIf(!existsSync(goldenDir))("decodeWav: golden parity with soundfile + librosa.load", () => {
  const cases = existsSync(goldenDir)
    ? readdirSync(new URL("inputs/", goldenDir)).map((file) => file.replace(/\.wav$/, ""))
    : [];
  const golden = (name: string) => JSON.parse(readFileSync(new URL(`${name}.json`, goldenDir), "utf8"));
  const decode = (name: string) => decodeWav(readFileSync(new URL(`inputs/${name}.wav`, goldenDir)));
  const exact = (values: readonly number[]) => f32(values.map((v) => Math.fround(v)));

  it.each(cases)("%s", (name) => {
    const { input, loaded } = golden(name);
    const wav = decode(name);
    expect(wav.frames).toBe(input.n_samples);
    expect(wav).toMatchObject({ sampleRate: input.sample_rate, channels: input.channels });
    if (input.channels === 1) expect(wav.samples.subarray(0, 16)).toEqual(exact(input.first16_native_ch0));
    if (input.sample_rate !== 16000) return;
    expect(wav.samples.length).toBe(loaded.length);
    expect(wav.samples.subarray(0, 16)).toEqual(exact(loaded.first16));
    expect(wav.samples.reduce((a, b) => Math.min(a, b))).toBe(Math.fround(loaded.min));
    expect(wav.samples.reduce((a, b) => Math.max(a, b))).toBe(Math.fround(loaded.max));
  });

  // The README: left = rs_speech_44k1, right = rs_chirp_44k1, mono = (L + R) / 2 in float32.
  it.skipIf(!cases.includes("rs_stereo_44k1"))("rs_stereo_44k1 is the float32 mean of its two sources", () => {
    const left = exact(golden("rs_stereo_44k1").input.first16_native_ch0);
    const right = exact(golden("rs_chirp_44k1").input.first16_native_ch0);
    expect(decode("rs_stereo_44k1").samples.subarray(0, 16)).toEqual(left.map((l, i) => (l + right[i]) / 2));
    const fullLeft = decode("rs_speech_44k1").samples;
    const fullRight = decode("rs_chirp_44k1").samples;
    const stereo = decode("rs_stereo_44k1").samples;
    const differing = stereo.filter((v, i) => v !== Math.fround((fullLeft[i] + fullRight[i]) / 2)).length;
    expect([stereo.length, differing]).toEqual([88037, 0]);
  });
});
