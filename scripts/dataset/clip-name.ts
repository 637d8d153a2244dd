/**
 * File names of corpus clips, following the shipped corpus: the package and path inside it with `/` turned
 * into `_`, extension dropped, cut to its last 90 characters (which is why some names start mid-word), then the
 * chunk suffix and `.wav`. Vocoder copies prefix their parent's stem.
 */
export const MAX_STEM_CHARS = 90;

/** `pkg/usr/share/x/y.ogg` -> `pkg_usr_share_x_y`, cut to the last 90 characters. */
export function stemFromPath(packagePath: string, keepExtension = false): string {
  const withoutExt = keepExtension ? packagePath : packagePath.replace(/\.[^./]+$/, "");
  const flat = withoutExt.replace(/[/\\]+/g, "_").replace(/[^\p{L}\p{N}._+@-]+/gu, "_");
  return lastChars(flat.replace(/^[._]+/, ""), MAX_STEM_CHARS);
}

/** The stem of a vocoder copy: `<prefix>_<parent stem>`, cut to the same length. */
export function childStem(prefix: string, parentStem: string): string {
  return lastChars(`${prefix}_${parentStem}`, MAX_STEM_CHARS + 10);
}

function lastChars(text: string, n: number): string {
  return text.length > n ? text.slice(text.length - n) : text;
}
