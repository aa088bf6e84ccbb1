/**
 * Mean squared error and its gradient.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { Matrix } from "../core/matrix.ts";
import { checkMatrix, requireSameShape } from "./_check.ts";
import type { Loss } from "./loss.ts";
import { lossFrom } from "./_loss_object.ts";

const ACTION = "compute the mean squared error";

function requireTarget(action: string, pred: Matrix, target: unknown): asserts target is Matrix {
  checkMatrix(action, "predictions", pred);
  checkMatrix(action, "target", target);
  requireSameShape(action, "predictions", pred, "target", target);
}

/**
 * The mean squared error over every element: `L = (1 / (N C)) Σ (pred - target)²`.
 *
 * @param pred Predictions, `N x C`.
 * @param target Targets, `N x C`.
 * @returns The mean loss (NaN for an empty batch).
 *
 * @example
 * ```ts
 * import { fromRows, meanSquaredErrorValue } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(meanSquaredErrorValue(fromRows([[1, 2]]), fromRows([[0, 4]])), (1 + 4) / 2);
 * ```
 */
export function meanSquaredErrorValue(pred: Matrix, target: Matrix): number;
export function meanSquaredErrorValue(pred: Matrix, target: Matrix, extra?: unknown): number {
  refuseTrailing(
    ACTION,
    "meanSquaredErrorValue",
    "pred and target",
    "third",
    extra,
  );
  requireTarget(ACTION, pred, target);
  const p = pred.data, t = target.data;
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const d = p[i] - t[i];
    sum += d * d;
  }
  return sum / p.length;
}

/**
 * The gradient of {@linkcode meanSquaredErrorValue}: `2 (pred - target) / (N C)`.
 *
 * @param pred Predictions, `N x C`.
 * @param target Targets, `N x C`.
 * @param out Where to write the gradient (`N x C`); allocated when omitted.
 * @returns The gradient.
 *
 * @example
 * ```ts
 * import { fromRows, meanSquaredErrorGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const g = meanSquaredErrorGrad(fromRows([[1, 2]]), fromRows([[0, 4]]));
 * assert.deepEqual(Array.from(g.data), [1, -2]);
 * ```
 */
export function meanSquaredErrorGrad(pred: Matrix, target: Matrix, out?: Matrix): Matrix;
export function meanSquaredErrorGrad(
  pred: Matrix,
  target: Matrix,
  out?: Matrix,
  extra?: unknown,
): Matrix {
  refuseTrailing(
    ACTION,
    "meanSquaredErrorGrad",
    "pred, target and out",
    "fourth",
    extra,
  );
  checkMatrix(ACTION, "predictions", pred);
  const grad = out ??
    { rows: pred.rows, cols: pred.cols, data: new Float64Array(pred.data.length) };
  meanSquaredError.valueAndGrad(pred, target, grad);
  return grad;
}

/**
 * The mean squared error as a {@linkcode Loss} (regression; targets are a matrix).
 *
 * @example
 * ```ts
 * import { fromRows, matrix, meanSquaredError } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const grad = matrix(1, 1);
 * assert.equal(meanSquaredError.valueAndGrad(fromRows([[3]]), fromRows([[1]]), grad), 4);
 * assert.equal(grad.data[0], 4);
 * ```
 */
export const meanSquaredError: Loss = lossFrom(
  "meanSquaredError",
  ACTION,
  ["pred", "target"],
  (pred, target, grad) =>
    grad === undefined
      ? meanSquaredErrorValue(pred, target as Matrix)
      : valueAndGrad(pred, target, grad),
);

/** The mean squared error, writing its gradient into `grad`. */
function valueAndGrad(pred: Matrix, target: unknown, grad: Matrix): number {
  requireTarget(ACTION, pred, target);
  checkMatrix(ACTION, "grad", grad);
  requireSameShape(ACTION, "predictions", pred, "grad", grad);
  const p = pred.data, t = target.data, g = grad.data, n = p.length;
  const scale = 2 / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = p[i] - t[i];
    sum += d * d;
    g[i] = scale * d;
  }
  return sum / n;
}
