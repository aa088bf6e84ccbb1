/**
 * Softmax cross-entropy on logits with integer labels, computed with a stable log-sum-exp, and
 * its gradient `softmax(logits) - onehot(label)` beside it.
 *
 * The exponentials are the library's own (`_exp.ts`, within 1 ulp of the correctly rounded
 * value), not `Math.exp`: the same bits on every engine, and in the WebAssembly kernel that
 * `train()` runs for this loss.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { Matrix } from "../core/matrix.ts";
import { checkMatrix, requireSameShape, shapeOf } from "./_check.ts";
import { exp } from "./_exp.ts";
import { requireLabels } from "./_targets.ts";
import type { Loss } from "./loss.ts";
import { lossFrom } from "./_loss_object.ts";

const ACTION = "compute the softmax cross-entropy";

/**
 * Row-wise softmax, stable for large logits: `exp(z - max) / Σ exp(z - max)`.
 *
 * @param logits Logits, `N x C`.
 * @param out Where to write the probabilities; allocated when omitted. May be `logits`.
 * @returns The probabilities, each row summing to 1.
 *
 * @example
 * ```ts
 * import { fromRows, softmax } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const p = softmax(fromRows([[1000, 1000]]));
 * assert.deepEqual(Array.from(p.data), [0.5, 0.5]);
 * ```
 */
export function softmax(logits: Matrix, out?: Matrix): Matrix;
export function softmax(logits: Matrix, out?: Matrix, extra?: unknown): Matrix {
  refuseTrailing("compute softmax", "softmax", "logits and out", "third", extra);
  checkMatrix("compute softmax", "logits", logits);
  if (out !== undefined) checkMatrix("compute softmax", "out", out);
  const probs = out ??
    { rows: logits.rows, cols: logits.cols, data: new Float64Array(logits.data.length) };
  requireSameShape("compute softmax", "logits", logits, "out", probs);
  const z = logits.data, p = probs.data, cols = logits.cols;
  for (let i = 0; i < logits.rows; i++) {
    const row = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) if (z[row + j] > max) max = z[row + j];
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const e = exp(z[row + j] - max);
      p[row + j] = e;
      sum += e;
    }
    for (let j = 0; j < cols; j++) p[row + j] /= sum;
  }
  return probs;
}

/**
 * The mean softmax cross-entropy: `L = (1 / N) Σ_i [logsumexp(z_i) - z_i[y_i]]`, each term
 * computed as `(max - z_i[y_i]) + log Σ exp(z_i - max)` (as PyTorch's `log_softmax`), so that
 * large logits neither overflow nor round the loss at their own scale.
 *
 * @param logits Logits, `N x C`.
 * @param labels Class indices in 0..C-1, one per row.
 * @returns The mean loss (NaN for an empty batch, as PyTorch's `cross_entropy`).
 *
 * @example
 * ```ts
 * import { fromRows, softmaxCrossEntropyValue } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const loss = softmaxCrossEntropyValue(fromRows([[0, 0]]), new Int32Array([1]));
 * assert.equal(loss, Math.log(2));
 * assert.equal(softmaxCrossEntropyValue(fromRows([[1000, 0]]), new Int32Array([1])), 1000);
 * assert.equal(softmaxCrossEntropyValue(fromRows([[1e16, 1e16]]), new Int32Array([0])), Math.LN2);
 * ```
 */
export function softmaxCrossEntropyValue(logits: Matrix, labels: Int32Array): number;
export function softmaxCrossEntropyValue(
  logits: Matrix,
  labels: Int32Array,
  extra?: unknown,
): number {
  refuseTrailing(
    ACTION,
    "softmaxCrossEntropyValue",
    "logits and labels",
    "third",
    extra,
  );
  return run(logits, labels, undefined);
}

/**
 * The gradient of {@linkcode softmaxCrossEntropyValue}: `(softmax(z_i) - onehot(y_i)) / N`.
 *
 * @param logits Logits, `N x C`.
 * @param labels Class indices in 0..C-1, one per row.
 * @param out Where to write the gradient (`N x C`); allocated when omitted.
 * @returns The gradient.
 *
 * @example
 * ```ts
 * import { fromRows, softmaxCrossEntropyGrad } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const g = softmaxCrossEntropyGrad(fromRows([[0, 0]]), new Int32Array([1]));
 * assert.deepEqual(Array.from(g.data), [0.5, -0.5]);
 * ```
 */
export function softmaxCrossEntropyGrad(logits: Matrix, labels: Int32Array, out?: Matrix): Matrix;
export function softmaxCrossEntropyGrad(
  logits: Matrix,
  labels: Int32Array,
  out?: Matrix,
  extra?: unknown,
): Matrix {
  refuseTrailing(
    ACTION,
    "softmaxCrossEntropyGrad",
    "logits, labels and out",
    "fourth",
    extra,
  );
  checkMatrix(ACTION, "logits", logits);
  const grad = out ??
    { rows: logits.rows, cols: logits.cols, data: new Float64Array(logits.data.length) };
  run(logits, labels, grad);
  return grad;
}

/** `exp(d)` for `d = z - max`, without the call where `d` is 0 (the result is 1 exactly). */
function expOffset(d: number): number {
  return d === 0 ? 1 : exp(d);
}

function run(logits: Matrix, labels: unknown, grad: Matrix | undefined): number {
  checkMatrix(ACTION, "logits", logits);
  // With one column the softmax is 1 whatever the logit: a loss of 0 and a gradient of 0.
  if (logits.cols < 2) {
    throw new RangeError(
      `Cannot ${ACTION} as logits must have a column per class, at least 2 (one logit takes binaryCrossEntropy): logits is ${
        shapeOf(logits)
      }`,
    );
  }
  requireLabels(ACTION, logits, labels, logits.cols);
  if (grad !== undefined) {
    checkMatrix(ACTION, "grad", grad);
    requireSameShape(ACTION, "logits", logits, "grad", grad);
  }
  const z = logits.data, cols = logits.cols, rows = logits.rows;
  const g = grad?.data;
  const scale = 1 / rows;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    let max = -Infinity;
    for (let j = 0; j < cols; j++) if (z[row + j] > max) max = z[row + j];
    // Read before the gradient is written: `grad` may be `logits` itself.
    const zy = z[row + labels[i]];
    let sum = 0;
    if (g === undefined) {
      for (let j = 0; j < cols; j++) sum += expOffset(z[row + j] - max);
    } else {
      for (let j = 0; j < cols; j++) {
        const e = expOffset(z[row + j] - max);
        g[row + j] = e;
        sum += e;
      }
      const norm = scale / sum;
      for (let j = 0; j < cols; j++) g[row + j] *= norm;
      g[row + labels[i]] -= scale;
    }
    // (max - z_y) + log Σ, in this order: max + log Σ first would round the row's loss at the
    // scale of its largest logit (0.75 for the logits [1e15, 1e15], where ln 2 is right).
    total += max - zy + Math.log(sum);
  }
  return total / rows;
}

/**
 * Softmax cross-entropy on logits as a {@linkcode Loss} (classification; targets are
 * `Int32Array` labels).
 *
 * @example
 * ```ts
 * import { fromRows, matrix, softmaxCrossEntropy } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const grad = matrix(1, 2);
 * const loss = softmaxCrossEntropy.valueAndGrad(fromRows([[0, 0]]), new Int32Array([0]), grad);
 * assert.equal(loss, Math.log(2));
 * assert.deepEqual(Array.from(grad.data), [-0.5, 0.5]);
 * ```
 */
export const softmaxCrossEntropy: Loss = lossFrom("softmaxCrossEntropy", ACTION, [
  "logits",
  "labels",
], run);
