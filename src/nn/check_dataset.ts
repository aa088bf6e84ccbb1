/**
 * Checks that a data set fits a model before any work starts.
 *
 * @module
 */

import { refuseTrailing, requireMatrix, requireTargets } from "../core/_require.ts";
import type { Dataset } from "../core/dataset.ts";
import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import { requireFinite, requireModel, shapeOf } from "./_check.ts";
import { requireLabels } from "./_targets.ts";
import type { Sequential } from "./sequential.ts";

const CHECK_DATASET_KEYS: OptionKeys<{ action?: string; name?: string }> = {
  action: true,
  name: true,
};

/**
 * Checks that `data` fits `model`, or throws: `TypeError` when the model is not a
 * {@linkcode Sequential} or `data` is not a data set, `TypeError` or `RangeError` when `x` or
 * matrix targets are not well-formed matrices, `RangeError` when it is empty, when `x` does not have one column per model input, when an
 * input or target is not finite, when a label is out of range (0..outputs-1, or 0..1 for a
 * one-output model), when the data set's `classes` are more than that range holds, or when matrix
 * targets do not have one column per model output.
 *
 * @param model The model.
 * @param data The data set.
 * @param options `action` and `name` for the error messages (default "use the data set", "data").
 *
 * @example
 * ```ts
 * import { checkDataset, dataset, fromRows, mlp } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([2, 4, 2]);
 * checkDataset(model, dataset(fromRows([[0, 1]]), new Int32Array([1])));
 * assert.throws(
 *   () => checkDataset(model, { x: fromRows([[0, 1]]), y: new Int32Array([2]) }),
 *   { name: "RangeError", message: "Cannot use the data set as every label must be in 0..1: data.y[0]=2" },
 * );
 * // Three classes declared, two outputs: class 2 could never be predicted.
 * const threeClasses = dataset(fromRows([[0, 1]]), new Int32Array([1]), { classes: 3 });
 * assert.throws(() => checkDataset(model, threeClasses), /data\.classes=3, the model has 2 outputs$/);
 * ```
 */
export function checkDataset(
  model: Sequential,
  data: Dataset,
  options?: { action?: string; name?: string },
): void;
export function checkDataset(
  model: Sequential,
  data: Dataset,
  options: { action?: string; name?: string } = {},
  extra?: unknown,
): void {
  refuseTrailing("check a data set", "checkDataset", "model, data and options", "fourth", extra);
  requireOptions("check a data set", options, CHECK_DATASET_KEYS);
  const action = options.action ?? "use the data set", name = options.name ?? "data";
  requireModel(action, model);
  if (typeof data !== "object" || data === null || typeof data.x !== "object") {
    throw new TypeError(
      `Cannot ${action} as ${name} must be a Dataset { x, y }: ${name}=${formatValue(data)}`,
    );
  }
  const { x, y } = data;
  requireMatrix(action, `${name}.x`, x);
  if (x.rows === 0) {
    throw new RangeError(
      `Cannot ${action} as ${name} must not be empty: ${name}.x is ${shapeOf(x)}`,
    );
  }
  if (x.cols !== model.inputSize) {
    throw new RangeError(
      `Cannot ${action} as ${name}.x must have one column per model input: ${name}.x is ${
        shapeOf(x)
      }, the model takes Nx${model.inputSize}`,
    );
  }
  requireFinite(action, `${name}.x.data`, x.data);
  if (y instanceof Int32Array) {
    const classes = model.outputSize === 1 ? 2 : model.outputSize;
    requireLabels(action, x, y, classes, `${name}.y`);
    // A data set's classes (loadDigits', a subset's) may name more than its labels hold: a model
    // that cannot output them all would be trained and scored as if the task were smaller.
    if (data.classes !== undefined) {
      const declared = requireNumber(action, `${name}.classes`, data.classes, {
        integer: true,
        min: 1,
      });
      if (declared > classes) {
        throw new RangeError(
          `Cannot ${action} as the model must output every class of ${name} (one output per class, or one output for two classes): ${name}.classes=${declared}, the model has ${model.outputSize} output${
            model.outputSize === 1 ? "" : "s"
          }`,
        );
      }
    }
    return;
  }
  requireTargets(action, `${name}.y`, y);
  if (y.rows !== x.rows || y.cols !== model.outputSize) {
    throw new RangeError(
      `Cannot ${action} as ${name}.y must have one row per sample and one column per model output: ${name}.y is ${
        shapeOf(y)
      }, expected ${x.rows}x${model.outputSize}`,
    );
  }
  requireFinite(action, `${name}.y.data`, y.data);
}
