/**
 * The model the command scores with: model.bin (the compiled forest) and model.json (its card) from one folder,
 * by default the project's models/ found from this file's location (not the working directory). The card's
 * sha256 must name the binary's bytes, so a card and a binary from different trainings are never paired.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDetector, type Detector } from "../../src/detector/detector";
import type { ModelCard } from "../../src/detector/model-card";

export const DEFAULT_MODEL_DIR = fileURLToPath(new URL("../../models/", import.meta.url));

/** Anything that keeps the model folder from giving a detector; the message says what and where. */
export class ModelFolderError extends Error {
  override readonly name = "ModelFolderError";
}

export function loadDetector(dir: string): Detector {
  const binPath = join(dir, "model.bin");
  const cardPath = join(dir, "model.json");
  const bytes = new Uint8Array(readModelFile(binPath));
  const card = parseCard(readModelFile(cardPath).toString("utf8"), cardPath);
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (card.sha256.toLowerCase() !== actual) {
    throw new ModelFolderError(`${cardPath} gives sha256 ${card.sha256} but ${binPath} has sha256 ${actual}: the card describes another binary`);
  }
  try {
    return createDetector(bytes, card);
  } catch (e) {
    throw new ModelFolderError(`the model in ${dir} cannot be used: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function readModelFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    throw new ModelFolderError(missing ? `${path} does not exist (train a model with npm run train, or pass --model DIR)` : `cannot read ${path}: ${(e as Error).message}`);
  }
}

function parseCard(text: string, path: string): ModelCard {
  let card: unknown;
  try {
    card = JSON.parse(text);
  } catch (e) {
    throw new ModelFolderError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
  const c = card as Partial<ModelCard> | null;
  const valid =
    typeof c === "object" && c !== null && typeof c.sha256 === "string" && Array.isArray(c.features?.names) &&
    typeof c.thresholds?.fake === "number" && typeof c.thresholds?.real === "number";
  if (!valid) throw new ModelFolderError(`${path} is not a model card: it needs sha256, features.names and thresholds.fake/real`);
  return c as ModelCard;
}
