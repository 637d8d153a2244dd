/**
 * `wrangler dev` for the browser tests: the real Worker and its static assets on a free loopback port, with the
 * offline settings of PLATFORM.md (no telemetry, no update check, no Request.cf download) and its state in a
 * temporary folder rather than the shared checkout.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const WRANGLER = join(ROOT, "node_modules/wrangler/bin/wrangler.js");
const OFFLINE_ENV = {
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_ERROR_REPORTS: "false",
};

export interface DevServer {
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  stop(): Promise<void>;
}

/** A port the OS reports free on 127.0.0.1 (closed again before wrangler takes it). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * Starts wrangler dev and resolves once GET /api/v1/health answers 200.
 * @param options.port default: a free port
 * @param options.vars Worker variables overriding wrangler.toml's `[vars]` (`--var NAME:value`)
 */
export async function startWranglerDev(
  options: { port?: number; vars?: Record<string, string>; timeoutMs?: number } = {},
): Promise<DevServer> {
  const port = options.port ?? (await freePort());
  const inspectorPort = await freePort();
  const state = mkdtempSync(join(tmpdir(), "voiceguard-wrangler-"));
  const args = [WRANGLER, "dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(inspectorPort)];
  args.push("--persist-to", state, "--show-interactive-dev-session=false", "--log-level", "warn");
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push("--var", `${name}:${value}`);
  // Its own process group, so stop() ends wrangler and the workerd it starts, and nothing else.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...OFFLINE_ENV },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await endGroup(child);
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await waitForHealth(origin, child, options.timeoutMs ?? 90_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- wrangler output ---\n${output}`);
  }
  return { origin, stop };
}

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`wrangler dev did not answer on ${origin} within ${timeoutMs} ms`);
}

async function endGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
