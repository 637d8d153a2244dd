/** ClipRow fixtures for the tests of units, folds and clips. */
import type { ClipRow } from "../dataset/manifest";

export function clipRow(fields: Partial<ClipRow> & Pick<ClipRow, "path" | "label" | "source">): ClipRow {
  return {
    speaker_or_voice: "",
    language: "en",
    duration_s: 2,
    sample_rate_orig: 16000,
    license: "",
    derived_from: "",
    generator: fields.label === "fake" ? fields.source : "",
    channel: "",
    ...fields,
  };
}
