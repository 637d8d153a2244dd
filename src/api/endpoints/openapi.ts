/** GET /openapi.json: the OpenAPI 3.1 document, generated from the route schemas (never written by hand). */
import { type OpenAPIHono, type RouteHandler, createRoute, z } from "@hono/zod-openapi";
import { version } from "../../../package.json";
import type { ApiEnv } from "../bindings";
import { EXCERPTS } from "../../detector/excerpts";
import { DEFAULT_MAX_ANALYZED_SECONDS, DEFAULT_MAX_UPLOAD_BYTES } from "../limits";
import { problemResponses } from "../problem";

const DESCRIPTION = `
Scores uploaded speech as real human speech or AI-generated, with a calibrated probability, the thresholds behind
the verdict and a per-segment timeline.

**Privacy.** Audio is processed in memory for the duration of the request and is never stored or logged.

**Uploads.** A WAV file, as \`multipart/form-data\` with the field \`file\` or as the raw request body with
\`Content-Type: audio/wav\` (also \`audio/x-wav\`, \`audio/wave\`, \`application/octet-stream\`). Other formats are
refused with 415; the web page converts MP3, M4A, OGG, FLAC and WebM to WAV in the browser.

**Limits.** Bodies up to \`MAX_UPLOAD_BYTES\` (default ${DEFAULT_MAX_UPLOAD_BYTES} bytes, 25 MiB; larger ones get 413,
checked from Content-Length and while reading). At most the first \`MAX_ANALYZED_SECONDS\` (default
${DEFAULT_MAX_ANALYZED_SECONDS}) seconds of the input are considered, silence trimmed at their ends. Up to ${EXCERPTS.wholeUpToS} s of input
all of its sound is analysed; a longer recording is judged on ${EXCERPTS.count} excerpts of ${EXCERPTS.seconds} s spread evenly over it, so that a
request costs the same whatever its duration. \`excerpts\` and \`analyzed_s\` say what was analysed. GET /api/v1/health
reports a deployment's values.

**Access.** When the deployment configures API keys, the upload endpoints need \`Authorization: Bearer <key>\` or
\`X-API-Key: <key>\` (401 otherwise); without keys the API is open. Uploads are rate limited per key, or per client
address when keys are off (429 with Retry-After). Browsers may call the API from the origins the deployment allows.

**Errors.** Every failure is \`application/problem+json\` (RFC 9457) with \`type\`, \`title\`, \`status\`, \`detail\`
and a stable \`code\` listed per response below. Unknown paths answer 404 \`not_found\`; a known path asked with
another method answers 405 \`method_not_allowed\` with an \`Allow\` header.
`.trim();

const DOCUMENT_CONFIG = {
  openapi: "3.1.0",
  info: { title: "voiceguard API", version, description: DESCRIPTION, license: { name: "MIT", identifier: "MIT" } },
  tags: [
    { name: "analysis", description: "Score a recording." },
    { name: "model", description: "What scores it." },
    { name: "service", description: "Health and documentation." },
  ],
};

export const openapiRoute = createRoute({
  method: "get",
  path: "/openapi.json",
  tags: ["service"],
  summary: "This OpenAPI document",
  responses: {
    200: {
      description: "The OpenAPI 3.1 document.",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
    ...problemResponses([500]),
  },
});

/** The document is the same for every request; it is generated once per isolate. */
export function openapiHandler(app: OpenAPIHono<ApiEnv>): RouteHandler<typeof openapiRoute, ApiEnv> {
  let document: Record<string, unknown> | undefined;
  return (c) => {
    document ??= app.getOpenAPI31Document(DOCUMENT_CONFIG) as unknown as Record<string, unknown>;
    return c.json(document, 200);
  };
}
