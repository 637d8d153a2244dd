import type { Samples } from "./frames";
import { melFilterbank, melSpectrogram } from "./mel";
import { mfcc } from "./mfcc";
import { powerToDb } from "./power-to-db";
import { rms } from "./rms";
import { meanStd, rowMeanStd } from "./segments";
import { spectralCentroid } from "./spectral-centroid";
import { magnitudeSpectrogram, powerSpectrogram } from "./stft";
import { zeroCrossingRate } from "./zero-crossing-rate";

/**
 * The seed project's 46-value feature vector, reproduced so its model can be compared like for like.
 * Recipe (librosa defaults at 16 kHz): the first 2 s (32000 samples, zero-padded at the end when shorter),
 * divided by its peak |y| when that is > 0; STFT n_fft 2048, hop 512, Hann 2048; 128 Slaney mels; power_to_db
 * (ref 1, amin 1e-10, top_db 80); 20 MFCCs; rms, spectral centroid and zero-crossing rate with frame 2048 /
 * hop 512; then over the 63 frames: 20 MFCC means, 20 MFCC stds (ddof 0), rms mean/std, centroid mean/std,
 * zcr mean/std. librosa does this in float32, we in float64 (the golden `values_float64_pipeline`).
 */
export const SEED_FEATURE_NAMES: readonly string[] = [
  ...Array.from({ length: 20 }, (_, k) => `mfcc${k}_mean`),
  ...Array.from({ length: 20 }, (_, k) => `mfcc${k}_std`),
  "rms_mean",
  "rms_std",
  "centroid_mean",
  "centroid_std",
  "zcr_mean",
  "zcr_std",
];

export const SEED_SAMPLE_RATE = 16000;
/** The seed looked at the first 2 s only. */
export const SEED_LENGTH = 32000;

const N_FFT = 2048;
const HOP = 512;
const N_MFCC = 20;

/** The seed vector of a 16 kHz mono signal, in the order of SEED_FEATURE_NAMES. */
export function seedFeatures(signal16k: Samples): Float64Array {
  const y = new Float64Array(SEED_LENGTH);
  y.set(signal16k.subarray(0, SEED_LENGTH));
  let peak = 0;
  for (let i = 0; i < y.length; i++) peak = Math.max(peak, Math.abs(y[i]));
  if (peak > 0) for (let i = 0; i < y.length; i++) y[i] /= peak;

  const power = powerSpectrogram(y, { nFft: N_FFT, hopLength: HOP, winLength: N_FFT });
  const filterbank = melFilterbank({ sampleRate: SEED_SAMPLE_RATE, nFft: N_FFT, nMels: 128, fMin: 0, fMax: 8000 });
  const mel = melSpectrogram(power, filterbank);
  const melDb = { ...mel, data: powerToDb(mel.data, { ref: 1, amin: 1e-10, topDb: 80 }) };
  const framing = { frameLength: N_FFT, hopLength: HOP };
  const allFrames = { first: 0, end: power.nFrames };

  const coefficients = rowMeanStd(mfcc(melDb, N_MFCC), allFrames);
  const loudness = meanStd(rms(y, framing), allFrames);
  const centroid = meanStd(spectralCentroid(magnitudeSpectrogram(power), SEED_SAMPLE_RATE), allFrames);
  const crossings = meanStd(zeroCrossingRate(y, { ...framing, threshold: 1e-10 }), allFrames);
  return Float64Array.from([
    ...coefficients.mean,
    ...coefficients.std,
    loudness.mean,
    loudness.std,
    centroid.mean,
    centroid.std,
    crossings.mean,
    crossings.std,
  ]);
}
