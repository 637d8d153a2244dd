/**
 * Layout and wording of the model card page, which renders whatever GET /api/v1/model returns: the parts people
 * look for first (metrics, training data, thresholds) come first, field names become labels, and large collections
 * (per-generator scores, per-source counts) become tables.
 */

/** Words of a key written their usual way rather than in lower case. */
/** @type {Map<string, string>} */
const SPELLINGS = new Map([
  ..."api auc cqcc dc eer fft id lfcc mfcc mp3 pcm roc sha256 snr tts url wav".split(" ").map((word) => /** @type {[string, string]} */ ([word, word.toUpperCase()])),
  ["db", "dB"],
]);

/** A plain sentence under the sections whose numbers need one. */
const SECTION_NOTES = new Map([
  [
    "metrics",
    "EER (equal error rate) is the share of mistakes at the threshold where real speech called fake and fake " +
      "speech called real are equally frequent: 0 is perfect, 0.5 is guessing. AUC: 1 is perfect, 0.5 is guessing. " +
      "“Unseen” figures come from voice generators or sources held out of training, the closest to meeting a new one.",
  ],
  [
    "thresholds",
    "A score at or above “fake” is reported as likely AI-generated, at or below “real” as likely real, and in between as uncertain.",
  ],
]);

/** Collections longer than this are shown as tables (objects) or folded (lists, tables). */
export const LONG = 12;

/** Card fields shown first, in this order, after the identity; the rest follow in the card's own order. */
const FIRST_SECTIONS = ["metrics", "training_data", "thresholds", "protocol"];

/**
 * @param {string} key a JSON field name such as "roc_auc", "trainingData" or "eer-cross"
 * @returns {string} a label such as "ROC AUC", "Training data", "EER cross"
 */
export function humanizeKey(key) {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  const label = words.map((word) => SPELLINGS.get(word) ?? word).join(" ");
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

/** @typedef {"leaf" | "list" | "table" | "keyed" | "map" | "object"} Shape */

/**
 * How to show a JSON value:
 * - leaf: a text; list: an array of leaves, comma-separated;
 * - table: an array of flat records, one row each;
 * - keyed: an object of flat records (e.g. per-source scores), one row per key;
 * - map: an object of more than LONG leaves (e.g. EER per generator), a two-column table;
 * - object: anything else, as labelled facts.
 * @param {unknown} value
 * @returns {Shape}
 */
export function shapeOf(value) {
  if (value === null || typeof value !== "object") return "leaf";
  if (Array.isArray(value)) return value.length > 0 && value.every(isFlatRecord) ? "table" : "list";
  const values = Object.values(value);
  if (values.length >= 2 && values.every(isFlatRecord)) return "keyed";
  if (values.length > LONG && values.every(isLeaf)) return "map";
  return "object";
}

/**
 * @param {Record<string, unknown>[]} rows
 * @returns {string[]} every key of every row, in order of first appearance
 */
export function tableColumns(rows) {
  return [...new Set(rows.flatMap((row) => Object.keys(row)))];
}

/**
 * The page's sections: "Identity" gathers the card's top-level leaves and lists (name, version, sha256...); every
 * other field is a section of its own, FIRST_SECTIONS first.
 * @param {Record<string, unknown>} card
 * @returns {{ title: string, value: unknown, note: string | null }[]}
 */
export function cardSections(card) {
  const entries = Object.entries(card);
  const identity = entries.filter(([, value]) => ["leaf", "list"].includes(shapeOf(value)));
  const parts = entries.filter(([, value]) => !["leaf", "list"].includes(shapeOf(value)));
  const rank = (/** @type {string} */ key) => {
    const index = FIRST_SECTIONS.indexOf(key);
    return index < 0 ? FIRST_SECTIONS.length : index;
  };
  parts.sort(([a], [b]) => rank(a) - rank(b)); // stable: the rest keep the card's order
  const sections = parts.map(([key, value]) => ({ title: humanizeKey(key), value, note: SECTION_NOTES.get(key) ?? null }));
  return identity.length > 0 ? [{ title: "Identity", value: Object.fromEntries(identity), note: null }, ...sections] : sections;
}

/** @param {unknown} value */
function isLeaf(value) {
  return value === null || typeof value !== "object";
}

/** @param {unknown} value an object whose values are all leaves */
function isFlatRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.values(value).every(isLeaf);
}
