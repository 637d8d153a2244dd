/**
 * Names what a non-WAV upload looks like from its first bytes, so the error can say "this looks like an MP3 file"
 * instead of just "not a WAV file". Only magic numbers are used; nothing is decoded.
 */

interface Signature {
  what: string;
  matches(bytes: Uint8Array): boolean;
}

const startsWith =
  (magic: string, at = 0) =>
  (bytes: Uint8Array) =>
    bytes.length >= at + magic.length && [...magic].every((c, i) => bytes[at + i] === c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { what: "an MP3 file (with an ID3 tag)", matches: startsWith("ID3") },
  // ADTS AAC: 12-bit sync and layer 00; MPEG audio: 11-bit sync and a non-zero layer.
  { what: "an AAC (ADTS) file", matches: (b) => b.length >= 2 && b[0] === 0xff && (b[1] & 0xf6) === 0xf0 },
  { what: "an MP3 file", matches: (b) => b.length >= 2 && b[0] === 0xff && (b[1] & 0xe0) === 0xe0 && (b[1] & 6) !== 0 },
  { what: "an Ogg file (Vorbis or Opus)", matches: startsWith("OggS") },
  { what: "a FLAC file", matches: startsWith("fLaC") },
  { what: "an AIFF file", matches: (b) => startsWith("FORM")(b) && (startsWith("AIFF", 8)(b) || startsWith("AIFC", 8)(b)) },
  { what: "an MP4/M4A file", matches: startsWith("ftyp", 4) },
  { what: "a WebM/Matroska file", matches: startsWith("\x1a\x45\xdf\xa3") },
  { what: "an AMR file", matches: startsWith("#!AMR") },
  { what: "a Core Audio (CAF) file", matches: startsWith("caff") },
  { what: "a Sun/NeXT AU file", matches: startsWith(".snd") },
  { what: "a MIDI file", matches: startsWith("MThd") },
  { what: "a WavPack file", matches: startsWith("wvpk") },
  { what: "a BW64 file (this decoder reads RIFF, RIFX and RF64 WAVE only)", matches: startsWith("BW64") },
  { what: "a PDF document", matches: startsWith("%PDF") },
  { what: "a ZIP archive", matches: startsWith("PK\x03\x04") },
  { what: "a text file", matches: looksLikeText },
];

/** A human message for bytes that do not start with RIFF/RIFX/RF64. */
export function describeNonWav(bytes: Uint8Array): string {
  const match = SIGNATURES.find((s) => s.matches(bytes));
  return match
    ? `This looks like ${match.what}, not a WAV file.`
    : "This is not a WAV file: it does not start with RIFF, RIFX or RF64.";
}

/** No control bytes but tab, CR and LF in the first 64 bytes (so UTF-8 text passes too). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64);
  return head.length > 0 && head.every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}
