import { resampledLength, resampleSource } from "../audio/resample";
import type { SampleSource } from "../audio/sample-source";
import { trimSilence, trimSilenceSource } from "../audio/trim";
import { ANALYSIS } from "./frame-features";

/**
 * How much of a recording the detector analyses. Up to `wholeUpToS` of input it analyses all the sound, trimmed
 * as training trimmed its clips (every training clip is shorter). A longer recording is judged on `count` excerpts
 * of `seconds` each, spread evenly from the first sound to the last: the cost of a request and its memory beyond
 * the upload stay the same for a ten-minute call as for a 20 s clip (a megabyte of 4 kHz audio is 262 s), and the
 * verdict still hears the whole recording rather than its beginning.
 */
export const EXCERPTS = { wholeUpToS: 20, count: 5, seconds: 4 } as const;

/** A stretch of the input at the analysis rate: its samples, and where it starts in the input. */
export interface Excerpt {
  readonly signal: Float32Array;
  /** Analysis-rate samples of the input before signal[0]. */
  readonly offset: number;
}

export interface AnalysedStretches {
  /** In the input's order; one for an input analysed whole. */
  readonly excerpts: Excerpt[];
  /** Seconds of silence trimmed before the first sound and after the last. */
  readonly trimmedS: number;
}

/** The stretches of a source (mono, at sampleRate) the detector analyses, at ANALYSIS.sampleRate. */
export function analysedStretches(source: SampleSource, sampleRate: number): AnalysedStretches {
  const rate = ANALYSIS.sampleRate;
  const inputS = source.length / sampleRate;
  if (inputS <= EXCERPTS.wholeUpToS) {
    const signal = resampleSource(source, sampleRate, rate);
    const { start, end } = trimSilence(signal);
    return { excerpts: [{ signal: signal.subarray(start, end), offset: start }], trimmedS: inputS - (end - start) / rate };
  }
  // Found at the input's own rate, so that nothing outside the excerpts is ever resampled.
  const sound = trimSilenceSource(source, sampleRate);
  const outLength = resampledLength(source.length, sampleRate, rate);
  const first = Math.min(outLength, Math.floor((sound.start * rate) / sampleRate));
  const end = Math.min(outLength, Math.ceil((sound.end * rate) / sampleRate));
  const trimmedS = inputS - (end - first) / rate;
  const length = Math.round(EXCERPTS.seconds * rate);
  const excerpt = (from: number, to: number) => ({
    signal: resampleSource(source, sampleRate, rate, { start: from, end: to }),
    offset: from,
  });
  if (end - first <= EXCERPTS.count * length) return { excerpts: [excerpt(first, end)], trimmedS };
  const step = (end - first - length) / (EXCERPTS.count - 1);
  const excerpts = Array.from({ length: EXCERPTS.count }, (_, i) => {
    const offset = first + Math.round(i * step);
    return excerpt(offset, offset + length);
  });
  return { excerpts, trimmedS };
}
