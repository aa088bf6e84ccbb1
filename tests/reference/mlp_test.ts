/**
 * micrograd-style reference checks of a whole model: a small MLP's logits, softmax
 * cross-entropy loss and every gradient (weights, biases, PReLU slopes and the input) against
 * the same network rebuilt in TensorFlow.js (float32, CPU backend) from our weights.
 *
 * No permission needed: `deno test tests/reference/`.
 *
 * @module
 */

import assert from "node:assert/strict";
import {
  ActivationLayer,
  createActivation,
  createPrng,
  Dense,
  type Layer,
  matrix,
  mlp,
  PReLU,
  randomNormal,
  type Sequential,
  softmaxCrossEntropyGrad,
  softmaxCrossEntropyValue,
} from "../../src/mod.ts";
import { assertClose, tf, tfActivation, valuesOf } from "./_tf.ts";

/** The network: 3 inputs, hidden layers of 5 and 4, 3 classes; a batch of 6. */
const SIZES = [3, 5, 4, 3];
const ROWS = 6;

/** Inputs (N(0, 1), so every activation sees both signs) and labels, from a seeded Prng. */
function batch(seed: number) {
  const prng = createPrng(seed);
  const x = matrix(ROWS, SIZES[0]);
  for (let i = 0; i < x.data.length; i++) x.data[i] = randomNormal(prng);
  const labels = Int32Array.from({ length: ROWS }, (_, i) => i % SIZES[SIZES.length - 1]);
  return { x, labels };
}

/** Our loss, logits and gradients (parameters in `model.params()` order, then the input). */
function ours(model: Sequential, x: ReturnType<typeof batch>["x"], labels: Int32Array) {
  model.zeroGrad();
  const logits = model.forward(x, { training: true });
  const loss = softmaxCrossEntropyValue(logits, labels);
  const logitValues = logits.data.slice();
  const inputGrad = model.backward(softmaxCrossEntropyGrad(logits, labels));
  return {
    loss,
    logits: logitValues,
    grads: model.params().map((p) => p.grad.slice()),
    inputGrad: inputGrad.data.slice(),
  };
}

/** The same computation in TensorFlow.js, from our weights, differentiated by TensorFlow.js. */
function reference(model: Sequential, x: ReturnType<typeof batch>["x"], labels: Int32Array) {
  const params = model.params();
  const variables = params.map((p, i) =>
    tf.variable(tf.tensor(Float32Array.from(p.value), [...p.shape]), true, `p${i}_${p.name}`)
  );
  const input = tf.variable(tf.tensor2d(Float32Array.from(x.data), [x.rows, x.cols]), true, "x");
  const oneHot = tf.oneHot(tf.tensor1d(labels, "int32"), SIZES[SIZES.length - 1]);
  let logits: tf.Tensor | undefined;
  const forward = (): tf.Scalar => {
    let h: tf.Tensor = input;
    let v = 0;
    for (const layer of model.layers) h = apply(layer, h, variables, () => v++);
    logits = tf.keep(h);
    return tf.losses.softmaxCrossEntropy(oneHot, h) as tf.Scalar;
  };
  const { value, grads } = tf.variableGrads(forward, [...variables, input]);
  const result = {
    loss: valuesOf(value)[0],
    logits: valuesOf(logits!),
    grads: variables.map((variable) => valuesOf(grads[variable.name])),
    inputGrad: valuesOf(grads[input.name]),
  };
  tf.dispose([...variables, input, oneHot]);
  return result;
}

/** One layer in TensorFlow.js ops; `next()` hands out the index of the layer's next variable. */
function apply(layer: Layer, h: tf.Tensor, variables: tf.Variable[], next: () => number) {
  if (layer instanceof Dense) {
    const w = variables[next()], b = variables[next()];
    return tf.add(tf.matMul(h as tf.Tensor2D, w as tf.Tensor2D), b);
  }
  if (layer instanceof ActivationLayer) {
    return tfActivation(layer.activation.name, layer.activation.params)(h);
  }
  if (layer instanceof PReLU) return tf.prelu(h, variables[next()]);
  throw new TypeError(`Cannot rebuild a ${layer.type} layer in TensorFlow.js`);
}

function check(model: Sequential, seed: number): void {
  const { x, labels } = batch(seed);
  const got = ours(model, x, labels);
  const want = reference(model, x, labels);
  assertClose(got.logits, want.logits, "logits");
  assertClose([got.loss], [want.loss], "loss");
  const params = model.params();
  assert.equal(got.grads.length, want.grads.length);
  for (let i = 0; i < params.length; i++) {
    assertClose(got.grads[i], want.grads[i], `gradient of parameter ${i} (${params[i].name})`);
  }
  assertClose(got.inputGrad, want.inputGrad, "gradient of the input");
}

const ACTIVATIONS: { name: string; params: Record<string, number> }[] = [
  { name: "relu", params: {} },
  { name: "leakyRelu", params: { alpha: 0.01 } },
  { name: "leakyRelu", params: { alpha: 0.2 } },
  { name: "elu", params: {} },
  { name: "selu", params: {} },
  { name: "sigmoid", params: {} },
  { name: "tanh", params: {} },
  { name: "softplus", params: {} },
  { name: "gelu", params: {} },
  { name: "silu", params: {} },
];

for (const { name, params } of ACTIVATIONS) {
  const label = `${name}(${Object.entries(params).map(([k, v]) => `${k}=${v}`).join(", ")})`;
  Deno.test(`an MLP with ${label} matches TensorFlow.js in loss, logits and every gradient`, () => {
    // Biases start at 0.1 so they matter in the gradients; Xavier weights keep every
    // activation (sigmoid and tanh included) away from saturation.
    const model = mlp(SIZES, {
      activation: createActivation(name, params),
      init: "xavierNormal",
      biasInit: 0.1,
      seed: 3,
    });
    check(model, 4);
  });
}

Deno.test("an MLP with PReLU matches TensorFlow.js, slope gradients included", async (t) => {
  await t.step("one slope per neuron, each different", () => {
    const model = mlp(SIZES, { activation: "prelu", biasInit: 0.1, seed: 5 });
    for (const layer of model.layers) {
      if (layer instanceof PReLU) layer.alpha.forEach((_, j, a) => (a[j] = 0.05 + 0.1 * j));
    }
    check(model, 6);
  });
  await t.step("one slope shared by the layer", () => {
    const model = mlp(SIZES, { activation: "prelu", sharedSlope: true, alpha: 0.3, seed: 7 });
    check(model, 8);
  });
});
