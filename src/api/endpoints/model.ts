/** GET /api/v1/model: the model card, as the detector describes its model. */
import { type RouteHandler, createRoute, z } from "@hono/zod-openapi";
import type { Analyzer } from "../analyzer";
import type { ApiEnv } from "../bindings";
import { problemResponses } from "../problem";

const ModelCardSchema = z.record(z.string(), z.unknown()).openapi("ModelCard", {
  description: "What the model is, what it was trained and evaluated on, its thresholds and its known limits.",
});

export const modelRoute = createRoute({
  method: "get",
  path: "/api/v1/model",
  tags: ["model"],
  summary: "The model card",
  responses: {
    200: { description: "The model card.", content: { "application/json": { schema: ModelCardSchema } } },
    ...problemResponses([500]),
  },
});

export function modelHandler(analyzer: Analyzer): RouteHandler<typeof modelRoute, ApiEnv> {
  return (c) => c.json(analyzer.modelCard() as Record<string, unknown>, 200);
}
