/**
 * Assertions on the stored outputs of notebooks/02-relu-advantages.ipynb (the generic checks in
 * notebooks_test.ts run it, compare it with a fresh run and look for its figures), and one run
 * with alpha = 0.2 through the runner API.
 */
import assert from "node:assert/strict";
import {
  assertVerdictsAsRecorded,
  printed,
  readStored,
  runWithParams,
  verdictLines,
} from "./_notebook_outputs.ts";
import { type Cell, hasTag, sourceText } from "../../src/runner/notebook.ts";
import { CLAIMS } from "../claims/registry.ts";

const PATH = "notebooks/02-relu-advantages.ipynb";
const stored = await readStored(PATH);
/** Everything printed, timing cells included (they print verdicts too). */
const everything = printed(stored);
/** Everything printed by the deterministic cells. */
const text = printed(stored, { skipTag: "nondeterministic" });
const code = stored.cells.filter((c) => c.cell_type === "code").map(sourceText).join("\n");

function outputOf(cell: Cell): string {
  return printed({ ...stored, cells: [cell] });
}

/** The numbers after `label` on the first line that starts with it (after indentation). */
function numbersOf(output: string, label: string): number[] {
  const line = output.split("\n").find((l) => l.trimStart().startsWith(label));
  assert.ok(line, `a line starting with ${label}`);
  return [...line.slice(line.indexOf(label) + label.length).matchAll(/-?\d+(\.\d+)?(e[+-]\d+)?/g)]
    .map((m) => Number(m[0]));
}

Deno.test("02-relu-advantages has one parameters cell declaring alpha and seed", () => {
  const cells = stored.cells.filter((cell) => hasTag(cell, "parameters"));
  assert.equal(cells.length, 1);
  assert.match(sourceText(cells[0]), /^const alpha = 0\.01;/m);
  assert.match(sourceText(cells[0]), /^const seed = 0;/m);
});

Deno.test("02-relu-advantages builds, trains and measures its networks in view with the public API", () => {
  for (const name of ["mlp", "train", "gradientNorms", "activationSparsity", "standardNormal"]) {
    assert.match(code, new RegExp(`\\b${name}\\(`), name);
  }
  assert.match(code, /from "@relu-lab\/relu-lab(\/\w+)?"/);
  assert.doesNotMatch(code, /experiments/);
  assert.doesNotMatch(code, /\bdescribe[A-Z]\w*\(/);
});

Deno.test("02-relu-advantages prints one verdict line per measured claim of its own, as the registry records it", () => {
  const measured = CLAIMS.filter((r) =>
    r.repeats === undefined && r.notebook === "02-relu-advantages"
  )
    .filter((r) => r.verdict !== "definition");
  assertVerdictsAsRecorded(verdictLines(everything), measured);
});

Deno.test("02-relu-advantages derives the derivative bounds symbolically and checks them against the gradient functions", () => {
  assert.match(code, /symbolicDerivative\(/);
  assert.match(code, /latexToHtml\(/);
  assert.ok(text.includes("Sigmoid: f'' has signs 1 then -1 around 0, f'(0) = 0.25\n"));
  assert.ok(text.includes("tanh: f'' has signs 1 then -1 around 0, f'(0) = 1\n"));
  const gaps = [
    ...text.matchAll(/largest \|f'\(z\) − grad\(z\)\| ([\d.e+-]+), largest grad\(z\) ([\d.]+)/g),
  ];
  assert.equal(gaps.length, 4);
  for (const [, gap] of gaps) assert.ok(Number(gap) < 1e-12, gap);
  assert.deepEqual(gaps.map((m) => Number(m[2])), [0.25, 1, 1, 1]);
  const math = stored.cells.flatMap((c) => c.outputs ?? []).map((o) => o.data?.["text/html"])
    .filter((html) => html !== undefined).join("");
  assert.ok((math.match(/<math/g)?.length ?? 0) >= 8, "f and f' of four activations rendered");
});

Deno.test("02-relu-advantages tags its timing cells nondeterministic, and they time by the one rule", () => {
  const timing = stored.cells.filter((cell) => hasTag(cell, "nondeterministic"));
  assert.equal(timing.length, 5);
  const timingCode = timing.map(sourceText).join("\n");
  assert.equal(timingCode.match(/timeRatio\(/g)?.length, 4);
  assert.doesNotMatch(timingCode, /performance\.now/);
  const timingText = timing.map(outputOf).join("");
  const pairs = /^ {2}(forward|backward) [\d.]+ against [\d.]+ \([\d.]+\)$/gm;
  assert.equal(timingText.match(pairs)?.length, 4);
  assert.match(
    timingText,
    /^plain loop: [\d.]+ ms on ReLU's outputs, [\d.]+ ms on Leaky ReLU's \(ratio [\d.]+, (not )?faster\)$/m,
  );
  assert.doesNotMatch(text, /\d ms\b/, "no other cell prints a timing");
});

Deno.test("02-relu-advantages shows the sigmoid's gradient vanishing across depth and ReLU's not", () => {
  const [sigmoid] = numbersOf(text, "Sigmoid: log10(first / last)");
  const [relu] = numbersOf(text, "ReLU: log10(first / last)");
  assert.ok(sigmoid < -6, `sigmoid ${sigmoid}`);
  assert.ok(relu > -2, `ReLU ${relu}`);
  assert.match(
    text,
    /^ {2}ReLU ahead of tanh: at initialisation (true|false), gradient in training (true|false), training speed (true|false)$/m,
  );
});

Deno.test("02-relu-advantages measures ReLU's sparsity after training and the train-test gaps", () => {
  const [relu1] = numbersOf(text, "layer 1, ReLU:");
  assert.ok(relu1 > 0.3);
  assert.ok(text.includes("  layer 1, tanh: 0.000 ± 0.000 (n = 5)\n"));
  assert.equal(text.match(/^ {2}gap [\d.]+ ± [\d.]+ \(n = 5\)$/gm)?.length, 3);
});

Deno.test("02-relu-advantages shows the sigmoid not learning in 30 epochs", () => {
  const [loss] = numbersOf(text, "Sigmoid: mean training loss");
  assert.ok(Math.abs(loss - Math.LN2) < 0.03, `sigmoid mean loss ${loss}`);
  assert.match(text, /^ {2}first epoch with loss ≤ 0\.2, per seed: –, –, –, –, –$/m);
});

Deno.test("02-relu-advantages says ties on the digits instead of naming a best", () => {
  // The digits comparison: the lines after ReLU's test accuracy on the digits.
  const digits = text.slice(text.indexOf("ReLU: test accuracy"));
  const said = (other: string) => {
    const m = digits.match(
      new RegExp(`^ReLU against ${other}: difference (-?[\\d.]+), 2 SE ([\\d.]+): (.+)$`, "m"),
    );
    assert.ok(m, `no digits line for ${other}`);
    return { difference: Number(m[1]), twoSe: Number(m[2]), verdict: m[3] };
  };
  const tanh = said("tanh"), sigmoid = said("sigmoid");
  // Within two standard errors against tanh: a tie, named as one; clear of them against sigmoid.
  assert.ok(Math.abs(tanh.difference) <= tanh.twoSe, JSON.stringify(tanh));
  assert.equal(tanh.verdict, "a tie (within noise)");
  assert.ok(sigmoid.difference > sigmoid.twoSe, JSON.stringify(sigmoid));
  assert.equal(sigmoid.verdict, "higher, beyond noise");
  assert.doesNotMatch(text, /^Best:/m);
});

Deno.test({
  name:
    "02-relu-advantages run with alpha = 0.2: the Leaky ReLU lines change, the others and the verdicts do not",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed, { skipTag: "nondeterministic" });
    assert.match(rerun, /^Leaky ReLU \(α = 0\.2\): log10\(first \/ last\)/m);
    assert.doesNotMatch(rerun, /α = 0\.01/);
    const others = (t: string) =>
      t.split("\n").filter((l) => !/Leaky|^ {2}(test accuracy|gap)/.test(l));
    assert.deepEqual(others(rerun), others(text));
    assert.deepEqual(verdictLines(rerun), verdictLines(text));
  },
});
