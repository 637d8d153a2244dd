/**
 * GET /docs: Swagger UI for /openapi.json, served from our own static assets (frontend/docs/, with swagger-ui-dist
 * copied in by scripts/build-docs.ts): the page makes no request to any other origin. Its headers, CSP included,
 * come from frontend/_headers like every other asset.
 */
import { type RouteHandler, createRoute, z } from "@hono/zod-openapi";
import type { ApiEnv } from "../bindings";
import { problemResponses } from "../problem";

export const docsRoute = createRoute({
  method: "get",
  path: "/docs",
  tags: ["service"],
  summary: "Interactive API documentation (Swagger UI)",
  responses: {
    200: { description: "The Swagger UI page.", content: { "text/html": { schema: z.string() } } },
    ...problemResponses([500]),
  },
});

export const docsHandler: RouteHandler<typeof docsRoute, ApiEnv> = async (c) => {
  const page = await c.env.ASSETS.fetch(new URL("/docs/", c.req.url));
  // A fetched response's headers are immutable; the app's middleware adds its own.
  return new Response(page.body, page);
};
