/**
 * Typed errors of the audio front end. Every way an upload can fail to become analysable audio has one stable
 * `code` here; the API maps codes to HTTP statuses and the page shows `message`. Codes never change meaning.
 */
export const AUDIO_ERROR_CODES = [
  /** Zero bytes were supplied. */
  "empty_input",
  /** The bytes are not a RIFF/RIFX/RF64 WAVE file (e.g. MP3, Ogg, text). */
  "not_wav",
  /** A WAVE file whose codec we do not decode (the message names it). */
  "unsupported_codec",
  /** The header is inconsistent: missing or short fmt chunk, block align that does not match, no data chunk. */
  "malformed_header",
  /** A chunk claims more bytes than the file holds, or the file ends inside a chunk header. */
  "truncated",
  /** More chunks than any real WAV file has; refused before they cost time or memory. */
  "too_many_chunks",
  /** Zero channels, or more than we accept. */
  "invalid_channels",
  /** A sample rate outside the range we accept. */
  "invalid_sample_rate",
  /** A bit depth that does not exist for the codec (0, 7, 33, 64-bit integer...). */
  "invalid_bit_depth",
  /** Floating-point samples that are NaN or infinite. */
  "non_finite_samples",
  /** The data chunk holds no complete sample frame. */
  "no_samples",
  /** Nothing but silence (after trimming leading and trailing silence nothing is left). */
  "silent_audio",
  /** Too little audio after trimming silence to say anything. */
  "too_short",
] as const;

export type AudioErrorCode = (typeof AUDIO_ERROR_CODES)[number];

export class AudioError extends Error {
  override readonly name = "AudioError";
  constructor(
    readonly code: AudioErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isAudioError(e: unknown): e is AudioError {
  return e instanceof AudioError;
}
