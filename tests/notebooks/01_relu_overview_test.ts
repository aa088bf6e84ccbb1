/**
 * Assertions on the stored outputs of notebooks/01-relu-overview.ipynb (the generic checks in
 * notebooks_test.ts run it, compare it with a fresh run and look for its figures), and one run
 * with alpha = 0.2 through the runner API.
 */
import assert from "node:assert/strict";
import { readStored, runWithParams } from "./_notebook_outputs.ts";
import { hasTag, type Notebook, sourceText } from "../../src/runner/notebook.ts";

const PATH = "notebooks/01-relu-overview.ipynb";

/** Everything the notebook printed or displayed as text, cell by cell. */
function printed(notebook: Notebook): string {
  return notebook.cells.flatMap((cell) =>
    (cell.outputs ?? []).map((output) => {
      const text = output.text ?? output.data?.["text/plain"] ?? "";
      return Array.isArray(text) ? text.join("") : String(text);
    })
  ).join("\n");
}

const stored = await readStored(PATH);
const text = printed(stored);

Deno.test("01-relu-overview has one parameters cell declaring alpha and seed", () => {
  const cells = stored.cells.filter((cell) => hasTag(cell, "parameters"));
  assert.equal(cells.length, 1);
  assert.match(sourceText(cells[0]), /^const alpha = 0\.01;/m);
  assert.match(sourceText(cells[0]), /^const seed = 0;/m);
});

Deno.test("01-relu-overview prints the text's examples and Leaky ReLU at alpha = 0.01", () => {
  assert.ok(text.includes("relu(3) = 3\n"));
  assert.ok(text.includes("relu(-2) = 0\n"));
  assert.ok(text.includes("leakyRelu(3, { alpha: 0.01 }) = 3\n"));
  assert.ok(text.includes("leakyRelu(-2, { alpha: 0.01 }) = -0.02\n"));
});

Deno.test("01-relu-overview shows a linear model failing where the ReLU network fits", () => {
  const mse = text.match(/\|x\|: linear model MSE ([\d.]+), ReLU network MSE ([\d.e+-]+)/);
  assert.ok(mse, "the |x| line is printed");
  assert.ok(Number(mse[1]) > 0.07);
  assert.ok(Number(mse[2]) < 1e-3);
  const acc = text.match(/XOR: linear model accuracy ([\d.]+)%, ReLU network accuracy ([\d.]+)%/);
  assert.ok(acc, "the XOR line is printed");
  assert.ok(Number(acc[1]) < 75);
  assert.ok(Number(acc[2]) > 95);
});

Deno.test("01-relu-overview reports about half of ReLU's outputs as exact zeros and none of Leaky ReLU's", () => {
  const relu = text.match(/ReLU: exact zeros per hidden layer: ([\d.]+)%, ([\d.]+)%/);
  assert.ok(relu);
  for (const v of relu.slice(1).map(Number)) assert.ok(v > 35 && v < 65);
  assert.ok(text.includes("Leaky ReLU (α = 0.01): exact zeros per hidden layer: 0.0%, 0.0%"));
});

Deno.test("01-relu-overview measures one-sided slopes 0 and 1 and the convention reluGrad(0) = 0", () => {
  assert.ok(text.includes("h = 0.000001: left 0, right 1"));
  assert.ok(text.includes("ReLU: subgradient interval at 0: [0, 1]; convention reluGrad(0) = 0"));
  assert.ok(text.includes(`reluGrad(0, { atZero: "right" }) = 1`));
});

Deno.test("01-relu-overview filters a digit and prints the fractions of zeroed pixels", () => {
  const line = text.match(
    /zeroed pixels after ReLU: ([\d.]+)%; after Leaky ReLU \(α = 0\.01\): ([\d.]+)%/,
  );
  assert.ok(line);
  assert.ok(Number(line[1]) > Number(line[2]));
  assert.match(text, /^digit \d, filter sobelX:/m);
});

Deno.test("01-relu-overview run with alpha = 0.2 prints leakyRelu(-2) = -0.4", async () => {
  const report = await runWithParams(PATH, { alpha: 0.2 });
  assert.ok(report.ok, report.failure);
  const output = printed(report.executed);
  assert.ok(output.includes("leakyRelu(-2, { alpha: 0.2 }) = -0.4\n"));
  assert.ok(output.includes("z = -2: relu = 0, leakyRelu (α = 0.2) = -0.4"));
  assert.ok(
    output.includes(
      "Leaky ReLU (α = 0.2): subgradient interval at 0: [0.2, 1]; convention leakyReluGrad(0) = 0.2",
    ),
  );
  assert.ok(!output.includes("-0.02\n"));
  // ReLU's results do not depend on alpha.
  assert.ok(output.includes("relu(-2) = 0\n"));
});
