/**
 * Which decoder a file needs, from its first bytes only (magic numbers), never from its name: a .wav that holds
 * MP3 is decoded as MP3. ID3v2 tags in front of the audio (common on MP3, sometimes on FLAC) are skipped.
 */
import { describeNonWav } from "../../src/audio/sniff";

export type AudioFormat = "wav" | "flac" | "mp3" | "ogg-vorbis" | "ogg-opus";

export type Sniffed =
  /** `offset`: where the audio stream starts (after any ID3v2 tags). */
  | { format: AudioFormat; offset: number }
  /** Not a format the CLI decodes; `message` says what it looks like. */
  | { format: undefined; message: string };

export const SUPPORTED_FORMATS = "WAV, FLAC, MP3, Ogg Vorbis and Ogg Opus";

/** At most this many ID3v2 tags in a row are skipped (files with two exist; more is junk). */
const MAX_ID3_TAGS = 4;

export function sniffFormat(bytes: Uint8Array): Sniffed {
  let offset = 0;
  for (let tags = 0; tags < MAX_ID3_TAGS; tags++) {
    const end = id3v2End(bytes, offset);
    if (end === undefined) break;
    offset = end;
  }
  const head = bytes.subarray(offset);
  if (startsWith(head, "RIFF") || startsWith(head, "RIFX") || startsWith(head, "RF64")) return { format: "wav", offset };
  if (startsWith(head, "fLaC")) return { format: "flac", offset };
  if (isMpegAudioFrameHeader(head)) return { format: "mp3", offset };
  if (startsWith(head, "OggS")) return sniffOgg(head, offset);
  const tagged = offset > 0 ? "an ID3 tag followed by audio of no known format" : undefined;
  return { format: undefined, message: `Unsupported format: ${tagged ?? describeNonWav(head)} The command reads ${SUPPORTED_FORMATS}.` };
}

/** The codec of an Ogg stream is named by the first packet of its first page. */
function sniffOgg(head: Uint8Array, offset: number): Sniffed {
  const segments = head.length > 26 ? head[26] : 0;
  const packet = head.subarray(27 + segments);
  if (startsWith(packet, "OpusHead")) return { format: "ogg-opus", offset };
  if (startsWith(packet, "\x01vorbis")) return { format: "ogg-vorbis", offset };
  const codec = startsWith(packet, "\x7fFLAC") ? "FLAC" : startsWith(packet, "Speex") ? "Speex" : "an unknown codec";
  return { format: undefined, message: `Unsupported format: an Ogg file holding ${codec}. The command reads ${SUPPORTED_FORMATS}.` };
}

/**
 * An MPEG audio frame header (layer I-III, MPEG 1/2/2.5) with no reserved field: the 11-bit sync alone also matches
 * ADTS AAC (layer 0) and random binary data.
 */
export function isMpegAudioFrameHeader(b: Uint8Array): boolean {
  if (b.length < 4 || b[0] !== 0xff || (b[1] & 0xe0) !== 0xe0) return false;
  const version = (b[1] >> 3) & 3;
  const layer = (b[1] >> 1) & 3;
  const bitrate = b[2] >> 4;
  const sampleRate = (b[2] >> 2) & 3;
  const emphasis = b[3] & 3;
  return version !== 1 && layer !== 0 && bitrate !== 15 && sampleRate !== 3 && emphasis !== 2;
}

/** The end of an ID3v2 tag starting at `offset` (header, synchsafe size, optional footer), if there is one. */
export function id3v2End(bytes: Uint8Array, offset: number): number | undefined {
  const b = bytes.subarray(offset);
  if (!startsWith(b, "ID3") || b.length < 10 || b[3] === 0xff || b[4] === 0xff) return undefined;
  const sizeBytes = b.subarray(6, 10);
  if (sizeBytes.some((x) => x >= 0x80)) return undefined;
  const size = (sizeBytes[0] << 21) | (sizeBytes[1] << 14) | (sizeBytes[2] << 7) | sizeBytes[3];
  const footer = b[5] & 0x10 ? 10 : 0;
  return offset + 10 + size + footer;
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return bytes.length >= magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));
}
