/**
 * Classification accuracy of predictions against integer labels.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { Matrix } from "../core/matrix.ts";
import { checkMatrix } from "./_check.ts";
import { requireLabels } from "./_targets.ts";

/**
 * Counts the rows whose predicted class equals the label. With several columns the predicted
 * class is the arg-max (first one on ties); with one column (a binary logit, as the library's
 * binary models output) it is 1 when the logit is > 0, else 0. A row holding a NaN predicts no
 * class: it counts as wrong, so that a diverged model never scores.
 *
 * @param pred Logits, `N x C` (with several columns, probabilities give the same arg-max; one
 *   column is a logit, thresholded at 0, not a probability).
 * @param labels Class indices, one per row.
 * @returns The number of correct rows.
 *
 * @example
 * ```ts
 * import { correctCount, fromRows } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(correctCount(fromRows([[0.1, 0.9], [2, 1]]), new Int32Array([1, 1])), 1);
 * // A row holding a NaN counts as wrong, whatever its label.
 * assert.equal(correctCount(fromRows([[NaN, NaN], [1, NaN]]), new Int32Array([0, 0])), 0);
 * assert.equal(correctCount(fromRows([[NaN], [-1]]), new Int32Array([0, 0])), 1);
 * ```
 */
export function correctCount(pred: Matrix, labels: Int32Array): number;
export function correctCount(pred: Matrix, labels: Int32Array, extra?: unknown): number {
  const action = "compute accuracy";
  refuseTrailing(action, "correctCount", "pred and labels", "third", extra);
  checkMatrix(action, "pred", pred);
  requireLabels(action, pred, labels, pred.cols === 1 ? 2 : pred.cols);
  const p = pred.data, cols = pred.cols;
  let correct = 0;
  for (let i = 0; i < pred.rows; i++) {
    const row = i * cols;
    // The predicted class; -1 (no class) for a row with a NaN.
    let best: number;
    if (cols === 1) {
      const v = p[row];
      best = v > 0 ? 1 : v <= 0 ? 0 : -1;
    } else {
      let top = p[row];
      best = top === top ? 0 : -1;
      for (let j = 1; j < cols && best >= 0; j++) {
        const v = p[row + j];
        if (v > top) {
          top = v;
          best = j;
        } else if (v !== v) {
          best = -1;
        }
      }
    }
    if (best === labels[i]) correct++;
  }
  return correct;
}

/**
 * The fraction of rows whose predicted class equals the label (see {@linkcode correctCount}; a
 * row holding a NaN counts as wrong).
 *
 * @param pred Logits, `N x C` (with several columns, probabilities give the same arg-max; one
 *   column is a logit, thresholded at 0, not a probability).
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
 * assert.equal(accuracy(fromRows([[NaN, NaN], [NaN, NaN]]), new Int32Array([0, 0])), 0);
 * ```
 */
export function accuracy(pred: Matrix, labels: Int32Array): number;
export function accuracy(pred: Matrix, labels: Int32Array, extra?: unknown): number {
  refuseTrailing("compute accuracy", "accuracy", "pred and labels", "third", extra);
  return correctCount(pred, labels) / pred.rows;
}
