/**
 * `npm run --silent detect -- [--jsonl|--csv] [--segments] FILE|DIR...`: scores audio files in one process.
 * See run-detect.ts for the command and README.md beside this file for formats and exit codes.
 */
import { EXIT, runDetect } from "./run-detect";

// npm runs scripts from the project folder and passes the caller's folder as INIT_CWD.
const baseDir = (process.env.npm_lifecycle_event === "detect" && process.env.INIT_CWD) || process.cwd();

// A reader that stops early (`| head`) closes the pipe: stop quietly rather than die with a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(EXIT.cannotRun);
  throw e;
});

try {
  process.exitCode = await runDetect(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTerminal: process.stderr.isTTY === true,
    baseDir,
  });
} catch (e) {
  process.stderr.write(`detect: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = EXIT.cannotRun;
}
