/**
 * One file to one record: read, sniff the format from the bytes, decode (WAV by the detector itself, the rest by
 * the wasm decoders), analyse with the product detector. Never throws: every failure becomes a record with a code.
 */
import { readFileSync, statSync } from "node:fs";
import { AudioError } from "../../src/audio/errors";
import type { Detector } from "../../src/detector/detector";
import type { Analysis, AnalyzeOptions } from "../../src/detector/types";
import { decodeCompressed } from "./decode-compressed";
import { describeFailure, FileError } from "./file-error";
import type { InputFile } from "./inputs";
import type { FileRecord } from "./records";
import { type AudioFormat, sniffFormat } from "./sniff";

export async function scoreFile(input: InputFile, detector: Detector, options: AnalyzeOptions): Promise<FileRecord> {
  let format: AudioFormat | undefined;
  try {
    if (input.problem) throw new FileError("unreadable_file", input.problem);
    const bytes = readRegularFile(input.absolute);
    if (bytes.length === 0) throw new AudioError("empty_input", "The file is empty.");
    const sniffed = sniffFormat(bytes);
    if (sniffed.format === undefined) throw new FileError("unsupported_format", sniffed.message);
    format = sniffed.format;
    const stream = bytes.subarray(sniffed.offset);
    const { analysis, decodeErrors } = await analyzeStream(detector, stream, format, options);
    return {
      file: input.path,
      format,
      verdict: analysis.verdict,
      probability_fake: analysis.probability_fake,
      duration_s: analysis.duration_s,
      analyzed_s: analysis.analyzed_s,
      decode_errors: decodeErrors,
      ...(options.segments ? { segments: analysis.segments } : {}),
    };
  } catch (e) {
    const { code, message } = describeFailure(e);
    return { file: input.path, ...(format ? { format } : {}), error: message, code };
  }
}

async function analyzeStream(
  detector: Detector,
  stream: Uint8Array,
  format: AudioFormat,
  options: AnalyzeOptions,
): Promise<{ analysis: Analysis; decodeErrors: number }> {
  if (format === "wav") return { analysis: detector.analyze(stream, options), decodeErrors: 0 };
  const decoded = await decodeCompressed(stream, format, options.maxAnalyzedSeconds);
  return { analysis: detector.analyzeDecoded(decoded, options), decodeErrors: decoded.decodeErrors };
}

/** Only regular files are read: a FIFO or a device (/dev/zero) would block or never end. */
function readRegularFile(path: string): Uint8Array {
  try {
    if (!statSync(path).isFile()) throw new FileError("unreadable_file", "This is not a regular file.");
    return readFileSync(path);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError("unreadable_file", `The file cannot be read: ${(e as Error).message}`);
  }
}
