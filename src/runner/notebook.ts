/**
 * The subset of nbformat 4 that the runner reads and writes, plus the functions that make an
 * executed notebook deterministic and comparable.
 *
 * @module
 */

/** A Jupyter output, as stored in a notebook. */
export interface Output {
  /** The kind of output: printed text, a display, a cell's value or an error. */
  output_type: "stream" | "display_data" | "execute_result" | "error";
  /** A stream's name: `"stdout"` or `"stderr"`. */
  name?: string;
  /** A stream's text, as one string or a list of lines. */
  text?: string | string[];
  /** A display's or a value's MIME bundle: MIME type to content. */
  data?: Record<string, unknown>;
  /** Metadata of the MIME bundle (sizes, for instance). */
  metadata?: Record<string, unknown>;
  /** An `execute_result`'s execution count. */
  execution_count?: number | null;
  /** An error's name, e.g. `"TypeError"`. */
  ename?: string;
  /** An error's message. */
  evalue?: string;
  /** An error's traceback, one entry per line (with ANSI colours as the kernel sent them). */
  traceback?: string[];
}

/** A notebook cell. `source` may be stored as one string or as a list of lines. */
export interface Cell {
  /** What the cell holds. */
  cell_type: "code" | "markdown" | "raw";
  /** The cell's id (nbformat 4.5); the runner stores `cell-00`, `cell-01`, ... */
  id?: string;
  /** The cell's metadata; `tags` lists its tags (`parameters`, `nondeterministic`, ...). */
  metadata: { tags?: string[]; [key: string]: unknown };
  /** The cell's text, as one string or a list of lines. */
  source: string | string[];
  /** A code cell's outputs, in order. */
  outputs?: Output[];
  /** A code cell's execution count; null before it ran. */
  execution_count?: number | null;
  /** A markdown cell's attached files, kept as they are. */
  attachments?: unknown;
}

/** A whole notebook. */
export interface Notebook {
  /** The cells, in order. */
  cells: Cell[];
  /** The notebook's metadata (kernelspec, language info). */
  metadata: Record<string, unknown>;
  /** The major format version: 4. */
  nbformat: number;
  /** The minor format version; the runner stores 5. */
  nbformat_minor: number;
}

/**
 * The kernelspec metadata every executed notebook carries.
 *
 * @example
 * ```ts
 * import { DENO_KERNELSPEC, normalizeNotebook } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * const stored = normalizeNotebook({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 4 });
 * assert.equal(DENO_KERNELSPEC.kernelspec.name, "deno");
 * assert.deepEqual(stored.metadata.kernelspec, DENO_KERNELSPEC.kernelspec);
 * ```
 */
export const DENO_KERNELSPEC = {
  kernelspec: { display_name: "Deno", language: "typescript", name: "deno" },
  language_info: {
    codemirror_mode: "typescript",
    file_extension: ".ts",
    mimetype: "text/x.typescript",
    name: "typescript",
    nbconvert_exporter: "script",
    pygments_lexer: "typescript",
  },
};

/**
 * Tag that marks a cell whose outputs may differ between runs (timings).
 *
 * @example
 * ```ts
 * import { type Cell, hasTag, NONDETERMINISTIC_TAG } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * const timing: Cell = { cell_type: "code", metadata: { tags: ["nondeterministic"] }, source: "" };
 * assert.equal(NONDETERMINISTIC_TAG, "nondeterministic");
 * assert.ok(hasTag(timing, NONDETERMINISTIC_TAG));
 * ```
 */
export const NONDETERMINISTIC_TAG = "nondeterministic";

/**
 * Joins a cell source (string or list of lines) into one string.
 *
 * @example
 * ```ts
 * import { sourceText } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(sourceText({ source: ["const a = 1;\n", "a + 1"] }), "const a = 1;\na + 1");
 * assert.equal(sourceText({ source: "a + 1" }), "a + 1");
 * ```
 */
export function sourceText(cell: Pick<Cell, "source">): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/**
 * Splits text into nbformat's list-of-lines form (each line keeps its newline).
 *
 * @example
 * ```ts
 * import { splitLines } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(splitLines("a\nb\n"), ["a\n", "b\n"]);
 * assert.deepEqual(splitLines("a\n\nb"), ["a\n", "\n", "b"]);
 * assert.deepEqual(splitLines(""), []);
 * ```
 */
export function splitLines(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

/**
 * Whether a cell carries a tag.
 *
 * @example
 * ```ts
 * import { type Cell, hasTag } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * const cell: Cell = { cell_type: "code", metadata: { tags: ["parameters"] }, source: "" };
 * assert.ok(hasTag(cell, "parameters"));
 * assert.ok(!hasTag(cell, "figure"));
 * assert.ok(!hasTag({ ...cell, metadata: {} }, "parameters"));
 * ```
 */
export function hasTag(cell: Cell, tag: string): boolean {
  return (cell.metadata.tags ?? []).includes(tag);
}

const CELL_TYPES = ["code", "markdown", "raw"];

/**
 * Parses notebook JSON, checking the parts the runner relies on. Anything else (damaged JSON,
 * another nbformat, a cell without a type or source, a field of the wrong type: metadata that is
 * not an object, tags not a list of strings, outputs not a list of objects) is a TypeError whose
 * message is one line naming the file and what is wrong.
 *
 * @example
 * ```ts
 * import { parseNotebook } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * const cells = [{ cell_type: "code", source: "1" }];
 * const notebook = parseNotebook(JSON.stringify({ nbformat: 4, nbformat_minor: 5, cells }));
 * assert.deepEqual(notebook.cells[0].metadata, {});
 * assert.throws(
 *   () => parseNotebook('{"nbformat": 3, "worksheets": []}', "old.ipynb"),
 *   (error: Error) => error instanceof TypeError && /^Cannot read old\.ipynb/.test(error.message),
 * );
 * assert.throws(() => parseNotebook("{", "cut.ipynb"), /it is not valid JSON/);
 * const tagged = [{ cell_type: "code", source: "1", metadata: { tags: "figure" } }];
 * assert.throws(
 *   () => parseNotebook(JSON.stringify({ nbformat: 4, cells: tagged }), "x.ipynb"),
 *   /x\.ipynb as an nbformat 4 notebook: cell 0 has metadata\.tags="figure", not a list of strings$/,
 * );
 * ```
 */
export function parseNotebook(json: string, name = "notebook"): Notebook {
  const fail = (problem: string) =>
    new TypeError(`Cannot read ${name} as an nbformat 4 notebook: ${problem}`);
  let notebook: Notebook;
  try {
    notebook = JSON.parse(json);
  } catch (error) {
    const detail = (error as Error).message.replace(/\s+/g, " ").slice(0, 160);
    throw fail(`it is not valid JSON (${detail})`);
  }
  if (!isObject(notebook)) throw fail(`it holds ${shown(notebook)}, not a JSON object`);
  if (notebook.nbformat !== 4 || !Array.isArray(notebook.cells)) {
    throw fail(
      `nbformat=${shown(notebook.nbformat)}, cells=${
        Array.isArray(notebook.cells) ? "list" : typeof notebook.cells
      }`,
    );
  }
  notebook.cells.forEach((cell, index) => {
    const type = (cell as Partial<Cell> | null)?.cell_type;
    if (!CELL_TYPES.includes(type as string)) {
      throw fail(`cell ${index} has cell_type=${shown(type)}`);
    }
    if (typeof cell.source !== "string" && !Array.isArray(cell.source)) {
      throw fail(`cell ${index} has no source`);
    }
    const wrong = (field: string, value: unknown, expected: string) =>
      fail(`cell ${index} has ${field}=${shown(value)}, not ${expected}`);
    if (
      typeof cell.source !== "string" && !isListOf(cell.source, (line) => typeof line === "string")
    ) {
      throw wrong("source", cell.source, "a string or a list of strings");
    }
    cell.metadata ??= {};
    if (!isObject(cell.metadata)) throw wrong("metadata", cell.metadata, "an object");
    const tags = cell.metadata.tags;
    if (tags !== undefined && !isListOf(tags, (tag) => typeof tag === "string")) {
      throw wrong("metadata.tags", tags, "a list of strings");
    }
    if (cell.cell_type === "code" && cell.outputs != null && !isListOf(cell.outputs, isObject)) {
      throw wrong("outputs", cell.outputs, "a list of objects");
    }
  });
  notebook.metadata ??= {};
  if (!isObject(notebook.metadata)) {
    throw fail(`metadata=${shown(notebook.metadata)}, not an object`);
  }
  return notebook;
}

/** A value as JSON, cut to its first 40 characters, for a message. */
function shown(value: unknown): string | undefined {
  return JSON.stringify(value)?.slice(0, 40);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isListOf(value: unknown, each: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every(each);
}

/**
 * Serialises a notebook the way Jupyter does (sorted keys, one-space indent, trailing newline),
 * so that files saved by the runner and by Jupyter diff cleanly.
 *
 * @example
 * ```ts
 * import { serializeNotebook } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * // Keys sorted, one-space indent, a final newline.
 * const text = serializeNotebook({ nbformat_minor: 5, nbformat: 4, metadata: {}, cells: [] });
 * assert.deepEqual(text.split("\n"), [
 *   "{",
 *   ' "cells": [],',
 *   ' "metadata": {},',
 *   ' "nbformat": 4,',
 *   ' "nbformat_minor": 5',
 *   "}",
 *   "",
 * ]);
 * ```
 */
export function serializeNotebook(notebook: Notebook): string {
  return JSON.stringify(sortKeys(notebook), null, 1) + "\n";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/** Stores text as nbformat multi-line strings (list of lines), as Jupyter writes them. */
function multiline(text: unknown): unknown {
  return typeof text === "string" ? splitLines(text) : text;
}

/**
 * Normalises one output to its stored form: stream text, `text/*` and SVG data as line lists,
 * `metadata` beside any data (`{}` when missing), an error's `traceback` (`[]` when missing).
 * Other fields are kept as they are: what the kernel varies per run (ids, timestamps) is left out
 * earlier, by `execute.py`, which copies only the fields nbformat stores.
 *
 * @example
 * ```ts
 * import { normalizeOutput } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * const stream = normalizeOutput({ output_type: "stream", name: "stdout", text: "1\n2\n" });
 * assert.deepEqual(stream.text, ["1\n", "2\n"]);
 * const shown = normalizeOutput({
 *   output_type: "display_data",
 *   data: { "text/plain": "a\nb", "application/json": { a: 1 } },
 * });
 * assert.deepEqual(shown.data, { "text/plain": ["a\n", "b"], "application/json": { a: 1 } });
 * assert.deepEqual(shown.metadata, {});
 * ```
 */
export function normalizeOutput(output: Output): Output {
  const out: Output = { ...output };
  if (out.output_type === "stream") {
    out.text = multiline(typeof out.text === "string" ? out.text : (out.text ?? []).join("")) as
      | string[]
      | string;
  }
  if (out.data) {
    const data: Record<string, unknown> = {};
    for (const [mime, value] of Object.entries(out.data)) {
      const isText = mime.startsWith("text/") || mime === "image/svg+xml";
      data[mime] = isText && typeof value === "string" ? multiline(value) : value;
    }
    out.data = data;
    out.metadata = out.metadata ?? {};
  }
  if (out.output_type === "error") {
    out.traceback = out.traceback ?? [];
  }
  return out;
}

/**
 * Normalises a notebook for storage: sequential cell ids (`cell-00`, ...), execution counts as
 * given (null when missing), sources ending in a newline, no per-run metadata (execution
 * timestamps, collapsed/scrolled state), the Deno kernelspec.
 *
 * @example
 * ```ts
 * import { normalizeNotebook } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * const stored = normalizeNotebook({
 *   cells: [{ cell_type: "code", id: "x7", metadata: { collapsed: true }, source: "1 + 1" }],
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 4,
 * });
 * const [cell] = stored.cells;
 * assert.equal(cell.id, "cell-00");
 * assert.deepEqual(cell.metadata, {});
 * assert.deepEqual(cell.source, ["1 + 1\n"]);
 * assert.deepEqual([cell.outputs, cell.execution_count], [[], null]);
 * assert.equal(stored.nbformat_minor, 5);
 * ```
 */
export function normalizeNotebook(notebook: Notebook): Notebook {
  const cells = notebook.cells.map((cell, index): Cell => {
    const metadata = { ...cell.metadata };
    delete metadata.execution;
    delete metadata.collapsed;
    delete metadata.scrolled;
    if (metadata.tags && metadata.tags.length === 0) delete metadata.tags;
    let source = sourceText(cell);
    // Deno 2.9's `deno fmt --check` flags a notebook cell whose source lacks a final newline,
    // though `deno fmt` writes cells without one: end every cell with one and both agree.
    if (source !== "" && !source.endsWith("\n")) source += "\n";
    const base: Cell = {
      cell_type: cell.cell_type,
      id: `cell-${String(index).padStart(2, "0")}`,
      metadata,
      source: splitLines(source),
    };
    if (cell.attachments) base.attachments = cell.attachments;
    if (cell.cell_type !== "code") return base;
    return {
      ...base,
      execution_count: cell.execution_count ?? null,
      outputs: (cell.outputs ?? []).map(normalizeOutput),
    };
  });
  return {
    cells,
    metadata: { ...notebook.metadata, ...DENO_KERNELSPEC },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/**
 * Removes outputs and execution counts (the form used to compare inputs).
 *
 * @example
 * ```ts
 * import { type Notebook, stripOutputs } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * const ran: Notebook = {
 *   cells: [
 *     { cell_type: "markdown", metadata: {}, source: "# Title" },
 *     { cell_type: "code", metadata: {}, source: "1", execution_count: 3, outputs: [
 *       { output_type: "execute_result", data: { "text/plain": "1" }, execution_count: 3 },
 *     ] },
 *   ],
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 5,
 * };
 * const bare = stripOutputs(ran);
 * assert.deepEqual([bare.cells[1].outputs, bare.cells[1].execution_count], [[], null]);
 * assert.equal(bare.cells[0], ran.cells[0]);
 * assert.equal(ran.cells[1].outputs?.length, 1);
 * ```
 */
export function stripOutputs(notebook: Notebook): Notebook {
  return {
    ...notebook,
    cells: notebook.cells.map((cell) =>
      cell.cell_type === "code" ? { ...cell, outputs: [], execution_count: null } : cell
    ),
  };
}

/**
 * The comparable form of an executed notebook: its serialisation with the outputs of cells
 * tagged `nondeterministic` reduced to their shape: printed text with every number, and every
 * word of the timing rule and of a verdict (`faster`, `not slower`, `qualified`, ...), replaced
 * by `#`, and of other outputs only their kind and MIME types. Two runs of a deterministic
 * notebook give equal strings; so do two runs whose timings differ, also when a timing's verdict
 * came out otherwise (a ratio near the rule's margin falls on either side of it from run to run on
 * some machines), but not a timing cell whose other wording changed (new code).
 *
 * @example
 * ```ts
 * import { comparableText, type Notebook } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * const run = (seconds: string, tags: string[]): Notebook => ({
 *   cells: [{
 *     cell_type: "code",
 *     metadata: { tags },
 *     source: "time()",
 *     outputs: [{ output_type: "stream", name: "stdout", text: `took ${seconds} s\n` }],
 *   }],
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 5,
 * });
 * const timing = ["nondeterministic"];
 * assert.equal(comparableText(run("1.25", timing)), comparableText(run("0.9", timing)));
 * assert.notEqual(comparableText(run("1.25", [])), comparableText(run("0.9", [])));
 * ```
 */
export function comparableText(notebook: Notebook): string {
  const normal = normalizeNotebook(notebook);
  normal.cells = normal.cells.map((cell) =>
    cell.cell_type === "code" && hasTag(cell, NONDETERMINISTIC_TAG)
      ? { ...cell, outputs: (cell.outputs ?? []).map(outputShape) }
      : cell
  );
  return serializeNotebook(normal);
}

/**
 * The words a timing cell prints that follow from its numbers: the timing rule's (`faster`, `not
 * slower`, ...) and the verdicts (`supported`, `qualified`, `not supported`).
 */
const TIMING_WORDS =
  /\b(?:not supported|supported|qualified|not slower|slower|not faster|faster)\b/g;

/** An output without its numbers and timing words (stream text) or its content (other outputs). */
function outputShape(output: Output): Output {
  if (output.output_type === "stream") {
    const text = Array.isArray(output.text) ? output.text.join("") : output.text ?? "";
    const shape = text.replace(/\d+(\.\d+)?(e[+-]?\d+)?/g, "#").replace(TIMING_WORDS, "#");
    return { ...output, text: shape };
  }
  return {
    output_type: output.output_type,
    data: Object.fromEntries(Object.keys(output.data ?? {}).sort().map((type) => [type, ""])),
  };
}
