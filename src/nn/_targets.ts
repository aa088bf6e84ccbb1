/**
 * Checks of loss targets shared by the losses and the accuracy helper.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";
import { formatValue } from "../core/validate.ts";
import { shapeOf } from "./_check.ts";

/** Throws unless `labels` is an Int32Array with one label in 0..classes-1 per row of `pred`. */
export function requireLabels(
  action: string,
  pred: Matrix,
  labels: unknown,
  classes: number,
  name = "labels",
): asserts labels is Int32Array {
  if (!(labels instanceof Int32Array)) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an Int32Array of class indices: ${name}=${
        formatValue(labels)
      }`,
    );
  }
  if (labels.length !== pred.rows) {
    throw new RangeError(
      `Cannot ${action} as ${name} must hold one label per row of a ${
        shapeOf(pred)
      } matrix: ${name}.length=${labels.length}`,
    );
  }
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label < 0 || label >= classes) {
      throw new RangeError(
        `Cannot ${action} as every label must be in 0..${classes - 1}: ${name}[${i}]=${label}`,
      );
    }
  }
}
