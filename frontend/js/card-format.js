/**
 * Wording of the model card page, which renders whatever GET /api/v1/model returns: keys become headings and
 * labels, numbers are shown to four significant digits.
 */

/** Words shown in capitals when they appear as parts of a key. */
const ACRONYMS = new Set(["api", "auc", "cqcc", "eer", "id", "lfcc", "mfcc", "roc", "sha256", "tts", "url", "wav"]);

/**
 * @param {string} key a JSON key such as "roc_auc", "trainingData" or "eer-cross"
 * @returns {string} a label such as "ROC AUC", "Training data", "EER cross"
 */
export function humanizeKey(key) {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  const label = words.map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word)).join(" ");
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/**
 * @param {unknown} value a JSON leaf
 * @returns {string}
 */
export function formatLeaf(value) {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString("en") : String(Number(value.toPrecision(4)));
  if (typeof value === "boolean") return value ? "yes" : "no";
  return String(value);
}

/**
 * @param {unknown} value
 * @returns {"leaf" | "list" | "table" | "object"} how to show a JSON value: a text, a comma list (array of leaves),
 *   a table (array of objects) or a list of labelled facts (object)
 */
export function shapeOf(value) {
  if (value === null || typeof value !== "object") return "leaf";
  if (!Array.isArray(value)) return "object";
  return value.length > 0 && value.every((item) => item !== null && typeof item === "object" && !Array.isArray(item)) ? "table" : "list";
}

/**
 * @param {Record<string, unknown>[]} rows
 * @returns {string[]} every key of every row, in order of first appearance
 */
export function tableColumns(rows) {
  return [...new Set(rows.flatMap((row) => Object.keys(row)))];
}
