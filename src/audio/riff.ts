import { AudioError } from "./errors";
import { describeNonWav } from "./sniff";

export type WaveContainer = "RIFF" | "RIFX" | "RF64";

/** A chunk body that is entirely present in the bytes: [offset, offset + size). */
export interface ChunkSpan {
  offset: number;
  size: number;
}

export interface WaveChunks {
  container: WaveContainer;
  /** RIFX stores every number big-endian. */
  littleEndian: boolean;
  fmt: ChunkSpan;
  data: ChunkSpan;
}

/** 0xFFFFFFFF in a 32-bit size field of an RF64 file means "see ds64". */
const SIZE_IN_DS64 = 0xffffffff;

/**
 * Walks the chunks of a RIFF/RIFX/RF64 WAVE file and returns where `fmt ` and `data` are.
 *
 * Bounded by the bytes present: every chunk must fit in them (else `truncated`), at most `maxChunks` chunk
 * headers are read (else `too_many_chunks`), and nothing is allocated. The RIFF size field is ignored (writers get
 * it wrong; the bytes present are the truth). The walk stops as soon as both chunks are found, so whatever follows
 * them (LIST tags, trailing junk) is never looked at. Odd-sized chunks are followed by a pad byte.
 */
export function findWaveChunks(bytes: Uint8Array, maxChunks: number): WaveChunks {
  const container = containerOf(bytes);
  if (bytes.length < 12) throw new AudioError("truncated", `The file ends inside its ${container} header.`);
  const formType = ascii(bytes, 8);
  if (formType !== "WAVE") {
    throw new AudioError("not_wav", `This is a ${container} file of type "${printable(formType)}", not a WAVE file.`);
  }
  const littleEndian = container !== "RIFX";
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let ds64: Ds64 | undefined;
  let fmt: ChunkSpan | undefined;
  let data: ChunkSpan | undefined;
  let pos = 12;
  for (let count = 0; pos < bytes.length && !(fmt && data); count++) {
    if (count >= maxChunks) {
      throw new AudioError("too_many_chunks", `The file has more than ${maxChunks} chunks; no real WAV file has.`);
    }
    if (pos + 8 > bytes.length) {
      throw new AudioError("truncated", `The file ends inside a chunk header (at byte ${pos} of ${bytes.length}).`);
    }
    const id = ascii(bytes, pos);
    const offset = pos + 8;
    let size = view.getUint32(pos + 4, littleEndian);
    if (container === "RF64" && count === 0) {
      if (id !== "ds64") throw new AudioError("malformed_header", "An RF64 file must start with a ds64 chunk.");
      ds64 = readDs64(bytes, view, offset, size);
    } else if (ds64 && size === SIZE_IN_DS64) {
      size = ds64.sizeOf(id);
    }
    if (size > bytes.length - offset) {
      throw new AudioError(
        "truncated",
        `The "${printable(id)}" chunk claims ${size} bytes but only ${bytes.length - offset} remain in the file.`,
      );
    }
    if (id === "fmt " && !fmt) fmt = { offset, size };
    else if (id === "data" && !data) data = { offset, size };
    pos = offset + size + (size & 1);
  }
  if (!fmt) throw new AudioError("malformed_header", "The WAVE file has no fmt chunk.");
  if (!data) throw new AudioError("malformed_header", "The WAVE file has no data chunk.");
  return { container, littleEndian, fmt, data };
}

function containerOf(bytes: Uint8Array): WaveContainer {
  const id = bytes.length >= 4 ? ascii(bytes, 0) : "";
  if (id === "RIFF" || id === "RIFX" || id === "RF64") return id;
  throw new AudioError("not_wav", describeNonWav(bytes));
}

interface Ds64 {
  sizeOf(chunkId: string): number;
}

/** ds64: riffSize (u64), dataSize (u64), sampleCount (u64), table length (u32), table of { id, size (u64) }. */
function readDs64(bytes: Uint8Array, view: DataView, offset: number, size: number): Ds64 {
  if (size < 28 || size > bytes.length - offset) {
    throw new AudioError(size < 28 ? "malformed_header" : "truncated", `The ds64 chunk is ${size} bytes long.`);
  }
  const dataSize = readUint64(view, offset + 8);
  const tableLength = view.getUint32(offset + 24, true);
  // Entries are looked up lazily and only within the chunk: a lying table length costs nothing.
  const entries = Math.min(tableLength, Math.floor((size - 28) / 12));
  return {
    sizeOf(chunkId) {
      if (chunkId === "data") return dataSize;
      for (let i = 0; i < entries; i++) {
        const at = offset + 28 + 12 * i;
        if (ascii(bytes, at) === chunkId) return readUint64(view, at + 4);
      }
      throw new AudioError("malformed_header", `The ds64 chunk gives no size for the "${printable(chunkId)}" chunk.`);
    },
  };
}

/** A u64 as a number; values beyond 2^53 come out inexact but still far larger than any file, which is all we need. */
function readUint64(view: DataView, offset: number): number {
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 0x100000000;
}

function ascii(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]);
}

/** A chunk id fit for a message: non-printable bytes as \xNN. */
function printable(id: string): string {
  return id.replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
