/**
 * The analysis result (src/detector/types.ts) as an OpenAPI schema. analysis-schema.test.ts checks at compile time
 * that the two describe the same shape, so the documentation cannot drift from what the detector returns.
 */
import { z } from "@hono/zod-openapi";
import { EXCERPTS } from "../detector/excerpts";

const probability = z.number().min(0).max(1);
const seconds = z.number().min(0);

export const ThresholdsSchema = z
  .object({
    fake: probability.openapi({ description: "probability_fake at or above which the verdict is `fake`." }),
    real: probability.openapi({ description: "probability_fake at or below which the verdict is `real`." }),
  })
  .openapi("Thresholds", { description: "Between the two thresholds the verdict is `uncertain`." });

export const StretchSchema = z
  .object({ start_s: seconds, end_s: seconds })
  .openapi("Stretch", { description: "A stretch of the input, in seconds from its start." });

export const SegmentSchema = z
  .object({ start_s: seconds, end_s: seconds, probability_fake: probability })
  .openapi("Segment", { description: "One stretch of the analysed audio, in seconds from the start of the input." });

export const ModelIdentitySchema = z
  .object({
    name: z.string(),
    version: z.string(),
    sha256: z.string().openapi({ description: "SHA-256 of the model binary." }),
  })
  .openapi("ModelIdentity");

export const AnalysisSchema = z
  .object({
    verdict: z.enum(["real", "fake", "uncertain"]),
    probability_fake: probability.openapi({ description: "Calibrated probability that the speech is AI-generated." }),
    thresholds: ThresholdsSchema,
    duration_s: seconds.openapi({ description: "Duration of the decoded input, before trimming." }),
    analyzed_s: seconds.openapi({ description: "Seconds the verdict is based on: the total length of `excerpts`." }),
    trimmed_s: seconds.openapi({ description: "Seconds of leading plus trailing silence removed." }),
    excerpts: z.array(StretchSchema).openapi({
      description:
        `The stretches of the input the verdict is based on. Up to ${EXCERPTS.wholeUpToS} s of input: all of its ` +
        `sound, one stretch. A longer recording (up to MAX_ANALYZED_SECONDS of it) is judged on ${EXCERPTS.count} ` +
        `excerpts of ${EXCERPTS.seconds} s spread evenly from its first sound to its last, so that every request ` +
        "costs about the same.",
    }),
    input: z
      .object({
        sample_rate: z.number().int(),
        channels: z.number().int(),
        bit_depth: z.number().int(),
        format: z.string().openapi({ description: '"pcm", "float", "alaw" or "mulaw", e.g. "pcm (RF64)".' }),
      })
      .openapi({ description: "What the upload was." }),
    segments: z.array(SegmentSchema).openapi({ description: "The timeline; empty when `segments=false`." }),
    model: ModelIdentitySchema,
    timing_ms: z
      .object({ decode: seconds, features: seconds, model: seconds, total: seconds })
      .openapi({ description: "Server-side time per stage, in milliseconds." }),
  })
  .openapi("Analysis");
