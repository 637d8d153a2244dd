import { formatCsvRow } from "../dataset/csv";
import type { Prepared, ProtocolRun } from "./pipeline";

/**
 * Every clip's out-of-fold probability from each learner of a protocol run, as CSV (one row per clip): which clips
 * a learner gets wrong, and whether two learners err on the same clips, without re-running the protocol.
 */
export function outOfFoldScoresCsv(prepared: Prepared, runs: readonly ProtocolRun[]): string {
  const { clips, labels } = prepared.table;
  const header = ["clip", "origin", "label", "unit", "fold", ...runs.map((run) => `${run.learner}_probability_fake`)];
  const lines = clips.map((clip, i) =>
    formatCsvRow([
      clip.row.path,
      clip.origin,
      labels[i] === 1 ? "fake" : "real",
      prepared.units[i],
      String(prepared.plan.foldOf[i]),
      ...runs.map((run) => String(run.probabilities[i])),
    ]),
  );
  return `${[formatCsvRow(header), ...lines].join("\n")}\n`;
}
