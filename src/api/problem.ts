/**
 * Problem Details (RFC 9457): the body of every failure, `application/problem+json` with `type`, `title`, `status`,
 * `detail` and the stable `code`. Handlers and middleware throw ProblemError; the app's error handler renders it.
 */
import { z } from "@hono/zod-openapi";
import { PROBLEM_CODES, PROBLEM_KINDS, type ProblemCode, codesWithStatus } from "./problem-codes";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ description: "URI naming the problem type; one per code." }),
    title: z.string().openapi({ description: "Short summary of the problem type." }),
    status: z.number().int().openapi({ description: "The HTTP status, repeated." }),
    detail: z.string().openapi({ description: "What went wrong with this request and what to do about it." }),
    code: z.enum(PROBLEM_CODES).openapi({ description: "Stable machine-readable code; never changes meaning." }),
  })
  .openapi("Problem", { description: "RFC 9457 problem details, extended with a stable `code`." });

export type Problem = z.infer<typeof ProblemSchema>;

/** A failure to answer with a problem document; thrown anywhere in request handling. */
export class ProblemError extends Error {
  override readonly name = "ProblemError";
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
  }
}

export function problemBody(code: ProblemCode, detail: string): Problem {
  const { status, title } = PROBLEM_KINDS[code];
  return { type: `urn:voiceguard:problem:${code}`, title, status, detail, code };
}

export function problemResponse(code: ProblemCode, detail: string, headers: Record<string, string> = {}): Response {
  const body = problemBody(code, detail);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { ...headers, "Content-Type": PROBLEM_CONTENT_TYPE },
  });
}

/** Headers that come with some failures, for the OpenAPI document. */
const PROBLEM_HEADERS: Readonly<Record<number, z.ZodObject>> = {
  401: z.object({
    "WWW-Authenticate": z.string().openapi({ description: 'The Bearer challenge, e.g. `Bearer realm="voiceguard"`.' }),
  }),
  429: z.object({ "Retry-After": z.string().openapi({ description: "Seconds to wait before trying again." }) }),
};

/** OpenAPI responses for the given failure statuses, each listing the codes it can carry. */
export function problemResponses(statuses: readonly number[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: `Problem: ${codesWithStatus(status)
          .map((code) => `\`${code}\``)
          .join(", ")}.`,
        headers: PROBLEM_HEADERS[status],
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
      },
    ]),
  );
}
