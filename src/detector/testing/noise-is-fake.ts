/**
 * A one-split test model for the detector's plumbing: it tests the low band's mean flatness, so white noise
 * (~0.56) scores 0.9 (fake) and a pure tone (~0) scores 0.1 (real), and a result shows which audio was scored.
 * For tests only; never imported by production code.
 */
import { type Forest, LEAF_BIT } from "../../model/forest";
import { encodeForest } from "../../model/format";
import { analysisGrid, type ModelCard } from "../model-card";
import { SUMMARY_NAMES } from "../summary";

const FLATNESS = SUMMARY_NAMES.indexOf("flatness_band0_mean");

export const NOISE_IS_FAKE: Forest = {
  nFeatures: SUMMARY_NAMES.length,
  aggregation: "mean",
  baseScore: 0,
  splitStart: Uint32Array.from([0, 1]),
  leafStart: Uint32Array.from([0, 2]),
  feature: Uint16Array.from([FLATNESS]),
  threshold: Float32Array.from([0.3]),
  children: Uint16Array.from([LEAF_BIT | 0, LEAF_BIT | 1]),
  leafValue: Float32Array.from([0.1, 0.9]),
  calibration: { kind: "none" },
};

/** The binary of NOISE_IS_FAKE and a card for it (thresholds 0.3 / 0.7) with the given name and sha256. */
export function noiseIsFakeModel(name: string, sha256 = "0".repeat(64)): { bytes: Uint8Array; card: ModelCard } {
  return {
    bytes: encodeForest(NOISE_IS_FAKE),
    card: { name, version: "0", sha256, features: { names: [...SUMMARY_NAMES], extraction: analysisGrid() }, thresholds: { fake: 0.7, real: 0.3 } },
  };
}
