/**
 * The training loop: mini-batch gradient descent over a {@linkcode Dataset}, recording one
 * {@linkcode EpochRecord} per epoch (losses, accuracies, dead-neuron fractions, gradient norms,
 * PReLU slopes, time).
 *
 * @module
 */

import { allocate } from "../core/_allocate.ts";
import { isThenable, refuseTrailing, requireFlag } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import type { Matrix } from "../core/matrix.ts";
import { createPrng } from "../core/prng.ts";
import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { MatrixCache } from "./_buffers.ts";
import { forEachChunk } from "./_chunks.ts";
import { EVALUATION, requireModel, shapeOf, SKIP_INPUT_GRADIENT, TRAINING } from "./_check.ts";
import { checkDataset } from "./check_dataset.ts";
import { defaultReporter } from "./_progress.ts";
import { drawSeed } from "./_seeds.ts";
import {
  deadFractionOf,
  emptyActivationScans,
  recordActivations,
  SCAN_CHUNK_ROWS,
  scanActivations,
} from "./scan_activations.ts";
import { correctCount } from "./accuracy.ts";
import { clipTo, normOf } from "./_grad_norm.ts";
import { Dropout } from "./dropout.ts";
import { isActivationLayer, type Layer, type Parameter } from "./layer.ts";
import type { Loss, LossName } from "./loss.ts";
import { lossFor } from "./_known_loss.ts";
import type { Optimizer, OptimizerName } from "./optimizer.ts";
import { resolveOptimizerFor } from "./_optimizer_choice.ts";
import { PReLU } from "./prelu_layer.ts";
import type { Schedule } from "./schedules.ts";
import { Sequential } from "./sequential.ts";
import { softmaxCrossEntropy } from "./softmax_cross_entropy.ts";
import { type WasmTraining, wasmTraining } from "./_wasm_training.ts";
import { hasWeights } from "./_weight_layers.ts";

/** What {@linkcode train} records after each epoch. */
export interface EpochRecord {
  /** The epoch just finished, counting from 1. */
  epoch: number;
  /**
   * Mean loss on the training set after the epoch, in evaluation mode (with
   * `trainMetrics: "running"`: the mean of the epoch's mini-batch losses as the weights moved).
   */
  trainLoss: number;
  /** Mean loss on the test set at the end of the epoch, when test data was given. */
  testLoss?: number;
  /** Accuracy on the training set (classification only), measured like `trainLoss`. */
  trainAccuracy?: number;
  /** Accuracy on the test set (classification with test data only). */
  testAccuracy?: number;
  /**
   * Per activation layer (in model order): the fraction of its neurons that are dead on the
   * training set after the epoch, i.e. whose pre-activation z is <= 0 for every training
   * sample. Measured like `trainLoss` (with `trainMetrics: "running"`: over the epoch's
   * mini-batches, each sample seen once as the weights moved).
   */
  deadFraction: number[];
  /**
   * Per layer with weights (Dense, Conv2D; in model order): the global L2 norm of its weight and
   * bias gradients, before clipping, averaged over the epoch's steps.
   */
  gradNorm: number[];
  /** Per PReLU layer (in model order): its slopes at the end of the epoch, when there are any. */
  preluSlopes?: number[][];
  /**
   * Per PReLU layer (in model order), when there are any: the L2 norm of its slopes' gradient,
   * before clipping, averaged over the epoch's steps (as `gradNorm` is for the weights). It is 0
   * for a layer none of whose pre-activations was <= 0, as the slopes act on z <= 0 only.
   */
  preluSlopeGradNorm?: number[];
  /** The learning rate used during the epoch. */
  learningRate: number;
  /** Wall-clock seconds the epoch took (training steps and measurements). */
  seconds: number;
}

/** The result of {@linkcode train}: one record per epoch, in order. */
export type History = EpochRecord[];

/** What {@linkcode TrainOptions.onStep} receives after each step. */
export interface StepInfo {
  /** The current epoch, counting from 1. */
  epoch: number;
  /** The step within the epoch, counting from 1. */
  step: number;
  /** The mini-batch loss before the update. */
  loss: number;
  /** The learning rate used. */
  learningRate: number;
}

/**
 * Receives each epoch's record as soon as it exists (a progress bar, a live chart). May return
 * a promise, which {@linkcode trainAsync} awaits.
 */
export type ProgressReporter = (
  record: EpochRecord,
  info: { epochs: number },
) => void | Promise<void>;

/** Options of {@linkcode train}. */
export interface TrainOptions {
  /** Number of passes over the training set, an integer >= 1. Default: 10. */
  epochs?: number;
  /** Samples per step, an integer >= 1 (the last batch of an epoch may be smaller). Default: 32. */
  batchSize?: number;
  /** A learning rate > 0, or a {@linkcode Schedule} giving one per epoch. Default: 0.01. */
  learningRate?: number | Schedule;
  /** The optimizer, by name or object. Default: `"sgd"`. */
  optimizer?: OptimizerName | Optimizer;
  /**
   * Momentum for the optimizers `"momentum"` (in [0, 1)) and `"nesterov"` (in (0, 1)), and
   * refused for any other (give it to `sgd({ momentum })` when passing an object). Default: 0.9.
   */
  momentum?: number;
  /**
   * Weight decay for an optimizer given by name: L2 added to the gradient, or decoupled for
   * `"adamW"`. Give it to the optimizer's factory instead when passing an object. Default: the
   * optimizer's own, 0 (0.01 for `"adamW"`, as `adamW()`).
   */
  weightDecay?: number;
  /**
   * Inverted dropout with this rate after every hidden activation layer, for this run only:
   * the model keeps its layers, and evaluation (the history's losses, the dead fractions) runs
   * without dropout. The masks are drawn from generators seeded from `seed`. For a model that
   * has Dropout layers of its own (e.g. from `mlp`'s `dropout`), leave this out. Default: 0.
   */
  dropout?: number;
  /**
   * The loss, by name or object. Default: `"softmaxCrossEntropy"` for `Int32Array` labels
   * (`"binaryCrossEntropy"` when the model has one output), `"mse"` for matrix targets.
   */
  loss?: LossName | Loss;
  /** Seed of the shuffling generator. Default: 0. */
  seed?: number;
  /** Shuffle the training set every epoch (a boolean). Default: true. */
  shuffle?: boolean;
  /**
   * How the training-set figures of each record (`trainLoss`, `trainAccuracy`, `deadFraction`)
   * are measured: `"end"`, by an evaluation-mode pass over the training set after the epoch
   * (the model as it is, comparable with the test figures), or `"running"`, over the epoch's
   * own mini-batches as they pass (free, as Keras reports them). Default: `"end"`.
   */
  trainMetrics?: "running" | "end";
  /** Held-out data, evaluated after every epoch. */
  test?: Dataset;
  /** Clip gradients to this global norm before each update; omitted: no clipping. */
  clipNorm?: number;
  /**
   * Called after every epoch with its record; returning `false` stops training early.
   * {@linkcode trainAsync} awaits a promise it returns (an `async` onEpoch); `train` cannot, and
   * refuses one.
   */
  onEpoch?: (record: EpochRecord, model: Sequential) => void | boolean | Promise<void | boolean>;
  /** Called after every step, synchronously: a promise returned is refused. */
  onStep?: (info: StepInfo) => void;
  /**
   * Progress reporting: `true` for the built-in reporter, or a function. Default: quiet.
   * The built-in reporter writes a progress line on stderr in a terminal; in the Deno Jupyter
   * kernel it shows one display updated in place (`Deno.jupyter.display` with a `display_id`),
   * live with {@linkcode trainAsync}, which yields between epochs, and once the cell's
   * synchronous work ends with `train`.
   */
  progress?: boolean | ProgressReporter;
}

/**
 * Thrown when a mini-batch loss is not finite, or the training loss at the end of an epoch
 * (the epoch's last step broke the weights after its own loss was found finite): training has
 * diverged. Carries the history of the completed epochs (the one it happened in not among them)
 * and where it happened: at the end of an epoch, `step` is that epoch's last step.
 *
 * @example
 * ```ts
 * import { TrainingDivergedError, dataset, fromRows, mlp, train } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = dataset(fromRows([[1, 0], [0, 1]]), new Int32Array([0, 1]));
 * const model = mlp([2, 8, 2], { seed: 1 });
 * assert.throws(
 *   () => train(model, data, { epochs: 5, batchSize: 2, learningRate: 1e300 }),
 *   (error) => error instanceof TrainingDivergedError && error.epoch >= 1 && !Number.isFinite(error.loss),
 * );
 * const error = new TrainingDivergedError([], 3, 2, NaN);
 * assert.ok(error instanceof RangeError);
 * assert.equal(error.name, "TrainingDivergedError");
 * assert.match(error.message, /epoch 3, step 2/);
 * ```
 */
export class TrainingDivergedError extends RangeError {
  /** The records of the epochs completed before the divergence. */
  readonly history: History;
  /** The epoch in which it happened, counting from 1. */
  readonly epoch: number;
  /** The step within that epoch, counting from 1 (its last, when found at the epoch's end). */
  readonly step: number;
  /** The non-finite loss. */
  readonly loss: number;

  /**
   * Creates the error.
   *
   * @param history The completed epochs' records.
   * @param epoch The epoch, counting from 1.
   * @param step The step within the epoch, counting from 1.
   * @param loss The non-finite loss.
   */
  constructor(history: History, epoch: number, step: number, loss: number) {
    super(
      `Cannot continue training as the loss must be finite: loss=${loss} at epoch ${epoch}, step ${step} (try a smaller learningRate or clipNorm)`,
    );
    this.name = "TrainingDivergedError";
    this.history = history;
    this.epoch = epoch;
    this.step = step;
    this.loss = loss;
  }
}

/**
 * Trains `model` on `data` with mini-batch gradient descent and returns one record per epoch.
 *
 * Each step: gather a shuffled batch, run forward in training mode (with `dropout`, through a
 * Dropout layer after each hidden activation), compute the loss and its gradient, backpropagate,
 * record the gradient norm of each layer with weights, clip (if `clipNorm`), and update. After
 * each epoch one evaluation-mode pass over the training set gives its loss, accuracy and
 * dead-neuron fractions (or, with `trainMetrics: "running"`, they are gathered from the
 * mini-batches as they pass), and the test set is evaluated. Buffers are allocated once per
 * batch shape.
 * The same model, data and options give the same weights and history bit for bit (except
 * `seconds`).
 *
 * A ReLU or Leaky ReLU network (Dense layers with a ReLU or a Leaky ReLU of f'(0) = alpha between
 * each two, as `mlp` builds them) trained with `"sgd"`, `"adam"` or `"adamW"` by name, without
 * dropout or clipping, runs its whole step in one WebAssembly memory that holds the weights,
 * gradients and every layer's values for the run (1.1-1.4 times as fast as layer by layer on the
 * ReLU benchmarks, about 1.2 on the Leaky ReLU moons fit, with the same bits). The model's arrays
 * are brought up to date after every epoch and around `onStep`, and the activation layers'
 * `lastInput` and `lastOutput` are those of the last forward pass, as layer by layer.
 *
 * All arguments are checked before anything changes: a refused call leaves the model as it
 * was. The data sets must fit the model as {@linkcode checkDataset} says: among other things, a
 * data set that declares more `classes` than the model has outputs is refused, even when its
 * labels all lie in range. A non-finite loss throws a {@linkcode TrainingDivergedError}: a step's, or the training
 * loss at the end of an epoch (with `trainMetrics: "running"` evaluated then only when a weight
 * is not finite), so that no epoch is recorded after a last step that broke the weights.
 *
 * @param model The model, updated in place.
 * @param data The training set.
 * @param options Epochs, batches, learning rate, optimizer, weight decay, dropout, loss, seed,
 *   test data, callbacks. An unknown key (a typo such as `learningrate`) throws a `TypeError`.
 * @returns The history.
 *
 * @example
 * ```ts
 * import { dataset, fromRows, mlp, train } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = dataset(fromRows([[-1, 0], [-0.8, 0.2], [1, 0], [0.9, -0.1]]), new Int32Array([0, 0, 1, 1]));
 * const model = mlp([2, 8, 2], { seed: 1 });
 * const history = train(model, data, { epochs: 30, batchSize: 2, learningRate: 0.1 });
 * assert.equal(history.length, 30);
 * assert.ok(history[29].trainLoss < history[0].trainLoss);
 * assert.equal(history[29].trainAccuracy, 1);
 * ```
 */
export function train(model: Sequential, data: Dataset, options?: TrainOptions): History;
export function train(
  model: Sequential,
  data: Dataset,
  options: TrainOptions = {},
  extra?: unknown,
): History {
  refuseTrailing("train", "train", "model, data and options", "fourth", extra);
  const run = trainingRun(model, data, options, false);
  const history: History = [];
  for (const record of run.epochs(history)) {
    run.report?.(record, { epochs: run.epochCount });
    const stop = options.onEpoch?.(record, model);
    if (isThenable(stop)) throw callbackPromise("onEpoch", stop);
    if (stop === false) break;
  }
  return history;
}

/**
 * Like {@linkcode train}, but yields to the event loop after every epoch and awaits the progress
 * reporter, so a live display in a notebook updates while training runs.
 *
 * @param model The model, updated in place.
 * @param data The training set.
 * @param options As for {@linkcode train}.
 * @returns A promise of the history.
 *
 * @example
 * ```ts
 * import { dataset, fromRows, mlp, trainAsync } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const data = dataset(fromRows([[-1, 0], [1, 0]]), new Int32Array([0, 1]));
 * const seen: number[] = [];
 * const history = await trainAsync(mlp([2, 4, 2]), data, {
 *   epochs: 3,
 *   progress: (record) => { seen.push(record.epoch); },
 * });
 * assert.deepEqual(seen, [1, 2, 3]);
 * assert.equal(history.length, 3);
 * ```
 */
export function trainAsync(
  model: Sequential,
  data: Dataset,
  options?: TrainOptions,
): Promise<History>;
export async function trainAsync(
  model: Sequential,
  data: Dataset,
  options: TrainOptions = {},
  extra?: unknown,
): Promise<History> {
  refuseTrailing("train", "trainAsync", "model, data and options", "fourth", extra);
  const run = trainingRun(model, data, options, true);
  const history: History = [];
  for (const record of run.epochs(history)) {
    await run.report?.(record, { epochs: run.epochCount });
    if ((await options.onEpoch?.(record, model)) === false) break;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return history;
}

const TRAIN_KEYS: OptionKeys<TrainOptions> = {
  epochs: "number",
  batchSize: "number",
  learningRate: true,
  optimizer: true,
  momentum: "number",
  weightDecay: "number",
  dropout: "number",
  loss: true,
  seed: "number",
  shuffle: true,
  trainMetrics: true,
  test: true,
  clipNorm: "number",
  onEpoch: true,
  onStep: true,
  progress: true,
};

interface TrainingRun {
  epochCount: number;
  report: ProgressReporter | undefined;
  epochs(history: History): Generator<EpochRecord>;
}

/**
 * Checks everything, then returns a generator running one epoch per iteration (`yields`: the
 * caller lets other code run between epochs, as {@linkcode trainAsync} does).
 */
function trainingRun(
  model: Sequential,
  data: Dataset,
  options: TrainOptions,
  yields: boolean,
): TrainingRun {
  const action = "train";
  options = requireOptions(action, options, TRAIN_KEYS);
  requireModel(action, model);
  const epochCount = requireNumber(action, "epochs", options.epochs ?? 10, {
    integer: true,
    min: 1,
  });
  const batchSize = requireNumber(action, "batchSize", options.batchSize ?? 32, {
    integer: true,
    min: 1,
  });
  const seed = requireNumber(action, "seed", options.seed ?? 0, { integer: true });
  const rates = learningRates(options.learningRate ?? 0.01, epochCount);
  const dropout = requireNumber(action, "dropout", options.dropout ?? 0, {
    min: 0,
    max: 1,
    maxExclusive: true,
  });
  if (dropout > 0 && model.layers.some((layer) => layer instanceof Dropout)) {
    throw new TypeError(
      `Cannot ${action} as the model has Dropout layers of its own: dropout=${dropout} would add more (set one or the other)`,
    );
  }
  // A setting left out takes the optimizer's own default (weight decay 0.01 for "adamW").
  const optimizer = resolveOptimizerFor(action, options.optimizer ?? "sgd", {
    momentum: options.momentum,
    weightDecay: options.weightDecay,
  });
  const shuffle = requireFlag(action, "shuffle", options.shuffle, true);
  for (const key of ["onEpoch", "onStep"] as const) {
    if (options[key] !== undefined && typeof options[key] !== "function") {
      throw new TypeError(
        `Cannot ${action} as ${key} must be a function: ${key}=${formatValue(options[key])}`,
      );
    }
    // Refused before anything changes: its promise could not be awaited (steps run synchronously,
    // and train's epochs too), so a false it resolves to would not stop training, and its
    // rejection would go unhandled.
    if (isAsyncFunction(options[key]) && (key === "onStep" || !yields)) {
      throw callbackPromise(key, options[key]);
    }
  }
  const progress = options.progress;
  if (progress !== undefined && typeof progress !== "boolean" && typeof progress !== "function") {
    throw new TypeError(
      `Cannot ${action} as progress must be a boolean or a function: progress=${
        formatValue(progress)
      }`,
    );
  }
  const clipNorm = options.clipNorm === undefined
    ? undefined
    : requireNumber(action, "clipNorm", options.clipNorm, { min: 0, minExclusive: true });
  checkDataset(model, data, { action, name: "data" });
  if (options.test !== undefined) checkDataset(model, options.test, { action, name: "test" });
  if (
    options.test !== undefined &&
    (options.test.y instanceof Int32Array) !== (data.y instanceof Int32Array)
  ) {
    throw new TypeError(
      `Cannot ${action} as test and data must have the same kind of targets: data.y is ${
        kindOf(data.y)
      }, test.y is ${kindOf(options.test.y)}`,
    );
  }
  const trainMetrics = options.trainMetrics ?? "end";
  if (trainMetrics !== "running" && trainMetrics !== "end") {
    throw new RangeError(
      `Cannot ${action} as trainMetrics must be "running" or "end": trainMetrics=${
        formatValue(trainMetrics)
      }`,
    );
  }
  // Refused here, before anything changes, if it does not fit the targets or the outputs.
  const loss = lossFor(action, model.outputSize, data, options.loss, options.test);
  const report = progress === true
    ? defaultReporter()
    : typeof progress === "function"
    ? progress
    : undefined;
  return {
    epochCount,
    report,
    epochs: (history) =>
      runEpochs(model, data, history, {
        epochCount,
        batchSize,
        seed,
        rates,
        loss,
        optimizer,
        optimizerName: typeof options.optimizer === "object"
          ? undefined
          : options.optimizer ?? "sgd",
        clipNorm,
        dropout,
        shuffle,
        trainMetrics,
        test: options.test,
        onStep: options.onStep,
        // Code of the caller's that runs between epochs may change the training data.
        dataMayChange: yields || options.onEpoch !== undefined || typeof progress === "function" ||
          typeof options.loss === "object",
      }),
  };
}

interface Settings {
  epochCount: number;
  batchSize: number;
  seed: number;
  rates: Float64Array;
  loss: Loss;
  optimizer: Optimizer;
  /** The name the optimizer was given by; undefined for an object. */
  optimizerName: string | undefined;
  clipNorm: number | undefined;
  dropout: number;
  shuffle: boolean;
  trainMetrics: "running" | "end";
  test: Dataset | undefined;
  onStep: ((info: StepInfo) => void) | undefined;
  /** Whether the training set can change between epochs (a callback, a loss of the caller's). */
  dataMayChange: boolean;
}

function* runEpochs(
  model: Sequential,
  data: Dataset,
  history: History,
  settings: Settings,
): Generator<EpochRecord> {
  const { batchSize, loss, optimizer, clipNorm } = settings;
  const n = data.x.rows, inCols = data.x.cols;
  const labels = data.y instanceof Int32Array ? data.y : undefined;
  const targets = data.y instanceof Int32Array ? undefined : data.y;
  const targetCols = targets?.cols ?? 0;
  const prng = createPrng(settings.seed);
  // The network trained: the model itself, or its layers with dropout between them.
  const net = settings.dropout > 0 ? withDropout(model, settings.dropout, settings.seed) : model;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const xRows = rowViews(data.x);
  const targetRows = targets === undefined ? undefined : rowViews(targets);

  // Batch buffers: one for full batches, one for the short last batch.
  const xBatches = new MatrixCache(inCols);
  const yBatches = new MatrixCache(targetCols);
  const labelBatches = new Map<number, Int32Array>();
  const grads = new MatrixCache(model.outputSize);
  const params = model.params();
  // One gradient norm per layer with weights; in a network the WebAssembly step takes, these
  // are its Dense layers, in the same order as its own. One more per PReLU layer, for its slopes
  // (the WebAssembly step takes no network with one).
  const weightParams = model.layers.filter(hasWeights).map((layer) => layer.params());
  const preluLayers = model.layers.filter((layer): layer is PReLU => layer instanceof PReLU);
  const preluParams = preluLayers.map((layer) => layer.params());
  const normSums = new Float64Array(weightParams.length);
  const slopeNormSums = new Float64Array(preluLayers.length);
  // The whole step in WebAssembly memory where it applies (the same bits; `_wasm_training.ts`).
  const wasm = net === model && clipNorm === undefined
    ? wasmTraining(model, settings.optimizerName, optimizer, {
      batchRows: Math.min(batchSize, n),
      evaluationRows: Math.min(SCAN_CHUNK_ROWS, Math.max(n, settings.test?.x.rows ?? 0)),
      // Kept in the memory unless onStep could change it between steps.
      dataRows: settings.onStep === undefined ? n : 0,
    })
    : undefined;
  // The built-in softmax cross-entropy runs in the WebAssembly memory too (the same bits), its
  // gradient left there for the backward pass; it also counts the rows predicted right, as
  // correctCount does for two or more outputs.
  const inMemory = wasm !== undefined && loss === softmaxCrossEntropy && labels !== undefined;
  const countedInMemory = inMemory && model.outputSize > 1;

  try {
    for (let epoch = 0; epoch < settings.epochCount; epoch++) {
      const started = performance.now();
      const learningRate = settings.rates[epoch];
      if (settings.shuffle) shuffle(order, prng);
      normSums.fill(0);
      slopeNormSums.fill(0);
      const running = settings.trainMetrics === "running";
      const scans = emptyActivationScans(model);
      wasm?.startEpoch(data.x, order, epoch === 0 || settings.dataMayChange);
      let step = 0, lossSum = 0, correct = 0;
      try {
        for (let start = 0; start < n; start += batchSize) {
          const rows = Math.min(batchSize, n - start);
          let yb: Int32Array | Matrix;
          if (labels !== undefined) {
            let lb = labelBatches.get(rows);
            if (lb === undefined) {
              lb = new Int32Array(rows);
              labelBatches.set(rows, lb);
            }
            for (let i = 0; i < rows; i++) lb[i] = labels[order[start + i]];
            yb = lb;
          } else {
            yb = yBatches.get(rows);
            gatherRows(targetRows!, order, start, yb);
          }
          step++;
          let out: Matrix;
          if (wasm === undefined) {
            const xb = xBatches.get(rows);
            gatherRows(xRows, order, start, xb);
            net.zeroGrad();
            out = net.forward(xb, TRAINING);
          } else {
            out = wasm.forward(xRows, order, start, rows);
          }
          const grad = inMemory ? undefined : grads.get(rows);
          const value = inMemory
            ? wasm.softmaxCrossEntropy(yb as Int32Array)
            : loss.valueAndGrad(out, yb, grad!);
          if (typeof value !== "number") throw notANumber(loss, value);
          if (!Number.isFinite(value)) {
            if (wasm !== undefined) {
              // As the loop leaves the model: the weights of the last step, zero gradients.
              wasm.store();
              model.zeroGrad();
            }
            throw new TrainingDivergedError(history, epoch + 1, step, value);
          }
          if (running) {
            if (wasm === undefined) recordActivations(model, scans, { statistics: false });
            else wasm.markPositive(rows);
            lossSum += value * rows;
            if (labels !== undefined) {
              correct += countedInMemory ? wasm.lastCorrect : correctCount(out, yb as Int32Array);
            }
          }
          if (wasm === undefined) {
            // The loop does not use the gradient with respect to the data.
            net.backward(grad!, SKIP_INPUT_GRADIENT);
            for (let d = 0; d < weightParams.length; d++) normSums[d] += normOf(weightParams[d]);
            for (let p = 0; p < preluParams.length; p++) {
              slopeNormSums[p] += normOf(preluParams[p]);
            }
            if (clipNorm !== undefined) clipTo(params, clipNorm);
            optimizer.step(params, learningRate);
          } else {
            wasm.backward(grad);
            for (let d = 0; d < weightParams.length; d++) normSums[d] += wasm.gradNorm(d);
            wasm.step(learningRate);
          }
          if (settings.onStep !== undefined) {
            wasm?.store();
            const result: unknown = settings.onStep({
              epoch: epoch + 1,
              step,
              loss: value,
              learningRate,
            });
            if (isThenable(result)) {
              throw callbackPromise("onStep", result);
            }
            wasm?.load();
          }
        }
      } catch (error) {
        // Whatever stopped the epoch (a loss or a callback that threw), the model is left as the
        // loop left it: the weights of the last step.
        if (wasm !== undefined && !(error instanceof TrainingDivergedError)) wasm.store();
        throw error;
      }
      wasm?.endEpoch(running ? scans : undefined);

      const train = running
        ? {
          loss: lossSum / n,
          accuracy: labels === undefined ? undefined : correct / n,
          deadFraction: scans.map(deadFractionOf),
        }
        : evaluate(model, data, loss, true, wasm);
      // An epoch's last step can break the weights after its own loss was found finite, and no
      // later step may look: the loss at the end of the epoch (evaluated, or on running metrics
      // evaluated only when a weight is not finite) is held to the same rule as a step's.
      const endLoss = running && Number.isFinite(train.loss) && !allFinite(params)
        ? evaluate(model, data, loss, false, wasm).loss
        : train.loss;
      if (!Number.isFinite(endLoss)) {
        model.zeroGrad(); // as a step's divergence leaves it: the last step's weights
        throw new TrainingDivergedError(history, epoch + 1, step, endLoss);
      }
      const test = settings.test === undefined
        ? undefined
        : evaluate(model, settings.test, loss, false, wasm);
      const record: EpochRecord = {
        epoch: epoch + 1,
        trainLoss: train.loss,
        ...(test === undefined ? {} : { testLoss: test.loss }),
        ...(train.accuracy === undefined ? {} : { trainAccuracy: train.accuracy }),
        ...(test?.accuracy === undefined ? {} : { testAccuracy: test.accuracy }),
        deadFraction: train.deadFraction,
        gradNorm: Array.from(normSums, (sum) => sum / step),
        ...(preluLayers.length === 0 ? {} : {
          preluSlopes: preluLayers.map((layer) => Array.from(layer.alpha)),
          preluSlopeGradNorm: Array.from(slopeNormSums, (sum) => sum / step),
        }),
        learningRate,
        seconds: 0,
      };
      record.seconds = (performance.now() - started) / 1000;
      history.push(record);
      yield record;
    }
  } finally {
    // However the run ends, the model is left with no reference to the WebAssembly memory, which
    // then serves the next run.
    wasm?.settle();
    wasm?.release();
  }
}

/** Whether every parameter value is finite: `v * 0` is ±0 for a finite v, NaN for any other. */
function allFinite(params: readonly Parameter[]): boolean {
  let sum = 0;
  for (const { value } of params) {
    for (let i = 0; i < value.length; i++) sum += value[i] * 0;
  }
  return sum === 0;
}

/** Whether `fn` is an `async` function (its constructor is AsyncFunction). */
function isAsyncFunction(fn: unknown): boolean {
  return typeof fn === "function" && fn.constructor?.name === "AsyncFunction";
}

/**
 * The error for a callback whose promise train cannot await: `seen` is the async function itself
 * (refused up front) or the promise it returned, given a handler first so that its rejection, if
 * it comes, is not reported as unhandled on top of this error.
 */
function callbackPromise(name: "onEpoch" | "onStep", seen: unknown): TypeError {
  const hint = name === "onEpoch"
    ? "trainAsync awaits an async onEpoch"
    : "steps run synchronously: record what you need, and await it after training";
  if (isThenable(seen)) {
    Promise.resolve(seen).catch(() => {});
    return new TypeError(
      `Cannot train as ${name} must return its result, not a promise (${hint}): ${name} returned a promise`,
    );
  }
  return new TypeError(
    `Cannot train as ${name} must not be an async function, whose promise train cannot await (${hint}): ${name}=async ${
      formatValue(seen)
    }`,
  );
}

/**
 * The error for a loss whose `valueAndGrad` returned something other than a number (a string
 * would otherwise be reported as a divergence, `"a"` not being finite).
 */
function notANumber(loss: Loss, value: unknown): TypeError {
  return new TypeError(
    `Cannot train as loss.valueAndGrad must return the mean loss, a number: loss ${
      formatValue(loss.name)
    } returned ${formatValue(value)}`,
  );
}

/**
 * The model's own layers (shared, so training updates the model) with a Dropout layer after
 * each hidden activation layer. The masks come from a generator of their own, so that adding
 * dropout leaves the shuffling stream of `seed` as it was.
 */
function withDropout(model: Sequential, rate: number, seed: number): Sequential {
  const seeds = createPrng(dropoutSeed(seed));
  const last = model.layers.length - 1;
  const layers: Layer[] = [];
  model.layers.forEach((layer, i) => {
    layers.push(layer);
    if (i < last && isActivationLayer(layer)) {
      layers.push(new Dropout(layer.outputSize, { rate, seed: drawSeed(seeds) }));
    }
  });
  return new Sequential(layers);
}

/** Mixed into the seed of the dropout masks' generators. */
const DROPOUT_STREAM = 0x2545f491;

/**
 * The seed of the dropout masks' generator: `seed`'s low 32 bits mixed with
 * {@linkcode DROPOUT_STREAM}, its high bits kept, so that no two seeds share masks (seeds 2^32
 * apart did). One seed, -2^53 + DROPOUT_STREAM, would map to -2^53, beyond the safe integers a
 * Prng takes: it maps to the one value of its range no other seed reaches, -2^53 + DROPOUT_STREAM
 * itself.
 */
function dropoutSeed(seed: number): number {
  const mixed = Math.floor(seed / 2 ** 32) * 2 ** 32 + ((seed ^ DROPOUT_STREAM) >>> 0);
  return mixed === -(2 ** 53) ? mixed + DROPOUT_STREAM : mixed;
}

/**
 * Loss, accuracy and (optionally) dead fractions of `model` on `data`, in evaluation mode: by
 * `wasm`'s forward pass where given (the same chunks, the same bits), else the model's.
 */
function evaluate(
  model: Sequential,
  data: Dataset,
  loss: Loss,
  measureDead: boolean,
  wasm: WasmTraining | undefined,
) {
  const labels = data.y instanceof Int32Array ? data.y : undefined;
  const targets = data.y instanceof Int32Array ? undefined : data.y;
  let lossSum = 0, correct = 0;
  const onOutput = (out: Matrix, start: number) => {
    const end = start + out.rows;
    let target: Int32Array | Matrix;
    if (labels !== undefined) {
      target = labels.subarray(start, end);
      correct += correctCount(out, target);
    } else {
      const cols = targets!.cols;
      target = { rows: out.rows, cols, data: targets!.data.subarray(start * cols, end * cols) };
    }
    // Chunk means weighted by chunk size give the mean over the whole set.
    lossSum += loss.value(out, target) * out.rows;
  };
  let deadFraction: number[] = [];
  if (wasm !== undefined) {
    const scans = measureDead ? emptyActivationScans(model) : undefined;
    wasm.scan(data.x, onOutput, scans);
    deadFraction = scans?.map(deadFractionOf) ?? [];
  } else if (measureDead) {
    deadFraction = scanActivations(model, data.x, { onOutput, statistics: false })
      .map(deadFractionOf);
  } else {
    forEachChunk(data.x, SCAN_CHUNK_ROWS, (chunk, start) => {
      onOutput(model.forward(chunk, EVALUATION), start);
    });
  }
  const rows = data.x.rows;
  return {
    loss: lossSum / rows,
    accuracy: labels === undefined ? undefined : correct / rows,
    deadFraction,
  };
}

/** One view per row of `source`, made once per training run for {@linkcode gatherRows}. */
function rowViews(source: Matrix): Float64Array[] {
  const cols = source.cols, views: Float64Array[] = [];
  for (let i = 0; i < source.rows; i++) views.push(source.data.subarray(i * cols, (i + 1) * cols));
  return views;
}

/**
 * Copies the rows `order[start ..]` of a matrix, given as its {@linkcode rowViews}, into `out`,
 * one `set` per row: a built-in copy runs at full speed whatever tier V8 has compiled the
 * caller to (a loop here ran at 6-11 ns per element while the training loop was still in V8's
 * mid tier), and views made once spare a `subarray` object per row and batch.
 */
function gatherRows(rows: Float64Array[], order: Int32Array, start: number, out: Matrix): void {
  const cols = out.cols, dst = out.data;
  for (let i = 0; i < out.rows; i++) dst.set(rows[order[start + i]], i * cols);
}

/** Fisher–Yates shuffle driven by the seeded generator. */
function shuffle(order: Int32Array, prng: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(prng() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

function learningRates(learningRate: number | Schedule, epochs: number): Float64Array {
  const rates = allocate(Float64Array, epochs, "train", `: epochs=${epochs}`);
  for (let e = 0; e < epochs; e++) {
    const rate = typeof learningRate === "function" ? learningRate(e) : learningRate;
    const name = typeof learningRate === "function" ? `learningRate(${e})` : "learningRate";
    rates[e] = requireNumber("train", name, rate, { min: 0, minExclusive: true });
  }
  return rates;
}

function kindOf(y: Int32Array | Matrix): string {
  return y instanceof Int32Array ? "Int32Array labels" : `a ${shapeOf(y)} matrix`;
}
