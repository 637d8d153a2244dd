/**
 * Starts Swagger UI on this deployment's own OpenAPI document. Paths are absolute because the page is served both
 * at /docs (by the Worker) and at /docs/ (by static assets). `validatorUrl: null` keeps Swagger UI from sending the
 * document to validator.swagger.io: the page makes no request beyond its own origin.
 */
const { SwaggerUIBundle } = /** @type {any} */ (globalThis);

SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
});
