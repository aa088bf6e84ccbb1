import assert from "node:assert/strict";
import * as lib from "../../src/mod.ts";
import { tinyRun } from "./fixtures/tiny_run.js";
import { configFilesAbove, IGNORE_OUTSIDE, REPO_ROOT } from "./_outside.ts";

/** The first `jupyter` that has nbconvert: the one on PATH, else Debian's; none: undefined. */
function findJupyter(): string | undefined {
  for (const command of ["jupyter", "/usr/bin/jupyter"]) {
    try {
      const output = new Deno.Command(command, {
        args: ["nbconvert", "--version"],
        stdout: "null",
        stderr: "null",
      }).outputSync();
      if (output.success) return command;
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
  return undefined;
}

const jupyter = IGNORE_OUTSIDE ? undefined : findJupyter();
if (!IGNORE_OUTSIDE && jupyter === undefined) {
  console.warn("tests/outside/notebook_anywhere_test.ts ignored: no jupyter with nbconvert");
}

/**
 * A notebook in a user's folder: one cell importing relu-lab by path, writing the run to
 * run.json beside it and showing it as its value. The file is what the test reads: under
 * nbconvert, which has no marker to wait for as the project's runner does, the Deno kernel's
 * outputs can reach Jupyter after the cell's idle status and be dropped, printed lines and (seen
 * once in a fresh chroot, 2026-12-06) the cell's value alike.
 */
function userNotebook(): string {
  const source = [
    `import * as lib from ${JSON.stringify(`${REPO_ROOT}/src/mod.ts`)};`,
    `import { tinyRun } from "./tiny_run.js";`,
    `const run = JSON.stringify(await tinyRun(lib));`,
    `await Deno.writeTextFile("run.json", run);`,
    `({ [Symbol.for("Jupyter.display")]: () => ({ "text/plain": run }) });`,
  ].join("\n");
  return JSON.stringify({
    cells: [{ cell_type: "code", metadata: {}, source, outputs: [], execution_count: null }],
    metadata: { kernelspec: { name: "deno", display_name: "Deno", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

Deno.test("a notebook outside the repository imports src/mod.ts by path in the Deno kernel", {
  ignore: jupyter === undefined,
}, async () => {
  const expected = await tinyRun(lib);
  const dir = await Deno.makeTempDir({ prefix: "relu-lab-notebook-" });
  try {
    assert.deepEqual(configFilesAbove(dir), []);
    // A private kernelspec for the running deno: the user's own kernelspecs stay untouched.
    const kernels = `${dir}/jupyter/kernels/deno`;
    await Deno.mkdir(kernels, { recursive: true });
    await Deno.writeTextFile(
      `${kernels}/kernel.json`,
      JSON.stringify({
        argv: [Deno.execPath(), "jupyter", "--kernel", "--conn", "{connection_file}"],
        display_name: "Deno",
        language: "typescript",
        env: { NO_COLOR: "1" },
      }),
    );
    await Deno.copyFile(new URL("./fixtures/tiny_run.js", import.meta.url), `${dir}/tiny_run.js`);
    await Deno.writeTextFile(`${dir}/user.ipynb`, userNotebook());
    const run = await new Deno.Command(jupyter!, {
      args: [
        "nbconvert",
        "--to=notebook",
        "--execute",
        "--ExecutePreprocessor.timeout=180",
        "--output=executed.ipynb",
        "user.ipynb",
      ],
      cwd: dir,
      env: { JUPYTER_PATH: `${dir}/jupyter`, PYDEVD_DISABLE_FILE_VALIDATION: "1" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(240_000),
    }).output();
    assert.equal(run.code, 0, new TextDecoder().decode(run.stderr));
    const executed = JSON.parse(await Deno.readTextFile(`${dir}/executed.ipynb`));
    const outputs: { output_type: string; data?: Record<string, string | string[]> }[] = executed
      .cells.flatMap((cell: { outputs: unknown[] }) => cell.outputs);
    assert.deepEqual(JSON.parse(await Deno.readTextFile(`${dir}/run.json`)), expected);
    // What Jupyter received: the run as the cell's value, or nothing when it came too late; never
    // an error or another value.
    assert.ok(outputs.length <= 1, JSON.stringify(outputs));
    for (const output of outputs) {
      assert.equal(output.output_type, "execute_result");
      assert.deepEqual(JSON.parse([output.data?.["text/plain"] ?? ""].flat().join("")), expected);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
