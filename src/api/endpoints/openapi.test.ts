import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { createApp } from "../app";
import type { ApiBindings } from "../bindings";
import { PROBLEM_CODES } from "../problem-codes";

// Only /openapi.json is requested: no binding is touched, and the analyzer is never called.
const app = createApp({
  analyze: () => {
    throw new Error("not called");
  },
  modelCard: () => ({}),
});

async function servedDocument() {
  const response = await app.request("/openapi.json", {}, {} as ApiBindings);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, any>;
}

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator)", async () => {
    const validator = new Validator();
    const result = await validator.validate(await servedDocument());
    expect(result).toEqual({ valid: true });
    expect(validator.version).toBe("3.1");
  });

  it("describes every route, and nothing else", async () => {
    const { paths } = await servedDocument();
    expect(Object.keys(paths).sort()).toEqual([
      "/api/v1/analyze",
      "/api/v1/health",
      "/api/v1/model",
      "/docs",
      "/openapi.json",
      "/predict",
    ]);
  });

  it.each(["/api/v1/analyze", "/predict"])("documents %s: both body kinds, a required body, every failure", async (path) => {
    const { post } = (await servedDocument()).paths[path];
    expect(post.requestBody.required).toBe(true);
    expect(Object.keys(post.requestBody.content)).toEqual([
      "multipart/form-data",
      "audio/wav",
      "audio/x-wav",
      "audio/wave",
      "application/octet-stream",
    ]);
    expect(Object.keys(post.responses)).toEqual(["200", "400", "401", "413", "415", "422", "429", "500"]);
    for (const status of ["400", "401", "413", "415", "422", "429", "500"]) {
      expect(post.responses[status].content).toEqual({
        "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
      });
    }
    expect(post.responses["429"].headers).toHaveProperty("Retry-After");
    expect(post.responses["401"].headers).toHaveProperty("WWW-Authenticate");
    expect(post.security).toEqual([{ bearerAuth: [] }, { apiKeyHeader: [] }]);
  });

  it("documents the analysis options as query parameters and multipart fields", async () => {
    const document = await servedDocument();
    const parameters = document.paths["/api/v1/analyze"].post.parameters;
    expect(parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      "query:segment_seconds",
      "query:segments",
    ]);
    expect(Object.keys(document.components.schemas.AnalyzeUpload.properties)).toEqual([
      "file",
      "segment_seconds",
      "segments",
    ]);
    expect(document.components.schemas.AnalyzeUpload.properties.file).toMatchObject({ type: "string", format: "binary" });
  });

  it("lists every problem code in the Problem schema and says audio is never stored or logged", async () => {
    const document = await servedDocument();
    expect(document.components.schemas.Problem.properties.code.enum).toEqual(PROBLEM_CODES);
    expect(document.info.description).toContain("never stored or logged");
  });
});
