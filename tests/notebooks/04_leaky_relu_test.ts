/**
 * Assertions on the stored outputs of notebooks/04-leaky-relu.ipynb, and one rerun with
 * alpha = 0.2 through the runner.
 */
import assert from "node:assert/strict";
import { printed as streamsPrinted, readStored, runWithParams } from "./_notebook_outputs.ts";
import { hasTag, type Notebook, sourceText } from "../../src/runner/notebook.ts";

const PATH = "notebooks/04-leaky-relu.ipynb";
const stored = await readStored(PATH);

/** Everything the notebook's code cells printed, in order, leaving out timing cells. */
function printed(notebook: Notebook): string {
  return streamsPrinted(notebook, { skipTag: "nondeterministic" });
}

const text = printed(stored);

Deno.test("04: the parameters cell declares alpha = 0.01 and seed", () => {
  const parameters = stored.cells.find((c) => hasTag(c, "parameters"));
  assert.ok(parameters);
  assert.match(sourceText(parameters), /^const alpha = 0\.01;/m);
  assert.match(sourceText(parameters), /^const seed = 0;/m);
});

Deno.test("04: the text's examples are printed: f(3) = 3, f(-2) = -0.02, gradient 0.01", () => {
  assert.match(text, /^f\(3\) = 3 \(ReLU: 3\)$/m);
  assert.match(text, /^f\(-2\) = -0\.02 with α = 0\.01 \(ReLU: 0\)$/m);
  assert.match(text, /^Leaky ReLU: f\(-2\) = -0\.02, f'\(-2\) = 0\.01 \(α = 0\.01\)$/m);
});

Deno.test("04: the max form matches at alpha = 0.01 and not at 1.5", () => {
  assert.match(text, /largest gap on \[-4, 4\] at α = 0\.01: 0\n/);
  assert.match(text, /α = 1\.5, z = 3: leakyRelu 3, max form 4\.5/);
  assert.match(text, /α = 1\.5, z = -2: leakyRelu -3, max form -2/);
  assert.match(text, /largest gap on \[-4, 4\] at α = 1\.5: 2\n/);
});

Deno.test("04: Leaky ReLU layers have no exact zeros, ReLU layers do", () => {
  assert.match(text, /^ReLU: exact zeros [1-9]\d%, [1-9]\d%, [1-9]\d%;/m);
  assert.match(text, /^Leaky ReLU \(α = 0\.01\): exact zeros 0%, 0%, 0%;/m);
});

Deno.test("04: under Adam, Leaky ReLU brings back neurons that started dead and ReLU brings back none", () => {
  const relu = text.match(/^ReLU: 0\/(\d+) came back \(0%\)/m);
  const leaky = text.match(/^Leaky ReLU \(α = 0\.01\): (\d+)\/(\d+) came back/m);
  assert.ok(relu && leaky);
  assert.ok(Number(leaky[1]) > Number(leaky[2]) / 2);
  assert.match(text, /^ReLU, SGD: 0\/\d+ came back/m);
});

Deno.test("04: at the high learning rate the finished Leaky ReLU runs spread less than ReLU's", () => {
  assert.match(text, /^smaller spread of the finished runs: Leaky ReLU$/m);
});

Deno.test("04: the timing cell is tagged nondeterministic and prints a ratio", () => {
  const timing = stored.cells.find((c) => sourceText(c).includes("timeActivationKernels("));
  assert.ok(timing && hasTag(timing, "nondeterministic"));
  const out = (timing.outputs ?? []).map((o) => [o.text ?? ""].flat().join("")).join("");
  assert.match(out, /Leaky ReLU \/ ReLU: forward ×[\d.]+, backward ×[\d.]+/);
});

Deno.test({
  name:
    "04 with alpha = 0.2: the examples print -0.4, the max form still matches, ReLU results stay",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed);
    assert.match(rerun, /^f\(-2\) = -0\.4 with α = 0\.2 \(ReLU: 0\)$/m);
    assert.match(rerun, /^Leaky ReLU: f\(-2\) = -0\.4, f'\(-2\) = 0\.2 \(α = 0\.2\)$/m);
    assert.match(rerun, /largest gap on \[-4, 4\] at α = 0\.2: 0\n/);
    assert.match(rerun, /^leakyReluGrad\(0\) = 0\.2 /m);
    assert.doesNotMatch(rerun, /α = 0\.01/);
    const reluLines = (t: string) => t.split("\n").filter((l) => /^ReLU(, SGD)?: /.test(l));
    assert.deepEqual(reluLines(rerun), reluLines(text));
  },
});
