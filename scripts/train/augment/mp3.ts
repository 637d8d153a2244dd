import { Mp3Encoder } from "@breezystack/lamejs";
import { MPEGDecoder } from "mpg123-decoder";

/** Samples per MPEG-2 layer III frame at 16 kHz. */
const FRAME = 576;

/**
 * An MP3 round trip at `kbps` (CBR, mono, at the clip's rate: 16 kHz is MPEG-2 layer III): encoded by lamejs,
 * decoded by mpg123 (wasm). The decoder's output is longer by the codec's delay and padding; it is kept as decoded
 * (the detector trims silence anyway).
 */
export async function mp3RoundTrip(samples: Float32Array, sampleRate: number, kbps: number): Promise<Float32Array> {
  const encoder = new Mp3Encoder(1, sampleRate, kbps);
  const pcm = Int16Array.from(samples, (x) => Math.min(32767, Math.max(-32768, Math.round(x * 32768))));
  const parts: Uint8Array[] = [];
  for (let i = 0; i < pcm.length; i += FRAME) parts.push(encoder.encodeBuffer(pcm.subarray(i, i + FRAME)));
  parts.push(encoder.flush());
  const bytes = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  const decoder = await sharedDecoder();
  await decoder.reset();
  const decoded = decoder.decode(bytes);
  if (decoded.sampleRate !== sampleRate) throw new Error(`mp3 decoded at ${decoded.sampleRate} Hz, encoded at ${sampleRate} Hz`);
  return decoded.channelData[0].slice();
}

let decoder: Promise<MPEGDecoder> | undefined;

/** One decoder for the process: instantiating mpg123's wasm costs more than decoding a clip. */
function sharedDecoder(): Promise<MPEGDecoder> {
  return (decoder ??= (async () => {
    const instance = new MPEGDecoder();
    await instance.ready;
    return instance;
  })());
}
