/**
 * Notebook parameters, papermill style: one code cell tagged `parameters` holds the defaults; an
 * override is injected as a new cell tagged `injected-parameters` right after it.
 *
 * The Deno REPL lets a later cell redeclare a top-level name only with the keyword the name was
 * first declared with (`const` after `const`, `let` after `let`), so the injected cell reuses it.
 *
 * @module
 */

import { type Cell, hasTag, type Notebook, sourceText } from "./notebook.ts";

/**
 * Tag of the cell holding a notebook's parameter defaults.
 *
 * @example
 * ```ts
 * import { type Cell, hasTag } from "./notebook.ts";
 * import { PARAMETERS_TAG } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const cell: Cell = { cell_type: "code", metadata: { tags: ["parameters"] }, source: "" };
 * assert.ok(hasTag(cell, PARAMETERS_TAG));
 * ```
 */
export const PARAMETERS_TAG = "parameters";
/**
 * Tag of the cell the runner injects with overridden values.
 *
 * @example
 * ```ts
 * import { hasTag, type Notebook } from "./notebook.ts";
 * import { INJECTED_TAG, injectParameters } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const notebook: Notebook = {
 *   cells: [{ cell_type: "code", metadata: { tags: ["parameters"] }, source: "const a = 1;" }],
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 5,
 * };
 * const injected = injectParameters(notebook, { a: 2 }).cells[1];
 * assert.ok(hasTag(injected, INJECTED_TAG));
 * ```
 */
export const INJECTED_TAG = "injected-parameters";

/** A parameter override value: anything JSON can express. */
export type ParameterValue = unknown;

/** A parameter declared in the parameters cell. */
export interface Declaration {
  /** The parameter's name. */
  name: string;
  /** The keyword it is declared with, which an injected redeclaration must reuse. */
  keyword: "const" | "let" | "var";
}

/**
 * A command-line parameter value that cannot be read; `reason` says why without the text.
 *
 * @example
 * ```ts
 * import { ParameterValueError, parseParameterValue } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => parseParameterValue("[1, 2"), (error: unknown) => {
 *   assert.ok(error instanceof ParameterValueError && error instanceof TypeError);
 *   assert.equal(error.text, "[1, 2");
 *   assert.match(error.reason, /starts with \[ but is not JSON/);
 *   return true;
 * });
 * ```
 */
export class ParameterValueError extends TypeError {
  /** The text given. */
  readonly text: string;
  /** Why it cannot be read. */
  readonly reason: string;
  /** An error for `text`, which cannot be read for `reason`. */
  constructor(text: string, reason: string) {
    super(`Cannot read ${text} as a parameter value: ${reason}`);
    this.text = text;
    this.reason = reason;
  }
}

/**
 * Parses a command-line value: a finite number, `true`/`false`/`null`, JSON (object, array,
 * quoted string), else the text itself as a string. Throws a {@linkcode ParameterValueError} for
 * text that starts like JSON (`[`, `{`, `"`) but is not JSON, and for a number that is not finite
 * (`1e999`, `NaN`, `Infinity`).
 *
 * @example
 * ```ts
 * import { ParameterValueError, parseParameterValue } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(parseParameterValue("0.01"), 0.01);
 * assert.equal(parseParameterValue("false"), false);
 * assert.deepEqual(parseParameterValue("[16, 16]"), [16, 16]);
 * assert.equal(parseParameterValue('"007"'), "007");
 * assert.equal(parseParameterValue("relu"), "relu");
 * assert.throws(() => parseParameterValue("1e999"), ParameterValueError);
 * ```
 */
export function parseParameterValue(text: string): ParameterValue {
  const trimmed = text.trim();
  const number = Number(trimmed);
  if (trimmed !== "" && Number.isFinite(number)) return number;
  if (/^[+-]?NaN$/.test(trimmed) || (trimmed !== "" && !Number.isNaN(number))) {
    throw new ParameterValueError(text, "the value is not a finite number");
  }
  if (/^(true|false|null)$/.test(trimmed)) return JSON.parse(trimmed);
  if (/^[[{"]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      throw new ParameterValueError(
        text,
        `the value starts with ${trimmed[0]} but is not JSON (a string goes in JSON quotes: "...")`,
      );
    }
  }
  return text;
}

/**
 * Parses `name=value` into its parts.
 *
 * @example
 * ```ts
 * import { ParameterValueError, parseAssignment } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parseAssignment("alpha=0.1"), ["alpha", 0.1]);
 * assert.deepEqual(parseAssignment("hidden=[8,8]"), ["hidden", [8, 8]]);
 * assert.throws(() => parseAssignment("=3"), TypeError);
 * // The same error as a bad value's, so that the CLI names the option in front.
 * assert.throws(() => parseAssignment("alpha"), ParameterValueError);
 * assert.throws(() => parseAssignment("alpha"), /^TypeError: Cannot read alpha as a parameter/);
 * ```
 */
export function parseAssignment(text: string): [string, ParameterValue] {
  const at = text.indexOf("=");
  if (at <= 0) {
    throw new ParameterValueError(text, 'no "=" after a name (NAME=VALUE)');
  }
  return [text.slice(0, at).trim(), parseParameterValue(text.slice(at + 1))];
}

/**
 * Lists the top-level declarations of a parameters cell: `const a = 1, b = 2;`, `let c = 3;`.
 * Only names declared at the start of a statement at nesting depth 0 count.
 *
 * @example
 * ```ts
 * import { declaredParameters } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const source = "const alpha = 0.01, layers = { hidden: 8, out: 1 };\n" +
 *   "let epochs = 200; // a comment\nfunction f() { const inner = 1; }";
 * assert.deepEqual(declaredParameters(source), [
 *   { name: "alpha", keyword: "const" },
 *   { name: "layers", keyword: "const" },
 *   { name: "epochs", keyword: "let" },
 * ]);
 * ```
 */
export function declaredParameters(source: string): Declaration[] {
  return declarations(source).map(({ name, keyword }) => ({ name, keyword }));
}

/** The declarations of a parameters cell, each with its initializer's text (comments blanked). */
function declarations(source: string): (Declaration & { initializer?: string })[] {
  const found: (Declaration & { initializer?: string })[] = [];
  const code = blankStringsAndComments(source);
  const uncommented = blankStringsAndComments(source, false);
  const statement = /(^|[;\n])\s*(const|let|var)\s+/g;
  let match: RegExpExecArray | null;
  while ((match = statement.exec(code)) !== null) {
    const keyword = match[2] as Declaration["keyword"];
    let position = statement.lastIndex;
    // Walk the declarator list: name [: type] [= init] (, name ...)* up to ; or newline at depth 0.
    for (;;) {
      const name = /^[A-Za-z_$][\w$]*/.exec(code.slice(position));
      if (!name) break;
      position += name[0].length;
      let depth = 0;
      let next = -1;
      let equals = -1;
      let end = code.length;
      for (let i = position; i < code.length; i++) {
        const ch = code[i];
        if ("([{".includes(ch)) depth++;
        else if (")]}".includes(ch)) depth--;
        else if (depth === 0 && (ch === ";" || (ch === "\n" && !continues(code, i)))) {
          end = i;
          break;
        } else if (depth === 0 && ch === ",") {
          end = i;
          next = i + 1;
          break;
        } else if (
          depth === 0 && equals < 0 && ch === "=" && !"=>".includes(code[i + 1] ?? "") &&
          !"=!<>".includes(code[i - 1])
        ) equals = i;
      }
      found.push({
        name: name[0],
        keyword,
        initializer: equals < 0 ? undefined : uncommented.slice(equals + 1, end).trim(),
      });
      if (next < 0) break;
      position = next + (/^\s*/.exec(code.slice(next))?.[0].length ?? 0);
    }
  }
  return found;
}

/** The kinds of value a parameter override is checked against. */
type Kind = "number" | "string" | "boolean" | "array" | "object" | "null";

/** The kind with its article: "a number", "an array". */
function article(kind: Kind): string {
  return kind === "null" ? "null" : `${/^[ao]/.test(kind) ? "an" : "a"} ${kind}`;
}

/** The kind of a value. */
function kindOf(value: ParameterValue): Kind | undefined {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const type = typeof value;
  return type === "number" || type === "string" || type === "boolean" || type === "object"
    ? type
    : undefined;
}

/** The kind of a literal initializer (`0.01`, `-3`, `"x"`, `[1]`, `{ n: 3 }`), else undefined. */
function kindOfLiteral(initializer: string | undefined): Kind | undefined {
  if (initializer === undefined) return undefined;
  if (/^[+-]?(\d[\d_]*(\.[\d_]*)?|\.\d[\d_]*)(e[+-]?\d+)?$/i.test(initializer)) return "number";
  if (/^(0x[\da-f_]+|0o[0-7_]+|0b[01_]+)$/i.test(initializer)) return "number";
  if (/^("(\\.|[^"\\\n])*"|'(\\.|[^'\\\n])*'|`(\\.|[^`\\$])*`)$/.test(initializer)) return "string";
  if (/^(true|false)$/.test(initializer)) return "boolean";
  if (/^\[[\s\S]*\]$/.test(initializer)) return "array";
  if (/^\{[\s\S]*\}$/.test(initializer)) return "object";
  return undefined;
}

/** Whether a declaration continues on the line after position `i` (operator or open expression). */
function continues(code: string, i: number): boolean {
  const before = code.slice(0, i).trimEnd();
  const after = code.slice(i + 1).trimStart();
  return /[=+\-*/,(?:&|]$/.test(before) || /^[.?:+\-*/&|,]/.test(after);
}

/**
 * Replaces comments, and string literals unless `strings` is false, with spaces (keeps positions
 * and newlines).
 */
function blankStringsAndComments(source: string, strings = true): string {
  return source.replace(
    /\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g,
    (text) => strings || text[0] === "/" ? text.replace(/[^\n]/g, " ") : text,
  );
}

/**
 * Finds the cell tagged `parameters`; at most one is allowed.
 *
 * @example
 * ```ts
 * import type { Cell, Notebook } from "./notebook.ts";
 * import { parametersCellIndex } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const cell = (tags: string[]): Cell => ({ cell_type: "code", metadata: { tags }, source: "" });
 * const notebook = (cells: Cell[]): Notebook => ({
 *   cells,
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 5,
 * });
 * assert.equal(parametersCellIndex(notebook([cell([]), cell(["parameters"])])), 1);
 * assert.equal(parametersCellIndex(notebook([cell([])])), -1);
 * assert.throws(
 *   () => parametersCellIndex(notebook([cell(["parameters"]), cell(["parameters"])]), "04"),
 *   RangeError,
 * );
 * ```
 */
export function parametersCellIndex(notebook: Notebook, name = "notebook"): number {
  const indices = notebook.cells.flatMap((cell, i) =>
    cell.cell_type === "code" && hasTag(cell, PARAMETERS_TAG) ? [i] : []
  );
  if (indices.length > 1) {
    throw new RangeError(
      `Cannot find the parameters of ${name} as ${indices.length} cells are tagged "parameters": cells ${
        indices.join(", ")
      }`,
    );
  }
  return indices[0] ?? -1;
}

/**
 * Returns a copy of the notebook with the overrides injected as a cell tagged
 * `injected-parameters` right after the `parameters` cell (replacing an earlier injected cell).
 * Throws a RangeError naming the notebook's parameters when an override names none of them, and
 * a TypeError naming the parameter, the notebook, the default and the value when an override's
 * type (number, string, boolean, array, object) is not that of the literal default in the
 * parameters cell (a default that is an expression, `2 ** 3`, is not checked).
 *
 * @param notebook The notebook to parameterise.
 * @param overrides Parameter names and their new values.
 * @param name The notebook's name, for messages.
 * @returns A new notebook (the original is unchanged); with no override, the notebook without any
 *   injected cell.
 *
 * @example
 * ```ts
 * import { type Notebook, sourceText } from "./notebook.ts";
 * import { injectParameters } from "./parameters.ts";
 * import assert from "node:assert/strict";
 *
 * const notebook: Notebook = {
 *   cells: [{ cell_type: "code", metadata: { tags: ["parameters"] }, source: "let alpha = 0.1;" }],
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 5,
 * };
 * const run = injectParameters(notebook, { alpha: 0.2 }, "04");
 * assert.match(sourceText(run.cells[1]), /^let alpha = 0\.2;$/m);
 * assert.equal(notebook.cells.length, 1);
 * assert.throws(() => injectParameters(notebook, { beta: 1 }, "04"), RangeError);
 * assert.throws(() => injectParameters(notebook, { alpha: "big" }, "04"), TypeError);
 * ```
 */
export function injectParameters(
  notebook: Notebook,
  overrides: Record<string, ParameterValue>,
  name = "notebook",
): Notebook {
  const names = Object.keys(overrides);
  const cells = notebook.cells.filter((cell) => !hasTag(cell, INJECTED_TAG));
  if (names.length === 0) return { ...notebook, cells };
  const index = parametersCellIndex({ ...notebook, cells }, name);
  if (index < 0) {
    throw new RangeError(
      `Cannot set ${names.join(", ")} in ${name} as it has no cell tagged "parameters"`,
    );
  }
  const declared = declarations(sourceText(cells[index]));
  const keywords = new Map(declared.map((d) => [d.name, d.keyword]));
  const unknown = names.filter((n) => !keywords.has(n));
  if (unknown.length > 0) {
    const known = declared.map((d) => d.name).join(", ") || "(none)";
    throw new RangeError(
      `Cannot set ${unknown.join(", ")} in ${name} as its parameters are: ${known}`,
    );
  }
  // The last declaration of a name is the one in force.
  const defaults = new Map(declared.map((d) => [d.name, d.initializer]));
  for (const n of names) {
    const initializer = defaults.get(n);
    const expected = kindOfLiteral(initializer);
    const given = kindOf(overrides[n]);
    if (expected !== undefined && given !== expected) {
      const hint = expected === "string" ? ` (a string goes in JSON quotes: ${n}='"..."')` : "";
      const shown = given === "null" || given === undefined ? "" : ` (${article(given)})`;
      throw new TypeError(
        `Cannot set ${n} in ${name} to ${JSON.stringify(overrides[n])}${shown} as its default, ` +
          `${initializer}, is ${article(expected)}${hint}`,
      );
    }
  }
  const lines = names.map((n) =>
    `${keywords.get(n)} ${n} = ${JSON.stringify(overrides[n]) ?? "undefined"};`
  );
  const injected: Cell = {
    cell_type: "code",
    metadata: { tags: [INJECTED_TAG] },
    source: "// Parameters injected by the runner\n" + lines.join("\n"),
    outputs: [],
    execution_count: null,
  };
  return {
    ...notebook,
    cells: [...cells.slice(0, index + 1), injected, ...cells.slice(index + 1)],
  };
}
