/**
 * The CLI's one-line answers to faults outside a cell: outputs it cannot write, a damaged
 * index.json, a signal before the kernel starts, an --param without "=", a notebook name that is a
 * folder, execute.py interrupted on its own, one Ctrl-C arriving three times.
 */

import assert from "node:assert/strict";
import { executeNotebook, ExecutionError } from "../../src/runner/execute.ts";
import {
  FIXTURES,
  killTagged,
  OUT,
  processesLeft,
  processesTagged,
  runCli,
  scratchDir,
  spawnCli,
  waitFor,
  writeScript,
} from "./_cli.ts";

const DIR = `${OUT}/cli-errors`;

Deno.test("cli: an output file it cannot write gives one line and exit 2, and no .tmp", async () => {
  const out = `${DIR}/blocked`;
  await Deno.remove(out, { recursive: true }).catch(() => {});
  // A folder where the executed notebook goes: its rename fails, as in a folder made read-only.
  await Deno.mkdir(`${out}/hello.ipynb/inside`, { recursive: true });
  const { code, output } = await runCli([`${FIXTURES}/hello.ipynb`], { out });
  assert.equal(code, 2);
  const lines = output.split("\n");
  assert.equal(lines.length, 1, output);
  assert.match(lines[0], new RegExp(`^Cannot write ${out}/hello\\.ipynb: `));
  const left = [...Deno.readDirSync(out)].map((entry) => entry.name);
  assert.deepEqual(left, ["hello.ipynb"]);
});

Deno.test("cli: a damaged index.json is replaced, saying so in one line, its whole entries kept", async () => {
  const earlier = { name: "earlier", title: "Earlier", status: "ok", seconds: 1.5 };
  for (
    const [text, note, names] of [
      ['{"a":1}', /not a list of notebook entries but \{"a":1\}$/, ["hello"]],
      ["[1]", /dropped 1 of its 1 entries that are not notebook entries, the first 1$/, ["hello"]],
      ["[1", /Replacing .*index\.json: /, ["hello"]],
      [
        JSON.stringify([earlier, 1]),
        /dropped 1 of its 2 entries that are not notebook entries, the first 1$/,
        ["earlier", "hello"],
      ],
    ] as const
  ) {
    const out = `${DIR}/index`;
    await Deno.remove(out, { recursive: true }).catch(() => {});
    await Deno.mkdir(out, { recursive: true });
    await Deno.writeTextFile(`${out}/index.json`, text);
    const { code, output } = await runCli([`${FIXTURES}/hello.ipynb`], { out });
    assert.equal(code, 0, output);
    const notes = output.split("\n").filter((line) => line.startsWith("Replacing "));
    assert.equal(notes.length, 1, output);
    assert.match(notes[0], note);
    const index = JSON.parse(await Deno.readTextFile(`${out}/index.json`));
    assert.deepEqual(index.map((entry: { name: string }) => entry.name), names);
    if (names.length === 2) assert.deepEqual(index[0], earlier, "the whole entry, kept as it was");
    assert.match(await Deno.readTextFile(`${out}/index.html`), /hello/);
  }
});

Deno.test("cli: --param without = names the option like the other --param errors", async () => {
  const { code, output } = await runCli(["--param", "alpha", `${FIXTURES}/hello.ipynb`]);
  assert.equal(code, 2);
  assert.equal(output, '--param alpha: no "=" after a name (NAME=VALUE)');
});

Deno.test("cli: a name that is a folder is said to be one; a trailing slash is dropped", async () => {
  await Deno.mkdir(`${DIR}/dir.ipynb`, { recursive: true });
  const said = await runCli([`${DIR}/dir.ipynb`]);
  assert.equal(said.code, 2);
  assert.equal(said.output, `Cannot run notebook "${DIR}/dir.ipynb": ${DIR}/dir.ipynb is a folder`);
  const slash = await runCli([`${DIR}/nope.ipynb/`]);
  assert.equal(
    slash.output,
    `Cannot find notebook "${DIR}/nope.ipynb/": tried ${DIR}/nope.ipynb, ` +
      `notebooks/${DIR}/nope.ipynb in ${Deno.cwd()}`,
  );
});

Deno.test("execute: execute.py interrupted on its own is said to be, not an empty reason", async () => {
  const dir = await scratchDir(DIR, "interrupted");
  const python = await writeScript(`${dir}/bin/python`, "#!/bin/sh\nread -r request\nexit 130\n");
  const code = { cell_type: "code" as const, metadata: {}, source: "1" };
  const notebook = { cells: [code], metadata: {}, nbformat: 4, nbformat_minor: 5 };
  await assert.rejects(executeNotebook(notebook, { cwd: ".", python, jupyterPath: "build" }), (
    error: Error,
  ) => {
    assert.ok(error instanceof ExecutionError);
    assert.equal(
      error.message,
      "Cannot execute notebook: execute.py was interrupted (exit code 130) and wrote nothing to " +
        "stderr",
    );
    return true;
  });
});

Deno.test("cli: a SIGTERM while Jupyter is looked for stops the probe and says so", async () => {
  // A jupyter that is no Python script: the runner asks it `jupyter troubleshoot`, which hangs.
  const dir = await scratchDir(DIR, "probe");
  const started = `${dir}/started`;
  await writeScript(`${dir}/bin/jupyter`, `#!/bin/sh\necho $$ > ${started}\nexec sleep 60\n`);
  const tag = `probe-${crypto.randomUUID()}`;
  const child = spawnCli(["--no-update", "--out", `${DIR}/probe-out`, `${FIXTURES}/hello.ipynb`], {
    tag,
    env: { PATH: `${Deno.realPathSync(dir)}/bin:${Deno.env.get("PATH")}` },
  });
  try {
    const pid = await waitFor("the probe", async () => {
      const text = await Deno.readTextFile(started).catch(() => "");
      return text.trim() ? Number(text) : undefined;
    }, 30);
    const start = performance.now();
    child.kill("SIGTERM");
    const { code, stdout, stderr } = await child.output();
    const seconds = (performance.now() - start) / 1000;
    assert.equal(code, 143);
    // At once: the probe is stopped, not waited out (it would end by itself after 60 s).
    assert.ok(seconds < 5, `ended ${seconds} s after the signal`);
    assert.equal(new TextDecoder().decode(stdout), "");
    assert.equal(
      new TextDecoder().decode(stderr).trim(),
      "Interrupted by SIGTERM before any notebook ran: nothing was stored",
    );
    assert.deepEqual((await processesTagged(tag)).filter((process) => process.pid === pid), []);
  } finally {
    await killTagged(tag);
  }
});

Deno.test("cli: one Ctrl-C arriving more than once counts once; a later second ends it at once", async () => {
  // A stand-in Jupyter whose execute.py ignores SIGTERM and waits until its stdin closes: the
  // shutdown the first signal starts lasts, so that what the copies and the second signal do
  // shows.
  const dir = await scratchDir(DIR, "signals");
  const started = `${dir}/started`;
  const python = await writeScript(
    `${dir}/bin/python`,
    `#!/bin/sh\n[ "$1" = "-c" ] && exit 0\ntrap '' INT TERM\nread -r request\necho $$ > ${started}\n` +
      "cat > /dev/null\n",
  );
  await writeScript(`${dir}/bin/jupyter`, `#!${Deno.realPathSync(python)}\n`);
  const tag = `signals-${crypto.randomUUID()}`;
  const child = spawnCli(
    ["--no-update", "--out", `${DIR}/signals-out`, `${FIXTURES}/hello.ipynb`],
    {
      tag,
      env: { PATH: `${Deno.realPathSync(dir)}/bin:${Deno.env.get("PATH")}` },
    },
  );
  await waitFor("the stand-in execute.py", async () => {
    const text = await Deno.readTextFile(started).catch(() => "");
    return text.trim() ? true : undefined;
  }, 30);
  let exited = false;
  const output = child.output().finally(() => exited = true);
  // The terminal's SIGINT, then copies (deno task's), a few milliseconds apart.
  for (let copy = 0; copy < 3 && !exited; copy++) {
    child.kill("SIGINT");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(exited, false, "the copies of one Ctrl-C ended the run at once");
  const second = performance.now();
  child.kill("SIGINT");
  const { code, stderr } = await output;
  const seconds = (performance.now() - second) / 1000;
  assert.equal(code, 130);
  assert.equal(
    new TextDecoder().decode(stderr).trim(),
    "Interrupted by SIGINT again: stopped at once; 0 of 1 notebooks were stored whole, the " +
      "others in part or not at all, and the index may be out of date",
  );
  assert.ok(seconds < 2, `ended ${seconds} s after the second signal`);
  const left = await processesLeft(tag, 5);
  assert.deepEqual(left, [], "processes of the run still alive");
});

Deno.test("cli: run with a --allow-write of its own that leaves out its kernelspec folder, it says which permission to add, in one line, exit 2", async () => {
  // In a folder with no build/jupyter yet: the runner has to write its kernelspec there.
  const dir = Deno.realPathSync(await scratchDir(DIR, "own-permissions"));
  const out = `${dir}/out`;
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-run",
      "--allow-read",
      "--allow-env=PATH",
      "--allow-sys=uid",
      `--allow-write=${out}`,
      `${Deno.cwd()}/src/runner/cli.ts`,
      ...["--no-update", "--out", out, `${Deno.cwd()}/${FIXTURES}/hello.ipynb`],
    ],
    cwd: dir,
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(new TextDecoder().decode(stdout), "");
  assert.equal(
    new TextDecoder().decode(stderr),
    "Cannot write the runner's kernelspec to build/jupyter/kernels/deno as this run may not " +
      `write there: run src/runner/cli.ts with --allow-write=build/jupyter,${out}\n`,
  );
  assert.equal(code, 2);
  await assert.rejects(Deno.stat(`${out}/hello.ipynb`), Deno.errors.NotFound);
});

Deno.test("cli: a second SIGTERM while a big file is being written leaves no temporary file, and its line says what was stored", async () => {
  // A stand-in execute.py whose one cell printed 150 MB: its page takes a while to write.
  const dir = await scratchDir(DIR, "second-signal");
  const fake = `${Deno.realPathSync(dir)}/fake_execute.py`;
  await Deno.writeTextFile(
    fake,
    "import json, sys\nsys.stdin.readline()\n" +
      'print(json.dumps({"event": "started"}), flush=True)\n' +
      'text = ("x" * 99 + "\\n") * 1_500_000\n' +
      'output = {"output_type": "stream", "name": "stdout", "text": text}\n' +
      'print(json.dumps({"event": "cell", "index": 0, "status": "ok", "outputs": [output]}))\n' +
      'print(json.dumps({"event": "done"}), flush=True)\n',
  );
  const python = await writeScript(
    `${dir}/bin/python`,
    `#!/bin/sh\n[ "$1" = "-c" ] && exit 0\nexec /usr/bin/python3 ${fake}\n`,
  );
  await writeScript(`${dir}/bin/jupyter`, `#!${Deno.realPathSync(python)}\n`);

  /** One run, signalled twice while it writes; returns how many signals found a write. */
  const attempt = async (out: string): Promise<number> => {
    const tag = `second-${crypto.randomUUID()}`;
    const child = spawnCli(["--no-update", "--out", out, `${FIXTURES}/hello.ipynb`], {
      tag,
      env: { PATH: `${Deno.realPathSync(dir)}/bin:${Deno.env.get("PATH")}` },
    });
    try {
      const temporary = () => {
        try {
          return [...Deno.readDirSync(out)].map((entry) => entry.name).filter((name) =>
            name.endsWith(".tmp")
          );
        } catch {
          return []; // no output folder yet
        }
      };
      // The first signal while a file is written; the second (not a copy: 0.5 s later) while
      // a file is still written. Writes are fast and timing is the machine's: a run that ends
      // before a signal finds a write under way is checked all the same, and tried again.
      let exited = false;
      const status = child.status.then((status) => (exited = true, status));
      const poll = async (ready: () => boolean) => {
        const deadline = performance.now() + 60_000;
        while (!exited && !ready()) {
          if (performance.now() > deadline) throw new Error("Timed out waiting for a write");
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return !exited;
      };
      let signals = 0;
      for (const gap of [0, 600]) {
        const after = performance.now() + gap;
        if (!await poll(() => performance.now() > after && temporary().length > 0)) break;
        child.kill("SIGTERM");
        signals++;
      }
      const { code, stderr } = await child.output();
      await status;
      const line = new TextDecoder().decode(stderr).trim().split("\n").at(-1) ?? "";
      if (signals === 2) {
        assert.equal(code, 143);
        // 0 stored when the second signal came while the notebook's files were written, 1 when
        // it came while the index was: then the notebook's page is there, whole.
        const stored = line.match(
          /^Interrupted by SIGTERM again: stopped at once; ([01]) of 1 notebooks were stored whole, the others in part or not at all, and the index may be out of date$/,
        )?.[1];
        assert.ok(stored !== undefined, line);
        if (stored === "1") {
          assert.match(await Deno.readTextFile(`${out}/hello.html`), /<\/html>\s*$/);
        }
      } else if (signals === 1) {
        assert.equal(code, 143);
        assert.match(line, /^Interrupted by SIGTERM/);
        assert.doesNotMatch(line, /again/);
      } else {
        assert.equal(code, 0, "the run ended before any write was seen");
      }
      assert.deepEqual(temporary(), [], "temporary files left");
      return signals;
    } finally {
      await killTagged(tag);
    }
  };
  // Up to three runs, until both signals find a write under way: the test fails if none did.
  const seen: number[] = [];
  for (let run = 0; run < 3 && !seen.includes(2); run++) {
    seen.push(await attempt(`${dir}/out${run}`));
  }
  assert.ok(seen.includes(2), `signals that found a write under way, run by run: ${seen}`);
});
