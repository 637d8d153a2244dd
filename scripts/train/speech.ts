/**
 * The audio the detector analyses, taken exactly as src/detector/detector.ts takes it (resample to 16 kHz, trim
 * leading and trailing silence, refuse less than MIN_ANALYZED_SECONDS), so training sees what the product sees.
 */
import { isAudioError } from "../../src/audio/errors";
import { resample } from "../../src/audio/resample";
import { trimSilence } from "../../src/audio/trim";
import { MIN_ANALYZED_SECONDS } from "../../src/detector/detector";
import { ANALYSIS } from "../../src/detector/frame-features";

/** The trimmed 16 kHz speech of a decoded signal, or undefined when the detector would refuse it. */
export function analysedSpeech(samples: Float32Array, sampleRate: number): Float32Array | undefined {
  const signal = resample(samples, sampleRate, ANALYSIS.sampleRate);
  let range;
  try {
    range = trimSilence(signal);
  } catch (error) {
    if (isAudioError(error)) return undefined;
    throw error;
  }
  const speech = signal.subarray(range.start, range.end);
  return speech.length / ANALYSIS.sampleRate < MIN_ANALYZED_SECONDS ? undefined : speech;
}
