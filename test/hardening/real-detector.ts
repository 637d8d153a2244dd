/**
 * The product detector in Node: the committed model binary and card (models/), as the Worker entry wires them.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createDetector, type Detector } from "../../src/detector/detector";
import type { ModelCard } from "../../src/detector/model-card";
import type { AnalyzeOptions } from "../../src/detector/types";

const MODELS = resolve(import.meta.dirname, "../../models");

export function realDetector(): Detector {
  const card = JSON.parse(readFileSync(resolve(MODELS, "model.json"), "utf8")) as ModelCard;
  return createDetector(new Uint8Array(readFileSync(resolve(MODELS, "model.bin"))), card);
}

/** The API's defaults (src/api/upload.ts, src/api/limits.ts). */
export const API_DEFAULT_OPTIONS: AnalyzeOptions = { segmentSeconds: 2, segments: true, maxAnalyzedSeconds: 600 };
