/**
 * Executes a notebook's code cells on the Deno kernel through Jupyter's own client library
 * (`execute.py`, run by the Python of the Jupyter in use), and fills in their outputs.
 *
 * @module
 */

import { type Cell, type Notebook, type Output, sourceText } from "./notebook.ts";
import { ensureJupyter, ensureKernelSpec, privateJupyterPath } from "./jupyter.ts";
import { killQuietly } from "./system.ts";

/** Options of {@linkcode executeNotebook}. */
export interface ExecuteOptions {
  /** Folder the kernel runs in (the notebook's folder). */
  cwd: string;
  /** Seconds each cell may run. Default 120. */
  timeout?: number;
  /**
   * Seconds the kernel gets to answer at its start. Default {@linkcode STARTUP_SECONDS}; a
   * kernel that has not answered by then is stopped and the call rejects.
   */
  startupTimeout?: number;
  /** Kernel name. Default "deno". */
  kernel?: string;
  /** Python with jupyter_client. Default: the one {@linkcode ensureJupyter} finds. */
  python?: string;
  /**
   * The private Jupyter data folder holding the kernelspec, passed as `JUPYTER_PATH`.
   * Default `build/jupyter`, written by {@linkcode ensureKernelSpec} if needed.
   */
  jupyterPath?: string;
  /** Aborting shuts the kernel down; the call then rejects with {@linkcode Interrupted}. */
  signal?: AbortSignal;
}

/** Why a notebook stopped. */
export interface CellFailure {
  /** Index of the failing cell in `notebook.cells`. */
  cellIndex: number;
  /** The cell's source. */
  source: string;
  /** The error's name, e.g. `"TypeError"`; `"Timeout"` or `"KernelDied"` for those faults. */
  ename: string;
  /** The error's message. */
  evalue: string;
  /** The traceback the kernel sent, one entry per line. */
  traceback: string[];
  /** A hint on what to look at, when the kernel said no more than "Execution failed". */
  hint?: string;
}

/** The executed notebook and, if a cell failed, which and why. */
export interface ExecuteResult {
  /** The notebook with the outputs and execution counts of the cells that ran. */
  notebook: Notebook;
  /** The cell that failed, if one did. */
  failure?: CellFailure;
}

/**
 * The run was interrupted (its signal aborted); the kernel has been shut down.
 *
 * @example
 * ```ts
 * import { executeNotebook, Interrupted } from "./execute.ts";
 * import assert from "node:assert/strict";
 *
 * const code = (source: string) => ({ cell_type: "code" as const, metadata: {}, source });
 * const notebook = { cells: [code("1 + 1")], metadata: {}, nbformat: 4, nbformat_minor: 5 };
 * // Aborted before the kernel started: nothing is run (not even this Python, which is not there).
 * const options = { cwd: ".", python: "/no/such/python3", jupyterPath: "build" };
 * await assert.rejects(
 *   executeNotebook(notebook, { ...options, signal: AbortSignal.abort() }),
 *   (error: Error) => error instanceof Interrupted && error.name === "Interrupted",
 * );
 * ```
 */
export class Interrupted extends Error {
  /** The error's name, as printed before its message. */
  override name = "Interrupted";
}

/**
 * The notebook could not be executed at all (the kernel did not start, say).
 *
 * @example
 * ```ts
 * import { executeNotebook, ExecutionError } from "./execute.ts";
 * import assert from "node:assert/strict";
 *
 * const code = (source: string) => ({ cell_type: "code" as const, metadata: {}, source });
 * const notebook = { cells: [code("1 + 1")], metadata: {}, nbformat: 4, nbformat_minor: 5 };
 * const options = { cwd: ".", python: "/no/such/python3", jupyterPath: "build" };
 * await assert.rejects(executeNotebook(notebook, options), (error: Error) => {
 *   assert.ok(error instanceof ExecutionError);
 *   assert.match(String(error), /^ExecutionError: Cannot run \/no\/such\/python3: /);
 *   return true;
 * });
 * ```
 */
export class ExecutionError extends Error {
  /** The error's name, as printed before its message. */
  override name = "ExecutionError";
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
  | { event: "kernel"; pid: number }
  | { event: "started" | "done" }
  | { event: "fatal"; message: string }
  | { event: "timeout"; index: number; seconds: number; outputs: Output[] }
  | { event: "died"; index: number; exit_code: number | null; outputs: Output[] };

const EXECUTE_PY = new URL("./execute.py", import.meta.url);

/**
 * Seconds a kernel gets to answer at its start: the Deno kernel answers in about 0.8 s, so this
 * leaves room for a loaded machine. (It was 60 s: a minute of silence before the one-line error
 * for a kernel that hangs at its start.)
 *
 * @example
 * ```ts
 * import { STARTUP_SECONDS } from "./execute.ts";
 * import assert from "node:assert/strict";
 *
 * // Room for a loaded machine, but well under the minute it once was.
 * assert.ok(STARTUP_SECONDS >= 10 && STARTUP_SECONDS < 60);
 * ```
 */
export const STARTUP_SECONDS = 20;

/** Seconds execute.py gets to shut its kernel down after SIGTERM, before SIGKILL. */
const SHUTDOWN_SECONDS = 10;

/**
 * Seconds the output pipes may stay open once execute.py has exited: longer, and some other
 * process holds them (a kernel it left), which must not keep the CLI waiting.
 */
const PIPE_SECONDS = 2;

/**
 * Runs every code cell in order, stopping at the first failure. Cells after a failure keep no
 * outputs. Execution counts are sequential from 1 over the cells that ran.
 *
 * @example
 * ```ts
 * import { executeNotebook } from "./execute.ts";
 * import assert from "node:assert/strict";
 *
 * // Two cells on a real Deno kernel: the first prints, then fails, so the second does not run.
 * const code = (source: string) => ({ cell_type: "code" as const, metadata: {}, source });
 * const { notebook, failure } = await executeNotebook({
 *   cells: [code('console.log(Math.max(0, -2));\nthrow new RangeError("stop")'), code("1")],
 *   metadata: {},
 *   nbformat: 4,
 *   nbformat_minor: 5,
 * }, { cwd: "build", timeout: 30 });
 * const [first, second] = notebook.cells;
 * assert.deepEqual(first.outputs?.[0], { output_type: "stream", name: "stdout", text: "0\n" });
 * assert.deepEqual([first.execution_count, second.execution_count], [1, null]);
 * assert.deepEqual(second.outputs, []);
 * assert.equal(failure?.cellIndex, 0);
 * assert.deepEqual([failure?.ename, failure?.evalue], ["RangeError", "stop"]);
 * ```
 */
export async function executeNotebook(
  notebook: Notebook,
  options: ExecuteOptions,
): Promise<ExecuteResult> {
  const codeCells: number[] = [];
  notebook.cells.forEach((cell, i) => {
    if (cell.cell_type === "code") codeCells.push(i);
  });
  const python = options.python ?? (await ensureJupyter()).python;
  let jupyterPath = options.jupyterPath;
  if (jupyterPath === undefined) {
    await ensureKernelSpec();
    jupyterPath = privateJupyterPath();
  }
  const { events, lastWords } = await runExecutePy(python, jupyterPath, {
    kernel: options.kernel ?? "deno",
    cwd: options.cwd,
    timeout: options.timeout ?? 120,
    startup_timeout: options.startupTimeout ?? STARTUP_SECONDS,
    env: { NO_COLOR: "1" },
    cells: codeCells.map((i) => sourceText(notebook.cells[i])),
  }, options.signal);

  const cells: Cell[] = notebook.cells.map((cell) =>
    cell.cell_type === "code" ? { ...cell, outputs: [], execution_count: null } : { ...cell }
  );
  let failure: CellFailure | undefined;
  let count = 0;
  const stopped = (index: number, outputs: Output[], ename: string, evalue: string) => {
    const cellIndex = codeCells[index];
    cells[cellIndex] = { ...cells[cellIndex], execution_count: ++count, outputs };
    return { cellIndex, source: sourceText(cells[cellIndex]), ename, evalue, traceback: [] };
  };
  for (const event of events) {
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
      failure = {
        ...stopped(
          event.index,
          event.outputs,
          "Timeout",
          `the cell ran longer than ${event.seconds} s`,
        ),
        hint: "raise the limit with --timeout SECONDS, or make the cell do less",
      };
    } else if (event.event === "died") {
      const cellIndex = codeCells[event.index];
      const how = event.exit_code !== null && event.exit_code < 0
        ? `killed by signal ${-event.exit_code}`
        : `exit code ${event.exit_code ?? "unknown"}`;
      failure = stopped(
        event.index,
        event.outputs,
        "KernelDied",
        `the kernel died (${how}) while running cell ${cellIndex}`,
      );
    } else if (event.event === "fatal") {
      const said = lastWords ? ` (its stderr ends: ${lastWords})` : "";
      throw new ExecutionError(`Cannot execute notebook: ${event.message}${said}`);
    }
  }
  return { notebook: { ...notebook, cells }, failure };
}

/**
 * Spawns execute.py, sends it the request and returns its events once it has exited, with the
 * last line it and its kernel wrote to stderr (Deno's warning that "deno jupyter" is unstable
 * aside).
 */
async function runExecutePy(
  python: string,
  jupyterPath: string,
  request: Record<string, unknown>,
  signal: AbortSignal | undefined,
): Promise<{ events: Event[]; lastWords: string }> {
  if (signal?.aborted) throw new Interrupted("interrupted before the kernel started");
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(python, {
      args: [EXECUTE_PY.pathname],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
      env: {
        JUPYTER_PATH: await Deno.realPath(jupyterPath),
        PYDEVD_DISABLE_FILE_VALIDATION: "1",
      },
    }).spawn();
  } catch (error) {
    throw new ExecutionError(`Cannot run ${python}: ${(error as Error).message}`);
  }
  // stdin stays open while the run lasts: execute.py shuts its kernel down when it closes,
  // which also happens when this process dies.
  const writer = child.stdin.getWriter();
  // A Python that fails at once (no jupyter_client after all) closes its stdin: its exit code
  // and stderr tell why, below.
  await writer.write(new TextEncoder().encode(JSON.stringify(request) + "\n")).catch(() => {});
  const events: Event[] = [];
  let kernelPid: number | undefined;
  let garbled: string | undefined;
  const stdout = readText(child.stdout, (line) => {
    if (!line.trim()) return;
    try {
      const event = JSON.parse(line) as Event;
      if (event.event === "kernel") kernelPid = event.pid;
      else events.push(event);
    } catch {
      garbled ??= line;
    }
  });
  const stderr = readText(child.stderr);
  // The kernel runs in its own process group (jupyter_client starts it in a new session): only
  // execute.py shuts it down, or, if execute.py itself had to be killed, this.
  const killKernel = () => {
    if (kernelPid === undefined) return;
    try {
      Deno.kill(-kernelPid, "SIGKILL");
    } catch { /* gone already */ }
  };
  let killer: ReturnType<typeof setTimeout> | undefined;
  const onAbort = () => {
    killQuietly(child, "SIGTERM");
    killer = setTimeout(() => {
      killQuietly(child, "SIGKILL");
      killKernel();
    }, SHUTDOWN_SECONDS * 1000);
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  const status = await child.status;
  signal?.removeEventListener("abort", onAbort);
  clearTimeout(killer);
  let pipeTimer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.all([stdout.done, stderr.done]),
    new Promise((resolve) => pipeTimer = setTimeout(resolve, PIPE_SECONDS * 1000)),
  ]);
  clearTimeout(pipeTimer);
  await Promise.all([stdout.stop(), stderr.stop(), writer.close().catch(() => {})]);
  // Killed by a signal, execute.py did not shut its kernel down. Only now is every line it
  // wrote read, the one naming its kernel included: its exit can come before that line is.
  if (status.signal !== null) killKernel();
  if (signal?.aborted) throw new Interrupted("interrupted: the kernel was shut down");
  if (garbled !== undefined) {
    throw new ExecutionError(
      `Cannot execute notebook: execute.py wrote a line that is not JSON: ${garbled.slice(0, 200)}`,
    );
  }

  const ended = events.some((e) => ["done", "fatal", "timeout", "died"].includes(e.event)) ||
    events.some((e) => e.event === "cell" && e.status !== "ok");
  const lastWords = stderr.text().split("\n").map((line) => line.trim())
    .filter((line) => line && !line.includes('"deno jupyter" is unstable')).at(-1) ?? "";
  if (!ended) {
    // 130: execute.py's own answer to SIGINT or SIGTERM, when it alone received one.
    const how = status.signal !== null
      ? `was killed by ${status.signal}`
      : status.code === 130
      ? "was interrupted (exit code 130)"
      : `exited with code ${status.code}`;
    const said = lastWords ? `: ${lastWords}` : " and wrote nothing to stderr";
    throw new ExecutionError(`Cannot execute notebook: execute.py ${how}${said}`);
  }
  return { events, lastWords };
}

/**
 * Reads `stream` as text until it closes or `stop()` is called. With `onLine`, each whole line
 * goes there as it arrives (and a last one without a newline at the end); without, `text()`
 * returns what was read.
 */
function readText(stream: ReadableStream<Uint8Array>, onLine?: (line: string) => void) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  // The pieces of the text (with onLine: of the line under way) are joined once: re-reading all
  // of a line at each chunk took seconds for a cell's event of megabytes.
  let pieces: string[] = [];
  const done = (async () => {
    for (;;) {
      // A cancelled reader's pending read resolves as done.
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) break;
      const piece = decoder.decode(chunk.value, { stream: true });
      const end = onLine ? piece.lastIndexOf("\n") : -1;
      if (end < 0) {
        pieces.push(piece);
        continue;
      }
      pieces.push(piece.slice(0, end));
      pieces.join("").split("\n").forEach(onLine!);
      pieces = [piece.slice(end + 1)];
    }
    pieces.push(decoder.decode());
    const rest = pieces.join("");
    pieces = [rest];
    if (onLine && rest) onLine(rest);
  })();
  return {
    done,
    text: () => pieces.join(""),
    async stop() {
      await reader.cancel().catch(() => {});
      await done;
    },
  };
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
