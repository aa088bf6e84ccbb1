/**
 * Classification accuracy of predictions against integer labels.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";
import { requireLabels } from "./_targets.ts";

/**
 * Counts the rows whose predicted class equals the label. With several columns the predicted
 * class is the arg-max (first one on ties); with one column (a binary logit) it is 1 when the
 * logit is > 0, else 0.
 *
 * @param pred Predictions (logits or probabilities), `N x C`.
 * @param labels Class indices, one per row.
 * @returns The number of correct rows.
 *
 * @example
 * ```ts
 * import { correctCount, fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(correctCount(fromRows([[0.1, 0.9], [2, 1]]), new Int32Array([1, 1])), 1);
 * ```
 */
export function correctCount(pred: Matrix, labels: Int32Array): number {
  requireLabels("compute accuracy", pred, labels, pred.cols === 1 ? 2 : pred.cols);
  const p = pred.data, cols = pred.cols;
  let correct = 0;
  for (let i = 0; i < pred.rows; i++) {
    const row = i * cols;
    let best = 0;
    if (cols === 1) {
      best = p[row] > 0 ? 1 : 0;
    } else {
      for (let j = 1; j < cols; j++) if (p[row + j] > p[row + best]) best = j;
    }
    if (best === labels[i]) correct++;
  }
  return correct;
}

/**
 * The fraction of rows whose predicted class equals the label (see {@linkcode correctCount}).
 *
 * @param pred Predictions (logits or probabilities), `N x C`.
 * @param labels Class indices, one per row.
 * @returns The accuracy in [0, 1] (NaN for an empty batch).
 *
 * @example
 * ```ts
 * import { accuracy, fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(accuracy(fromRows([[0.1, 0.9], [2, 1]]), new Int32Array([1, 0])), 1);
 * assert.equal(accuracy(fromRows([[-3], [4]]), new Int32Array([0, 0])), 0.5);
 * ```
 */
export function accuracy(pred: Matrix, labels: Int32Array): number {
  return correctCount(pred, labels) / pred.rows;
}
