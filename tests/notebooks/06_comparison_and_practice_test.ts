/**
 * Assertions on the stored outputs of notebooks/06-comparison-and-practice.ipynb, and one rerun
 * with alpha = 0.2 through the runner.
 */
import assert from "node:assert/strict";
import { printed, readStored, runWithParams } from "./_notebook_outputs.ts";
import { sourceText } from "../../src/runner/notebook.ts";

const PATH = "notebooks/06-comparison-and-practice.ipynb";
const stored = await readStored(PATH);

/** The table row starting with `row`: [ReLU value, Leaky value, verdict]. */
function tableRow(text: string, row: string): [string, string, string] {
  const line = text.split("\n").find((l) => l.startsWith(row));
  assert.ok(line, `no row ${row}`);
  const cells = line.slice(row.length).trim().split(/ {2,}/);
  assert.equal(cells.length, 3, line);
  return [cells[0], cells[1], cells[2]];
}

const percent = (cell: string) => Number(cell.match(/^-?[\d.]+/)?.[0]);
const text = printed(stored);

Deno.test("06: the parameters cell declares alpha, seed and the sizes", () => {
  const parameters = stored.cells.find((c) => c.metadata.tags?.includes("parameters"));
  assert.ok(parameters);
  assert.match(sourceText(parameters), /^const alpha = 0\.01;/m);
  assert.match(sourceText(parameters), /^const seed = 0;/m);
  assert.match(sourceText(parameters), /^const depths = \[1, 2, 4, 8, 12, 16\];/m);
});

Deno.test("06: the comparison table has one row per claim, each with two values and a verdict", () => {
  assert.match(text, /^row +ReLU +Leaky ReLU \(α = 0\.01\) +verdict$/m);
  const dying = tableRow(text, "dying: inactive after SGD at high rate");
  assert.ok(percent(dying[1]) < percent(dying[0]));
  assert.match(dying[2], /^Leaky lower, (beyond|within) noise$/);
  const zeros = tableRow(text, "sparsity: outputs exactly 0");
  assert.equal(zeros[1], "0.0 ± 0.0%");
  assert.ok(percent(zeros[0]) > 30);
  const accuracy = tableRow(text, "performance: test accuracy");
  assert.match(accuracy[2], /within noise$/);
  const bright = tableRow(text, "CNN, brightness filter: dark px at 0");
  assert.deepEqual([bright[1], bright[2]], ["0.0%", "Leaky lower (one measurement, no spread)"]);
  const edges = tableRow(text, "CNN, edge filter: dark px at 0");
  assert.ok(percent(edges[1]) > 50, "with a zero-sum filter most dark pixels stay 0");
  assert.match(text, /^α × \|bias\| = 0\.0025$/m);
  assert.match(text, /on the dark pixels ReLU zeroed \(brightness filter\): 0\.0025$/m);
});

Deno.test("06: the depth table grows with depth for ReLU", () => {
  const shallow = tableRow(text, "depth 1: inactive after training");
  const deep = tableRow(text, "depth 16: inactive after training");
  assert.ok(percent(deep[0]) > percent(shallow[0]));
  assert.equal(text.match(/^depth \d+: inactive after training/gm)?.length, 6);
});

Deno.test("06: He, Xavier and naive start with the same dead fraction; naive stalls at ln 2", () => {
  const before = [
    ...text.matchAll(/^(He|Xavier|naive N\(0, 0\.01²\)) +inactive ([\d.]+ ± [\d.]+%) before/gm),
  ]
    .map((m) => m[2]);
  assert.equal(before.length, 3);
  assert.equal(new Set(before).size, 1);
  assert.match(text, /^naive N\(0, 0\.01²\) +inactive .* loss 0\.693 ± 0\.000;/m);
});

Deno.test("06: PReLU's slopes are reported per layer, with a verdict on the slopes' accuracy", () => {
  assert.equal(
    text.match(/^layer \d: mean slope 0\.250 at the start, -?[\d.]+ after epoch 60/gm)?.length,
    2,
  );
  assert.match(text, /^All 3 are within noise of each other/m);
});

Deno.test("06: regularisation prints the gap and test-accuracy verdicts against no regularisation", () => {
  assert.match(text, /^none +test acc [\d.]+ ± [\d.]+% \| gap /m);
  assert.match(text, /^gap: (Every setting is within noise of none|Beyond noise)/m);
  assert.match(text, /^test accuracy: (Every setting is within noise of none|Beyond noise)/m);
});

Deno.test({
  name: "06 with alpha = 0.2: the Leaky ReLU column uses 0.2; the ReLU column does not change",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed);
    assert.match(rerun, /^row +ReLU +Leaky ReLU \(α = 0\.2\) +verdict$/m);
    assert.match(rerun, /^α × \|bias\| = 0\.05$/m);
    for (const row of ["dying: inactive after SGD at high rate", "performance: test accuracy"]) {
      assert.equal(tableRow(rerun, row)[0], tableRow(text, row)[0], row);
    }
    assert.notEqual(
      tableRow(rerun, "sparsity: outputs with |f| < 0.01")[1],
      tableRow(text, "sparsity: outputs with |f| < 0.01")[1],
    );
  },
});
