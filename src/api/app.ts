/**
 * The HTTP API as a hono app, built around an injected Analyzer so that the Worker entry wires the real detector
 * and tests can wire a deterministic stand-in.
 *
 * @example
 * import { createDetector } from "../detector/detector";
 * export default createApp(createDetector(modelBytes, modelCard)); // src/index.ts
 */
import { OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { Analyzer } from "./analyzer";
import type { ApiEnv } from "./bindings";
import { analyzeHandler, analyzeRoute } from "./endpoints/analyze";
import { docsHandler, docsRoute } from "./endpoints/docs";
import { healthHandler, healthRoute } from "./endpoints/health";
import { modelHandler, modelRoute } from "./endpoints/model";
import { openapiHandler, openapiRoute } from "./endpoints/openapi";
import { predictHandler, predictRoute } from "./endpoints/predict";
import { handleError, notFoundOrWrongMethod, validationHook } from "./errors";
import { API_KEY_SECURITY_SCHEMES } from "./middleware/api-key-auth";
import { corsForAllowedOrigins } from "./middleware/cors";
import { securityHeaders } from "./middleware/security-headers";
import { serverTiming } from "./middleware/server-timing";

export function createApp(analyzer: Analyzer): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  app.use("*", securityHeaders(), serverTiming(), corsForAllowedOrigins());

  app.openapi(hideFromDocument(analyzeRoute), analyzeHandler(analyzer));
  documentWithRequiredBody(app, analyzeRoute);
  app.openapi(hideFromDocument(predictRoute), predictHandler(analyzer));
  documentWithRequiredBody(app, predictRoute);
  app.openapi(modelRoute, modelHandler(analyzer));
  app.openapi(healthRoute, healthHandler);
  app.openapi(openapiRoute, openapiHandler(app));
  app.openapi(docsRoute, docsHandler);
  for (const [name, scheme] of Object.entries(API_KEY_SECURITY_SCHEMES)) {
    app.openAPIRegistry.registerComponent("securitySchemes", name, scheme);
  }

  app.notFound(notFoundOrWrongMethod(() => app.routes));
  app.onError(handleError);
  return app;
}

/*
 * Upload routes declare their body optional to @hono/zod-openapi, which would otherwise run the multipart validator
 * on raw WAV bodies as well; the document states the truth (a body is required) from the same route definition.
 */
function hideFromDocument<R extends RouteConfig>(route: R): R {
  return { ...route, hide: true };
}

function documentWithRequiredBody(app: OpenAPIHono<ApiEnv>, { middleware: _, ...route }: RouteConfig): void {
  const body = route.request?.body;
  app.openAPIRegistry.registerPath({
    ...route,
    request: { ...route.request, body: body && { ...body, required: true } },
  });
}
