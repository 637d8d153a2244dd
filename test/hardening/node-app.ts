/**
 * The Worker's HTTP app in Node around the product detector, for measuring what a request costs with the CPU
 * clock (workerd's clock in tests stands still between I/O). Bindings: the wrangler.toml defaults, and a rate
 * limiter that always admits (the binding exists only in workerd; limiting is tested there).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createApp } from "../../src/api/app";
import type { ApiBindings } from "../../src/api/bindings";
import { realDetector } from "./real-detector";

const BINDINGS = {
  ANALYZE_RATE_LIMITER: { limit: async () => ({ success: true }) },
  ALLOWED_ORIGINS: "",
} as unknown as ApiBindings;

export interface NodeApp {
  /** POSTs `bytes` to /api/v1/analyze (as a raw WAV unless another Content-Type is given) and reads the answer. */
  upload(bytes: Uint8Array, contentType?: string): Promise<{ status: number; body: string }>;
}

export function nodeApp(): NodeApp {
  const app = createApp(realDetector());
  return {
    async upload(bytes, contentType = "audio/wav") {
      const request = new Request("http://voiceguard.test/api/v1/analyze", {
        method: "POST",
        body: bytes,
        headers: { "Content-Type": contentType },
      });
      const response = await app.fetch(request, BINDINGS);
      return { status: response.status, body: await response.text() };
    },
  };
}

/** CPU milliseconds (user + system, all threads of this process) that `work` takes. */
export async function cpuMilliseconds(work: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/**
 * nodeApp() from the app bundled by esbuild, as a deployment runs it (wrangler bundles the Worker with esbuild),
 * rather than from the modules vitest transforms one by one: there every call across modules goes through an
 * import binding, and the detector's per-frame loops make such calls a hundred times a frame (1 MB of 16 kHz
 * speech measured 48.5 ms best through vitest's modules, about 33 ms bundled or under tsx).
 */
export async function bundledNodeApp(): Promise<NodeApp> {
  const { build } = await import("esbuild");
  const folder = mkdtempSync(join(tmpdir(), "voiceguard-node-app-"));
  const outfile = join(folder, "node-app.mjs");
  await build({
    entryPoints: [fileURLToPath(import.meta.url)],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outfile,
    // real-detector.ts finds models/ from its own folder, which the bundle is not in.
    define: { "import.meta.dirname": JSON.stringify(import.meta.dirname) },
  });
  const bundled = (await import(pathToFileURL(outfile).href)) as { nodeApp: () => NodeApp };
  rmSync(folder, { recursive: true, force: true }); // loaded: the file is no longer needed
  return bundled.nodeApp();
}
