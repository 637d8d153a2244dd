/**
 * Speech clips of any length for the API benchmark and load test: the real speech of ../shared/golden/inputs
 * (16 kHz mono), looped to the length asked, or, where that folder is absent, a synthetic voiced signal
 * (synthetic-voice.ts). Other rates are made by linear interpolation: enough for timing figures, not for accuracy.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { decodeWav } from "../src/audio/wav";
import { buildWav } from "../src/audio/testing/wav-builder";
import { syntheticVoice } from "./synthetic-voice";

const GOLDEN = resolve(import.meta.dirname, "../../shared/golden/inputs");
const SPEECH_FILES = ["speech_real_1", "speech_real_2", "speech_real_3", "speech_fake_1", "speech_fake_2", "speech_fake_3"];
const RATE = 16000;

export interface ClipShape {
  seconds: number;
  sampleRate?: number;
  channels?: number;
}

/** Where the speech comes from, for the report. */
export function speechSource(): string {
  return existsSync(GOLDEN) ? `real speech from ${GOLDEN}, looped` : "synthetic voiced signal (golden inputs absent)";
}

/** A 16-bit PCM WAV of speech with the given shape (every channel carries the same speech). */
export function speechClipWav({ seconds, sampleRate = RATE, channels = 1 }: ClipShape): Uint8Array<ArrayBuffer> {
  const speech = atRate(speechAt16k(Math.ceil(seconds * RATE)), sampleRate, Math.round(seconds * sampleRate));
  const codes = Int16Array.from(speech, (x) => Math.max(-32768, Math.min(32767, Math.round(x * 32767))));
  const wav = buildWav({ sampleRate, encoding: "pcm", bitDepth: 16, channels: Array.from({ length: channels }, () => codes) });
  return new Uint8Array(wav);
}

function speechAt16k(length: number): Float32Array {
  const source = existsSync(GOLDEN) ? goldenSpeech() : syntheticVoice(RATE * 5, RATE);
  return Float32Array.from({ length }, (_, i) => source[i % source.length] ?? 0);
}

function goldenSpeech(): Float32Array {
  const parts = SPEECH_FILES.map((name) => decodeWav(readFileSync(resolve(GOLDEN, `${name}.wav`))).samples);
  const joined = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

function atRate(samples: Float32Array, sampleRate: number, length: number): Float32Array {
  if (sampleRate === RATE) return samples.subarray(0, length);
  const step = RATE / sampleRate;
  return Float32Array.from({ length }, (_, i) => {
    const position = i * step;
    const left = Math.floor(position);
    const fraction = position - left;
    return (samples[left] ?? 0) * (1 - fraction) + (samples[left + 1] ?? 0) * fraction;
  });
}
