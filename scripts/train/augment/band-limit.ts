import { resample } from "../../../src/audio/resample";

/**
 * A resampling round trip through `viaRate` and back (both with the product's anti-aliasing resampler): below the
 * clip's rate it removes everything above viaRate / 2, as 8 kHz telephone or 11.025 kHz game audio has lost it;
 * above it adds only the resampler's own traces.
 */
export function resampleRoundTrip(samples: Float32Array, sampleRate: number, viaRate: number): Float32Array {
  return resample(resample(samples, sampleRate, viaRate), viaRate, sampleRate);
}
