/**
 * Where every failure becomes a problem document: thrown ProblemErrors, the decoder's AudioErrors, hono's
 * HTTPException for a multipart body it cannot parse, failed schema validation, unknown paths (404) and
 * known paths asked with the wrong method (405). Anything else is a bug: it is logged (method, path and the
 * error; never the body, the audio or a header) and answered 500 `internal_error` as a last resort.
 */
import type { Hook } from "@hono/zod-openapi";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { RouterRoute } from "hono/types";
import { isAudioError } from "../audio/errors";
import type { ApiEnv } from "./bindings";
import { PROBLEM_KINDS } from "./problem-codes";
import { ProblemError, problemResponse } from "./problem";
import { BROWSER_CONVERSION_HINT } from "./upload";

/**
 * hono's multipart validator throws a 400 HTTPException for a body it cannot parse, and @hono/zod-openapi's
 * media-type gate a 415 for a multipart Content-Type whose parameters its pattern refuses (a trailing semicolon, an
 * empty or quoted boundary, a charset before it). Other content types never reach the gate: the upload middleware
 * refuses them first. Both are malformed multipart requests, never a failure of the server.
 */
const MALFORMED_MULTIPART: Readonly<Record<number, string>> = {
  400: "The multipart/form-data body could not be parsed.",
  415:
    "The multipart/form-data Content-Type could not be read: send `multipart/form-data; boundary=<boundary>` and " +
    "nothing after it, the boundary made of letters, digits and '()+_,-./:=? as browsers and curl write it.",
};

export const handleError: ErrorHandler = (error, c) => {
  if (error instanceof ProblemError) return problemResponse(error.code, error.detail, { ...error.headers });
  if (isAudioError(error)) {
    const hint = PROBLEM_KINDS[error.code].status === 415 ? ` ${BROWSER_CONVERSION_HINT}` : "";
    return problemResponse(error.code, `${error.message}${hint}`);
  }
  if (error instanceof HTTPException && error.status in MALFORMED_MULTIPART) {
    return problemResponse("malformed_body", MALFORMED_MULTIPART[error.status]);
  }
  logUnexpected(error, c);
  return problemResponse("internal_error", "The server failed unexpectedly; the failure is logged. Try again later.");
};

/** Schema validation failures (query, form) as 400 `invalid_request`, naming each field and what it expects. */
export const validationHook: Hook<unknown, ApiEnv, string, void> = (result) => {
  if (result.success) return;
  const issues = result.error.issues.map((issue) => `${issue.path.join(".") || result.target}: ${issue.message}`);
  throw new ProblemError("invalid_request", `Invalid ${result.target}: ${issues.join("; ")}.`);
};

/** 404 for unknown paths; 405 with Allow when the path exists for other methods. */
export function notFoundOrWrongMethod(routes: () => readonly RouterRoute[]): NotFoundHandler {
  return (c) => {
    const allowed = allowedMethods(routes(), c.req.path);
    if (allowed.length > 0) {
      return problemResponse("method_not_allowed", `${c.req.method} is not allowed here; use ${allowed.join(", ")}.`, {
        Allow: allowed.join(", "),
      });
    }
    return problemResponse("not_found", "Nothing is served at this path. The API is described at /openapi.json.");
  };
}

function allowedMethods(routes: readonly RouterRoute[], path: string): string[] {
  const methods = new Set(routes.filter((route) => route.path === path && route.method !== "ALL").map((r) => r.method));
  if (methods.size === 0) return [];
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return [...methods];
}

function logUnexpected(error: Error, c: Context): void {
  const entry = { event: "unexpected_error", method: c.req.method, path: c.req.path, error: error.name };
  console.error(JSON.stringify({ ...entry, message: error.message, stack: error.stack }));
}
