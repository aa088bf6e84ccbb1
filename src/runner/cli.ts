/**
 * `deno task notebooks [options] [names...]`: executes notebooks on the Deno kernel through
 * Jupyter and writes, under build/, each executed notebook, a self-contained HTML page per
 * notebook and an index.html.
 *
 * Options:
 *   --alpha X             shorthand for --param alpha=X
 *   --param NAME=VALUE    override a parameter (number, string, true/false/null or JSON)
 *   -p NAME=VALUE         same as --param
 *   --update              write executed outputs back into the source .ipynb
 *                         (default when no parameter is overridden; a notebook saved
 *                         during its run is left as saved)
 *   --no-update           never write the source notebooks
 *   --timeout SECONDS     limit per cell, a finite number > 0 (default 120)
 *   --out DIR             output folder (default build; not a folder of the notebooks run)
 *   --jobs N, -j N        notebooks run at the same time, each on its own kernel
 *                         (default: the number of CPUs, at most 2)
 *   --help, -h            print the full usage to stdout and exit 0
 *
 * A parameter override must have the type of the default in the notebook's parameters cell
 * (number, string, boolean, array, object); a value that starts with `[`, `{` or `"` must be
 * JSON, and a number must be finite.
 *
 * A name is a notebook in notebooks/ (with or without .ipynb) or a path to an .ipynb file,
 * relative to the folder the CLI runs in (relu-lab's, under deno task), which a name not found
 * names.
 * Exits 1 when a cell fails (showing the cell and its error), 2 on a usage error (a file that
 * is not a notebook, a folder it may not write, Jupyter missing, no notebook to run), 130, 143 or
 * 129 when interrupted by SIGINT, SIGTERM or SIGHUP (kernels shut down, no file half-written).
 *
 * @module
 */

import { type CellFailure, executeNotebook, ExecutionError, Interrupted } from "./execute.ts";
import { removeTemporaryFiles, writeTextFileAtomic } from "./files.ts";
import { listenForStop, SIGNAL_EXIT } from "./system.ts";
import { type IndexEntry, renderIndexHtml, renderNotebookHtml, stripAnsi } from "./html.ts";
import {
  ensureJupyter,
  ensureKernelSpec,
  type Jupyter,
  JupyterMissingError,
  privateJupyterPath,
  type SystemAccess,
} from "./jupyter.ts";
import {
  comparableText,
  normalizeNotebook,
  type Notebook,
  parseNotebook,
  serializeNotebook,
} from "./notebook.ts";
import {
  injectParameters,
  type ParameterValue,
  ParameterValueError,
  parseAssignment,
} from "./parameters.ts";
import { neighbours, readSeries, seriesEntry } from "./series.ts";

/** Parsed command line. */
export interface CliOptions {
  /** The notebooks named, as given; none means every `notebooks/*.ipynb`. */
  names: string[];
  /** Parameter overrides, by name (`--param`, `--alpha`). */
  params: Record<string, ParameterValue>;
  /** Whether executed outputs are written back into the source notebooks. */
  update: boolean;
  /** Seconds each cell may run. Default 120. */
  timeout: number;
  /** The output folder. Default `build`. */
  out: string;
  /** Notebooks run at the same time. Default {@linkcode defaultJobs}. */
  jobs?: number;
  /** `--help` or `-h` was given: print the usage and run nothing. */
  help?: boolean;
}

/**
 * The notebooks run at the same time by default: the number of CPUs (`cpus`, default this
 * machine's), at most 2, and 1 when it is unknown.
 *
 * @example
 * ```ts
 * import { defaultJobs } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual([1, 2, 8].map((cpus) => defaultJobs(cpus)), [1, 2, 2]);
 * assert.equal(defaultJobs(0), 1); // the count is unknown
 * assert.ok([1, 2].includes(defaultJobs())); // this machine's
 * ```
 */
export function defaultJobs(cpus: number = navigator.hardwareConcurrency): number {
  return Math.max(1, Math.min(2, cpus || 1));
}

/**
 * Thrown for a bad command line; the CLI prints the message and exits 2.
 *
 * @example
 * ```ts
 * import { parseArgs, UsageError } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * assert.throws(() => parseArgs(["--jobs", "0"]), UsageError);
 * assert.throws(() => parseArgs(["--jobs", "0"]), /--jobs must be a whole number >= 1: --jobs 0/);
 * ```
 */
export class UsageError extends Error {}

/**
 * Parses the command line. `update` defaults to true when no parameter is overridden. With
 * `--help` or `-h`, returns at once with `help` set (the CLI prints {@linkcode USAGE}).
 * Throws a {@linkcode UsageError} naming the option and the value seen for a bad one.
 *
 * @example
 * ```ts
 * import { parseArgs, UsageError } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * const options = parseArgs(["04-leaky-relu", "--alpha", "0.2", "-p", 'tag="007"', "-j", "1"]);
 * assert.deepEqual(options.names, ["04-leaky-relu"]);
 * assert.deepEqual(options.params, { alpha: 0.2, tag: "007" });
 * assert.equal(options.update, false); // a run with other parameters leaves the notebooks alone
 * assert.equal(options.jobs, 1);
 * // No parameter: the outputs go back into the notebooks. `--opt=value` works as `--opt value`.
 * const plain = parseArgs(["--timeout=9", "--out", "build/alt"]);
 * assert.deepEqual([plain.update, plain.timeout, plain.out], [true, 9, "build/alt"]);
 * assert.equal(parseArgs(["--alpha", "0.3", "--update"]).update, true);
 * assert.equal(parseArgs(["-h", "--no-such-option"]).help, true); // returns at once
 * // A bad option throws, naming the option and the value seen.
 * assert.throws(() => parseArgs(["--alpah", "0.2"]), UsageError);
 * assert.throws(() => parseArgs(["--timeout", "0"]), /seconds > 0: --timeout 0$/);
 * assert.throws(() => parseArgs(["--update=yes"]), /--update takes no value: --update=yes$/);
 * assert.throws(() => parseArgs(["--out"]), /Option --out needs a value$/);
 * assert.throws(() => parseArgs(["--param", "hidden=[16,16"]), /--param hidden=\[16,16: /);
 * ```
 */
export function parseArgs(args: string[]): CliOptions {
  const names: string[] = [];
  const params: Record<string, ParameterValue> = {};
  let update: boolean | undefined;
  let timeout = 120;
  let out = "build";
  let jobs = defaultJobs();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    let seen = arg;
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= args.length) throw new UsageError(`Option ${flag} needs a value`);
      const next = args[++i];
      seen = `${flag} ${next === "" ? '""' : next}`;
      return next;
    };
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value: ${arg}`);
    };
    const parameter = (text: string) => {
      try {
        return parseAssignment(text);
      } catch (error) {
        if (error instanceof ParameterValueError) {
          throw new UsageError(`${seen}: ${error.reason}`);
        }
        throw error;
      }
    };
    switch (flag) {
      case "--alpha": {
        const text = value();
        params.alpha = parameter(`alpha=${text}`)[1];
        break;
      }
      case "--param":
      case "-p": {
        const [name, parsed] = parameter(value());
        params[name] = parsed;
        break;
      }
      case "--update":
        noValue();
        update = true;
        break;
      case "--no-update":
        noValue();
        update = false;
        break;
      case "--timeout": {
        const text = value();
        timeout = text.trim() === "" ? NaN : Number(text);
        if (!Number.isFinite(timeout) || timeout <= 0) {
          throw new UsageError(`--timeout must be a finite number of seconds > 0: ${seen}`);
        }
        break;
      }
      case "--out":
        out = value();
        if (out.trim() === "") throw new UsageError(`--out must name a folder: ${seen}`);
        break;
      case "--jobs":
      case "-j": {
        const text = value();
        jobs = text.trim() === "" ? NaN : Number(text);
        if (!Number.isInteger(jobs) || jobs < 1) {
          throw new UsageError(`--jobs must be a whole number >= 1: ${seen}`);
        }
        break;
      }
      case "--help":
      case "-h":
        noValue();
        return { names, params, update: false, timeout, out, jobs, help: true };
      default:
        if (arg.startsWith("-")) {
          throw new UsageError(`Unknown option ${arg} (deno task notebooks --help lists them)`);
        }
        names.push(arg);
    }
  }
  return {
    names,
    params,
    update: update ?? Object.keys(params).length === 0,
    timeout,
    out,
    jobs,
  };
}

/**
 * What `--help` prints.
 *
 * @example
 * ```ts
 * import { parseArgs, USAGE } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * assert.match(USAGE, /^Usage: deno task notebooks \[options\] \[names\.\.\.\]\n/);
 * // Every option the usage lists is one parseArgs takes.
 * const options = USAGE.match(/^ {2}(-[-\w]+)/gm)!.map((line) => line.trim());
 * assert.ok(options.length >= 9);
 * for (const option of options) {
 *   const value = option === "--param" || option === "-p" ? "a=1" : "1";
 *   const args = /update|help|-h/.test(option) ? [option] : [option, value];
 *   assert.doesNotThrow(() => parseArgs(args), option);
 * }
 * ```
 */
export const USAGE = `Usage: deno task notebooks [options] [names...]

Executes notebooks on the Deno kernel through Jupyter and writes, under the output folder, each
executed notebook, a self-contained HTML page per notebook and an index.html.

Options:
  --alpha X             shorthand for --param alpha=X
  --param NAME=VALUE    override a parameter (number, string, true/false/null or JSON); its
                        type must be that of the default in the notebook's parameters cell
                        (a string that reads as a number or JSON goes in JSON quotes: '"007"')
  -p NAME=VALUE         same as --param
  --update              write executed outputs back into the source .ipynb
                        (default when no parameter is overridden; a notebook saved
                        during its run is left as saved)
  --no-update           never write the source notebooks
  --timeout SECONDS     limit per cell, a finite number > 0 (default 120)
  --out DIR             output folder (default build; not a folder of the notebooks run)
  --jobs N, -j N        notebooks run at the same time, each on its own kernel
                        (default: the number of CPUs, at most 2)
  --help, -h            print this help and exit

A name is a notebook in notebooks/ (with or without .ipynb) or a path to an .ipynb file; no
name means every notebooks/*.ipynb. Exits 0 when every notebook passed, 1 when a cell fails,
2 on a usage error or when there is no notebook to run (printed in one line), 130, 143 or 129
when interrupted by SIGINT, SIGTERM or SIGHUP.`;

const NOTEBOOKS_DIR = "notebooks";

/**
 * Resolves names to notebook paths; no names means every notebooks/*.ipynb, sorted.
 *
 * @example
 * ```ts
 * import { resolveNotebooks, UsageError } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * // Run in relu-lab's folder: no name means every notebooks/*.ipynb, sorted.
 * const all = await resolveNotebooks([]);
 * assert.ok(all.length > 0 && all.every((path) => /^notebooks\/[^/]+\.ipynb$/.test(path)));
 * assert.deepEqual(all, all.toSorted());
 * // A name is looked up in notebooks/, with or without .ipynb; a path is taken as it is.
 * const name = all[0].replace(/^notebooks\/(.+)\.ipynb$/, "$1");
 * const found = await resolveNotebooks([name, `${name}.ipynb`, all[0]]);
 * assert.deepEqual(found, [all[0], all[0], all[0]]);
 * await assert.rejects(resolveNotebooks(["nowhere"]), UsageError);
 * await assert.rejects(resolveNotebooks(["nowhere"]), /tried notebooks\/nowhere\.ipynb, nowhere/);
 * // A trailing slash is dropped; a folder is not a notebook, whatever its name.
 * assert.deepEqual(await resolveNotebooks([`${all[0]}/`]), [all[0]]);
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build", suffix: ".ipynb" });
 * await assert.rejects(
 *   resolveNotebooks([folder]),
 *   (error: Error) => error.message === `Cannot run notebook "${folder}": ${folder} is a folder`,
 * );
 * await Deno.remove(folder);
 * ```
 */
export async function resolveNotebooks(names: string[]): Promise<string[]> {
  if (names.length === 0) {
    const found: string[] = [];
    try {
      for await (const entry of Deno.readDir(NOTEBOOKS_DIR)) {
        if (entry.isFile && entry.name.endsWith(".ipynb")) {
          found.push(`${NOTEBOOKS_DIR}/${entry.name}`);
        }
      }
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
    return found.sort();
  }
  // A path is the user's: from the folder deno task was started in, first, when it told us.
  const theirs = userFolder();
  return await Promise.all(names.map(async (name) => {
    // A trailing slash (a shell's completion of a folder, say) names the same file.
    const bare = name.length > 1 ? name.replace(/(?<=.)\/+$/, "") : name;
    const fromThem = theirs === undefined || bare.startsWith("/") ? [] : [`${theirs}/${bare}`];
    const candidates = bare.endsWith(".ipynb")
      ? [...fromThem, bare, `${NOTEBOOKS_DIR}/${bare}`]
      : [`${NOTEBOOKS_DIR}/${bare}.ipynb`, `${bare}.ipynb`, ...fromThem.map((p) => `${p}.ipynb`)];
    let folder: string | undefined;
    for (const path of candidates) {
      try {
        const info = await Deno.stat(path);
        if (info.isFile) return path;
        if (info.isDirectory) folder ??= path;
      } catch { /* try the next */ }
    }
    if (folder !== undefined) {
      throw new UsageError(`Cannot run notebook "${name}": ${folder} is a folder`);
    }
    // Relative names (there is always one) are looked up from this folder, which may not be the
    // user's (deno task runs in relu-lab's): say which.
    throw new UsageError(
      `Cannot find notebook "${name}": tried ${candidates.join(", ")} in ${Deno.cwd()}`,
    );
  }));
}

/**
 * The folder `deno task` was started in (its `INIT_CWD`), when it is not this one and the run
 * may read the variable (`deno task notebooks` grants it); else undefined.
 */
function userFolder(): string | undefined {
  const query = { name: "env", variable: "INIT_CWD" } as const;
  if (Deno.permissions.querySync(query).state !== "granted") return undefined;
  const folder = Deno.env.get("INIT_CWD");
  return folder === undefined || folder === "" || folder === Deno.cwd() ? undefined : folder;
}

/** Why a run without names found no notebook: no notebooks/ folder here, or none in it. */
async function nothingToRun(): Promise<string> {
  const here = Deno.cwd();
  try {
    await Deno.stat(NOTEBOOKS_DIR);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    return `No notebooks to run: ${here} has no ${NOTEBOOKS_DIR}/ folder ` +
      "(run deno task notebooks in relu-lab's folder, or name the .ipynb files)";
  }
  return `No notebooks to run: ${here}/${NOTEBOOKS_DIR}/ has no .ipynb file`;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).replace(/\.ipynb$/, "");
}

function folderOf(path: string): string {
  const at = path.lastIndexOf("/");
  return Deno.realPathSync(at < 0 ? "." : path.slice(0, at) || "/");
}

/** Result of running one notebook. */
export interface RunReport {
  /** The notebook's file name without `.ipynb`. */
  name: string;
  /** Its path, as resolved. */
  path: string;
  /** How long it took, kernel start included. */
  seconds: number;
  /** Whether every cell ran without error. */
  ok: boolean;
  /** Whether the source notebook was rewritten with the fresh outputs. */
  updated: boolean;
  /** Why the source was not rewritten though it was to be (it changed during the run). */
  notUpdated?: string;
  /** Text describing the failure (cell, source, error), if any. */
  failure?: string;
  /** The executed notebook, normalised as stored. */
  executed: Notebook;
}

/** What {@linkcode runNotebook} needs of the command line. */
export type RunOptions = Pick<CliOptions, "params" | "update" | "timeout" | "out">;

/**
 * Runs one notebook and writes its outputs under `out` (each file whole or not at all); with
 * `update`, and when no cell failed, also writes them back into the notebook itself unless they
 * compare equal to those it holds (timings aside: {@linkcode comparableText}) or the file changed
 * during the run (an edit saved meanwhile is kept; the report's `notUpdated` says so).
 *
 * @example
 * ```ts
 * import { runNotebook } from "./cli.ts";
 * import { serializeNotebook, sourceText } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * // A notebook under build/, and a stand-in for Jupyter's Python that runs no cell and says it is
 * // done (a real run starts a Deno kernel, as executeNotebook's example does).
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build" });
 * const python = `${folder}/python`;
 * await Deno.writeTextFile(python, `#!/bin/sh\nread -r request\necho '{"event":"done"}'\n`);
 * await Deno.chmod(python, 0o755);
 * const code = (source: string, tags: string[] = []) => ({
 *   cell_type: "code" as const,
 *   metadata: { tags },
 *   source,
 *   outputs: [],
 *   execution_count: null,
 * });
 * const cells = [code("const alpha = 0.01;", ["parameters"]), code("alpha")];
 * const text = serializeNotebook({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 });
 * await Deno.writeTextFile(`${folder}/tiny.ipynb`, text);
 * const options = { params: { alpha: 0.2 }, update: false, timeout: 30, out: `${folder}/out` };
 * const jupyter = { jupyter: "/usr/bin/jupyter", python };
 * const report = await runNotebook(`${folder}/tiny.ipynb`, options, { jupyter });
 * assert.deepEqual([report.name, report.ok, report.updated], ["tiny", true, false]);
 * // The override is a cell after the parameters cell; the source is left as it was.
 * assert.match(sourceText(report.executed.cells[1]), /^const alpha = 0\.2;$/m);
 * assert.equal(await Deno.readTextFile(`${folder}/tiny.ipynb`), text);
 * assert.match(await Deno.readTextFile(`${folder}/out/tiny.html`), /<title>tiny<\/title>/);
 * await Deno.remove(folder, { recursive: true });
 * ```
 */
export async function runNotebook(
  path: string,
  options: RunOptions,
  control: {
    signal?: AbortSignal;
    jupyter?: Jupyter;
    /** The JUPYTER_PATH holding the runner's kernelspec, once written; else it is written. */
    jupyterPath?: string;
  } = {},
): Promise<RunReport> {
  const name = baseName(path);
  const start = performance.now();
  const sourceText = await Deno.readTextFile(path);
  const source = parseNotebook(sourceText, path);
  const input = injectParameters(source, options.params, path);
  let result: Awaited<ReturnType<typeof executeNotebook>>;
  try {
    result = await executeNotebook(input, {
      cwd: folderOf(path),
      timeout: options.timeout,
      python: control.jupyter?.python,
      signal: control.signal,
      jupyterPath: control.jupyterPath,
    });
  } catch (error) {
    if (!(error instanceof ExecutionError)) throw error;
    const seconds = (performance.now() - start) / 1000;
    return {
      name,
      path,
      seconds,
      ok: false,
      updated: false,
      executed: input,
      failure: `${path}: ${error.message}`,
    };
  }
  const { notebook, failure } = result;
  const executed = normalizeNotebook(notebook);
  await makeFolder(options.out);
  await writeFile(`${options.out}/${name}.ipynb`, serializeNotebook(executed));
  // The page's title is the one the index and its neighbours' links show: the first heading,
  // else the file name.
  const links = neighbours(await readSeries(folderOf(path)), name);
  const title = seriesEntry(name, executed).title;
  await writeFile(
    `${options.out}/${name}.html`,
    await renderNotebookHtml(executed, { ...links, title }),
  );
  let updated = false;
  let notUpdated: string | undefined;
  if (options.update && !failure) {
    // Fresh outputs (timings aside) keep the stored ones: the source is still stored in normal
    // form (cell ids, final newlines).
    const text = comparableText(source) !== comparableText(executed)
      ? serializeNotebook(executed)
      : serializeNotebook(normalizeNotebook(source));
    if (text !== sourceText) {
      // Edits saved while the notebook ran are never overwritten.
      if (await Deno.readTextFile(path).catch(() => undefined) !== sourceText) {
        notUpdated = `not updated: ${path} changed during the run; ` +
          `its executed copy is ${options.out}/${name}.ipynb`;
      } else {
        await writeFile(path, text);
        updated = true;
      }
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    name,
    path,
    seconds,
    ok: !failure,
    updated,
    notUpdated,
    executed,
    failure: failure && describeFailure(path, failure),
  };
}

function describeFailure(path: string, failure: CellFailure): string {
  const lines = failure.source.split("\n");
  const shown = lines.slice(0, 12).map((line, i) => `  ${String(i + 1).padStart(3)} | ${line}`);
  if (lines.length > 12) shown.push(`      | ... (${lines.length - 12} more lines)`);
  const trace = failure.traceback.length > 0
    ? stripAnsi(failure.traceback.join("\n"))
    : `${failure.ename}: ${failure.evalue}`;
  return [
    `${path}: cell ${failure.cellIndex} failed`,
    ...shown,
    trace.split("\n").map((l) => `  ${l}`).join("\n"),
    ...(failure.hint ? [`  hint: ${failure.hint}`] : []),
  ].join("\n");
}

/**
 * A file the run has to write could not be written (a folder made read-only or removed during
 * the run, a full disk): the CLI prints the message, naming the file and the cause, and exits 2.
 *
 * @example
 * ```ts
 * import { OutputWriteError, runNotebook } from "./cli.ts";
 * import { serializeNotebook } from "./notebook.ts";
 * import assert from "node:assert/strict";
 *
 * // The output folder's name is taken by a file: the notebook's outputs cannot be stored.
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build" });
 * const python = `${folder}/python`;
 * await Deno.writeTextFile(python, `#!/bin/sh\nread -r request\necho '{"event":"done"}'\n`);
 * await Deno.chmod(python, 0o755);
 * const notebook = { cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 };
 * await Deno.writeTextFile(`${folder}/tiny.ipynb`, serializeNotebook(notebook));
 * await Deno.writeTextFile(`${folder}/out`, "a file");
 * const options = { params: {}, update: false, timeout: 30, out: `${folder}/out` };
 * const jupyter = { jupyter: "/usr/bin/jupyter", python };
 * await assert.rejects(runNotebook(`${folder}/tiny.ipynb`, options, { jupyter }), (error) => {
 *   assert.ok(error instanceof OutputWriteError);
 *   assert.match(error.message, new RegExp(`^Cannot write ${folder}/out(/tiny.ipynb)?: `));
 *   return true;
 * });
 * await Deno.remove(folder, { recursive: true });
 * ```
 */
export class OutputWriteError extends Error {
  /** The error's name, as printed before its message. */
  override name = "OutputWriteError";
}

/** What went wrong with `path`, as an {@linkcode OutputWriteError}. */
function writeFailure(path: string, error: unknown): OutputWriteError {
  return new OutputWriteError(`Cannot write ${path}: ${(error as Error).message}`);
}

/** Writes a file of the run whole or not at all; throws an {@linkcode OutputWriteError}. */
async function writeFile(path: string, text: string): Promise<void> {
  try {
    await writeTextFileAtomic(path, text);
  } catch (error) {
    throw writeFailure(path, error);
  }
}

/** Creates the output folder if needed; throws an {@linkcode OutputWriteError}. */
async function makeFolder(path: string): Promise<void> {
  try {
    await Deno.mkdir(path, { recursive: true });
  } catch (error) {
    throw writeFailure(path, error);
  }
}

/** Whether `value` is an entry of the index as {@linkcode writeIndex} writes them. */
function isIndexEntry(value: unknown): value is IndexEntry {
  const entry = value as IndexEntry;
  return typeof value === "object" && value !== null && !Array.isArray(value) &&
    typeof entry.name === "string" && entry.name !== "" && typeof entry.title === "string" &&
    (entry.status === "ok" || entry.status === "failed") &&
    typeof entry.seconds === "number" && Number.isFinite(entry.seconds) &&
    (entry.summary === undefined || typeof entry.summary === "string");
}

/**
 * The entries of the index.json in `out`: none on a first run. index.json is the runner's own
 * file, rebuilt from each run: a damaged one (not JSON, not a list, or with entries the runner
 * does not write) is replaced, its entries that are whole kept, and the returned `note` says so
 * in one line.
 */
async function readIndex(indexJson: string): Promise<{ entries: IndexEntry[]; note?: string }> {
  let text: string;
  try {
    text = await Deno.readTextFile(indexJson);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return { entries: [] };
    return { entries: [], note: `Replacing ${indexJson}: ${(error as Error).message}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { entries: [], note: `Replacing ${indexJson}: ${(error as Error).message}` };
  }
  if (!Array.isArray(parsed)) {
    const seen = JSON.stringify(parsed).slice(0, 60);
    return {
      entries: [],
      note: `Replacing ${indexJson}: not a list of notebook entries but ${seen}`,
    };
  }
  const entries = parsed.filter(isIndexEntry);
  if (entries.length === parsed.length) return { entries };
  const bad = parsed.find((entry) => !isIndexEntry(entry));
  return {
    entries,
    note: `Replacing ${indexJson}: dropped ${parsed.length - entries.length} of its ` +
      `${parsed.length} entries that are not notebook entries, the first ` +
      JSON.stringify(bad).slice(0, 60),
  };
}

async function writeIndex(out: string, reports: RunReport[]): Promise<void> {
  const indexJson = `${out}/index.json`;
  const { entries, note } = await readIndex(indexJson);
  if (note) console.error(note);
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const r of reports) {
    const { title, summary } = seriesEntry(r.name, r.executed);
    byName.set(r.name, {
      name: r.name,
      title,
      summary,
      status: r.ok ? "ok" : "failed",
      seconds: Math.round(r.seconds * 10) / 10,
    });
  }
  const sorted = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  await makeFolder(out);
  await writeFile(indexJson, JSON.stringify(sorted, null, 1) + "\n");
  await writeFile(`${out}/index.html`, await renderIndexHtml(sorted));
}

/**
 * Checks, before anything runs, that every file is a notebook with the parameters given, that
 * their outputs would not overwrite one another's or the notebooks, and that the run may write
 * where it has to (the output folder, the runner's kernelspec, which it writes now, and with
 * --update the notebooks). Returns the one-line message of the first problem.
 */
async function checkBeforeRunning(
  paths: string[],
  options: CliOptions,
): Promise<string | undefined> {
  for (const path of paths) {
    try {
      injectParameters(parseNotebook(await Deno.readTextFile(path), path), options.params, path);
    } catch (error) {
      if (error instanceof TypeError || error instanceof RangeError) return error.message;
      if (error instanceof Deno.errors.NotFound || error instanceof Deno.errors.PermissionDenied) {
        return `Cannot read ${path}: ${(error as Error).message}`;
      }
      throw error;
    }
  }
  const clash = outputNameClash(paths, options.out);
  if (clash) return clash;
  const sameFolder = await sourceFolderAsOut(paths, options.out);
  if (sameFolder) return sameFolder;
  const notWritable = await unwritableFolder(options.out);
  if (notWritable) return notWritable;
  const noKernelSpec = await unwritableKernelSpec(options.out);
  if (noKernelSpec) return noKernelSpec;
  if (options.update) {
    for (const path of paths) {
      const { state } = await Deno.permissions.query({ name: "write", path });
      if (state !== "granted") {
        return `Cannot store the outputs into ${path} as this run may not write there ` +
          `(deno task notebooks may write under notebooks/ and build/): pass --no-update`;
      }
    }
  }
  return undefined;
}

/**
 * Why the notebooks' outputs would overwrite one another's in `out`: two notebooks of the same
 * name (in different folders), or one named `index`, whose page the index page would replace.
 */
function outputNameClash(paths: string[], out: string): string | undefined {
  const seen = new Map<string, string>();
  for (const path of paths) {
    const name = baseName(path);
    if (name === "index") {
      return `Cannot run ${path} as its page would be overwritten by the index page ` +
        `(rename the notebook): ${out}/index.html`;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      return `Cannot run ${path} beside ${earlier} as their outputs would overwrite each ` +
        `other (run them with different --out): ${out}/${name}.ipynb`;
    }
    seen.set(name, path);
  }
  return undefined;
}

/**
 * Why `out` may not be the output folder: it is the folder of a notebook run, whose executed copy
 * would replace it (even with --no-update). Undefined when it is another folder.
 */
async function sourceFolderAsOut(paths: string[], out: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await Deno.realPath(out);
  } catch {
    return undefined; // not there yet: no notebook is in it
  }
  const path = paths.find((path) => folderOf(path) === real);
  if (path === undefined) return undefined;
  return `Cannot write the outputs to ${out} as it holds ${path}, which its executed copy ` +
    `would overwrite (choose another --out): --out ${out}`;
}

/**
 * Writes the runner's own kernelspec (under build/jupyter) unless it is there already; says why
 * it cannot (a run given a --allow-write of its own without that folder, say), or undefined.
 */
async function unwritableKernelSpec(out: string): Promise<string | undefined> {
  const folder = `${privateJupyterPath()}/kernels/deno`;
  try {
    await ensureKernelSpec();
  } catch (error) {
    if (error instanceof Deno.errors.NotCapable) {
      return `Cannot write the runner's kernelspec to ${folder} as this run may not write ` +
        `there: run src/runner/cli.ts with --allow-write=${privateJupyterPath()},${out}`;
    }
    return `Cannot write the runner's kernelspec to ${folder}: ${(error as Error).message}`;
  }
  return undefined;
}

/** Why the output folder cannot be written, or undefined when it can. */
async function unwritableFolder(out: string): Promise<string | undefined> {
  const { state } = await Deno.permissions.query({ name: "write", path: out });
  if (state !== "granted") {
    return `Cannot write to ${out} as this run may not write there (deno task notebooks may ` +
      `write under build/ and notebooks/): choose --out build/NAME, or run src/runner/cli.ts ` +
      `with --allow-write=${privateJupyterPath()},${out}`;
  }
  try {
    await Deno.mkdir(out, { recursive: true });
    await Deno.remove(await Deno.makeTempFile({ dir: out, prefix: ".write-test-" }));
  } catch (error) {
    return `Cannot write to ${out}: ${(error as Error).message}`;
  }
  return undefined;
}

/**
 * Runs the CLI; returns the exit code. `system` stands in for what the Jupyter discovery reads
 * (tests pass stand-ins); without it the real system is used.
 *
 * @example
 * ```ts
 * import { main } from "./cli.ts";
 * import assert from "node:assert/strict";
 *
 * // A usage error: one line on stderr and exit code 2, before any Jupyter or kernel starts.
 * const said: string[] = [];
 * const { error } = console;
 * console.error = (line: string) => said.push(line);
 * try {
 *   assert.equal(await main(["--timeout", "-1"]), 2);
 *   assert.equal(await main(["--no-update", "nowhere"]), 2);
 * } finally {
 *   console.error = error;
 * }
 * assert.deepEqual(said, [
 *   "--timeout must be a finite number of seconds > 0: --timeout -1",
 *   `Cannot find notebook "nowhere": tried notebooks/nowhere.ipynb, nowhere.ipynb in ${Deno.cwd()}`,
 * ]);
 * ```
 */
export async function main(args: string[], system?: SystemAccess): Promise<number> {
  let options: CliOptions;
  let paths: string[];
  try {
    options = parseArgs(args);
    if (options.help) {
      console.log(USAGE);
      return 0;
    }
    paths = await resolveNotebooks(options.names);
  } catch (error) {
    if (error instanceof UsageError || error instanceof TypeError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (paths.length === 0) {
    console.error(await nothingToRun());
    return 2;
  }
  // A notebook named twice (by name and by path, say) runs once.
  const real = paths.map((path) => Deno.realPathSync(path));
  paths = paths.filter((_, i) => real.indexOf(real[i]) === i);

  // SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal closed) stop Jupyter's discovery or shut
  // the kernels down, and stop the run; a second one (not a copy of the first: SAME_SIGNAL_MS)
  // ends this process at once. Listened to before the first child process (the discovery's
  // probes), so that no signal ends the CLI without its line.
  const controller = new AbortController();
  const reports: (RunReport | undefined)[] = new Array(paths.length);
  const signals = listenForStop(() => controller.abort(), (name, first) => {
    removeTemporaryFiles(); // of the files being written: none is left half-written
    const stored = reports.filter((report) => report !== undefined).length;
    console.error(
      `Interrupted by ${name} again: stopped at once; ${stored} of ${paths.length} notebooks ` +
        "were stored whole, the others in part or not at all, and the index may be out of date",
    );
    Deno.exit(SIGNAL_EXIT[first]);
  });
  const early = () => {
    console.error(`Interrupted by ${signals.received} before any notebook ran: nothing was stored`);
    return SIGNAL_EXIT[signals.received!];
  };
  try {
    const problem = await checkBeforeRunning(paths, options);
    if (problem) {
      console.error(problem);
      return 2;
    }
    let jupyter: Jupyter;
    try {
      jupyter = await ensureJupyter({ ...system, signal: controller.signal });
    } catch (error) {
      if (signals.received) return early();
      if (!(error instanceof JupyterMissingError)) throw error;
      console.error(error.message);
      return 2;
    }
    if (signals.received) return early();
    let ran: RunReport[];
    try {
      await runAll(paths, options, jupyter, controller, reports);
      ran = reports.filter((r): r is RunReport => r !== undefined);
      await writeIndex(options.out, ran);
    } catch (error) {
      if (!(error instanceof OutputWriteError)) throw error;
      console.error(error.message);
      return 2;
    }
    const received = signals.received;
    if (received) {
      console.error(
        `Interrupted by ${received}: kernels shut down; ${ran.length} of ${paths.length} ` +
          "notebooks finished, the others were not stored",
      );
      return SIGNAL_EXIT[received];
    }
    const failed = ran.filter((r) => !r.ok).length;
    console.log(
      `${
        ran.length - failed
      } notebooks passed, ${failed} failed; pages in ${options.out}/index.html`,
    );
    return failed > 0 ? 1 : 0;
  } finally {
    signals.stop();
  }
}

/**
 * Runs the notebooks, `options.jobs` at a time, printing one line per notebook in the order of
 * `paths` (a notebook that finishes early waits for those before it), and puts each one's report
 * into `reports` at its index once it is stored. Stops starting notebooks once `controller`
 * aborts; the notebooks it interrupted have no report. A notebook that fails
 * otherwise than by a cell (its outputs cannot be written, say) aborts `controller`, so that
 * the others stop too, and its error is thrown once they have.
 */
async function runAll(
  paths: string[],
  options: CliOptions,
  jupyter: Jupyter,
  controller: AbortController,
  reports: (RunReport | undefined)[],
): Promise<void> {
  const signal = controller.signal;
  const finished: boolean[] = new Array(paths.length).fill(false);
  const width = Math.max(...paths.map((p) => baseName(p).length));
  let printed = 0;
  const print = () => {
    while (printed < paths.length && finished[printed]) {
      const report = reports[printed++];
      if (!report) continue;
      const status = report.ok
        ? (report.updated ? "ok (updated)" : report.notUpdated ? `ok (${report.notUpdated})` : "ok")
        : "FAILED";
      console.log(
        `${report.name.padEnd(width)}  ${report.seconds.toFixed(1).padStart(6)} s  ${status}`,
      );
      if (report.failure) console.log(report.failure);
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < paths.length && !signal.aborted) {
      const i = next++;
      try {
        // The kernelspec was written before the run (unwritableKernelSpec): not again per notebook.
        const jupyterPath = privateJupyterPath();
        reports[i] = await runNotebook(paths[i], options, { signal, jupyter, jupyterPath });
      } catch (error) {
        if (!(error instanceof Interrupted)) {
          controller.abort();
          throw error;
        }
      } finally {
        finished[i] = true;
        print();
      }
    }
  };
  const jobs = Math.min(options.jobs ?? defaultJobs(), paths.length);
  const settled = await Promise.allSettled(Array.from({ length: jobs }, worker));
  for (const outcome of settled) {
    if (outcome.status === "rejected") throw outcome.reason;
  }
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
