/**
 * Every failure the API can answer, by stable `code`: its HTTP status and the short title of the problem type.
 * Codes never change meaning; clients switch on `code`, people read `detail`. The audio codes are the decoder's
 * own (src/audio/errors.ts): a WAV that cannot be read is 400, bytes that are not a WAV at all are 415, audio
 * that decodes but holds too little to judge is 422.
 */
import type { AudioErrorCode } from "../audio/errors";

interface ProblemKind {
  status: number;
  title: string;
}

const AUDIO_PROBLEMS = {
  empty_input: { status: 415, title: "Empty upload" },
  not_wav: { status: 415, title: "Not a WAV file" },
  unsupported_codec: { status: 415, title: "Unsupported WAV codec" },
  malformed_header: { status: 400, title: "Malformed WAV header" },
  truncated: { status: 400, title: "Truncated WAV file" },
  too_many_chunks: { status: 400, title: "Too many WAV chunks" },
  invalid_channels: { status: 400, title: "Invalid channel count" },
  invalid_sample_rate: { status: 400, title: "Invalid sample rate" },
  invalid_bit_depth: { status: 400, title: "Invalid bit depth" },
  non_finite_samples: { status: 400, title: "Non-finite samples" },
  no_samples: { status: 400, title: "No samples" },
  silent_audio: { status: 422, title: "Silent audio" },
  too_short: { status: 422, title: "Too little audio" },
} as const satisfies Record<AudioErrorCode, ProblemKind>;

const HTTP_PROBLEMS = {
  invalid_request: { status: 400, title: "Invalid request" },
  conflicting_options: { status: 400, title: "Conflicting options" },
  malformed_body: { status: 400, title: "Malformed request body" },
  body_read_failed: { status: 400, title: "Request body could not be read" },
  missing_api_key: { status: 401, title: "API key required" },
  invalid_api_key: { status: 401, title: "Invalid API key" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  upload_too_large: { status: 413, title: "Upload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Internal error" },
} as const satisfies Record<string, ProblemKind>;

export const PROBLEM_KINDS: Readonly<Record<ProblemCode, ProblemKind>> = { ...AUDIO_PROBLEMS, ...HTTP_PROBLEMS };

export type ProblemCode = keyof typeof AUDIO_PROBLEMS | keyof typeof HTTP_PROBLEMS;

export const PROBLEM_CODES = Object.keys(PROBLEM_KINDS) as [ProblemCode, ...ProblemCode[]];

/** The codes answered with `status`, for the OpenAPI description of that response. */
export function codesWithStatus(status: number): ProblemCode[] {
  return PROBLEM_CODES.filter((code) => PROBLEM_KINDS[code].status === status);
}
