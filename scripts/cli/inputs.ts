/**
 * The files a command line names: each FILE argument as given (whatever its name), each DIR walked recursively for
 * audio files. The walk is deterministic (entries sorted by code unit, not by locale), skips hidden entries
 * (".name"), follows symbolic links, and never enters a directory that is already on the current path, so a link
 * loop ends. Problems become entries with an error instead of stopping the batch.
 */
import { readdirSync, type Stats, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const AUDIO_EXTENSIONS = ["wav", "wave", "flac", "mp3", "ogg", "oga", "opus"] as const;

export interface InputFile {
  /** As the output shows it: the argument, or the argument joined with the path found under it. */
  path: string;
  /** Where to read it: resolved against the base directory. */
  absolute: string;
  /** Set when the path could not even be listed or looked at. */
  problem?: string;
}

/** Every input file of `args` in order; relative arguments are taken relative to `baseDir`. */
export function listInputs(args: readonly string[], baseDir: string): InputFile[] {
  const files: InputFile[] = [];
  for (const arg of args) {
    const absolute = resolve(baseDir, arg);
    const stat = statOrProblem(absolute);
    if (typeof stat === "string") files.push({ path: arg, absolute, problem: stat });
    else if (stat.isDirectory()) walk(arg, absolute, [directoryKey(stat)], files);
    else files.push({ path: arg, absolute });
  }
  return files;
}

export function hasAudioExtension(name: string): boolean {
  const dot = name.lastIndexOf(".");
  return dot > 0 && (AUDIO_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}

function walk(shown: string, absolute: string, ancestors: string[], files: InputFile[]): void {
  let names: string[];
  try {
    names = readdirSync(absolute);
  } catch (e) {
    files.push({ path: shown, absolute, problem: `cannot list this directory: ${(e as Error).message}` });
    return;
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    if (name.startsWith(".")) continue;
    const entry = { path: join(shown, name), absolute: join(absolute, name) };
    const stat = statOrProblem(entry.absolute);
    if (typeof stat === "string") {
      // A dangling link or unreadable entry is reported only if it was meant to be audio.
      if (hasAudioExtension(name)) files.push({ ...entry, problem: stat });
    } else if (stat.isDirectory()) {
      const key = directoryKey(stat);
      if (!ancestors.includes(key)) walk(entry.path, entry.absolute, [...ancestors, key], files);
    } else if (stat.isFile() && hasAudioExtension(name)) {
      files.push(entry);
    }
  }
}

/** Identity of a directory however it is reached (through links or not). */
function directoryKey(stat: { dev: number; ino: number }): string {
  return `${stat.dev}:${stat.ino}`;
}

function statOrProblem(path: string): Stats | string {
  try {
    return statSync(path);
  } catch (e) {
    return (e as Error).message;
  }
}
