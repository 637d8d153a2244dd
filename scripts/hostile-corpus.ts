/**
 * Writes the malformed-input corpus of issue 6 (test/hardening/hostile-cases.ts) as files, for tools outside the
 * test suite (curl loops, other fuzzers, a deployed Worker), with a manifest of the answer each one must get.
 * Optionally adds fuzzed files from the same generator the property tests use. The corpus is generated, never
 * committed: the folder must lie outside the repository.
 *
 *   npx tsx scripts/hostile-corpus.ts --out /tmp/voiceguard-corpus [--fuzz 200] [--seed 1]
 *
 * Files: NNN-<slug>.wav, whatever they hold (the point of many is that they are not WAV). manifest.json lists, per
 * file, the case, its group, how to upload it ("raw": body with Content-Type audio/wav; "multipart": field `file`
 * under `file_name`) and the expected status and problem code (null for a 200 analysis). Fuzzed files expect "any
 * 200 or 4xx answer that is well formed", written as status null.
 */
import fc from "fast-check";
import { mkdirSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { HOSTILE_CASES } from "../test/hardening/hostile-cases";
import { hostileWav } from "../test/hardening/wav-arbitraries";

const ROOT = resolve(import.meta.dirname, "..");

interface ManifestEntry {
  file: string;
  name: string;
  group: string;
  bytes: number;
  upload: "raw" | "multipart";
  file_name?: string;
  expected: { status: number | null; code: string | null };
}

const { values } = parseArgs({
  options: { out: { type: "string" }, fuzz: { type: "string", default: "0" }, seed: { type: "string", default: "1" } },
});
const out = values.out ? resolve(values.out) : undefined;
const fuzzCount = Number(values.fuzz);
const seed = Number(values.seed);
if (!out) throw new Error("--out <folder> is required");
if (!relative(ROOT, out).startsWith("..")) throw new Error(`--out must be outside the repository (${ROOT}): the corpus is never committed`);
if (!Number.isInteger(fuzzCount) || fuzzCount < 0) throw new Error("--fuzz must be a non-negative integer");
if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");

mkdirSync(out, { recursive: true });
const manifest: ManifestEntry[] = [];
const write = (entry: Omit<ManifestEntry, "file" | "bytes">, bytes: Uint8Array) => {
  const slug = entry.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
  const file = `${String(manifest.length + 1).padStart(3, "0")}-${slug}.wav`;
  writeFileSync(resolve(out, file), bytes);
  manifest.push({ file, bytes: bytes.length, ...entry });
};

for (const hostile of HOSTILE_CASES) {
  const upload = hostile.fileName ? { upload: "multipart" as const, file_name: hostile.fileName } : { upload: "raw" as const };
  write({ name: hostile.name, group: hostile.group, ...upload, expected: hostile.expected }, hostile.bytes());
}
fc.sample(hostileWav, { numRuns: fuzzCount, seed }).forEach((bytes, i) => {
  write({ name: `fuzzed ${i + 1} (seed ${seed})`, group: "fuzzed", upload: "raw", expected: { status: null, code: null } }, bytes);
});
writeFileSync(resolve(out, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);

const total = manifest.reduce((sum, entry) => sum + entry.bytes, 0);
console.log(`hostile-corpus: ${manifest.length} files (${HOSTILE_CASES.length} cases, ${fuzzCount} fuzzed), ${(total / 2 ** 20).toFixed(1)} MiB in ${out}`);
