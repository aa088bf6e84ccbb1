/**
 * The training step of a ReLU or Leaky ReLU network kept whole in WebAssembly memory, for
 * {@linkcode train}.
 *
 * Layer by layer, a step copies every operand into the kernels' memory and every result out:
 * the batch, the weights, each layer's input again for the backward pass, the gradients, and
 * Adam's values (about 150,000 doubles a step for the digits benchmark's 64-64-10 network and
 * batch of 200, 13% of its time), and ReLU runs in JavaScript between the products. Here one
 * memory holds the network's weights, biases, gradients, optimizer moments, every layer's
 * input and output and the gradients between them, for the whole run: a step copies in only
 * the batch's labels (or its loss gradient), and hands the loss a view of the network's output.
 * ReLU's gradient, the dead-neuron flags, the gradient norms, the optimizer's update and the
 * built-in softmax cross-entropy (all but its logarithms) run there too. ReLU itself costs no pass
 * of its own: the layer above reads z where its products gather their non-zero inputs and keeps
 * only the positive entries (and NaN), the entries of relu(z) they would have kept (3.4% of the
 * moons benchmark's time, median of 30 alternated fits; no change measured on digits). A Leaky
 * ReLU, whose output is rarely zero, writes its output for the layer above in one pass, and its
 * gradient is ReLU's kernel with the slope alpha for z <= 0 instead of 0 (the moons benchmark
 * with Leaky ReLU: 0.85 of the loop's time, median of 12 alternated fits; a ReLU fit still takes
 * about two thirds of a Leaky ReLU fit's time, as its products skip the zeros).
 * The model's own arrays are brought up to date whenever the caller can look at them (at the
 * end of each epoch, around each `onStep` call, before a divergence error) and read back before
 * the next step, so a change made to them in a callback is trained on.
 *
 * The results are bit for bit those of the layer-by-layer loop: the same kernels of
 * `_wasm/dense.wat` on the same operands for the products and Adam, and kernels for Leaky ReLU,
 * the two activations' gradients, SGD and the squared norms that do the IEEE operations of their
 * TypeScript counterparts in the same order (tests/nn/wasm_training_test.ts compares the two
 * paths, each kernel with its counterpart, and the products on z with those on relu(z)).
 *
 * It applies to a {@linkcode Sequential} of Dense layers with a ReLU (f'(0) = 0) or a Leaky ReLU
 * (f'(0) = alpha), built by this library, between each two, trained with plain SGD, Adam or AdamW
 * given by name, without dropout or gradient clipping, where WebAssembly SIMD runs;
 * {@linkcode train} uses the layer-by-layer loop otherwise. A Leaky ReLU of alpha 0 runs ReLU's
 * forward kernel (+0 where alpha * z would be -0), so the step runs it as a ReLU, with its slope in
 * the backward pass. The activation layers' `lastInput` and `lastOutput`, and the input each Dense
 * layer keeps for its backward pass, are those of the step's last forward pass, as the loop leaves
 * them: each forward pass here points the layers at its values in the memory
 * (`_deferred_values.ts`), a layer copies them out when they are first needed, and
 * {@linkcode WasmTraining.settle} copies out what is still there when the run ends. The instance is
 * then kept for the next run, its memory cleared before it is used again, so that a sweep of runs
 * does not pay again for mapping new memory (see {@linkcode IDLE_MAX_BYTES}).
 *
 * @module
 */

import { leftKinkSlope, reluForward64 } from "../activations/_piecewise_linear.ts";
import type { Matrix } from "../core/matrix.ts";
import { type AdamStepSettings, runWasmAdam, type WasmAdam } from "./_adam_kernels.ts";
import { forEachChunk } from "./_chunks.ts";
import { bytes, type DenseWasmExports, instantiateDenseModule, windows } from "./_gemm.ts";
import { deferredValues, type LastValues } from "./_deferred_values.ts";
import { ActivationLayer } from "./activation_layer.ts";
import { Dense } from "./dense.ts";
import type { Optimizer } from "./optimizer.ts";
import { type ActivationScan, SCAN_CHUNK_ROWS } from "./scan_activations.ts";
import { Sequential } from "./sequential.ts";

/** The exports of `_wasm/dense.wat` a step uses (byte offsets into `memory`). */
export interface StepExports {
  memory: WebAssembly.Memory;
  axpyRows: DenseWasmExports["axpyRows"];
  transpose: DenseWasmExports["transpose"];
  adam: WasmAdam;
  kinkBackward(z: number, g: number, out: number, n: number, slope: number): void;
  leakyForward(z: number, y: number, n: number, slope: number): void;
  markPositive(z: number, rows: number, cols: number, flags: number): void;
  sumSquares(p: number, n: number): number;
  sgd(n: number, w: number, g: number, learningRate: number, decay: number): void;
  gatherRows(src: number, order: number, rows: number, rowBytes: number, dst: number): void;
  softmaxRows(
    z: number,
    labels: number,
    rows: number,
    cols: number,
    g: number,
    scale: number,
    stats: number,
  ): number;
}

/** Byte offsets of one Dense layer's arrays (-1: none). */
interface DenseSlots {
  layer: Dense;
  nIn: number;
  nOut: number;
  /** Weights, biases, their gradients, and the transposed weights (input gradient). */
  w: number;
  b: number;
  gw: number;
  gb: number;
  wt: number;
  /** Adam's first and second moments of the weights and of the biases. */
  mw: number;
  vw: number;
  mb: number;
  vb: number;
  /**
   * Input rows (the batch; the z of the layer below, read through its ReLU: the products take
   * relu(z) where they gather the input, so ReLU's output is never written; or the output y of
   * the Leaky ReLU below), and output rows z.
   */
  x: number;
  z: number;
  /** 1 when x is the z of a ReLU's input (the products' `relu` argument), else 0. */
  relu: number;
  /**
   * The activation above z (none for the last layer): its slope for z <= 0 (0 for ReLU, alpha
   * for Leaky ReLU), and where its output is written (Leaky ReLU), else -1.
   */
  slope: number;
  y: number;
  /** Gradient of the loss with respect to z, and to the input (-1 for the first layer). */
  gz: number;
  gx: number;
  /**
   * One byte per neuron: z > 0 seen this epoch (for the activation above it; -1 for the last
   * layer).
   */
  flags: number;
}

/** Byte offsets of the regions all layers share. */
interface Regions {
  /** A row of ones (the bias gradient's left operand) and a row of zeros (a start for sums). */
  ones: number;
  zero: number;
  /** The products' lists of non-zero entries. */
  scratch: number;
  /** The training set's rows and the epoch's order of them (-1: not kept here). */
  data: number;
  order: number;
  /** A batch's labels (i32), and each row's largest logit and sum of exponentials. */
  labels: number;
  stats: number;
}

/** How the parameters are updated: the optimizers {@linkcode train} can run here. */
type Update =
  | { kind: "sgd"; weightDecay: number }
  | {
    kind: "adam";
    decoupled: boolean;
    beta1: number;
    beta2: number;
    epsilon: number;
    weightDecay: number;
  };

/** The largest memory a run may take here (the layer-by-layer loop needs far less). */
const MAX_BYTES = 512 * 2 ** 20;

/**
 * Where a run's regions start: after the first page, which the module declares and the step
 * does not use (every kernel takes its addresses as arguments).
 */
const BASE_BYTES = 65536;

/**
 * The largest memory kept for the next run when a run ends ({@linkcode WasmTraining.release}).
 * A new memory costs a page fault for each 4 KiB page when it is first written, 13 to 16 µs each
 * on the virtual machine of the benches' 2026-12-04 runs: keeping the memory made the moons and
 * digits fits 2% to 3% faster (median ratios of 30 alternated fits, two runs each). A larger
 * memory is left to the collector rather than held for the life of the process.
 */
const IDLE_MAX_BYTES = 32 * 2 ** 20;

/** The instance the last run left, if any: the next run takes it. */
let idle: StepExports | undefined;

/** The memory of the instance kept for the next run, if any (for the tests). */
export function keptMemory(): WebAssembly.Memory | undefined {
  return idle?.memory;
}

/**
 * A run's step in WebAssembly, or undefined where it does not apply (see the module's doc):
 * `optimizerName` is the name the optimizer was given by (undefined for an object), `optimizer`
 * what it resolved to, `rows.batchRows` the largest batch, `rows.evaluationRows` the largest
 * evaluation chunk and `rows.dataRows` the rows of the training set to keep in the memory (0:
 * none; each batch is then copied in row by row).
 */
export function wasmTraining(
  model: Sequential,
  optimizerName: string | undefined,
  optimizer: Optimizer,
  rows: { batchRows: number; evaluationRows: number; dataRows: number },
): WasmTraining | undefined {
  const update = updateOf(optimizerName, optimizer);
  if (update === undefined) return undefined;
  const network = stepNetworkOf(model);
  if (network === undefined) return undefined;
  const exports = idle ?? stepExports();
  idle = undefined;
  if (exports === undefined) return undefined;
  const run = WasmTraining.create(
    exports,
    network.dense,
    network.activations,
    network.slopes,
    update,
    Math.max(rows.batchRows, rows.evaluationRows),
    rows.dataRows,
  );
  // Too big for the memory: the instance is as it was, and waits for the next run.
  if (run === undefined) idle = exports;
  return run;
}

/** The update of an optimizer given by name, or undefined. */
function updateOf(name: string | undefined, optimizer: Optimizer): Update | undefined {
  const o = optimizer.options;
  if (name === "sgd" && optimizer.name === "sgd" && o.momentum === 0) {
    return { kind: "sgd", weightDecay: o.weightDecay as number };
  }
  if ((name === "adam" || name === "adamW") && optimizer.name === name) {
    return {
      kind: "adam",
      decoupled: name === "adamW",
      beta1: o.beta1 as number,
      beta2: o.beta2 as number,
      epsilon: o.epsilon as number,
      weightDecay: o.weightDecay as number,
    };
  }
  return undefined;
}

/**
 * The Dense and activation layers of `Dense, f, Dense, ..., Dense`, each f a ReLU or a Leaky
 * ReLU (any mix), with the slope of each for z <= 0 (0 for ReLU), or undefined for any other
 * model. The layers must be of these classes exactly: a subclass may compute something else.
 */
function stepNetworkOf(
  model: Sequential,
): { dense: Dense[]; activations: ActivationLayer[]; slopes: number[] } | undefined {
  if (!(model instanceof Sequential)) return undefined;
  const layers = model.layers;
  if (layers.length % 2 === 0) return undefined;
  const dense: Dense[] = [], activations: ActivationLayer[] = [], slopes: number[] = [];
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i];
    if (i % 2 === 0) {
      if (Object.getPrototypeOf(layer) !== Dense.prototype) return undefined;
      dense.push(layer as Dense);
      continue;
    }
    if (Object.getPrototypeOf(layer) !== ActivationLayer.prototype) return undefined;
    const activation = (layer as ActivationLayer).activation;
    const slope = leftKinkSlope(activation);
    if (slope === undefined) return undefined;
    activations.push(layer as ActivationLayer);
    slopes.push(slope);
  }
  return { dense, activations, slopes };
}

/**
 * A new instance's exports, or undefined where WebAssembly SIMD is not available (the names
 * and signatures of `_wasm/dense.wat`'s exports; tests/nn/wasm_training_test.ts runs them).
 */
function stepExports(): StepExports | undefined {
  return instantiateDenseModule()?.exports as StepExports | undefined;
}

/** One run's memory and step. */
export class WasmTraining {
  readonly #ex: StepExports;
  readonly #layers: DenseSlots[];
  /**
   * The ReLU and Leaky ReLU layers, between each two Dense layers, and where their last values
   * are.
   */
  readonly #activations: readonly ActivationLayer[];
  readonly #sources: (() => LastValues)[];
  readonly #inputSources: (() => Matrix)[];
  readonly #update: Update;
  readonly #heap: Float64Array;
  readonly #flagBytes: Uint8Array;
  readonly #labels: Int32Array;
  /** Where the shared regions are (byte offsets; `data` and `order` -1 when not kept). */
  readonly #at: Regions;
  /** The network's output per number of rows (a batch, the last batch, evaluation chunks). */
  readonly #outputs = new Map<number, Matrix>();
  readonly #window = windows();
  /** Adam's step count. */
  #t = 0;
  /** The rows of the last forward pass. */
  #rows = 0;
  /** The rows predicted right in the last {@linkcode WasmTraining.softmaxCrossEntropy}. */
  #correct = 0;

  private constructor(
    ex: StepExports,
    layers: DenseSlots[],
    activations: readonly ActivationLayer[],
    update: Update,
    at: Regions,
    size: number,
    maxRows: number,
  ) {
    this.#ex = ex;
    this.#layers = layers;
    this.#activations = activations;
    this.#sources = activations.map((_, k) => () => this.#lastValues(k));
    // A Dense layer's input is the batch, or the output of the activation below it (the same
    // matrix, as layer by layer: one copy serves both).
    this.#inputSources = layers.map((s, k) =>
      k === 0 ? () => this.#copy(s.x, s.nIn) : () => activations[k - 1].lastOutput!
    );
    this.#update = update;
    this.#at = at;
    const memory = ex.memory, had = memory.buffer.byteLength;
    if (size > had) memory.grow(Math.ceil((size - had) / 65536));
    // A memory an earlier run left starts as a new one does, all zeros (the moments, the flags,
    // the zero row); a grown part is zeros already.
    if (had > BASE_BYTES) new Uint8Array(memory.buffer).fill(0, BASE_BYTES, Math.min(size, had));
    // The memory never grows again: these views stay valid for the run.
    this.#heap = new Float64Array(memory.buffer);
    this.#flagBytes = new Uint8Array(memory.buffer);
    this.#labels = new Int32Array(memory.buffer, at.labels, maxRows);
    this.#heap.fill(1, at.ones / 8, at.ones / 8 + maxRows);
  }

  /**
   * Lays out the memory for `dense` (with `activations` between them, of negative slopes
   * `slopes`), batches of up to `maxRows` and `dataRows` rows of training data, or returns
   * undefined if that is too big.
   */
  static create(
    ex: StepExports,
    dense: Dense[],
    activations: readonly ActivationLayer[],
    slopes: readonly number[],
    update: Update,
    maxRows: number,
    dataRows: number,
  ): WasmTraining | undefined {
    let top = BASE_BYTES;
    const take = (doubles: number) => {
      const at = top;
      top += bytes(doubles);
      return at;
    };
    const adam = update.kind === "adam";
    const layers: DenseSlots[] = [];
    let widest = 0;
    let x = take(maxRows * dense[0].inputSize), relu = 0;
    dense.forEach((layer, i) => {
      const nIn = layer.inputSize, nOut = layer.outputSize, last = i === dense.length - 1;
      const slope = last ? 0 : slopes[i], z = take(maxRows * nOut);
      // Leaky ReLU's output is written for the layer above; ReLU's (slope ±0, as reluForward64
      // runs it) is read from z.
      const y = !last && slope !== 0 ? take(maxRows * nOut) : -1;
      widest = Math.max(widest, nIn, nOut);
      const slots: DenseSlots = {
        layer,
        nIn,
        nOut,
        w: take(nIn * nOut),
        b: take(nOut),
        gw: take(nIn * nOut),
        gb: take(nOut),
        wt: i === 0 ? -1 : take(nIn * nOut),
        mw: adam ? take(nIn * nOut) : -1,
        vw: adam ? take(nIn * nOut) : -1,
        mb: adam ? take(nOut) : -1,
        vb: adam ? take(nOut) : -1,
        x,
        z,
        relu,
        slope,
        y,
        gz: take(maxRows * nOut),
        gx: i === 0 ? -1 : take(maxRows * nIn),
        flags: last ? -1 : take(Math.ceil(nOut / 8)),
      };
      layers.push(slots);
      x = y >= 0 ? y : z;
      relu = y >= 0 ? 0 : 1;
    });
    const ones = take(maxRows), zero = take(widest);
    const labels = take(Math.ceil(maxRows / 2)), stats = take(2 * maxRows);
    // The products' lists: 32 bytes per entry of the longest inner dimension.
    const scratch = take(4 * Math.max(maxRows, widest));
    if (top > MAX_BYTES) return undefined;
    // The training set too, where it fits (else batches are copied in row by row).
    let data = -1, order = -1;
    const dataBytes = bytes(dataRows * dense[0].inputSize) + bytes(Math.ceil(dataRows / 2));
    if (dataRows > 0 && top + dataBytes <= MAX_BYTES) {
      data = take(dataRows * dense[0].inputSize);
      order = take(Math.ceil(dataRows / 2));
    }
    try {
      return new WasmTraining(
        ex,
        layers,
        activations,
        update,
        { ones, zero, scratch, data, order, labels, stats },
        top,
        maxRows,
      );
    } catch (error) {
      // The memory could not grow (the engine's limit, or out of memory): train layer by layer.
      if (error instanceof RangeError) return undefined;
      throw error;
    }
  }

  /**
   * Starts an epoch: the model's weights and biases, the epoch's order of the training set's rows
   * and, with `readData`, the training set itself are read in (so that what a callback changed is
   * trained on), the flags cleared.
   */
  startEpoch(x: Matrix, order: Int32Array, readData: boolean): void {
    this.load();
    this.#setData(x, order, readData);
    this.#clearFlags();
  }

  /**
   * Ends an epoch: the weights, biases and gradients are copied out to the model, and, given the
   * epoch's scans (running metrics), the dead-neuron flags into them.
   */
  endEpoch(scans: readonly ActivationScan[] | undefined): void {
    this.store();
    if (scans !== undefined) this.#readFlags(scans);
  }

  /** Copies the model's weights and biases in (zero moments stay as they are). */
  load(): void {
    const f = this.#heap;
    for (const s of this.#layers) {
      f.set(s.layer.weights, s.w / 8);
      f.set(s.layer.biases, s.b / 8);
    }
  }

  /** Copies the weights, biases and their gradients out to the model's arrays. */
  store(): void {
    const f = this.#heap, view = this.#window;
    for (const s of this.#layers) {
      const n = s.nIn * s.nOut;
      s.layer.weights.set(view(f, s.w / 8, n));
      s.layer.biases.set(view(f, s.b / 8, s.nOut));
      s.layer.weightGrad.set(view(f, s.gw / 8, n));
      s.layer.biasGrad.set(view(f, s.gb / 8, s.nOut));
    }
  }

  /**
   * Copies the epoch's order of the training set's rows in, and with `readData` the training set,
   * where the memory keeps them.
   */
  #setData(x: Matrix, order: Int32Array, readData: boolean): void {
    const { data, order: at } = this.#at;
    if (data < 0) return;
    if (readData) this.#heap.set(x.data, data / 8);
    new Int32Array(this.#heap.buffer, at, order.length).set(order);
  }

  /**
   * Puts rows `order[start ..]` of the training set (given also as one view per row) in as the
   * batch and runs the forward pass, returning the network's output (a buffer reused per batch
   * size).
   */
  forward(xRows: readonly Float64Array[], order: Int32Array, start: number, rows: number): Matrix {
    const first = this.#layers[0], cols = first.nIn;
    const { data, order: at } = this.#at;
    if (data >= 0) {
      this.#ex.gatherRows(data, at + 4 * start, rows, cols * 8, first.x);
    } else {
      const f = this.#heap, at = first.x / 8;
      for (let i = 0; i < rows; i++) f.set(xRows[order[start + i]], at + i * cols);
    }
    return this.#forward(rows);
  }

  /**
   * The forward pass of the `rows` input rows in place; returns the output, a view of the memory
   * (valid until the next forward pass).
   */
  #forward(rows: number): Matrix {
    const ex = this.#ex, layers = this.#layers, scratch = this.#at.scratch;
    for (const s of layers) {
      ex.axpyRows(rows, s.nIn, s.nOut, s.x, s.nIn * 8, 8, s.w, s.b, 0, s.z, scratch, s.relu);
      if (s.y >= 0) ex.leakyForward(s.z, s.y, rows * s.nOut, s.slope);
    }
    this.#rows = rows;
    for (let k = 0; k < this.#activations.length; k++) {
      deferredValues.defer(this.#activations[k], this.#sources[k]);
    }
    for (let k = 0; k < layers.length; k++) {
      deferredValues.deferInput(layers[k].layer, this.#inputSources[k]);
    }
    const last = layers[layers.length - 1];
    let out = this.#outputs.get(rows);
    if (out === undefined) {
      out = { rows, cols: last.nOut, data: this.#window(this.#heap, last.z / 8, rows * last.nOut) };
      this.#outputs.set(rows, out);
    }
    return out;
  }

  /** A copy of activation layer `k`'s input and output in the last forward pass. */
  #lastValues(k: number): LastValues {
    const s = this.#layers[k];
    const z = this.#copy(s.z, s.nOut);
    if (s.y >= 0) return { z, y: this.#copy(s.y, s.nOut) };
    // ReLU's output, never written in the memory: computed from z as the layer computes it.
    const y = { rows: z.rows, cols: z.cols, data: new Float64Array(z.data.length) };
    reluForward64(z.data, y.data);
    return { z, y };
  }

  /** A copy of the last forward pass's `cols`-column rows at byte offset `at`. */
  #copy(at: number, cols: number): Matrix {
    const rows = this.#rows;
    return { rows, cols, data: this.#heap.slice(at / 8, at / 8 + rows * cols) };
  }

  /**
   * Ends the run: the layers copy out the last values they have not taken, so that the model no
   * longer refers to this memory.
   */
  settle(): void {
    for (const layer of this.#activations) void layer.lastInput; // reading them copies them out
    for (const s of this.#layers) deferredValues.settleInput(s.layer);
  }

  /**
   * Ends the run after {@linkcode WasmTraining.settle}: the instance, its memory no longer
   * referred to by the model, is kept for the next run unless it is larger than
   * {@linkcode IDLE_MAX_BYTES}. This object must not be used after it.
   */
  release(): void {
    if (this.#ex.memory.buffer.byteLength <= IDLE_MAX_BYTES) idle = this.#ex;
  }

  /**
   * Runs the forward pass over `x` in chunks of {@linkcode SCAN_CHUNK_ROWS} rows, as
   * `scanActivations` does: each chunk's output goes to `onOutput` with its first row, and, given
   * `scans` (empty, one per ReLU layer), the neurons with some z > 0 are marked there.
   */
  scan(
    x: Matrix,
    onOutput: (out: Matrix, start: number) => void,
    scans: readonly ActivationScan[] | undefined,
  ): void {
    const at = this.#layers[0].x / 8;
    if (scans !== undefined) this.#clearFlags();
    forEachChunk(x, SCAN_CHUNK_ROWS, (chunk, start) => {
      this.#heap.set(chunk.data, at);
      const out = this.#forward(chunk.rows);
      if (scans !== undefined) this.markPositive(chunk.rows);
      onOutput(out, start);
    });
    if (scans !== undefined) this.#readFlags(scans);
  }

  /** Marks, per ReLU, the neurons with some z > 0 in the last forward pass of `rows` rows. */
  markPositive(rows: number): void {
    for (const s of this.#layers) {
      if (s.flags >= 0) this.#ex.markPositive(s.z, rows, s.nOut, s.flags);
    }
  }

  /** Clears the flags of {@linkcode WasmTraining.markPositive}. */
  #clearFlags(): void {
    for (const s of this.#layers) {
      if (s.flags >= 0) this.#flagBytes.fill(0, s.flags, s.flags + s.nOut);
    }
  }

  /** Copies the flags into the scans of the ReLU layers (in model order). */
  #readFlags(scans: readonly ActivationScan[]): void {
    let k = 0;
    for (const s of this.#layers) {
      if (s.flags < 0) continue;
      scans[k++].everPositive.set(this.#flagBytes.subarray(s.flags, s.flags + s.nOut));
    }
  }

  /**
   * The mean softmax cross-entropy of the last forward pass's output against `labels` (one per
   * row), as `softmaxCrossEntropy.valueAndGrad`, bit for bit: the kernel `softmaxRows` writes the
   * gradient where {@linkcode WasmTraining.backward} starts from (call it without a gradient),
   * and each row's largest logit and sum of exponentials, from which the loss is summed here
   * with the operations of `softmax_cross_entropy.ts`. It also counts the rows predicted right,
   * as `correctCount` does for two or more outputs: {@linkcode WasmTraining.lastCorrect}.
   */
  softmaxCrossEntropy(labels: Int32Array): number {
    const last = this.#layers[this.#layers.length - 1], rows = this.#rows, cols = last.nOut;
    const { labels: at, stats } = this.#at;
    this.#labels.set(labels.subarray(0, rows));
    this.#correct = this.#ex.softmaxRows(last.z, at, rows, cols, last.gz, 1 / rows, stats);
    const f = this.#heap, z = last.z / 8, s = stats / 8;
    let total = 0;
    for (let i = 0; i < rows; i++) {
      total += f[s + 2 * i] - f[z + i * cols + labels[i]] + Math.log(f[s + 2 * i + 1]);
    }
    return total / rows;
  }

  /**
   * The rows whose largest output was at their label in the last
   * {@linkcode WasmTraining.softmaxCrossEntropy} (as `correctCount` counts them where the output
   * has two or more columns).
   */
  get lastCorrect(): number {
    return this.#correct;
  }

  /**
   * The backward pass from the loss gradient with respect to the output (the shape of the
   * last forward output), or, without one, from the gradient
   * {@linkcode WasmTraining.softmaxCrossEntropy} left: the gradients are computed afresh, as
   * Dense and ReLU do.
   */
  backward(grad: Matrix | undefined): void {
    const ex = this.#ex, layers = this.#layers, rows = this.#rows, scratch = this.#at.scratch;
    if (grad !== undefined) this.#heap.set(grad.data, layers[layers.length - 1].gz / 8);
    for (let l = layers.length - 1; l >= 0; l--) {
      // The gradients start from the zero row (as zeroGrad leaves them for Dense.backward).
      const s = layers[l], zero = this.#at.zero;
      ex.axpyRows(s.nIn, rows, s.nOut, s.x, 8, s.nIn * 8, s.gz, zero, 0, s.gw, scratch, s.relu);
      ex.axpyRows(1, rows, s.nOut, this.#at.ones, 0, 8, s.gz, zero, 0, s.gb, scratch, 0);
      if (l === 0) break;
      ex.transpose(s.nIn, s.nOut, s.w, s.wt);
      ex.axpyRows(rows, s.nOut, s.nIn, s.gz, s.nOut * 8, 8, s.wt, zero, 0, s.gx, scratch, 0);
      const below = layers[l - 1];
      ex.kinkBackward(below.z, s.gx, below.gz, rows * below.nOut, below.slope);
    }
  }

  /** The L2 norm of Dense layer `d`'s weight and bias gradients (as `gradNorm`). */
  gradNorm(d: number): number {
    const s = this.#layers[d], ex = this.#ex;
    return Math.sqrt(0 + ex.sumSquares(s.gw, s.nIn * s.nOut) + ex.sumSquares(s.gb, s.nOut));
  }

  /** One optimizer step at `learningRate`: weights decayed, biases not. */
  step(learningRate: number): void {
    const u = this.#update, ex = this.#ex;
    if (u.kind === "sgd") {
      for (const s of this.#layers) {
        ex.sgd(s.nIn * s.nOut, s.w, s.gw, learningRate, u.weightDecay);
        ex.sgd(s.nOut, s.b, s.gb, learningRate, 0);
      }
      return;
    }
    this.#t++;
    const settings: AdamStepSettings = {
      decoupled: u.decoupled,
      beta1: u.beta1,
      beta2: u.beta2,
      epsilon: u.epsilon,
      learningRate,
      correction1: 1 - u.beta1 ** this.#t,
      correction2: 1 - u.beta2 ** this.#t,
    };
    for (const s of this.#layers) {
      runWasmAdam(ex.adam, s.nIn * s.nOut, s.w, s.gw, s.mw, s.vw, u.weightDecay, settings);
      runWasmAdam(ex.adam, s.nOut, s.b, s.gb, s.mb, s.vb, 0, settings);
    }
  }
}
