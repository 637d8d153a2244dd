import { g711Table } from "./g711";
import type { WavFormat } from "./wav-format";

/** Interleaved samples as numbers, and the factor that maps them to full scale 1.0 (as libsndfile reads them). */
export interface ScaledSamples {
  values: Int16Array | Int32Array | Float32Array | Float64Array;
  scale: number;
}

export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Bytes of scratch `readSamples` may need for `count` samples (float64 is the widest value it produces). */
export const scratchBytes = (count: number) => count * Float64Array.BYTES_PER_ELEMENT;

/**
 * Reads `count` interleaved samples starting at `offset`. Little-endian files on a little-endian host are viewed in
 * place; anything converted (8-bit, G.711 and 24-bit codes, RIFX through a DataView, misaligned data copied) is
 * written into `scratch` (at least scratchBytes(count)), which the caller reuses from block to block, so decoding
 * a file leaves no garbage for the collector. Every format lands on one of four array types so that the downmix is
 * a single loop: 8-bit and G.711 become Int16 codes, 24-bit becomes Int32.
 * Scales are powers of two, so value * scale is exact: int16/32768, int24/8388608, int32/2147483648, (u8-128)/128.
 */
export function readSamples(
  bytes: Uint8Array,
  offset: number,
  count: number,
  format: Pick<WavFormat, "encoding" | "bitDepth">,
  littleEndian: boolean,
  scratch: ArrayBuffer,
): ScaledSamples {
  const { encoding, bitDepth } = format;
  if (encoding === "alaw" || encoding === "mulaw") {
    const table = g711Table(encoding);
    const values = new Int16Array(scratch, 0, count);
    for (let i = 0; i < count; i++) values[i] = table[bytes[offset + i]];
    return { values, scale: 2 ** -15 };
  }
  if (encoding === "float") {
    return bitDepth === 64
      ? { values: typedSamples(Float64Array, "getFloat64", bytes, offset, count, littleEndian, scratch), scale: 1 }
      : { values: typedSamples(Float32Array, "getFloat32", bytes, offset, count, littleEndian, scratch), scale: 1 };
  }
  switch (bitDepth) {
    case 8: {
      const values = new Int16Array(scratch, 0, count);
      for (let i = 0; i < count; i++) values[i] = bytes[offset + i] - 128;
      return { values, scale: 2 ** -7 };
    }
    case 16:
      return { values: typedSamples(Int16Array, "getInt16", bytes, offset, count, littleEndian, scratch), scale: 2 ** -15 };
    case 24:
      return { values: int24Samples(bytes, offset, count, littleEndian, scratch), scale: 2 ** -23 };
    default:
      return { values: typedSamples(Int32Array, "getInt32", bytes, offset, count, littleEndian, scratch), scale: 2 ** -31 };
  }
}

type TypedSamples = Int16Array | Int32Array | Float32Array | Float64Array;
interface TypedSamplesConstructor<T extends TypedSamples> {
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): T;
  readonly BYTES_PER_ELEMENT: number;
}
type DataViewGetter = "getInt16" | "getInt32" | "getFloat32" | "getFloat64";

function typedSamples<T extends TypedSamples>(
  Samples: TypedSamplesConstructor<T>,
  getter: DataViewGetter,
  bytes: Uint8Array,
  offset: number,
  count: number,
  littleEndian: boolean,
  scratch: ArrayBuffer,
): T {
  const size = Samples.BYTES_PER_ELEMENT;
  if (littleEndian && HOST_IS_LITTLE_ENDIAN) {
    const start = bytes.byteOffset + offset;
    if (start % size === 0) return new Samples(bytes.buffer, start, count);
    new Uint8Array(scratch, 0, count * size).set(bytes.subarray(offset, offset + count * size));
    return new Samples(scratch, 0, count);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * size);
  const values = new Samples(scratch, 0, count);
  for (let i = 0; i < count; i++) values[i] = view[getter](i * size, littleEndian);
  return values;
}

function int24Samples(
  bytes: Uint8Array,
  offset: number,
  count: number,
  littleEndian: boolean,
  scratch: ArrayBuffer,
): Int32Array {
  const values = new Int32Array(scratch, 0, count);
  const [lo, mid, hi] = littleEndian ? [0, 1, 2] : [2, 1, 0];
  for (let i = 0, p = offset; i < count; i++, p += 3) {
    // Assemble in the top 24 bits of an int32, then shift back arithmetically to sign-extend.
    values[i] = ((bytes[p + hi] << 24) | (bytes[p + mid] << 16) | (bytes[p + lo] << 8)) >> 8;
  }
  return values;
}
