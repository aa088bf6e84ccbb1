/**
 * Finds the Jupyter to run notebooks with, installs Debian's when there is none (as root), and
 * writes the Deno kernelspecs: a private one for headless runs (under `build/jupyter`, passed to
 * Jupyter as `JUPYTER_PATH`) and, for `deno task lab`, the user's own when they have none that
 * works.
 *
 * The order: the `jupyter` on `PATH` and the Python it runs on, when that Python has
 * `jupyter_client`; else Debian's `/usr/bin/jupyter` and `/usr/bin/python3`; else, as root,
 * Debian's packages are installed with apt-get; else a {@linkcode JupyterMissingError} names the
 * apt-get command. Everything these functions read from the system (PATH, the user id, Debian's
 * paths, the environment of the commands they run) can be passed in, so tests use stand-ins.
 *
 * @module
 */

import { writeTextFileAtomic } from "./files.ts";
import {
  aptCommand,
  aptInstall,
  findExecutable,
  isExecutable,
  killQuietly,
  run,
  type RunResult,
  searchPath,
  userId,
} from "./system.ts";

/** A Jupyter installation: its `jupyter` command and the Python it runs on. */
export interface Jupyter {
  /** The `jupyter` command (absolute path). */
  jupyter: string;
  /** The Python that `jupyter` runs on; it has `jupyter_client`. */
  python: string;
}

/**
 * Debian's Jupyter (the first python3 on PATH may be another Python, without Jupyter).
 *
 * @example
 * ```ts
 * import { DEBIAN_JUPYTER, hasJupyterClient } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(DEBIAN_JUPYTER.jupyter, "/usr/bin/jupyter");
 * assert.ok(await hasJupyterClient(DEBIAN_JUPYTER.python));
 * ```
 */
export const DEBIAN_JUPYTER: Jupyter = { jupyter: "/usr/bin/jupyter", python: "/usr/bin/python3" };

/**
 * The Debian packages installed when no Jupyter is found.
 *
 * @example
 * ```ts
 * import { APT_PACKAGES } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(APT_PACKAGES.includes("jupyter-client"));
 * assert.ok(APT_PACKAGES.every((name) => /^[a-z0-9][a-z0-9.+-]+$/.test(name)));
 * ```
 */
export const APT_PACKAGES = [
  "jupyter-notebook",
  "jupyter-nbconvert",
  "python3-nbclient",
  "jupyter-client",
];

/**
 * The command that installs them, as shown to a user who is not root.
 *
 * @example
 * ```ts
 * import { APT_COMMAND, APT_PACKAGES } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(APT_COMMAND, `apt-get update && apt-get install -y ${APT_PACKAGES.join(" ")}`);
 * ```
 */
export const APT_COMMAND: string = aptCommand(APT_PACKAGES);

/**
 * Jupyter is missing and cannot be installed from here; the message is one line.
 *
 * @example
 * ```ts
 * import { JupyterMissingError, missingJupyterAction } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * const refusal = missingJupyterAction(1000);
 * assert.ok(refusal instanceof JupyterMissingError);
 * assert.equal(refusal.name, "JupyterMissingError");
 * assert.ok(!refusal.message.includes("\n"));
 * ```
 */
export class JupyterMissingError extends Error {
  /** The error's name, as printed before its message. */
  override name = "JupyterMissingError";
}

/** What the discovery reads from the system; each defaults to the real thing. */
export interface SystemAccess {
  /** The search path for `jupyter` and `apt-get`. Default: this process's `PATH`. */
  path?: string;
  /** Debian's Jupyter. Default {@linkcode DEBIAN_JUPYTER}. */
  debian?: Jupyter;
  /** The user id (0 is root). Default `Deno.uid()`. */
  uid?: number | null;
  /** Where progress lines go (apt-get's output included). Default `console.error`. */
  log?: (line: string) => void;
  /** Extra environment for the commands run. */
  env?: Record<string, string>;
  /**
   * Aborting stops the commands run (each is sent SIGTERM and waited for, apt-get's too) and no
   * install starts, nor an `apt-get install` after its `apt-get update`: the call then rejects
   * with the signal's reason.
   */
  signal?: AbortSignal;
}

/**
 * Runs a Python program (Python itself, or a script on it such as `jupyter`) as {@linkcode run}
 * does, without the debugger's warning about frozen modules.
 */
function runPython(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<RunResult> {
  return run(command, args, { PYDEVD_DISABLE_FILE_VALIDATION: "1", ...env }, signal);
}

/**
 * The Python a `jupyter` command runs on: the interpreter of its `#!` line (through
 * `/usr/bin/env` too, past its options and assignments), or, for a wrapper that is not a Python
 * script (a pyenv shim, say), the `sys.executable` that `jupyter troubleshoot` prints.
 * `undefined` when neither tells.
 *
 * @example
 * ```ts
 * import { pythonOfJupyter } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(await pythonOfJupyter("/usr/bin/jupyter", "/usr/bin"), "/usr/bin/python3");
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build" });
 * // A script that finds its Python through env, on the search path given.
 * await Deno.writeTextFile(`${folder}/jupyter`, "#!/usr/bin/env -S python3 -u\nprint(1)\n");
 * const python = await pythonOfJupyter(`${folder}/jupyter`, "/no/such/dir:/usr/bin");
 * assert.equal(python, "/usr/bin/python3");
 * // A wrapper that is no Python script: what its `jupyter troubleshoot` prints.
 * const shim = "#!/bin/sh\nprintf 'sys.executable:\\n    /opt/py/bin/python3\\n'\n";
 * await Deno.writeTextFile(`${folder}/shim`, shim, { mode: 0o755 });
 * assert.equal(await pythonOfJupyter(`${folder}/shim`, "/usr/bin"), "/opt/py/bin/python3");
 * await Deno.remove(folder, { recursive: true });
 * ```
 */
export async function pythonOfJupyter(
  jupyter: string,
  path: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const interpreter = await shebangInterpreter(jupyter, path);
  if (interpreter && /^python[\d.]*$/.test(basename(interpreter))) return interpreter;
  return await sysExecutableOf(jupyter, signal);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

async function shebangInterpreter(file: string, path: string): Promise<string | undefined> {
  let head: string;
  try {
    const handle = await Deno.open(await Deno.realPath(file));
    try {
      const buffer = new Uint8Array(512);
      const read = await handle.read(buffer) ?? 0;
      head = new TextDecoder().decode(buffer.subarray(0, read));
    } finally {
      handle.close();
    }
  } catch {
    return undefined;
  }
  if (!head.startsWith("#!")) return undefined;
  const words = head.slice(2).split("\n")[0].trim().split(/\s+/);
  if (basename(words[0]) !== "env") return words[0];
  // env's options, their operands (-u NAME, -C DIR) and NAME=VALUE assignments come first.
  let program: string | undefined;
  for (let i = 1; i < words.length && program === undefined; i++) {
    if (ENV_OPTIONS_WITH_OPERAND.has(words[i])) i++;
    else if (!words[i].startsWith("-") && !words[i].includes("=")) program = words[i];
  }
  return program ? await findExecutable(program, path) : undefined;
}

const ENV_OPTIONS_WITH_OPERAND = new Set(["-u", "--unset", "-C", "--chdir"]);

/**
 * Reads `sys.executable` from `jupyter troubleshoot`, stopping it once that line is out (or
 * `signal` aborts).
 */
async function sysExecutableOf(
  jupyter: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  if (signal?.aborted) return undefined;
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(jupyter, {
      args: ["troubleshoot"],
      stdin: "null",
      stdout: "piped",
      stderr: "null",
      env: { PYDEVD_DISABLE_FILE_VALIDATION: "1" },
    }).spawn();
  } catch {
    return undefined;
  }
  const stop = () => killQuietly(child, "SIGKILL");
  const timer = setTimeout(stop, 20_000);
  signal?.addEventListener("abort", stop, { once: true });
  let text = "";
  let found: string | undefined;
  try {
    for await (const chunk of child.stdout.pipeThrough(new TextDecoderStream())) {
      text += chunk;
      const match = text.match(/^sys\.executable:\s*\n\s*(\S+)\s*\n/m);
      if (match) {
        found = match[1];
        break;
      }
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", stop);
    stop();
    await child.status;
  }
  return found;
}

/**
 * Whether `python` can import jupyter_client (the one module the runner needs).
 *
 * @example
 * ```ts
 * import { hasJupyterClient } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(await hasJupyterClient("/usr/bin/python3"));
 * assert.ok(!await hasJupyterClient("/no/such/python3"));
 * ```
 */
export async function hasJupyterClient(
  python: string,
  env: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<boolean> {
  return (await runPython(python, ["-c", "import jupyter_client"], env, signal)).ok;
}

/**
 * The Jupyter to use: the `jupyter` on PATH when its Python has jupyter_client, else Debian's
 * when its Python has it; `undefined` when neither.
 *
 * @example
 * ```ts
 * import { DEBIAN_JUPYTER, findJupyter } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * // A jupyter on the search path whose Python has jupyter_client comes first.
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build" });
 * await Deno.writeTextFile(`${folder}/jupyter`, "#!/usr/bin/python3\n", { mode: 0o755 });
 * const onPath = { jupyter: `${folder}/jupyter`, python: "/usr/bin/python3" };
 * assert.deepEqual(await findJupyter({ path: `/no/such/dir:${folder}` }), onPath);
 * await Deno.remove(folder, { recursive: true });
 * // No jupyter on the search path: Debian's, whose Python has jupyter_client.
 * assert.deepEqual(await findJupyter({ path: "/no/such/dir" }), DEBIAN_JUPYTER);
 * const nowhere = { jupyter: "/no/such/jupyter", python: "/usr/bin/python3" };
 * assert.equal(await findJupyter({ path: "/no/such/dir", debian: nowhere }), undefined);
 * ```
 */
export async function findJupyter(access: SystemAccess = {}): Promise<Jupyter | undefined> {
  const path = searchPath(access.path);
  const onPath = await findExecutable("jupyter", path);
  if (onPath) {
    const python = await pythonOfJupyter(onPath, path, access.signal);
    if (python && await hasJupyterClient(python, access.env, access.signal)) {
      return { jupyter: onPath, python };
    }
  }
  const debian = access.debian ?? DEBIAN_JUPYTER;
  if (
    await isExecutable(debian.jupyter) &&
    await hasJupyterClient(debian.python, access.env, access.signal)
  ) {
    return debian;
  }
  return undefined;
}

/**
 * What to do when no Jupyter is found: install Debian's packages as root, else refuse with one
 * line naming the apt-get command. A pure decision, so that it can be tested for any user.
 *
 * @example
 * ```ts
 * import { APT_COMMAND, JupyterMissingError, missingJupyterAction } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(missingJupyterAction(0), "install");
 * const refusal = missingJupyterAction(1000);
 * assert.ok(refusal instanceof JupyterMissingError && refusal.message.endsWith(APT_COMMAND));
 * assert.ok(missingJupyterAction(null) instanceof JupyterMissingError);
 * ```
 */
export function missingJupyterAction(uid: number | null): "install" | JupyterMissingError {
  if (uid === 0) return "install";
  return new JupyterMissingError(
    "Jupyter is missing (no jupyter on PATH whose Python has jupyter_client, no " +
      `${DEBIAN_JUPYTER.jupyter}); as root, run: ${APT_COMMAND}`,
  );
}

/**
 * `make` as a function that calls it once and hands every later caller the same promise, unless
 * that promise rejected: the next caller then calls `make` again (a Jupyter installed after a
 * failed look-up is found in the same process, instead of the old failure being thrown forever).
 *
 * @example
 * ```ts
 * import { onceUnlessFailed } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * let calls = 0;
 * const lookUp = onceUnlessFailed(() => {
 *   calls++;
 *   return calls === 1 ? Promise.reject(new Error("not yet")) : Promise.resolve(calls);
 * });
 * await assert.rejects(lookUp, /not yet/);
 * assert.equal(await lookUp(), 2); // tried again after the failure
 * assert.equal(await lookUp(), 2); // then kept
 * assert.equal(calls, 2);
 * ```
 */
export function onceUnlessFailed<T>(make: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    pending ??= make().catch((error) => {
      pending = undefined;
      throw error;
    });
}

const locateOnce = onceUnlessFailed(() => locateOrInstall({}));

/**
 * The Jupyter to use ({@linkcode findJupyter}); when there is none, installs Debian's packages
 * with apt-get as root (its output goes to `log`), else throws a
 * {@linkcode JupyterMissingError} naming the apt-get command. Without `access`, the answer is
 * looked up once per process, or again after a look-up that failed ({@linkcode onceUnlessFailed}).
 *
 * @example
 * ```ts
 * import { APT_COMMAND, DEBIAN_JUPYTER, ensureJupyter, JupyterMissingError } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(await ensureJupyter({ path: "/no/such/dir" }), DEBIAN_JUPYTER);
 * // None found and not root: refused, naming the apt-get command to run as root.
 * const debian = { jupyter: "/no/such/jupyter", python: "/usr/bin/python3" };
 * const nowhere = { path: "/no/such/dir", debian };
 * await assert.rejects(
 *   () => ensureJupyter({ ...nowhere, uid: 1000 }),
 *   (error) => error instanceof JupyterMissingError && error.message.endsWith(APT_COMMAND),
 * );
 * // As root, but with no apt-get on the search path: refused too.
 * await assert.rejects(() => ensureJupyter({ ...nowhere, uid: 0 }), /apt-get is not on PATH/);
 * ```
 */
export function ensureJupyter(access?: SystemAccess): Promise<Jupyter> {
  return access ? locateOrInstall(access) : locateOnce();
}

async function locateOrInstall(access: SystemAccess): Promise<Jupyter> {
  const found = await findJupyter(access);
  // An interrupted probe finds nothing: no install follows it.
  access.signal?.throwIfAborted();
  if (found) return found;
  const action = missingJupyterAction(userId(access.uid));
  if (action instanceof JupyterMissingError) throw action;
  const log = access.log ?? console.error;
  const aptGet = await findExecutable("apt-get", searchPath(access.path));
  if (!aptGet) {
    throw new JupyterMissingError(
      "Jupyter is missing and apt-get is not on PATH: install Jupyter (for example " +
        "`pip install notebook`) and put its jupyter command on PATH",
    );
  }
  log(`Jupyter is missing: installing Debian's packages (${APT_PACKAGES.join(" ")})`);
  const failed = await aptInstall(aptGet, APT_PACKAGES, {
    log,
    env: access.env,
    signal: access.signal,
  });
  if (failed) throw new JupyterMissingError(`Cannot install Jupyter: ${failed}`);
  const installed = await findJupyter(access);
  if (!installed) {
    const debian = access.debian ?? DEBIAN_JUPYTER;
    const wrong = await isExecutable(debian.jupyter)
      ? `${debian.python} still cannot import jupyter_client`
      : `${debian.jupyter} is still missing`;
    throw new JupyterMissingError(`Cannot use Jupyter after apt-get installed it: ${wrong}`);
  }
  log(`Installed Jupyter: ${installed.jupyter} (Python ${installed.python})`);
  return installed;
}

/**
 * The kernel.json the runner writes: `deno` (the running one), with NO_COLOR=1.
 *
 * @example
 * ```ts
 * import { kernelSpec } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * const spec = kernelSpec("/opt/deno/bin/deno");
 * const argv = ["/opt/deno/bin/deno", "jupyter", "--kernel", "--conn", "{connection_file}"];
 * assert.deepEqual(spec.argv, argv);
 * assert.deepEqual(spec.env, { NO_COLOR: "1" });
 * ```
 */
export function kernelSpec(deno: string): Record<string, unknown> {
  return {
    argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno",
    language: "typescript",
    env: { NO_COLOR: "1" },
  };
}

/**
 * The private Jupyter data folder of headless runs, under the build folder.
 *
 * @example
 * ```ts
 * import { privateJupyterPath } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(privateJupyterPath(), "build/jupyter");
 * assert.equal(privateJupyterPath("out"), "out/jupyter");
 * ```
 */
export function privateJupyterPath(buildDir = "build"): string {
  return `${buildDir}/jupyter`;
}

/**
 * Writes the private kernelspec of headless runs, `<buildDir>/jupyter/kernels/deno/kernel.json`
 * (for `deno`, default the deno running this code), unless it is there already. The runner
 * passes that folder to Jupyter as `JUPYTER_PATH`, which Jupyter searches before the user's
 * folders, so the user's own kernelspecs are neither used nor touched.
 *
 * @returns Whether the file was (re)written.
 *
 * @example
 * ```ts
 * import { ensureKernelSpec, kernelSpec } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build" });
 * assert.equal(await ensureKernelSpec(folder, "/opt/deno"), true);
 * assert.equal(await ensureKernelSpec(folder, "/opt/deno"), false);
 * const file = `${folder}/jupyter/kernels/deno/kernel.json`;
 * const written = JSON.parse(await Deno.readTextFile(file));
 * assert.deepEqual(written, kernelSpec("/opt/deno"));
 * assert.equal(await ensureKernelSpec(folder, "/usr/local/bin/deno"), true);
 * await Deno.remove(folder, { recursive: true });
 * ```
 */
export async function ensureKernelSpec(
  buildDir = "build",
  deno: string = Deno.execPath(),
): Promise<boolean> {
  const dir = `${privateJupyterPath(buildDir)}/kernels/deno`;
  const text = JSON.stringify(kernelSpec(deno), null, 2) + "\n";
  try {
    if (await Deno.readTextFile(`${dir}/kernel.json`) === text) return false;
  } catch { /* not written yet */ }
  await Deno.mkdir(dir, { recursive: true });
  await writeTextFileAtomic(`${dir}/kernel.json`, text);
  return true;
}

/** A kernelspec as `jupyter kernelspec list --json` lists it; its kernel.json may be damaged. */
interface ListedKernelSpec {
  resource_dir: string;
  spec?: { argv?: unknown };
}

/** The kernelspecs in the output of `jupyter kernelspec list --json`, or a one-line error. */
function listedKernelSpecs(stdout: string): Record<string, ListedKernelSpec> {
  try {
    const list = JSON.parse(stdout);
    if (typeof list?.kernelspecs === "object" && list.kernelspecs !== null) return list.kernelspecs;
  } catch {
    // Reported below, with what it printed.
  }
  throw new Error(
    "Cannot read Jupyter's kernelspecs: `jupyter kernelspec list --json` printed no JSON " +
      `kernelspec list: ${JSON.stringify(stdout.trim().split("\n")[0].slice(0, 80))}`,
  );
}

/** What {@linkcode ensureUserKernelSpec} found and did. */
export interface UserKernelSpecResult {
  /** Kept the user's working kernelspec, installed one where there was none, or replaced one
   * whose program no longer exists or whose kernel.json names none. */
  action: "kept" | "installed" | "replaced";
  /** One line saying what was done, for the user. */
  message: string;
}

/**
 * For `deno task lab`: makes sure the user's Jupyter has a `deno` kernelspec that works. Keeps
 * whatever `deno` kernelspec Jupyter lists when its program exists (one from
 * `deno jupyter --install`, say); installs one for `deno` (default: the running deno) with
 * `jupyter kernelspec install --user` only when there is none, its program no longer exists or
 * its kernel.json names none. Throws a one-line error when Jupyter's list cannot be read.
 *
 * @example
 * ```ts
 * import { ensureUserKernelSpec } from "./jupyter.ts";
 * import assert from "node:assert/strict";
 *
 * // A stand-in jupyter: lists a deno kernelspec that runs $PROGRAM; "installs" by printing.
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build" });
 * const specs = '{"kernelspecs": {"deno": {"resource_dir": "/k", "spec": {"argv": ["%s"]}}}}';
 * const script = `#!/bin/sh\n[ $2 = list ] && exec printf '${specs}' "$PROGRAM"\n` +
 *   "echo Installed kernelspec deno in /home/u/deno\n";
 * await Deno.writeTextFile(`${folder}/stand-in`, script, { mode: 0o755 });
 * const jupyter = { jupyter: `${folder}/stand-in`, python: "/usr/bin/python3" };
 * const withProgram = (PROGRAM: string) =>
 *   ensureUserKernelSpec(jupyter, { buildDir: folder, deno: "/opt/deno", env: { PROGRAM } });
 * assert.equal((await withProgram(Deno.execPath())).action, "kept");
 * assert.deepEqual(await withProgram("/no/such/deno"), {
 *   action: "replaced",
 *   message: "Replaced the deno kernelspec in /k (its program /no/such/deno no longer exists) " +
 *     "with one in /home/u/deno for /opt/deno",
 * });
 * await Deno.remove(folder, { recursive: true });
 * ```
 */
export async function ensureUserKernelSpec(
  jupyter: Jupyter,
  options: { deno?: string; buildDir?: string; path?: string; env?: Record<string, string> } = {},
): Promise<UserKernelSpecResult> {
  const deno = options.deno ?? Deno.execPath();
  const listed = await runPython(jupyter.jupyter, ["kernelspec", "list", "--json"], options.env);
  if (!listed.ok) {
    throw new Error(`Cannot list Jupyter's kernelspecs: ${oneLine(listed.stderr)}`);
  }
  const existing = listedKernelSpecs(listed.stdout).deno;
  let replaced: string | undefined;
  if (existing) {
    const argv = existing.spec?.argv;
    const program = Array.isArray(argv) && typeof argv[0] === "string" ? argv[0] : "";
    if (program === "") {
      replaced = `${existing.resource_dir} (its kernel.json names no program)`;
    } else if (await findExecutable(program, searchPath(options.path))) {
      return {
        action: "kept",
        message: `Using the deno kernelspec in ${existing.resource_dir} (${program})`,
      };
    } else {
      replaced = `${existing.resource_dir} (its program ${program} no longer exists)`;
    }
  }
  const buildDir = options.buildDir ?? "build";
  await ensureKernelSpec(buildDir, deno);
  const source = `${privateJupyterPath(buildDir)}/kernels/deno`;
  const installed = await runPython(
    jupyter.jupyter,
    ["kernelspec", "install", "--user", "--name", "deno", source],
    options.env,
  );
  if (!installed.ok) {
    throw new Error(`Cannot install the deno kernelspec: ${oneLine(installed.stderr)}`);
  }
  const where =
    (installed.stdout + installed.stderr).match(/Installed kernelspec deno in (\S+)/)?.[1] ??
      "the user's Jupyter folder";
  return replaced
    ? {
      action: "replaced",
      message: `Replaced the deno kernelspec in ${replaced} with one in ${where} for ${deno}`,
    }
    : { action: "installed", message: `Installed a deno kernelspec in ${where} for ${deno}` };
}

function oneLine(text: string): string {
  return text.trim().split("\n").filter((line) => line.trim()).at(-1) ?? "";
}
