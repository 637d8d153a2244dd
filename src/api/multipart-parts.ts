/**
 * An upload's multipart body holds the file and at most the option fields. A body of thousands of tiny parts
 * costs more to parse than the same bytes of audio cost to analyse (1 MB of empty parts: about 130 ms in workerd,
 * 50-80 ms of CPU in Node, against 43 ms for a megabyte of speech), so the parts are counted first by a scan for
 * the boundary delimiter, and a body with more than MAX_MULTIPART_PARTS is refused before it is parsed.
 */
import { ProblemError } from "./problem";
import { MULTIPART, mediaTypeEssence } from "./upload";

/** The file, segment_seconds and segments, with room for a client's extra fields. */
export const MAX_MULTIPART_PARTS = 8;

/** Refuses a multipart body with more than MAX_MULTIPART_PARTS parts; anything else is left to the parser. */
export function requireFewParts(body: Uint8Array, contentType: string | undefined): void {
  if (mediaTypeEssence(contentType) !== MULTIPART) return;
  const boundary = multipartBoundary(contentType ?? "");
  if (boundary === undefined) return;
  // n parts have n + 1 delimiters: one before each part and the closing one.
  const limit = MAX_MULTIPART_PARTS + 1;
  if (countDelimiters(body, boundary, limit) > limit) {
    throw new ProblemError(
      "malformed_body",
      `The multipart/form-data body has more than ${MAX_MULTIPART_PARTS} parts; an upload sends the field "file" and, at most, the analysis options.`,
    );
  }
}

/** The boundary parameter of a Content-Type, without quotes; undefined when it has none. */
export function multipartBoundary(contentType: string): string | undefined {
  const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Delimiter lines ("--" + boundary at the start of the body or after CRLF), counted until `limit` is passed.
 * The scan jumps between carriage returns with the native indexOf, so a large file part costs little.
 */
export function countDelimiters(body: Uint8Array, boundary: string, limit: number): number {
  const delimiter = Uint8Array.from(`\r\n--${boundary}`, (c) => c.charCodeAt(0));
  let count = startsWithAt(body, delimiter.subarray(2), 0) ? 1 : 0;
  for (let at = indexOfBytes(body, delimiter, 0); at !== -1 && count <= limit; at = indexOfBytes(body, delimiter, at + 1)) {
    count++;
  }
  return count;
}

export function startsWithAt(body: Uint8Array, pattern: Uint8Array, at: number): boolean {
  if (at < 0 || at + pattern.length > body.length) return false;
  for (let i = 0; i < pattern.length; i++) if (body[at + i] !== pattern[i]) return false;
  return true;
}

/** The first position >= from where `pattern` starts, jumping between its first byte with the native indexOf. */
export function indexOfBytes(body: Uint8Array, pattern: Uint8Array, from: number): number {
  for (let at = body.indexOf(pattern[0], Math.max(0, from)); at !== -1; at = body.indexOf(pattern[0], at + 1)) {
    if (startsWithAt(body, pattern, at)) return at;
  }
  return -1;
}
