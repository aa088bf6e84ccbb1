/**
 * Assertions on the stored outputs of notebooks/02-relu-advantages.ipynb (the generic checks in
 * notebooks_test.ts run it, compare it with a fresh run and look for its figures), and one run
 * with alpha = 0.2 through the runner API.
 */
import assert from "node:assert/strict";
import { readStored, runWithParams } from "./_notebook_outputs.ts";
import { type Cell, hasTag, type Notebook, sourceText } from "../../src/runner/notebook.ts";

const PATH = "notebooks/02-relu-advantages.ipynb";

function cellText(cell: Cell): string {
  return (cell.outputs ?? []).map((output) => {
    const text = output.text ?? output.data?.["text/plain"] ?? "";
    return Array.isArray(text) ? text.join("") : String(text);
  }).join("\n");
}

/** Everything the notebook printed, cell by cell, leaving out the timing cells. */
function printed(notebook: Notebook): string {
  return notebook.cells.filter((cell) => !hasTag(cell, "nondeterministic")).map(cellText).join(
    "\n",
  );
}

/** The numbers after `label` on the line that starts with it (after indentation). */
function numbersOf(text: string, label: string): number[] {
  const line = text.split("\n").find((l) => l.trimStart().startsWith(label));
  assert.ok(line, `a line starting with ${label}`);
  return [...line.slice(line.indexOf(label) + label.length).matchAll(/-?\d+(\.\d+)?(e[+-]\d+)?/g)]
    .map((m) => Number(m[0]));
}

const stored = await readStored(PATH);
const text = printed(stored);

Deno.test("02-relu-advantages has one parameters cell declaring alpha and seed", () => {
  const cells = stored.cells.filter((cell) => hasTag(cell, "parameters"));
  assert.equal(cells.length, 1);
  assert.match(sourceText(cells[0]), /^const alpha = 0\.01;/m);
  assert.match(sourceText(cells[0]), /^const seed = 0;/m);
});

Deno.test("02-relu-advantages tags its timing cells nondeterministic, and they print ratios", () => {
  const timing = stored.cells.filter((cell) => hasTag(cell, "nondeterministic"));
  assert.equal(timing.length, 2);
  assert.match(sourceText(timing[0]), /timeActivationKernels/);
  assert.match(cellText(timing[0]), /^Median time per call, with the ratio to ReLU/m);
  assert.match(cellText(timing[0]), /^ {2}Sigmoid: forward [\d.]+ ms \([\d.]+×\)/m);
  assert.match(cellText(timing[0]), /^A dense layer fed ReLU outputs \(\d+% zeros\) took/m);
  assert.ok(hasTag(timing[1], "figure"));
  // No other cell prints a timing.
  assert.doesNotMatch(text, /\d ms\b/);
});

Deno.test("02-relu-advantages prints the derivative bounds from the library's gradient functions", () => {
  assert.ok(text.includes("sigmoidGrad(0) = 0.25, tanhGrad(0) = 1, reluGrad(3) = 1\n"));
  assert.ok(text.includes("max f'(z) of Sigmoid on [-10, 10]: 0.25 (first at z = 0)"));
  assert.ok(text.includes("max f'(z) of tanh on [-10, 10]: 1 (first at z = 0)"));
  assert.ok(text.includes("max f'(z) of ReLU on [-10, 10]: 1 (first at z = 0.001)"));
});

Deno.test("02-relu-advantages shows the sigmoid's gradient vanishing across depth and ReLU's not", () => {
  const [sigmoidRatio] = numbersOf(text, "Sigmoid (xavierNormal): first/last");
  const [reluRatio, reluSpread] = numbersOf(text, "ReLU (heNormal): first/last");
  const [tanhRatio] = numbersOf(text, "tanh (xavierNormal): first/last");
  assert.ok(sigmoidRatio < 1e-6);
  assert.ok(reluRatio > 0.01 && reluSpread < 100);
  assert.ok(tanhRatio > 0.1, "tanh keeps its gradient at initialisation, as the prose says");
  assert.match(text, /Sigmoid the least/);
});

Deno.test("02-relu-advantages measures ReLU's sparsity and reports that it did not reduce overfitting", () => {
  const relu = numbersOf(text, "ReLU: fraction of exact zeros per hidden layer");
  assert.equal(relu.length, 2);
  assert.ok(relu.every((s) => s > 0.3));
  assert.ok(text.includes("tanh: fraction of exact zeros per hidden layer 0.000, 0.000"));
  const gap = (label: string) => {
    const numbers = numbersOf(text, `${label}: zeros`);
    return numbers[numbers.length - 4]; // ... gap G (g1, g2, g3)
  };
  assert.ok(gap("tanh") < gap("ReLU"));
  assert.match(text, /The sparsest network \(ReLU\) did not have the smallest gap \(tanh did\)/);
  const prose = stored.cells.filter((c) => c.cell_type === "markdown").map(sourceText).join("\n");
  assert.match(prose, /does\s+not support the claim that ReLU's sparsity mitigates overfitting/);
});

Deno.test("02-relu-advantages shows ReLU converging first and the sigmoid not at all", () => {
  assert.match(text, /^ {2}Sigmoid: epochs –, –, –;/m);
  const relu = numbersOf(text, "ReLU: epochs");
  assert.ok(relu.slice(0, 3).every((epoch) => epoch >= 1 && epoch <= 30));
  assert.match(text, /^ReLU reached it first: 3 of 3 seeds/m);
});

Deno.test("02-relu-advantages finds ReLU within 2 points of the best on digits, and the sigmoid last", () => {
  const mean = (label: string) => numbersOf(text, `${label}: mean`)[0];
  const means = ["Sigmoid", "tanh", "ReLU", "Leaky ReLU (α = 0.01)"].map(mean);
  assert.ok(Math.max(...means) - means[2] <= 2, `means ${means}`);
  assert.equal(Math.min(...means), means[0]);
});

Deno.test({
  name: "02-relu-advantages run with alpha = 0.2: the Leaky ReLU lines change, the others do not",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed);
    assert.match(rerun, /^ {2}Leaky ReLU \(α = 0\.2\) \(heNormal\): first\/last/m);
    assert.doesNotMatch(rerun, /α = 0\.01/);
    const lines = (t: string, pattern: RegExp) => t.split("\n").filter((l) => pattern.test(l));
    const others = /^ {2}(Sigmoid|tanh|ReLU)[ :]/;
    assert.deepEqual(lines(rerun, others), lines(text, others));
    const leaky = /^ {2}Leaky ReLU/;
    assert.notDeepEqual(
      lines(rerun, leaky).map((l) => l.replace(/\(α = [\d.]+\) /, "")),
      lines(text, leaky).map((l) => l.replace(/\(α = [\d.]+\) /, "")),
    );
  },
});
