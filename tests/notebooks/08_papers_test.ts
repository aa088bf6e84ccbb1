/**
 * Assertions on the stored outputs of notebooks/08-papers.ipynb, and one rerun with alpha = 0.2
 * through the runner.
 */
import assert from "node:assert/strict";
import { printed, readStored, runWithParams } from "./_notebook_outputs.ts";
import { sourceText } from "../../src/runner/notebook.ts";

const PATH = "notebooks/08-papers.ipynb";
const stored = await readStored(PATH);

/** The probabilities printed for one initialisation and width. */
function bornDead(text: string, init: string, width: number): number[] {
  const match = text.match(
    new RegExp(`^${init}, width ${width}: P\\(born dead\\) at depth [\\d/]+ = (.*)$`, "m"),
  );
  assert.ok(match, `no born-dead line for ${init}, width ${width}`);
  return match[1].split(" ").map(Number);
}

/** The per-layer ratio printed for one case of the activation-scale experiment. */
function ratio(text: string, label: string): number {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = text.match(new RegExp(`^${escaped}: per-layer ratio ([\\d.]+)`, "m"));
  assert.ok(match, `no ratio for ${label}`);
  return Number(match[1]);
}

const text = printed(stored);

Deno.test("08: the parameters cell declares alpha, seed and the sizes", () => {
  const parameters = stored.cells.find((c) => c.metadata.tags?.includes("parameters"));
  assert.ok(parameters);
  assert.match(sourceText(parameters), /^const alpha = 0\.01;/m);
  assert.match(sourceText(parameters), /^const seed = 0;/m);
  assert.match(sourceText(parameters), /^const nets = 200;/m);
});

Deno.test("08: born-dead probability rises with depth, more for narrow nets, and RAI lies below He", () => {
  for (const width of [2, 3, 4, 5, 10]) {
    const he = bornDead(text, "He", width), rai = bornDead(text, "RAI", width);
    assert.equal(he.length, 9);
    for (let i = 1; i < he.length; i++) assert.ok(he[i] >= he[i - 1]);
    for (let i = 0; i < he.length; i++) assert.ok(rai[i] <= he[i], `width ${width}`);
  }
  assert.ok(bornDead(text, "He", 2)[8] > 0.95);
  assert.ok(bornDead(text, "He", 10)[8] < 0.1);
  assert.match(text, /^width 3, depth 20: He 0\.92, RAI 0\.205; RAI is born dead less often$/m);
});

Deno.test("08: Xavier halves the scale per ReLU layer, He keeps it, the alpha gain fixes alpha = 0.5", () => {
  assert.ok(Math.abs(ratio(text, "ReLU, Xavier") - 0.5) < 0.05);
  assert.ok(Math.abs(ratio(text, "ReLU, He") - 1) < 0.05);
  assert.ok(ratio(text, "Leaky α = 0.5, He gain √2") > 1.2);
  assert.ok(Math.abs(ratio(text, "Leaky α = 0.5, He gain with α") - 1) < 0.05);
  assert.match(text, /^Xavier shrinks the scale by [\d.]+e\+\d+x over 30 layers/m);
});

Deno.test("08: ReLU and Leaky ReLU are about equally sparse after training", () => {
  assert.match(text, /^ReLU: mean activation probability 0\.4\d\d/m);
  assert.match(text, /^Leaky ReLU \(α = 0\.01\): mean activation probability 0\.4\d\d/m);
  assert.match(
    text,
    /^difference in mean activation probability: 0\.0\d\d; the sparsity is about the same$/m,
  );
});

Deno.test("08: the gap table lists the five variants and the verdict is printed", () => {
  for (
    const label of ["ReLU", "Leaky ReLU (α = 0.01)", "Leaky ReLU (α = 1/5.5)", "PReLU (α₀ = 0.25)"]
  ) {
    assert.ok(text.includes(`\n${label.padEnd(24)} train loss`), label);
  }
  assert.match(text, /^smallest mean gap: RReLU/m);
  assert.match(text, /^loss gap: ReLU .* against RReLU .*; ReLU is higher, but within noise/m);
});

Deno.test({
  name: "08 with alpha = 0.2: the Leaky runs use 0.2; the born-dead and ReLU results do not change",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed);
    assert.match(rerun, /^Leaky ReLU \(α = 0\.2\): mean activation probability/m);
    assert.ok(rerun.includes(`\n${"Leaky ReLU (α = 0.2)".padEnd(24)} train loss`));
    // With alpha = 0.2 the plain He gain over-amplifies by 1 + 0.04 per layer.
    assert.ok(
      ratio(rerun, "Leaky α = 0.2, He gain √2") > ratio(rerun, "Leaky α = 0.2, He gain with α"),
    );
    assert.doesNotMatch(rerun, /α = 0\.01/);
    for (const width of [2, 10]) {
      assert.deepEqual(bornDead(rerun, "He", width), bornDead(text, "He", width));
    }
    const reluLine = (t: string) => t.match(/^ReLU: mean activation probability.*$/m)?.[0];
    assert.equal(reluLine(rerun), reluLine(text));
  },
});
