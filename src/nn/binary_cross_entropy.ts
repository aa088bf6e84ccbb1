/**
 * Binary cross-entropy on logits, in the stable form
 * `max(z, 0) - z y + log(1 + exp(-|z|))`, and its gradient `sigmoid(z) - y` beside it.
 *
 * @module
 */

import { refuseTrailing, requireTargets } from "../core/_require.ts";
import type { Matrix } from "../core/matrix.ts";
import { formatValue } from "../core/validate.ts";
import { checkMatrix, firstOutsideUnit, requireSameShape, shapeOf } from "./_check.ts";
import { requireLabels } from "./_targets.ts";
import type { Loss } from "./loss.ts";
import { lossFrom } from "./_loss_object.ts";

const ACTION = "compute the binary cross-entropy";

function run(logits: Matrix, target: Int32Array | Matrix, grad: Matrix | undefined): number {
  checkMatrix(ACTION, "logits", logits);
  let t: ArrayLike<number>;
  if (target instanceof Int32Array) {
    if (logits.cols !== 1) {
      throw new RangeError(
        `Cannot ${ACTION} as labels need one logit per row: logits are ${
          shapeOf(logits)
        }, expected Nx1`,
      );
    }
    requireLabels(ACTION, logits, target, 2);
    t = target;
  } else {
    requireTargets(ACTION, "target", target, "targets in [0, 1]");
    requireSameShape(ACTION, "logits", logits, "target", target);
    t = target.data;
    // A target outside [0, 1] is no probability: the loss would be unbounded below.
    const i = firstOutsideUnit(t);
    if (i >= 0) {
      throw new RangeError(
        `Cannot ${ACTION} as every target must be in [0, 1]: target.data[${i}]=${
          formatValue(t[i])
        }`,
      );
    }
  }
  if (grad !== undefined) {
    checkMatrix(ACTION, "grad", grad);
    requireSameShape(ACTION, "logits", logits, "grad", grad);
  }
  const z = logits.data, n = z.length, scale = 1 / n;
  const g = grad?.data;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = z[i], y = t[i];
    const e = Math.exp(-Math.abs(v));
    total += (v > 0 ? v : 0) - v * y + Math.log1p(e);
    if (g !== undefined) {
      const sigmoid = v >= 0 ? 1 / (1 + e) : e / (1 + e);
      g[i] = scale * (sigmoid - y);
    }
  }
  return total / n;
}

/**
 * The mean binary cross-entropy of logits `z` against targets `y` in [0, 1]:
 * `L = mean(max(z, 0) - z y + log(1 + exp(-|z|)))`, which equals
 * `-[y log σ(z) + (1 - y) log(1 - σ(z))]` without overflow or log(0).
 *
 * @param logits Logits, `N x C` (with labels, `N x 1`).
 * @param target 0/1 labels (`Int32Array`, one per row) or a target matrix of `logits`' shape
 *   with every entry in [0, 1] (others throw a `RangeError`).
 * @returns The mean loss (NaN for an empty batch, as PyTorch's `binary_cross_entropy_with_logits`).
 *
 * @example
 * ```ts
 * import { binaryCrossEntropyValue, fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(binaryCrossEntropyValue(fromRows([[0]]), new Int32Array([1])), Math.log(2));
 * assert.equal(binaryCrossEntropyValue(fromRows([[-800]]), new Int32Array([1])), 800);
 * assert.throws(() => binaryCrossEntropyValue(fromRows([[10]]), fromRows([[5]])), {
 *   name: "RangeError",
 *   message: "Cannot compute the binary cross-entropy as every target must be in [0, 1]: target.data[0]=5",
 * });
 * ```
 */
export function binaryCrossEntropyValue(logits: Matrix, target: Int32Array | Matrix): number;
export function binaryCrossEntropyValue(
  logits: Matrix,
  target: Int32Array | Matrix,
  extra?: unknown,
): number {
  refuseTrailing(
    ACTION,
    "binaryCrossEntropyValue",
    "logits and target",
    "third",
    extra,
  );
  return run(logits, target, undefined);
}

/**
 * The gradient of {@linkcode binaryCrossEntropyValue}: `(σ(z) - y) / (N C)`.
 *
 * @param logits Logits, `N x C`.
 * @param target 0/1 labels or a target matrix.
 * @param out Where to write the gradient; allocated when omitted.
 * @returns The gradient.
 *
 * @example
 * ```ts
 * import { binaryCrossEntropyGrad, fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const g = binaryCrossEntropyGrad(fromRows([[0], [0]]), new Int32Array([1, 0]));
 * assert.deepEqual(Array.from(g.data), [-0.25, 0.25]);
 * ```
 */
export function binaryCrossEntropyGrad(
  logits: Matrix,
  target: Int32Array | Matrix,
  out?: Matrix,
): Matrix;
export function binaryCrossEntropyGrad(
  logits: Matrix,
  target: Int32Array | Matrix,
  out?: Matrix,
  extra?: unknown,
): Matrix {
  refuseTrailing(
    ACTION,
    "binaryCrossEntropyGrad",
    "logits, target and out",
    "fourth",
    extra,
  );
  checkMatrix(ACTION, "logits", logits);
  const grad = out ??
    { rows: logits.rows, cols: logits.cols, data: new Float64Array(logits.data.length) };
  run(logits, target, grad);
  return grad;
}

/**
 * Binary cross-entropy on logits as a {@linkcode Loss}.
 *
 * @example
 * ```ts
 * import { binaryCrossEntropy, fromRows, matrix } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const grad = matrix(1, 1);
 * binaryCrossEntropy.valueAndGrad(fromRows([[0]]), new Int32Array([0]), grad);
 * assert.equal(grad.data[0], 0.5);
 * ```
 */
export const binaryCrossEntropy: Loss = lossFrom("binaryCrossEntropy", ACTION, [
  "logits",
  "target",
], run);
