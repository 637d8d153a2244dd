/** Command-line flags of `npm run detect`. */
import { DEFAULT_MAX_ANALYZED_SECONDS } from "../../src/api/limits";
import { SEGMENT_SECONDS } from "../../src/detector/types";

export type OutputFormat = "jsonl" | "csv";

export interface DetectOptions {
  output: OutputFormat;
  segments: boolean;
  segmentSeconds: number;
  maxSeconds: number;
  /** Model folder as given; undefined means the project's models/. */
  modelDir: string | undefined;
  paths: string[];
}

export const USAGE = `Usage: npm run --silent detect -- [--jsonl|--csv] [--segments] [options] FILE|DIR...

Scores each audio file as real or AI-generated speech, one record per file on stdout.
Formats are recognised from the bytes, not the name: WAV, FLAC, MP3, Ogg Vorbis, Ogg Opus.
Directories are searched recursively for .wav .wave .flac .mp3 .ogg .oga .opus (hidden entries skipped).

  --jsonl                 JSON Lines, one object per file (the default)
  --csv                   CSV with a header row
  --segments              add per-segment scores (a "segments" array; in CSV one JSON cell)
  --segment-seconds S     segment length, ${SEGMENT_SECONDS.min}-${SEGMENT_SECONDS.max} (default ${SEGMENT_SECONDS.default})
  --max-seconds S         analyse at most S seconds of each file (default ${DEFAULT_MAX_ANALYZED_SECONDS})
  --model DIR             folder with model.bin and model.json (default: the project's models/)
  -h, --help              this text

Exit status: 0 every file was scored; 1 at least one file has an error record; 2 nothing could run
(bad arguments, missing or mismatched model) or the output was closed early.`;

const VALUE_FLAGS = ["--segment-seconds", "--max-seconds", "--model"];

export function parseOptions(argv: readonly string[]): DetectOptions {
  const options: DetectOptions = {
    output: "jsonl",
    segments: false,
    segmentSeconds: SEGMENT_SECONDS.default,
    maxSeconds: DEFAULT_MAX_ANALYZED_SECONDS,
    modelDir: undefined,
    paths: [],
  };
  const formats = new Set<OutputFormat>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    if (arg === "-h" || arg === "--help") throw new UsageError(USAGE, true);
    if (arg === "--jsonl" || arg === "--csv") formats.add(arg === "--csv" ? "csv" : "jsonl");
    else if (arg === "--segments") options.segments = true;
    else if (VALUE_FLAGS.includes(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      if (arg === "--model") options.modelDir = value;
      else if (arg === "--segment-seconds") options.segmentSeconds = numberIn(arg, value, SEGMENT_SECONDS.min, SEGMENT_SECONDS.max);
      else options.maxSeconds = numberIn(arg, value, Number.MIN_VALUE, Infinity);
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg} (a path that starts with "-" goes after --)`);
    else options.paths.push(arg);
  }
  if (formats.size > 1) throw new UsageError("choose one of --jsonl and --csv");
  options.output = formats.has("csv") ? "csv" : "jsonl";
  if (options.paths.length === 0) throw new UsageError("no FILE or DIR given");
  return options;
}

function numberIn(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be a number ${max === Infinity ? "above 0" : `from ${min} to ${max}`}, not "${text}"`);
  }
  return value;
}

/** A command line that cannot run; `help` marks the --help text, which is not an error. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly help = false,
  ) {
    super(message);
  }
}
