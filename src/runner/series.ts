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
  /** The page before, none for the first. */
  previous?: SeriesEntry;
  /** The page after, none for the last. */
  next?: SeriesEntry;
}

/**
 * The first Markdown heading of a notebook, as plain text (maths left as its TeX source).
 *
 * @example
 * ```ts
 * import type { Notebook } from "./notebook.ts";
 * import { firstHeading } from "./series.ts";
 * import assert from "node:assert/strict";
 *
 * const notebook = (...markdown: string[]): Notebook => ({
 *   cells: markdown.map((source) => ({ cell_type: "markdown", metadata: {}, source })),
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 5,
 * });
 * const page = notebook("Intro text", "## The slope $\\alpha$\n\nMore");
 * assert.equal(firstHeading(page), "The slope \\alpha");
 * assert.equal(firstHeading(notebook("No heading here")), undefined);
 * ```
 */
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
 *
 * @example
 * ```ts
 * import type { Notebook } from "./notebook.ts";
 * import { firstParagraph } from "./series.ts";
 * import assert from "node:assert/strict";
 *
 * const notebook = (...markdown: string[]): Notebook => ({
 *   cells: markdown.map((source) => ({ cell_type: "markdown", metadata: {}, source })),
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 5,
 * });
 * const page = notebook("# ReLU\n\n- a list\n\n$$f(z)$$", "ReLU keeps **positive**.\nNext line.");
 * assert.equal(firstParagraph(page), "ReLU keeps **positive**.\nNext line.");
 * assert.equal(firstParagraph(notebook("# Only a title")), undefined);
 * ```
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

/**
 * Describes a notebook as an entry of a series.
 *
 * @example
 * ```ts
 * import type { Notebook } from "./notebook.ts";
 * import { seriesEntry } from "./series.ts";
 * import assert from "node:assert/strict";
 *
 * const notebook = (...markdown: string[]): Notebook => ({
 *   cells: markdown.map((source) => ({ cell_type: "markdown", metadata: {}, source })),
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 5,
 * });
 * assert.deepEqual(seriesEntry("01-intro", notebook("# Intro\n\nWhat ReLU does.")), {
 *   name: "01-intro",
 *   title: "Intro",
 *   summary: "What ReLU does.",
 * });
 * assert.equal(seriesEntry("02-blank", notebook()).title, "02-blank");
 * ```
 */
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
 *
 * @example
 * ```ts
 * import { readSeries } from "./series.ts";
 * import assert from "node:assert/strict";
 *
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build" });
 * await Deno.writeTextFile(
 *   `${folder}/01-a.ipynb`,
 *   JSON.stringify({
 *     nbformat: 4,
 *     nbformat_minor: 5,
 *     metadata: {},
 *     cells: [{ cell_type: "markdown", source: "# A\n\nFirst." }],
 *   }),
 * );
 * const damaged = ["02-b", "03-c", "04-d"];
 * for (const name of damaged) await Deno.writeTextFile(`${folder}/${name}.ipynb`, "{ damaged");
 * await Deno.writeTextFile(`${folder}/notes.txt`, "not a notebook");
 * assert.deepEqual(await readSeries(folder), [
 *   { name: "01-a", title: "A", summary: "First." },
 *   ...damaged.map((name) => ({ name, title: name, summary: "" })),
 * ]);
 * await Deno.remove(folder, { recursive: true });
 * ```
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
      // parseNotebook reports a damaged notebook as a TypeError; anything else is not ours.
      if (!(error instanceof TypeError)) throw error;
      return { name, title: name, summary: "" };
    }
  }));
}

/**
 * The entries before and after `name` in a series; none when `name` is not in it.
 *
 * @example
 * ```ts
 * import { neighbours } from "./series.ts";
 * import assert from "node:assert/strict";
 *
 * const series = ["01", "02", "03"].map((name) => ({ name, title: name, summary: "" }));
 * assert.deepEqual(neighbours(series, "02"), { previous: series[0], next: series[2] });
 * assert.equal(neighbours(series, "01").previous, undefined);
 * assert.deepEqual(neighbours(series, "99"), {});
 * ```
 */
export function neighbours(series: SeriesEntry[], name: string): Neighbours {
  const at = series.findIndex((entry) => entry.name === name);
  if (at < 0) return {};
  return { previous: series[at - 1], next: series[at + 1] };
}
