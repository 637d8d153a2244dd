/**
 * A deterministic stand-in for the detector, for tests about HTTP behaviour. It accepts bytes starting with "RIFF";
 * "RIFFfail:<code>" throws the AudioError with that code, "RIFFbug" throws a plain Error (a bug, not an input).
 * The probability is a function of the byte count, so tests can tell which bytes reached it. Every call is recorded.
 */
import { AudioError, type AudioErrorCode } from "../../src/audio/errors";
import type { Analyzer } from "../../src/api/analyzer";
import type { Analysis, AnalyzeOptions } from "../../src/detector/types";

export interface FakeAnalyzer extends Analyzer {
  calls: { bytes: Uint8Array; options: AnalyzeOptions }[];
}

export const FAKE_MODEL_CARD = { name: "fake-forest", version: "0.0.0-test", intended_use: "tests" };

export function fakeAnalyzer(): FakeAnalyzer {
  const calls: FakeAnalyzer["calls"] = [];
  return {
    calls,
    modelCard: () => FAKE_MODEL_CARD,
    analyze(bytes, options) {
      calls.push({ bytes: bytes.slice(), options });
      const head = new TextDecoder().decode(bytes.subarray(0, 48));
      if (bytes.length === 0) throw new AudioError("empty_input", "The upload is empty.");
      if (!head.startsWith("RIFF")) throw new AudioError("not_wav", "The bytes are not a RIFF/RF64 WAVE file.");
      const failure = /^RIFFfail:([a-z_]+)/.exec(head)?.[1];
      if (failure) throw new AudioError(failure as AudioErrorCode, `Fake failure ${failure}.`);
      if (head.startsWith("RIFFbug")) throw new Error("fake analyzer bug");
      return fakeAnalysis(bytes.length, options);
    },
  };
}

/** probability_fake = (byte count mod 101) / 100; one segment per segmentSeconds of a 4 s clip. */
export function fakeAnalysis(byteCount: number, options: AnalyzeOptions): Analysis {
  const probability = (byteCount % 101) / 100;
  const duration = 4;
  const starts = Array.from({ length: Math.ceil(duration / options.segmentSeconds) }, (_, i) => i * options.segmentSeconds);
  return {
    verdict: probability >= 0.7 ? "fake" : probability <= 0.3 ? "real" : "uncertain",
    probability_fake: probability,
    thresholds: { fake: 0.7, real: 0.3 },
    duration_s: duration,
    analyzed_s: Math.min(duration, options.maxAnalyzedSeconds),
    trimmed_s: 0,
    excerpts: [{ start_s: 0, end_s: Math.min(duration, options.maxAnalyzedSeconds) }],
    input: { sample_rate: 16000, channels: 1, bit_depth: 16, format: "pcm" },
    segments: options.segments
      ? starts.map((start) => ({
          start_s: start,
          end_s: Math.min(duration, start + options.segmentSeconds),
          probability_fake: probability,
        }))
      : [],
    model: { name: "fake-forest", version: "0.0.0-test", sha256: "0".repeat(64) },
    timing_ms: { decode: 1, features: 2, model: 3, total: 6 },
  };
}

/** Bytes the fake accepts, `size` long, padded after a RIFF tag. */
export function fakeWav(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode("RIFF"));
  return bytes;
}

export function fakeFailure(code: string): Uint8Array {
  return new TextEncoder().encode(`RIFFfail:${code}`);
}
