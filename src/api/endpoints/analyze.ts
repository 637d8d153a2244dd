/** POST /api/v1/analyze: a WAV upload in, the verdict with its probability, thresholds and timeline out. */
import { type RouteHandler, createRoute } from "@hono/zod-openapi";
import { UPLOAD_GUARDS, UPLOAD_PROBLEM_STATUSES, analyzeUpload } from "../analyze-upload";
import type { Analyzer } from "../analyzer";
import { AnalysisSchema } from "../analysis-schema";
import type { ApiEnv } from "../bindings";
import { limitsFrom } from "../limits";
import { API_KEY_SECURITY } from "../middleware/api-key-auth";
import { problemResponses } from "../problem";
import { AnalyzeFormSchema, AnalyzeQuerySchema, analyzeOptions, uploadRequestBody } from "../upload";

export const analyzeRoute = createRoute({
  method: "post",
  path: "/api/v1/analyze",
  tags: ["analysis"],
  summary: "Analyse a voice recording",
  description:
    "Decodes the WAV, trims leading and trailing silence, scores the speech and returns a verdict with its " +
    "calibrated probability, the thresholds behind it and a per-segment timeline. Options are query parameters " +
    "(any body) or form fields (multipart); one option given both ways with different values is refused.",
  security: API_KEY_SECURITY,
  middleware: UPLOAD_GUARDS,
  request: { query: AnalyzeQuerySchema, body: uploadRequestBody(AnalyzeFormSchema) },
  responses: {
    200: { description: "The analysis.", content: { "application/json": { schema: AnalysisSchema } } },
    ...problemResponses(UPLOAD_PROBLEM_STATUSES),
  },
});

export function analyzeHandler(analyzer: Analyzer): RouteHandler<typeof analyzeRoute, ApiEnv> {
  return async (c) => {
    const form = c.req.valid("form");
    const options = analyzeOptions(c.req.valid("query"), form, limitsFrom(c.env));
    return c.json(analyzeUpload(c, analyzer, options), 200);
  };
}
