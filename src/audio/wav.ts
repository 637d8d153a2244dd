import { downmixToMono } from "./downmix";
import { AudioError } from "./errors";
import { findWaveChunks, type WaveContainer } from "./riff";
import { readWhole, type SampleSource } from "./sample-source";
import { readSamples, scratchBytes } from "./sample-values";
import { parseFmt, type SampleEncoding } from "./wav-format";
import { copyZeroPadded, insideWindow } from "./zero-padded";

export interface DecodedWav {
  /** Mono float32 at the file's rate: the channel mean, as librosa.load(mono=True) computes it. */
  samples: Float32Array;
  sampleRate: number;
  channels: number;
  /** Bits per stored sample (8 for A-law/mu-law). */
  bitDepth: number;
  format: SampleEncoding;
  container: WaveContainer;
  /** Frames (sample instants) in the file, even when `maxFrames` converted fewer. */
  frames: number;
  /** frames / sampleRate. */
  durationS: number;
}

export interface DecodeWavOptions {
  /** Convert at most this many frames (the rest is neither converted nor checked). Default: all. */
  maxFrames?: number;
  /** Convert at most this many seconds at the file's own rate (combined with maxFrames, the smaller wins). */
  maxSeconds?: number;
  /** Refuse files with more chunks than this before `fmt ` and `data` are found. Default 1024. */
  maxChunks?: number;
}

export const DEFAULT_MAX_CHUNKS = 1024;

/**
 * Interleaved samples converted at a time. The integer codes of 8-bit, 24-bit, A-law/mu-law, RIFX or misaligned
 * data (up to twice the bytes they come from) then exist for one block in one reused scratch buffer (512 KiB at
 * most), never for the whole file, and leave no garbage: memory is the input plus the mono result.
 */
const CONVERSION_BLOCK_SAMPLES = 1 << 16;

/**
 * Decodes a WAV file (RIFF, RIFX or RF64; PCM 8/16/24/32-bit, IEEE float 32/64-bit, A-law, mu-law, plain or
 * WAVE_FORMAT_EXTENSIBLE) to mono float32 samples exactly as soundfile + librosa.load(mono=True) read them.
 *
 * Every malformed input ends in an AudioError with a stable code; time and memory are bounded by the bytes present,
 * never by sizes a header claims.
 *
 * wavefile supplies the G.711 expansion tables; chunk walking, header checks and sample conversion are ours,
 * because wavefile parses every chunk of a file up front (200k empty chunks: ~0.5 s, 137 MB), accepts zero channels
 * and absurd rates, misreads extensible float and 64-bit integer PCM, and its getSamples() needs ~2.2 s and ~250 MB
 * for a 20 MB stereo file (PLATFORM.md in the shared folder beside the project); a typed-array loop over the data
 * chunk needs milliseconds.
 *
 * @example
 * const wav = decodeWav(await request.arrayBuffer(), { maxFrames: 60 * 48000 });
 * wav.samples; // Float32Array, mono, at wav.sampleRate
 */
export function decodeWav(input: Uint8Array | ArrayBuffer, options: DecodeWavOptions = {}): DecodedWav {
  const { source, ...header } = openWav(input, options);
  return { samples: readWhole(source), ...header };
}

/** What decodeWav tells of a file, with its samples still to be converted: read `source` for them, window by window. */
export interface OpenedWav extends Omit<DecodedWav, "samples"> {
  /** The mono samples decodeWav returns (zeros outside them), converted as they are read. */
  source: SampleSource;
}

/**
 * decodeWav without the conversion: the header is parsed and checked (the same errors), and the samples are
 * converted only when read, so that a resampler can take a long or high-rate file block by block.
 */
export function openWav(input: Uint8Array | ArrayBuffer, options: DecodeWavOptions = {}): OpenedWav {
  const maxFrames = positiveIntegerOption("maxFrames", options.maxFrames, Number.MAX_SAFE_INTEGER);
  const maxChunks = positiveIntegerOption("maxChunks", options.maxChunks, DEFAULT_MAX_CHUNKS);
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) throw new AudioError("empty_input", "The file is empty.");
  const { container, littleEndian, fmt, data } = findWaveChunks(bytes, maxChunks);
  const format = parseFmt(bytes, fmt, littleEndian);
  const frames = Math.floor(data.size / format.blockAlign);
  if (frames === 0) {
    throw new AudioError("no_samples", `The data chunk holds ${data.size} bytes: not one complete sample frame.`);
  }
  const secondsCap = options.maxSeconds === undefined ? Infinity : Math.ceil(options.maxSeconds * format.sampleRate);
  if (!(secondsCap > 0)) throw new RangeError("decodeWav: maxSeconds must be positive");
  const converted = Math.min(frames, maxFrames, secondsCap);
  const blockFrames = Math.min(converted, Math.max(1, Math.floor(CONVERSION_BLOCK_SAMPLES / format.channels)));
  let scratch: ArrayBuffer | undefined;
  const convert = (first: number, mono: Float32Array) => {
    scratch ??= new ArrayBuffer(scratchBytes(blockFrames * format.channels));
    const end = Math.min(converted, first + mono.length);
    for (let at = first; at < end; at += blockFrames) {
      const count = Math.min(blockFrames, end - at);
      const offset = data.offset + at * format.blockAlign;
      const { values, scale } = readSamples(bytes, offset, count * format.channels, format, littleEndian, scratch);
      const block = mono.subarray(at - first, at - first + count);
      downmixToMono(values, format.channels, count, scale, block);
      if (format.encoding === "float") assertFinite(block, at);
    }
  };
  let window = new Float32Array(0);
  const source: SampleSource = {
    length: converted,
    read(start, count, span) {
      const { lo, hi } = insideWindow(start, count, converted);
      if (window.length < hi - lo) window = new Float32Array(hi - lo);
      const samples = window.subarray(0, hi - lo);
      convert(start + lo, samples);
      copyZeroPadded(samples, -lo, count, span);
    },
    readInto: convert,
  };
  return {
    source,
    sampleRate: format.sampleRate,
    channels: format.channels,
    bitDepth: format.bitDepth,
    format: format.encoding,
    container,
    frames,
    durationS: frames / format.sampleRate,
  };
}

/** NaN, ±Inf, or float64 samples beyond the float32 range (they became ±Inf in the mono signal). */
function assertFinite(samples: Float32Array, firstFrame: number): void {
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i];
    if (v - v !== 0) {
      const frame = firstFrame + i;
      throw new AudioError("non_finite_samples", `Sample frame ${frame} is ${v}: the file holds NaN or infinite values.`);
    }
  }
}

function positiveIntegerOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`decodeWav: ${name} must be a positive integer`);
  return value;
}
