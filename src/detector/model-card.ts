import { ANALYSIS } from "./frame-features";
import { CLIP_TILE_SECONDS } from "./tiles";
import type { Thresholds } from "./types";

/**
 * The part of models/model.json (the model card) the detector relies on; the card holds much more (training data,
 * metrics, calibration, extraction parameters), which the API serves as is. Written by `npm run train`.
 */
export interface ModelCard {
  name: string;
  version: string;
  /** SHA-256 (hex) of the model binary the card describes. */
  sha256: string;
  features: {
    /** The feature vector's names in order; must equal SUMMARY_NAMES of the running code. */
    names: string[];
    /** The analysis grid the model was trained on and its clip tiles; must equal analysisGrid() of the running code. */
    extraction: { sample_rate: number; n_fft: number; win_length: number; hop_length: number; clip_tile_seconds: number; [key: string]: unknown };
    [key: string]: unknown;
  };
  thresholds: Thresholds;
  [key: string]: unknown;
}

/**
 * The running code's analysis grid as a model card records it (`features.extraction`), with the length of the tiles
 * whose mean raw score is the clip's: a model calibrated on other tiles (or on whole-clip vectors) is refused.
 */
export function analysisGrid(): ModelCard["features"]["extraction"] {
  return {
    sample_rate: ANALYSIS.sampleRate,
    n_fft: ANALYSIS.nFft,
    win_length: ANALYSIS.winLength,
    hop_length: ANALYSIS.hopLength,
    clip_tile_seconds: CLIP_TILE_SECONDS,
  };
}
