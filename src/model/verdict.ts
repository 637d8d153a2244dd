/**
 * The three-way verdict from a calibrated probability: "fake" at or above thresholds.fake, "real" at or below
 * thresholds.real, "uncertain" strictly between. Thresholds are chosen on validation data (real < fake).
 */
import type { Thresholds, Verdict } from "../detector/types";

export function verdictOf(probabilityFake: number, thresholds: Thresholds): Verdict {
  if (probabilityFake >= thresholds.fake) return "fake";
  if (probabilityFake <= thresholds.real) return "real";
  return "uncertain";
}
