/**
 * Small reproductions of four classic results on rectifiers, run by notebook 08:
 *
 * - {@linkcode bornDeadProbability}: how often a deep, narrow ReLU network is dead at
 *   initialisation (Lu, Shin, Su and Karniadakis 2019, "Dying ReLU and Initialization: Theory
 *   and Numerical Examples").
 * - {@linkcode depthScale}: the size of the pre-activations layer by layer under Xavier and
 *   He initialisation (He, Zhang, Ren and Sun 2015, "Delving Deep into Rectifiers").
 * - {@linkcode activationProbabilities}: the fraction of samples on which each hidden unit of a
 *   trained network is active (Maas, Hannun and Ng 2013, "Rectifier Nonlinearities Improve
 *   Neural Network Acoustic Models").
 * - {@linkcode overfittingGap}: the train/test gap of ReLU, Leaky ReLU, PReLU and RReLU on a
 *   small data set (Xu, Wang, Chen and Li 2015, "Empirical Evaluation of Rectified Activations
 *   in Convolutional Network").
 *
 * @module
 */

import { type Matrix, matrix } from "../core/matrix.ts";
import { createPrng, randomNormal } from "../core/prng.ts";
import { requireNumber } from "../core/validate.ts";
import type { Dataset } from "../core/dataset.ts";
import { spirals } from "../data/spirals.ts";
import { type TrainTestSplit, trainTestSplit } from "../data/train_test_split.ts";
import { accuracy } from "../nn/accuracy.ts";
import { type Initializer, type InitializerName, resolveInitializer } from "../nn/init.ts";
import { mlp } from "../nn/mlp.ts";
import { ActivationLayer } from "../nn/activation_layer.ts";
import { train } from "../nn/train.ts";
import { formatSpread, type SeedSpread, seedSpread } from "./tradeoffs.ts";
import { slopeFor } from "./_slope.ts";

// ---------------------------------------------------------------------------------------------
// 1. Born dead (Lu et al. 2019)

/** Options of {@linkcode bornDeadProbability}. */
export interface BornDeadOptions {
  /** Depths (numbers of hidden layers) to report, integers >= 1. Default: 2, 5, 10, ..., 40. */
  depths?: readonly number[];
  /** Widths of the hidden layers, integers >= 1. Default: `[2, 3, 4, 5, 10]`. */
  widths?: readonly number[];
  /** Initialisation: a name (`"he"`, `"rai"`, ...) or an initialiser. Default: `"he"`. */
  init?: Initializer | InitializerName;
  /** Networks drawn per width, an integer >= 1. Default: 200. */
  nets?: number;
  /** Input dimension, an integer >= 1. Default: 1. */
  inputSize?: number;
  /** Input points, uniform in [-sqrt(3), sqrt(3)]^inputSize, an integer >= 1. Default: 64. */
  samples?: number;
  /** Seed of the inputs and the weights. Default: 0. */
  seed?: number;
}

/** The born-dead estimate for one width. */
export interface BornDeadCurve {
  /** The hidden width. */
  width: number;
  /** The depths, as asked. */
  depths: number[];
  /** Per depth: the fraction of the drawn networks that are born dead. */
  probability: number[];
  /** Per depth: the standard error of that fraction, sqrt(p (1 - p) / nets). */
  standardError: number[];
}

/** The result of {@linkcode bornDeadProbability}. */
export interface BornDeadResult {
  /** The initialiser's name. */
  init: string;
  /** Networks drawn per width. */
  nets: number;
  /** One curve per width, in the order asked. */
  curves: BornDeadCurve[];
}

/**
 * Estimates by Monte Carlo the probability that a deep ReLU network of constant width is born
 * dead: at initialisation some hidden layer outputs zeros for every input point, so the network
 * computes a constant function and no gradient reaches the layers below. For each width it draws
 * `nets` networks of the largest depth (zero biases unless the initialiser sets them) and records
 * the first dead layer of each; a network of depth L is the first L layers of one of them, so the
 * estimate at depth L is the fraction whose first dead layer is at most L.
 *
 * @param options Depths, widths, initialiser, number of networks, inputs and seed.
 * @returns One curve of probability against depth per width.
 *
 * @example
 * ```ts
 * import { bornDeadProbability } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const { curves } = bornDeadProbability({ depths: [2, 20], widths: [2], nets: 100, seed: 1 });
 * const [shallow, deep] = curves[0].probability;
 * assert.ok(deep > shallow);
 * ```
 */
export function bornDeadProbability(options: BornDeadOptions = {}): BornDeadResult {
  const action = "estimate the born-dead probability";
  const depths = [...(options.depths ?? [2, 5, 10, 15, 20, 25, 30, 35, 40])];
  for (const d of depths) requireNumber(action, "depth", d, { integer: true, min: 1 });
  const widths = [...(options.widths ?? [2, 3, 4, 5, 10])];
  for (const w of widths) requireNumber(action, "width", w, { integer: true, min: 1 });
  const nets = requireNumber(action, "nets", options.nets ?? 200, { integer: true, min: 1 });
  const inputSize = requireNumber(action, "inputSize", options.inputSize ?? 1, {
    integer: true,
    min: 1,
  });
  const samples = requireNumber(action, "samples", options.samples ?? 64, {
    integer: true,
    min: 1,
  });
  const init = resolveInitializer(options.init ?? "he");
  const seed = options.seed ?? 0;
  const maxDepth = Math.max(...depths);
  const inputPrng = createPrng(seed);
  const x = matrix(samples, inputSize);
  for (let i = 0; i < x.data.length; i++) x.data[i] = Math.sqrt(3) * (2 * inputPrng() - 1);

  const curves = widths.map((width, widthIndex): BornDeadCurve => {
    const prng = createPrng(seed * 1000 + widthIndex + 1);
    const firstDead: number[] = [];
    for (let net = 0; net < nets; net++) {
      let h: Matrix = x;
      let dead = Infinity;
      for (let layer = 1; layer <= maxDepth; layer++) {
        const w = matrix(h.cols, width);
        const b = new Float64Array(width);
        init.fill(w, b, prng);
        h = reluLayer(h, w, b);
        if (h.data.every((v) => v === 0)) {
          dead = layer;
          break;
        }
      }
      firstDead.push(dead);
    }
    const probability = depths.map((d) => firstDead.filter((f) => f <= d).length / nets);
    return {
      width,
      depths,
      probability,
      standardError: probability.map((p) => Math.sqrt(p * (1 - p) / nets)),
    };
  });
  return { init: init.name, nets, curves };
}

/**
 * One line per width of a {@linkcode bornDeadProbability} result: the label, the width and the
 * probability at each depth.
 *
 * @param result The estimate.
 * @param label The name to start each line with, e.g. `"He"`.
 * @returns The lines, joined by newlines.
 *
 * @example
 * ```ts
 * import { bornDeadProbability, describeBornDead } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const result = bornDeadProbability({ depths: [1], widths: [10], nets: 5 });
 * assert.equal(describeBornDead(result, "He"), "He, width 10: P(born dead) at depth 1 = 0");
 * ```
 */
export function describeBornDead(result: BornDeadResult, label: string): string {
  return result.curves.map((c) =>
    `${label}, width ${c.width}: P(born dead) at depth ${c.depths.join("/")} = ${
      c.probability.join(" ")
    }`
  ).join("\n");
}

/**
 * The born-dead probability of one width and depth in a {@linkcode bornDeadProbability} result.
 *
 * @param result The estimate.
 * @param width One of its widths.
 * @param depth One of its depths.
 * @returns The probability.
 *
 * @example
 * ```ts
 * import { bornDeadAt, bornDeadProbability } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const result = bornDeadProbability({ depths: [1, 2], widths: [10], nets: 5 });
 * assert.equal(bornDeadAt(result, 10, 2), 0);
 * assert.throws(() => bornDeadAt(result, 3, 2), RangeError);
 * ```
 */
export function bornDeadAt(result: BornDeadResult, width: number, depth: number): number {
  const curve = result.curves.find((c) => c.width === width);
  const index = curve?.depths.indexOf(depth) ?? -1;
  if (curve === undefined || index < 0) {
    throw new RangeError(
      `Cannot read a born-dead probability as width and depth must be among the estimated ones: width=${width}, depth=${depth}`,
    );
  }
  return curve.probability[index];
}

/** relu(h W + b), allocated once, plain loops. */
function reluLayer(h: Matrix, w: Matrix, b: Float64Array, alpha = 0): Matrix {
  const out = matrix(h.rows, w.cols);
  preActivation(h, w, b, out);
  const data = out.data;
  for (let i = 0; i < data.length; i++) if (data[i] <= 0) data[i] = alpha * data[i];
  return out;
}

/** out = h W + b. */
function preActivation(h: Matrix, w: Matrix, b: Float64Array, out: Matrix): void {
  const n = h.rows, k = h.cols, m = w.cols;
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < m; j++) out.data[r * m + j] = b[j];
    for (let i = 0; i < k; i++) {
      const v = h.data[r * k + i];
      if (v === 0) continue;
      for (let j = 0; j < m; j++) out.data[r * m + j] += v * w.data[i * m + j];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Activation scale (He et al. 2015)

/** One network of {@linkcode depthScale}: a slope and an initialiser. */
export interface ScaleCase {
  /** The name shown in figures, e.g. `"ReLU, Xavier"`. */
  label: string;
  /** Negative slope of the rectifier: 0 for ReLU. */
  alpha: number;
  /** The weight initialiser (biases are 0). */
  init: Initializer | InitializerName;
}

/** Options of {@linkcode depthScale}. */
export interface DepthScaleOptions {
  /** Number of layers, an integer >= 1. Default: 30. */
  depth?: number;
  /** Width of every layer (and of the input), an integer >= 1. Default: 100. */
  width?: number;
  /** Input samples, standard normal, an integer >= 1. Default: 100. */
  samples?: number;
  /** Seed of the inputs and the weights (the same for every case). Default: 0. */
  seed?: number;
}

/** What {@linkcode depthScale} measures for one case. */
export interface ScaleTrace {
  /** The case's label. */
  label: string;
  /** The rectifier's negative slope. */
  alpha: number;
  /** The initialiser's name. */
  init: string;
  /** Per layer l = 1..depth: the mean of z² over samples and neurons (z = pre-activation). */
  meanSquare: number[];
  /** Geometric mean of the layer-to-layer ratio of `meanSquare` (its per-layer factor). */
  ratio: number;
  /** `meanSquare` at the last layer divided by at the first. */
  lastOverFirst: number;
  /** The factor the theory predicts per layer: n · Var(w) · (1 + alpha²) / 2. */
  predictedRatio: number;
}

/**
 * Sends standard-normal inputs through a deep stack of equal-width dense layers (zero biases)
 * followed by a rectifier with slope `alpha` on the negative side, and records the mean square
 * of the pre-activations at every layer. He et al. (2015) show that this scale is multiplied at
 * every layer by n · Var(w) · (1 + alpha²) / 2, which is 1 for He's gain sqrt(2 / (1 + alpha²)),
 * 1 + alpha² for the plain gain sqrt(2) and (1 + alpha²) / 2 for Xavier (fan-in = fan-out).
 *
 * @param cases The networks: label, slope and initialiser.
 * @param options Depth, width, samples and seed.
 * @returns One trace per case.
 *
 * @example
 * ```ts
 * import { depthScale } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const [xavier, he] = depthScale([
 *   { label: "Xavier", alpha: 0, init: "xavier" },
 *   { label: "He", alpha: 0, init: "he" },
 * ], { depth: 10, width: 50, samples: 50 });
 * assert.ok(xavier.ratio < 0.6 && xavier.ratio > 0.4);
 * assert.ok(Math.abs(he.ratio - 1) < 0.15);
 * ```
 */
export function depthScale(
  cases: readonly ScaleCase[],
  options: DepthScaleOptions = {},
): ScaleTrace[] {
  const action = "measure the activation scale";
  const depth = requireNumber(action, "depth", options.depth ?? 30, { integer: true, min: 1 });
  const width = requireNumber(action, "width", options.width ?? 100, { integer: true, min: 1 });
  const samples = requireNumber(action, "samples", options.samples ?? 100, {
    integer: true,
    min: 1,
  });
  const seed = options.seed ?? 0;
  return cases.map((c): ScaleTrace => {
    const alpha = requireNumber(action, "alpha", c.alpha, { min: 0 });
    const init = resolveInitializer(c.init);
    const prng = createPrng(seed);
    let h = matrix(samples, width);
    for (let i = 0; i < h.data.length; i++) h.data[i] = randomNormal(prng);
    const meanSquare: number[] = [];
    const weightVariance: number[] = [];
    for (let layer = 0; layer < depth; layer++) {
      const w = matrix(width, width);
      const b = new Float64Array(width);
      init.fill(w, b, prng);
      b.fill(0);
      let squares = 0;
      for (const v of w.data) squares += v * v;
      weightVariance.push(squares / w.data.length);
      const z = matrix(samples, width);
      preActivation(h, w, b, z);
      let sum = 0;
      for (const v of z.data) sum += v * v;
      meanSquare.push(sum / z.data.length);
      for (let i = 0; i < z.data.length; i++) if (z.data[i] <= 0) z.data[i] *= alpha;
      h = z;
    }
    const lastOverFirst = meanSquare[depth - 1] / meanSquare[0];
    const variance = weightVariance.reduce((s, v) => s + v, 0) / depth;
    return {
      label: c.label,
      alpha,
      init: init.name,
      meanSquare,
      ratio: depth > 1 ? lastOverFirst ** (1 / (depth - 1)) : 1,
      lastOverFirst,
      predictedRatio: width * variance * (1 + alpha * alpha) / 2,
    };
  });
}

/**
 * One sentence on a {@linkcode ScaleTrace}: its per-layer ratio, the theory's, and last/first.
 *
 * @param trace The trace.
 * @returns The sentence.
 *
 * @example
 * ```ts
 * import { depthScale, describeDepthScale } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const [trace] = depthScale([{ label: "ReLU, He", alpha: 0, init: "he" }], { depth: 3, width: 4 });
 * assert.match(describeDepthScale(trace), /^ReLU, He: per-layer ratio [\d.]+ \(theory [\d.]+\)/);
 * ```
 */
export function describeDepthScale(trace: ScaleTrace): string {
  return `${trace.label}: per-layer ratio ${trace.ratio.toFixed(3)} (theory ${
    trace.predictedRatio.toFixed(3)
  }), last/first ${trace.lastOverFirst.toPrecision(3)}`;
}

// ---------------------------------------------------------------------------------------------
// 3. Activation probabilities (Maas et al. 2013)

/** The default data of {@linkcode activationProbabilities} and {@linkcode overfittingGap}. */
export interface PapersDataOptions {
  /** Points in all (train and test), an integer. Default: 600. */
  n?: number;
  /** Fraction held out for testing. Default: 0.8 (a small training set of 120 points). */
  testFraction?: number;
  /** Angle noise of the spirals. Default: 0.3. */
  noise?: number;
  /** Seed of the points and the split. Default: 1. */
  seed?: number;
}

/**
 * A small, noisy three-arm spiral task that a wide MLP overfits: 600 points with angle noise
 * 0.3, 120 of them for training and 480 for testing (by default).
 *
 * @param options Size, test fraction, noise, seed.
 * @returns The split.
 *
 * @example
 * ```ts
 * import { papersData } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = papersData();
 * assert.equal(data.train.x.rows, 120);
 * assert.equal(data.test.x.rows, 480);
 * ```
 */
export function papersData(options: PapersDataOptions = {}): TrainTestSplit {
  const seed = options.seed ?? 1;
  const data = spirals({ n: options.n ?? 600, classes: 3, noise: options.noise ?? 0.3, seed });
  return trainTestSplit(data, { testFraction: options.testFraction ?? 0.8, seed });
}

/** Options of {@linkcode activationProbabilities}. */
export interface ActivationProbabilitiesOptions {
  /** Leaky ReLU's slope (0 gives ReLU). Default: 0. */
  alpha?: number;
  /** Hidden widths. Default: `[64, 64]`. */
  hidden?: readonly number[];
  /** Seeds: one trained network per seed. Default: `[0, 1, 2]`. */
  seeds?: readonly number[];
  /** Epochs (Adam, learning rate 0.01, batches of 16). Default: 100. */
  epochs?: number;
  /** The data; probabilities are measured on its test set. Default: {@linkcode papersData}. */
  data?: TrainTestSplit;
}

/** The result of {@linkcode activationProbabilities}. */
export interface ActivationProbabilities {
  /** `"ReLU"` or `"Leaky ReLU (α = …)"`. */
  label: string;
  /** The slope. */
  alpha: number;
  /**
   * Per hidden unit of every layer and seed, the fraction of test samples with z > 0, sorted
   * from most to least active.
   */
  probabilities: number[];
  /** Mean of `probabilities`: the average fraction of active units. */
  meanProbability: number;
  /** Fraction of units active on fewer than 5% of the samples. */
  rarelyActive: number;
  /** Test accuracy over the seeds. */
  testAccuracy: SeedSpread;
}

/**
 * Trains a ReLU or Leaky ReLU MLP on a small classification task for several seeds and measures
 * each hidden unit's activation probability: the fraction of test samples on which its
 * pre-activation is positive (for ReLU, its output is non-zero).
 *
 * @param options Slope, hidden widths, seeds, epochs and data.
 * @returns The sorted probabilities and their summaries.
 *
 * @example
 * ```ts
 * import { activationProbabilities } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const relu = activationProbabilities({ hidden: [8], seeds: [0], epochs: 2 });
 * assert.equal(relu.probabilities.length, 8);
 * assert.ok(relu.probabilities.every((p) => p >= 0 && p <= 1));
 * ```
 */
export function activationProbabilities(
  options: ActivationProbabilitiesOptions = {},
): ActivationProbabilities {
  const action = "measure activation probabilities";
  const alpha = requireNumber(action, "alpha", options.alpha ?? 0, { min: 0 });
  const data = options.data ?? papersData();
  const seeds = options.seeds ?? [0, 1, 2];
  const epochs = requireNumber(action, "epochs", options.epochs ?? 100, { integer: true, min: 1 });
  const classes = Math.max(...data.train.y as Int32Array) + 1;
  const probabilities: number[] = [];
  const accuracies: number[] = [];
  for (const seed of seeds) {
    const model = mlp([data.train.x.cols, ...(options.hidden ?? [64, 64]), classes], {
      activation: alpha === 0 ? "relu" : "leakyRelu",
      alpha: alpha === 0 ? undefined : alpha,
      seed,
    });
    train(model, data.train, {
      epochs,
      learningRate: 0.01,
      optimizer: "adam",
      batchSize: 16,
      seed,
    });
    const logits = model.forward(data.test.x, { training: false });
    accuracies.push(accuracy(logits, data.test.y as Int32Array));
    for (const layer of model.layers) {
      if (!(layer instanceof ActivationLayer) || layer.lastInput === undefined) continue;
      const z = layer.lastInput;
      for (let j = 0; j < z.cols; j++) {
        let active = 0;
        for (let r = 0; r < z.rows; r++) if (z.data[r * z.cols + j] > 0) active++;
        probabilities.push(active / z.rows);
      }
    }
  }
  probabilities.sort((a, b) => b - a);
  return {
    label: alpha === 0 ? "ReLU" : `Leaky ReLU (α = ${alpha})`,
    alpha,
    probabilities,
    meanProbability: probabilities.reduce((s, p) => s + p, 0) / probabilities.length,
    rarelyActive: probabilities.filter((p) => p < 0.05).length / probabilities.length,
    testAccuracy: seedSpread(accuracies),
  };
}

/**
 * One sentence on an {@linkcode ActivationProbabilities} result: mean probability, rarely
 * active units, test accuracy.
 *
 * @param result The result.
 * @returns The sentence.
 *
 * @example
 * ```ts
 * import { activationProbabilities, describeActivationProbabilities } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const result = activationProbabilities({ hidden: [4], seeds: [0], epochs: 1 });
 * assert.match(describeActivationProbabilities(result), /^ReLU: mean activation probability 0\.\d{3}/);
 * ```
 */
export function describeActivationProbabilities(result: ActivationProbabilities): string {
  return `${result.label}: mean activation probability ${
    result.meanProbability.toFixed(3)
  }, units active on < 5% of inputs ${(100 * result.rarelyActive).toFixed(1)}%, test acc ${
    formatSpread(result.testAccuracy)
  }`;
}

// ---------------------------------------------------------------------------------------------
// 4. Overfitting gap (Xu et al. 2015)

/** One activation compared by {@linkcode overfittingGap}. */
export interface GapVariant {
  /** The name shown in figures and sentences. */
  label: string;
  /** An activation name `mlp` accepts: `"relu"`, `"leakyRelu"`, `"prelu"`, `"rrelu"`. */
  activation: string;
  /** Leaky ReLU's slope or PReLU's initial slope (ignored otherwise). */
  alpha?: number;
}

/**
 * The variants of Xu et al. (2015): ReLU, Leaky ReLU with `alpha` (default 0.01) and with the
 * "very leaky" 1/5.5, PReLU (initial slope 0.25) and RReLU (slope uniform in [1/8, 1/3] in
 * training, the middle of that range at test time).
 *
 * @param alpha The slope of the first Leaky ReLU. Default: 0.01.
 * @returns The five variants.
 *
 * @example
 * ```ts
 * import { xuVariants } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(xuVariants().map((v) => v.activation), ["relu", "leakyRelu", "leakyRelu", "prelu", "rrelu"]);
 * ```
 */
export function xuVariants(alpha = 0.01): GapVariant[] {
  return [
    { label: "ReLU", activation: "relu" },
    { label: `Leaky ReLU (α = ${alpha})`, activation: "leakyRelu", alpha },
    { label: "Leaky ReLU (α = 1/5.5)", activation: "leakyRelu", alpha: 1 / 5.5 },
    { label: "PReLU (α₀ = 0.25)", activation: "prelu", alpha: 0.25 },
    { label: "RReLU (α ~ U[1/8, 1/3])", activation: "rrelu" },
  ];
}

/** Options of {@linkcode overfittingGap}. */
export interface OverfittingGapOptions {
  /** Hidden widths. Default: `[64, 64]`. */
  hidden?: readonly number[];
  /** Seeds, one run per seed and variant. Default: `[0, 1, 2]`. */
  seeds?: readonly number[];
  /** Epochs (Adam, batches of 16). Default: 150. */
  epochs?: number;
  /** Adam's learning rate. Default: 0.01. */
  learningRate?: number;
  /** The data. Default: {@linkcode papersData}. */
  data?: TrainTestSplit;
}

/** What {@linkcode overfittingGap} measures for one variant. */
export interface GapScores {
  /** The variant's label. */
  label: string;
  /** Final training loss over seeds. */
  trainLoss: SeedSpread;
  /** Final test loss over seeds. */
  testLoss: SeedSpread;
  /** Test loss minus training loss, over seeds: the overfitting gap. */
  lossGap: SeedSpread;
  /** Final training accuracy. */
  trainAccuracy: SeedSpread;
  /** Final test accuracy. */
  testAccuracy: SeedSpread;
  /** Per seed, the test loss after every epoch (for curves). */
  testLossCurves: number[][];
  /** Per seed, the training loss after every epoch. */
  trainLossCurves: number[][];
  /** Per epoch, the test loss averaged over seeds. */
  meanTestLoss: number[];
  /** Per epoch, the training loss averaged over seeds. */
  meanTrainLoss: number[];
}

/**
 * Trains each variant on a small data set that overfits, over several seeds, and records the
 * final training and test loss and accuracy and the gap between them.
 *
 * @param variants The activations (e.g. {@linkcode xuVariants}).
 * @param options Hidden widths, seeds, epochs, learning rate and data.
 * @returns One score per variant.
 *
 * @example
 * ```ts
 * import { overfittingGap } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const [relu] = overfittingGap([{ label: "ReLU", activation: "relu" }], { seeds: [0], epochs: 3, hidden: [8] });
 * assert.equal(relu.trainLossCurves[0].length, 3);
 * assert.ok(Number.isFinite(relu.lossGap.mean));
 * ```
 */
export function overfittingGap(
  variants: readonly GapVariant[],
  options: OverfittingGapOptions = {},
): GapScores[] {
  const action = "measure the overfitting gap";
  const data = options.data ?? papersData();
  const seeds = options.seeds ?? [0, 1, 2];
  const epochs = requireNumber(action, "epochs", options.epochs ?? 150, { integer: true, min: 1 });
  const classes = Math.max(...data.train.y as Int32Array) + 1;
  return variants.map((variant): GapScores => {
    const runs = seeds.map((seed) => {
      const model = mlp([data.train.x.cols, ...(options.hidden ?? [64, 64]), classes], {
        activation: variant.activation,
        alpha: slopeFor(variant.activation, variant.alpha),
        seed,
      });
      const history = train(model, data.train, {
        epochs,
        learningRate: options.learningRate ?? 0.01,
        optimizer: "adam",
        batchSize: 16,
        seed,
        test: data.test,
        trainMetrics: "end",
      });
      return {
        train: history.map((r) => r.trainLoss),
        test: history.map((r) => r.testLoss ?? NaN),
        trainAccuracy: accuracyOf(model.predict(data.train.x), data.train),
        testAccuracy: accuracyOf(model.predict(data.test.x), data.test),
      };
    });
    const last = (curve: number[]) => curve[curve.length - 1];
    return {
      label: variant.label,
      trainLoss: seedSpread(runs.map((r) => last(r.train))),
      testLoss: seedSpread(runs.map((r) => last(r.test))),
      lossGap: seedSpread(runs.map((r) => last(r.test) - last(r.train))),
      trainAccuracy: seedSpread(runs.map((r) => r.trainAccuracy)),
      testAccuracy: seedSpread(runs.map((r) => r.testAccuracy)),
      testLossCurves: runs.map((r) => r.test),
      trainLossCurves: runs.map((r) => r.train),
      meanTestLoss: meanOverRuns(runs.map((r) => r.test)),
      meanTrainLoss: meanOverRuns(runs.map((r) => r.train)),
    };
  });
}

/**
 * One line on a {@linkcode GapScores}: training and test loss, their gap, test accuracy.
 *
 * @param scores The scores.
 * @returns The line, the label padded to 24 characters.
 *
 * @example
 * ```ts
 * import { describeGap, overfittingGap } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const [relu] = overfittingGap([{ label: "ReLU", activation: "relu" }], { seeds: [0], epochs: 1, hidden: [4] });
 * assert.match(describeGap(relu), /^ReLU +train loss [\d.]+ +test loss [\d.]+ +gap -?[\d.]+ +test acc/);
 * ```
 */
export function describeGap(scores: GapScores): string {
  const loss = (s: SeedSpread) => formatSpread(s, { scale: 1, digits: 3, unit: "" });
  return `${scores.label.padEnd(24)} train loss ${loss(scores.trainLoss)}  test loss ${
    loss(scores.testLoss)
  }  gap ${loss(scores.lossGap)}  test acc ${formatSpread(scores.testAccuracy)}`;
}

function meanOverRuns(curves: number[][]): number[] {
  return curves[0].map((_, e) => curves.reduce((sum, c) => sum + c[e], 0) / curves.length);
}

function accuracyOf(logits: Matrix, data: Dataset): number {
  return accuracy(logits, data.y as Int32Array);
}
