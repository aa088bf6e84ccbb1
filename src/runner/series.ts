/**
 * The notebooks of a folder as a series of pages: each one's name, title and first paragraph, and
 * the neighbours a page links to (previous and next in file-name order).
 *
 * @module
 */

import { type Notebook, parseNotebook, sourceText } from "./notebook.ts";

/** One notebook of a series. */
export interface SeriesEntry {
  /** File name without `.ipynb`; its page is `<name>.html`. */
  name: string;
  /** The notebook's first Markdown heading as plain text, else its name. */
  title: string;
  /** The notebook's first paragraph as Markdown source, "" when it has none. */
  summary: string;
}

/** The pages before and after one page of a series. */
export interface Neighbours {
  previous?: SeriesEntry;
  next?: SeriesEntry;
}

/** The first Markdown heading of a notebook, as plain text (maths left as its TeX source). */
export function firstHeading(notebook: Notebook): string | undefined {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    const heading = /^#+\s+(.+)$/m.exec(sourceText(cell));
    if (heading) return heading[1].replace(/\$([^$]*)\$/g, "$1").trim();
  }
  return undefined;
}

/**
 * The first paragraph of a notebook's Markdown cells, as Markdown source: the first block of
 * lines (blocks are separated by blank lines) that is not a heading, a list, a table, a quote,
 * fenced code, display maths or raw HTML.
 */
export function firstParagraph(notebook: Notebook): string | undefined {
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "markdown") continue;
    for (const block of sourceText(cell).split(/\n\s*\n/)) {
      const text = block.trim();
      if (text !== "" && !/^(#|[-*+] |\d+[.)] |\||>|```|~~~|\$\$|<)/.test(text)) return text;
    }
  }
  return undefined;
}

/** Describes a notebook as an entry of a series. */
export function seriesEntry(name: string, notebook: Notebook): SeriesEntry {
  return {
    name,
    title: firstHeading(notebook) ?? name,
    summary: firstParagraph(notebook) ?? "",
  };
}

/**
 * Reads every `.ipynb` file of a folder, in file-name order, as a series. A file that is not a
 * readable notebook still takes its place, titled by its name.
 */
export async function readSeries(folder: string): Promise<SeriesEntry[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(folder)) {
    if (entry.isFile && entry.name.endsWith(".ipynb")) names.push(entry.name);
  }
  names.sort();
  return await Promise.all(names.map(async (file) => {
    const name = file.replace(/\.ipynb$/, "");
    try {
      return seriesEntry(name, parseNotebook(await Deno.readTextFile(`${folder}/${file}`), file));
    } catch (error) {
      if (!(error instanceof SyntaxError || error instanceof TypeError)) throw error;
      return { name, title: name, summary: "" };
    }
  }));
}

/** The entries before and after `name` in a series; none when `name` is not in it. */
export function neighbours(series: SeriesEntry[], name: string): Neighbours {
  const at = series.findIndex((entry) => entry.name === name);
  if (at < 0) return {};
  return { previous: series[at - 1], next: series[at + 1] };
}
