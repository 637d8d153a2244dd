/**
 * Property-based fuzzing of the decoder and of the whole analysis (the product detector with the committed model)
 * over structured hostile WAV files (wav-arbitraries.ts) and over mutations of the corpus's valid files. Either the
 * input is analysed into a coherent, finite answer, or it is refused with an AudioError carrying one of the stable
 * codes; nothing else may come out. A failure prints the plan of the file that broke it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AUDIO_ERROR_CODES, isAudioError } from "../../src/audio/errors";
import { decodeWav } from "../../src/audio/wav";
import { MAX_CHANNELS, MAX_SAMPLE_RATE, MIN_SAMPLE_RATE } from "../../src/audio/wav-format";
import { SEGMENT_SECONDS, type Analysis, type AnalyzeOptions } from "../../src/detector/types";
import { HOSTILE_CASES } from "./hostile-cases";
import { API_DEFAULT_OPTIONS, realDetector } from "./real-detector";
import { hostileWav } from "./wav-arbitraries";

const detector = realDetector();

/**
 * Runs `attempt`; an AudioError with a known code is an acceptable answer, anything else thrown fails the run.
 * Returns the outcome ("accepted" or the code) for the tally that shows the runs went deep.
 */
function refusedOr<T>(attempt: () => T, check: (value: T) => void): string {
  let value: T;
  try {
    value = attempt();
  } catch (error) {
    if (!isAudioError(error)) throw error;
    expect(AUDIO_ERROR_CODES).toContain(error.code);
    return error.code;
  }
  check(value);
  return "accepted";
}

/** Counts outcomes of a property's runs. */
function tally() {
  const counts = new Map<string, number>();
  return { add: (outcome: string) => counts.set(outcome, (counts.get(outcome) ?? 0) + 1), counts };
}

function expectCoherentAnalysis(analysis: Analysis, options: AnalyzeOptions): void {
  const { probability_fake: p, thresholds, verdict } = analysis;
  expect(p).toBeGreaterThanOrEqual(0);
  expect(p).toBeLessThanOrEqual(1);
  expect(verdict).toBe(p >= thresholds.fake ? "fake" : p <= thresholds.real ? "real" : "uncertain");
  for (const value of [analysis.duration_s, analysis.analyzed_s, analysis.trimmed_s, ...Object.values(analysis.timing_ms)]) {
    expect(Number.isFinite(value) && value >= 0).toBe(true);
  }
  expect(analysis.analyzed_s).toBeGreaterThanOrEqual(0.5);
  expect(analysis.analyzed_s).toBeLessThanOrEqual(Math.min(analysis.duration_s, options.maxAnalyzedSeconds) + 1e-3);
  if (!options.segments) expect(analysis.segments).toEqual([]);
  for (const segment of analysis.segments) {
    expect(segment.start_s).toBeLessThan(segment.end_s);
    expect(segment.end_s).toBeLessThanOrEqual(analysis.duration_s + 1e-3);
    expect(segment.probability_fake).toBeGreaterThanOrEqual(0);
    expect(segment.probability_fake).toBeLessThanOrEqual(1);
  }
}

/** The product detector's answer to `bytes`: a coherent analysis ("accepted") or a stable refusal (its code). */
const analysedOrRefused = (bytes: Uint8Array, options: AnalyzeOptions) =>
  refusedOr(
    () => detector.analyze(bytes, options),
    (analysis) => expectCoherentAnalysis(analysis, options),
  );

const analyzeOptions: fc.Arbitrary<AnalyzeOptions> = fc.record({
  segmentSeconds: fc.double({ min: SEGMENT_SECONDS.min, max: SEGMENT_SECONDS.max, noNaN: true }),
  segments: fc.boolean(),
  maxAnalyzedSeconds: fc.oneof(fc.constant(600), fc.double({ min: 0.01, max: 600, noNaN: true })),
});

describe("decodeWav over structured hostile files", () => {
  it("decodes into bounded, finite, in-range audio or refuses with a stable code", () => {
    const outcomes = tally();
    fc.assert(
      fc.property(hostileWav, (bytes) => {
        const outcome = refusedOr(
          () => decodeWav(bytes, { maxSeconds: 600 }),
          (wav) => {
            expect(wav.channels).toBeGreaterThanOrEqual(1);
            expect(wav.channels).toBeLessThanOrEqual(MAX_CHANNELS);
            expect(wav.sampleRate).toBeGreaterThanOrEqual(MIN_SAMPLE_RATE);
            expect(wav.sampleRate).toBeLessThanOrEqual(MAX_SAMPLE_RATE);
            // Never more frames than the bytes present can hold, whatever the header said.
            expect((wav.frames * wav.channels * wav.bitDepth) / 8).toBeLessThanOrEqual(bytes.length);
            expect(wav.samples.length).toBeGreaterThanOrEqual(1);
            expect(wav.samples.length).toBeLessThanOrEqual(wav.frames);
            expect(wav.samples.every(Number.isFinite)).toBe(true);
          },
        );
        outcomes.add(outcome);
      }),
      { numRuns: 3000 },
    );
    expect(outcomes.counts.get("accepted")).toBeGreaterThan(100);
    expect(outcomes.counts.size).toBeGreaterThanOrEqual(10);
  });
});

describe("the whole analysis (product detector) over hostile files", () => {
  it("structured hostile files with any options: a coherent analysis or a stable refusal", () => {
    const outcomes = tally();
    fc.assert(
      fc.property(hostileWav, analyzeOptions, (bytes, options) => {
        outcomes.add(analysedOrRefused(bytes, options));
      }),
      { numRuns: 400 },
    );
    expect(outcomes.counts.get("accepted")).toBeGreaterThan(5);
  });

  it("mutations of the corpus's valid files (overwrites, cuts, splices): the same", () => {
    const valid = HOSTILE_CASES.filter((c) => c.expected.code === null && c.bytes().length < 200_000).map((c) => c.bytes());
    const mutation = fc.record({
      source: fc.nat({ max: valid.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }), splice: fc.boolean() }), {
        minLength: 1,
        maxLength: 6,
      }),
      cut: fc.option(fc.nat(), { nil: undefined }),
    });
    const outcomes = tally();
    fc.assert(
      fc.property(mutation, ({ source, edits, cut }) => {
        let bytes = valid[source].slice();
        for (const edit of edits) bytes = applyEdit(bytes, edit);
        if (cut !== undefined) bytes = bytes.subarray(0, cut % (bytes.length + 1));
        outcomes.add(analysedOrRefused(bytes, API_DEFAULT_OPTIONS));
      }),
      { numRuns: 400 },
    );
    expect(outcomes.counts.get("accepted")).toBeGreaterThan(20);
  });
});

function applyEdit(bytes: Uint8Array, { at, bytes: patch, splice }: { at: number; bytes: Uint8Array; splice: boolean }) {
  const where = at % (bytes.length + 1);
  if (!splice) {
    const out = bytes.slice();
    out.set(patch.subarray(0, out.length - where), where);
    return out;
  }
  const out = new Uint8Array(bytes.length + patch.length);
  out.set(bytes.subarray(0, where));
  out.set(patch, where);
  out.set(bytes.subarray(where), where + patch.length);
  return out;
}
