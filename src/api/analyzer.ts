/**
 * The detector as the HTTP layer sees it. The app receives it as a parameter (see createApp) so that every HTTP
 * behaviour can be tested with a small deterministic stand-in, and the Worker entry wires the real detector.
 */
import type { Analysis, AnalyzeOptions } from "../detector/types";

export interface Analyzer {
  /** Decodes and scores a WAV upload; throws AudioError (src/audio/errors.ts) for audio it cannot analyse. */
  analyze(bytes: Uint8Array, options: AnalyzeOptions): Analysis;
  /** The model card: what the model is, how it was trained and evaluated, its thresholds. */
  modelCard(): object;
}
