/** GET /api/v1/health: liveness, plus the limits and the access mode a client needs before uploading. */
import { type RouteHandler, createRoute, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../bindings";
import { limitsFrom } from "../limits";
import { keyDigests } from "../middleware/api-key-auth";
import { problemResponses } from "../problem";

const HealthSchema = z
  .object({
    status: z.literal("ok"),
    auth: z.enum(["none", "api_key"]).openapi({ description: "Whether the upload endpoints require an API key." }),
    limits: z.object({
      max_upload_bytes: z.number().int().openapi({ description: "Largest accepted request body." }),
      max_analyzed_seconds: z.number().openapi({ description: "Seconds of input analysed at most (the first ones, before trimming silence)." }),
    }),
  })
  .openapi("Health");

export const healthRoute = createRoute({
  method: "get",
  path: "/api/v1/health",
  tags: ["service"],
  summary: "Service health and limits",
  responses: {
    200: { description: "The service is up.", content: { "application/json": { schema: HealthSchema } } },
    ...problemResponses([500]),
  },
});

export const healthHandler: RouteHandler<typeof healthRoute, ApiEnv> = (c) => {
  const limits = limitsFrom(c.env);
  return c.json(
    {
      status: "ok" as const,
      auth: keyDigests(c.env.API_KEYS).length > 0 ? ("api_key" as const) : ("none" as const),
      limits: { max_upload_bytes: limits.maxUploadBytes, max_analyzed_seconds: limits.maxAnalyzedSeconds },
    },
    200,
  );
};
