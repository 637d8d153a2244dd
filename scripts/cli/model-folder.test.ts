import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_MODEL_DIR, loadDetector, ModelFolderError } from "./model-folder";
import { makeTempDir, removeTempDirs, thrown, writeTestModel } from "./test-support";

afterAll(removeTempDirs);

const loadError = (dir: string) => thrown(() => loadDetector(dir), ModelFolderError);

const editCard = (dir: string, edit: (card: Record<string, unknown>) => void) => {
  const path = join(dir, "model.json");
  const card = JSON.parse(readFileSync(path, "utf8"));
  edit(card);
  writeFileSync(path, JSON.stringify(card));
};

describe("loadDetector", () => {
  it("gives a detector for a folder whose card names its binary", () => {
    expect(loadDetector(writeTestModel()).modelCard().name).toBe("cli-test-forest");
  });

  it("finds the project's models/ from its own location", () => {
    expect(DEFAULT_MODEL_DIR).toBe(join(import.meta.dirname, "..", "..", "models/"));
  });

  it("says which file is missing", () => {
    const dir = writeTestModel();
    rmSync(join(dir, "model.bin"));
    expect(loadError(dir).message).toMatch(/model\.bin does not exist.*--model DIR/);
    expect(loadError(makeTempDir("cli-nomodel")).message).toMatch(/does not exist/);
  });

  it("refuses a card whose sha256 is not the binary's", () => {
    const dir = writeTestModel();
    editCard(dir, (card) => (card.sha256 = "ab".repeat(32)));
    expect(loadError(dir).message).toMatch(/gives sha256 abab.* but .*model\.bin has sha256 [0-9a-f]{64}/);
    const flipped = writeTestModel();
    const bin = readFileSync(join(flipped, "model.bin"));
    bin[bin.length - 5] ^= 1;
    writeFileSync(join(flipped, "model.bin"), bin);
    expect(loadError(flipped).message).toMatch(/describes another binary/);
  });

  it("refuses a card that is not JSON or not a card, and a card for other features", () => {
    const dir = writeTestModel();
    writeFileSync(join(dir, "model.json"), "{");
    expect(loadError(dir).message).toMatch(/not valid JSON/);
    const partial = writeTestModel();
    editCard(partial, (card) => delete card.thresholds);
    expect(loadError(partial).message).toMatch(/not a model card/);
    const stale = writeTestModel();
    editCard(stale, (card) => ((card.features as { names: string[] }).names = ["mfcc0_mean"]));
    expect(loadError(stale).message).toMatch(/cannot be used: .*other features/);
  });
});
