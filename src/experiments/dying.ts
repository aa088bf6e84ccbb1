/**
 * The dying-ReLU experiment: train a small MLP and record, after every epoch, which hidden
 * neurons are dead (their pre-activation z is <= 0 for every training sample), when each one
 * died, whether neurons that started dead came back, and the loss.
 *
 * @module
 */

import type { Activation } from "../activations/types.ts";
import type { Dataset } from "../core/dataset.ts";
import { type Matrix, matrix } from "../core/matrix.ts";
import { requireNumber } from "../core/validate.ts";
import { twoMoons } from "../data/two_moons.ts";
import type { Initializer, InitializerName } from "../nn/init.ts";
import { defaultLossName, resolveLoss } from "../nn/loss.ts";
import { mlp } from "../nn/mlp.ts";
import type { OptimizerName } from "../nn/optimizer.ts";
import { scanActivations } from "../nn/scan_activations.ts";
import type { Sequential } from "../nn/sequential.ts";
import { train, TrainingDivergedError } from "../nn/train.ts";
import { slopeFor } from "./_slope.ts";

/** Options of {@linkcode dyingRelu}. */
export interface DyingReluOptions {
  /** The hidden activation: a name `mlp` accepts (`"relu"`, `"leakyRelu"`, ...) or an object. Default: `"relu"`. */
  activation?: string | Activation;
  /** Leaky ReLU's negative slope (ignored by activations without one). Default: 0.01. */
  alpha?: number;
  /** Widths of the hidden layers. Default: `[16, 16, 16]`. */
  hidden?: readonly number[];
  /** Learning rate, > 0. Default: 0.1. */
  learningRate?: number;
  /** Optimizer. Default: `"sgd"` (plain, no momentum). */
  optimizer?: OptimizerName;
  /** Initial bias of every hidden neuron (negative values start neurons dead). Default: 0. */
  biasInit?: number;
  /** Weight initialiser. Default: `mlp`'s (He normal for the ReLU family). */
  init?: Initializer | InitializerName;
  /** Seed of the weights and of the shuffling. Default: 0. */
  seed?: number;
  /** Number of epochs, an integer >= 1. Default: 30. */
  epochs?: number;
  /** Mini-batch size. Default: 16. */
  batchSize?: number;
  /**
   * The training set (2 input columns unless `hidden` and the data agree otherwise). Default:
   * {@linkcode defaultDyingData}, 200 points of two moons.
   */
  data?: Dataset;
}

/** What {@linkcode dyingRelu} records for one hidden layer. */
export interface DyingLayerTrace {
  /** Number of neurons. */
  size: number;
  /** `dead[e][j]` is true when neuron j was dead after epoch e (`e = 0`: before training). */
  dead: boolean[][];
  /** Fraction of dead neurons after each epoch (index 0: before training). */
  deadFraction: number[];
  /**
   * Per neuron: the epoch after which it was dead and stayed dead to the end (0 when it was
   * dead from the start), or -1 when it is alive at the end.
   */
  diedAt: number[];
  /** Neurons dead before training. */
  startedDead: number;
  /** Neurons dead before training that are alive at the end. */
  recovered: number;
  /** Neurons dead at the end. */
  deadAtEnd: number;
}

/** The result of {@linkcode dyingRelu}. */
export interface DyingReluResult {
  /** The activation's label, e.g. `"ReLU"` or `"Leaky ReLU (α = 0.01)"`. */
  label: string;
  /** Epochs completed (fewer than asked when training diverged). */
  epochs: number;
  /** One trace per hidden layer, in order. */
  layers: DyingLayerTrace[];
  /** Fraction of all hidden neurons that are dead, after each epoch (index 0: before training). */
  deadFraction: number[];
  /** Loss of the weights on the training set after each epoch (index 0: before training). */
  loss: number[];
  /** Loss of the final weights (NaN when training diverged). */
  finalLoss: number;
  /** Whether training stopped on a non-finite loss. */
  diverged: boolean;
  /** Hidden neurons in all. */
  neurons: number;
  /** Hidden neurons dead before training. */
  startedDead: number;
  /** Hidden neurons dead before training and alive at the end. */
  recovered: number;
  /** Hidden neurons dead at the end. */
  deadAtEnd: number;
  /** The trained model. */
  model: Sequential;
}

/**
 * The data of the dying-ReLU experiments: two moons, 200 points, noise 0.1, seed 1.
 *
 * @returns The data set.
 *
 * @example
 * ```ts
 * import { defaultDyingData } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(defaultDyingData().x.rows, 200);
 * ```
 */
export function defaultDyingData(): Dataset {
  return twoMoons({ n: 200, noise: 0.1, seed: 1 });
}

/**
 * Trains an MLP with the given activation, learning rate, bias and weight initialisation, and
 * records after every epoch which hidden neurons are dead on the whole training set (z <= 0
 * for every sample, measured with the epoch's final weights), the loss, when each neuron died,
 * and how many neurons that started dead came back.
 *
 * A run whose loss becomes non-finite stops there: `diverged` is true, `finalLoss` is NaN and
 * the traces end at the last completed epoch.
 *
 * @param options Activation, learning rate, bias init, initialiser, sizes, seed, epochs, data.
 * @returns The per-epoch traces and totals.
 *
 * @example
 * ```ts
 * import { dyingRelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * // Biases of -3 start most ReLU neurons dead, and plain ReLU cannot bring them back.
 * const run = dyingRelu({ biasInit: -3, hidden: [8], epochs: 5, seed: 1 });
 * assert.equal(run.deadFraction.length, 6);
 * assert.ok(run.startedDead > 0);
 * assert.equal(run.recovered, 0);
 * ```
 */
export function dyingRelu(options: DyingReluOptions = {}): DyingReluResult {
  const action = "run the dying-ReLU experiment";
  const data = options.data ?? defaultDyingData();
  const hidden = options.hidden ?? [16, 16, 16];
  const epochs = requireNumber(action, "epochs", options.epochs ?? 30, { integer: true, min: 1 });
  const seed = options.seed ?? 0;
  const classes = data.y instanceof Int32Array ? Math.max(...data.y) + 1 : data.y.cols;
  const model = mlp([data.x.cols, ...hidden, classes], {
    activation: options.activation ?? "relu",
    alpha: slopeFor(options.activation ?? "relu", options.alpha ?? 0.01),
    biasInit: options.biasInit ?? 0,
    init: options.init,
    seed,
  });
  const loss = resolveLoss(defaultLossName(data.y, model.outputSize));
  const label = labelOf(model);

  const deadPerEpoch: boolean[][][] = [];
  const lossPerEpoch: number[] = [];
  const measure = () => {
    const scans = scanActivations(model, data.x);
    deadPerEpoch.push(scans.map((scan) => Array.from(scan.everPositive, (p) => p === 0)));
    lossPerEpoch.push(loss.value(model.predict(data.x), data.y));
  };
  measure();
  let diverged = false;
  try {
    train(model, data, {
      epochs,
      learningRate: options.learningRate ?? 0.1,
      optimizer: options.optimizer ?? "sgd",
      batchSize: options.batchSize ?? 16,
      seed,
      // This experiment measures on the final weights itself, per neuron.
      trainMetrics: "running",
      onEpoch: () => measure(),
    });
  } catch (error) {
    if (!(error instanceof TrainingDivergedError)) throw error;
    diverged = true;
  }

  const layers = hidden.map((size, l): DyingLayerTrace => {
    const dead = deadPerEpoch.map((perLayer) => perLayer[l]);
    const last = dead.length - 1;
    const diedAt = Array.from({ length: size }, (_, j) => {
      if (!dead[last][j]) return -1;
      let e = last;
      while (e > 0 && dead[e - 1][j]) e--;
      return e;
    });
    const startedDead = count(dead[0]);
    const recovered = dead[0].filter((d, j) => d && !dead[last][j]).length;
    return {
      size,
      dead,
      deadFraction: dead.map((row) => count(row) / size),
      diedAt,
      startedDead,
      recovered,
      deadAtEnd: count(dead[last]),
    };
  });
  const neurons = hidden.reduce((s, n) => s + n, 0);
  const sum = (field: "startedDead" | "recovered" | "deadAtEnd") =>
    layers.reduce((s, layer) => s + layer[field], 0);
  return {
    label,
    epochs: deadPerEpoch.length - 1,
    layers,
    deadFraction: deadPerEpoch.map((perLayer) =>
      perLayer.reduce((s, row) => s + count(row), 0) / neurons
    ),
    loss: lossPerEpoch,
    finalLoss: diverged ? NaN : lossPerEpoch[lossPerEpoch.length - 1],
    diverged,
    neurons,
    startedDead: sum("startedDead"),
    recovered: sum("recovered"),
    deadAtEnd: sum("deadAtEnd"),
    model,
  };
}

/**
 * Runs {@linkcode dyingRelu} once per seed with the same options.
 *
 * @param seeds The seeds (weights and shuffling).
 * @param options As for {@linkcode dyingRelu}; its `seed` is ignored.
 * @returns One result per seed, in order.
 *
 * @example
 * ```ts
 * import { dyingReluSeeds } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const runs = dyingReluSeeds([1, 2], { hidden: [4], epochs: 2 });
 * assert.equal(runs.length, 2);
 * ```
 */
export function dyingReluSeeds(
  seeds: readonly number[],
  options: DyingReluOptions = {},
): DyingReluResult[] {
  return seeds.map((seed) => dyingRelu({ ...options, seed }));
}

/**
 * The alive/dead raster of a run: one row per hidden neuron (layer by layer), one column per
 * epoch (column 0: before training); 1 where the neuron was dead, 0 where it was alive. Draw it
 * with `plotImage`.
 *
 * @param result A result of {@linkcode dyingRelu}.
 * @returns The `neurons x (epochs + 1)` matrix.
 *
 * @example
 * ```ts
 * import { deadRaster, dyingRelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const raster = deadRaster(dyingRelu({ hidden: [3, 2], epochs: 4 }));
 * assert.deepEqual([raster.rows, raster.cols], [5, 5]);
 * ```
 */
export function deadRaster(result: DyingReluResult): Matrix {
  const cols = result.epochs + 1;
  const out = matrix(result.neurons, cols);
  let row = 0;
  for (const layer of result.layers) {
    for (let j = 0; j < layer.size; j++, row++) {
      for (let e = 0; e < cols; e++) out.data[row * cols + e] = layer.dead[e][j] ? 1 : 0;
    }
  }
  return out;
}

/** One epoch of {@linkcode dyingHistory}: the fields the training-curve plots read. */
export interface DyingEpoch {
  /** The epoch (0: before training). */
  epoch: number;
  /** Loss on the training set. */
  trainLoss: number;
  /** Dead fraction per hidden layer. */
  deadFraction: number[];
}

/**
 * A run as a history of epochs (epoch 0 included), the shape `plotTrainingCurves` draws.
 *
 * @param result A result of {@linkcode dyingRelu}.
 * @returns One record per epoch, from 0.
 *
 * @example
 * ```ts
 * import { dyingHistory, dyingRelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const history = dyingHistory(dyingRelu({ hidden: [4, 4], epochs: 3 }));
 * assert.deepEqual(history.map((r) => r.epoch), [0, 1, 2, 3]);
 * assert.equal(history[0].deadFraction.length, 2);
 * ```
 */
export function dyingHistory(result: DyingReluResult): DyingEpoch[] {
  return result.loss.map((trainLoss, epoch) => ({
    epoch,
    trainLoss,
    deadFraction: result.layers.map((layer) => layer.deadFraction[epoch]),
  }));
}

/**
 * One line on a run: dead neurons before and after training, recoveries, final loss.
 *
 * @param result A result of {@linkcode dyingRelu}.
 * @param name What to call the run. Default: its activation's label.
 * @returns The line.
 *
 * @example
 * ```ts
 * import { describeDying, dyingRelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeDying(dyingRelu({ biasInit: -3, hidden: [8], epochs: 2, seed: 1 }));
 * assert.match(text, /^ReLU: dead \d+\/8 before, \d+\/8 after 2 epochs; 0 of \d+ came back; loss /);
 * ```
 */
export function describeDying(result: DyingReluResult, name: string = result.label): string {
  const n = result.neurons;
  const loss = result.diverged ? "diverged" : `loss ${result.finalLoss.toFixed(3)}`;
  return `${name}: dead ${result.startedDead}/${n} before, ${result.deadAtEnd}/${n} after ` +
    `${result.epochs} epochs; ${result.recovered} of ${result.startedDead} came back; ${loss}`;
}

/**
 * One line per hidden layer: how many neurons are dead at the end, the epochs at which
 * neurons died for good, and how many were dead throughout.
 *
 * @param result A result of {@linkcode dyingRelu}.
 * @returns The lines, joined with newlines.
 *
 * @example
 * ```ts
 * import { describeDeaths, dyingRelu } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const text = describeDeaths(dyingRelu({ hidden: [4, 4], epochs: 2 }));
 * assert.match(text, /^layer 1: \d\/4 dead at the end/);
 * assert.equal(text.split("\n").length, 2);
 * ```
 */
export function describeDeaths(result: DyingReluResult): string {
  return result.layers.map((layer, l) => {
    const died = layer.diedAt.filter((e) => e > 0).sort((a, b) => a - b);
    const throughout = layer.diedAt.filter((e) => e === 0).length;
    return `layer ${l + 1}: ${layer.deadAtEnd}/${layer.size} dead at the end; died for good ` +
      `at epochs [${died.join(", ")}]; dead throughout: ${throughout}`;
  }).join("\n");
}

/**
 * The mean final loss of several runs that did not diverge (NaN when all diverged).
 *
 * @param results Results of {@linkcode dyingRelu}.
 * @returns The mean final loss.
 *
 * @example
 * ```ts
 * import { dyingReluSeeds, meanFinalLoss } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.ok(meanFinalLoss(dyingReluSeeds([0, 1], { hidden: [4], epochs: 2 })) > 0);
 * ```
 */
export function meanFinalLoss(results: readonly DyingReluResult[]): number {
  const finished = results.filter((r) => !r.diverged);
  let sum = 0;
  for (const r of finished) sum += r.finalLoss;
  return finished.length === 0 ? NaN : sum / finished.length;
}

function count(flags: readonly boolean[]): number {
  let n = 0;
  for (const flag of flags) if (flag) n++;
  return n;
}

function labelOf(model: Sequential): string {
  for (const layer of model.layers) {
    const activation = (layer as { activation?: Activation }).activation;
    if (activation !== undefined) return activation.label;
  }
  return model.layers[1]?.describe() ?? "linear";
}
