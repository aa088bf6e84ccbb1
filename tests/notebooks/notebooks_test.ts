/**
 * Generic checks on every notebooks/*.ipynb, run through the notebook runner:
 *
 * - it executes with no error;
 * - its HTML page references no network resource and keeps its SVG;
 * - every figure cell shows at least one SVG: a figure cell is a code cell tagged `figure`
 *   (the convention for cells that call a plot helper), and an SVG is an `image/svg+xml` output
 *   or a `text/html` output holding an `<svg`;
 * - its stored outputs match a fresh run (else it is stale: `deno task notebooks NAME`);
 * - two runs give byte-identical executed notebooks.
 *
 * The outputs of cells tagged `nondeterministic` (timings) are left out of both comparisons.
 * Per-notebook assertions live beside this file.
 */
import assert from "node:assert/strict";
import config from "../../deno.json" with { type: "json" };
import { type CliOptions, resolveNotebooks, runNotebook } from "../../src/runner/cli.ts";
import { networkResources } from "../../src/runner/html.ts";
import { ensureJupyter, ensureKernelSpec } from "../../src/runner/jupyter.ts";
import {
  type Cell,
  comparableText,
  hasTag,
  normalizeNotebook,
  type Notebook,
  parseNotebook,
  serializeNotebook,
  sourceText,
} from "../../src/runner/notebook.ts";

const OUT = "build/test-notebooks";
const options: CliOptions = { names: [], params: {}, update: false, timeout: 300, out: OUT };
const paths = await resolveNotebooks([]);

/** Names the first cell whose comparable form differs between two notebooks. */
function firstDifference(a: Notebook, b: Notebook): string {
  const cellsA = JSON.parse(comparableText(a)).cells as Cell[];
  const cellsB = JSON.parse(comparableText(b)).cells as Cell[];
  for (let i = 0; i < Math.max(cellsA.length, cellsB.length); i++) {
    if (JSON.stringify(cellsA[i]) !== JSON.stringify(cellsB[i])) {
      const source = cellsA[i] ? sourceText(cellsA[i]).split("\n")[0] : "(missing)";
      return `first difference in cell ${i}: ${source}`;
    }
  }
  return "metadata differs";
}

function hasSvg(cell: Cell): boolean {
  return (cell.outputs ?? []).some((output) => {
    const data = output.data ?? {};
    const html = data["text/html"];
    const text = Array.isArray(html) ? html.join("") : String(html ?? "");
    return "image/svg+xml" in data || text.includes("<svg");
  });
}

Deno.test("notebooks/ holds the eight notebooks of the series", () => {
  assert.deepEqual(paths.map((path) => path.replace(/^.*\//, "")), [
    "01-relu-overview.ipynb",
    "02-relu-advantages.ipynb",
    "03-relu-limitations.ipynb",
    "04-leaky-relu.ipynb",
    "05-leaky-relu-tradeoffs.ipynb",
    "06-comparison-and-practice.ipynb",
    "07-summary.ipynb",
    "08-papers.ipynb",
  ]);
});

/** The notebooks' `deno fmt` line width, from deno.json: a page's code box shows it whole. */
const CODE_LINE_WIDTH = config.fmt.lineWidth;

Deno.test(`no code line of a notebook is wider than ${CODE_LINE_WIDTH} characters`, async () => {
  const wide: string[] = [];
  for (const path of paths) {
    const notebook = parseNotebook(await Deno.readTextFile(path), path);
    notebook.cells.forEach((cell, index) => {
      if (cell.cell_type !== "code") return;
      for (const line of sourceText(cell).split("\n")) {
        const width = [...line].length;
        if (width > CODE_LINE_WIDTH) wide.push(`${path} cell ${index}, ${width}: ${line}`);
      }
    });
  }
  assert.deepEqual(wide, []);
});

Deno.test("every stored notebook is in the runner's normal form, as task notebooks would write it", async () => {
  // A cell edited by hand (or by deno fmt) without its final newline is rewritten by the next
  // run, which CI reports as a stale notebook.
  const rewritten: string[] = [];
  for (const path of paths) {
    const text = await Deno.readTextFile(path);
    if (serializeNotebook(normalizeNotebook(parseNotebook(text, path))) !== text) {
      rewritten.push(path);
    }
  }
  assert.deepEqual(rewritten, []);
});

/**
 * What a markdown cell shows as text: its source without code (fenced or inline) and without
 * math (`$$…$$`, `$…$`).
 */
function proseOf(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`]*`/g, "")
    .replace(/\$\$[\s\S]*?\$\$/g, "").replace(/\$[^$]*\$/g, "");
}

Deno.test("no markdown cell shows TeX as text: every command, subscript and $ is inside math", async () => {
  // A lost `$` (as once in 08: "with {in} = n_{out}$ ... scaled by /\sqrt 2$") leaves TeX on the page.
  const shown: string[] = [];
  for (const path of paths) {
    const notebook = parseNotebook(await Deno.readTextFile(path), path);
    notebook.cells.forEach((cell, index) => {
      if (cell.cell_type !== "markdown") return;
      const prose = proseOf(sourceText(cell));
      for (const match of prose.matchAll(/\\[a-zA-Z]+|[_^]\{|\$/g)) {
        const at = match.index!;
        shown.push(`${path} cell ${index}: …${prose.slice(Math.max(0, at - 30), at + 20)}…`);
      }
    });
  }
  assert.deepEqual(shown, []);
});

/**
 * The names a code cell declares at its top level (a line that starts with `const`, `let`,
 * `var`, `function` or `class`): each declarator of `const a = f(x, y), b = 2`, and each name of
 * a destructuring `const [a, b] =` or `const { a, b: c } =` (here `a` and `c`).
 */
function topLevelNames(source: string): string[] {
  const names: string[] = [];
  for (const line of source.split("\n")) {
    const declared = /^(?:async\s+)?(?:function\*?|class)\s+([\w$]+)/.exec(line);
    if (declared) {
      names.push(declared[1]);
      continue;
    }
    const variables = /^(?:const|let|var)\s+(.*)$/.exec(line);
    if (!variables) continue;
    for (const declarator of splitAtTopLevel(variables[1])) {
      const pattern = /^\s*([[{])(.*?)[\]}]\s*=/.exec(declarator);
      const parts = pattern ? splitAtTopLevel(pattern[2]) : [declarator];
      for (const part of parts) {
        // `a: c` binds c; `...rest` binds rest; `a = 1` binds a.
        const name = /^\s*(?:\.\.\.)?(?:[\w$]+\s*:\s*)?([\w$]+)/.exec(part)?.[1];
        if (name !== undefined && (pattern || /^\s*[\w$]+\s*(?::[^=]*)?=/.test(part))) {
          names.push(name);
        }
      }
    }
  }
  return names;
}

/** `text` split at the commas outside brackets, parentheses, braces and quotes. */
function splitAtTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0, quote = "", start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'" || ch === "`") quote = ch;
    else if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

Deno.test("topLevelNames() reads every name a cell's top-level declarations bind", () => {
  assert.deepEqual(
    topLevelNames(
      "const a = f(x, y), b = 2;\nconst [c, d] = pair;\nconst { e, f: g, ...h } = o;\n" +
        "  const inner = 1;\nfunction k(p, q) {}\nasync function m() {}\nclass N {}\n" +
        'let said = (c: C, digits = 4) => c;\nconst s = "x, y = 1";',
    ),
    ["a", "b", "c", "d", "e", "g", "h", "k", "m", "N", "said", "s"],
  );
});

Deno.test("no name is declared at the top level of two code cells of a notebook", async () => {
  // The kernel lets a later cell's `const pct` replace an earlier one without a word, and the
  // cells that used the first then print what the second computes (once, NaN% in 06).
  const twice: string[] = [];
  for (const path of paths) {
    const notebook = parseNotebook(await Deno.readTextFile(path), path);
    const first = new Map<string, number>();
    notebook.cells.forEach((cell, index) => {
      if (cell.cell_type !== "code") return;
      for (const name of new Set(topLevelNames(sourceText(cell)))) {
        const earlier = first.get(name);
        if (earlier === undefined) first.set(name, index);
        else twice.push(`${path}: ${name} in cells ${earlier} and ${index}`);
      }
    });
  }
  assert.deepEqual(twice, []);
});

Deno.test("no stored text output shows NaN, undefined or [object Object]", async () => {
  const shown: string[] = [];
  for (const path of paths) {
    const notebook = parseNotebook(await Deno.readTextFile(path), path);
    notebook.cells.forEach((cell, index) => {
      for (const output of cell.outputs ?? []) {
        const data = output.data ?? {};
        for (const value of [output.text, data["text/plain"], data["text/markdown"]]) {
          const text = Array.isArray(value) ? value.join("") : String(value ?? "");
          for (const match of text.matchAll(/\bNaN\b|\bundefined\b|\[object Object\]/g)) {
            const at = match.index!;
            shown.push(`${path} cell ${index}: …${text.slice(Math.max(0, at - 40), at + 20)}…`);
          }
        }
      }
    });
  }
  assert.deepEqual(shown, []);
});

for (const path of paths) {
  Deno.test(`${path} executes without error, shows its figures, is fresh and deterministic`, async (t) => {
    await ensureJupyter();
    await ensureKernelSpec("build");
    const first = await runNotebook(path, options);

    await t.step("every cell runs without error", () => {
      assert.ok(first.ok, first.failure);
    });

    // The other checks say little about a notebook that does not run through.
    const ran = first.ok;

    await t.step({
      name: "every cell tagged figure shows an SVG",
      ignore: !ran,
      fn: () => {
        const missing = first.executed.cells.flatMap((cell, i) =>
          cell.cell_type === "code" && hasTag(cell, "figure") && !hasSvg(cell)
            ? [`cell ${i}: ${sourceText(cell).split("\n")[0]}`]
            : []
        );
        assert.deepEqual(missing, [], "figure cells without an SVG output");
      },
    });

    await t.step({
      name: "its HTML page is self-contained and keeps its SVG",
      ignore: !ran,
      fn: async () => {
        const html = await Deno.readTextFile(`${OUT}/${first.name}.html`);
        assert.deepEqual(networkResources(html), []);
        const svgs = first.executed.cells.filter((cell) => hasSvg(cell)).length;
        if (svgs > 0) assert.ok(html.includes("<svg") && /<path\b/.test(html));
      },
    });

    await t.step({
      name: "stored outputs match a fresh run",
      ignore: !ran,
      fn: async () => {
        const stored = parseNotebook(await Deno.readTextFile(path), path);
        assert.ok(
          comparableText(stored) === comparableText(first.executed),
          `${path} is stale (${firstDifference(stored, first.executed)}): ` +
            `run \`deno task notebooks ${first.name}\` and commit it`,
        );
      },
    });

    await t.step({
      name: "a second run is byte-identical",
      ignore: !ran,
      fn: async () => {
        const second = await runNotebook(path, options);
        assert.ok(
          comparableText(second.executed) === comparableText(first.executed),
          `${path} differs between two runs (${
            firstDifference(first.executed, second.executed)
          }): ` +
            "seed its randomness, or tag a cell that prints timings `nondeterministic`",
        );
      },
    });
  });
}
