/**
 * Fails the build when the Worker bundle, model included, is over 1 MiB gzip. Reads the output of
 * `wrangler deploy --dry-run --outdir dist`: the bundled script plus every module uploaded beside it (the model
 * binary is a Data module there). Source maps and wrangler's README are not uploaded, so they are not counted.
 *
 *   npx tsx scripts/check-bundle-size.ts dist
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const LIMIT_BYTES = 1024 * 1024;
const NOT_UPLOADED = /(\.map|README\.md)$/;

const dir = process.argv[2] ?? "dist";
const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && !NOT_UPLOADED.test(entry.name))
  .map((entry) => join(entry.parentPath, entry.name));
if (files.length === 0) throw new Error(`no bundle in ${dir}: run wrangler deploy --dry-run --outdir ${dir} first`);

let total = 0;
for (const file of files) {
  const bytes = readFileSync(file);
  const gzipped = gzipSync(bytes, { level: 9 }).byteLength;
  total += gzipped;
  console.log(`${file}: ${kib(bytes.byteLength)} KiB, ${kib(gzipped)} KiB gzip`);
}
console.log(`bundle: ${kib(total)} KiB gzip of ${kib(LIMIT_BYTES)} KiB allowed`);
if (total > LIMIT_BYTES) {
  console.error(`bundle too large: ${total} bytes gzip > ${LIMIT_BYTES}`);
  process.exit(1);
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}
