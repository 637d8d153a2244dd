/**
 * The batch's progress bar, for a terminal only (the caller creates it only when stderr is one). It shares the
 * dataset build's bar format and adds the failure count. Records may go to the same terminal on stdout, so the
 * bar is erased before each record is written and drawn again after it (once per file: cheap next to scoring).
 */
import { formatProgress } from "../dataset/progress";

export interface ProgressBar {
  /** Erases the bar before something else is written to the terminal. */
  erase(): void;
  draw(done: number, failed: number): void;
  /** Leaves the final state on its own line. */
  finish(done: number, failed: number): void;
}

export function progressBar(total: number, write: (text: string) => void, now: () => number = Date.now): ProgressBar {
  const started = now();
  let shown = false;
  const line = (done: number, failed: number) =>
    `\r${formatProgress("detect", done, total, (now() - started) / 1000)}${failed > 0 ? ` ${failed} failed` : ""}\x1b[K`;
  return {
    erase() {
      if (shown) write("\r\x1b[K");
      shown = false;
    },
    draw(done, failed) {
      write(line(done, failed));
      shown = true;
    },
    finish(done, failed) {
      write(`${line(done, failed)}\n`);
      shown = false;
    },
  };
}
