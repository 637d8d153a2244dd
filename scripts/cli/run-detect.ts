/**
 * The whole command, independent of the process: arguments in, records out through `io`, exit status back.
 * Files are scored one at a time and each record is written as soon as it exists, so memory does not grow with
 * the batch and an interrupted run keeps what it wrote.
 */
import { resolve } from "node:path";
import type { Detector } from "../../src/detector/detector";
import type { AnalyzeOptions } from "../../src/detector/types";
import { listInputs } from "./inputs";
import { DEFAULT_MODEL_DIR, loadDetector, ModelFolderError } from "./model-folder";
import { type DetectOptions, parseOptions, UsageError } from "./options";
import { progressBar } from "./progress";
import { csvHeader, csvLine, type FileRecord, isFailed, jsonLine } from "./records";
import { scoreFile } from "./score-file";

export interface DetectIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Draw a progress bar on stderr. */
  stderrIsTerminal: boolean;
  /** Relative paths (files, --model) are taken from here: `npm run` moves the working directory to the project. */
  baseDir: string;
}

export const EXIT = { ok: 0, someFilesFailed: 1, cannotRun: 2 } as const;

export async function runDetect(argv: readonly string[], io: DetectIo): Promise<number> {
  let options: DetectOptions;
  try {
    options = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.help) {
      io.stdout(`${e.message}\n`);
      return EXIT.ok;
    }
    io.stderr(`detect: ${e.message}\nRun with --help for usage.\n`);
    return EXIT.cannotRun;
  }
  const modelDir = options.modelDir === undefined ? DEFAULT_MODEL_DIR : resolve(io.baseDir, options.modelDir);
  let detector: Detector;
  try {
    detector = loadDetector(modelDir);
  } catch (e) {
    if (!(e instanceof ModelFolderError)) throw e;
    io.stderr(`detect: no usable model: ${e.message}\n`);
    return EXIT.cannotRun;
  }
  const inputs = listInputs(options.paths, io.baseDir);
  if (inputs.length === 0) io.stderr(`detect: no audio files found in ${options.paths.join(" ")}\n`);
  const analyzeOptions: AnalyzeOptions = {
    segments: options.segments,
    segmentSeconds: options.segmentSeconds,
    maxAnalyzedSeconds: options.maxSeconds,
  };
  const format = (record: FileRecord) => (options.output === "csv" ? csvLine(record, options.segments) : jsonLine(record));
  if (options.output === "csv") io.stdout(csvHeader(options.segments));
  const bar = io.stderrIsTerminal ? progressBar(inputs.length, io.stderr) : undefined;
  bar?.draw(0, 0);
  let failed = 0;
  for (const [i, input] of inputs.entries()) {
    const record = await scoreFile(input, detector, analyzeOptions);
    if (isFailed(record)) failed++;
    bar?.erase();
    io.stdout(format(record));
    bar?.draw(i + 1, failed);
  }
  bar?.finish(inputs.length, failed);
  return failed > 0 ? EXIT.someFilesFailed : EXIT.ok;
}
