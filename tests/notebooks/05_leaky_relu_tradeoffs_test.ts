/**
 * Assertions on the stored outputs of notebooks/05-leaky-relu-tradeoffs.ipynb, and one rerun
 * with alpha = 0.2 through the runner.
 */
import assert from "node:assert/strict";
import { numberAfter, printed, readStored, runWithParams } from "./_notebook_outputs.ts";
import { sourceText } from "../../src/runner/notebook.ts";

const PATH = "notebooks/05-leaky-relu-tradeoffs.ipynb";
const stored = await readStored(PATH);

/** The sweep's table rows: alpha and mean test accuracy in %. */
function sweepRows(text: string): [number, number][] {
  const table = text.slice(0, text.indexOf("\nBest mean test accuracy"));
  return [...table.matchAll(/^Leaky ReLU \(α = ([\d.]+)\) +test acc ([\d.]+) ±/gm)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
}

const text = printed(stored);

Deno.test("05: the parameters cell declares alpha, seed and the sweep", () => {
  const parameters = stored.cells.find((c) => c.metadata.tags?.includes("parameters"));
  assert.ok(parameters);
  assert.match(sourceText(parameters), /^const alpha = 0\.01;/m);
  assert.match(sourceText(parameters), /^const seed = 0;/m);
  assert.match(sourceText(parameters), /^const alphas = \[0, 0\.001, 0\.01, .*, 1\];/m);
});

Deno.test("05: at the high learning rate Leaky ReLU ends with fewer inactive neurons than ReLU", () => {
  const relu = numberAfter(text, /\nReLU: dead [\d.]+ ± [\d.]+% before,/);
  const leaky = numberAfter(text, /\nLeaky ReLU \(α = 0\.01\): dead [\d.]+ ± [\d.]+% before,/);
  assert.ok(leaky < relu, `Leaky ${leaky}% against ReLU ${relu}%`);
  assert.match(text, /^inactive fraction after training: ReLU .*; ReLU is higher/m);
  assert.match(text, /^final training loss: ReLU .*; ReLU is higher/m);
});

Deno.test("05: ReLU and Leaky ReLU keep the same gradient through depth; sigmoid loses it", () => {
  const relu = numberAfter(text, /ReLU \(heNormal\): first\/last/);
  const leaky = numberAfter(text, /Leaky ReLU \(α = 0\.01\) \(heNormal\): first\/last/);
  const sigmoid = numberAfter(text, /Sigmoid \(xavierNormal\): first\/last/);
  assert.equal(relu, leaky);
  assert.ok(sigmoid < 1e-6);
  assert.match(text, /^f\(3\) = 3, f'\(3\) = 1$/m);
});

Deno.test("05: the library's Leaky ReLU is printed and equals the max form", () => {
  assert.match(text, /return z > 0 \? z : alpha \* z;/);
  assert.match(text, /largest \|leakyRelu\(z\) − max\(αz, z\)\| on 1001 points of \[−5, 5\]: 0$/m);
});

Deno.test("05: the alpha sweep covers 0 to 1; alpha = 1 (a linear network) falls near chance", () => {
  const rows = sweepRows(text);
  assert.deepEqual(rows.map(([alpha]) => alpha), [0, 0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 1]);
  const accuracy = new Map(rows);
  assert.ok(accuracy.get(1)! < 60);
  assert.ok(accuracy.get(0.01)! > 90);
  assert.match(
    text,
    /^Best mean test accuracy: Leaky ReLU \(α = [\d.]+\); worse beyond noise: .*α = 1\)/m,
  );
});

Deno.test("05: exact zeros vanish for alpha > 0, near zeros do not", () => {
  assert.match(text, /^Leaky ReLU \(α = 0\): exact zeros [1-9][\d.]*%/m);
  assert.match(text, /^Leaky ReLU \(α = 0\.01\): exact zeros 0\.0%, \|f\| < 0\.01: [1-9][\d.]*%/m);
});

Deno.test("05: the five-way comparison prints a verdict and Leaky ReLU does not beat ReLU beyond noise", () => {
  for (const label of ["ReLU", "Leaky ReLU (α = 0.01)", "PReLU (α₀ = 0.25)", "ELU (α = 1)"]) {
    assert.ok(text.includes(`\n${label} `), label);
  }
  assert.match(text, /^(All 5 are within noise of each other|Beyond noise \(non-overlapping)/m);
  assert.doesNotMatch(text, /Leaky ReLU \(α = 0\.01\) > ReLU[;.]/);
});

Deno.test("05: with N(0, 1) weights both activations grow about 4× per layer", () => {
  assert.match(text, /^predicted growth per layer: ×4\.00$/m);
  for (
    const label of [
      /^ReLU: max \|f\| per layer/m,
      /^Leaky ReLU \(α = 0\.01\): max \|f\| per layer/m,
    ]
  ) {
    const line = text.match(new RegExp(label.source + ".*$", "m"))![0];
    const values = line.split(" ").slice(-8).map(Number);
    assert.ok(values[7] > 1000 * values[0], line);
  }
});

Deno.test({
  name: "05 with alpha = 0.2: the Leaky ReLU comparisons use 0.2; the alpha sweep does not change",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed);
    assert.match(rerun, /^Leaky ReLU \(α = 0\.2\): dead /m);
    assert.match(rerun, /^Leaky ReLU \(α = 0\.2\) +test acc/m);
    assert.match(rerun, /^Leaky ReLU \(α = 0\.2\): max \|f\| per layer/m);
    assert.doesNotMatch(rerun, /^Leaky ReLU \(α = 0\.01\): dead/m);
    // The sweep and ReLU's own results do not depend on alpha.
    assert.deepEqual(sweepRows(rerun), sweepRows(text));
    const reluDying = (t: string) => t.match(/^ReLU: dead .*$/m)?.[0];
    assert.equal(reluDying(rerun), reluDying(text));
  },
});
