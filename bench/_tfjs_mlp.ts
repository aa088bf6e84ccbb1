/**
 * The TensorFlow.js side of the training benchmark: a ReLU multilayer perceptron trained with
 * softmax cross-entropy and plain SGD in a manual loop, from given initial weights and a given
 * mini-batch order, on the CPU or WASM backend. Benchmark and test code only; `src/` never
 * imports TensorFlow.js.
 *
 * The WASM backend loads its `.wasm` file from the npm package on disk (no network), which needs
 * read access to that file: run with `--allow-read=node_modules` (or the path printed by
 * {@linkcode wasmDirectory}).
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

// tfjs-backend-cpu greets Node.js users (Deno looks like Node to it) with advice to install
// tfjs-node on its first tensor; the advice does not apply here, so the greeting is turned off.
tf.env().set("IS_NODE", false);
// One thread, like relu-lab: the threaded WASM build would also need worker scripts on disk.
tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);

/** Weights of a dense multilayer perceptron, as relu-lab stores them. */
export interface MlpWeights {
  /** Layer widths, input first, e.g. `[2, 64, 64, 2]`. */
  readonly sizes: readonly number[];
  /** One `fanIn x fanOut` row-major matrix per layer. */
  readonly weights: readonly Float64Array[];
  /** One bias vector of length `fanOut` per layer. */
  readonly biases: readonly Float64Array[];
}

/** The work of one training run: data, initial weights, hyperparameters and batch order. */
export interface TrainingJob {
  /** Inputs, row-major, `n x sizes[0]`. */
  readonly x: Float64Array;
  /** Class labels, one per row of `x`. */
  readonly y: Int32Array;
  /** Initial weights (copied, never changed). */
  readonly init: MlpWeights;
  /** SGD step size. */
  readonly learningRate: number;
  /** Samples per mini-batch (the last batch of an epoch may be shorter). */
  readonly batchSize: number;
  /** One permutation of `0 .. n - 1` per epoch: the order the samples are visited in. */
  readonly orders: readonly Int32Array[];
}

/** What a training run returns. */
export interface TrainingResult {
  /**
   * Mean softmax cross-entropy over the whole training set after each epoch (as relu-lab's
   * `History` records `trainLoss`); the last one is the final loss.
   */
  readonly epochLosses: Float64Array;
  /** Wall-clock seconds of the training loop, per-epoch evaluation included. */
  readonly seconds: number;
  /** The trained weights, as float64 copies. */
  readonly trained: MlpWeights;
}

/** The directory of the npm package's `.wasm` files. */
export function wasmDirectory(): string {
  return new URL(".", import.meta.resolve("@tensorflow/tfjs-backend-wasm")).pathname;
}

let wasmPathsSet = false;

/**
 * Switches TensorFlow.js to `backend` ("cpu" or "wasm") and waits until it is ready.
 *
 * @param backend The backend's name.
 */
export async function useBackend(backend: "cpu" | "wasm"): Promise<void> {
  if (backend === "wasm" && !wasmPathsSet) {
    setWasmPaths(wasmDirectory());
    wasmPathsSet = true;
  }
  if (!(await tf.setBackend(backend))) {
    throw new Error(`Cannot use the TensorFlow.js ${backend} backend as it failed to start`);
  }
  await tf.ready();
}

/** Which `.wasm` flavour the WASM backend picked (SIMD, threads), for the report. */
export async function wasmFeatures(): Promise<string> {
  const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
  const threads = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
  return `simd=${simd}, threads=${threads}`;
}

function gatherRows(
  x: Float64Array,
  cols: number,
  order: Int32Array,
  start: number,
  end: number,
  out: Float32Array,
): Float32Array {
  for (let r = start; r < end; r++) {
    const src = order[r] * cols;
    const dst = (r - start) * cols;
    for (let j = 0; j < cols; j++) out[dst + j] = x[src + j];
  }
  return out;
}

function oneHotRows(
  y: Int32Array,
  classes: number,
  order: Int32Array,
  start: number,
  end: number,
  out: Float32Array,
): Float32Array {
  out.fill(0);
  for (let r = start; r < end; r++) out[(r - start) * classes + y[order[r]]] = 1;
  return out;
}

/**
 * Trains a ReLU MLP with TensorFlow.js on the current backend: for each epoch, for each
 * mini-batch in `orders[epoch]`, one step of `w -= learningRate * dLoss/dw` on the mean softmax
 * cross-entropy of the batch, with the same data, weights and order relu-lab gets; then the
 * loss on the whole training set, read back to JavaScript (what relu-lab's `train` records).
 *
 * @param job The data, initial weights, hyperparameters and batch order.
 * @returns The final losses, the trained weights and the training time.
 */
export async function trainTfjs(job: TrainingJob): Promise<TrainingResult> {
  const { sizes } = job.init;
  const inputs = sizes[0];
  const classes = sizes[sizes.length - 1];
  const n = job.y.length;
  const layers = sizes.length - 1;
  const ws: tf.Variable[] = [];
  const bs: tf.Variable[] = [];
  for (let l = 0; l < layers; l++) {
    const [fanIn, fanOut] = [sizes[l], sizes[l + 1]];
    ws.push(
      tf.tidy(() =>
        tf.variable(tf.tensor2d(Float32Array.from(job.init.weights[l]), [fanIn, fanOut]))
      ),
    );
    bs.push(tf.tidy(() => tf.variable(tf.tensor1d(Float32Array.from(job.init.biases[l])))));
  }
  const varList = [...ws, ...bs];
  const optimizer = tf.train.sgd(job.learningRate);
  const logits = (input: tf.Tensor2D): tf.Tensor2D => {
    let h = input;
    for (let l = 0; l < layers; l++) {
      const z = tf.add(tf.matMul(h, ws[l]), bs[l]) as tf.Tensor2D;
      h = l < layers - 1 ? tf.relu(z) : z;
    }
    return h;
  };
  const lossOf = (input: tf.Tensor2D, labels: tf.Tensor2D): tf.Scalar =>
    tf.losses.softmaxCrossEntropy(labels, logits(input)) as tf.Scalar;

  const xAll = tf.tensor2d(Float32Array.from(job.x), [n, inputs]);
  const yAll = tf.tidy(() => tf.oneHot(tf.tensor1d(job.y, "int32"), classes) as tf.Tensor2D);
  const xBuffer = new Float32Array(job.batchSize * inputs);
  const yBuffer = new Float32Array(job.batchSize * classes);
  const epochLosses = new Float64Array(job.orders.length);
  const start = performance.now();
  for (let epoch = 0; epoch < job.orders.length; epoch++) {
    const order = job.orders[epoch];
    for (let b = 0; b < n; b += job.batchSize) {
      const end = Math.min(n, b + job.batchSize);
      const rows = end - b;
      const xb = tf.tensor2d(
        gatherRows(job.x, inputs, order, b, end, xBuffer).subarray(0, rows * inputs),
        [rows, inputs],
      );
      const yb = tf.tensor2d(
        oneHotRows(job.y, classes, order, b, end, yBuffer).subarray(0, rows * classes),
        [rows, classes],
      );
      optimizer.minimize(() => lossOf(xb, yb), false, varList);
      xb.dispose();
      yb.dispose();
    }
    // The loss on the whole training set after each epoch, as relu-lab's History records it.
    const trainLoss = tf.tidy(() => lossOf(xAll, yAll));
    epochLosses[epoch] = (await trainLoss.data())[0];
    trainLoss.dispose();
  }
  const seconds = (performance.now() - start) / 1000;
  const trained: MlpWeights = {
    sizes,
    weights: ws.map((w) => Float64Array.from(w.dataSync())),
    biases: bs.map((b) => Float64Array.from(b.dataSync())),
  };
  tf.dispose([xAll, yAll, ...varList]);
  optimizer.dispose();
  return { epochLosses, seconds, trained };
}

/** Number of tensors TensorFlow.js holds: a leak check for the loop above. */
export function liveTensors(): number {
  return tf.memory().numTensors;
}
