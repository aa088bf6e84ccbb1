/**
 * Executes a notebook's code cells on the Deno kernel through Jupyter's own client library
 * (`execute.py`, run by Debian's Python), and fills in their outputs.
 *
 * @module
 */

import { type Cell, type Notebook, type Output, sourceText } from "./notebook.ts";
import { PYTHON } from "./jupyter.ts";

/** Options of {@linkcode executeNotebook}. */
export interface ExecuteOptions {
  /** Folder the kernel runs in (the notebook's folder). */
  cwd: string;
  /** Seconds each cell may run. Default 120. */
  timeout?: number;
  /** Kernel name. Default "deno". */
  kernel?: string;
}

/** Why a notebook stopped. */
export interface CellFailure {
  /** Index of the failing cell in `notebook.cells`. */
  cellIndex: number;
  /** The cell's source. */
  source: string;
  ename: string;
  evalue: string;
  traceback: string[];
  /** A hint on what to look at, when the kernel said no more than "Execution failed". */
  hint?: string;
}

/** The executed notebook and, if a cell failed, which and why. */
export interface ExecuteResult {
  notebook: Notebook;
  failure?: CellFailure;
}

interface CellEvent {
  event: "cell";
  index: number;
  status: string;
  execution_count: number | null;
  outputs: Output[];
  error?: { ename: string; evalue: string; traceback: string[] };
}

type Event =
  | CellEvent
  | { event: "started" | "done" }
  | { event: "fatal"; message: string }
  | { event: "timeout"; index: number; seconds: number; outputs: Output[] };

const EXECUTE_PY = new URL("./execute.py", import.meta.url);

/**
 * Runs every code cell in order, stopping at the first failure. Cells after a failure keep no
 * outputs. Execution counts are sequential from 1 over the cells that ran.
 */
export async function executeNotebook(
  notebook: Notebook,
  options: ExecuteOptions,
): Promise<ExecuteResult> {
  const codeCells: number[] = [];
  notebook.cells.forEach((cell, i) => {
    if (cell.cell_type === "code") codeCells.push(i);
  });
  const request = {
    kernel: options.kernel ?? "deno",
    cwd: options.cwd,
    timeout: options.timeout ?? 120,
    startup_timeout: 60,
    env: { NO_COLOR: "1" },
    cells: codeCells.map((i) => sourceText(notebook.cells[i])),
  };
  const child = new Deno.Command(PYTHON, {
    args: [EXECUTE_PY.pathname],
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(request)));
  await writer.close();
  const { stdout, stderr, code } = await child.output();

  const cells: Cell[] = notebook.cells.map((cell) =>
    cell.cell_type === "code" ? { ...cell, outputs: [], execution_count: null } : { ...cell }
  );
  let failure: CellFailure | undefined;
  let done = false;
  let count = 0;
  for (const line of new TextDecoder().decode(stdout).split("\n")) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as Event;
    if (event.event === "cell") {
      const cellIndex = codeCells[event.index];
      count++;
      cells[cellIndex] = {
        ...cells[cellIndex],
        execution_count: count,
        outputs: event.outputs.map((o) =>
          o.output_type === "execute_result" ? { ...o, execution_count: count } : o
        ),
      };
      if (event.status !== "ok") {
        failure = describeFailure(cellIndex, cells[cellIndex], event);
      }
    } else if (event.event === "timeout") {
      const cellIndex = codeCells[event.index];
      cells[cellIndex] = { ...cells[cellIndex], execution_count: ++count, outputs: event.outputs };
      failure = {
        cellIndex,
        source: sourceText(cells[cellIndex]),
        ename: "Timeout",
        evalue: `the cell ran longer than ${event.seconds} s`,
        traceback: [],
        hint: "raise the limit with --timeout SECONDS, or make the cell do less",
      };
    } else if (event.event === "fatal") {
      throw new Error(`Cannot execute notebook: ${event.message}`);
    } else if (event.event === "done") {
      done = true;
    }
  }
  if (!done && !failure) {
    const text = new TextDecoder().decode(stderr).trim();
    throw new Error(`Cannot execute notebook: execute.py exited with code ${code}\n${text}`);
  }
  return { notebook: { ...notebook, cells }, failure };
}

function describeFailure(cellIndex: number, cell: Cell, event: CellEvent): CellFailure {
  const source = sourceText(cell);
  const error = event.error ?? { ename: "Error", evalue: "", traceback: [] };
  const failure: CellFailure = {
    cellIndex,
    source,
    ename: error.ename,
    evalue: error.evalue,
    traceback: error.traceback,
  };
  // The Deno kernel answers a syntax error, or an npm package it cannot fetch, with a bare
  // "Execution failed" and no traceback: say what to check.
  if (error.traceback.length === 0 && /^Execution failed/.test(error.evalue)) {
    const imports = [...source.matchAll(/(?:from|import)\s*\(?\s*["']([^"'./][^"']*)["']/g)]
      .map((m) => m[1]);
    failure.hint = imports.length > 0
      ? `the kernel gave no detail: check that ${
        imports.join(", ")
      } can be fetched or resolved (npm name and version, deno.json "imports", network), ` +
        "and check the syntax: copy the cell into a .ts file and run `deno check` on it"
      : "the kernel gave no detail, which usually means a syntax error: copy the cell into a .ts " +
        "file and run `deno check` on it";
  }
  return failure;
}
