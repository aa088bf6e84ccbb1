/**
 * Assertions on the stored outputs of notebooks/03-relu-limitations.ipynb (the generic checks in
 * notebooks_test.ts run it, compare it with a fresh run and look for its figures), and one rerun
 * with alpha = 0.2 through the runner.
 */
import assert from "node:assert/strict";
import {
  assertVerdictsAsRecorded,
  numberAfter,
  printed,
  readStored,
  runWithParams,
  verdictLines,
} from "./_notebook_outputs.ts";
import { hasTag, sourceText } from "../../src/runner/notebook.ts";
import { CLAIMS } from "../claims/registry.ts";

const PATH = "notebooks/03-relu-limitations.ipynb";
const stored = await readStored(PATH);
const text = printed(stored);
const code = stored.cells.filter((c) => c.cell_type === "code").map(sourceText).join("\n");

Deno.test("03: the parameters cell declares alpha and seed", () => {
  const parameters = stored.cells.filter((c) => hasTag(c, "parameters"));
  assert.equal(parameters.length, 1);
  assert.match(sourceText(parameters[0]), /^const alpha = 0\.01;/m);
  assert.match(sourceText(parameters[0]), /^const seed = 0;/m);
});

Deno.test("03: networks are built, trained and measured in view with the public API", () => {
  for (const name of ["mlp", "train", "deadNeurons", "activationStatistics", "gradientNorms"]) {
    assert.match(code, new RegExp(`\\b${name}\\(`), name);
  }
  assert.match(code, /standardNormal\(256, width/, "the probe shared with notebook 02");
  assert.doesNotMatch(code, /experiments/);
  assert.doesNotMatch(code, /\bdescribe[A-Z]\w*\(/);
});

Deno.test("03 prints one verdict line per measured claim of its own, as the registry records it", () => {
  const measured = CLAIMS.filter((r) =>
    r.repeats === undefined && r.notebook === "03-relu-limitations"
  )
    .filter((r) => r.verdict !== "definition");
  assertVerdictsAsRecorded(verdictLines(text), measured);
});

Deno.test("03: no first-layer neuron comes back, and the high rate and negative biases kill more", () => {
  assert.match(
    text,
    /^hidden layer 1: neurons that came back after being dead, in all 15 runs: 0$/m,
  );
  const base = numberAfter(
    text,
    /η = 0\.1: dead of 48 before [\d.]+ ± [\d.]+ \(n = 5\), after 30 epochs/,
  );
  const high = numberAfter(
    text,
    /η = 1\.5: dead of 48 before [\d.]+ ± [\d.]+ \(n = 5\), after 30 epochs/,
  );
  const biased = numberAfter(text, /η = 0\.1, bias -1\.5: dead of 48 before/);
  assert.ok(high > base && biased > 24, `${base}, ${high}, ${biased}`);
});

Deno.test("03: the raster is drawn with axes, epoch ticks and layer dividers and labels", () => {
  const raster = stored.cells.find((c) => sourceText(c).includes("const raster = Plot.plot("));
  assert.ok(raster && hasTag(raster, "figure"));
  const html = (raster.outputs ?? []).map((o) => String(o.data?.["text/html"] ?? "")).join("");
  assert.match(html, /aria-label="x-axis tick label"/);
  assert.match(html, />epoch/);
  assert.match(html, /hidden neuron/);
  assert.equal(html.match(/>layer \d</g)?.length, 3, "three layer labels");
  assert.match(html, /aria-label="rule"/, "rules between the layers");
});

Deno.test("03: on plain data the conventions at 0 train identical networks; zero rows give exact zeros", () => {
  assert.match(
    text,
    /^two moons: 0 exact zeros among \d+ pre-activations; steps with one: 0 of \d+$/m,
  );
  assert.equal(text.match(/the same weights as with f'\(0\) = 0, bit for bit: true/g)?.length, 2);
  assert.match(text, /^with zero rows: [1-9]\d* exact zeros among/m);
});

Deno.test("03: gradientCheck agrees with backpropagation off the kink and parts at the zero rows' biases", () => {
  const rows = [
    ...text.matchAll(/^(two moons|zero rows), f'\(0\) = ([\d.]+) +((?:[\d.]+e[-+]\d+ *){6})$/gm),
  ]
    .map(([, data, atZero, errors]) => ({
      data,
      atZero,
      errors: errors.trim().split(/ +/).map(Number),
    }));
  assert.equal(rows.length, 6);
  // Columns: 0.weights, 0.biases, 2.weights, 2.biases, 4.weights, 4.biases.
  for (const { data, errors } of rows) {
    assert.ok(errors[2] < 1e-6 && errors[4] < 1e-6 && errors[5] < 1e-6, `${data}: ${errors}`);
    if (data === "two moons") assert.ok(errors.every((e) => e < 1e-2), `${errors}`);
  }
  const zero = rows.filter((r) => r.data === "zero rows");
  // The first layer's biases sit at two kinks: no convention matches the finite difference.
  for (const { errors } of zero) assert.ok(errors[1] > 0.1, `${errors}`);
  // The second layer's sit at one: the central difference sees the mean slope, 0.5.
  const second = Object.fromEntries(zero.map((r) => [r.atZero, r.errors[3]]));
  assert.ok(second["0.5"] < 1e-3 && second["0"] > 0.1 && second["1"] > 0.1, JSON.stringify(second));
});

Deno.test("03: N(0, 1) weights grow activations near the predicted factor, He keeps them level", () => {
  const measured = numberAfter(text, /ReLU, N\(0, 1\) weights: growth per layer ×/);
  const predicted = numberAfter(text, /predicted growth per layer: N\(0, 1\) weights ×/);
  assert.equal(predicted, 4);
  assert.ok(Math.abs(measured / predicted - 1) < 0.2, `×${measured}`);
  const he = numberAfter(text, /ReLU, He weights: growth per layer ×/);
  assert.ok(he > 0.8 && he < 1.25, `×${he}`);
});

Deno.test("03: ReLU inputs give one-sign gradients, tanh inputs do not", () => {
  assert.match(text, /^ {2}ReLU: 1\.000 ± 0\.000 \(n = 5\)$/m);
  // tanh's outputs take both signs: no per-sample gradient of a run has all of one sign.
  assert.match(text, /^ {2}tanh: 0\.000 ± 0\.000 \(n = 5\)$/m);
});

Deno.test("03: the learning-rate sweep counts and names the diverged runs", () => {
  const rows = [...text.matchAll(/^η = ([\d.]+): ReLU dead/gm)].map((r) => Number(r[1]));
  assert.deepEqual(rows, [0.01, 0.03, 0.1, 0.3, 1, 2, 3]);
  const named = text.match(/^Leaky ReLU runs that diverged: (.*)$/m);
  assert.ok(named, "the diverged Leaky ReLU runs are named");
  const count = named[1] === "none" ? 0 : named[1].split("), ").length;
  const counted = [...text.matchAll(/^ {2}Leaky .*?(\d+) diverged\)$/gm)]
    .reduce((sum, m) => sum + Number(m[1]), 0);
  assert.ok(count > 0, "with the defaults some Leaky ReLU runs diverge");
  assert.equal(counted, count, "every named run is counted in its rate's summary");
  const sweep = stored.cells.find((c) => sourceText(c).includes("diverged runs (of"));
  assert.ok(sweep && hasTag(sweep, "figure"), "the sweep figure has a panel of diverged runs");
});

Deno.test({
  name:
    "03 with alpha = 0.2: the Leaky ReLU comparisons change, the ReLU results and verdicts do not",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed);
    assert.match(rerun, /^ {2}Leaky ReLU \(α = 0\.2\): /m);
    assert.doesNotMatch(rerun, /α = 0\.01/);
    const reluLines = (t: string) => t.split("\n").filter((l) => /^(η = [\d.]+|ReLU)/.test(l));
    assert.deepEqual(reluLines(rerun), reluLines(text));
    assert.notDeepEqual(rerun.match(/^ {2}Leaky dead.*$/gm), text.match(/^ {2}Leaky dead.*$/gm));
    assert.deepEqual(verdictLines(rerun), verdictLines(text));
  },
});
