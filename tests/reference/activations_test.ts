/**
 * micrograd-style reference checks: every activation's value and derivative, scalar and array
 * forms, Float64 and Float32 kernels, against TensorFlow.js (float32, CPU backend) and its
 * automatic differentiation. The inputs include z = 0, so the conventions at the kinks are
 * checked too (relu'(0) = 0 and leakyRelu'(0) = alpha, as TensorFlow.js and PyTorch).
 *
 * No permission needed: `deno test tests/reference/`.
 *
 * @module
 */

import { createActivation, createPrng, preluAlphaGrad, preluForward } from "../../src/mod.ts";
import { assertClose, tf, tfActivation, valuesOf } from "./_tf.ts";

/** One activation: name and parameters for `createActivation` and `tfActivation`. */
interface Case {
  name: string;
  params: Record<string, number>;
}

const CASES: Case[] = [
  { name: "relu", params: {} },
  { name: "leakyRelu", params: { alpha: 0.01 } },
  { name: "leakyRelu", params: { alpha: 0.1 } },
  { name: "leakyRelu", params: { alpha: 0.2 } },
  { name: "leakyRelu", params: { alpha: 0.3 } },
  { name: "prelu", params: { alpha: 0.25 } },
  { name: "prelu", params: { alpha: -0.1 } },
  { name: "rrelu", params: {} },
  { name: "elu", params: {} },
  { name: "elu", params: { alpha: 0.5 } },
  { name: "selu", params: {} },
  { name: "sigmoid", params: {} },
  { name: "tanh", params: {} },
  { name: "softplus", params: {} },
  { name: "softplus", params: { beta: 2 } },
  { name: "gelu", params: {} },
  { name: "geluTanh", params: {} },
  { name: "silu", params: {} },
];

/** -6 to 6 in steps of 1/8 (0 included), then the tails (104 values): all exact in float32. */
const GRID = Float64Array.from([
  ...Array.from({ length: 97 }, (_, i) => -6 + i / 8),
  -30,
  -15,
  -9.5,
  9.5,
  15,
  30,
  50,
]);

/** Upstream gradients: multiples of 1/64 in [-2, 2), exact in float32, from a seeded Prng. */
const GRAD_OUT = (() => {
  const prng = createPrng(11);
  return Float64Array.from(GRID, () => Math.floor(prng() * 256 - 128) / 64);
})();

function reference(c: Case, x: Float64Array, gradOut: Float64Array) {
  const xt = tf.tensor1d(Float32Array.from(x));
  const dy = tf.tensor1d(Float32Array.from(gradOut));
  const ones = tf.onesLike(xt);
  const f = tfActivation(c.name, c.params);
  const value = valuesOf(f(xt));
  const derivative = valuesOf(tf.grad(f)(xt, ones));
  const backward = valuesOf(tf.grad(f)(xt, dy));
  tf.dispose([xt, dy, ones]);
  return { value, derivative, backward };
}

function describe(c: Case): string {
  const params = Object.entries(c.params).map(([k, v]) => `${k}=${v}`).join(", ");
  return `${c.name}(${params})`;
}

for (const c of CASES) {
  Deno.test(`${describe(c)} matches TensorFlow.js in value and gradient`, async (t) => {
    const activation = createActivation(c.name, c.params);
    const expected = reference(c, GRID, GRAD_OUT);
    const label = describe(c);

    await t.step("f(z) and grad(z), one number at a time", () => {
      assertClose(Array.from(GRID, (z) => activation.f(z)), expected.value, `${label} f`, GRID);
      assertClose(
        Array.from(GRID, (z) => activation.grad(z)),
        expected.derivative,
        `${label} grad`,
        GRID,
      );
    });

    await t.step("forward on Float64Array and Float32Array", () => {
      assertClose(activation.forward(GRID), expected.value, `${label} forward f64`, GRID);
      const x32 = Float32Array.from(GRID);
      const out32 = activation.forward(x32, new Float32Array(GRID.length));
      assertClose(out32, expected.value, `${label} forward f32`, GRID);
    });

    await t.step("fused backward gradOut * f'(z), with and without the forward output", () => {
      assertClose(
        activation.backward(GRID, GRAD_OUT),
        expected.backward,
        `${label} backward f64`,
        GRID,
      );
      const y = activation.forward(GRID);
      assertClose(
        activation.backward(GRID, GRAD_OUT, new Float64Array(GRID.length), y),
        expected.backward,
        `${label} backward f64 (reusing y)`,
        GRID,
      );
      const x32 = Float32Array.from(GRID);
      const g32 = Float32Array.from(GRAD_OUT);
      assertClose(
        activation.backward(x32, g32, new Float32Array(GRID.length)),
        expected.backward,
        `${label} backward f32`,
        GRID,
      );
    });
  });
}

Deno.test("preluForward with one slope per column and preluAlphaGrad match tf.prelu", () => {
  // GRID as a batch of rows with 2 columns, each column with its own slope.
  const cols = 2;
  const alpha = Float64Array.of(0.25, 0.05);
  const x: tf.Tensor = tf.tensor2d(Float32Array.from(GRID), [GRID.length / cols, cols]);
  const a: tf.Tensor = tf.tensor1d(Float32Array.from(alpha));
  const dy = tf.tensor2d(Float32Array.from(GRAD_OUT), [GRID.length / cols, cols]);
  const value = valuesOf(tf.prelu(x, a));
  const alphaGrad = valuesOf(tf.grad((slopes: tf.Tensor) => tf.prelu(x, slopes))(a, dy));
  tf.dispose([x, a, dy]);

  assertClose(preluForward(GRID, alpha), value, "preluForward f64", GRID);
  assertClose(preluForward(Float32Array.from(GRID), alpha), value, "preluForward f32", GRID);
  // dLoss/dalpha_j = sum over the rows of gradOut * d prelu / d alpha at column j.
  const ours = new Float64Array(cols);
  for (let i = 0; i < GRID.length; i++) ours[i % cols] += GRAD_OUT[i] * preluAlphaGrad(GRID[i]);
  assertClose(ours, alphaGrad, "preluAlphaGrad summed per column");
});
