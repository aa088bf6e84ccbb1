/**
 * Assertions on the stored outputs of notebooks/03-relu-limitations.ipynb, and one rerun with
 * alpha = 0.2 through the runner.
 */
import assert from "node:assert/strict";
import { numberAfter, printed, readStored, runWithParams } from "./_notebook_outputs.ts";
import { sourceText } from "../../src/runner/notebook.ts";

const PATH = "notebooks/03-relu-limitations.ipynb";
const stored = await readStored(PATH);

const text = printed(stored);

Deno.test("03: the parameters cell declares alpha and seed", () => {
  const parameters = stored.cells.find((c) => c.metadata.tags?.includes("parameters"));
  assert.ok(parameters);
  assert.match(sourceText(parameters), /^const alpha = 0\.01;/m);
  assert.match(sourceText(parameters), /^const seed = 0;/m);
});

Deno.test("03: the high learning rate leaves more dead neurons than the ordinary one", () => {
  const base = text.match(/η = 0\.1: dead \d+\/48 before, (\d+)\/48 after 30 epochs/);
  const high = text.match(/η = 1\.5: dead \d+\/48 before, (\d+)\/48 after 30 epochs/);
  assert.ok(base && high);
  assert.ok(Number(high[1]) > Number(base[1]));
  assert.match(
    text,
    /η = 0\.1, bias -1\.5: dead (\d+)\/48 before, \1\/48 after 30 epochs; 0 of \1 came back; loss 0\.69\d/,
  );
});

Deno.test("03: the raster cell names, per layer, when neurons died", () => {
  assert.match(
    text,
    /layer 1: \d+\/16 dead at the end; died for good at epochs \[[\d, ]*\]; dead throughout: 0/,
  );
  assert.equal(text.match(/^layer \d: /gm)?.length, 3);
});

Deno.test("03: on plain data the conventions at 0 train identical networks; zero rows make them differ slightly", () => {
  assert.match(text, /exact zeros: 0 in layer 1, 0 in layer 2, among 128000 pre-activations/);
  assert.equal(text.match(/weights bit-for-bit identical/g)?.length, 2);
  assert.match(text, /exact zeros: [1-9]\d* in layer 1, [1-9]\d* in layer 2/);
  assert.ok(numberAfter(text, /spread of the final losses:/) < 0.01);
  assert.match(
    text,
    /reluGrad\(0, "left"\) = 0; reluGrad\(0, "mean"\) = 0\.5; reluGrad\(0, "right"\) = 1/,
  );
});

Deno.test("03: N(0, 1) weights grow activations near the predicted factor, He keeps them level", () => {
  const measured = numberAfter(text, /ReLU, N\(0, 1\): layer 10 mean \|a\| [\d.e+]+, ×/);
  const predicted = numberAfter(text, /predicted factor per layer: N\(0, 1\) ×/);
  assert.equal(predicted, 4);
  assert.ok(Math.abs(measured / predicted - 1) < 0.2);
  const he = numberAfter(text, /ReLU, He: layer 10 mean \|a\| [\d.e+]+, ×/);
  assert.ok(he > 0.8 && he < 1.25);
});

Deno.test("03: ReLU inputs give one-sign gradients, tanh inputs do not", () => {
  assert.match(text, /^ReLU: input mean 0\.\d+; one-sign samples 100%/m);
  assert.match(text, /^tanh: input mean -?0\.\d+; one-sign samples \d%/m);
  assert.match(text, /^mean tanh activation per layer \(Xavier\):( -?0\.0\d)+$/m);
});

Deno.test("03: the learning-rate sweep prints a row per rate, with more dead ReLU neurons at 3 than at 0.01", () => {
  const rows = [...text.matchAll(/^η = ([\d.]+): ReLU dead (\d+)%/gm)];
  assert.deepEqual(rows.map((r) => Number(r[1])), [0.01, 0.03, 0.1, 0.3, 1, 2, 3]);
  assert.ok(Number(rows[6][2]) > Number(rows[0][2]));
});

Deno.test({
  name: "03 with alpha = 0.2: the Leaky ReLU comparisons change, the ReLU results do not",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed);
    assert.match(rerun, /^Leaky ReLU \(α = 0\.2\): /m);
    assert.doesNotMatch(rerun, /α = 0\.01/);
    const reluLines = (t: string) =>
      t.split("\n").filter((l) => /^(η = [\d.]+(, bias [-\d.]+)?: dead|ReLU: dead)/.test(l));
    assert.deepEqual(reluLines(rerun), reluLines(text));
    assert.notEqual(rerun.match(/\| Leaky .*$/gm)?.join(), text.match(/\| Leaky .*$/gm)?.join());
  },
});
