/**
 * Input handling shared by the diagnostics: a matrix or a data set's inputs, checked against
 * the model; evaluation chunks; the full-batch loss and gradient.
 *
 * @module
 */

import { requireDataset, requireMatrix } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import type { Matrix } from "../core/matrix.ts";
import { formatValue } from "../core/validate.ts";
import { requireModel } from "../nn/_check.ts";
import { lossFor as lossForOutputs } from "../nn/_known_loss.ts";
import {
  checkDataset,
  type Loss,
  type LossName,
  SCAN_CHUNK_ROWS,
  type Sequential,
} from "../nn/mod.ts";

/** Returns the inputs of `data` (a matrix, or a data set's `x`) after checking them. */
export function inputsOf(action: string, model: Sequential, data: Matrix | Dataset): Matrix {
  requireModel(action, model);
  // An object with none of a matrix's fields that is not a whole data set (one without y, or
  // labels without x) is neither: not a matrix with its rows missing.
  if (
    typeof data !== "object" || data === null || Array.isArray(data) ||
    (!isDataset(data) && !("rows" in data || "cols" in data || "data" in data))
  ) {
    throw new TypeError(
      `Cannot ${action} as data must be a Matrix { rows, cols, data } or a Dataset { x, y }: data=${
        formatValue(data)
      }`,
    );
  }
  const dataset = isDataset(data);
  // A data set is checked whole, though only its inputs are read: labels that do not match
  // the inputs (a y of another length, say) mean data that is not what the caller thinks.
  if (dataset) requireDataset(action, "data", data);
  const x = dataset ? data.x : data;
  requireMatrix(action, dataset ? "data.x" : "data", x);
  if (x.rows === 0) {
    throw new RangeError(`Cannot ${action} as data must not be empty: x is 0x${x.cols}`);
  }
  if (x.cols !== model.inputSize) {
    throw new RangeError(
      `Cannot ${action} as the inputs must have one column per model input: x is ${x.rows}x${x.cols}, the model takes Nx${model.inputSize}`,
    );
  }
  for (let i = 0; i < x.data.length; i++) {
    if (!Number.isFinite(x.data[i])) {
      throw new RangeError(
        `Cannot ${action} as the inputs must be finite: x.data[${i}]=${formatValue(x.data[i])}`,
      );
    }
  }
  return x;
}

function isDataset(data: Matrix | Dataset): data is Dataset {
  return typeof data === "object" && data !== null && "x" in data && "y" in data;
}

/**
 * Resolves the loss for `data` and checks that it fits the targets and the model (`lossFor` of
 * `nn/_known_loss.ts`, which `train` uses too), after {@linkcode checkData}, naming `action`.
 */
export function lossFor(
  action: string,
  model: Sequential,
  data: Dataset,
  loss?: LossName | Loss,
): Loss {
  return lossForOutputs(action, model.outputSize, data, loss);
}

/** Checks a data set against the model for a diagnostic. */
export function checkData(action: string, model: Sequential, data: Dataset): void {
  checkDataset(model, data, { action });
}

/** The rows `start..end` of a matrix, as a view. */
function rowsOf(m: Matrix, start: number, end: number): Matrix {
  return { rows: end - start, cols: m.cols, data: m.data.subarray(start * m.cols, end * m.cols) };
}

/** The targets of rows `start..end`, as a view. */
function targetsOf(y: Int32Array | Matrix, start: number, end: number): Int32Array | Matrix {
  return y instanceof Int32Array ? y.subarray(start, end) : rowsOf(y, start, end);
}

/** The mean loss over the whole data set, in evaluation mode. */
export function fullBatchLoss(model: Sequential, data: Dataset, loss: Loss): number {
  const n = data.x.rows;
  let total = 0;
  for (let start = 0; start < n; start += SCAN_CHUNK_ROWS) {
    const end = Math.min(n, start + SCAN_CHUNK_ROWS);
    const out = model.forward(rowsOf(data.x, start, end), { training: false });
    total += loss.value(out, targetsOf(data.y, start, end)) * (end - start);
  }
  return total / n;
}

/**
 * Sets every parameter gradient to the gradient of the mean loss over the whole data set (in
 * evaluation mode) and returns that loss.
 */
export function fullBatchGradient(model: Sequential, data: Dataset, loss: Loss): number {
  const n = data.x.rows;
  model.zeroGrad();
  let total = 0;
  for (let start = 0; start < n; start += SCAN_CHUNK_ROWS) {
    const end = Math.min(n, start + SCAN_CHUNK_ROWS);
    const out = model.forward(rowsOf(data.x, start, end), { training: false });
    const grad: Matrix = {
      rows: out.rows,
      cols: out.cols,
      data: new Float64Array(out.data.length),
    };
    const value = loss.valueAndGrad(out, targetsOf(data.y, start, end), grad);
    // Each chunk's loss is a mean over its rows: weight it by its share of the data set.
    const weight = (end - start) / n;
    for (let i = 0; i < grad.data.length; i++) grad.data[i] *= weight;
    model.backward(grad);
    total += value * (end - start);
  }
  return total / n;
}
