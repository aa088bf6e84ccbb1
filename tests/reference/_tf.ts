/**
 * TensorFlow.js as the reference framework of the micrograd-style tests: the CPU backend
 * (float32, deterministic, no permission needed) and a float32-aware closeness check.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";

// tfjs-backend-cpu greets Node.js users (Deno looks like one) with advice to install tfjs-node
// on its first tensor; the advice does not apply to these tests.
tf.env().set("IS_NODE", false);
await tf.setBackend("cpu");

export { tf };

/**
 * How close a float64 value must be to TensorFlow.js's float32 one: |ours - tf| <= ABSOLUTE +
 * RELATIVE * |tf|. Float32 rounds to 6e-8 relative; TF's own exp, erf and log1p formulas add a
 * few ulps, and a gradient through a few layers a few more.
 */
export const FLOAT32_TOLERANCE = { absolute: 1e-6, relative: 1e-5 } as const;

/**
 * Asserts that `actual` (ours) and `expected` (TensorFlow.js) agree element by element within
 * {@linkcode FLOAT32_TOLERANCE}, naming the first element that does not.
 *
 * @param actual Our values.
 * @param expected The reference values.
 * @param what What is compared, for the message (e.g. `"relu forward"`).
 * @param inputs The inputs, to name the failing one.
 */
export function assertClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  what: string,
  inputs?: ArrayLike<number>,
): void {
  assert.equal(actual.length, expected.length, `${what}: lengths differ`);
  const { absolute, relative } = FLOAT32_TOLERANCE;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i], e = expected[i];
    const ok = Object.is(a, e) || Math.abs(a - e) <= absolute + relative * Math.abs(e);
    if (!ok) {
      const at = inputs === undefined ? `index ${i}` : `z=${inputs[i]}`;
      assert.fail(`${what} differs from TensorFlow.js at ${at}: ours=${a}, tf=${e}`);
    }
  }
}

/**
 * Reads a tensor's values as a Float64Array and disposes it.
 *
 * @param t The tensor.
 * @returns Its values.
 */
export function valuesOf(t: tf.Tensor): Float64Array {
  const values = Float64Array.from(t.dataSync());
  t.dispose();
  return values;
}

/** GELU as defined: z Φ(z) = z (1 + erf(z / √2)) / 2. */
function tfGelu(x: tf.Tensor): tf.Tensor {
  return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2))));
}

/** GELU's tanh approximation: z (1 + tanh(√(2/π) (z + 0.044715 z³))) / 2. */
function tfGeluTanh(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
  return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.tanh(inner)));
}

/**
 * ELU with any alpha (tf.elu has alpha = 1 only). The branch mask is built from a copy of the
 * values, off the gradient tape (TensorFlow.js has no gradient for `greater`); at z = 0 the
 * gradient is the left one, alpha, like relu-lab's default.
 */
function tfElu(alpha: number) {
  return (x: tf.Tensor) => {
    const positive = tf.greater(tf.tensor(x.dataSync(), x.shape), 0);
    return tf.where(positive, x, tf.mul(alpha, tf.expm1(x)));
  };
}

/** Softplus with sharpness beta: log(1 + e^(beta z)) / beta. */
function tfSoftplus(beta: number) {
  return (x: tf.Tensor) => tf.div(tf.softplus(tf.mul(x, beta)), beta);
}

/**
 * The TensorFlow.js expression of a relu-lab activation, for `tf.grad` to differentiate:
 * built-in ops where TensorFlow.js has them (relu, leakyRelu, prelu, elu, selu, sigmoid,
 * tanh, softplus), compositions of ops otherwise.
 *
 * @param name The relu-lab activation name, as for `createActivation`.
 * @param params Its parameters (`alpha`, `beta`).
 * @returns A function of a tensor.
 */
export function tfActivation(
  name: string,
  params: Readonly<Record<string, unknown>> = {},
): (x: tf.Tensor) => tf.Tensor {
  const alpha = typeof params.alpha === "number" ? params.alpha : undefined;
  const beta = typeof params.beta === "number" ? params.beta : 1;
  switch (name) {
    case "relu":
      return (x) => tf.relu(x);
    case "leakyRelu":
      return (x) => tf.leakyRelu(x, alpha ?? 0.01);
    case "prelu":
      return (x) => tf.prelu(x, tf.scalar(alpha ?? 0.25));
    case "rrelu": {
      // In evaluation mode RReLU is Leaky ReLU with the mean of its slope range.
      const lower = typeof params.lower === "number" ? params.lower : 1 / 8;
      const upper = typeof params.upper === "number" ? params.upper : 1 / 3;
      return (x) => tf.leakyRelu(x, (lower + upper) / 2);
    }
    case "elu":
      return alpha === undefined || alpha === 1 ? (x) => tf.elu(x) : tfElu(alpha);
    case "selu":
      return (x) => tf.selu(x);
    case "sigmoid":
      return (x) => tf.sigmoid(x);
    case "tanh":
      return (x) => tf.tanh(x);
    case "softplus":
      return beta === 1 ? (x) => tf.softplus(x) : tfSoftplus(beta);
    case "gelu":
      return tfGelu;
    case "geluTanh":
      return tfGeluTanh;
    case "silu":
      return (x) => tf.mul(x, tf.sigmoid(x));
    case "identity":
      return (x) => x;
  }
  throw new RangeError(`Cannot build a TensorFlow.js reference as ${name} has none`);
}
