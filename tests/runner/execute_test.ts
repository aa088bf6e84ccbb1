/**
 * executeNotebook() when execute.py will not stop: a stand-in for the Python that runs it, a
 * shell script that ignores SIGTERM and leaves a "kernel" (a `sleep`) holding its output pipes,
 * as a hung execute.py with a live kernel would. The CLI must still end within seconds and leave
 * no kernel behind.
 */

import assert from "node:assert/strict";
import { executeNotebook, Interrupted } from "../../src/runner/execute.ts";
import type { Notebook } from "../../src/runner/notebook.ts";
import { OUT, waitFor } from "./_cli.ts";

const DIR = `${OUT}/execute-stand-in`;

const NOTEBOOK: Notebook = {
  cells: [{ cell_type: "code", source: "1", metadata: {}, outputs: [], execution_count: null }],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
};

/**
 * Writes a stand-in Python: it ignores SIGTERM, starts `sleep 60` (in a new session when
 * `ownGroup`, as jupyter_client starts kernels) with its stdout and stderr, writes its pid to
 * `kernel.pid`, reports it to the CLI when `report`, and then waits for ever.
 */
async function standIn(ownGroup: boolean, report: boolean): Promise<string> {
  await Deno.mkdir(DIR, { recursive: true });
  await Deno.remove(`${DIR}/kernel.pid`).catch(() => {});
  const path = `${DIR}/python`;
  await Deno.writeTextFile(
    path,
    `#!/bin/bash
trap '' TERM
read -r request
${ownGroup ? "setsid " : ""}sleep 60 &
echo $! > ${DIR}/kernel.pid
${report ? `echo "{\\"event\\": \\"kernel\\", \\"pid\\": $!}"` : ""}
echo '{"event": "started"}'
exec sleep 600
`,
  );
  await Deno.chmod(path, 0o755);
  return path;
}

/** Whether `pid` is a live `sleep` (not gone, not a zombie), as `ps` sees it. */
async function alive(pid: number): Promise<boolean> {
  const { stdout } = await new Deno.Command("ps", {
    args: ["-o", "stat=,comm=", "-p", String(pid)],
    stdout: "piped",
    stderr: "null",
  }).output();
  return /^[^Z]\S*\s+sleep$/.test(new TextDecoder().decode(stdout).trim());
}

/** Runs the stand-in, aborts once its "kernel" is up; the seconds from abort to rejection. */
async function abortStandIn(
  python: string,
): Promise<{ seconds: number; error: unknown; pid: number }> {
  const controller = new AbortController();
  const run = executeNotebook(NOTEBOOK, {
    cwd: DIR,
    python,
    jupyterPath: DIR,
    signal: controller.signal,
  });
  const pid = await waitFor("the stand-in's kernel", async () => {
    const text = await Deno.readTextFile(`${DIR}/kernel.pid`).catch(() => "");
    return /^\d+\n$/.test(text) ? Number(text) : undefined;
  }, 10);
  const start = performance.now();
  assert.ok(await alive(pid), "the stand-in's kernel runs before the abort");
  controller.abort();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const error = await Promise.race([
    run.then(() => undefined, (error) => error),
    new Promise((resolve) => timer = setTimeout(() => resolve("still waiting after 30 s"), 30_000)),
  ]);
  clearTimeout(timer);
  return { seconds: (performance.now() - start) / 1000, error, pid };
}

Deno.test("executeNotebook kills the kernel of an execute.py that ignores SIGTERM, and ends within seconds", async () => {
  const { seconds, error, pid } = await abortStandIn(await standIn(true, true));
  try {
    assert.ok(error instanceof Interrupted, `rejected with ${error}`);
    // SIGTERM, 10 s for execute.py to shut down, then SIGKILL to it and its kernel.
    assert.ok(seconds < 13, `ended ${seconds.toFixed(1)} s after the abort`);
    const gone = await waitFor(
      "the kernel to be gone",
      async () => !(await alive(pid)) || undefined,
      2,
    )
      .catch(() => false);
    assert.ok(gone, `the kernel (pid ${pid}) is still running`);
  } finally {
    await killGroup(pid);
  }
});

Deno.test("executeNotebook does not wait on pipes held by a process it cannot name", async () => {
  // execute.py killed before it reported its kernel: the CLI cannot stop what holds the pipes,
  // but must not wait on them.
  const { seconds, error, pid } = await abortStandIn(await standIn(false, false));
  try {
    assert.ok(error instanceof Interrupted, `rejected with ${error}`);
    assert.ok(seconds < 15, `ended ${seconds.toFixed(1)} s after the abort`);
    assert.ok(await alive(pid), "the holder is alive: the wait was bounded, not ended by its exit");
  } finally {
    await killGroup(pid);
  }
});

async function killGroup(pid: number): Promise<void> {
  for (const target of [-pid, pid]) {
    try {
      Deno.kill(target, "SIGKILL");
    } catch { /* gone */ }
  }
  await waitFor("the stand-in's kernel to end", async () => !(await alive(pid)) || undefined, 5)
    .catch(() => {});
}

Deno.test("executeNotebook numbers the cells that ran from 1 and clears the cells after a failure", async () => {
  // A stand-in execute.py that reports two cells, the second one failed, in its own counts.
  const stream = { output_type: "stream", name: "stdout", text: "a\n" };
  const result = { output_type: "execute_result", execution_count: 5, data: { "text/plain": "2" } };
  const error = { ename: "Error", evalue: "x", traceback: ["Error: x"] };
  const events = [
    { event: "started" },
    { event: "cell", index: 0, status: "ok", execution_count: 5, outputs: [stream, result] },
    {
      event: "cell",
      index: 1,
      status: "error",
      execution_count: 6,
      outputs: [{ output_type: "error", ...error }],
      error,
    },
  ];
  await Deno.mkdir(DIR, { recursive: true });
  const python = `${DIR}/python-scripted`;
  await Deno.writeTextFile(
    python,
    `#!/bin/bash\nread -r request\ncat <<'EVENTS'\n${
      events.map((e) => JSON.stringify(e)).join("\n")
    }\nEVENTS\n`,
  );
  await Deno.chmod(python, 0o755);
  const stale = [{ output_type: "stream" as const, name: "stdout", text: "stale\n" }];
  const code = (source: string) => ({
    cell_type: "code" as const,
    source,
    metadata: {},
    outputs: stale,
    execution_count: 9,
  });
  const notebook: Notebook = {
    cells: [
      { cell_type: "markdown", source: "# Title", metadata: {} },
      code("console.log('a'); 1 + 1"),
      code("throw new Error('x')"),
      code("3"),
      { cell_type: "raw", source: "raw", metadata: {} },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
  const run = await executeNotebook(notebook, { cwd: DIR, python, jupyterPath: DIR });
  assert.deepEqual(run.notebook.cells, [
    notebook.cells[0],
    {
      ...notebook.cells[1],
      execution_count: 1,
      outputs: [stream, { ...result, execution_count: 1 }],
    },
    { ...notebook.cells[2], execution_count: 2, outputs: [{ output_type: "error", ...error }] },
    { ...notebook.cells[3], execution_count: null, outputs: [] },
    notebook.cells[4],
  ]);
  assert.deepEqual(run.failure, { cellIndex: 2, source: "throw new Error('x')", ...error });
});
