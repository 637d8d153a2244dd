/**
 * The shipped model scored through the product: createDetector(model.bin, model.json) must load, and analysing a
 * clip's file must give exactly the probability the training path gives for that clip's tile vectors, or the
 * model would meet at run time vectors other than those it was validated on.
 */
import { readFileSync } from "node:fs";
import { createDetector } from "../../src/detector/detector";
import type { ModelCard } from "../../src/detector/model-card";
import { clipProbability } from "../../src/detector/tiles";
import { parseForest } from "../../src/model";
import type { Prepared } from "./pipeline";
import { tileRows } from "./protocol";

/** Analyses about `count` clips spread over the table and throws unless each gets exactly the training path's probability. */
export function checkShippedModel(modelBytes: Uint8Array, card: ModelCard, prepared: Prepared, count = 24): { clips: number } {
  const detector = createDetector(modelBytes, card);
  const forest = parseForest(modelBytes);
  const { table } = prepared;
  const step = Math.max(1, Math.floor(table.clips.length / count));
  let maxDifference = 0;
  let clips = 0;
  for (let clip = 0; clip < table.clips.length; clip += step) {
    const analysis = detector.analyze(readFileSync(table.clips[clip].file), { segments: false, segmentSeconds: 2, maxAnalyzedSeconds: 600 });
    const trained = clipProbability(forest, tileRows(table, clip));
    maxDifference = Math.max(maxDifference, Math.abs(analysis.probability_fake - trained));
    clips++;
  }
  if (maxDifference !== 0) throw new Error(`the detector's probabilities differ from training's by up to ${maxDifference}`);
  return { clips };
}
