// Reads the HTML tables of a display bundle (modelView, reportView) back from their markup.

import { DOMParser } from "linkedom";

interface Cell {
  textContent: string | null;
  getAttribute(name: string): string | null;
}
interface Row {
  textContent: string | null;
  children: ArrayLike<Cell>;
}
interface Table {
  querySelectorAll(selector: "tr"): ArrayLike<Row>;
}

/** One table: its rows' cell texts and cell styles, and each row's whole text. */
export interface ReadTable {
  cells: string[][];
  styles: string[][];
  rowTexts: string[];
}

/** The whole text of `html`, and each of its tables, in order. */
export function readTables(html: string): { text: string; tables: ReadTable[] } {
  const page = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, "text/html");
  const tables = Array.from(page.querySelectorAll("table") as ArrayLike<Table>).map((table) => {
    const rows = Array.from(table.querySelectorAll("tr"));
    const read = (attribute: (cell: Cell) => string) =>
      rows.map((row) => Array.from(row.children).map(attribute));
    return {
      cells: read((cell) => cell.textContent ?? ""),
      styles: read((cell) => cell.getAttribute("style") ?? ""),
      rowTexts: rows.map((row) => row.textContent ?? ""),
    };
  });
  return { text: page.querySelector("body")?.textContent ?? "", tables };
}
