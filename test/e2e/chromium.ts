/**
 * Debian's chromium driven by playwright-core: no browser download, a fresh profile per launch, and flags that
 * keep Chromium from calling home (updates, sync, field trials) so the only traffic is the page's own.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

const QUIET_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface LaunchedChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * @param viewport CSS pixels
 * @param extraFlags e.g. the fake media device flags
 */
export async function launchChromium(viewport: { width: number; height: number }, extraFlags: string[] = []): Promise<LaunchedChromium> {
  const profile = mkdtempSync(join(tmpdir(), "voiceguard-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...QUIET_FLAGS, ...extraFlags],
    viewport,
    acceptDownloads: true,
  });
  // Every step here takes well under a second; a failing step should not hold the run for Playwright's 30 s.
  context.setDefaultTimeout(15_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
