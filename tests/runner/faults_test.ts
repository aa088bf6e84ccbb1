/**
 * Runner faults, each with a small fixture notebook: a kernel that dies, a file that is not a
 * notebook, an output folder it may not write, an interrupted run, outputs that come late, and
 * notebooks run two at a time. Each fault is one clear message within seconds, loses nothing,
 * leaves no process behind and never a half-written file.
 */
import assert from "node:assert/strict";
import { writeTextFileAtomic } from "../../src/runner/files.ts";
import type { Output } from "../../src/runner/notebook.ts";
import {
  FIXTURES,
  joined,
  killTagged,
  OUT,
  processesLeft,
  processesTagged,
  readBuilt,
  runCli,
  spawnCli,
  TASK_PERMISSIONS,
  waitFor,
} from "./_cli.ts";

function streams(outputs: Output[] | undefined, name: string): string {
  return (outputs ?? []).filter((o) => o.output_type === "stream" && o.name === name)
    .map((o) => joined(o.text)).join("");
}

Deno.test("runner reports a kernel that dies in a cell at once, keeps its output and runs the next notebook", async () => {
  const start = performance.now();
  const { code, output } = await runCli([
    `${FIXTURES}/kernel_dies.ipynb`,
    `${FIXTURES}/hello.ipynb`,
    "--timeout",
    "100",
  ]);
  const seconds = (performance.now() - start) / 1000;
  assert.equal(code, 1, output);
  assert.ok(seconds < 100, `reported in ${seconds} s, not after the 100 s cell timeout`);
  // Its notebook's time (kernel start, a 0.3 s cell, the death noticed) stays below the 10 s the
  // runner would wait for a cell's last output, and the 20 s it gives a kernel to start.
  const dies = Number(output.match(/kernel_dies\s+([\d.]+) s\s+FAILED/)?.[1]);
  assert.ok(dies < 10, `the death noticed after ${dies} s of the notebook: ${output}`);
  assert.match(output, /the kernel died \(exit code 3\) while running cell 2/);
  assert.match(output, /hello\s+[\d.]+ s\s+ok/);
  const notebook = await readBuilt("kernel_dies");
  assert.equal(streams(notebook.cells[1].outputs, "stdout"), "before\n");
  assert.equal(streams(notebook.cells[2].outputs, "stdout"), "exiting with code 3\n");
  assert.deepEqual(notebook.cells[3].outputs, [], "the cell after the death did not run");
  assert.equal(streams((await readBuilt("hello")).cells[1].outputs, "stdout"), "hello\n");
});

Deno.test("runner refuses a file that is not a notebook with one line naming it, exit code 2", async (t) => {
  await Deno.mkdir(OUT, { recursive: true });
  const cut = `${OUT}/cut_short.ipynb`;
  const hello = await Deno.readTextFile(`${FIXTURES}/hello.ipynb`);
  await Deno.writeTextFile(cut, hello.slice(0, hello.length / 2));
  const cases = [
    { name: "damaged JSON (a notebook cut short)", path: cut, problem: /is not valid JSON/ },
    { name: "nbformat 3", path: `${FIXTURES}/nbformat3.ipynb`, problem: /nbformat=3/ },
  ];
  for (const { name, path, problem } of cases) {
    await t.step(name, async () => {
      const { code, output } = await runCli([path, `${FIXTURES}/hello.ipynb`]);
      assert.equal(code, 2, output);
      assert.equal(output.split("\n").length, 1, `one line: ${output}`);
      assert.ok(output.startsWith(`Cannot read ${path} as an nbformat 4 notebook: `), output);
      assert.match(output, problem);
      assert.doesNotMatch(output, /\bat .*:\d+:\d+/, "no stack trace");
    });
  }
});

Deno.test("runner refuses an output folder it may not write with one line, exit code 2", async (t) => {
  await t.step("a folder outside what the task may write (build/)", async () => {
    const out = await Deno.realPath("/tmp");
    const { code, output } = await runCli([`${FIXTURES}/hello.ipynb`], { out: `${out}/relu-lab` });
    assert.equal(code, 2, output);
    assert.equal(output.split("\n").length, 1, `one line: ${output}`);
    assert.match(output, /^Cannot write to \/tmp\/relu-lab as this run may not write there/);
    assert.match(output, /--out build\/NAME/);
  });
  await t.step("a folder that cannot exist (below a file)", async () => {
    await Deno.mkdir(OUT, { recursive: true });
    await Deno.writeTextFile(`${OUT}/a-file`, "");
    const { code, output } = await runCli([`${FIXTURES}/hello.ipynb`], {
      out: `${OUT}/a-file/pages`,
    });
    assert.equal(code, 2, output);
    assert.equal(output.split("\n").length, 1, `one line: ${output}`);
    assert.match(output, /^Cannot write to build\/test-runner\/a-file\/pages: /);
  });
});

Deno.test("runner keeps every late output in its own cell: 20 cells of 40 lines, twice", async () => {
  for (let run = 0; run < 2; run++) {
    const { code, output } = await runCli([`${FIXTURES}/late_output.ipynb`]);
    assert.equal(code, 0, output);
    const cells = (await readBuilt("late_output")).cells.filter((c) => c.cell_type === "code");
    assert.equal(cells.length, 20);
    cells.forEach((cell, k) => {
      const expected = Array.from({ length: 40 }, (_, line) => `cell ${k} line ${line}\n`);
      assert.equal(streams(cell.outputs, "stdout"), expected.join(""), `run ${run}, cell ${k}`);
      assert.equal(streams(cell.outputs, "stderr"), `cell ${k} done\n`, `run ${run}, cell ${k}`);
    });
  }
});

Deno.test("runner does not wait out each cell after a cell replaces console.log", async () => {
  // Each cell's end is marked by a line printed with the kernel's own console.log, kept aside
  // before any cell could replace it; waiting for a marker that never comes would cost 10 s a
  // cell (80 s here).
  const start = performance.now();
  const { code, output } = await runCli([`${FIXTURES}/silences_console.ipynb`]);
  const seconds = (performance.now() - start) / 1000;
  assert.equal(code, 0, output);
  assert.ok(seconds < 60, `took ${seconds} s`);
  const cells = (await readBuilt("silences_console")).cells;
  assert.equal(streams(cells[1].outputs, "stdout"), "before\n");
  for (let k = 3; k < 11; k++) {
    assert.equal(streams(cells[k].outputs, "stderr"), `cell ${k}\n`);
    assert.equal(streams(cells[k].outputs, "stdout"), "");
  }
});

Deno.test("runner --jobs 2 runs two notebooks at once and prints their lines in the given order", async () => {
  await Deno.remove(`${OUT}/jobs`, { recursive: true }).catch(() => {});
  const { code, output } = await runCli([
    "--jobs",
    "2",
    `${FIXTURES}/waits_for_hello.ipynb`,
    `${FIXTURES}/writes_flag.ipynb`,
  ]);
  assert.equal(code, 0, output);
  // The first notebook ends only once the second has written its flag: they ran side by side.
  const waited = await readBuilt("waits_for_hello");
  assert.equal(streams(waited.cells[1].outputs, "stdout"), "saw the flag\n");
  const lines = output.split("\n");
  assert.match(lines[0], /^waits_for_hello\s+[\d.]+ s\s+ok$/);
  assert.match(lines[1], /^writes_flag\s+[\d.]+ s\s+ok$/);
  assert.equal(lines.length, 3, output);
});

Deno.test("runner --jobs refuses what is not a whole number >= 1", async () => {
  for (const jobs of ["0", "1.5", "two"]) {
    const { code, output } = await runCli(["--jobs", jobs, `${FIXTURES}/hello.ipynb`]);
    assert.equal(code, 2);
    assert.match(output, /^--jobs must be a whole number >= 1/);
  }
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  Deno.test(`runner interrupted by ${signal}: kernels shut down, no process left, nothing stored`, async () => {
    const tag = crypto.randomUUID();
    const out = `${OUT}/interrupted-${signal}`;
    await Deno.remove(out, { recursive: true }).catch(() => {});
    const child = spawnCli(
      [
        "--no-update",
        "--jobs",
        "2",
        "--out",
        out,
        ...["slow_print", "hello", "slow"].map(
          (name) => `${FIXTURES}/${name}.ipynb`,
        ),
      ],
      { tag },
    );
    try {
      // Both slow notebooks' kernels running: two kernels at once, so the short one has ended
      // (two run at a time, in the given order) and both slow ones have started.
      await waitFor("two kernels", async () => {
        const kernels = (await processesTagged(tag)).filter((p) =>
          /jupyter --kernel/.test(p.command)
        );
        return kernels.length >= 2 ? kernels : undefined;
      });
      const start = performance.now();
      child.kill(signal);
      const { code, stdout, stderr } = await child.output();
      const seconds = (performance.now() - start) / 1000;
      const text = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
      assert.equal(code, signal === "SIGINT" ? 130 : 143, text);
      // Below the 10 s after which the runner kills a kernel that would not shut down: the
      // kernels shut down when asked.
      assert.ok(seconds < 10, `ended ${seconds} s after the signal`);
      // One line about the interruption; the rest are the report lines of finished notebooks.
      const other = text.trim().split("\n").filter((line) => !/^\S+\s+[\d.]+ s\s+ok$/.test(line));
      assert.equal(other.length, 1, text);
      assert.match(other[0], new RegExp(`^Interrupted by ${signal}: kernels shut down`));
      const left = await processesLeft(tag, 5);
      assert.deepEqual(left, [], "processes of the run still alive");
      for (const name of ["slow_print", "slow"]) {
        await assert.rejects(Deno.stat(`${out}/${name}.ipynb`), Deno.errors.NotFound);
      }
      const leftovers = [...Deno.readDirSync(out)].filter((e) => e.name.endsWith(".tmp"));
      assert.deepEqual(leftovers, [], "no temporary file left");
    } finally {
      await killTagged(tag);
    }
  });
}

Deno.test("runner hung up (SIGHUP to its process group, the terminal closed): one line, exit 129, no kernel or connection file left", async () => {
  const tag = crypto.randomUUID();
  const out = `${OUT}/hung-up`;
  // setsid: the CLI leads a process group of its own, as a shell's foreground job does.
  const child = new Deno.Command("setsid", {
    args: [
      Deno.execPath(),
      "run",
      ...TASK_PERMISSIONS,
      "src/runner/cli.ts",
      ...["--no-update", "--jobs", "2", "--out", out],
      ...["slow_print", "slow"].map((name) => `${FIXTURES}/${name}.ipynb`),
    ],
    env: { NO_COLOR: "1", RELU_LAB_TEST_RUN: tag },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  try {
    const kernels = await waitFor("two kernels", async () => {
      const kernels = (await processesTagged(tag)).filter((p) =>
        /jupyter --kernel/.test(p.command)
      );
      return kernels.length >= 2 ? kernels : undefined;
    });
    const connections = kernels.map((kernel) => kernel.command.match(/--conn\s+(\S+\.json)/)![1]);
    const start = performance.now();
    Deno.kill(-child.pid, "SIGHUP");
    const { code, stdout, stderr } = await child.output();
    const seconds = (performance.now() - start) / 1000;
    const text = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
    assert.equal(code, 129, text);
    assert.ok(seconds < 10, `ended ${seconds} s after the signal`);
    assert.match(
      text.trim(),
      /^Interrupted by SIGHUP: kernels shut down; 0 of 2 notebooks finished/,
    );
    assert.equal(text.trim().split("\n").length, 1, text);
    assert.deepEqual(await processesLeft(tag, 5), [], "processes of the run still alive");
    for (const connection of connections) {
      await assert.rejects(Deno.stat(connection), Deno.errors.NotFound, `${connection} left`);
    }
  } finally {
    await killTagged(tag);
  }
});

Deno.test("runner killed outright (SIGKILL): its kernels shut themselves down", async () => {
  const tag = crypto.randomUUID();
  const child = spawnCli(
    ["--no-update", "--out", `${OUT}/killed`, `${FIXTURES}/slow_print.ipynb`],
    {
      tag,
    },
  );
  try {
    await waitFor("the kernel", async () => {
      const kernels = (await processesTagged(tag)).filter((p) =>
        /jupyter --kernel/.test(p.command)
      );
      return kernels.length > 0 ? kernels : undefined;
    });
    child.kill("SIGKILL");
    await child.output();
    const left = await processesLeft(tag, 15);
    assert.deepEqual(left, [], "processes of the run still alive");
  } finally {
    await killTagged(tag);
  }
});

Deno.test("writeTextFileAtomic() lets a reader see the old text or the new one, never a part", async (t) => {
  await Deno.mkdir(OUT, { recursive: true });
  const path = `${OUT}/atomic.ipynb`;
  const old = "old ".repeat(1 << 18);
  const next = "new ".repeat(1 << 20);
  await Deno.writeTextFile(path, old);

  await t.step("while it writes 4 MiB, every read is whole", async () => {
    let writing = true;
    const seen = new Set<string>();
    const reader = (async () => {
      while (writing) {
        const text = await Deno.readTextFile(path);
        seen.add(text === old ? "old" : text === next ? "new" : `partial (${text.length})`);
      }
    })();
    for (let i = 0; i < 5; i++) {
      await writeTextFileAtomic(path, i % 2 === 0 ? next : old);
    }
    writing = false;
    await reader;
    assert.deepEqual([...seen].filter((s) => s.startsWith("partial")), []);
    // The reader read while the writes went on: it saw the text before them and after one.
    assert.ok(seen.has("old") && seen.has("new"), `the reader saw ${[...seen]}`);
    assert.equal(await Deno.readTextFile(path), next);
  });

  await t.step(
    "a write that fails part-way (over the file-size limit) leaves the old text and no temporary file",
    async () => {
      // A child process limited to files of 256 KiB (SIGXFSZ ignored, so the write fails with an
      // error) writes 6 MiB over the same path: the temporary file is made, then the write fails.
      const script = `${OUT}/write_over_limit.ts`;
      const files = new URL("../../src/runner/files.ts", import.meta.url).href;
      await Deno.writeTextFile(
        script,
        `import { writeTextFileAtomic } from "${files}";\n` +
          `await writeTextFileAtomic(Deno.args[0], "newer ".repeat(1 << 20)).then(\n` +
          `  () => console.log("written"),\n` +
          `  (error) => console.log(\`failed: \${error.message}\`),\n` +
          `);\n`,
      );
      const limited = `trap '' XFSZ; ulimit -f 256; exec "$0" run --no-config -A "$1" "$2"`;
      const { stdout } = await new Deno.Command("bash", {
        args: ["-c", limited, Deno.execPath(), script, path],
        stderr: "inherit",
      }).output();
      assert.match(new TextDecoder().decode(stdout), /^failed: /);
      assert.equal(await Deno.readTextFile(path), next, "the old text, whole");
      const leftovers = [...Deno.readDirSync(OUT)].filter((e) => e.name.endsWith(".tmp"));
      assert.deepEqual(leftovers, []);
    },
  );
});

Deno.test("runner leaves a notebook whole, old or new, when stopped while its kernel runs or just after", async () => {
  // The notebook is stale (no outputs), so a finished run rewrites it. The run is stopped at
  // several moments: while its kernel runs, and 0 to 300 ms after the kernel's Python has
  // exited, when the runner writes build/hello.ipynb, the page, then the notebook itself. Those
  // later moments are seen through `ps`, polled every 100 ms or more, and the writes take a few
  // milliseconds, so most runs have finished by then (each outcome is printed): the moment that
  // always stops the run is the first, and a write that fails part-way is tested on
  // writeTextFileAtomic() itself, above.
  const dir = `${OUT}/store`;
  await Deno.mkdir(dir, { recursive: true });
  const path = `${dir}/hello.ipynb`;
  const old = await Deno.readTextFile(`${FIXTURES}/hello.ipynb`);
  await Deno.writeTextFile(path, old);
  const full = spawnCli(["--update", "--out", `${dir}/out`, path], { tag: crypto.randomUUID() });
  assert.equal((await full.output()).code, 0);
  const fresh = await Deno.readTextFile(path);
  assert.notEqual(fresh, old);

  const moments = [
    { signal: "SIGTERM", after: "kernel", ms: 0 },
    { signal: "SIGTERM", after: "python", ms: 0 },
    { signal: "SIGTERM", after: "python", ms: 100 },
    { signal: "SIGKILL", after: "python", ms: 0 },
    { signal: "SIGKILL", after: "python", ms: 100 },
    { signal: "SIGKILL", after: "python", ms: 300 },
  ] as const;
  const outcomes: string[] = [];
  for (const { signal, after, ms } of moments) {
    await Deno.writeTextFile(path, old);
    const tag = crypto.randomUUID();
    const child = spawnCli(["--update", "--out", `${dir}/out`, path], { tag });
    try {
      const python = await waitFor("the kernel", async () => {
        const processes = await processesTagged(tag);
        return processes.some((p) => /jupyter --kernel/.test(p.command)) ? processes : undefined;
      }).then((processes) => processes.find((p) => /execute\.py/.test(p.command)));
      assert.ok(python, "the run's execute.py was found");
      if (after === "python") {
        await waitFor("the Python to exit", async () => {
          const alive = (await processesTagged(tag)).some((p) => p.pid === python.pid);
          return alive ? undefined : true;
        });
      }
      await new Promise((resolve) => setTimeout(resolve, ms));
      try {
        child.kill(signal);
      } catch { /* it had finished */ }
      const status = await child.output();
      // Stopped by the signal (SIGKILL), or by its handler (SIGTERM: exit 143), not finished.
      const wasStopped = status.signal === "SIGKILL" || status.code === 143;
      const text = await Deno.readTextFile(path);
      const moment = `${signal} ${ms} ms after the ${after}`;
      assert.ok(text === old || text === fresh, `a partial notebook after ${moment}`);
      outcomes.push(
        `${moment}: ${wasStopped ? "stopped" : "finished"}, ${text === old ? "old" : "new"}`,
      );
      if (signal === "SIGTERM") {
        for (const folder of [dir, `${dir}/out`]) {
          const leftovers = [...Deno.readDirSync(folder)].filter((e) => e.name.endsWith(".tmp"));
          assert.deepEqual(leftovers, [], `temporary files left in ${folder} after ${moment}`);
        }
      }
    } finally {
      await killTagged(tag);
    }
  }
  console.log(`stored notebook: ${outcomes.join("; ")}`);
  // The first moment (while the kernel runs) always stops the run, leaving the old notebook.
  assert.match(outcomes[0], /: stopped, old$/);
});
