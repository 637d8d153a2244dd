/**
 * Literal leave-one-system-out, reported beside the stricter leave-units-out protocol: for each fake system, a
 * model trained without that system's clips and without every clip linked to them (folds.ts rules) scores the
 * system's clips; the system's EER is taken against the real clips' leave-units-out scores (each from a model
 * that never saw the real clip's source). Only the systems of ../shared/data are run.
 */
import type { ClipRow } from "../dataset/manifest";
import { trainingMasks } from "./folds";
import type { Learner } from "./learners";
import { eerAndAuc } from "./metrics";
import type { Prepared } from "./pipeline";
import { type Design, outOfFoldScores } from "./protocol";

export interface LosoResult {
  systems: { unit: string; n: number; eer: number }[];
  macroEer: number;
  seconds: number;
}

export function leaveOneSystemOut(
  prepared: Prepared,
  design: Design,
  learner: Learner,
  seed: number,
  realScores: Float64Array,
  include: (row: ClipRow) => boolean,
  log: (line: string) => void,
): LosoResult {
  const started = performance.now();
  const { table, units } = prepared;
  const systems = [...new Set(units.filter((unit, clip) => table.labels[clip] === 1 && include(table.clips[clip].row)))].sort();
  const foldOfSystem = new Map(systems.map((unit, i) => [unit, i]));
  // Every clip outside the chosen systems sits in a fold that is never run.
  const foldOf = Int32Array.from(units, (unit) => foldOfSystem.get(unit) ?? systems.length);
  const rows = table.clips.map((clip) => clip.row);
  const masks = trainingMasks(rows, foldOf, systems.length + 1);
  const scores = outOfFoldScores(design, { k: systems.length, foldOf, masks }, learner, seed, (fold) => {
    if ((fold + 1) % 10 === 0) log(`  leave-one-system-out: ${fold + 1}/${systems.length} systems`);
  });
  const reals = Array.from(table.labels.keys()).filter((clip) => table.labels[clip] === 0);
  const result = systems.map((unit) => {
    const members = Array.from(units.keys()).filter((clip) => units[clip] === unit);
    const s = Float64Array.from([...members.map((clip) => scores[clip]), ...reals.map((clip) => realScores[clip])]);
    const y = Uint8Array.from([...members.map(() => 1), ...reals.map(() => 0)]);
    return { unit, n: members.length, eer: eerAndAuc(s, y).eer };
  });
  return {
    systems: result,
    macroEer: result.reduce((sum, s) => sum + s.eer, 0) / result.length,
    seconds: (performance.now() - started) / 1000,
  };
}
