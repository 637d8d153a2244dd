/**
 * The contract between the detector (decode -> resample -> trim -> features -> forest) and its callers: the API,
 * the CLI and the benchmarks. Field names are the API's JSON names on purpose, so the API returns this object as is.
 */
export type Verdict = "real" | "fake" | "uncertain";

/** The range and default of AnalyzeOptions.segmentSeconds, shared by the API and the CLI. */
export const SEGMENT_SECONDS = { min: 0.5, max: 10, default: 2 } as const;

export interface AnalyzeOptions {
  /** Length of each timeline segment in seconds (0.5-10). */
  segmentSeconds: number;
  /** Whether to return the per-segment timeline. */
  segments: boolean;
  /** Analysis covers at most this many seconds of the (trimmed) input; the rest is ignored and reported. */
  maxAnalyzedSeconds: number;
}

export interface InputDescription {
  sample_rate: number;
  channels: number;
  bit_depth: number;
  /** "pcm" | "float" | "alaw" | "mulaw", with the container when it is not plain RIFF, e.g. "pcm (RF64)". */
  format: string;
}

/** A stretch of the input, in seconds from its start. */
export interface Stretch {
  start_s: number;
  end_s: number;
}

/** A stretch of the timeline and its own score. */
export interface Segment extends Stretch {
  probability_fake: number;
}

export interface ModelIdentity {
  name: string;
  version: string;
  sha256: string;
}

export interface Thresholds {
  /** probability_fake at or above which the verdict is "fake". */
  fake: number;
  /** probability_fake at or below which the verdict is "real"; between the two it is "uncertain". */
  real: number;
}

export interface Analysis {
  verdict: Verdict;
  probability_fake: number;
  thresholds: Thresholds;
  /** Duration of the decoded input, before trimming. */
  duration_s: number;
  /** Seconds of audio the verdict is based on: the sum of `excerpts`. */
  analyzed_s: number;
  /** Seconds of leading plus trailing silence removed. */
  trimmed_s: number;
  /** The stretches of the input the verdict is based on (see src/detector/excerpts.ts). */
  excerpts: Stretch[];
  input: InputDescription;
  segments: Segment[];
  model: ModelIdentity;
  timing_ms: { decode: number; features: number; model: number; total: number };
}
