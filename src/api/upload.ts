/**
 * The upload contract shared by POST /api/v1/analyze and POST /predict: a WAV file as multipart/form-data (field
 * `file`) or as the raw request body. Analysis options are query parameters for either kind of body; a multipart
 * upload may carry them as form fields instead. Giving one option both ways with different values is refused
 * rather than resolved by a precedence rule nobody remembers.
 */
import { z } from "@hono/zod-openapi";
import { type AnalyzeOptions, SEGMENT_SECONDS } from "../detector/types";
import type { Limits } from "./limits";
import { ProblemError } from "./problem";

export const MULTIPART = "multipart/form-data";
export const RAW_WAV_MEDIA_TYPES = ["audio/wav", "audio/x-wav", "audio/wave", "application/octet-stream"] as const;

export const BROWSER_CONVERSION_HINT =
  "The API decodes WAV only; the web page converts MP3, M4A, OGG, FLAC and WebM to WAV in the browser.";
const HOW_TO_UPLOAD = 'Send multipart/form-data with the field "file", or the raw WAV with Content-Type audio/wav.';

const segmentSeconds = z.coerce
  .number()
  .min(SEGMENT_SECONDS.min)
  .max(SEGMENT_SECONDS.max)
  .optional()
  .openapi({
    description: `Length of each timeline segment in seconds (${SEGMENT_SECONDS.min}-${SEGMENT_SECONDS.max}, default ${SEGMENT_SECONDS.default}).`,
    example: SEGMENT_SECONDS.default,
  });

const segments = z
  .enum(["true", "false"])
  .optional()
  .openapi({ description: "Whether to return the per-segment timeline (default true).", example: "true" });

export const AnalyzeQuerySchema = z.object({ segment_seconds: segmentSeconds, segments });

const file = z.instanceof(File).openapi({
  type: "string",
  format: "binary",
  description: "The WAV file (PCM 8-32 bit, IEEE float, A-law or mu-law; RIFF, RIFX or RF64).",
});

export const AnalyzeFormSchema = z
  .object({ file, segment_seconds: segmentSeconds, segments })
  .openapi("AnalyzeUpload", { description: "A WAV file and, optionally, the analysis options as form fields." });

export const PredictFormSchema = z
  .object({ file })
  .openapi("PredictUpload", { description: "A WAV file (the seed's upload form)." });

const rawWav = z.string().openapi({ type: "string", format: "binary", description: "The WAV file as the body." });

/**
 * The request body of an upload route. `required: false` only because @hono/zod-openapi would otherwise run the
 * multipart validator on raw bodies too; an empty body is answered 415 `empty_input` like any other non-WAV.
 */
export function uploadRequestBody<Form extends typeof AnalyzeFormSchema | typeof PredictFormSchema>(form: Form) {
  return {
    required: false,
    description: "The WAV file: multipart/form-data with field `file`, or the raw bytes with a WAV content type.",
    content: {
      [MULTIPART]: { schema: form },
      ...Object.fromEntries(RAW_WAV_MEDIA_TYPES.map((type) => [type, { schema: rawWav }])),
    },
  } as const;
}

/** The media type without its parameters, lower case: "multipart/form-data; boundary=x" -> "multipart/form-data". */
export function mediaTypeEssence(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Refuses, before the body is read, a content type that is neither multipart nor a raw WAV type. */
export function requireUploadMediaType(contentType: string | undefined): void {
  const essence = mediaTypeEssence(contentType);
  if (essence === MULTIPART || (RAW_WAV_MEDIA_TYPES as readonly string[]).includes(essence)) return;
  const sent = essence === "" ? "No Content-Type was sent." : `Content-Type "${essence.slice(0, 100)}" is not accepted.`;
  throw new ProblemError(
    "unsupported_media_type",
    `${sent} ${HOW_TO_UPLOAD} ${BROWSER_CONVERSION_HINT}`,
  );
}

type OptionFields = z.infer<typeof AnalyzeQuerySchema>;

export function analyzeOptions(query: OptionFields, form: Partial<OptionFields>, limits: Limits): AnalyzeOptions {
  const seconds = agreed("segment_seconds", query.segment_seconds, form.segment_seconds);
  const timeline = agreed("segments", query.segments, form.segments);
  return {
    segmentSeconds: seconds ?? SEGMENT_SECONDS.default,
    segments: timeline !== "false",
    maxAnalyzedSeconds: limits.maxAnalyzedSeconds,
  };
}

function agreed<T>(name: string, fromQuery: T | undefined, fromForm: T | undefined): T | undefined {
  if (fromQuery !== undefined && fromForm !== undefined && fromQuery !== fromForm) {
    throw new ProblemError(
      "conflicting_options",
      `${name} is given as a query parameter (${String(fromQuery)}) and as a form field (${String(fromForm)}); give it once.`,
    );
  }
  return fromQuery ?? fromForm;
}
