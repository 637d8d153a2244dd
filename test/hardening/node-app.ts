/**
 * The Worker's HTTP app in Node around the product detector, for measuring what a request costs with the CPU
 * clock (workerd's clock in tests stands still between I/O). Bindings: the wrangler.toml defaults, and a rate
 * limiter that always admits (the binding exists only in workerd; limiting is tested there).
 */
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
