/**
 * Builds WAV bytes of any shape for tests, including shapes no honest writer produces: arbitrary `fmt ` fields,
 * any chunk list and order, declared sizes that lie, missing pad bytes, RF64 with a hand-made `ds64`, RIFX
 * big-endian, WAVE_FORMAT_EXTENSIBLE with any sub-format GUID.
 *
 * Two levels:
 * - `buildWav({ sampleRate, encoding, bitDepth, channels: [[...], [...]] })` for a valid file from per-channel
 *   sample values (integer codes for PCM, floats for float, code bytes for A-law/mu-law);
 * - `riffFile(chunks, options)` with `fmtChunk(fields)`, `chunk(id, body)` and `encodeInterleaved(...)` to
 *   assemble anything, e.g. a `data` chunk that claims 0xFFFFFFFF bytes:
 *   `riffFile([fmtChunk({...}), chunk("data", body, { declaredSize: 0xffffffff })])`.
 *
 * Shipped under src/ so Worker-side tests can use it too; it is never imported by production code.
 */

export type SampleEncoding = "pcm" | "float" | "alaw" | "mulaw";

/** Format tags of the fmt chunk (and of the extensible sub-format GUID). */
export const FORMAT_TAG = { pcm: 0x0001, float: 0x0003, alaw: 0x0006, mulaw: 0x0007, extensible: 0xfffe } as const;

export interface Chunk {
  /** Four characters; shorter ids are padded with spaces. */
  id: string;
  body: Uint8Array;
  /** The size written in the chunk header; defaults to body.length. Set it to lie. */
  declaredSize?: number;
  /** Write the pad byte after an odd-sized body (default true, as the RIFF spec asks). */
  pad?: boolean;
}

export function chunk(id: string, body: Uint8Array, options: Omit<Chunk, "id" | "body"> = {}): Chunk {
  return { id, body, ...options };
}

export interface FmtFields {
  formatTag: number;
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  /** Defaults to channels * ceil(bitsPerSample / 8). */
  blockAlign?: number;
  /** Defaults to sampleRate * blockAlign. */
  byteRate?: number;
  /** Extensible part (written when formatTag is 0xFFFE or any of these is set). */
  validBitsPerSample?: number;
  channelMask?: number;
  /** Sub-format: a format tag (expanded to the standard KSDATAFORMAT GUID) or the 16 GUID bytes as stored. */
  subFormat?: number | Uint8Array;
  /** cbSize; defaults to 22 for extensible, omitted otherwise unless extraBytes are given. */
  cbSize?: number;
  /** Bytes appended after the fields above (e.g. codec-specific data, or junk). */
  extraBytes?: Uint8Array;
}

/** Data4, the last 8 bytes shared by every KSDATAFORMAT_SUBTYPE_* GUID. */
const KSDATAFORMAT_DATA4 = [0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

export function fmtChunk(fields: FmtFields, littleEndian = true): Chunk {
  const blockAlign = fields.blockAlign ?? fields.channels * Math.ceil(fields.bitsPerSample / 8);
  const extensible =
    fields.formatTag === FORMAT_TAG.extensible ||
    fields.subFormat !== undefined ||
    fields.validBitsPerSample !== undefined ||
    fields.channelMask !== undefined;
  const extra = fields.extraBytes ?? new Uint8Array(0);
  const cbSize = fields.cbSize ?? (extensible ? 22 : extra.length > 0 ? extra.length : undefined);
  const size = 16 + (cbSize === undefined ? 0 : 2) + (extensible ? 22 : 0) + extra.length;
  const body = new Uint8Array(size);
  const view = new DataView(body.buffer);
  view.setUint16(0, fields.formatTag, littleEndian);
  view.setUint16(2, fields.channels, littleEndian);
  view.setUint32(4, fields.sampleRate, littleEndian);
  view.setUint32(8, fields.byteRate ?? (fields.sampleRate * blockAlign) >>> 0, littleEndian);
  view.setUint16(12, blockAlign, littleEndian);
  view.setUint16(14, fields.bitsPerSample, littleEndian);
  let pos = 16;
  if (cbSize !== undefined) {
    view.setUint16(pos, cbSize, littleEndian);
    pos += 2;
  }
  if (extensible) {
    view.setUint16(pos, fields.validBitsPerSample ?? fields.bitsPerSample, littleEndian);
    view.setUint32(pos + 2, fields.channelMask ?? 0, littleEndian);
    body.set(subFormatGuid(fields.subFormat ?? FORMAT_TAG.pcm, littleEndian), pos + 6);
    pos += 22;
  }
  body.set(extra, pos);
  return chunk("fmt ", body);
}

/** KSDATAFORMAT_SUBTYPE GUID {tag-0000-0010-8000-00AA00389B71}; Data1..Data3 follow the file's byte order. */
export function subFormatGuid(subFormat: number | Uint8Array, littleEndian = true): Uint8Array {
  if (subFormat instanceof Uint8Array) return subFormat;
  const guid = new Uint8Array(16);
  const view = new DataView(guid.buffer);
  view.setUint32(0, subFormat, littleEndian);
  view.setUint16(4, 0x0000, littleEndian);
  view.setUint16(6, 0x0010, littleEndian);
  guid.set(KSDATAFORMAT_DATA4, 8);
  return guid;
}

export type Container = "RIFF" | "RIFX" | "RF64";

export interface Ds64Fields {
  riffSize?: number;
  dataSize?: number;
  sampleCount?: number;
  /** Extra 64-bit sizes for chunks other than data whose 32-bit size is 0xFFFFFFFF. */
  table?: { id: string; size: number }[];
}

export interface RiffOptions {
  container?: Container;
  /** The RIFF size field; defaults to the true size (0xFFFFFFFF for RF64). */
  riffSize?: number;
  /** The form type after the size; "WAVE" by default. */
  formType?: string;
  /**
   * RF64 only: the ds64 chunk written first. Its sizes default to the true ones; the `data` chunk's 32-bit size is
   * then written as 0xFFFFFFFF unless that chunk sets declaredSize.
   */
  ds64?: Ds64Fields;
}

/** Assembles a RIFF/RIFX/RF64 file from chunks, in the order given. */
export function riffFile(chunks: readonly Chunk[], options: RiffOptions = {}): Uint8Array {
  const container = options.container ?? "RIFF";
  const littleEndian = container !== "RIFX";
  const body = container === "RF64" ? withDs64(chunks, options.ds64 ?? {}) : chunks;
  const length = 12 + body.reduce((sum, c) => sum + chunkLength(c), 0);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  writeAscii(out, 0, container);
  const riffSize = options.riffSize ?? (container === "RF64" ? 0xffffffff : length - 8);
  view.setUint32(4, riffSize >>> 0, littleEndian);
  writeAscii(out, 8, options.formType ?? "WAVE");
  let pos = 12;
  for (const c of body) {
    writeAscii(out, pos, c.id);
    view.setUint32(pos + 4, (c.declaredSize ?? c.body.length) >>> 0, littleEndian);
    out.set(c.body, pos + 8);
    pos += chunkLength(c);
  }
  return out;
}

function chunkLength(c: Chunk): number {
  return 8 + c.body.length + (c.pad !== false && c.body.length % 2 === 1 ? 1 : 0);
}

function withDs64(chunks: readonly Chunk[], fields: Ds64Fields): Chunk[] {
  const data = chunks.find((c) => c.id === "data");
  const table = fields.table ?? [];
  const ds64 = new Uint8Array(28 + 12 * table.length);
  const view = new DataView(ds64.buffer);
  const rest = chunks.map((c) => (c.id === "data" && c.declaredSize === undefined ? { ...c, declaredSize: 0xffffffff } : c));
  const trueRiffSize = 4 + 8 + ds64.length + rest.reduce((sum, c) => sum + chunkLength(c), 0);
  setUint64(view, 0, fields.riffSize ?? trueRiffSize);
  setUint64(view, 8, fields.dataSize ?? data?.body.length ?? 0);
  setUint64(view, 16, fields.sampleCount ?? 0);
  view.setUint32(24, table.length, true);
  table.forEach((entry, i) => {
    writeAscii(ds64, 28 + 12 * i, entry.id);
    setUint64(view, 32 + 12 * i, entry.size);
  });
  return [chunk("ds64", ds64), ...rest];
}

function setUint64(view: DataView, offset: number, value: number): void {
  view.setUint32(offset, value % 0x100000000, true);
  view.setUint32(offset + 4, Math.floor(value / 0x100000000), true);
}

function writeAscii(out: Uint8Array, offset: number, text: string): void {
  for (let i = 0; i < 4; i++) out[offset + i] = i < text.length ? text.charCodeAt(i) & 0xff : 0x20;
}

/**
 * Interleaves per-channel values into sample bytes. PCM values are signed integer codes (8-bit ones are written
 * unsigned, code + 128); float values are written as stored; A-law/mu-law values are the code bytes.
 */
export function encodeInterleaved(
  channels: readonly (readonly number[] | ArrayLike<number>)[],
  encoding: SampleEncoding,
  bitDepth: number,
  littleEndian = true,
): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const bytesPerSample = Math.ceil(bitDepth / 8);
  const out = new Uint8Array(frames * channels.length * bytesPerSample);
  const view = new DataView(out.buffer);
  let pos = 0;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      writeSample(view, pos, channel[i], encoding, bitDepth, littleEndian);
      pos += bytesPerSample;
    }
  }
  return out;
}

function writeSample(view: DataView, pos: number, value: number, encoding: SampleEncoding, bits: number, le: boolean) {
  if (encoding === "float") {
    if (bits === 64) view.setFloat64(pos, value, le);
    else view.setFloat32(pos, value, le);
  } else if (encoding !== "pcm" || bits === 8) {
    view.setUint8(pos, encoding === "pcm" ? value + 128 : value);
  } else if (bits === 16) {
    view.setInt16(pos, value, le);
  } else if (bits === 24) {
    const u = value & 0xffffff;
    const bytes = le ? [u & 0xff, (u >> 8) & 0xff, u >> 16] : [u >> 16, (u >> 8) & 0xff, u & 0xff];
    bytes.forEach((b, k) => view.setUint8(pos + k, b));
  } else if (bits === 32) {
    view.setInt32(pos, value, le);
  } else {
    throw new RangeError(`wav-builder: no sample writer for ${bits}-bit ${encoding}`);
  }
}

export interface WavSpec {
  sampleRate: number;
  encoding: SampleEncoding;
  bitDepth: number;
  /** One array of values per channel (see encodeInterleaved). */
  channels: readonly (readonly number[] | ArrayLike<number>)[];
  container?: Container;
  /** Write WAVE_FORMAT_EXTENSIBLE with this channel mask (default: plain format tag). */
  extensible?: { channelMask?: number; validBitsPerSample?: number };
  /** Chunks written between fmt and data (e.g. fact, LIST, odd-sized junk). */
  chunksBeforeData?: readonly Chunk[];
  /** Chunks written after data. */
  chunksAfterData?: readonly Chunk[];
}

/** A valid WAV file for the given samples. */
export function buildWav(spec: WavSpec): Uint8Array {
  const littleEndian = spec.container !== "RIFX";
  const tag = FORMAT_TAG[spec.encoding];
  const fmt = fmtChunk(
    spec.extensible
      ? {
          formatTag: FORMAT_TAG.extensible,
          subFormat: tag,
          channels: spec.channels.length,
          sampleRate: spec.sampleRate,
          bitsPerSample: spec.bitDepth,
          channelMask: spec.extensible.channelMask ?? 0,
          validBitsPerSample: spec.extensible.validBitsPerSample ?? spec.bitDepth,
        }
      : { formatTag: tag, channels: spec.channels.length, sampleRate: spec.sampleRate, bitsPerSample: spec.bitDepth },
    littleEndian,
  );
  const data = chunk("data", encodeInterleaved(spec.channels, spec.encoding, spec.bitDepth, littleEndian));
  return riffFile([fmt, ...(spec.chunksBeforeData ?? []), data, ...(spec.chunksAfterData ?? [])], {
    container: spec.container,
  });
}
