import { describe, expect, it } from "vitest";
import { formatLeaf, humanizeKey, shapeOf, tableColumns } from "./card-format.js";

describe("humanizeKey", () => {
  it("turns snake, kebab and camel case into a sentence-case label with acronyms in capitals", () => {
    expect(humanizeKey("roc_auc")).toBe("ROC AUC");
    expect(humanizeKey("trainingData")).toBe("Training data");
    expect(humanizeKey("eer-cross_dataset")).toBe("EER cross dataset");
    expect(humanizeKey("sha256")).toBe("SHA256");
    expect(humanizeKey("n_trees")).toBe("N trees");
  });
});

describe("formatLeaf", () => {
  it("shows numbers to four significant digits, integers with separators, and words for the rest", () => {
    expect(formatLeaf(0.0834567)).toBe("0.08346");
    expect(formatLeaf(12345)).toBe("12,345");
    expect(formatLeaf(true)).toBe("yes");
    expect(formatLeaf(null)).toBe("—");
    expect(formatLeaf("LibriSpeech")).toBe("LibriSpeech");
  });
});

describe("shapeOf", () => {
  it("tells leaves, lists, tables and objects apart", () => {
    expect(shapeOf(3)).toBe("leaf");
    expect(shapeOf(null)).toBe("leaf");
    expect(shapeOf(["a", 1])).toBe("list");
    expect(shapeOf([])).toBe("list");
    expect(shapeOf([{ a: 1 }, { b: 2 }])).toBe("table");
    expect(shapeOf([{ a: 1 }, 2])).toBe("list");
    expect(shapeOf({ a: 1 })).toBe("object");
  });
});

describe("tableColumns", () => {
  it("collects every key in order of first appearance", () => {
    expect(tableColumns([{ name: "a", eer: 0.1 }, { name: "b", auc: 0.9, eer: 0.2 }])).toEqual(["name", "eer", "auc"]);
  });
});
