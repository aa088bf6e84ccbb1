/**
 * Prepares the HTML tables of a page: each one wrapped in a `<div class="table-scroll">` (so a
 * table too wide for a narrow screen scrolls instead of widening the page), and its numeric
 * columns marked so that the page can right-align them. A column is numeric when all its body
 * cells hold a number (or a number ± a number, a percentage, NaN, ±Infinity, or a dash for a
 * missing value) and at least one holds a real number; each of its cells gets `class="num"`.
 *
 * @module
 */

import { textContent } from "./markdown.ts";

const NUMBER = String.raw`[-+−]?(?:\d[\d,_]*(?:\.\d*)?|\.\d+)(?:[eE][-+−]?\d+)?\s*%?`;
const NUMERIC = new RegExp(String.raw`^(?:${NUMBER}(?:\s*(?:±|&#177;|&plusmn;)\s*${NUMBER})?)$`);
const MISSING = /^(?:|-|—|–|&mdash;|&ndash;|NaN|[-+−]?Infinity|n\/a)$/;

/**
 * Whether a cell's text (tags removed, spaces trimmed) reads as a number.
 *
 * @example
 * ```ts
 * import { isNumericText } from "./tables.ts";
 * import assert from "node:assert/strict";
 *
 * for (const text of ["0.01", "−3.5e-4", "97.56 %", "0.91 ± 0.02", "1,233"]) {
 *   assert.ok(isNumericText(text), text);
 * }
 * for (const text of ["ReLU", "", "3 runs", "NaN"]) assert.ok(!isNumericText(text), text);
 * ```
 */
export function isNumericText(text: string): boolean {
  return NUMERIC.test(text.replace(/&nbsp;|&#160;/g, " ").trim());
}

function cellText(html: string): string {
  return textContent(html).replace(/\u00a0/g, " ").trim();
}

const CELL = /<(td|th)(\s[^>]*)?>([\s\S]*?)<\/\1>/g;

/**
 * Wraps each table of `html` in `<div class="table-scroll">` and adds `class="num"` to every cell
 * of its numeric columns. Numeric columns are not marked in tables with merged cells (colspan) or
 * nested tables, nor in cells that already carry a class, style or align attribute. Everything
 * else in `html` is returned unchanged, and so is `html` with a `<script>`: a live output's
 * markup, and its scripts' strings, stay exactly as it wrote them.
 *
 * @example
 * ```ts
 * import { formatTables } from "./tables.ts";
 * import assert from "node:assert/strict";
 *
 * const html = "<table><tr><th>activation</th><th>accuracy</th></tr>" +
 *   "<tr><td>ReLU</td><td>97.6%</td></tr><tr><td>Leaky</td><td>—</td></tr></table>";
 * assert.equal(
 *   formatTables(html),
 *   '<div class="table-scroll"><table><tr><th>activation</th><th class="num">accuracy</th></tr>' +
 *     '<tr><td>ReLU</td><td class="num">97.6%</td></tr>' +
 *     '<tr><td>Leaky</td><td class="num">—</td></tr></table></div>',
 * );
 * const dashes = "<table><tr><td>—</td></tr><tr><td>-</td></tr></table>";
 * assert.equal(formatTables(dashes), `<div class="table-scroll">${dashes}</div>`);
 * const live = "<table><tr><td>1</td></tr></table><script>draw()</script>";
 * assert.equal(formatTables(live), live);
 * ```
 */
export function formatTables(html: string): string {
  if (!html.includes("<table") || /<script\b/i.test(html)) return html;
  return html.replace(
    /(<table\b[^>]*>)([\s\S]*?)<\/table>/g,
    (table, open: string, inner: string) =>
      `<div class="table-scroll">${markNumeric(table, open, inner)}</div>`,
  );
}

function markNumeric(table: string, open: string, inner: string): string {
  if (inner.includes("<table") || /\scolspan\s*=/.test(inner)) return table;
  const rows = [...inner.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(CELL)].map((cell) => ({ tag: cell[1], text: cellText(cell[3]) }))
  );
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const numeric = new Set<number>();
  for (let column = 0; column < columns; column++) {
    const body = rows.map((row) => row[column]).filter((cell) => cell?.tag === "td");
    const texts = body.map((cell) => cell.text);
    const allNumbers = texts.every((text) => isNumericText(text) || MISSING.test(text));
    if (body.length > 0 && allNumbers && texts.some(isNumericText)) numeric.add(column);
  }
  if (numeric.size === 0) return table;
  const marked = inner.replace(/<tr\b[^>]*>[\s\S]*?<\/tr>/g, (row) => {
    let column = 0;
    return row.replace(CELL, (cell, tag: string, attributes: string | undefined, content) => {
      const here = column++;
      if (!numeric.has(here) || /\s(?:class|style|align)\s*=/.test(attributes ?? "")) return cell;
      return `<${tag}${attributes ?? ""} class="num">${content}</${tag}>`;
    });
  });
  return `${open}${marked}</table>`;
}
