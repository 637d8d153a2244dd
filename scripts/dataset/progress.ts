/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */

export function formatProgress(label: string, done: number, total: number, elapsedS: number, width = 30): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(fraction * width);
  const eta = done > 0 && done < total ? ` eta ${formatSeconds((elapsedS * (total - done)) / done)}` : "";
  return `${label.padEnd(12)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${formatSeconds(elapsedS)}${eta}`;
}

export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export interface Progress {
  tick(count?: number): void;
  finish(): void;
}

export function startProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let done = 0;
  let lastDraw = 0;
  const draw = (force: boolean) => {
    if (!stream.isTTY) return;
    const now = Date.now();
    if (!force && now - lastDraw < 200) return;
    lastDraw = now;
    stream.write(`\r${formatProgress(label, done, total, (now - started) / 1000)}\x1b[K`);
  };
  return {
    tick(count = 1) {
      done += count;
      draw(false);
    },
    finish() {
      draw(true);
      if (stream.isTTY) stream.write("\n");
      else stream.write(`${label}: ${done}/${total} in ${formatSeconds((Date.now() - started) / 1000)}\n`);
    },
  };
}
