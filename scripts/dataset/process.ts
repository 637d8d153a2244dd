/** Running external programs: capture output, feed input, and bound how many run at once. */
import { spawn } from "node:child_process";

export interface RunResult {
  stdout: Buffer;
  stderr: string;
}

export interface RunOptions {
  input?: Uint8Array;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

/** Runs a program to completion; rejects with its stderr when it exits non-zero. */
export function run(program: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.stdin.on("error", () => undefined); // a program may exit before reading all input
    child.on("close", (code) => {
      const stderr = Buffer.concat(err).toString("utf8");
      if (code === 0) resolve({ stdout: Buffer.concat(out), stderr });
      else reject(new Error(`${program} ${args.join(" ")} exited ${code}: ${stderr.slice(-500)}`));
    });
    child.stdin.end(options.input ?? undefined);
  });
}

/** Runs `tasks` with at most `limit` in flight, calling `onDone` after each; results keep task order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>, onDone?: () => void): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
      onDone?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
