/**
 * executeNotebook() at a kernel's start: execute.py's own handshake (a kernel_info request
 * whose idle status must arrive on iopub) instead of jupyter_client's fixed waits.
 */

import assert from "node:assert/strict";
import { executeNotebook, ExecutionError } from "../../src/runner/execute.ts";
import type { Notebook } from "../../src/runner/notebook.ts";
import { OUT } from "./_cli.ts";

/** A notebook of one code cell. */
function oneCell(source: string): Notebook {
  return {
    cells: [{ cell_type: "code", source, metadata: {}, outputs: [], execution_count: null }],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
}

Deno.test("executeNotebook reports a kernel that exits before it answers, in one line, within seconds", async () => {
  const jupyterPath = `${OUT}/start-exits`;
  await Deno.mkdir(`${jupyterPath}/kernels/exits`, { recursive: true });
  await Deno.writeTextFile(
    `${jupyterPath}/kernels/exits/kernel.json`,
    JSON.stringify({ argv: ["/bin/sh", "-c", "exit 3"], display_name: "exits", language: "sh" }),
  );
  const start = performance.now();
  const error = await executeNotebook(oneCell("1"), { cwd: OUT, kernel: "exits", jupyterPath })
    .then(() => undefined, (error) => error);
  const seconds = (performance.now() - start) / 1000;
  assert.ok(error instanceof ExecutionError, `rejected with ${error}`);
  assert.equal(
    error.message,
    "Cannot execute notebook: Cannot start kernel: the kernel exited (code 3) before it answered " +
      "(started 2 times)",
  );
  assert.ok(seconds < 10, `took ${seconds.toFixed(1)} s`);
});

Deno.test("executeNotebook quotes the last line a kernel that will not start wrote to stderr", async () => {
  const jupyterPath = `${OUT}/start-says-why`;
  await Deno.mkdir(`${jupyterPath}/kernels/says-why`, { recursive: true });
  const script = "echo 'loading the kernel' >&2; echo 'error: no such module: boom' >&2; exit 3";
  await Deno.writeTextFile(
    `${jupyterPath}/kernels/says-why/kernel.json`,
    JSON.stringify({ argv: ["/bin/sh", "-c", script], display_name: "says-why", language: "sh" }),
  );
  const error = await executeNotebook(oneCell("1"), { cwd: OUT, kernel: "says-why", jupyterPath })
    .then(() => undefined, (error) => error);
  assert.ok(error instanceof ExecutionError, `rejected with ${error}`);
  assert.equal(
    error.message,
    "Cannot execute notebook: Cannot start kernel: the kernel exited (code 3) before it answered " +
      "(started 2 times) (its stderr ends: error: no such module: boom)",
  );
});

Deno.test("executeNotebook starts a kernel that exits at its first start once more, and runs", async () => {
  // As when another process takes one of its ports before it binds them.
  const jupyterPath = `${OUT}/start-flaky`;
  const mark = `${await Deno.realPath(OUT)}/start-flaky/started-once`;
  await Deno.mkdir(`${jupyterPath}/kernels/flaky`, { recursive: true });
  await Deno.remove(mark).catch(() => {});
  const script = `[ -e "${mark}" ] && exec "${Deno.execPath()}" jupyter --kernel --conn "$1"; ` +
    `touch "${mark}"; exit 1`;
  await Deno.writeTextFile(
    `${jupyterPath}/kernels/flaky/kernel.json`,
    JSON.stringify({
      argv: ["/bin/sh", "-c", script, "flaky", "{connection_file}"],
      display_name: "flaky",
      language: "typescript",
    }),
  );
  const { notebook, failure } = await executeNotebook(oneCell("6 * 7"), {
    cwd: OUT,
    kernel: "flaky",
    jupyterPath,
  });
  assert.equal(failure, undefined);
  assert.ok(await Deno.stat(mark).then(() => true, () => false), "the first start exited");
  assert.deepEqual(notebook.cells[0].outputs?.map((o) => o.data?.["text/plain"]), ["42"]);
});

Deno.test("executeNotebook keeps what the first cell prints at once, in five fresh kernels", async () => {
  // Printed before the handshake proved iopub connected, it would be lost.
  for (let run = 0; run < 5; run++) {
    const { notebook, failure } = await executeNotebook(oneCell(`console.log("run ${run}")`), {
      cwd: OUT,
    });
    assert.equal(failure, undefined);
    assert.deepEqual(notebook.cells[0].outputs, [
      { output_type: "stream", name: "stdout", text: `run ${run}\n` },
    ]);
  }
});

Deno.test("executeNotebook stops a kernel that never answers, in one line, after its start-up time", async () => {
  const jupyterPath = `${OUT}/start-hangs`;
  const pidFile = `${await Deno.realPath(OUT)}/start-hangs/pid`;
  await Deno.mkdir(`${jupyterPath}/kernels/hangs`, { recursive: true });
  await Deno.remove(pidFile).catch(() => {});
  await Deno.writeTextFile(
    `${jupyterPath}/kernels/hangs/kernel.json`,
    JSON.stringify({
      argv: ["/bin/sh", "-c", `echo $$ > "${pidFile}"; exec sleep 600`],
      display_name: "hangs",
      language: "sh",
    }),
  );
  const start = performance.now();
  const error = await executeNotebook(oneCell("1"), {
    cwd: OUT,
    kernel: "hangs",
    jupyterPath,
    startupTimeout: 2,
  }).then(() => undefined, (error) => error);
  const seconds = (performance.now() - start) / 1000;
  assert.ok(error instanceof ExecutionError, `rejected with ${error}`);
  assert.equal(
    error.message,
    "Cannot execute notebook: Cannot start kernel: the kernel did not answer within 2 s",
  );
  assert.ok(seconds < 10, `took ${seconds.toFixed(1)} s`);
  const pid = Number(await Deno.readTextFile(pidFile));
  assert.ok(pid > 0, "the kernel started");
  assert.equal(await isRunning(pid), false, `the kernel (pid ${pid}) is stopped`);
});

/** Whether a process with this id is running (`kill -0`). */
async function isRunning(pid: number): Promise<boolean> {
  const { code } = await new Deno.Command("/bin/sh", {
    args: ["-c", `kill -0 ${pid} 2>/dev/null`],
  }).output();
  return code === 0;
}
