import type { z } from "@hono/zod-openapi";
import { describe, expectTypeOf, it } from "vitest";
import type { Analysis } from "../detector/types";
import { AnalysisSchema } from "./analysis-schema";

describe("AnalysisSchema", () => {
  it("describes exactly the detector's Analysis type (checked by tsc -p tsconfig.test.json)", () => {
    expectTypeOf<z.infer<typeof AnalysisSchema>>().toEqualTypeOf<Analysis>();
  });
});
