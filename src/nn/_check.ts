/**
 * Shape and finiteness checks shared by the nn module, with house-style messages.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";
import { formatValue } from "../core/validate.ts";

/** The shape of a matrix as text, e.g. `"32x2"`. */
export function shapeOf(m: Matrix): string {
  return `${m.rows}x${m.cols}`;
}

/** Throws a RangeError naming both shapes unless `x` has `cols` columns. */
export function requireColumns(action: string, x: Matrix, cols: number): void {
  if (x.cols !== cols) {
    throw new RangeError(
      `Cannot ${action} as the input must have ${cols} columns: x is ${
        shapeOf(x)
      }, expected Nx${cols}`,
    );
  }
}

/** Throws a RangeError naming both shapes unless `a` and `b` have the same shape. */
export function requireSameShape(
  action: string,
  nameA: string,
  a: Matrix,
  nameB: string,
  b: Matrix,
) {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new RangeError(
      `Cannot ${action} as ${nameA} and ${nameB} must have the same shape: ${nameA} is ${
        shapeOf(a)
      }, ${nameB} is ${shapeOf(b)}`,
    );
  }
}

/** Throws a RangeError naming the first non-finite element of `data`. */
export function requireFinite(action: string, name: string, data: ArrayLike<number>): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v - v !== 0) {
      throw new RangeError(
        `Cannot ${action} as ${name} must hold finite numbers: ${name}[${i}]=${formatValue(v)}`,
      );
    }
  }
}

/** Checks a backward call of an elementwise layer and returns its cached input. */
export function requireBackward(
  layer: { describe(): string; size: number },
  z: Matrix | undefined,
  gradOut: Matrix,
): Matrix {
  const action = `backpropagate through ${layer.describe()}`;
  if (z === undefined) {
    throw new RangeError(`Cannot ${action} as forward must run first: lastInput=undefined`);
  }
  if (gradOut.rows !== z.rows || gradOut.cols !== layer.size) {
    throw new RangeError(
      `Cannot ${action} as gradOut must match the output shape: gradOut is ${
        shapeOf(gradOut)
      }, output is ${shapeOf(z)}`,
    );
  }
  return z;
}
