/**
 * Reads an upload before validation, bounded by MAX_UPLOAD_BYTES: a wrong content type is refused unread, a
 * Content-Length over the limit is refused unread, and a body without Content-Length (or with a lying one) is cut
 * off once it passes the limit. A multipart body is parsed here (multipart-form.ts: at most MAX_MULTIPART_PARTS
 * parts, more is refused at the first extra one), its FormData put in hono's body cache for the validator and its
 * file part handed to the handler as a view of the body, so the body is read once and the audio is never copied.
 * Server-Timing `upload` is the time spent receiving it.
 */
import type { MiddlewareHandler } from "hono";
import { endTime, startTime } from "hono/timing";
import type { ApiEnv } from "../bindings";
import { limitsFrom } from "../limits";
import { formDataOf, parseMultipartForm } from "../multipart-form";
import { ProblemError } from "../problem";
import { MULTIPART, mediaTypeEssence, requireUploadMediaType } from "../upload";
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
    const bytes = new Uint8Array(body.bytes);
    const contentType = c.req.header("Content-Type") ?? "";
    // Whatever asks hono for the body later gets these bytes, not the stream they were read from. hono keeps
    // promises in its body cache, though its type names the resolved values.
    c.req.bodyCache.arrayBuffer = Promise.resolve(body.bytes) as unknown as ArrayBuffer;
    if (mediaTypeEssence(contentType) === MULTIPART) {
      const parts = parseMultipartForm(bytes, contentType);
      c.req.bodyCache.formData = Promise.resolve(formDataOf(parts)) as unknown as FormData;
      // The validator refuses a form without exactly one file named "file" before the handler runs.
      const file = parts.find((part) => part.kind === "file" && part.name === "file");
      if (file?.kind === "file") c.set("uploadedFile", file.bytes);
    } else {
      c.set("uploadedFile", bytes);
    }
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
