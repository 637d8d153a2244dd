/**
 * FLAC, MP3, Ogg Vorbis and Ogg Opus to the detector's DecodedAudio, with the wasm decoders (they run in Node,
 * not in workerd). The file is fed in slices so only the capped mono signal and one slice of decoder output are
 * held at a time; each decoder instance is freed after its file (the compiled wasm module is cached by the
 * library, so a fresh instance per file costs well under a millisecond after the first).
 */
import { FLACDecoder } from "@wasm-audio-decoders/flac";
import { OggVorbisDecoder } from "@wasm-audio-decoders/ogg-vorbis";
import { MPEGDecoder } from "mpg123-decoder";
import { OggOpusDecoder } from "ogg-opus-decoder";
import type { DecodedAudio } from "../../src/detector/detector";
import { CappedMono } from "./capped-mono";
import { FileError } from "./file-error";
import { completeOggPagesLength } from "./ogg-pages";
import type { AudioFormat } from "./sniff";

export type CompressedFormat = Exclude<AudioFormat, "wav">;

interface DecodedChunk {
  channelData: Float32Array[];
  sampleRate: number;
  /** Only FLAC's is the file's own; the lossy decoders report a fixed 16. */
  bitDepth?: number;
  errors: { message: string }[];
}

/** What the four decoder classes have in common (some answer synchronously, some with a promise). */
interface StreamDecoder {
  ready: Promise<void>;
  decode(bytes: Uint8Array): DecodedChunk | Promise<DecodedChunk>;
  flush?(): Promise<DecodedChunk>;
  free(): void;
}

const DECODERS: Record<CompressedFormat, { name: string; create(): StreamDecoder }> = {
  flac: { name: "FLAC", create: () => new FLACDecoder() },
  mp3: { name: "MP3", create: () => new MPEGDecoder() },
  "ogg-vorbis": { name: "Ogg Vorbis", create: () => new OggVorbisDecoder() },
  // No speech enhancement: the detector must hear the codec's own output, artefacts included.
  "ogg-opus": { name: "Ogg Opus", create: () => new OggOpusDecoder() },
};

/** Input slice per decode call: small enough to bound the decoder's output per call, large enough to be cheap. */
const SLICE_BYTES = 64 * 1024;

export interface DecodedCompressed extends DecodedAudio {
  /** Frames or packets the decoder reported as damaged and skipped. */
  decodeErrors: number;
}

/**
 * Decodes `bytes` (the stream itself, ID3 tags already skipped or not) keeping at most `maxSeconds`.
 * Throws FileError("decode_failed") when the decoder throws or yields no audio at all.
 */
export async function decodeCompressed(
  bytes: Uint8Array,
  format: CompressedFormat,
  maxSeconds: number,
): Promise<DecodedCompressed> {
  const { name, create } = DECODERS[format];
  const stream = format.startsWith("ogg") ? bytes.subarray(0, completeOggPagesLength(bytes)) : bytes;
  const mono = new CappedMono(maxSeconds);
  let decodeErrors = 0;
  let firstError: string | undefined;
  let bitDepth = 0;
  const take = (chunk: DecodedChunk) => {
    if (format === "flac" && chunk.bitDepth) rescaleFlacSamples(chunk.channelData, chunk.bitDepth);
    mono.push(chunk.channelData, chunk.sampleRate);
    decodeErrors += chunk.errors.length;
    firstError ??= chunk.errors[0]?.message;
    if (format === "flac" && chunk.bitDepth) bitDepth = chunk.bitDepth;
  };
  try {
    await withDecoderLogsSilenced(async () => {
      const decoder = create();
      try {
        await decoder.ready;
        for (let at = 0; at < stream.length; at += SLICE_BYTES) take(await decoder.decode(stream.subarray(at, at + SLICE_BYTES)));
        if (decoder.flush) take(await decoder.flush());
      } finally {
        decoder.free();
      }
    });
  } catch (e) {
    throw new FileError("decode_failed", `The ${name} decoder failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { samples, sampleRate, durationS, channels } = mono.result();
  if (samples.length === 0) {
    const why = firstError ? ` (${firstError.trim()})` : stream.length === 0 ? " (not one complete Ogg page)" : "";
    throw new FileError("decode_failed", `The ${name} decoder found no audio in this file${why}.`);
  }
  return {
    samples,
    sampleRate,
    durationS,
    // Lossy codecs have no bit depth; 0 says so in the detector's input description.
    input: { sample_rate: sampleRate, channels, bit_depth: bitDepth, format },
    decodeErrors,
  };
}

/**
 * The FLAC decoder divides b-bit integers by 2^(b-1) - 1 (measured: -32768 comes out as -1.0000305), where
 * soundfile, librosa and our WAV decoder divide by 2^(b-1). The integer is recovered (exact up to 24 bits, where
 * float32 still holds it within a quarter step) and divided again, so a FLAC scores exactly like its WAV.
 */
export function rescaleFlacSamples(channelData: Float32Array[], bitDepth: number): void {
  const decoderScale = 2 ** (bitDepth - 1) - 1;
  const fullScale = 2 ** (bitDepth - 1);
  for (const channel of channelData) {
    for (let i = 0; i < channel.length; i++) channel[i] = Math.round(channel[i] * decoderScale) / fullScale;
  }
}

/**
 * The decoders print every damaged frame to the console; a batch reports them as a count in its records instead
 * of flooding stderr (and the progress bar). Calls are sequential, so swapping the console methods is safe.
 */
async function withDecoderLogsSilenced<T>(run: () => Promise<T>): Promise<T> {
  const { error, warn } = console;
  console.error = console.warn = () => {};
  try {
    return await run();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}
