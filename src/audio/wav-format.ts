import { codecName } from "./codec-names";
import { AudioError } from "./errors";
import type { ChunkSpan } from "./riff";

export type SampleEncoding = "pcm" | "float" | "alaw" | "mulaw";

/** The validated contents of a `fmt ` chunk. */
export interface WavFormat {
  encoding: SampleEncoding;
  channels: number;
  sampleRate: number;
  /** Bits per stored sample (the container size for extensible files: 24 for 20-in-24). */
  bitDepth: number;
  /** Bytes per frame (all channels of one sample instant). */
  blockAlign: number;
}

/** Accepted ranges. Beyond them a header is either broken or hostile; no speech recording needs more. */
export const MAX_CHANNELS = 64;
export const MIN_SAMPLE_RATE = 4000;
export const MAX_SAMPLE_RATE = 384000;

const ENCODING_BY_TAG: Readonly<Record<number, SampleEncoding>> = { 1: "pcm", 3: "float", 6: "alaw", 7: "mulaw" };
const EXTENSIBLE = 0xfffe;
const VALID_BIT_DEPTHS: Readonly<Record<SampleEncoding, readonly number[]>> = {
  pcm: [8, 16, 24, 32],
  float: [32, 64],
  alaw: [8],
  mulaw: [8],
};
/** Data4 of KSDATAFORMAT_SUBTYPE_{PCM,IEEE_FLOAT,ALAW,MULAW}: {tag-0000-0010-8000-00AA00389B71}. */
const KSDATAFORMAT_DATA4 = [0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

/**
 * Reads and validates a `fmt ` chunk (WAVEFORMATEX, or WAVEFORMATEXTENSIBLE whose sub-format GUID supplies the real
 * format tag). Checks, in this order: a known codec, the channel count, the sample rate, the bit depth for the codec,
 * and a block align equal to channels * bytes per sample. The channel mask is ignored (every channel is averaged).
 */
export function parseFmt(bytes: Uint8Array, fmt: ChunkSpan, littleEndian: boolean): WavFormat {
  if (fmt.size < 16) {
    throw new AudioError("malformed_header", `The fmt chunk is ${fmt.size} bytes long; it needs at least 16.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + fmt.offset, fmt.size);
  const formatTag = view.getUint16(0, littleEndian);
  const channels = view.getUint16(2, littleEndian);
  const sampleRate = view.getUint32(4, littleEndian);
  const blockAlign = view.getUint16(12, littleEndian);
  const bitDepth = view.getUint16(14, littleEndian);
  const extensible = formatTag === EXTENSIBLE ? readExtensible(view, littleEndian, bitDepth) : undefined;
  const encoding = ENCODING_BY_TAG[extensible?.subFormatTag ?? formatTag];
  if (!encoding) {
    const name = codecName(extensible?.subFormatTag ?? formatTag);
    throw new AudioError(
      "unsupported_codec",
      `The WAV file is encoded as ${name}${extensible ? " inside WAVE_FORMAT_EXTENSIBLE" : ""}; ` +
        "only PCM, IEEE float, A-law and mu-law WAV files are supported.",
    );
  }
  if (channels === 0 || channels > MAX_CHANNELS) {
    throw new AudioError("invalid_channels", `The WAV header declares ${channels} channels (1 to ${MAX_CHANNELS} accepted).`);
  }
  if (sampleRate < MIN_SAMPLE_RATE || sampleRate > MAX_SAMPLE_RATE) {
    throw new AudioError(
      "invalid_sample_rate",
      `The WAV header declares a sample rate of ${sampleRate} Hz (${MIN_SAMPLE_RATE} to ${MAX_SAMPLE_RATE} Hz accepted).`,
    );
  }
  if (!VALID_BIT_DEPTHS[encoding].includes(bitDepth)) {
    const what = encoding === "pcm" ? "integer PCM" : encoding === "float" ? "floating-point" : encoding;
    throw new AudioError(
      "invalid_bit_depth",
      `${bitDepth}-bit ${what} is not supported (accepted: ${VALID_BIT_DEPTHS[encoding].join(", ")}-bit).`,
    );
  }
  if (extensible && extensible.validBits > bitDepth) {
    throw new AudioError(
      "invalid_bit_depth",
      `The WAV header declares ${extensible.validBits} valid bits in a ${bitDepth}-bit sample.`,
    );
  }
  if (blockAlign !== channels * (bitDepth / 8)) {
    throw new AudioError(
      "malformed_header",
      `The WAV header's block align (${blockAlign}) does not match ${channels} channels of ${bitDepth}-bit samples.`,
    );
  }
  return { encoding, channels, sampleRate, bitDepth, blockAlign };
}

interface Extensible {
  /** 0 means "all bits valid", as some writers put it. */
  validBits: number;
  /** The format tag carried in Data1 of the sub-format GUID. */
  subFormatTag: number;
}

/** WAVEFORMATEXTENSIBLE: cbSize >= 22, wValidBitsPerSample, dwChannelMask, SubFormat GUID at byte 24. */
function readExtensible(view: DataView, littleEndian: boolean, bitDepth: number): Extensible {
  if (view.byteLength < 40 || view.getUint16(16, littleEndian) < 22) {
    throw new AudioError("malformed_header", "The WAVE_FORMAT_EXTENSIBLE fmt chunk is too short (it needs 40 bytes).");
  }
  const data1 = view.getUint32(24, littleEndian);
  const isKsDataFormat =
    data1 <= 0xffff &&
    view.getUint16(28, littleEndian) === 0x0000 &&
    view.getUint16(30, littleEndian) === 0x0010 &&
    KSDATAFORMAT_DATA4.every((b, i) => view.getUint8(32 + i) === b);
  if (!isKsDataFormat) {
    throw new AudioError(
      "unsupported_codec",
      `The WAV file is WAVE_FORMAT_EXTENSIBLE with an unknown sub-format GUID ${guidText(view)}.`,
    );
  }
  const validBits = view.getUint16(18, littleEndian);
  return { validBits: validBits === 0 ? bitDepth : validBits, subFormatTag: data1 };
}

function guidText(view: DataView): string {
  const hex = Array.from({ length: 16 }, (_, i) => view.getUint8(24 + i).toString(16).padStart(2, "0")).join("");
  return `{${hex}}`;
}
