/**
 * The model card page: GET /api/v1/model rendered as readable sections (see card-format.js for the layout rules),
 * whatever fields the card holds.
 */
import { fetchModelCard, pointLinksAtApi } from "./api.js";
import { cardSections, formatLeaf, humanizeKey, LONG, shapeOf, tableColumns } from "./card-format.js";
import { byId } from "./dom.js";

pointLinksAtApi();
const container = byId("card", HTMLElement);
const outcome = await fetchModelCard();
container.setAttribute("aria-busy", "false");
if (outcome.ok) {
  container.replaceChildren(...cardSections(outcome.card).map(({ title, value, note }) => section(title, note, renderValue(value))));
} else {
  byId("card-error-title", HTMLElement).textContent = outcome.error.title;
  byId("card-error-detail", HTMLElement).textContent = outcome.error.detail;
  byId("card-error", HTMLElement).hidden = false;
  container.replaceChildren();
}

/** @param {string} title @param {string | null} note @param {Node} content */
function section(title, note, content) {
  const element = document.createElement("section");
  element.className = "panel card-section";
  const heading = document.createElement("h2");
  heading.textContent = title;
  element.append(heading);
  if (note) {
    const paragraph = document.createElement("p");
    paragraph.className = "hint";
    paragraph.textContent = note;
    element.append(paragraph);
  }
  element.append(content);
  return element;
}

/** @param {unknown} value @returns {Node} */
function renderValue(value) {
  switch (shapeOf(value)) {
    case "object":
      return facts(/** @type {Record<string, unknown>} */ (value));
    case "table":
      return table(/** @type {Record<string, unknown>[]} */ (value));
    case "keyed":
      // Keys of a keyed table are names from the data (sources, generators): shown as written.
      return table(Object.entries(/** @type {Record<string, Record<string, unknown>>} */ (value)).map(([key, row]) => ({ "": key, ...row })));
    case "map":
      return table(Object.entries(/** @type {Record<string, unknown>} */ (value)).map(([key, entry]) => ({ "": key, value: entry })));
    case "list":
      return list(/** @type {unknown[]} */ (value));
    default:
      return document.createTextNode(formatLeaf(value));
  }
}

/** @param {Record<string, unknown>} object */
function facts(object) {
  const element = document.createElement("dl");
  element.className = "facts";
  for (const [key, value] of Object.entries(object)) {
    const term = document.createElement("dt");
    term.textContent = humanizeKey(key);
    const description = document.createElement("dd");
    description.append(renderValue(value));
    element.append(term, description);
  }
  return element;
}

/** @param {Record<string, unknown>[]} rows a row's "" field, when present, is its name */
function table(rows) {
  const columns = tableColumns(rows);
  const element = document.createElement("table");
  const head = element.createTHead().insertRow();
  for (const column of columns) {
    const cell = document.createElement("th");
    cell.scope = "col";
    cell.textContent = column === "" ? "Name" : humanizeKey(column);
    head.append(cell);
  }
  const body = element.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const column of columns) {
      const cell = document.createElement(column === "" ? "th" : "td");
      if (column === "") cell.scope = "row";
      cell.textContent = formatLeaf(row[column]);
      tr.append(cell);
    }
  }
  const scroll = document.createElement("div");
  scroll.className = "table-scroll";
  scroll.append(element);
  return rows.length > LONG ? folded(`${rows.length} rows`, scroll) : scroll;
}

/** @param {unknown[]} items */
function list(items) {
  const text = document.createTextNode(items.map(formatLeaf).join(", ") || "—");
  return items.length > LONG ? folded(`${items.length} values`, text) : text;
}

/** @param {string} summaryText @param {Node} content @returns {HTMLDetailsElement} closed until asked for */
function folded(summaryText, content) {
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = summaryText;
  details.append(summary, content);
  return details;
}
