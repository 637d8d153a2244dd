/**
 * The model card page: GET /api/v1/model rendered as readable sections (identity first, then each part of the
 * card such as its metrics and training data), whatever fields the card holds.
 */
import { fetchModelCard, pointLinksAtApi } from "./api.js";
import { formatLeaf, humanizeKey, shapeOf, tableColumns } from "./card-format.js";
import { byId } from "./dom.js";

/** Lists longer than this are folded. */
const LONG_LIST = 12;

pointLinksAtApi();
const container = byId("card", HTMLElement);
const outcome = await fetchModelCard();
container.setAttribute("aria-busy", "false");
if (outcome.ok) {
  const entries = Object.entries(outcome.card);
  const leaves = entries.filter(([, value]) => shapeOf(value) === "leaf" || shapeOf(value) === "list");
  const parts = entries.filter(([, value]) => shapeOf(value) === "object" || shapeOf(value) === "table");
  container.replaceChildren(
    section("Identity", renderValue(Object.fromEntries(leaves))),
    ...parts.map(([key, value]) => section(humanizeKey(key), renderValue(value))),
  );
} else {
  byId("card-error-title", HTMLElement).textContent = outcome.error.title;
  byId("card-error-detail", HTMLElement).textContent = outcome.error.detail;
  byId("card-error", HTMLElement).hidden = false;
  container.replaceChildren();
}

/** @param {string} title @param {Node} content */
function section(title, content) {
  const element = document.createElement("section");
  element.className = "panel card-section";
  const heading = document.createElement("h2");
  heading.textContent = title;
  element.append(heading, content);
  return element;
}

/** @param {unknown} value @returns {Node} */
function renderValue(value) {
  switch (shapeOf(value)) {
    case "object":
      return facts(/** @type {Record<string, unknown>} */ (value));
    case "table":
      return table(/** @type {Record<string, unknown>[]} */ (value));
    case "list":
      return list(/** @type {unknown[]} */ (value));
    default:
      return document.createTextNode(formatLeaf(value));
  }
}

/** @param {unknown[]} items a long list (e.g. feature names, a curve) folds away behind its length */
function list(items) {
  const text = document.createTextNode(items.map(formatLeaf).join(", ") || "—");
  if (items.length <= LONG_LIST) return text;
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = `${items.length} values`;
  details.append(summary, text);
  return details;
}

/** @param {Record<string, unknown>} object */
function facts(object) {
  const list = document.createElement("dl");
  list.className = "facts";
  for (const [key, value] of Object.entries(object)) {
    const term = document.createElement("dt");
    term.textContent = humanizeKey(key);
    const description = document.createElement("dd");
    description.append(renderValue(value));
    list.append(term, description);
  }
  return list;
}

/** @param {Record<string, unknown>[]} rows */
function table(rows) {
  const columns = tableColumns(rows);
  const element = document.createElement("table");
  const head = element.createTHead().insertRow();
  for (const column of columns) {
    const cell = document.createElement("th");
    cell.scope = "col";
    cell.textContent = humanizeKey(column);
    head.append(cell);
  }
  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) tr.insertCell().append(renderValue(row[column]));
  }
  const scroll = document.createElement("div");
  scroll.className = "table-scroll";
  scroll.append(element);
  return scroll;
}
