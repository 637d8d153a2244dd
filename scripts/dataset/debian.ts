/**
 * Debian data packages are downloaded with `apt-get download` and unpacked with `dpkg -x` into a cache, never
 * installed. flightgear-data-base (1.3 GB) is streamed through `dpkg-deb --fsys-tarfile` for one file only.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { run } from "./process";

/** The cached .deb of a package, downloading it when absent. */
export async function fetchDeb(name: string, debDir: string): Promise<string> {
  mkdirSync(debDir, { recursive: true });
  const found = findDeb(name, debDir);
  if (found) return found;
  await run("apt-get", ["download", name], { cwd: debDir });
  const downloaded = findDeb(name, debDir);
  if (!downloaded) throw new Error(`apt-get download ${name} left no .deb in ${debDir}`);
  return downloaded;
}

/** `<name>_<version>_<arch>.deb` in the folder, if present. */
export function findDeb(name: string, debDir: string): string | undefined {
  if (!existsSync(debDir)) return undefined;
  const file = readdirSync(debDir).find((f) => f.startsWith(`${name}_`) && f.endsWith(".deb"));
  return file ? join(debDir, file) : undefined;
}

/** Unpacks a package once into `<extractDir>/<name>` (atomically, through a temporary folder). */
export async function unpackDeb(name: string, debDir: string, extractDir: string): Promise<string> {
  const target = join(extractDir, name);
  if (existsSync(target)) return target;
  const deb = await fetchDeb(name, debDir);
  const tmp = `${target}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  await run("dpkg", ["-x", deb, tmp]);
  renameSync(tmp, target);
  return target;
}

/** Extracts single members of a large package by streaming its data tar (nothing else is written). */
export async function extractMembers(name: string, members: readonly string[], debDir: string, targetDir: string): Promise<void> {
  if (members.every((m) => existsSync(join(targetDir, m)))) return;
  const deb = await fetchDeb(name, debDir);
  mkdirSync(targetDir, { recursive: true });
  await run("sh", ["-c", `d="$1"; shift; dpkg-deb --fsys-tarfile "$0" | tar -x -C "$d" "$@"`, deb, targetDir, ...members.map((m) => `./${m}`)]);
}

/** Every regular file under a folder, as `/`-separated paths relative to it, sorted. */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile())) out.push(relative(root, path).split("\\").join("/"));
    }
  };
  if (existsSync(root)) walk(root);
  return out.sort();
}
