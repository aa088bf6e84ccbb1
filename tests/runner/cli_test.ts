/**
 * The CLI's main() run in-process against a stand-in for Jupyter: its Python runs a small fake
 * of execute.py that "executes" each cell by a rule of its source, in milliseconds. What is
 * tested is what main() does around the kernel: the lines it prints and their order, the files
 * it writes (executed notebook, page, index), the source notebooks it updates, its exit codes.
 *
 * The fake's rules, by the first line of a cell's source: `throw TEXT` fails with an error whose
 * traceback is coloured, one entry of two lines; `fail quietly` fails as the Deno kernel does on
 * a syntax error (no traceback); `fatal TEXT` ends execute.py with a fatal event; `sleep SECONDS`
 * waits, then prints as any other cell: `ran: SOURCE`. Each run appends `start TAG` and `end TAG`
 * to `log.txt` in the notebook's folder, TAG being the first line of its first code cell.
 */

import assert from "node:assert/strict";
import { resolveNotebooks, UsageError } from "../../src/runner/cli.ts";
import type { SystemAccess } from "../../src/runner/jupyter.ts";
import { type Notebook, serializeNotebook } from "../../src/runner/notebook.ts";
import { joined, notebookOf, OUT, readBuilt, runCli, writeScript } from "./_cli.ts";

const DIR = `${OUT}/cli-stand-in`;

const FAKE_EXECUTE_PY = `import json, os, sys, time
request = json.loads(sys.stdin.readline())
cells = request["cells"]
log = os.path.join(request["cwd"], "log.txt")
tag = cells[0].split("\\n")[0] if cells else ""
def emit(event):
    print(json.dumps(event), flush=True)
def note(what):
    with open(log, "a") as f:
        f.write(what + " " + tag + "\\n")
note("start")
emit({"event": "started"})
for index, source in enumerate(cells):
    first = source.split("\\n")[0]
    if first.startswith("throw "):
        error = {"ename": "Error", "evalue": first[6:],
                 "traceback": ["\\u001b[31mUncaught Error\\u001b[0m: " + first[6:] + "\\n    at <anonymous>:1:7"]}
        emit({"event": "cell", "index": index, "status": "error",
              "outputs": [dict(output_type="error", **error)], "error": error})
        break
    if first == "fail quietly":
        error = {"ename": "Error", "evalue": "Execution failed", "traceback": []}
        emit({"event": "cell", "index": index, "status": "error", "outputs": [], "error": error})
        break
    if first.startswith("fatal "):
        emit({"event": "fatal", "message": first[6:]})
        break
    if first.startswith("sleep "):
        time.sleep(float(first[6:]))
    output = {"output_type": "stream", "name": "stdout", "text": "ran: " + source.rstrip("\\n") + "\\n"}
    emit({"event": "cell", "index": index, "status": "ok", "outputs": [output]})
else:
    emit({"event": "done"})
note("end")
`;

/** Writes the stand-in Jupyter and returns what main() needs to find it. */
async function standInJupyter(): Promise<SystemAccess> {
  await Deno.mkdir(`${DIR}/empty-path`, { recursive: true });
  await Deno.writeTextFile(`${DIR}/fake_execute.py`, FAKE_EXECUTE_PY);
  // `python -c "import jupyter_client"` succeeds; `python execute.py` runs the fake instead.
  const python = await writeScript(
    `${DIR}/python`,
    `#!/bin/bash\n[ "$1" = "-c" ] && exit 0\n` +
      `exec /usr/bin/python3 ${Deno.realPathSync(DIR)}/fake_execute.py\n`,
  );
  await writeScript(`${DIR}/jupyter`, "#!/bin/sh\nexit 0\n");
  return {
    path: `${DIR}/empty-path`,
    debian: { jupyter: `${DIR}/jupyter`, python },
    log: () => {},
  };
}

/** Writes notebooks into a fresh folder `DIR/<folder>`; returns their paths, in order. */
async function writeNotebooks(
  folder: string,
  notebooks: Record<string, Notebook>,
): Promise<string[]> {
  const dir = `${DIR}/${folder}`;
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  await Deno.mkdir(dir, { recursive: true });
  return await Promise.all(
    Object.entries(notebooks).map(async ([name, notebook]) => {
      const path = `${dir}/${name}.ipynb`;
      await Deno.writeTextFile(path, serializeNotebook(notebook));
      return path;
    }),
  );
}

/**
 * Runs main() in-process with the stand-in Jupyter: its exit code, what it printed line by line,
 * and the seconds it took (a notebook's line may show up to 0.05 more, being rounded).
 */
async function run(args: string[]): Promise<{ code: number; lines: string[]; wall: number }> {
  const system = await standInJupyter();
  const start = performance.now();
  const { code, output } = await runCli(args, { system });
  return { code, lines: output.split("\n"), wall: (performance.now() - start) / 1000 + 0.05 };
}

/** The line main() prints for a notebook: name, seconds and status, in aligned columns. */
function reportLine(line: string): { name: string; status: string; seconds: number; at: number } {
  const match = line.match(/^(\S+) +(\d+\.\d) s {2}(\S.*)$/);
  assert.ok(match, `a notebook's line: ${line}`);
  return { name: match[1], seconds: Number(match[2]), status: match[3], at: line.indexOf(" s  ") };
}

Deno.test("main() writes each executed notebook, its page and an index, and sums the run up", async () => {
  const out = `${DIR}/out-two`;
  await Deno.remove(out, { recursive: true }).catch(() => {});
  const paths = await writeNotebooks("two", {
    a: notebookOf("Alpha", ["1 + 1"]),
    beta: notebookOf("Beta", ["2", "3"]),
  });
  const { code, lines, wall } = await run(["--no-update", "--out", out, ...paths]);
  assert.equal(code, 0, lines.join("\n"));
  assert.equal(lines.length, 3, lines.join("\n"));
  const [a, beta] = lines.slice(0, 2).map(reportLine);
  assert.deepEqual([a.name, a.status, beta.name, beta.status], ["a", "ok", "beta", "ok"]);
  // Names padded to the longest, seconds to six characters: the columns line up.
  assert.equal(a.at, "beta".length + 2 + 6);
  assert.equal(beta.at, a.at);
  for (const { seconds } of [a, beta]) assert.ok(seconds <= wall, `${seconds} s in ${wall} s`);
  assert.equal(lines[2], `2 notebooks passed, 0 failed; pages in ${out}/index.html`);

  const built = await readBuilt("beta", out);
  assert.deepEqual(
    built.cells.slice(1).map((cell) => [cell.execution_count, joined(cell.outputs?.[0].text)]),
    [[1, "ran: 2\n"], [2, "ran: 3\n"]],
  );
  assert.match(await Deno.readTextFile(`${out}/a.html`), /<title>Alpha<\/title>/);
  const indexText = await Deno.readTextFile(`${out}/index.json`);
  const index = JSON.parse(indexText);
  assert.equal(indexText, JSON.stringify(index, null, 1) + "\n", "one key a line");
  assert.deepEqual(
    index.map((e: Record<string, unknown>) => [e.name, e.title, e.summary, e.status]),
    [["a", "Alpha", "About Alpha.", "ok"], ["beta", "Beta", "About Beta.", "ok"]],
  );
  for (const entry of index) {
    assert.equal(entry.seconds, Math.round(entry.seconds * 10) / 10, "seconds to one decimal");
  }
  assert.match(await Deno.readTextFile(`${out}/index.html`), /Alpha[\s\S]*Beta/);
});

Deno.test("main() keeps the index entries of earlier runs, sorted by name", async () => {
  const out = `${DIR}/out-index`;
  await Deno.remove(out, { recursive: true }).catch(() => {});
  const [first, second] = await writeNotebooks("index", {
    zeta: notebookOf("Zeta", ["1"]),
    eta: notebookOf("Eta", ["throw no"]),
  });
  assert.equal((await run(["--no-update", "--out", out, first])).code, 0);
  assert.equal((await run(["--no-update", "--out", out, second])).code, 1);
  const index = JSON.parse(await Deno.readTextFile(`${out}/index.json`));
  assert.deepEqual(index.map((e: Record<string, unknown>) => [e.name, e.status]), [
    ["eta", "failed"],
    ["zeta", "ok"],
  ]);
});

Deno.test("main() shows a failed cell: its numbered source, its traceback without colour, exit 1", async () => {
  const out = `${DIR}/out-failed`;
  const long = Array.from({ length: 13 }, (_, i) => `line ${i + 1}`).join("\n");
  const [path] = await writeNotebooks("failed", {
    broken: notebookOf("Broken", ["1", `throw bad\n${long}`, "never"]),
  });
  const { code, lines } = await run(["--no-update", "--out", out, path]);
  assert.equal(code, 1);
  assert.equal(reportLine(lines[0]).status, "FAILED");
  assert.deepEqual(lines.slice(1), [
    `${path}: cell 2 failed`,
    "    1 | throw bad",
    ...Array.from({ length: 11 }, (_, i) => `  ${String(i + 2).padStart(3)} | line ${i + 1}`),
    "      | ... (2 more lines)",
    "  Uncaught Error: bad",
    "      at <anonymous>:1:7",
    "0 notebooks passed, 1 failed; pages in " + `${out}/index.html`,
  ]);
  // The executed notebook is still written: the cell that ran, the failure, the rest cleared.
  const built = await readBuilt("broken", out);
  assert.deepEqual(built.cells.slice(1).map((cell) => cell.execution_count), [1, 2, null]);

  // Twelve lines are shown whole.
  const twelve = ["throw bad", ...long.split("\n").slice(0, 11)];
  const [other] = await writeNotebooks("twelve", { twelve: notebookOf("T", [twelve.join("\n")]) });
  const shown = (await run(["--no-update", "--out", out, other])).lines.slice(2, -3);
  assert.deepEqual(shown, twelve.map((line, i) => `  ${String(i + 1).padStart(3)} | ${line}`));
});

Deno.test("main() shows a failure without a traceback as its error and the kernel's hint", async () => {
  const [path] = await writeNotebooks("quiet", { quiet: notebookOf("Quiet", ["fail quietly"]) });
  const { code, lines } = await run(["--no-update", "--out", `${DIR}/out-quiet`, path]);
  assert.equal(code, 1);
  assert.deepEqual(lines.slice(1, 4), [
    `${path}: cell 1 failed`,
    "    1 | fail quietly",
    "  Error: Execution failed",
  ]);
  assert.match(
    lines[4],
    /^ {2}hint: the kernel gave no detail, which usually means a syntax error/,
  );
});

Deno.test("main() reports an execute.py that cannot execute a notebook, and stores nothing of it", async () => {
  const out = `${DIR}/out-fatal`;
  await Deno.remove(out, { recursive: true }).catch(() => {});
  const [path] = await writeNotebooks("fatal", {
    doomed: notebookOf("Doomed", ["fatal no kernel"]),
  });
  const { code, lines, wall } = await run(["--update", "--out", out, path]);
  assert.equal(code, 1);
  assert.equal(reportLine(lines[0]).status, "FAILED");
  assert.ok(reportLine(lines[0]).seconds <= wall, `${lines[0]} in ${wall} s`);
  assert.equal(lines[1], `${path}: Cannot execute notebook: no kernel`);
  await assert.rejects(Deno.stat(`${out}/doomed.ipynb`), Deno.errors.NotFound);
  const index = JSON.parse(await Deno.readTextFile(`${out}/index.json`));
  assert.deepEqual(index.map((e: Record<string, unknown>) => [e.title, e.status]), [
    ["Doomed", "failed"],
  ]);
  assert.equal(
    await Deno.readTextFile(path),
    serializeNotebook(notebookOf("Doomed", ["fatal no kernel"])),
    "the source is left as it was",
  );
});

Deno.test("main() stores fresh outputs into the source, in normal form, only when they changed", async (t) => {
  const out = `${DIR}/out-update`;
  const [path] = await writeNotebooks("update", { kept: notebookOf("Kept", ["1"]) });
  const status = async (args: string[]) => {
    const { code, lines } = await run([...args, "--out", out, path]);
    assert.equal(code, 0, lines.join("\n"));
    return reportLine(lines[0]).status;
  };
  let stored = "";
  await t.step("new outputs: the source is updated", async () => {
    assert.equal(await status(["--update"]), "ok (updated)");
    stored = await Deno.readTextFile(path);
    assert.match(stored, /ran: 1/);
  });
  await t.step("the same outputs: the file is left alone", async () => {
    assert.equal(await status(["--update"]), "ok");
    assert.equal(await Deno.readTextFile(path), stored);
  });
  await t.step("the same outputs in another form: stored in normal form", async () => {
    const other = JSON.stringify(JSON.parse(stored), null, 4);
    await Deno.writeTextFile(path, other);
    assert.equal(await status(["--update"]), "ok (updated)");
    assert.equal(await Deno.readTextFile(path), stored);
  });
  await t.step(
    "--no-update, the last word after --update too: the source is not written",
    async () => {
      await Deno.writeTextFile(path, serializeNotebook(notebookOf("Kept", ["1"])));
      assert.equal(await status([]), "ok");
      assert.equal(await status(["--update", "--no-update"]), "ok");
      assert.equal(await Deno.readTextFile(path), serializeNotebook(notebookOf("Kept", ["1"])));
    },
  );
  await t.step("a failed cell: the source is not written", async () => {
    const failing = serializeNotebook(notebookOf("Kept", ["throw no"]));
    await Deno.writeTextFile(path, failing);
    const { code } = await run(["--update", "--out", out, path]);
    assert.equal(code, 1);
    assert.equal(await Deno.readTextFile(path), failing);
  });
});

Deno.test("main() gives the kernel an override in a cell of its own after the parameters cell", async () => {
  const notebook = notebookOf("Tuned", ["const alpha = 0.1;", "2"]);
  notebook.cells[1].metadata = { tags: ["parameters"] };
  const [path] = await writeNotebooks("tuned", { tuned: notebook });
  const out = `${DIR}/out-tuned`;
  const { code, lines } = await run(["--alpha", "0.25", "--out", out, path]);
  assert.equal(code, 0, lines.join("\n"));
  const built = await readBuilt("tuned", out);
  assert.deepEqual(built.cells.slice(1).map((cell) => joined(cell.outputs?.[0].text)), [
    "ran: const alpha = 0.1;\n",
    "ran: // Parameters injected by the runner\nconst alpha = 0.25;\n",
    "ran: 2\n",
  ]);
});

Deno.test("main() --jobs 2 runs two notebooks at once, printing them in the order given", async (t) => {
  // What the fake logged: with two jobs both notebooks start (in either order) before either ends
  // (the sleeps leave 0.6 s for the second start, on a loaded machine).
  const cases = [
    { jobs: "1", log: ["start sleep 2", "end sleep 2", "start sleep 0.6", "end sleep 0.6"] },
    { jobs: "2", log: ["start sleep 0.6", "start sleep 2", "end sleep 0.6", "end sleep 2"] },
  ];
  for (const { jobs, log } of cases) {
    await t.step(`--jobs ${jobs}`, async () => {
      const paths = await writeNotebooks(`jobs-${jobs}`, {
        slow: notebookOf("Slow", ["sleep 2"]),
        fast: notebookOf("Fast", ["sleep 0.6"]),
      });
      const { code, lines, wall } = await run(
        ["--no-update", "--jobs", jobs, "--out", `${DIR}/out-jobs`, ...paths],
      );
      assert.equal(code, 0, lines.join("\n"));
      const [slow, fast] = lines.slice(0, 2).map(reportLine);
      assert.deepEqual([slow.name, fast.name], ["slow", "fast"]);
      assert.ok(slow.seconds >= 2 && slow.seconds <= wall, `${slow.seconds} s in ${wall} s`);
      const written = await Deno.readTextFile(`${DIR}/jobs-${jobs}/log.txt`);
      const logged = written.trim().split("\n");
      assert.deepEqual(
        jobs === "2" ? [...logged.slice(0, 2).sort(), ...logged.slice(2)] : logged,
        log,
      );
    });
  }
});

Deno.test("main() refuses to update a notebook it may not write, before it looks for Jupyter", async () => {
  const path = "tests/runner/fixtures/hello.ipynb";
  const { code, lines } = await run(["--update", "--out", `${DIR}/out-refused`, path]);
  assert.equal(code, 2);
  assert.deepEqual(lines, [
    `Cannot store the outputs into ${path} as this run may not write there ` +
    "(deno task notebooks may write under notebooks/ and build/): pass --no-update",
  ]);
});

Deno.test("main() refuses to run nothing: a folder without notebooks/, or a notebooks/ without one", async (t) => {
  const here = Deno.cwd();
  const system = await standInJupyter();
  const folder = `${DIR}/no-notebooks`;
  await Deno.remove(folder, { recursive: true }).catch(() => {});
  await Deno.mkdir(folder, { recursive: true });
  const real = Deno.realPathSync(folder);
  Deno.chdir(folder);
  try {
    await t.step(
      "without notebooks/, it says where it looked and what to do, and exits 2",
      async () => {
        const { code, output } = await runCli([], { out: "out", system });
        assert.deepEqual([code, output], [
          2,
          `No notebooks to run: ${real} has no notebooks/ folder ` +
          "(run deno task notebooks in relu-lab's folder, or name the .ipynb files)",
        ]);
      },
    );
    await t.step(
      "with a notebooks/ that holds no .ipynb file, it says so and exits 2",
      async () => {
        await Deno.mkdir("notebooks/folder.ipynb", { recursive: true });
        await Deno.writeTextFile("notebooks/notes.md", "# Not a notebook\n");
        const { code, output } = await runCli([], { out: "out", system });
        assert.deepEqual([code, output], [
          2,
          `No notebooks to run: ${real}/notebooks/ has no .ipynb file`,
        ]);
      },
    );
    await t.step("it wrote nothing", async () => {
      const left = [];
      for await (const entry of Deno.readDir(".")) left.push(entry.name);
      assert.deepEqual(left, ["notebooks"]);
    });
  } finally {
    Deno.chdir(here);
  }
});

Deno.test("resolveNotebooks() finds notebooks by name or path, and names every place it tried", async () => {
  const all = [];
  for await (const entry of Deno.readDir("notebooks")) {
    if (entry.name.endsWith(".ipynb")) all.push(`notebooks/${entry.name}`);
  }
  assert.deepEqual(await resolveNotebooks([]), all.sort());
  assert.deepEqual(
    await resolveNotebooks([
      "07-summary",
      "07-summary.ipynb",
      "tests/runner/fixtures/hello",
      "tests/runner/fixtures/hello.ipynb",
    ]),
    [
      "notebooks/07-summary.ipynb",
      "notebooks/07-summary.ipynb",
      "tests/runner/fixtures/hello.ipynb",
      "tests/runner/fixtures/hello.ipynb",
    ],
  );
  await assert.rejects(resolveNotebooks(["07-summary", "nope"]), (error: Error) => {
    assert.ok(error instanceof UsageError);
    assert.equal(
      error.message,
      `Cannot find notebook "nope": tried notebooks/nope.ipynb, nope.ipynb in ${Deno.cwd()}`,
    );
    return true;
  });
  await Deno.mkdir(`${DIR}/folder.ipynb`, { recursive: true });
  await assert.rejects(
    resolveNotebooks([`${DIR}/folder.ipynb`]),
    /Cannot run notebook ".*folder\.ipynb": .*folder\.ipynb is a folder$/,
  );
});

Deno.test("main() stops the other notebooks running when it cannot write an output: one line, exit 2, nothing of theirs stored", async () => {
  const out = `${DIR}/out-stopped`;
  await Deno.remove(out, { recursive: true }).catch(() => {});
  // A folder where the fast notebook's executed copy goes: its write fails at once.
  await Deno.mkdir(`${out}/fast.ipynb/inside`, { recursive: true });
  const paths = await writeNotebooks("stopped", {
    fast: notebookOf("Fast", ["sleep 0.5"]), // time for the slow one to start beside it
    slow: notebookOf("Slow", ["sleep 5"]),
  });
  const { code, lines, wall } = await run(["--no-update", "--jobs", "2", "--out", out, ...paths]);
  assert.equal(code, 2, lines.join("\n"));
  assert.equal(lines.length, 1, lines.join("\n"));
  assert.match(lines[0], new RegExp(`^Cannot write ${out}/fast\\.ipynb: `));
  assert.ok(wall < 4, `ended after ${wall} s, before the 5 s notebook could finish`);
  const logged = (await Deno.readTextFile(`${DIR}/stopped/log.txt`)).trim().split("\n").sort();
  assert.deepEqual(
    logged,
    ["end sleep 0.5", "start sleep 0.5", "start sleep 5"],
    "the slow one started and never ended",
  );
  await assert.rejects(Deno.stat(`${out}/slow.ipynb`), Deno.errors.NotFound);
  await assert.rejects(Deno.stat(`${out}/slow.html`), Deno.errors.NotFound);
});

Deno.test("main() refuses a notebook with a field of the wrong type in one line naming it, exit 2, before any kernel, even beside another", async () => {
  const [good, bad] = await writeNotebooks("wrong-type", {
    good: notebookOf("Good", ["1"]),
    bad: notebookOf("Bad", ["1"]),
  });
  for (
    const [field, value, said] of [
      ["tags", "figure", 'metadata.tags="figure", not a list of strings'],
      ["tags", {}, "metadata.tags={}, not a list of strings"],
      ["metadata", "oops", 'metadata="oops", not an object'],
      ["outputs", {}, "outputs={}, not a list of objects"],
    ] as const
  ) {
    const notebook = notebookOf("Bad", ["1"]);
    const cell = notebook.cells[1] as unknown as Record<string, unknown>;
    if (field === "tags") cell.metadata = { tags: value };
    else cell[field] = value;
    await Deno.writeTextFile(bad, serializeNotebook(notebook));
    const out = `${DIR}/out-wrong-type`;
    await Deno.remove(out, { recursive: true }).catch(() => {});
    await Deno.remove(`${DIR}/wrong-type/log.txt`).catch(() => {});
    const { code, lines } = await run(["--no-update", "-j", "2", "--out", out, good, bad]);
    assert.equal(code, 2, lines.join("\n"));
    assert.deepEqual(lines, [`Cannot read ${bad} as an nbformat 4 notebook: cell 1 has ${said}`]);
    await assert.rejects(Deno.stat(`${DIR}/wrong-type/log.txt`), Deno.errors.NotFound, "no run");
  }
});

Deno.test("main() refuses an --out that is the notebooks' own folder, even with --no-update, and writes nothing", async () => {
  const [path] = await writeNotebooks("own-folder", { own: notebookOf("Own", ["1"]) });
  const text = await Deno.readTextFile(path);
  for (
    const out of [`${DIR}/own-folder`, `${DIR}/own-folder/`, `${DIR}/../cli-stand-in/own-folder`]
  ) {
    const { code, lines } = await run(["--no-update", "--out", out, path]);
    assert.equal(code, 2, lines.join("\n"));
    assert.deepEqual(lines, [
      `Cannot write the outputs to ${out} as it holds ${path}, which its executed copy would ` +
      `overwrite (choose another --out): --out ${out}`,
    ]);
  }
  assert.equal(await Deno.readTextFile(path), text);
  assert.deepEqual([...Deno.readDirSync(`${DIR}/own-folder`)].map((entry) => entry.name), [
    "own.ipynb",
  ]);
});

Deno.test("main() --update does not overwrite a notebook saved during its run, says so, and keeps the executed copy", async () => {
  const out = `${DIR}/out-edited`;
  const [path] = await writeNotebooks("edited", { edited: notebookOf("Edited", ["sleep 2"]) });
  const running = run(["--update", "--out", out, path]);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const edited = notebookOf("Edited", ["sleep 2"]);
  edited.cells.push({ cell_type: "markdown", metadata: {}, source: "A note saved meanwhile." });
  await Deno.writeTextFile(path, serializeNotebook(edited));
  const { code, lines } = await running;
  assert.equal(code, 0, lines.join("\n"));
  assert.equal(
    reportLine(lines[0]).status,
    `ok (not updated: ${path} changed during the run; its executed copy is ${out}/edited.ipynb)`,
  );
  assert.equal(await Deno.readTextFile(path), serializeNotebook(edited), "the edit is kept");
  assert.match(joined((await readBuilt("edited", out)).cells[1].outputs?.[0].text), /ran: sleep 2/);
});

Deno.test("main() refuses notebooks whose outputs would overwrite each other, and one named index; runs a notebook named twice once", async (t) => {
  const out = `${DIR}/out-names`;
  const [first] = await writeNotebooks("names-a", { hello: notebookOf("A", ["1"]) });
  const [second] = await writeNotebooks("names-b", { hello: notebookOf("B", ["2"]) });
  const [index] = await writeNotebooks("names-index", { index: notebookOf("Index", ["3"]) });
  await t.step("two notebooks of the same name in different folders", async () => {
    const { code, lines } = await run(["--no-update", "--out", out, first, second]);
    assert.equal(code, 2, lines.join("\n"));
    assert.deepEqual(lines, [
      `Cannot run ${second} beside ${first} as their outputs would overwrite each other ` +
      `(run them with different --out): ${out}/hello.ipynb`,
    ]);
  });
  await t.step("a notebook named index", async () => {
    const { code, lines } = await run(["--no-update", "--out", out, index]);
    assert.equal(code, 2, lines.join("\n"));
    assert.deepEqual(lines, [
      `Cannot run ${index} as its page would be overwritten by the index page ` +
      `(rename the notebook): ${out}/index.html`,
    ]);
  });
  await t.step("the same notebook named twice runs once", async () => {
    await Deno.remove(`${DIR}/names-a/log.txt`).catch(() => {});
    const again = `${DIR}/names-a/../names-a/hello.ipynb`;
    const { code, lines } = await run(["--no-update", "--out", out, first, again]);
    assert.equal(code, 0, lines.join("\n"));
    assert.equal(lines.length, 2, lines.join("\n"));
    assert.deepEqual(await Deno.readTextFile(`${DIR}/names-a/log.txt`), "start 1\nend 1\n");
  });
});

Deno.test("resolveNotebooks() looks for a path in the folder deno task was started in first, when told it", async () => {
  // deno task runs the CLI in relu-lab's folder and says the user's in INIT_CWD.
  const theirs = await Deno.realPath(await Deno.makeTempDir({ dir: "build" }));
  try {
    await Deno.copyFile("tests/runner/fixtures/hello.ipynb", `${theirs}/mine.ipynb`);
    // A script of its own: deno eval would grant every permission.
    const script = `${theirs}/resolve.ts`;
    const cli = new URL("../../src/runner/cli.ts", import.meta.url);
    await Deno.writeTextFile(
      script,
      `import { resolveNotebooks } from "${cli}";\n` +
        "console.log(JSON.stringify(await resolveNotebooks(Deno.args).catch((e) => e.message)));\n",
    );
    const resolve = async (names: string[], permission: string) => {
      const { stdout } = await new Deno.Command(Deno.execPath(), {
        args: ["run", "--no-lock", "--allow-read", permission, script, ...names],
        env: { INIT_CWD: theirs },
      }).output();
      return JSON.parse(new TextDecoder().decode(stdout));
    };
    const allowed = "--allow-env=INIT_CWD";
    assert.deepEqual(await resolve(["./mine.ipynb", "mine"], allowed), [
      `${theirs}/./mine.ipynb`,
      `${theirs}/mine.ipynb`,
    ]);
    // The project's notebooks keep their short names.
    assert.deepEqual(await resolve(["07-summary"], allowed), ["notebooks/07-summary.ipynb"]);
    // Without the permission, the folder is unknown and the message says where it looked.
    assert.equal(
      await resolve(["./mine.ipynb"], "--allow-env=PATH"),
      `Cannot find notebook "./mine.ipynb": tried ./mine.ipynb, notebooks/./mine.ipynb in ${Deno.cwd()}`,
    );
  } finally {
    await Deno.remove(theirs, { recursive: true });
  }
});
