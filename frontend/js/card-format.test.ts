import { describe, expect, it } from "vitest";
import { cardSections, formatLeaf, humanizeKey, LONG, shapeOf, tableColumns } from "./card-format.js";

describe("humanizeKey", () => {
  it("turns snake, kebab and camel case into a sentence-case label with acronyms in capitals", () => {
    expect(humanizeKey("roc_auc")).toBe("ROC AUC");
    expect(humanizeKey("trainingData")).toBe("Training data");
    expect(humanizeKey("eer-cross_dataset")).toBe("EER cross dataset");
    expect(humanizeKey("sha256")).toBe("SHA256");
    expect(humanizeKey("macro_unseen_system_eer")).toBe("Macro unseen system EER");
    expect(humanizeKey("active_range_db")).toBe("Active range dB");
    expect(humanizeKey("n_fft")).toBe("N FFT");
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
  const manyLeaves = Object.fromEntries(Array.from({ length: LONG + 1 }, (_, i) => [`gen${i}`, i / 100]));

  it("tells leaves, lists and tables apart", () => {
    expect(shapeOf(3)).toBe("leaf");
    expect(shapeOf(null)).toBe("leaf");
    expect(shapeOf(["a", 1])).toBe("list");
    expect(shapeOf([])).toBe("list");
    expect(shapeOf([{ a: 1 }, { b: 2 }])).toBe("table");
    expect(shapeOf([{ a: 1 }, 2])).toBe("list");
    expect(shapeOf([{ a: { nested: 1 } }])).toBe("list");
  });

  it("makes an object of flat records a keyed table, and a long object of leaves a map", () => {
    expect(shapeOf({ "asterisk-en": { eer: 0.26, called_fake: 0 }, "asterisk-es": { eer: 0.19 } })).toBe("keyed");
    expect(shapeOf(manyLeaves)).toBe("map");
  });

  it("keeps short, mixed or nested objects as labelled facts", () => {
    expect(shapeOf({ eer: 0.3, auc: 0.76 })).toBe("object");
    expect(shapeOf({ only: { eer: 0.3 } })).toBe("object");
    expect(shapeOf({ none: 0.3, mp3: { probability: 0.2 } })).toBe("object");
    expect(shapeOf({ a: { b: { c: 1 } }, d: { e: { f: 2 } } })).toBe("object");
    expect(shapeOf({ ...manyLeaves, list: [1, 2] })).toBe("object");
  });
});

describe("tableColumns", () => {
  it("collects every key in order of first appearance", () => {
    expect(tableColumns([{ name: "a", eer: 0.1 }, { name: "b", auc: 0.9, eer: 0.2 }])).toEqual(["name", "eer", "auc"]);
  });
});

describe("cardSections", () => {
  it("puts the identity first, then metrics, training data, thresholds and protocol, then the rest in card order", () => {
    const card = {
      name: "forest",
      model: { learner: "gb" },
      features: { names: ["a"] },
      protocol: { folds: 10 },
      thresholds: { fake: 0.8, real: 0.2 },
      version: "1",
      metrics: { eer: 0.2 },
      training_data: { clips: 10 },
    };
    expect(cardSections(card).map(({ title, value }) => [title, value])).toEqual([
      ["Identity", { name: "forest", version: "1" }],
      ["Metrics", { eer: 0.2 }],
      ["Training data", { clips: 10 }],
      ["Thresholds", { fake: 0.8, real: 0.2 }],
      ["Protocol", { folds: 10 }],
      ["Model", { learner: "gb" }],
      ["Features", { names: ["a"] }],
    ]);
  });

  it("explains the metrics and the thresholds in a sentence, and nothing else", () => {
    const notes = cardSections({ name: "x", metrics: { eer: 0.1 }, thresholds: { fake: 0.8, real: 0.2 }, model: { a: 1 } }).map(
      ({ title, note }) => [title, note === null ? null : note.slice(0, 20)],
    );
    expect(notes).toEqual([
      ["Identity", null],
      ["Metrics", "EER (equal error rat"],
      ["Thresholds", "A score at or above "],
      ["Model", null],
    ]);
  });

  it("has no identity section when the card has no top-level leaves", () => {
    expect(cardSections({ metrics: { eer: 0.1 } })).toEqual([{ title: "Metrics", value: { eer: 0.1 }, note: expect.any(String) }]);
  });
});
