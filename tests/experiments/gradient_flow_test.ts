import assert from "node:assert/strict";
import {
  derivativePeaks,
  describeGradientFlow,
  GRADIENT_FLOW_ACTIVATIONS,
  gradientFlow,
} from "../../src/experiments/gradient_flow.ts";

Deno.test("derivativePeaks() finds each derivative's maximum and where it is first reached", () => {
  const peaks = derivativePeaks();
  assert.deepEqual(peaks.map((p) => p.activation), [...GRADIENT_FLOW_ACTIVATIONS]);
  assert.deepEqual(peaks.map((p) => p.max), [0.25, 1, 1, 1]);
  // The grid holds z = 0 exactly; ReLU's slope is 0 there (the left convention), 1 just after.
  assert.deepEqual(peaks.map((p) => p.at), [0, 0, 0.001, 0.001]);
});

Deno.test("derivativePeaks() uses alpha for Leaky ReLU and checks its options", async (t) => {
  await t.step("alpha > 1 makes the negative side the steepest", () => {
    const [leaky] = derivativePeaks(["leakyRelu"], { alpha: 2 });
    assert.equal(leaky.max, 2);
    assert.equal(leaky.at, -10);
    assert.equal(leaky.label, "Leaky ReLU (α = 2)");
  });
  await t.step("bad grids are refused", () => {
    assert.throws(() => derivativePeaks(["relu"], { points: 1 }), RangeError);
    assert.throws(() => derivativePeaks(["relu"], { range: 0 }), RangeError);
    assert.throws(() => derivativePeaks(["relu"], { alpha: NaN }), RangeError);
  });
});

Deno.test("gradientFlow() returns one norm per dense layer, with the initialiser suited to each activation", () => {
  const flows = gradientFlow({ depth: 5, width: 8, n: 32 });
  assert.deepEqual(flows.map((f) => f.init), [
    "xavierNormal",
    "xavierNormal",
    "heNormal",
    "heNormal",
  ]);
  for (const flow of flows) {
    assert.equal(flow.norms.length, 6);
    assert.ok(flow.norms.every((norm) => norm > 0 && Number.isFinite(norm)));
    assert.equal(flow.firstOverLast, flow.norms[0] / flow.norms[5]);
    assert.ok(flow.spread >= 1);
  }
});

Deno.test("gradientFlow() with one init uses it for every activation, and is deterministic", () => {
  const a = gradientFlow({ depth: 3, width: 8, n: 16, init: "he", seed: 5 });
  const b = gradientFlow({ depth: 3, width: 8, n: 16, init: "he", seed: 5 });
  assert.deepEqual(a, b);
  assert.ok(a.every((f) => f.init === "he"));
});

Deno.test("gradientFlow() refuses bad sizes", () => {
  assert.throws(() => gradientFlow({ depth: 0 }), RangeError);
  assert.throws(() => gradientFlow({ width: 1.5 }), RangeError);
  assert.throws(() => gradientFlow({ n: 1 }), RangeError);
});

Deno.test("describeGradientFlow() reports every activation and names the extremes", () => {
  const text = describeGradientFlow(gradientFlow({ depth: 10, width: 16, n: 64 }));
  const lines = text.split("\n");
  assert.equal(lines.length, 6);
  assert.match(lines[1], /^ {2}Sigmoid \(xavierNormal\): first\/last \d\.\de-\d+, spread/);
  assert.match(lines[5], /Sigmoid the least/);
});
