import { describe, expect, it } from "vitest";
import { VARIANT_MEANING } from "./report";
import { VARIANT_NAMES } from "./variants";

describe("the report's variant section", () => {
  it("says what every variant changes", () => {
    expect(VARIANT_NAMES.filter((name) => !VARIANT_MEANING[name])).toEqual([]);
  });
});
