/**
 * Writes github-manifest.csv: ../shared/data/github/manifest.csv plus the SHA-256 of every clip present there,
 * so a build without the shared folder knows which files to fetch and can check what it rebuilds.
 *   npx tsx scripts/dataset/github-hashes.ts ../shared/data > scripts/dataset/github-manifest.csv
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { formatCsvRow, parseCsv } from "./csv";
import { sha256Hex } from "./github-clips";

const dataDir = process.argv[2] ?? "../shared/data";
const [header, ...rows] = parseCsv(readFileSync(join(dataDir, "github/manifest.csv"), "utf8"));
const pathColumn = header.indexOf("path");
process.stdout.write(formatCsvRow([...header, "sha256"]) + "\n");
for (const row of rows) {
  const file = join(dataDir, row[pathColumn]);
  process.stdout.write(formatCsvRow([...row, existsSync(file) ? sha256Hex(readFileSync(file)) : ""]) + "\n");
}
