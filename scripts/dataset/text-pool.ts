/**
 * TTS text pools (SOURCES.md §4): the lines of texts/<lang>.txt plus the Tux Paint stamp descriptions in that
 * language, whitespace collapsed, only 25–200 characters kept. `ru_db` is the festvox-ru transcript list alone.
 */
import { parseStampText } from "./real-sources";

export const MIN_TEXT_CHARS = 25;
export const MAX_TEXT_CHARS = 200;

export function normaliseText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function inTextRange(text: string): boolean {
  const n = [...text].length;
  return n >= MIN_TEXT_CHARS && n <= MAX_TEXT_CHARS;
}

/** The Tux Paint descriptions in one language, from the contents of every stamp `.txt` file (in path order). */
export function tuxDescriptions(stampTexts: readonly string[], language: string): string[] {
  return stampTexts.flatMap((t) => {
    const text = parseStampText(t).get(language);
    return text ? [normaliseText(text)] : [];
  });
}

/** A pool: project lines then Tux Paint lines, normalised and cut to the accepted length range. */
export function buildPool(projectLines: readonly string[], tuxLines: readonly string[]): string[] {
  return [...projectLines, ...tuxLines].map(normaliseText).filter(inTextRange);
}
