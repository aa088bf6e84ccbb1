/**
 * The runner end to end on the fixture notebooks, through Jupyter and the Deno kernel.
 * Outputs go under build/test-runner/; the fixtures themselves are never rewritten (--no-update).
 */
import assert from "node:assert/strict";
import { runNotebook } from "../../src/runner/cli.ts";
import { comparableText, parseNotebook, sourceText } from "../../src/runner/notebook.ts";
import {
  FIXTURES,
  joined,
  killTagged,
  OUT,
  processesLeft,
  readBuilt,
  runCli,
  spawnCli,
} from "./_cli.ts";

Deno.test("runner keeps every output of a 30-cell notebook across repeated runs (idle race)", async () => {
  for (let run = 0; run < 4; run++) {
    const { code, output } = await runCli([`${FIXTURES}/many_cells.ipynb`]);
    assert.equal(code, 0, output);
    const notebook = await readBuilt("many_cells");
    const code_cells = notebook.cells.filter((c) => c.cell_type === "code");
    assert.equal(code_cells.length, 30);
    code_cells.forEach((cell, i) => {
      const outputs = cell.outputs ?? [];
      const kinds = outputs.map((o) => o.output_type);
      if (i % 3 === 0) {
        assert.deepEqual(kinds, ["display_data", "stream"], `run ${run}, cell ${i}`);
        assert.equal(joined(outputs[0].data?.["text/plain"]), `value ${i}`);
        assert.equal(joined(outputs[1].text), `cell ${i}\n`);
      } else if (i % 3 === 1) {
        assert.deepEqual(kinds, ["execute_result"], `run ${run}, cell ${i}`);
        assert.equal(joined(outputs[0].data?.["text/html"]), `<b>cell ${i}</b>`);
      } else {
        assert.deepEqual(kinds, ["execute_result"], `run ${run}, cell ${i}`);
        assert.equal(joined(outputs[0].data?.["text/plain"]), String(i * 2));
      }
      assert.equal(cell.execution_count, i + 1);
    });
  }
});

Deno.test("runner gives byte-identical executed notebooks on two runs", async () => {
  const texts: string[] = [];
  for (let run = 0; run < 2; run++) {
    const { code, output } = await runCli([
      `${FIXTURES}/parameters.ipynb`,
      `${FIXTURES}/many_cells.ipynb`,
    ]);
    assert.equal(code, 0, output);
    texts.push(
      await Deno.readTextFile(`${OUT}/parameters.ipynb`) +
        await Deno.readTextFile(`${OUT}/many_cells.ipynb`),
    );
  }
  assert.equal(texts[0], texts[1]);
});

Deno.test("runner output has no ANSI colour codes (NO_COLOR=1)", async () => {
  const { code } = await runCli([`${FIXTURES}/throws.ipynb`]);
  assert.equal(code, 1);
  assert.ok(!(await Deno.readTextFile(`${OUT}/throws.ipynb`)).includes("\\u001b"));
});

Deno.test("runner injects parameters reusing their keyword and the module import resolves", async () => {
  const { code, output } = await runCli([
    `${FIXTURES}/parameters.ipynb`,
    "--alpha",
    "0.2",
    "--param",
    "label=hi",
    "--param",
    'options={"n":5}',
    "--param=flag=true",
  ]);
  assert.equal(code, 0, output);
  const notebook = await readBuilt("parameters");
  const injected = notebook.cells[2];
  assert.deepEqual(injected.metadata.tags, ["injected-parameters"]);
  assert.match(sourceText(injected), /^let label = "hi";$/m);
  assert.match(sourceText(injected), /^const alpha = 0\.2;$/m);
  const printed = joined(notebook.cells[3].outputs?.[0].text);
  assert.equal(printed, '{"alpha":0.2,"label":"hi","options":{"n":5},"flag":true}\n');
  // The cell importing "@relu-lab/relu-lab" (resolved through deno.json from the kernel's cwd).
  assert.equal(joined(notebook.cells[5].outputs?.[0].data?.["text/plain"]), '"function"');
});

Deno.test("runner writes an HTML page per notebook and an index, SVG intact", async () => {
  const { code } = await runCli([`${FIXTURES}/parameters.ipynb`]);
  assert.equal(code, 0);
  const html = await Deno.readTextFile(`${OUT}/parameters.html`);
  assert.ok(html.includes('viewBox="0 0 10 10"') && html.includes("<path d="));
  assert.match(html, /class="katex"/);
  // The next notebook of the fixtures folder, in file-name order.
  assert.match(html, /rel="next" href="silences_console\.html"><span class="label">Next →<\/span>/);
  const index = await Deno.readTextFile(`${OUT}/index.html`);
  assert.match(index, /href="parameters\.html">Parameters fixture</);
});

Deno.test("runner rejects an unknown parameter, naming the notebook's parameters", async () => {
  const { code, output } = await runCli([`${FIXTURES}/parameters.ipynb`, "--param", "beta=1"]);
  assert.equal(code, 2);
  assert.match(
    output,
    /Cannot set beta in .*parameters\.ipynb as its parameters are: alpha, label, options, flag/,
  );
});

Deno.test("runner reports a syntax error cell: non-zero exit, index, source and a hint", async () => {
  const { code, output } = await runCli([`${FIXTURES}/syntax_error.ipynb`]);
  assert.equal(code, 1);
  assert.match(output, /syntax_error\s+[\d.]+ s\s+FAILED/);
  assert.match(output, /syntax_error\.ipynb: cell 2 failed/);
  assert.match(output, /1 \| const broken = \(;/);
  assert.match(output, /Execution failed/);
  assert.match(output, /deno check/);
  const notebook = await readBuilt("syntax_error");
  assert.equal(notebook.cells[3].outputs?.length, 0, "cells after the failure do not run");
});

Deno.test("runner reports a thrown error with its message and stack", async () => {
  const { code, output } = await runCli([`${FIXTURES}/throws.ipynb`]);
  assert.equal(code, 1);
  assert.match(output, /cell 1 failed/);
  assert.match(output, /RangeError: alpha out of range/);
});

Deno.test("runner leaves the fixtures unchanged with --no-update", async () => {
  // An output folder of its own, emptied first: what it reads back is this run's.
  const out = `${OUT}/no-update`;
  await Deno.remove(out, { recursive: true }).catch((e) => {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  });
  const before = await Deno.readTextFile(`${FIXTURES}/many_cells.ipynb`);
  const { code, output } = await runCli([`${FIXTURES}/many_cells.ipynb`], { out });
  assert.equal(code, 0, output);
  assert.equal(await Deno.readTextFile(`${FIXTURES}/many_cells.ipynb`), before);
  assert.notEqual(
    comparableText(parseNotebook(before)),
    comparableText(await readBuilt("many_cells", out)),
  );
});

Deno.test("runner stops a cell at --timeout, reports it and leaves no kernel running", async () => {
  const start = performance.now();
  const tag = crypto.randomUUID();
  // 8 s: a cold kernel's first cell can take seconds on a loaded machine; the slow cell waits 60.
  const child = spawnCli(
    ["--no-update", "--out", OUT, `${FIXTURES}/slow.ipynb`, "--timeout", "8"],
    { tag },
  );
  try {
    const { code, stdout, stderr } = await child.output();
    const output = new TextDecoder().decode(stdout) + new TextDecoder().decode(stderr);
    assert.equal(code, 1, output);
    assert.ok(performance.now() - start < 40_000, "the kernel is not waited for");
    assert.match(output, /cell 2 failed/);
    assert.match(output, /Timeout: the cell ran longer than 8 s/);
    const left = await processesLeft(tag, 5);
    assert.deepEqual(left, [], "the timed-out kernel (or its execute.py) still alive");
    const notebook = await readBuilt("slow");
    assert.equal(joined(notebook.cells[1].outputs?.[0].text), "before\n");
  } finally {
    await killTagged(tag);
  }
});

Deno.test("runner --update stores fresh sources in normal form even when the outputs are fresh", async () => {
  // The source in a folder of its own: main() refuses an --out that is the source's folder.
  await Deno.mkdir(`${OUT}/source`, { recursive: true });
  const path = `${OUT}/source/normal_form.ipynb`;
  await Deno.copyFile(`${FIXTURES}/parameters.ipynb`, path);
  const options = { names: [], params: {}, update: true, timeout: 120, out: OUT };
  await runNotebook(path, options);
  const normal = await Deno.readTextFile(path);
  // A source line without its final newline, as `deno fmt` may leave it; outputs stay fresh.
  const stripped = normal.replace(/\\n"\n(\s*\]\n\s*\},?\n\s*\{\n\s*"cell_type")/, '"\n$1');
  assert.notEqual(stripped, normal, "the fixture has a cell to strip");
  await Deno.writeTextFile(path, stripped);
  const report = await runNotebook(path, options);
  assert.ok(report.updated);
  assert.equal(await Deno.readTextFile(path), normal);
});
