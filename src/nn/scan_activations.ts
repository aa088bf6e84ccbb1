/**
 * One evaluation pass over a data set that records, for every activation layer, which neurons
 * ever had a positive pre-activation, how many outputs were exactly zero, and the outputs' sum
 * and sum of squared deviations from their mean. The training loop reads dead fractions from
 * it each epoch; the diagnostics module builds its reports on it.
 *
 * @module
 */

import { refuseTrailing, requireFlag, requireMatrix } from "../core/_require.ts";
import type { Matrix } from "../core/matrix.ts";
import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";
import { EVALUATION, requireModel, shapeOf } from "./_check.ts";
import { forEachChunk } from "./_chunks.ts";
import { type ActivationLike, isActivationLayer } from "./layer.ts";
import type { Sequential } from "./sequential.ts";

/** What one scan records for one activation layer. */
export interface ActivationScan {
  /** Index of the layer in the model. */
  readonly layerIndex: number;
  /** Number of neurons. */
  readonly size: number;
  /** Per neuron: 1 when its pre-activation z was not <= 0 (> 0, or NaN) for some sample, else 0. */
  readonly everPositive: Uint8Array;
  /** Number of outputs exactly equal to 0 (either sign). */
  zeros: number;
  /** Number of outputs seen (samples x neurons). */
  count: number;
  /** Sum of the outputs. */
  sum: number;
  /**
   * Sum of the squared deviations of the outputs from their mean, `Σ (y - mean)²`, so that
   * `sqrt(sumSquaredDeviations / count)` is their standard deviation. Each batch's is taken
   * about the batch's own mean and merged with the running one by the update of Chan, Golub
   * and LeVeque, which keeps its precision where the mean is large against the spread (a sum of
   * squares less the squared mean loses it all: outputs near 1e4 with a spread of 4e-4 came out
   * with a deviation of 0).
   */
  sumSquaredDeviations: number;
}

/**
 * Rows evaluated at once: large enough to amortise calls, small enough to bound memory.
 *
 * @example
 * ```ts
 * import { SCAN_CHUNK_ROWS } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(SCAN_CHUNK_ROWS, 512);
 * assert.ok(Number.isInteger(SCAN_CHUNK_ROWS) && SCAN_CHUNK_ROWS > 0);
 * ```
 */
export const SCAN_CHUNK_ROWS = 512;

/** Options of {@linkcode scanActivations}. */
export interface ScanOptions {
  /** Called with each chunk's output (a buffer reused by the next chunk) and its first row. */
  onOutput?: (out: Matrix, start: number) => void;
  /** Also gather the outputs' zeros, sum and squared deviations (else only `everPositive`). Default: true. */
  statistics?: boolean;
}

const SCAN_KEYS: OptionKeys<ScanOptions> = { onOutput: true, statistics: true };

/**
 * Runs the model in evaluation mode over `x`, chunk by chunk, filling one
 * {@linkcode ActivationScan} per activation layer (activation, PReLU and RReLU layers) and
 * handing each chunk's output to `onOutput` with the index of the chunk's first row. The
 * training loop and the diagnostics build on this one pass.
 *
 * @param model The model.
 * @param x The inputs, `N x inputSize`, at least one row (a scan of no rows would call every
 *   neuron dead).
 * @param options `onOutput` for each chunk's output; `statistics` (default true).
 * @returns One scan per activation layer, in model order.
 *
 * @example
 * ```ts
 * import { fromRows, mlp, scanActivations } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * // Biases of -100 push every pre-activation below 0: the hidden layer is all dead.
 * const model = mlp([2, 4, 2], { biasInit: -100, seed: 1 });
 * const [scan] = scanActivations(model, fromRows([[0.1, 0.2], [0.3, -0.4]]));
 * assert.deepEqual(Array.from(scan.everPositive), [0, 0, 0, 0]);
 * assert.equal(scan.zeros, 8);
 * ```
 */
export function scanActivations(
  model: Sequential,
  x: Matrix,
  options?: ScanOptions,
): ActivationScan[];
export function scanActivations(
  model: Sequential,
  x: Matrix,
  options: ScanOptions = {},
  extra?: unknown,
): ActivationScan[] {
  const action = "scan activations";
  refuseTrailing(action, "scanActivations", "model, x and options", "fourth", extra);
  const { onOutput, statistics: flag } = requireOptions(action, options, SCAN_KEYS);
  const statistics = requireFlag(action, "statistics", flag, true);
  if (onOutput !== undefined && typeof onOutput !== "function") {
    throw new TypeError(
      `Cannot ${action} as onOutput must be a function: onOutput=${formatValue(onOutput)}`,
    );
  }
  requireModel(action, model);
  requireMatrix(action, "x", x);
  if (x.rows === 0 || x.cols !== model.inputSize) {
    throw new RangeError(
      `Cannot ${action} as x must have at least one row and one column per model input: x is ${
        shapeOf(x)
      }, the model takes Nx${model.inputSize}`,
    );
  }
  const scans = emptyActivationScans(model);
  forEachChunk(x, SCAN_CHUNK_ROWS, (chunk, start) => {
    const out = model.forward(chunk, EVALUATION);
    recordActivations(model, scans, { statistics });
    onOutput?.(out, start);
  });
  return scans;
}

/**
 * Creates one empty {@linkcode ActivationScan} per activation layer of `model`, to fill with
 * {@linkcode recordActivations}.
 *
 * @param model The model.
 * @returns The empty scans, in model order.
 *
 * @example
 * ```ts
 * import { emptyActivationScans, mlp } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const scans = emptyActivationScans(mlp([2, 3, 3, 1]));
 * assert.deepEqual(scans.map((s) => s.layerIndex), [1, 3]);
 * ```
 */
export function emptyActivationScans(model: Sequential): ActivationScan[];
export function emptyActivationScans(model: Sequential, extra?: unknown): ActivationScan[] {
  refuseTrailing("create activation scans", "emptyActivationScans", "model alone", "second", extra);
  requireModel("create activation scans", model);
  const scans: ActivationScan[] = [];
  model.layers.forEach((layer, layerIndex) => {
    if (isActivationLayer(layer)) {
      scans.push({
        layerIndex,
        size: layer.size,
        everPositive: new Uint8Array(layer.size),
        zeros: 0,
        count: 0,
        sum: 0,
        sumSquaredDeviations: 0,
      });
    }
  });
  return scans;
}

const RECORD_ACTIVATIONS_KEYS: OptionKeys<{ statistics?: boolean }> = { statistics: true };

/**
 * Adds what the activation layers saw in the model's last forward call (their `lastInput` and
 * `lastOutput`) to `scans`.
 *
 * @param model The model, after a forward call on at least one row (else a `RangeError`: the
 *   neurons, seen on no data, would read as dead).
 * @param scans Scans from {@linkcode emptyActivationScans} for the same model (a scan that does
 *   not match its layer there throws a `RangeError`).
 * @param options `statistics`: also gather the outputs' zeros, sum and squared deviations
 *   (default true).
 *
 * @example
 * ```ts
 * import { emptyActivationScans, fromRows, mlp, recordActivations } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([1, 2, 1], { init: "zeros", biasInit: 1 });
 * const scans = emptyActivationScans(model);
 * model.forward(fromRows([[5]]));
 * recordActivations(model, scans);
 * assert.deepEqual(Array.from(scans[0].everPositive), [1, 1]);
 * assert.equal(scans[0].sum, 2);
 * ```
 */
export function recordActivations(
  model: Sequential,
  scans: readonly ActivationScan[],
  options?: { statistics?: boolean },
): void;
export function recordActivations(
  model: Sequential,
  scans: readonly ActivationScan[],
  options: { statistics?: boolean } = {},
  extra?: unknown,
): void {
  const action = "record activations";
  refuseTrailing(action, "recordActivations", "model, scans and options", "fourth", extra);
  requireOptions(action, options, RECORD_ACTIVATIONS_KEYS);
  const statistics = requireFlag(action, "statistics", options.statistics, true);
  requireModel(action, model);
  if (!Array.isArray(scans)) {
    throw new TypeError(
      `Cannot ${action} as scans must be an array from emptyActivationScans: scans=${
        formatValue(scans)
      }`,
    );
  }
  for (let k = 0; k < scans.length; k++) requireScanOf(action, model, scans[k], k);
  for (const scan of scans) {
    const layer = model.layers[scan.layerIndex] as ActivationLike;
    // A layer that saw no rows would leave its neurons unseen, and read as all dead.
    if (layer.lastInput === undefined || layer.lastInput.rows === 0) {
      throw new RangeError(
        `Cannot ${action} as the model must have run forward on at least one row first: layer ${scan.layerIndex} (${layer.describe()}) has ${
          layer.lastInput === undefined ? "not run" : "run on 0 rows"
        }`,
      );
    }
    const z = layer.lastInput.data, y = layer.lastOutput!.data, n = scan.size;
    const positive = scan.everPositive;
    // Only a neuron not yet seen positive is looked at, down its column until the first z
    // not <= 0: after the first batches, that is the dead ones and little else. A NaN z is not
    // <= 0, so a neuron with NaN weights is not counted dead (its outputs are NaN, not 0).
    for (let j = 0; j < n; j++) {
      if (positive[j] !== 0) continue;
      for (let i = j; i < z.length; i += n) {
        if (!(z[i] <= 0)) {
          positive[j] = 1;
          break;
        }
      }
    }
    const count = y.length;
    if (!statistics || count === 0) continue;
    let zeros = 0, sum = 0;
    for (let i = 0; i < count; i++) {
      const v = y[i];
      if (v === 0) zeros++;
      sum += v;
    }
    // The batch's squared deviations about its own mean, merged with the running ones (Chan,
    // Golub and LeVeque): no sum of squares of large values to cancel.
    const mean = sum / count;
    let deviations = 0;
    for (let i = 0; i < count; i++) {
      const d = y[i] - mean;
      deviations += d * d;
    }
    if (scan.count > 0) {
      const delta = mean - scan.sum / scan.count;
      deviations += delta * delta * (scan.count * count / (scan.count + count));
    }
    scan.zeros += zeros;
    scan.count += count;
    scan.sum += sum;
    scan.sumSquaredDeviations += deviations;
  }
}

/** Throws a RangeError unless `scan` is one of `emptyActivationScans(model)`'s, by its shape. */
function requireScanOf(action: string, model: Sequential, scan: ActivationScan, k: number): void {
  const layer = model.layers[scan?.layerIndex];
  if (
    layer === undefined || !isActivationLayer(layer) || layer.size !== scan.size ||
    !(scan.everPositive instanceof Uint8Array) || scan.everPositive.length !== scan.size
  ) {
    throw new RangeError(
      `Cannot ${action} as scans must come from emptyActivationScans of this model: scans[${k}] is for layer ${
        formatValue(scan?.layerIndex)
      } of size ${formatValue(scan?.size)}, the model's layer there is ${
        layer === undefined ? "missing" : layer.describe()
      }`,
    );
  }
}

/**
 * The fraction of a layer's neurons that are dead on the scanned data: z <= 0 for every sample.
 *
 * @param scan A scan from {@linkcode scanActivations}.
 * @returns The dead fraction in [0, 1].
 *
 * @example
 * ```ts
 * import { deadFractionOf } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const scan = { layerIndex: 1, size: 4, everPositive: Uint8Array.of(1, 0, 1, 0), zeros: 0, count: 0, sum: 0, sumSquaredDeviations: 0 };
 * assert.equal(deadFractionOf(scan), 0.5);
 * // deadNeurons' reports are not scans: use their deadFraction.
 * assert.throws(() => deadFractionOf([] as never), /scan must be one of scanActivations' scans .*: scan=\[\]$/);
 * ```
 */
export function deadFractionOf(scan: ActivationScan): number {
  const { size, everPositive } = (scan ?? {}) as Partial<ActivationScan>;
  if (
    !Number.isInteger(size) || size! < 1 || !(everPositive instanceof Uint8Array) ||
    everPositive.length !== size
  ) {
    throw new TypeError(
      `Cannot compute a dead fraction as scan must be one of scanActivations' scans (size >= 1 and everPositive a Uint8Array of size flags): scan=${
        formatValue(scan)
      }`,
    );
  }
  let alive = 0;
  for (let j = 0; j < scan.size; j++) alive += scan.everPositive[j];
  return (scan.size - alive) / scan.size;
}
