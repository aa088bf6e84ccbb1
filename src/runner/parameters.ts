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

/** Tag of the cell holding a notebook's parameter defaults. */
export const PARAMETERS_TAG = "parameters";
/** Tag of the cell the runner injects with overridden values. */
export const INJECTED_TAG = "injected-parameters";

/** A parameter override value: anything JSON can express. */
export type ParameterValue = unknown;

/** A parameter declared in the parameters cell. */
export interface Declaration {
  name: string;
  keyword: "const" | "let" | "var";
}

/**
 * Parses a command-line value: a number, `true`/`false`/`null`, JSON (object, array, quoted
 * string), else the text itself as a string.
 */
export function parseParameterValue(text: string): ParameterValue {
  const trimmed = text.trim();
  if (trimmed !== "" && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (/^(true|false|null)$/.test(trimmed) || /^[[{"]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed);
    } catch {
      return text;
    }
  }
  return text;
}

/** Parses `name=value` into its parts. */
export function parseAssignment(text: string): [string, ParameterValue] {
  const at = text.indexOf("=");
  if (at <= 0) {
    throw new TypeError(`Cannot read parameter "${text}" as name=value: no "=" after a name`);
  }
  return [text.slice(0, at).trim(), parseParameterValue(text.slice(at + 1))];
}

/**
 * Lists the top-level declarations of a parameters cell: `const a = 1, b = 2;`, `let c = 3;`.
 * Only names declared at the start of a statement at nesting depth 0 count.
 */
export function declaredParameters(source: string): Declaration[] {
  const found: Declaration[] = [];
  const code = blankStringsAndComments(source);
  const statement = /(^|[;\n])\s*(const|let|var)\s+/g;
  let match: RegExpExecArray | null;
  while ((match = statement.exec(code)) !== null) {
    const keyword = match[2] as Declaration["keyword"];
    let position = statement.lastIndex;
    // Walk the declarator list: name [: type] [= init] (, name ...)* up to ; or newline at depth 0.
    for (;;) {
      const name = /^[A-Za-z_$][\w$]*/.exec(code.slice(position));
      if (!name) break;
      found.push({ name: name[0], keyword });
      position += name[0].length;
      let depth = 0;
      let next = -1;
      for (let i = position; i < code.length; i++) {
        const ch = code[i];
        if ("([{".includes(ch)) depth++;
        else if (")]}".includes(ch)) depth--;
        else if (depth === 0 && (ch === ";" || (ch === "\n" && !continues(code, i)))) break;
        else if (depth === 0 && ch === ",") {
          next = i + 1;
          break;
        }
      }
      if (next < 0) break;
      position = next + (/^\s*/.exec(code.slice(next))?.[0].length ?? 0);
    }
  }
  return found;
}

/** Whether a declaration continues on the line after position `i` (operator or open expression). */
function continues(code: string, i: number): boolean {
  const before = code.slice(0, i).trimEnd();
  const after = code.slice(i + 1).trimStart();
  return /[=+\-*/,(?:&|]$/.test(before) || /^[.?:+\-*/&|,]/.test(after);
}

/** Replaces string literals and comments with spaces (keeps positions and newlines). */
function blankStringsAndComments(source: string): string {
  return source.replace(
    /\/\/[^\n]*|\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`/g,
    (text) => text.replace(/[^\n]/g, " "),
  );
}

/** Finds the cell tagged `parameters`; at most one is allowed. */
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
 * Throws a RangeError naming the notebook's parameters when an override names none of them.
 *
 * @param notebook The notebook to parameterise.
 * @param overrides Parameter names and their new values.
 * @param name The notebook's name, for messages.
 * @returns The new notebook (the original is unchanged); the same notebook when `overrides` is empty.
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
  const declared = declaredParameters(sourceText(cells[index]));
  const keywords = new Map(declared.map((d) => [d.name, d.keyword]));
  const unknown = names.filter((n) => !keywords.has(n));
  if (unknown.length > 0) {
    const known = declared.map((d) => d.name).join(", ") || "(none)";
    throw new RangeError(
      `Cannot set ${unknown.join(", ")} in ${name} as its parameters are: ${known}`,
    );
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
