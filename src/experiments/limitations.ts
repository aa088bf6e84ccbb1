/**
 * Experiments on the limitations of ReLU beyond dying neurons: how often a pre-activation is
 * exactly 0 and whether the derivative's convention there matters; how activations grow with
 * depth under a too-large initialisation; the sign structure of weight gradients behind
 * non-zero-centred outputs; and a learning-rate sweep of dead neurons and loss.
 *
 * @module
 */

import { createActivation } from "../activations/create_activation.ts";
import type { KinkConvention } from "../activations/types.ts";
import type { Dataset } from "../core/dataset.ts";
import { matrix } from "../core/matrix.ts";
import { createPrng, randomNormal } from "../core/prng.ts";
import { requireNumber } from "../core/validate.ts";
import { twoMoons } from "../data/two_moons.ts";
import { Dense } from "../nn/dense.ts";
import type { Initializer, InitializerName } from "../nn/init.ts";
import { isActivationLayer } from "../nn/layer.ts";
import { resolveLoss } from "../nn/loss.ts";
import { mlp } from "../nn/mlp.ts";
import { train } from "../nn/train.ts";
import { defaultDyingData, dyingRelu, type DyingReluOptions } from "./dying.ts";
import { slopeFor } from "./_slope.ts";

/** Options of {@linkcode exactZeros}. */
export interface ExactZerosOptions {
  /** ReLU's derivative at z = 0: `"left"` (0), `"right"` (1), `"mean"` (0.5) or a number. Default: `"left"`. */
  atZero?: KinkConvention;
  /**
   * Fraction of training rows whose inputs are replaced by exact zeros (like missing values
   * filled with 0), in [0, 1]. Default: 0.
   */
  zeroRows?: number;
  /** Initial bias of the hidden neurons. Default: 0. */
  biasInit?: number;
  /** Hidden widths. Default: `[16, 16]`. */
  hidden?: readonly number[];
  /** Learning rate (plain SGD). Default: 0.1. */
  learningRate?: number;
  /** Epochs. Default: 20. */
  epochs?: number;
  /** Seed of the weights, the shuffling and the choice of zero rows. Default: 0. */
  seed?: number;
  /** The training set. Default: 200 points of two moons (as the dying-ReLU experiment). */
  data?: Dataset;
}

/** The result of {@linkcode exactZeros}. */
export interface ExactZerosResult {
  /** The derivative used at z = 0. */
  gradAtZero: number;
  /** Per hidden layer: pre-activations exactly equal to 0 in the training steps' forward passes. */
  zeros: number[];
  /** Pre-activations seen in all (steps x samples x hidden neurons). */
  seen: number;
  /** Training steps in which at least one pre-activation was exactly 0. */
  stepsWithZeros: number;
  /** Training steps in all. */
  steps: number;
  /** Loss of the final weights on the training set. */
  finalLoss: number;
  /** Every parameter of the trained model, concatenated (for comparing runs). */
  weights: Float64Array;
}

/**
 * Trains a ReLU MLP (plain SGD, float64) with the given derivative at z = 0 and counts, in every
 * training step, the pre-activations z that are exactly 0, where the convention decides the
 * gradient.
 *
 * @param options Convention at zero, zero rows, sizes, learning rate, epochs, seed, data.
 * @returns The counts, the final loss and the trained weights.
 *
 * @example
 * ```ts
 * import { exactZeros } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * // With zero-filled rows and zero biases, the first step sees exact zeros.
 * const run = exactZeros({ zeroRows: 0.5, epochs: 1 });
 * assert.ok(run.zeros[0] > 0);
 * ```
 */
export function exactZeros(options: ExactZerosOptions = {}): ExactZerosResult {
  const action = "count exact zeros";
  const zeroRows = requireNumber(action, "zeroRows", options.zeroRows ?? 0, { min: 0, max: 1 });
  const seed = options.seed ?? 0;
  const data = withZeroRows(options.data ?? defaultDyingData(), zeroRows, seed);
  const activation = createActivation("relu", { atZero: options.atZero ?? "left" });
  const hidden = options.hidden ?? [16, 16];
  const model = mlp([data.x.cols, ...hidden, 2], {
    activation,
    biasInit: options.biasInit ?? 0,
    seed,
  });
  const layers = model.layers.filter(isActivationLayer);
  const zeros = layers.map(() => 0);
  let seen = 0, steps = 0, stepsWithZeros = 0;
  const history = train(model, data, {
    epochs: options.epochs ?? 20,
    learningRate: options.learningRate ?? 0.1,
    batchSize: 16,
    seed,
    trainMetrics: "end",
    // After each step the activation layers still hold that step's pre-activations.
    onStep: () => {
      steps++;
      let any = false;
      layers.forEach((layer, l) => {
        const z = layer.lastInput!.data;
        seen += z.length;
        for (let i = 0; i < z.length; i++) {
          if (z[i] === 0) {
            zeros[l]++;
            any = true;
          }
        }
      });
      if (any) stepsWithZeros++;
    },
  });
  const weights = concatParams(model.params().map((p) => p.value));
  return {
    gradAtZero: activation.grad(0),
    zeros,
    seen,
    stepsWithZeros,
    steps,
    finalLoss: history[history.length - 1].trainLoss,
    weights,
  };
}

/** One convention's run in {@linkcode compareConventions}. */
export interface ConventionRun extends ExactZerosResult {
  /** Largest |difference| of any parameter from the first convention's run (0 for the first). */
  maxWeightDiff: number;
}

/**
 * Trains the same ReLU network once per convention at z = 0 (same seed, data and steps) and
 * compares the final losses and weights with the first convention's run.
 *
 * @param conventions The derivatives at z = 0 to try, e.g. `[0, 0.5, 1]`.
 * @param options As for {@linkcode exactZeros} (its `atZero` is ignored).
 * @returns One run per convention, in order.
 *
 * @example
 * ```ts
 * import { compareConventions } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * // No pre-activation is exactly 0 on this data: the three trainings are identical.
 * const runs = compareConventions([0, 0.5, 1], { epochs: 2 });
 * assert.deepEqual(runs.map((r) => r.maxWeightDiff), [0, 0, 0]);
 * ```
 */
export function compareConventions(
  conventions: readonly KinkConvention[],
  options: ExactZerosOptions = {},
): ConventionRun[] {
  const runs = conventions.map((atZero) => exactZeros({ ...options, atZero }));
  return runs.map((run) => {
    let maxWeightDiff = 0;
    for (let i = 0; i < run.weights.length; i++) {
      maxWeightDiff = Math.max(maxWeightDiff, Math.abs(run.weights[i] - runs[0].weights[i]));
    }
    return { ...run, maxWeightDiff };
  });
}

/** Options of {@linkcode activationScale}. */
export interface ActivationScaleOptions {
  /** Hidden activation name. Default: `"relu"`. */
  activation?: string;
  /** Weight initialiser. Default: `mlp`'s for the activation (He for ReLU, Xavier for tanh). */
  init?: Initializer | InitializerName;
  /** Number of hidden layers. Default: 10. */
  depth?: number;
  /** Width of every hidden layer (and of the input). Default: 32. */
  width?: number;
  /** Number of N(0, 1) input samples. Default: 256. */
  samples?: number;
  /** Seed of the inputs, labels and weights. Default: 0. */
  seed?: number;
}

/** The result of {@linkcode activationScale}. */
export interface ActivationScaleResult {
  /** Per hidden layer: the mean |activation| over samples and neurons. */
  meanAbs: number[];
  /** Per hidden layer: the mean activation (its sign shows whether outputs are centred). */
  mean: number[];
  /** Per Dense layer, input first: the L2 norm of its weight gradient for a random-label batch. */
  gradNorm: number[];
}

/**
 * Sends N(0, 1) inputs through a deep, untrained MLP and measures each hidden layer's mean
 * |activation| and mean activation, and each Dense layer's weight-gradient norm for one
 * softmax cross-entropy backward pass with random labels.
 *
 * @param options Activation, initialiser, depth, width, samples, seed.
 * @returns Per-layer statistics.
 *
 * @example
 * ```ts
 * import { activationScale, normalInit } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const big = activationScale({ init: normalInit({ sigma: 1 }), depth: 4 });
 * assert.ok(big.meanAbs[3] > 10 * big.meanAbs[0]);
 * ```
 */
export function activationScale(options: ActivationScaleOptions = {}): ActivationScaleResult {
  const action = "measure activation scale";
  const depth = requireNumber(action, "depth", options.depth ?? 10, { integer: true, min: 1 });
  const width = requireNumber(action, "width", options.width ?? 32, { integer: true, min: 1 });
  const samples = requireNumber(action, "samples", options.samples ?? 256, {
    integer: true,
    min: 1,
  });
  const seed = options.seed ?? 0;
  const prng = createPrng(seed + 1);
  const x = matrix(samples, width);
  for (let i = 0; i < x.data.length; i++) x.data[i] = randomNormal(prng);
  const labels = new Int32Array(samples);
  for (let i = 0; i < samples; i++) labels[i] = prng() < 0.5 ? 0 : 1;
  const model = mlp([width, ...Array(depth).fill(width), 2], {
    activation: options.activation ?? "relu",
    init: options.init,
    seed,
  });
  const out = model.forward(x, { training: false });
  const meanAbs: number[] = [], mean: number[] = [];
  for (const layer of model.layers) {
    if (!isActivationLayer(layer)) continue;
    const y = layer.lastOutput!.data;
    let abs = 0, sum = 0;
    for (let i = 0; i < y.length; i++) {
      abs += Math.abs(y[i]);
      sum += y[i];
    }
    meanAbs.push(abs / y.length);
    mean.push(sum / y.length);
  }
  const grad = matrix(out.rows, out.cols);
  resolveLoss("softmaxCrossEntropy").valueAndGrad(out, labels, grad);
  model.zeroGrad();
  model.backward(grad);
  const gradNorm = model.layers
    .filter((layer): layer is Dense => layer instanceof Dense)
    .map((layer) => Math.hypot(...layer.weightGrad));
  return { meanAbs, mean, gradNorm };
}

/** Options of {@linkcode gradientSigns}. */
export interface GradientSignsOptions {
  /** Hidden activation name. Default: `"relu"`. */
  activation?: string;
  /** Leaky ReLU's negative slope. Default: 0.01. */
  alpha?: number;
  /** Width of the two hidden layers. Default: 16. */
  width?: number;
  /** Samples in the batch. Default: 64. */
  batchSize?: number;
  /** Seed of the data and weights. Default: 0. */
  seed?: number;
}

/** The result of {@linkcode gradientSigns}. */
export interface GradientSignsResult {
  /**
   * Over the second layer's neurons and the batch's samples: the fraction of per-sample
   * incoming-weight gradients whose non-zero components all have the same sign.
   */
  sameSignSamples: number;
  /**
   * Over the second layer's neurons and samples: the mean share of a per-sample gradient's
   * non-zero components that have its majority sign (1 when they all agree, about 0.5 for
   * random signs).
   */
  majorityShare: number;
  /** Over the second layer's neurons: the mean share of the batch gradient's components with its majority sign. */
  batchMajorityShare: number;
  /** Mean of the first hidden layer's outputs (the inputs of the measured neurons). */
  inputMean: number;
}

/**
 * Measures the sign structure of the weight gradients of the second hidden layer, whose inputs
 * are the first hidden layer's outputs. For neuron j and sample i the gradient of its incoming
 * weights is `delta_ij * h_i`: when every h_i >= 0 (ReLU), all its components share the sign of
 * `delta_ij`, so one sample can only push all of them up or all down.
 *
 * @param options Activation, width, batch size, seed.
 * @returns Shares of same-sign gradients.
 *
 * @example
 * ```ts
 * import { gradientSigns } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(gradientSigns({ activation: "relu" }).sameSignSamples, 1);
 * assert.ok(gradientSigns({ activation: "tanh" }).sameSignSamples < 0.5);
 * ```
 */
export function gradientSigns(options: GradientSignsOptions = {}): GradientSignsResult {
  const width = options.width ?? 16, seed = options.seed ?? 0;
  const data = twoMoons({ n: options.batchSize ?? 64, noise: 0.1, seed: seed + 1 });
  const model = mlp([2, width, width, 2], {
    activation: options.activation ?? "relu",
    alpha: slopeFor(options.activation ?? "relu", options.alpha ?? 0.01),
    seed,
  });
  const out = model.forward(data.x, { training: true });
  const grad = matrix(out.rows, out.cols);
  resolveLoss("softmaxCrossEntropy").valueAndGrad(out, data.y as Int32Array, grad);
  // Backpropagate layer by layer, keeping dLoss/dz of the second Dense layer (index 2).
  let g = grad;
  for (let l = model.layers.length - 1; l > 2; l--) g = model.layers[l].backward(g);
  const delta = g;
  const h = (model.layers[1] as { lastOutput?: { data: Float64Array } }).lastOutput!.data;
  const rows = data.x.rows;
  let sameSign = 0, share = 0, counted = 0, batchShare = 0, inputSum = 0;
  for (let i = 0; i < h.length; i++) inputSum += h[i];
  for (let j = 0; j < width; j++) {
    const batch = new Float64Array(width);
    for (let i = 0; i < rows; i++) {
      const d = delta.data[i * width + j];
      let pos = 0, neg = 0;
      for (let k = 0; k < width; k++) {
        const v = d * h[i * width + k];
        batch[k] += v;
        if (v > 0) pos++;
        else if (v < 0) neg++;
      }
      if (pos + neg === 0) continue;
      counted++;
      if (pos === 0 || neg === 0) sameSign++;
      share += Math.max(pos, neg) / (pos + neg);
    }
    let pos = 0, neg = 0;
    for (const v of batch) {
      if (v > 0) pos++;
      else if (v < 0) neg++;
    }
    batchShare += pos + neg === 0 ? 1 : Math.max(pos, neg) / (pos + neg);
  }
  return {
    sameSignSamples: sameSign / counted,
    majorityShare: share / counted,
    batchMajorityShare: batchShare / width,
    inputMean: inputSum / h.length,
  };
}

/**
 * One line on {@linkcode gradientSigns}' result.
 *
 * @param name What to call the activation.
 * @param result The result.
 * @returns The line.
 *
 * @example
 * ```ts
 * import { describeGradientSigns, gradientSigns } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeGradientSigns("ReLU", gradientSigns());
 * assert.match(text, /one-sign samples 100%; majority sign 100%\/sample/);
 * ```
 */
export function describeGradientSigns(name: string, result: GradientSignsResult): string {
  const percent = (v: number) => `${(100 * v).toFixed(0)}%`;
  return `${name}: input mean ${result.inputMean.toFixed(3)}; one-sign samples ` +
    `${percent(result.sameSignSamples)}; majority sign ${percent(result.majorityShare)}/sample, ` +
    `${percent(result.batchMajorityShare)}/batch sum`;
}

/**
 * One line on {@linkcode activationScale}'s result: the last layer's mean |activation|, the
 * mean growth factor per layer and the first layer's weight-gradient norm.
 *
 * @param name What to call the network.
 * @param result The result.
 * @returns The line.
 *
 * @example
 * ```ts
 * import { activationScale, describeScale } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeScale("He", activationScale({ depth: 3 }));
 * assert.match(text, /^He: layer 3 mean \|a\| [\d.]+, ×[\d.]+ per layer; first-layer gradient norm /);
 * ```
 */
export function describeScale(name: string, result: ActivationScaleResult): string {
  const depth = result.meanAbs.length;
  return `${name}: layer ${depth} mean |a| ${result.meanAbs[depth - 1].toPrecision(3)}, ` +
    `×${growthPerLayer(result.meanAbs).toFixed(2)} per layer; first-layer gradient norm ` +
    result.gradNorm[0].toPrecision(3);
}

/**
 * The mean growth factor per layer of a sequence of positive per-layer values: the geometric
 * mean of the ratios of consecutive layers, `(last / first)^(1 / (n - 1))`.
 *
 * @param perLayer Positive values, one per layer (at least two).
 * @returns The factor.
 *
 * @example
 * ```ts
 * import { growthPerLayer } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(growthPerLayer([1, 4, 16]), 4);
 * ```
 */
export function growthPerLayer(perLayer: readonly number[]): number {
  return (perLayer[perLayer.length - 1] / perLayer[0]) ** (1 / (perLayer.length - 1));
}

/** One learning rate of {@linkcode learningRateSweep}. */
export interface SweepPoint {
  /** The learning rate. */
  learningRate: number;
  /**
   * Mean over the seeds that did not diverge of the fraction of hidden neurons dead at the end
   * (NaN when all diverged).
   */
  deadFraction: number;
  /** Mean over the seeds that did not diverge of the final loss (NaN when all diverged). */
  finalLoss: number;
  /** Seeds whose training diverged. */
  diverged: number;
  /** Seeds run. */
  seeds: number;
}

/**
 * Runs the dying-ReLU experiment at several learning rates and seeds, and summarises each rate
 * by its mean final dead fraction and loss.
 *
 * @param rates The learning rates.
 * @param options The experiment's options and `seeds` (default `[0, 1, 2]`).
 * @returns One point per learning rate, in order.
 *
 * @example
 * ```ts
 * import { learningRateSweep } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const sweep = learningRateSweep([0.01, 2], { epochs: 5, seeds: [0, 1] });
 * assert.ok(sweep[1].deadFraction > sweep[0].deadFraction);
 * ```
 */
export function learningRateSweep(
  rates: readonly number[],
  options: DyingReluOptions & { seeds?: readonly number[] } = {},
): SweepPoint[] {
  const seeds = options.seeds ?? [0, 1, 2];
  return rates.map((learningRate) => {
    const runs = seeds.map((seed) => dyingRelu({ ...options, learningRate, seed }));
    const finished = runs.filter((run) => !run.diverged);
    return {
      learningRate,
      deadFraction: finished.length === 0
        ? NaN
        : average(finished.map((run) => run.deadFraction[run.deadFraction.length - 1])),
      finalLoss: finished.length === 0 ? NaN : average(finished.map((run) => run.finalLoss)),
      diverged: runs.length - finished.length,
      seeds: runs.length,
    };
  });
}

/**
 * A few lines on {@linkcode compareConventions}' runs: exact zeros seen, final losses and
 * the largest weight difference from the first convention.
 *
 * @param runs The runs, as returned by {@linkcode compareConventions}.
 * @returns The text.
 *
 * @example
 * ```ts
 * import { compareConventions, describeConventions } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeConventions(compareConventions([0, 1], { epochs: 1 }));
 * assert.match(text, /^exact zeros: 0 in layer 1, 0 in layer 2/);
 * assert.match(text, /f'\(0\) = 1: final loss [\d.]+, weights bit-for-bit identical/);
 * ```
 */
export function describeConventions(runs: readonly ConventionRun[]): string {
  const first = runs[0];
  const zeros = first.zeros.map((n, l) => `${n} in layer ${l + 1}`).join(", ");
  const lines = [
    `exact zeros: ${zeros}, among ${first.seen} pre-activations`,
    `steps with an exact zero: ${first.stepsWithZeros} of ${first.steps}`,
  ];
  for (const r of runs) {
    const diff = r === first
      ? " (reference)"
      : r.maxWeightDiff === 0
      ? ", weights bit-for-bit identical"
      : `, largest weight difference ${r.maxWeightDiff.toPrecision(3)}`;
    lines.push(`f'(0) = ${r.gradAtZero}: final loss ${r.finalLoss.toFixed(6)}${diff}`);
  }
  return lines.join("\n");
}

/**
 * Two lines on a learning-rate sweep: the dead fraction at the smallest and largest rate that
 * did not diverge, the rate with the lowest final loss, and the diverged runs.
 *
 * @param sweep The points of {@linkcode learningRateSweep}.
 * @param name What to call the activation. Default: `"ReLU"`.
 * @returns The lines.
 *
 * @example
 * ```ts
 * import { describeSweep } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeSweep([
 *   { learningRate: 0.1, deadFraction: 0.05, finalLoss: 0.1, diverged: 0, seeds: 3 },
 *   { learningRate: 1, deadFraction: 0.5, finalLoss: 0.6, diverged: 1, seeds: 3 },
 * ]);
 * assert.match(text, /^ReLU: dead 5% at η = 0.1 → 50% at η = 1; lowest loss 0.100 at η = 0.1/);
 * assert.match(text, /diverged runs: 1\/3 at η = 1$/);
 * ```
 */
export function describeSweep(sweep: readonly SweepPoint[], name = "ReLU"): string {
  const measured = sweep.filter((p) => Number.isFinite(p.deadFraction));
  const first = measured[0], last = measured[measured.length - 1];
  if (first === undefined) return `${name}: every run diverged`;
  const best = measured.reduce((a, b) => (b.finalLoss < a.finalLoss ? b : a), first);
  const diverged = sweep.filter((p) => p.diverged > 0)
    .map((p) => `${p.diverged}/${p.seeds} at η = ${p.learningRate}`);
  const percent = (v: number) => `${(100 * v).toFixed(0)}%`;
  return `${name}: dead ${percent(first.deadFraction)} at η = ${first.learningRate} → ` +
    `${percent(last.deadFraction)} at η = ${last.learningRate}; lowest loss ` +
    `${best.finalLoss.toFixed(3)} at η = ${best.learningRate}\n  diverged runs: ` +
    (diverged.length > 0 ? diverged.join(", ") : "none");
}

/**
 * One line per learning rate comparing several sweeps over the same rates: dead fraction and
 * final loss of each, or "diverged" when every seed diverged.
 *
 * @param sweeps Named sweeps, e.g. `{ ReLU: sweep, Leaky: leakySweep }`.
 * @returns The lines, joined with newlines.
 *
 * @example
 * ```ts
 * import { sweepTable } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const point = { learningRate: 1, deadFraction: 0.25, finalLoss: 0.5, diverged: 0, seeds: 1 };
 * const lost = { ...point, deadFraction: NaN, finalLoss: NaN, diverged: 1 };
 * assert.equal(
 *   sweepTable({ A: [point], B: [lost] }),
 *   "η = 1: A dead 25%, loss 0.500 | B diverged",
 * );
 * ```
 */
export function sweepTable(sweeps: Readonly<Record<string, readonly SweepPoint[]>>): string {
  const entries = Object.entries(sweeps);
  return entries[0][1].map((point, i) => {
    const cells = entries.map(([name, sweep]) => {
      const p = sweep[i];
      return Number.isFinite(p.finalLoss)
        ? `${name} dead ${(100 * p.deadFraction).toFixed(0)}%, loss ${p.finalLoss.toFixed(3)}`
        : `${name} diverged`;
    });
    return `η = ${point.learningRate}: ${cells.join(" | ")}`;
  }).join("\n");
}

function average(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function concatParams(arrays: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** Copies `data` with a fraction of its rows (chosen by `seed`) set to exact zeros. */
function withZeroRows(data: Dataset, fraction: number, seed: number): Dataset {
  if (fraction === 0) return data;
  const x = matrix(data.x.rows, data.x.cols, data.x.data.slice());
  const prng = createPrng(seed + 7);
  for (let i = 0; i < x.rows; i++) {
    if (prng() < fraction) x.data.fill(0, i * x.cols, (i + 1) * x.cols);
  }
  return { ...data, x };
}
