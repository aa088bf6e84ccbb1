/**
 * executeNotebook() against stand-ins for execute.py, shell scripts run as its Python. One
 * prints scripted events: the cells that ran, a failure, a timeout, a dead kernel, a fatal
 * error, a line that is not JSON, or an exit before any cell ended. Another will not stop: it
 * ignores SIGTERM and leaves a "kernel" (a `sleep`) holding its output pipes, as a hung
 * execute.py with a live kernel would; the CLI must still end within seconds and leave no
 * kernel behind.
 */

import assert from "node:assert/strict";
import { executeNotebook, ExecutionError, Interrupted } from "../../src/runner/execute.ts";
import type { Notebook } from "../../src/runner/notebook.ts";
import { notebookOf, OUT, waitFor, writeScript } from "./_cli.ts";

const DIR = `${OUT}/execute-stand-in`;

const NOTEBOOK: Notebook = {
  cells: [{ cell_type: "code", source: "1", metadata: {}, outputs: [], execution_count: null }],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
};

/**
 * Writes `body` as a bash script to run in execute.py's place, `<DIR>/python-<name>`, and
 * removes the `kernel.pid` a stand-in before it may have left.
 */
async function bashStandIn(name: string, body: string): Promise<string> {
  await Deno.mkdir(DIR, { recursive: true });
  await Deno.remove(`${DIR}/kernel.pid`).catch(() => {});
  return await writeScript(`${DIR}/python-${name}`, `#!/bin/bash\n${body}`);
}

/**
 * Writes a stand-in Python: it ignores SIGTERM, starts `sleep 60` (in a new session when
 * `ownGroup`, as jupyter_client starts kernels) with its stdout and stderr, writes its pid to
 * `kernel.pid`, reports it to the CLI when `report`, and then waits for ever.
 */
function standIn(ownGroup: boolean, report: boolean): Promise<string> {
  return bashStandIn(
    "hung",
    `trap '' TERM
read -r request
${ownGroup ? "setsid " : ""}sleep 60 &
echo $! > ${DIR}/kernel.pid
${report ? `echo "{\\"event\\": \\"kernel\\", \\"pid\\": $!}"` : ""}
echo '{"event": "started"}'
exec sleep 600
`,
  );
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
    await assertGone(pid);
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

/** Asserts that the process `pid` ends within 2 s. */
async function assertGone(pid: number): Promise<void> {
  const gone = await waitFor(
    "the kernel to be gone",
    async () => !(await alive(pid)) || undefined,
    2,
  )
    .catch(() => false);
  assert.ok(gone, `the kernel (pid ${pid}) is still running`);
}

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
  const python = await scripted("cells", events);
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

/**
 * Writes a stand-in execute.py that reads the request, prints `events` (objects as JSON lines,
 * strings as they are), writes `stderr` and exits with `code`.
 */
function scripted(
  name: string,
  events: (Record<string, unknown> | string)[],
  options: { stderr?: string; code?: number } = {},
): Promise<string> {
  const lines = events.map((e) => typeof e === "string" ? e : JSON.stringify(e));
  return bashStandIn(
    name,
    `read -r request\ncat <<'EVENTS'\n${lines.join("\n")}\nEVENTS\n` +
      `cat >&2 <<'STDERR'\n${options.stderr ?? ""}\nSTDERR\nexit ${options.code ?? 0}\n`,
  );
}

const ONE_CELL = notebookOf("Title", ["await sleep()"]);

async function runScripted(
  name: string,
  events: (Record<string, unknown> | string)[],
  options: { stderr?: string; code?: number } = {},
) {
  const python = await scripted(name, events, options);
  return executeNotebook(ONE_CELL, { cwd: DIR, python, jupyterPath: DIR });
}

Deno.test("executeNotebook reads long output whole, characters split across reads included", async () => {
  // 3-byte characters over many pipe reads: the reads' boundaries fall inside characters.
  const text = "€".repeat(300_000) + "\n";
  const outputs = [{ output_type: "stream", name: "stdout", text }];
  const run = await runScripted("long", [
    { event: "started" },
    { event: "cell", index: 0, status: "ok", outputs },
    { event: "done" },
  ]);
  assert.equal(run.notebook.cells[1].outputs?.[0].text, text);
});

Deno.test("executeNotebook reports a timeout or a dead kernel as the failure of its cell", async (t) => {
  const started = { event: "started" };
  const outputs = [{ output_type: "stream", name: "stdout", text: "half\n" }];
  await t.step(
    "a timeout: the cell keeps what it printed; the hint says how to allow more",
    async () => {
      const run = await runScripted("timeout", [started, {
        event: "timeout",
        index: 0,
        seconds: 3,
        outputs,
      }]);
      assert.deepEqual(run.notebook.cells[1], {
        ...ONE_CELL.cells[1],
        execution_count: 1,
        outputs,
      });
      assert.deepEqual(run.failure, {
        cellIndex: 1,
        source: "await sleep()",
        ename: "Timeout",
        evalue: "the cell ran longer than 3 s",
        traceback: [],
        hint: "raise the limit with --timeout SECONDS, or make the cell do less",
      });
    },
  );
  await t.step("a dead kernel: its signal, its exit code, or that neither is known", async () => {
    for (
      const [exitCode, how] of [
        [-9, "killed by signal 9"],
        [1, "exit code 1"],
        [0, "exit code 0"],
        [null, "exit code unknown"],
      ] as const
    ) {
      const run = await runScripted("died", [started, {
        event: "died",
        index: 0,
        exit_code: exitCode,
        outputs,
      }]);
      assert.equal(run.failure?.ename, "KernelDied");
      assert.equal(run.failure?.evalue, `the kernel died (${how}) while running cell 1`);
      assert.deepEqual(run.notebook.cells[1].outputs, outputs);
    }
  });
});

Deno.test("executeNotebook turns what execute.py could not do into one ExecutionError line", async (t) => {
  const fails = async (promise: Promise<unknown>, message: string) => {
    await assert.rejects(promise, (error: Error) => {
      assert.ok(error instanceof ExecutionError, String(error));
      assert.equal(error.message, message);
      return true;
    });
  };
  await t.step(
    "a fatal event, with the last line of stderr but Deno's unstable warning",
    async () => {
      await fails(
        runScripted("fatal", [{ event: "fatal", message: "no kernel named deno" }], {
          stderr:
            'Traceback (most recent call last):\nNo such kernel\n\n"deno jupyter" is unstable',
        }),
        "Cannot execute notebook: no kernel named deno (its stderr ends: No such kernel)",
      );
      await fails(
        runScripted("fatal-quiet", [{ event: "fatal", message: "no kernel named deno" }]),
        "Cannot execute notebook: no kernel named deno",
      );
    },
  );
  await t.step("a line that is not JSON", async () => {
    await fails(
      runScripted("garbled", [{ event: "started" }, "Traceback (most recent call last):"]),
      "Cannot execute notebook: execute.py wrote a line that is not JSON: " +
        "Traceback (most recent call last):",
    );
  });
  await t.step("an exit before any cell ended, with its code and last words", async () => {
    await fails(
      runScripted("exit", [{ event: "started" }], {
        stderr: "ImportError: jupyter_client",
        code: 3,
      }),
      "Cannot execute notebook: execute.py exited with code 3: ImportError: jupyter_client",
    );
  });
  await t.step("a Python that cannot be run at all: its path and the system's reason", async () => {
    const python = `${DIR}/no-such-python`;
    await assert.rejects(
      executeNotebook(ONE_CELL, { cwd: DIR, python, jupyterPath: DIR }),
      (error: Error) =>
        error instanceof ExecutionError && error.message.startsWith(`Cannot run ${python}: `) &&
        error.message.includes("No such file or directory") && !error.message.includes("\n"),
    );
  });
});

Deno.test("executeNotebook says what to check when the kernel gives no detail", async (t) => {
  const bare = { ename: "Error", evalue: "Execution failed", traceback: [] as string[] };
  const hintFor = async (name: string, source: string, error = bare) => {
    const python = await scripted(name, [
      { event: "started" },
      { event: "cell", index: 0, status: "error", outputs: [], error },
    ]);
    const notebook = { ...ONE_CELL, cells: [{ ...ONE_CELL.cells[1], source }] };
    return (await executeNotebook(notebook, { cwd: DIR, python, jupyterPath: DIR })).failure?.hint;
  };
  await t.step("a cell with imports: the packages to check, then the syntax", async () => {
    assert.equal(
      await hintFor(
        "bare-imports",
        'import { a } from "npm:pkg@1";\nconst m = await import("lib");',
      ),
      "the kernel gave no detail: check that npm:pkg@1, lib can be fetched or resolved (npm " +
        'name and version, deno.json "imports", network), and check the syntax: copy the cell ' +
        "into a .ts file and run `deno check` on it",
    );
  });
  await t.step("one import is named as well", async () => {
    assert.match(
      await hintFor("bare-one", 'import "npm:one@2";') ?? "",
      /check that npm:one@2 can/,
    );
  });
  await t.step("relative imports are not packages: the syntax alone", async () => {
    assert.equal(
      await hintFor("bare-relative", 'import { b } from "./b.ts";\nlet x = ;'),
      "the kernel gave no detail, which usually means a syntax error: copy the cell into a .ts " +
        "file and run `deno check` on it",
    );
  });
  await t.step("an error with a traceback or another message needs no hint", async () => {
    assert.equal(await hintFor("traced", "f()", { ...bare, traceback: ["at f"] }), undefined);
    assert.equal(await hintFor("other", "f()", { ...bare, evalue: "f is not defined" }), undefined);
  });
});

Deno.test("executeNotebook gives an execute.py that stops on SIGTERM the time to shut its kernel down", async () => {
  // A stand-in that, on SIGTERM, takes a second to "shut its kernel down", notes it, and exits.
  await Deno.remove(`${DIR}/shut-down`).catch(() => {});
  const python = await bashStandIn(
    "polite",
    `trap 'sleep 1; kill $kernel; echo done > ${DIR}/shut-down; exit 0' TERM
read -r request
echo '{"event": "started"}'
sleep 600 &
kernel=$!
echo $kernel > ${DIR}/kernel.pid
wait $kernel
`,
  );
  const { error, pid } = await abortStandIn(python);
  try {
    assert.ok(error instanceof Interrupted, `rejected with ${error}`);
    assert.equal(
      await Deno.readTextFile(`${DIR}/shut-down`),
      "done\n",
      "it shut down in its own time",
    );
  } finally {
    await killGroup(pid);
  }
});

Deno.test("executeNotebook kills the kernel of an execute.py that a signal killed", async () => {
  // execute.py dies of SIGKILL (the OOM killer, say) after starting its kernel in a new session.
  const python = await bashStandIn(
    "killed",
    `read -r request
setsid sleep 60 &
echo $! > ${DIR}/kernel.pid
echo "{\\"event\\": \\"kernel\\", \\"pid\\": $!}"
echo '{"event": "started"}'
kill -KILL $$
`,
  );
  await assert.rejects(
    executeNotebook(NOTEBOOK, { cwd: DIR, python, jupyterPath: DIR }),
    ExecutionError,
  );
  const pid = Number(await Deno.readTextFile(`${DIR}/kernel.pid`));
  try {
    await assertGone(pid);
  } finally {
    await killGroup(pid);
  }
});
