/**
 * `deno task notebooks [options] [names...]`: executes notebooks on the Deno kernel through
 * Jupyter and writes, under build/, each executed notebook, a self-contained HTML page per
 * notebook and an index.html.
 *
 * Options:
 *   --alpha X             shorthand for --param alpha=X
 *   --param NAME=VALUE    override a parameter (number, string, true/false/null or JSON)
 *   --update              write executed outputs back into the source .ipynb
 *                         (default when no parameter is overridden)
 *   --no-update           never write the source notebooks
 *   --timeout SECONDS     limit per cell (default 120)
 *   --out DIR             output folder (default build)
 *
 * A name is a notebook in notebooks/ (with or without .ipynb) or a path to an .ipynb file.
 * Exits 1 when a cell fails (showing the cell and its error), 2 on a usage error.
 *
 * @module
 */

import { executeNotebook } from "./execute.ts";
import { type IndexEntry, renderIndexHtml, renderNotebookHtml, stripAnsi } from "./html.ts";
import { ensureJupyter, ensureKernelSpec } from "./jupyter.ts";
import {
  comparableText,
  normalizeNotebook,
  type Notebook,
  parseNotebook,
  serializeNotebook,
} from "./notebook.ts";
import { injectParameters, type ParameterValue, parseAssignment } from "./parameters.ts";
import { neighbours, readSeries, seriesEntry } from "./series.ts";

/** Parsed command line. */
export interface CliOptions {
  names: string[];
  params: Record<string, ParameterValue>;
  update: boolean;
  timeout: number;
  out: string;
}

/** Thrown for a bad command line; the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/** Parses the command line. `update` defaults to true when no parameter is overridden. */
export function parseArgs(args: string[]): CliOptions {
  const names: string[] = [];
  const params: Record<string, ParameterValue> = {};
  let update: boolean | undefined;
  let timeout = 120;
  let out = "build";
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= args.length) throw new UsageError(`Option ${flag} needs a value`);
      return args[++i];
    };
    switch (flag) {
      case "--alpha":
        params.alpha = parseAssignment(`alpha=${value()}`)[1];
        break;
      case "--param":
      case "-p": {
        const [name, parsed] = parseAssignment(value());
        params[name] = parsed;
        break;
      }
      case "--update":
        update = true;
        break;
      case "--no-update":
        update = false;
        break;
      case "--timeout":
        timeout = Number(value());
        if (!(timeout > 0)) throw new UsageError(`--timeout must be a number of seconds > 0`);
        break;
      case "--out":
        out = value();
        break;
      case "--help":
      case "-h":
        throw new UsageError(USAGE);
      default:
        if (arg.startsWith("-")) throw new UsageError(`Unknown option ${arg}\n${USAGE}`);
        names.push(arg);
    }
  }
  return { names, params, update: update ?? Object.keys(params).length === 0, timeout, out };
}

const USAGE = `Usage: deno task notebooks [--alpha X] [--param NAME=VALUE]... [--update|--no-update]
                           [--timeout SECONDS] [--out DIR] [names...]`;

const NOTEBOOKS_DIR = "notebooks";

/** Resolves names to notebook paths; no names means every notebooks/*.ipynb, sorted. */
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
  return await Promise.all(names.map(async (name) => {
    const candidates = name.endsWith(".ipynb")
      ? [name, `${NOTEBOOKS_DIR}/${name}`]
      : [`${NOTEBOOKS_DIR}/${name}.ipynb`, `${name}.ipynb`];
    for (const path of candidates) {
      try {
        if ((await Deno.stat(path)).isFile) return path;
      } catch { /* try the next */ }
    }
    throw new UsageError(`Cannot find notebook "${name}": tried ${candidates.join(", ")}`);
  }));
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
  name: string;
  path: string;
  seconds: number;
  ok: boolean;
  updated: boolean;
  /** Text describing the failure (cell, source, error), if any. */
  failure?: string;
  executed: Notebook;
}

/** Runs one notebook and writes its outputs under `out`. */
export async function runNotebook(path: string, options: CliOptions): Promise<RunReport> {
  const name = baseName(path);
  const start = performance.now();
  const sourceText = await Deno.readTextFile(path);
  const source = parseNotebook(sourceText, path);
  const input = injectParameters(source, options.params, path);
  const { notebook, failure } = await executeNotebook(input, {
    cwd: folderOf(path),
    timeout: options.timeout,
  });
  const executed = normalizeNotebook(notebook);
  await Deno.mkdir(options.out, { recursive: true });
  await Deno.writeTextFile(`${options.out}/${name}.ipynb`, serializeNotebook(executed));
  const links = neighbours(await readSeries(folderOf(path)), name);
  await Deno.writeTextFile(
    `${options.out}/${name}.html`,
    await renderNotebookHtml(executed, links),
  );
  let updated = false;
  if (options.update && !failure) {
    if (comparableText(source) !== comparableText(executed)) {
      await Deno.writeTextFile(path, serializeNotebook(executed));
      updated = true;
    } else {
      // Outputs are fresh (timings aside): still store the source in normal form (cell ids,
      // final newlines), keeping the stored outputs.
      const normal = serializeNotebook(normalizeNotebook(source));
      if (normal !== sourceText) {
        await Deno.writeTextFile(path, normal);
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
    executed,
    failure: failure && describeFailure(path, failure),
  };
}

function describeFailure(
  path: string,
  failure: NonNullable<Awaited<ReturnType<typeof executeNotebook>>["failure"]>,
): string {
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

async function writeIndex(out: string, reports: RunReport[]): Promise<void> {
  const indexJson = `${out}/index.json`;
  let entries: IndexEntry[] = [];
  try {
    entries = JSON.parse(await Deno.readTextFile(indexJson));
  } catch { /* first run */ }
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
  await Deno.writeTextFile(indexJson, JSON.stringify(sorted, null, 1) + "\n");
  await Deno.writeTextFile(`${out}/index.html`, await renderIndexHtml(sorted));
}

/** Runs the CLI; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let options: CliOptions;
  let paths: string[];
  try {
    options = parseArgs(args);
    paths = await resolveNotebooks(options.names);
  } catch (error) {
    if (error instanceof UsageError || error instanceof TypeError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (paths.length === 0) {
    console.error(`No notebooks to run: ${NOTEBOOKS_DIR}/ has no .ipynb file`);
    return 0;
  }
  // Check every notebook's parameters before running any of them.
  for (const path of paths) {
    try {
      injectParameters(parseNotebook(await Deno.readTextFile(path), path), options.params, path);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      console.error(error.message);
      return 2;
    }
  }
  await ensureJupyter();
  if (await ensureKernelSpec(options.out)) {
    console.error(`Installed the Deno kernelspec for ${Deno.execPath()}`);
  }
  const reports: RunReport[] = [];
  const width = Math.max(...paths.map((p) => baseName(p).length));
  for (const path of paths) {
    const report = await runNotebook(path, options);
    reports.push(report);
    const status = report.ok ? (report.updated ? "ok (updated)" : "ok") : "FAILED";
    console.log(
      `${report.name.padEnd(width)}  ${report.seconds.toFixed(1).padStart(6)} s  ${status}`,
    );
    if (report.failure) console.log(report.failure);
  }
  await writeIndex(options.out, reports);
  const failed = reports.filter((r) => !r.ok).length;
  console.log(
    `${
      reports.length - failed
    } notebooks passed, ${failed} failed; pages in ${options.out}/index.html`,
  );
  return failed > 0 ? 1 : 0;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
