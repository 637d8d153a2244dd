/**
 * Literal leave-one-out, reported beside the stricter leave-units-out protocol: one model per fake system (of
 * ../shared/data) and one per real source, each trained without that unit and without every clip linked to it
 * (folds.ts rules) but with all other units, scoring the unit's clips. A system's EER is its clips' scores against
 * all real clips' leave-one-source-out scores.
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
  nSources: number;
  seconds: number;
}

export function leaveOneUnitOut(
  prepared: Prepared,
  design: Design,
  learner: Learner,
  seed: number,
  includeSystem: (row: ClipRow) => boolean,
  log: (line: string) => void,
): LosoResult {
  const started = performance.now();
  const { table, units } = prepared;
  const chosen = (clip: number) => table.labels[clip] === 0 || includeSystem(table.clips[clip].row);
  const runUnits = [...new Set(units.filter((_, clip) => chosen(clip)))].sort();
  const foldOfUnit = new Map(runUnits.map((unit, i) => [unit, i]));
  // Fake clips of systems not chosen sit in a fold that is never run.
  const foldOf = Int32Array.from(units, (unit) => foldOfUnit.get(unit) ?? runUnits.length);
  const masks = trainingMasks(table.clips.map((clip) => clip.row), foldOf, runUnits.length + 1);
  const scores = outOfFoldScores(design, { k: runUnits.length, foldOf, masks }, learner, seed, (fold) => {
    if ((fold + 1) % 20 === 0) log(`  leave-one-unit-out: ${fold + 1}/${runUnits.length} units`);
  });
  const reals = Array.from(table.labels.keys()).filter((clip) => table.labels[clip] === 0);
  const systems = runUnits
    .filter((unit) => unit.startsWith("system:"))
    .map((unit) => {
      const members = Array.from(units.keys()).filter((clip) => units[clip] === unit);
      const s = Float64Array.from([...members, ...reals], (clip) => scores[clip]);
      const y = Uint8Array.from([...members.map(() => 1), ...reals.map(() => 0)]);
      return { unit, n: members.length, eer: eerAndAuc(s, y).eer };
    });
  return {
    systems,
    macroEer: systems.reduce((sum, s) => sum + s.eer, 0) / systems.length,
    nSources: runUnits.length - systems.length,
    seconds: (performance.now() - started) / 1000,
  };
}
