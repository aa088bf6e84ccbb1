/**
 * One-hot encoding of class labels.
 *
 * @module
 */

import { allocate } from "../core/_allocate.ts";
import type { Matrix } from "../core/matrix.ts";
import { refuseTrailing, requireIndexArray } from "../core/_require.ts";
import { formatValue, requireNumber } from "../core/validate.ts";

/**
 * Encodes class labels as one-hot rows: row i has a 1 in column `labels[i]` and 0 elsewhere.
 *
 * @param labels Integer labels in `0 .. classes - 1`.
 * @param classes The number of columns, an integer >= 1. Default (when left out, not `null`):
 *   the largest label + 1.
 * @returns A `labels.length × classes` matrix.
 *
 * @example
 * ```ts
 * import { oneHot } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const m = oneHot([2, 0], 3);
 * assert.deepEqual(Array.from(m.data), [0, 0, 1, 1, 0, 0]);
 * assert.throws(() => oneHot([3], 3), RangeError);
 * ```
 */
export function oneHot(labels: ArrayLike<number>, classes?: number): Matrix;
export function oneHot(labels: ArrayLike<number>, classes?: number, extra?: unknown): Matrix {
  const action = "one-hot encode labels";
  requireIndexArray(action, "labels", "integer labels", labels);
  refuseTrailing(action, "oneHot", "labels and classes", "third", extra);
  if (classes === null) {
    // `??` would take null for the default; refused as requireOptions refuses a null option.
    throw new TypeError(
      `Cannot ${action} as classes must be an integer >= 1 or left out (for its default, the largest label + 1), not null: classes=null`,
    );
  }
  let largest = -1;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    // Without classes, the labels set the width: a bad one is named here, not as a bad classes.
    if (classes === undefined && !(Number.isInteger(label) && label >= 0)) {
      throw new (typeof label === "number" ? RangeError : TypeError)(
        `Cannot ${action} as every label must be an integer >= 0: labels[${i}]=${
          formatValue(label)
        }`,
      );
    }
    if (label > largest) largest = label;
  }
  const cols = requireNumber(action, "classes", classes ?? Math.max(1, largest + 1), {
    integer: true,
    min: 1,
  });
  const data = allocate(
    Float64Array,
    labels.length * cols,
    action,
    `: labels.length=${labels.length}, classes=${cols}`,
  );
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= cols) {
      throw new (typeof label === "number" ? RangeError : TypeError)(
        `Cannot ${action} as every label must be an integer in 0..${cols - 1}: labels[${i}]=${
          formatValue(label)
        }`,
      );
    }
    data[i * cols + label] = 1;
  }
  return { rows: labels.length, cols, data };
}
