/**
 * Reads an upload before validation, bounded by MAX_UPLOAD_BYTES: a wrong content type is refused unread, a
 * Content-Length over the limit is refused unread, and a body without Content-Length (or with a lying one) is cut
 * off once it passes the limit. A multipart body of more parts than an upload has is refused unparsed. The bytes
 * go to hono's body cache, where the multipart validator and the handler read them, so the body is read once.
 * Server-Timing `upload` is the time spent receiving it.
 */
import type { MiddlewareHandler } from "hono";
import { endTime, startTime } from "hono/timing";
import type { ApiEnv } from "../bindings";
import { limitsFrom } from "../limits";
import { requireFewParts } from "../multipart-parts";
import { ProblemError } from "../problem";
import { requireUploadMediaType } from "../upload";
import { type CappedBody, readCapped } from "./read-capped";

export function readUpload(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    requireUploadMediaType(c.req.header("Content-Type"));
    const { maxUploadBytes } = limitsFrom(c.env);
    if (Number(c.req.header("Content-Length")) > maxUploadBytes) throw tooLarge(maxUploadBytes);
    let body: CappedBody;
    startTime(c, "upload");
    try {
      body = await readCapped(c.req.raw.body, maxUploadBytes);
    } catch {
      throw new ProblemError("body_read_failed", "The request body ended with an error before it was complete.");
    }
    endTime(c, "upload");
    if (!body.ok) throw tooLarge(maxUploadBytes);
    requireFewParts(new Uint8Array(body.bytes), c.req.header("Content-Type"));
    // hono keeps promises in its body cache, though its type names the resolved values.
    c.req.bodyCache.arrayBuffer = Promise.resolve(body.bytes) as unknown as ArrayBuffer;
    return next();
  };
}

function tooLarge(maxUploadBytes: number): ProblemError {
  const mib = (maxUploadBytes / 2 ** 20).toFixed(1);
  return new ProblemError(
    "upload_too_large",
    `The upload is larger than this server accepts (${maxUploadBytes} bytes, ${mib} MiB). Send a shorter excerpt.`,
  );
}
