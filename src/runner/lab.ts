/**
 * `deno task lab [jupyter options]`: starts Jupyter (Notebook, or JupyterLab when that is what
 * the Jupyter in use has) on notebooks/ with a Deno kernel. The Jupyter is the one on PATH, else
 * Debian's (installed with apt-get when run as root and there is none). The user's own `deno`
 * kernelspec is kept when its program exists; one for the running deno is installed only when
 * there is none or its program is gone. Says which it did. SIGINT (one Ctrl-C), SIGTERM or
 * SIGHUP stops Jupyter (SIGTERM, then SIGKILL after 5 s or at a second signal), waits for it, and
 * exits 130, 143 or 129 after one line saying so.
 *
 * @module
 */

import {
  ensureJupyter,
  ensureUserKernelSpec,
  type Jupyter,
  JupyterMissingError,
  type SystemAccess,
} from "./jupyter.ts";
import { killQuietly, listenForStop, SIGNAL_EXIT } from "./system.ts";

/**
 * The Jupyter front end to start: `notebook` when its Python has it, else `lab`.
 *
 * @example
 * ```ts
 * import { frontEnd } from "./lab.ts";
 * import assert from "node:assert/strict";
 *
 * // Stand-ins for the Python of the Jupyter in use: `true` imports anything, `false` nothing.
 * const jupyter = "/usr/bin/jupyter";
 * assert.equal(await frontEnd({ jupyter, python: "/usr/bin/true" }), "notebook");
 * assert.equal(await frontEnd({ jupyter, python: "/usr/bin/false" }), undefined);
 * // One that imports only jupyterlab.
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build" });
 * const python = `${folder}/python`;
 * await Deno.writeTextFile(python, '#!/bin/sh\n[ "$2" = "import jupyterlab" ]\n');
 * await Deno.chmod(python, 0o755);
 * assert.equal(await frontEnd({ jupyter, python }), "lab");
 * await Deno.remove(folder, { recursive: true });
 * ```
 */
export async function frontEnd(jupyter: Jupyter): Promise<"notebook" | "lab" | undefined> {
  for (const [module, command] of [["notebook", "notebook"], ["jupyterlab", "lab"]] as const) {
    const probe = await new Deno.Command(jupyter.python, {
      args: ["-c", `import ${module}`],
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).output();
    if (probe.success) return command;
  }
  return undefined;
}

/**
 * Runs the lab task; returns the exit code. `system` stands in for what the Jupyter discovery
 * reads (tests pass stand-ins); without it the real system is used.
 *
 * @example
 * ```ts
 * import { lab } from "./lab.ts";
 * import assert from "node:assert/strict";
 *
 * // A machine with no Jupyter (none on PATH, no Debian one), not root: exit code 2 with one line
 * // naming the apt-get command; nothing is installed or started.
 * const debian = { jupyter: "/no/such/jupyter", python: "/usr/bin/python3" };
 * const said: string[] = [];
 * const { error } = console;
 * console.error = (line: string) => said.push(line);
 * try {
 *   assert.equal(await lab([], { path: "/no/such/dir", debian, uid: 1000 }), 2);
 * } finally {
 *   console.error = error;
 * }
 * assert.equal(said.length, 1);
 * assert.match(said[0], /^Jupyter is missing .*; as root, run: apt-get update && apt-get install/);
 * ```
 */
export async function lab(args: string[], system?: SystemAccess): Promise<number> {
  let jupyter: Jupyter;
  try {
    jupyter = await ensureJupyter(system);
  } catch (error) {
    if (!(error instanceof JupyterMissingError)) throw error;
    console.error(error.message);
    return 2;
  }
  const command = await frontEnd(jupyter);
  if (!command) {
    console.error(
      `Cannot start Jupyter: ${jupyter.python} has neither notebook nor jupyterlab; install ` +
        "one (pip install notebook), or as root: apt-get install -y jupyter-notebook",
    );
    return 2;
  }
  try {
    console.error((await ensureUserKernelSpec(jupyter)).message);
  } catch (error) {
    console.error((error as Error).message); // Jupyter could not list or install kernelspecs
    return 1;
  }
  const child = new Deno.Command(jupyter.jupyter, {
    args: [
      command,
      "--notebook-dir=notebooks",
      // Jupyter refuses to run as root (as in containers and CI) unless told it may.
      ...(Deno.uid() === 0 ? ["--allow-root"] : []),
      ...args,
    ],
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  // A signal stops Jupyter (which on its own answers one Ctrl-C with a question, times out and
  // goes on): SIGTERM, then SIGKILL after STOP_SECONDS or at a second signal; then this exits.
  let killer: ReturnType<typeof setTimeout> | undefined;
  const signals = listenForStop(() => {
    killQuietly(child, "SIGTERM");
    killer = setTimeout(() => killQuietly(child, "SIGKILL"), STOP_SECONDS * 1000);
  }, () => killQuietly(child, "SIGKILL"));
  try {
    const status = await child.status;
    const received = signals.received;
    if (!received) return status.code;
    const how = status.signal === "SIGKILL" ? "killed, as it did not stop when asked" : "stopped";
    console.error(`Interrupted by ${received}: Jupyter ${how}`);
    return SIGNAL_EXIT[received];
  } finally {
    clearTimeout(killer);
    signals.stop();
  }
}

/** Seconds Jupyter gets to stop after SIGTERM, before SIGKILL. */
const STOP_SECONDS = 5;

if (import.meta.main) {
  Deno.exit(await lab(Deno.args));
}
