/**
 * Names of WAVE format tags (mmreg.h), for "unsupported codec" messages. Only the ones an upload plausibly carries;
 * any other tag is named by its number.
 */
const CODEC_NAMES: Readonly<Record<number, string>> = {
  0x0000: "Unknown format",
  0x0002: "MS ADPCM",
  0x0003: "IEEE float",
  0x0010: "OKI ADPCM",
  0x0011: "IMA ADPCM",
  0x0014: "G.723 ADPCM (Yamaha)",
  0x0016: "DigiFix",
  0x0020: "Yamaha ADPCM",
  0x0022: "DSP Group TrueSpeech",
  0x0031: "GSM 6.10",
  0x0040: "G.721 ADPCM",
  0x0042: "G.723.1 (Microsoft)",
  0x0045: "G.726 ADPCM",
  0x0050: "MPEG Layer 1/2",
  0x0055: "MPEG Layer 3",
  0x0064: "G.726 ADPCM (APTX)",
  0x0065: "G.722 ADPCM",
  0x0075: "RT24 (Voxware)",
  0x00ff: "AAC",
  0x0160: "Windows Media Audio v1",
  0x0161: "Windows Media Audio v2",
  0x0162: "Windows Media Audio Pro",
  0x0163: "Windows Media Audio Lossless",
  0x0200: "Creative ADPCM",
  0x1600: "MPEG-2/4 AAC (ADTS)",
  0x1610: "HE-AAC",
  0x2000: "Dolby AC-3",
  0x2001: "DTS",
  0x674f: "Ogg Vorbis (mode 1)",
  0x6750: "Ogg Vorbis (mode 2)",
  0x6751: "Ogg Vorbis (mode 3)",
  0x6771: "Ogg Vorbis (mode 3+)",
  0x704f: "Opus",
  0xf1ac: "FLAC",
  0xfffe: "WAVE_FORMAT_EXTENSIBLE",
};

/** E.g. "MPEG Layer 3 (0x0055)", or "format 0x1234" for a tag we have no name for. */
export function codecName(formatTag: number): string {
  const hex = `0x${formatTag.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CODEC_NAMES[formatTag];
  return name ? `${name} (${hex})` : `format ${hex}`;
}
