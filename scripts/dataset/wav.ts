/** Minimal mono 16-bit PCM WAV encoding and decoding (what every corpus clip is). */

export interface PcmClip {
  sampleRate: number;
  /** Mono samples in [-1, 1). */
  samples: Float32Array;
}

export function encodeWav16({ sampleRate, samples }: PcmClip): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32768)));
    view.setInt16(44 + i * 2, s, true);
  }
  return bytes;
}

/** Decodes a PCM WAV of 8/16-bit integer samples, averaging channels to mono. Throws on other formats. */
export function decodeWav(bytes: Uint8Array): PcmClip {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (tag(0) !== "RIFF" || tag(8) !== "WAVE") throw new Error("not a RIFF/WAVE file");
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number } | undefined;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    let size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === "fmt ") {
      const code = view.getUint16(body, true);
      if (code !== 1 && code !== 0xfffe) throw new Error(`unsupported WAV format code ${code}`);
      format = { channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (id === "data") {
      if (!format) throw new Error("data chunk before fmt chunk");
      // Streamed WAVs (sox/ffmpeg to a pipe) carry a placeholder size: take what is present.
      if (size === 0xffffffff || body + size > bytes.length) size = bytes.length - body;
      return { sampleRate: format.sampleRate, samples: pcmToMono(bytes.subarray(body, body + size), format.channels, format.bits) };
    }
    offset = body + size + (size & 1);
  }
  throw new Error("no data chunk");
}

function pcmToMono(data: Uint8Array, channels: number, bits: number): Float32Array {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const width = bits / 8;
  if (bits !== 8 && bits !== 16) throw new Error(`unsupported bit depth ${bits}`);
  const frames = Math.floor(data.length / (width * channels));
  const out = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) {
      const at = (f * channels + c) * width;
      sum += bits === 16 ? view.getInt16(at, true) / 32768 : (data[at] - 128) / 128;
    }
    out[f] = sum / channels;
  }
  return out;
}

/** Wraps raw unsigned 8-bit samples (sam-js output) as a clip. */
export function fromUnsigned8(data: Uint8Array, sampleRate: number): PcmClip {
  const samples = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) samples[i] = (data[i] - 128) / 128;
  return { sampleRate, samples };
}

/** Reads raw signed 16-bit little-endian samples. */
export function fromS16le(data: Uint8Array, sampleRate: number): PcmClip {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const samples = new Float32Array(data.length >> 1);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(i * 2, true) / 32768;
  return { sampleRate, samples };
}

/** Writes samples as raw signed 16-bit little-endian. */
export function toS16le(samples: Float32Array): Uint8Array {
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32768))), true);
  return out;
}
