/**
 * What the build needs from the system, checked before any work so that it fails at once with the exact
 * `apt-get install` line instead of half way. Debian data packages are fetched with `apt-get download` and
 * are not listed here; the npm engines go into a scratch folder under the output.
 */
import { findDeb } from "./debian";
import { run } from "./process";
import { REAL_SOURCES } from "./real-sources";

/** Debian data packages fetched with `apt-get download` (never installed). */
export const DATA_PACKAGES = [...new Set([...REAL_SOURCES.flatMap((s) => s.packages), "flightgear-data-base"])].sort();

/** Installed Debian packages the build runs (SOURCES.md §1). */
export const REQUIRED_PACKAGES = [
  "sox",
  "libsox-fmt-all",
  "ffmpeg",
  "espeak-ng",
  "festival",
  "festvox-kallpc16k",
  "festvox-kdlpc16k",
  "festvox-us-slt-hts",
  "festvox-ca-ona-hts",
  "festival-ca",
  "festvox-italp16k",
  "festvox-itapc16k",
  "festvox-ru",
  "festvox-czech-dita",
  "festvox-czech-krb",
  "festvox-czech-machac",
  "festvox-czech-ph",
  "festival-czech",
  "flite",
  "codec2",
  "libcodec2-dev",
  "gcc",
  "libc6-dev",
  "unzip",
] as const;

/** Names from `dpkg-query -W -f '${Package} ${db:Status-Abbrev}\n'` output that are not fully installed. */
export function missingPackages(required: readonly string[], dpkgQueryOutput: string): string[] {
  const installed = new Set(
    dpkgQueryOutput
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter(([, status]) => status === "ii")
      .map(([name]) => name.replace(/:.*$/, "")),
  );
  return required.filter((name) => !installed.has(name));
}

export function aptInstallLine(missing: readonly string[]): string {
  return `apt-get update && apt-get install -y --no-install-recommends ${missing.join(" ")}`;
}

/**
 * Throws with the install line when something is missing; also checks that apt knows the data packages not yet
 * in the download cache (it does not before `apt-get update`) and that npm exists for the npm engines.
 */
export async function checkRequirements(debDir: string): Promise<void> {
  // dpkg-query exits 1 when a package is unknown but still prints the known ones.
  const query = `dpkg-query -W -f '\${Package} \${db:Status-Abbrev}\\n' ${REQUIRED_PACKAGES.join(" ")} 2>/dev/null || true`;
  const output = (await run("sh", ["-c", query])).stdout.toString();
  const missing = missingPackages(REQUIRED_PACKAGES, output);
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`Missing Debian packages. Install them with:\n\n  ${aptInstallLine(missing)}\n`);
  const toDownload = DATA_PACKAGES.filter((name) => !findDeb(name, debDir));
  if (toDownload.length > 0) {
    try {
      await run("apt-cache", ["show", "--no-all-versions", ...toDownload]);
    } catch {
      problems.push(`apt does not know some of the data packages (${toDownload.join(" ")}). Refresh its lists with:\n\n  apt-get update\n`);
    }
  }
  try {
    await run("npm", ["--version"]);
  } catch {
    problems.push("npm is not on PATH (needed to install sam-js, @echogarden/gnuspeech-wasm and mespeak into the scratch folder).");
  }
  if (problems.length > 0) throw new RequirementsError(problems.join("\n"));
}

export class RequirementsError extends Error {}
