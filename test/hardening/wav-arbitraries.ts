/**
 * fast-check arbitraries of hostile WAV uploads, built from the format's structure rather than from random bytes
 * alone, so that runs reach deep into the decoder and past it: any container (RIFF, RIFX, RF64 with a lying ds64),
 * fmt fields drawn from the values that break decoders (0, 1, 7, 33, 65535, 2^32 - 1...) as well as the valid ones,
 * chunks in any order with declared sizes that lie up or down, missing pad bytes, data that is noise, silence or
 * float specials (NaN, infinities, denormals, 1e38), then an optional cut and byte overwrites. Pure: used in Node
 * (decoder-fuzz.test.ts) and in workerd (test/worker/hardening-fuzz.test.ts).
 */
import fc from "fast-check";
import {
  type Chunk,
  type Container,
  FORMAT_TAG,
  type FmtFields,
  chunk,
  fmtChunk,
  riffFile,
} from "../../src/audio/testing/wav-builder";

const u16 = fc.integer({ min: 0, max: 0xffff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });

/** Mostly the values that matter, sometimes anything in range. */
const pick = <T>(values: readonly T[], anything: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: anything });

const formatTag = pick([1, 3, 6, 7, FORMAT_TAG.extensible, 0x55, 0x11, 0], u16);
const channels = pick([1, 1, 2, 2, 6, 64, 0, 65, 65535], u16);
const sampleRate = pick([4000, 8000, 16000, 22050, 44100, 48000, 384000, 0, 1, 3999, 384001, 0xffffffff], u32);
const bitsPerSample = pick([8, 16, 24, 32, 64, 0, 7, 12, 33, 65535], u16);

/** Any fmt fields at all; left out, blockAlign and the extensible fields take their consistent defaults. */
const anyFmtFields: fc.Arbitrary<FmtFields> = fc.record(
  {
    formatTag,
    channels,
    sampleRate,
    bitsPerSample,
    blockAlign: u16,
    subFormat: pick([1, 3, 6, 7, 0x55, FORMAT_TAG.extensible], u32),
    validBitsPerSample: pick([0, 12, 16, 20, 24, 32, 33], u16),
    cbSize: pick([0, 22, 21, 0xffff], u16),
  },
  { requiredKeys: ["formatTag", "channels", "sampleRate", "bitsPerSample"] },
);

const VALID_FORMATS: readonly { tag: number; bits: number }[] = [
  { tag: FORMAT_TAG.pcm, bits: 8 },
  { tag: FORMAT_TAG.pcm, bits: 16 },
  { tag: FORMAT_TAG.pcm, bits: 24 },
  { tag: FORMAT_TAG.pcm, bits: 32 },
  { tag: FORMAT_TAG.float, bits: 32 },
  { tag: FORMAT_TAG.float, bits: 64 },
  { tag: FORMAT_TAG.alaw, bits: 8 },
  { tag: FORMAT_TAG.mulaw, bits: 8 },
];

/** fmt fields a decoder must accept: a supported codec and depth, plain or extensible, at a usual rate. */
const validFmtFields: fc.Arbitrary<FmtFields> = fc
  .record({
    format: fc.constantFrom(...VALID_FORMATS),
    channels: fc.constantFrom(1, 1, 1, 2, 2, 3, 6),
    sampleRate: fc.constantFrom(4000, 8000, 11025, 16000, 22050, 32000, 44100, 48000, 96000),
    extensible: fc.boolean(),
  })
  .map(({ format: { tag, bits }, channels, sampleRate, extensible }) =>
    extensible
      ? { formatTag: FORMAT_TAG.extensible, subFormat: tag, channels, sampleRate, bitsPerSample: bits }
      : { formatTag: tag, channels, sampleRate, bitsPerSample: bits },
  );

/** Valid fields with one of them replaced by a value that breaks decoders. */
const almostValidFmtFields: fc.Arbitrary<FmtFields> = fc
  .tuple(validFmtFields, anyFmtFields, fc.constantFrom("formatTag", "channels", "sampleRate", "bitsPerSample", "blockAlign"))
  .map(([valid, any, field]) => ({ ...valid, [field]: any[field] ?? 0 }));

const fmtFields = fc.oneof(
  { weight: 3, arbitrary: validFmtFields },
  { weight: 2, arbitrary: almostValidFmtFields },
  { weight: 1, arbitrary: anyFmtFields },
);

/**
 * What the data chunk holds: a length in bytes (often tiny), or a duration turned into bytes at assembly with the
 * fmt chunk's frame size and rate, so that valid formats often carry enough sound to be analysed. Bytes come from
 * a seed, so shrinking works on the length.
 */
const dataContent = fc.record({
  size: fc.oneof(
    { weight: 1, arbitrary: fc.record({ bytes: fc.integer({ min: 0, max: 64 }) }) },
    // Unbiased: fast-check otherwise favours 0 and the bounds, and a file needs 0.5 s of sound to be analysed.
    { weight: 3, arbitrary: fc.record({ seconds: fc.noBias(fc.integer({ min: 0, max: 1500 })).map((ms) => ms / 1000) }) },
  ),
  fill: fc.constantFrom("noise", "noise", "noise", "zeros", "float32 specials", "float64 specials"),
  seed: fc.integer(),
});
type DataContent = typeof dataContent extends fc.Arbitrary<infer T> ? T : never;

/** Duration-sized data chunks stop here, so one run stays cheap whatever the rate and channel count. */
const MAX_DATA_BYTES = 256 * 1024;
const FLOAT_SPECIALS = [Number.NaN, Infinity, -Infinity, 1e38, -3.4e38, 1e-40, 0.5, -0.25, 0];

function dataBytes({ size, fill, seed }: DataContent, bytesPerSecond: number): Uint8Array {
  const length = "bytes" in size ? size.bytes : Math.min(MAX_DATA_BYTES, Math.round(size.seconds * bytesPerSecond));
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
  if (fill === "noise") for (let i = 0; i < length; i++) bytes[i] = next() >>> 24;
  if (fill === "float32 specials") {
    for (let i = 0; i + 4 <= length; i += 4) view.setFloat32(i, FLOAT_SPECIALS[next() % FLOAT_SPECIALS.length], true);
  }
  if (fill === "float64 specials") {
    for (let i = 0; i + 8 <= length; i += 8) view.setFloat64(i, FLOAT_SPECIALS[next() % FLOAT_SPECIALS.length], true);
  }
  return bytes;
}

/** A declared size: usually the truth, else a lie up or down by a little or a lot. */
const sizeLie = fc.oneof(
  { weight: 48, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 0x7fffffff, 0xfffffffe, 0xffffffff) },
  { weight: 1, arbitrary: u32 },
);
/** A small lie (±3 bytes, the likeliest writer bug), applied only when no large lie was picked. */
const sizeDelta = fc.oneof({ weight: 24, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }) });
/** Writers that forget the pad byte after an odd-sized chunk exist, but are rare. */
const keepsPad = fc.oneof({ weight: 24, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });

type ChunkContent = { bytes: Uint8Array } | { fmt: FmtFields } | { data: DataContent };

interface ChunkPlan {
  id: string;
  content: ChunkContent;
  lie: number | undefined;
  delta: number;
  pad: boolean;
}

const chunkPlan = (id: fc.Arbitrary<string>, content: fc.Arbitrary<ChunkContent>): fc.Arbitrary<ChunkPlan> =>
  fc.record({ id, content, lie: sizeLie, delta: sizeDelta, pad: keepsPad });

const fmtPlan = chunkPlan(fc.constant("fmt "), fmtFields.map((fmt) => ({ fmt })));
const dataPlan = chunkPlan(fc.constant("data"), dataContent.map((data) => ({ data })));
const otherPlan = chunkPlan(
  fc.constantFrom("LIST", "fact", "junk", "id3 ", "PAD ", "fmt ", "data", "ds64", "\0\0\0\0"),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => ({ bytes })),
);

/** Bytes per second of audio the fmt fields describe (0 when they describe none). */
function bytesPerSecond(fields: FmtFields | undefined): number {
  if (!fields) return 0;
  return fields.sampleRate * (fields.blockAlign ?? fields.channels * Math.ceil(fields.bitsPerSample / 8));
}

function toChunk(plan: ChunkPlan, littleEndian: boolean, dataRate: number): Chunk {
  const { content } = plan;
  const body =
    "fmt" in content
      ? fmtChunk(content.fmt, littleEndian).body
      : "data" in content
        ? dataBytes(content.data, dataRate)
        : content.bytes;
  const declaredSize = plan.lie ?? (plan.delta === 0 ? undefined : Math.max(0, body.length + plan.delta));
  return chunk(plan.id, body, { declaredSize, pad: plan.pad || body.length % 2 === 0 });
}

interface Overwrite {
  at: number;
  value: number;
}

/** Byte overwrites applied after assembly: a few bytes anywhere. */
const overwrites = fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 4 });

export interface HostileWavPlan {
  container: Container;
  chunks: ChunkPlan[];
  ds64DataSize: number | undefined;
  cut: number | undefined;
  overwrites: Overwrite[];
}

/** The plan of a hostile upload (fast-check prints it when a property fails); its bytes: `hostileWavBytes`. */
export const hostileWavPlan: fc.Arbitrary<HostileWavPlan> = fc.record({
  container: fc.constantFrom<Container>("RIFF", "RIFF", "RIFF", "RIFX", "RF64"),
  chunks: fc
    .tuple(
      fc.option(fmtPlan, { freq: 8 }),
      fc.array(otherPlan, { maxLength: 3 }),
      fc.option(dataPlan, { freq: 8 }),
      fc.boolean(),
    )
    .map(([fmt, others, data, dataFirst]) => {
      const [first, last] = dataFirst ? [data, fmt] : [fmt, data];
      return [first, ...others, last].filter((c): c is ChunkPlan => c !== null);
    }),
  ds64DataSize: fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.oneof(u32, fc.constantFrom(2 ** 32, 2 ** 53)) },
  ),
  cut: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat() }),
  overwrites: fc.oneof({ weight: 8, arbitrary: fc.constant<Overwrite[]>([]) }, { weight: 1, arbitrary: overwrites }),
});

export function hostileWavBytes(plan: HostileWavPlan): Uint8Array {
  const littleEndian = plan.container !== "RIFX";
  const fmt = plan.chunks.find((c) => "fmt" in c.content)?.content;
  const dataRate = bytesPerSecond(fmt && "fmt" in fmt ? fmt.fmt : undefined);
  const chunks = plan.chunks.map((c) => toChunk(c, littleEndian, dataRate));
  const ds64 = plan.container === "RF64" ? { dataSize: plan.ds64DataSize } : undefined;
  const bytes = riffFile(chunks, { container: plan.container, ds64 });
  for (const { at, value } of plan.overwrites) bytes[at % bytes.length] = value;
  return plan.cut === undefined ? bytes : bytes.subarray(0, plan.cut % (bytes.length + 1));
}

export const hostileWav: fc.Arbitrary<Uint8Array> = hostileWavPlan.map(hostileWavBytes);
