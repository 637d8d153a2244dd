/**
 * POST /predict: the seed's endpoint, kept for its clients. Same uploads and errors as /api/v1/analyze; the answer
 * is the seed's binary label plus the probability the seed never sent.
 */
import { type RouteHandler, createRoute, z } from "@hono/zod-openapi";
import type { Analysis } from "../../detector/types";
import { UPLOAD_GUARDS, UPLOAD_PROBLEM_STATUSES, analyzeUpload } from "../analyze-upload";
import type { Analyzer } from "../analyzer";
import type { ApiEnv } from "../bindings";
import { limitsFrom } from "../limits";
import { API_KEY_SECURITY } from "../middleware/api-key-auth";
import { problemResponses } from "../problem";
import { SEGMENT_SECONDS } from "../../detector/types";
import { PredictFormSchema, uploadRequestBody } from "../upload";

const PredictionSchema = z
  .object({
    prediction: z.enum(["real", "fake"]).openapi({
      description: "The verdict when it is decisive; inside the uncertain band, the side of 0.5 the probability is on.",
    }),
    probability_fake: z.number().min(0).max(1),
  })
  .openapi("Prediction");

export const predictRoute = createRoute({
  method: "post",
  path: "/predict",
  tags: ["analysis"],
  summary: "Binary prediction (the seed's API)",
  description: "Kept for the seed's clients; new clients should use POST /api/v1/analyze.",
  security: API_KEY_SECURITY,
  middleware: UPLOAD_GUARDS,
  request: { body: uploadRequestBody(PredictFormSchema) },
  responses: {
    200: { description: "The prediction.", content: { "application/json": { schema: PredictionSchema } } },
    ...problemResponses(UPLOAD_PROBLEM_STATUSES),
  },
});

export function predictHandler(analyzer: Analyzer): RouteHandler<typeof predictRoute, ApiEnv> {
  return async (c) => {
    const options = {
      segmentSeconds: SEGMENT_SECONDS.default,
      segments: false,
      maxAnalyzedSeconds: limitsFrom(c.env).maxAnalyzedSeconds,
    };
    const analysis = analyzeUpload(c, analyzer, options);
    return c.json({ prediction: binaryPrediction(analysis), probability_fake: analysis.probability_fake }, 200);
  };
}

export function binaryPrediction({ verdict, probability_fake }: Pick<Analysis, "verdict" | "probability_fake">) {
  if (verdict !== "uncertain") return verdict;
  return probability_fake >= 0.5 ? "fake" : "real";
}
