/**
 * Why one file of a batch got no verdict. Audio the detector refuses keeps its AudioError code
 * (src/audio/errors.ts: empty_input, not_wav, truncated, silent_audio, too_short...); the codes below are the
 * command's own, for what happens before or around the detector. Codes never change meaning.
 */
import { AudioError, type AudioErrorCode } from "../../src/audio/errors";

export const FILE_ERROR_CODES = [
  /** The path does not exist, is not a regular file, or reading it failed (permissions, I/O, over 2 GiB). */
  "unreadable_file",
  /** The bytes are none of the formats the command decodes (the message says what they look like). */
  "unsupported_format",
  /** A FLAC, MP3 or Ogg file from which its decoder got no audio. */
  "decode_failed",
  /** A bug: anything else that went wrong. The batch goes on; please report the message. */
  "internal_error",
] as const;

export type FileErrorCode = (typeof FILE_ERROR_CODES)[number] | AudioErrorCode;

export class FileError extends Error {
  override readonly name = "FileError";
  constructor(
    readonly code: FileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The code and message of anything thrown while scoring a file. */
export function describeFailure(e: unknown): { code: FileErrorCode; message: string } {
  if (e instanceof FileError || e instanceof AudioError) return { code: e.code, message: e.message };
  return { code: "internal_error", message: e instanceof Error ? e.message : String(e) };
}
