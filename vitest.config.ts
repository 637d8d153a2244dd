import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          environment: "node",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          // Some tests run ffmpeg, sox or whole training loops; CI shares 2 cores with the other projects.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          // Hands the tests the real speech clips of ../shared/golden (workerd cannot read the disk).
          globalSetup: ["test/worker/global-setup.ts"],
        },
      },
      {
        // Hostile inputs, CPU and memory bounds of the real detector in Node (issue 6; test/hardening/README.md).
        // `npm test` runs it after the other projects, on its own, so the measurements have the machine to themselves.
        test: {
          name: "hardening",
          environment: "node",
          include: ["test/hardening/**/*.test.ts"],
          // One file at a time: the CPU and memory measurements must not compete with each other.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The web page's pure modules (plain ES modules with JSDoc types, served as they are).
        test: {
          name: "page",
          environment: "node",
          include: ["frontend/**/*.test.ts"],
        },
      },
      {
        // Headless Chromium against `wrangler dev`; skips with a message when /usr/bin/chromium is missing.
        test: {
          name: "e2e",
          environment: "node",
          include: ["test/e2e/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
