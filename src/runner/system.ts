/**
 * What the set-up code asks of the machine: run a command and read its output, find an
 * executable on a search path as the shell would, and install Debian packages with apt-get.
 * Jupyter's discovery (`jupyter.ts`) and Chromium's check (`chromium.ts`) build on these.
 *
 * @module
 */

/** How a command ended and what it printed. */
export interface RunResult {
  /** Whether it started and exited with code 0. */
  ok: boolean;
  /** Its exit code; -1 when it could not start. */
  code: number;
  /** What it printed on stdout. */
  stdout: string;
  /** What it printed on stderr; the reason when it could not start. */
  stderr: string;
}

/**
 * Exit codes after a signal, as shells report them (128 + its number).
 *
 * @example
 * ```ts
 * import { SIGNAL_EXIT } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(SIGNAL_EXIT.SIGINT, 130);
 * ```
 */
export const SIGNAL_EXIT: Readonly<Record<string, number>> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
};

/**
 * A signal this soon after the first is a copy of it, not a second one: a terminal sends Ctrl-C
 * to every process of the foreground group, and `deno task` passes the one it gets on to its
 * child, so one Ctrl-C can reach a task's process more than once within milliseconds.
 *
 * @example
 * ```ts
 * import { SAME_SIGNAL_MS } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(SAME_SIGNAL_MS >= 100 && SAME_SIGNAL_MS <= 1000);
 * ```
 */
export const SAME_SIGNAL_MS = 500;

/** The signals that stop a run: Ctrl-C, `kill`, and the terminal closed. */
export type StopSignal = "SIGINT" | "SIGTERM" | "SIGHUP";

/** What {@linkcode listenForStop} returns. */
export interface StopListener {
  /** The first stop signal received, if any. */
  readonly received: StopSignal | undefined;
  /** Stops listening. */
  stop(): void;
}

/**
 * Listens for SIGINT, SIGTERM and SIGHUP: calls `first` at the first, and `again` at a later one
 * that is not a copy of it (one sent within {@linkcode SAME_SIGNAL_MS}: a Ctrl-C reaches every
 * process of the terminal's group, some of which pass it on), with the first one's name.
 *
 * @example
 * ```ts
 * import { listenForStop } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * const seen: string[] = [];
 * const signals = listenForStop((name) => seen.push(name), (name) => seen.push(`${name} again`));
 * assert.equal(signals.received, undefined);
 * signals.stop();
 * assert.deepEqual(seen, []);
 * ```
 */
export function listenForStop(
  first: (name: StopSignal) => void,
  again: (name: StopSignal, first: StopSignal) => void,
): StopListener {
  let received: StopSignal | undefined;
  let receivedAt = 0;
  const listeners = (["SIGINT", "SIGTERM", "SIGHUP"] as const).map((name) => {
    const listener = () => {
      if (received) {
        if (performance.now() - receivedAt >= SAME_SIGNAL_MS) again(name, received);
        return;
      }
      received = name;
      receivedAt = performance.now();
      first(name);
    };
    Deno.addSignalListener(name, listener);
    return [name, listener] as const;
  });
  return {
    get received() {
      return received;
    },
    stop() {
      for (const [name, listener] of listeners) Deno.removeSignalListener(name, listener);
    },
  };
}

/**
 * Sends `child` the signal `signo` unless it has exited already (Deno throws for an exited child).
 *
 * @example
 * ```ts
 * import { killQuietly } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * const args = ["-c", "import time; time.sleep(60)"];
 * const child = new Deno.Command("/usr/bin/python3", { args }).spawn();
 * killQuietly(child, "SIGTERM");
 * assert.equal((await child.status).signal, "SIGTERM");
 * killQuietly(child, "SIGKILL"); // exited: nothing to do, and no error
 * ```
 */
export function killQuietly(child: Deno.ChildProcess, signo: Deno.Signal): void {
  try {
    child.kill(signo);
  } catch { /* it has exited */ }
}

/**
 * Starts a command with stdin closed, stdout and stderr piped and `env` added to this process's
 * environment; a command that cannot start (missing, not executable) gives the reason instead.
 */
function spawnPiped(
  command: string,
  args: string[],
  env: Record<string, string>,
): Deno.ChildProcess | { reason: string } {
  try {
    return new Deno.Command(command, { args, stdin: "null", stdout: "piped", stderr: "piped", env })
      .spawn();
  } catch (error) {
    if (error instanceof Deno.errors.NotFound || error instanceof Deno.errors.PermissionDenied) {
      return { reason: String(error) };
    }
    throw error;
  }
}

/**
 * Runs a command to completion with its output piped and `env` added to this process's
 * environment. A command that cannot start (missing, not executable) is `ok: false`, its
 * stderr the reason. Aborting `signal` sends the command SIGTERM (the call still waits for it to
 * exit); aborted before it starts, it is not started.
 *
 * @example
 * ```ts
 * import { run } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * const result = await run("/usr/bin/python3", ["-c", "import os; print(os.environ['ANSWER'])"], {
 *   ANSWER: "42",
 * });
 * assert.deepEqual([result.ok, result.code, result.stdout], [true, 0, "42\n"]);
 * const missing = await run("/no/such/command", []);
 * assert.deepEqual([missing.ok, missing.code], [false, -1]);
 * assert.match(missing.stderr, /NotFound/);
 * // Aborted, the command is stopped (SIGTERM, 143): no minute of sleep.
 * const controller = new AbortController();
 * const sleep = ["-c", "import time; time.sleep(60)"];
 * const sleeping = run("/usr/bin/python3", sleep, {}, controller.signal);
 * setTimeout(() => controller.abort(), 100);
 * assert.deepEqual([(await sleeping).ok, (await sleeping).code], [false, 143]);
 * ```
 */
export async function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<RunResult> {
  if (signal?.aborted) return { ok: false, code: -1, stdout: "", stderr: "interrupted" };
  const child = spawnPiped(command, args, env);
  if ("reason" in child) return { ok: false, code: -1, stdout: "", stderr: child.reason };
  const stop = () => killQuietly(child, "SIGTERM");
  signal?.addEventListener("abort", stop, { once: true });
  const output = await child.output().finally(() => signal?.removeEventListener("abort", stop));
  const decoder = new TextDecoder();
  return {
    ok: output.success,
    code: output.code,
    stdout: decoder.decode(output.stdout),
    stderr: decoder.decode(output.stderr),
  };
}

/**
 * Runs a command to completion with `env` added to this process's environment, passing each
 * line it prints, on stdout or stderr, to `onLine` as soon as the line is complete (a long
 * install shows its progress as it goes). A command that cannot start is `ok: false`, code -1,
 * its reason passed on as a line.
 *
 * @example
 * ```ts
 * import { runLines } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * const lines: string[] = [];
 * const script = "import sys; print('one'); print('two', file=sys.stderr); " +
 *   "sys.stdout.write('three'); sys.exit(3)";
 * const onLine = (line: string) => lines.push(line);
 * const result = await runLines("/usr/bin/python3", ["-c", script], {}, onLine);
 * assert.deepEqual(result, { ok: false, code: 3 });
 * assert.deepEqual(lines.toSorted(), ["one", "three", "two"]);
 * ```
 */
export async function runLines(
  command: string,
  args: string[],
  env: Record<string, string>,
  onLine: (line: string) => void,
  signal?: AbortSignal,
): Promise<{ ok: boolean; code: number }> {
  const child = spawnPiped(command, args, env);
  if ("reason" in child) {
    onLine(child.reason);
    return { ok: false, code: -1 };
  }
  // Aborting `signal` sends the command SIGTERM; the call still waits for it to end.
  const stop = () => killQuietly(child, "SIGTERM");
  signal?.addEventListener("abort", stop, { once: true });
  if (signal?.aborted) stop();
  try {
    const [status] = await Promise.all([
      child.status,
      eachLine(child.stdout, onLine),
      eachLine(child.stderr, onLine),
    ]);
    return { ok: status.success, code: status.code };
  } finally {
    signal?.removeEventListener("abort", stop);
  }
}

/** Each line of `stream` (the last one also when it has no newline) passed to `onLine`. */
async function eachLine(
  stream: ReadableStream<Uint8Array<ArrayBuffer>>,
  onLine: (line: string) => void,
): Promise<void> {
  let rest = "";
  for await (const text of stream.pipeThrough(new TextDecoderStream())) {
    const lines = (rest + text).split("\n");
    rest = lines.pop()!;
    lines.forEach((line) => onLine(line));
  }
  if (rest !== "") onLine(rest);
}

/**
 * The user id: `uid` when given (null where there is none), else this process's.
 *
 * @example
 * ```ts
 * import { userId } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(userId(0), 0);
 * assert.equal(userId(null), null);
 * assert.equal(userId(), Deno.uid());
 * ```
 */
export function userId(uid?: number | null): number | null {
  return uid !== undefined ? uid : Deno.uid();
}

/**
 * The search path for executables: `path` when given, else this process's `PATH`.
 *
 * @example
 * ```ts
 * import { searchPath } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(searchPath("/opt/bin:/usr/bin"), "/opt/bin:/usr/bin");
 * assert.equal(searchPath(""), ""); // an empty path is kept: nothing is searched
 * assert.equal(searchPath(), Deno.env.get("PATH") ?? "");
 * ```
 */
export function searchPath(path?: string): string {
  return path ?? Deno.env.get("PATH") ?? "";
}

/**
 * The first executable file called `name` in the directories of `path` (colon-separated), as
 * the shell would find it, except that empty entries (the current folder, to the shell) are
 * skipped; a `name` with a slash is checked as it is. `undefined` when there is none.
 *
 * @example
 * ```ts
 * import { findExecutable } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(await findExecutable("python3", "/no/such/dir::/usr/bin/"), "/usr/bin/python3");
 * assert.equal(await findExecutable("/usr/bin/python3", ""), "/usr/bin/python3");
 * assert.equal(await findExecutable("python3", "/no/such/dir"), undefined);
 * ```
 */
export async function findExecutable(name: string, path: string): Promise<string | undefined> {
  if (name.includes("/")) return await isExecutable(name) ? name : undefined;
  for (const dir of path.split(":")) {
    if (dir === "") continue;
    const candidate = `${dir.replace(/\/+$/, "")}/${name}`;
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Whether `file` is a file with an execute bit set.
 *
 * @example
 * ```ts
 * import { isExecutable } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(await isExecutable("/usr/bin/python3"));
 * assert.ok(!await isExecutable("/etc/passwd"));
 * assert.ok(!await isExecutable("/usr/bin"));
 * ```
 */
export async function isExecutable(file: string): Promise<boolean> {
  try {
    const info = await Deno.stat(file);
    return info.isFile && ((info.mode ?? 0o755) & 0o111) !== 0;
  } catch {
    return false;
  }
}

/**
 * The apt-get command line that installs `packages`, for messages.
 *
 * @example
 * ```ts
 * import { aptCommand } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * const command = aptCommand(["jupyter-client", "chromium"]);
 * assert.equal(command, "apt-get update && apt-get install -y jupyter-client chromium");
 * ```
 */
export function aptCommand(packages: string[]): string {
  return `apt-get update && apt-get install -y ${packages.join(" ")}`;
}

/**
 * Installs Debian packages with `aptGet` (the apt-get command, run as root): `apt-get update`,
 * then `apt-get install -y PACKAGES`, non-interactive, each line they print passed to `log`,
 * indented, as they print it. Returns undefined when both succeed, else one line saying which
 * apt-get command exited with which code. Aborting `signal` stops apt-get (SIGTERM) and the call
 * then rejects with its reason, before any `install` that has not started.
 *
 * @example
 * ```ts
 * import { aptInstall } from "./system.ts";
 * import assert from "node:assert/strict";
 *
 * // A stand-in for apt-get: prints its arguments; `install` fails with code 100.
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build" });
 * const aptGet = `${folder}/apt-get`;
 * const script = '#!/bin/sh\necho "apt-get $*"\n[ "$1" = update ] || exit 100\n';
 * await Deno.writeTextFile(aptGet, script, { mode: 0o755 });
 * const lines: string[] = [];
 * const failed = await aptInstall(aptGet, ["chromium"], { log: (line) => lines.push(line) });
 * assert.equal(failed, "apt-get install -y chromium exited with code 100");
 * assert.deepEqual(lines, ["  apt-get update", "  apt-get install -y chromium"]);
 * await Deno.remove(folder, { recursive: true });
 * ```
 */
export async function aptInstall(
  aptGet: string,
  packages: string[],
  options: { log: (line: string) => void; env?: Record<string, string>; signal?: AbortSignal },
): Promise<string | undefined> {
  for (const args of [["update"], ["install", "-y", ...packages]]) {
    // Interrupted: apt-get is stopped, and no install follows an update.
    options.signal?.throwIfAborted();
    const result = await runLines(
      aptGet,
      args,
      { DEBIAN_FRONTEND: "noninteractive", ...options.env },
      (line) => {
        if (line.trim()) options.log(`  ${line.trimEnd()}`);
      },
      options.signal,
    );
    options.signal?.throwIfAborted();
    if (!result.ok) return `apt-get ${args.join(" ")} exited with code ${result.code}`;
  }
  return undefined;
}
