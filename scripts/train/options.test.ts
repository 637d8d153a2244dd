import { describe, expect, it } from "vitest";
import { DEFAULTS, parseOptions } from "./options";

describe("parseOptions --augmented-weight", () => {
  it("defaults to 1 and takes a share in (0, 1]", () => {
    expect(parseOptions([]).augmentedWeight).toBe(1);
    expect(parseOptions(["--augmented-weight", "0.25"]).augmentedWeight).toBe(0.25);
    expect(parseOptions([], { ...DEFAULTS, augmentedWeight: 0.5 }).augmentedWeight).toBe(0.5);
  });
  it.each(["0", "1.5", "-0.2", "quarter", ""])("refuses %j", (value) => {
    expect(() => parseOptions([`--augmented-weight=${value}`])).toThrow(/--augmented-weight must be a number in \(0, 1\]/);
  });
});

describe("parseOptions --balance-origins", () => {
  it("is off unless given, and the model's own setting is the default", () => {
    expect(parseOptions([]).balanceOrigins).toBe(false);
    expect(parseOptions(["--balance-origins"]).balanceOrigins).toBe(true);
    expect(parseOptions([], { ...DEFAULTS, balanceOrigins: true }).balanceOrigins).toBe(true);
  });
});
