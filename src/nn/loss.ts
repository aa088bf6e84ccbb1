/**
 * The shared shape of a loss function, and the resolver for loss names.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { Matrix } from "../core/matrix.ts";
import { resolveLossFor } from "./_known_loss.ts";

/** A loss: its mean value over a batch, and its gradient computed beside it. */
export interface Loss {
  /** The loss's name, e.g. `"softmaxCrossEntropy"`. */
  readonly name: string;
  /**
   * The mean loss of predictions `pred` against `target`.
   */
  value(pred: Matrix, target: Int32Array | Matrix): number;
  /**
   * The mean loss, writing dLoss/dPred (of the mean) into `grad`, which has `pred`'s shape.
   */
  valueAndGrad(pred: Matrix, target: Int32Array | Matrix, grad: Matrix): number;
}

/** Loss names accepted wherever a {@linkcode Loss} is expected. */
export type LossName =
  | "mse"
  | "meanSquaredError"
  | "softmaxCrossEntropy"
  | "crossEntropy"
  | "binaryCrossEntropy";

/**
 * Resolves a loss given by name, or returns the one given.
 *
 * @param loss `"mse"` (or `"meanSquaredError"`), `"softmaxCrossEntropy"` (or
 *   `"crossEntropy"`), `"binaryCrossEntropy"` (on logits), or a {@linkcode Loss}. An
 *   unknown name throws a `RangeError`; a value of another type (an object without
 *   `valueAndGrad`) a `TypeError`.
 * @returns The loss.
 *
 * @example
 * ```ts
 * import { resolveLoss } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(resolveLoss("crossEntropy").name, "softmaxCrossEntropy");
 * ```
 */
export function resolveLoss(loss: LossName | Loss): Loss;
export function resolveLoss(loss: LossName | Loss, extra?: unknown, array?: unknown): Loss {
  refuseTrailing("resolve a loss", "resolveLoss", "loss alone", "second", extra, loss, array);
  return resolveLossFor("resolve a loss", loss);
}

/**
 * The loss to use when none is given: softmax cross-entropy for class labels, binary
 * cross-entropy for labels with a one-output model, mean squared error for matrix targets.
 *
 * @param target The targets: labels or a matrix.
 * @param outputSize The model's number of outputs.
 * @returns The loss name.
 *
 * @example
 * ```ts
 * import { defaultLossName } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(defaultLossName(new Int32Array([0, 2]), 3), "softmaxCrossEntropy");
 * assert.equal(defaultLossName(new Int32Array([0, 1]), 1), "binaryCrossEntropy");
 * ```
 */
export function defaultLossName(target: Int32Array | Matrix, outputSize: number): LossName;
export function defaultLossName(
  target: Int32Array | Matrix,
  outputSize: number,
  extra?: unknown,
): LossName {
  refuseTrailing("pick a default loss", "defaultLossName", "target and outputSize", "third", extra);
  if (!(target instanceof Int32Array)) return "mse";
  return outputSize === 1 ? "binaryCrossEntropy" : "softmaxCrossEntropy";
}
