/**
 * Assertions on the stored outputs of notebooks/01-relu-overview.ipynb (the generic checks in
 * notebooks_test.ts run it, compare it with a fresh run and look for its figures), one run with
 * alpha = 0.2 through the runner API, and the notebook's network written by hand checked again
 * here against `mlp` and `train`.
 */
import assert from "node:assert/strict";
import {
  assertVerdictsAsRecorded,
  printed,
  readStored,
  runWithParams,
  verdictLines,
} from "./_notebook_outputs.ts";
import { hasTag, sourceText } from "../../src/runner/notebook.ts";
import { CLAIMS } from "../claims/registry.ts";
import {
  type Matrix,
  meanSquaredErrorGrad,
  meanSquaredErrorValue,
  mlp,
  regression1d,
  train,
} from "../../src/mod.ts";

const PATH = "notebooks/01-relu-overview.ipynb";
const stored = await readStored(PATH);
const text = printed(stored);
const code = stored.cells.filter((c) => c.cell_type === "code").map(sourceText).join("\n");

Deno.test("01-relu-overview has one parameters cell declaring alpha and seed", () => {
  const cells = stored.cells.filter((cell) => hasTag(cell, "parameters"));
  assert.equal(cells.length, 1);
  assert.match(sourceText(cells[0]), /^const alpha = 0\.01;/m);
  assert.match(sourceText(cells[0]), /^const seed = 0;/m);
});

Deno.test("01-relu-overview builds and trains its networks in view with the public API", () => {
  assert.match(code, /\bmlp\(/);
  assert.match(code, /\btrain\(/);
  assert.match(code, /from "@relu-lab\/relu-lab(\/\w+)?"/);
  assert.doesNotMatch(code, /experiments/);
  assert.doesNotMatch(code, /\bdescribe[A-Z]\w*\(/);
});

Deno.test("01-relu-overview prints one verdict line per measured claim of its own, as the registry records it", () => {
  const measured = CLAIMS.filter((r) => r.notebook === "01-relu-overview")
    .filter((r) => r.verdict !== "definition");
  assertVerdictsAsRecorded(verdictLines(text), measured);
});

Deno.test("01-relu-overview's network written by hand agrees with the library to 1e-12", () => {
  assert.equal(text.match(/below 1e-12: true$/gm)?.length, 2);
  assert.doesNotMatch(text, /below 1e-12: false/);
  assert.match(text, /^relu: loss by hand ([\d.]+), library \1; largest gradient difference/m);
  assert.match(text, /^leakyRelu: loss by hand ([\d.]+), library \1; largest gradient/m);
});

Deno.test("01-relu-overview's training line starts from the loss the check printed at the start", () => {
  for (const activation of ["relu", "leakyRelu"]) {
    const start = Number(text.match(new RegExp(`^${activation}: loss by hand ([\\d.]+)`, "m"))![1]);
    const trained = text.match(new RegExp(`^${activation}: loss ([\\d.]+) → ([\\d.]+) in`, "m"))!;
    assert.equal(trained[1], start.toFixed(4), activation);
    assert.ok(Number(trained[2]) < start, `${activation}: the loss falls`);
  }
});

Deno.test("01-relu-overview prints the text's examples and Leaky ReLU at alpha = 0.01", () => {
  assert.ok(text.includes("relu(3) = 3\n"));
  assert.ok(text.includes("relu(-2) = 0\n"));
  assert.ok(text.includes("leakyRelu(3, { alpha: 0.01 }) = 3\n"));
  assert.ok(text.includes("leakyRelu(-2, { alpha: 0.01 }) = -0.02\n"));
});

Deno.test("01-relu-overview shows a linear model and an identity network failing where the ReLU network fits", () => {
  const mse = (key: string) =>
    Number(text.match(new RegExp(`^\\|x\\|, MSE of the ${key} model: ([\\d.]+)`, "m"))![1]);
  assert.ok(mse("linear") > 0.07);
  assert.ok(mse("identity") > 0.07);
  assert.ok(mse("relu") < 1e-3);
  const acc = (key: string) =>
    Number(text.match(new RegExp(`^XOR, accuracy of the ${key} model: ([\\d.]+) ±`, "m"))![1]);
  assert.ok(acc("linear") < 75);
  assert.ok(acc("relu") > 95);
});

Deno.test("01-relu-overview measures one-sided slopes 0 and 1 and the convention reluGrad(0) = 0", () => {
  assert.ok(text.includes("h = 0.000001: ReLU left 0, right 1; Leaky ReLU left 0.01, right 1"));
  assert.ok(text.includes("reluGrad(0) = 0\n"));
  assert.ok(text.includes(`reluGrad(0, { atZero: "right" }) = 1\n`));
});

Deno.test("01-relu-overview draws the digit black on white (the ink scheme)", () => {
  assert.match(code, /colorScheme: "ink"/);
  assert.doesNotMatch(code, /colorScheme: "gray"/);
});

Deno.test({
  name: "01-relu-overview run with alpha = 0.2: the Leaky ReLU lines change, the verdicts do not",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const output = printed(report.executed);
    assert.ok(output.includes("leakyRelu(-2, { alpha: 0.2 }) = -0.4\n"));
    assert.ok(output.includes("z = -2: relu = 0, leakyRelu (α = 0.2) = -0.4"));
    assert.ok(output.includes("Leaky ReLU's derivative at 0: 0.2 (its left slope, α)"));
    assert.ok(!output.includes("-0.02\n"));
    assert.equal(output.match(/below 1e-12: true$/gm)?.length, 2);
    assert.deepEqual(verdictLines(output), verdictLines(text));
    // ReLU's results do not depend on alpha.
    assert.ok(output.includes("relu(-2) = 0\n"));
  },
});

/**
 * An independent version of the notebook's network written by hand (1 input, H hidden units
 * with slope `slope` for z <= 0, 1 output, mean squared error), trained by full-batch gradient
 * descent, against `mlp` + `train` from the same weights.
 */
function handTrainedAgainstLibrary(activation: "relu" | "leakyRelu", slope: number, seed: number) {
  const data = regression1d("sin", { n: 64, range: [-2, 2], seed });
  const x = data.x.data, y = (data.y as Matrix).data, n = x.length, H = 6, rate = 0.05;
  const model = activation === "relu"
    ? mlp([1, H, 1], { activation, seed })
    : mlp([1, H, 1], { activation, alpha: slope, seed });
  const [w1, b1, w2, b2] = model.params().map((p) => p.value.slice());
  const lossAndGrad = () => {
    const g = [new Float64Array(H), new Float64Array(H), new Float64Array(H), new Float64Array(1)];
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const z = Array.from(w1, (w, j) => x[i] * w + b1[j]);
      const h = z.map((v) => (v > 0 ? v : slope * v));
      const out = h.reduce((s, v, j) => s + v * w2[j], b2[0]);
      loss += (out - y[i]) ** 2 / n;
      const d = (2 * (out - y[i])) / n;
      g[3][0] += d;
      for (let j = 0; j < H; j++) {
        g[2][j] += d * h[j];
        const dz = d * w2[j] * (z[j] > 0 ? 1 : slope);
        g[0][j] += dz * x[i];
        g[1][j] += dz;
      }
    }
    return { loss, g };
  };
  const start = lossAndGrad();
  model.zeroGrad();
  const out = model.forward(data.x);
  const libraryLoss = meanSquaredErrorValue(out, data.y as Matrix);
  model.backward(meanSquaredErrorGrad(out, data.y as Matrix));
  let worst = Math.abs(start.loss - libraryLoss);
  model.params().forEach((p, k) =>
    p.grad.forEach((v, i) => worst = Math.max(worst, Math.abs(v - start.g[k][i])))
  );
  const losses: number[] = [];
  for (let step = 0; step < 10; step++) {
    const { g } = lossAndGrad();
    [w1, b1, w2, b2].forEach((w, k) => w.forEach((_, i) => w[i] -= rate * g[k][i]));
    losses.push(lossAndGrad().loss);
  }
  const history = train(model, data, {
    epochs: 10,
    batchSize: n,
    learningRate: rate,
    shuffle: false,
  });
  history.forEach((r, e) => worst = Math.max(worst, Math.abs(r.trainLoss - losses[e])));
  model.params().forEach((p, k) =>
    p.value.forEach((v, i) => worst = Math.max(worst, Math.abs(v - [w1, b1, w2, b2][k][i])))
  );
  return { worst, first: losses[0], last: losses[9] };
}

Deno.test("a one-hidden-layer network written by hand computes the loss, gradients and training steps of mlp and train to 1e-12", async (t) => {
  for (
    const [activation, slope] of [["relu", 0], ["leakyRelu", 0.01], ["leakyRelu", 0.3]] as const
  ) {
    await t.step(`${activation} with slope ${slope} for z <= 0, on 3 seeds`, () => {
      for (const seed of [0, 1, 2]) {
        const { worst, first, last } = handTrainedAgainstLibrary(activation, slope, seed);
        assert.ok(worst < 1e-12, `seed ${seed}: largest difference ${worst}`);
        assert.ok(last < first, `seed ${seed}: the loss falls (${first} → ${last})`);
      }
    });
  }
});
