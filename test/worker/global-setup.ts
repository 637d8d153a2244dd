/**
 * Runs in Node before the worker tests and hands them the real speech clips of ../shared/golden/inputs (workerd
 * cannot read the disk). The clips stay outside the repository; where the folder is absent, tests that need them
 * skip. Read with `inject("speechClips")`: file name -> base64 of the WAV bytes.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";

const GOLDEN_INPUTS = resolve(import.meta.dirname, "../../../shared/golden/inputs");

declare module "vitest" {
  export interface ProvidedContext {
    speechClips: Record<string, string>;
  }
}

export default function provideSpeechClips(project: TestProject): void {
  const names = existsSync(GOLDEN_INPUTS) ? readdirSync(GOLDEN_INPUTS).filter((name) => /^speech_.*\.wav$/.test(name)) : [];
  project.provide(
    "speechClips",
    Object.fromEntries(names.map((name) => [name, readFileSync(resolve(GOLDEN_INPUTS, name)).toString("base64")])),
  );
}
