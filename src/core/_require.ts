/**
 * The shape checks public functions run on their array arguments first: a {@linkcode Matrix} (an
 * object with integer `rows` and `cols` >= 0 and a `Float64Array` of `rows * cols` elements), and
 * an array of indices or labels. Without them a nested array, a typed array, a number or a matrix
 * whose data is short gives `NaN` shapes, reads of `undefined` or stale values instead of an
 * error.
 *
 * @module
 */

import type { Dataset } from "./dataset.ts";
import type { Matrix } from "./matrix.ts";
import { formatValue } from "./validate.ts";

/**
 * Throws a TypeError or RangeError saying what is wrong unless `value` is a well-formed matrix.
 *
 * @param action What was being attempted, e.g. `"run Dense(2 → 3) forward"`.
 * @param name The argument's name in messages, e.g. `"x"`.
 * @param value The value received.
 */
export function requireMatrix(
  action: string,
  name: string,
  value: unknown,
): asserts value is Matrix {
  if (
    typeof value !== "object" || value === null || Array.isArray(value) || ArrayBuffer.isView(value)
  ) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be a matrix { rows, cols, data } (fromRows builds one from nested arrays): ${name}=${
        describeValue(value)
      }`,
    );
  }
  const { rows, cols, data } = value as Partial<Matrix>;
  for (const [key, size] of [["rows", rows], ["cols", cols]] as const) {
    if (typeof size !== "number" || !Number.isInteger(size) || size < 0) {
      throw new RangeError(
        `Cannot ${action} as ${name}.${key} must be an integer >= 0: ${name}.${key}=${
          formatValue(size)
        }`,
      );
    }
  }
  if (!(data instanceof Float64Array)) {
    throw new TypeError(
      `Cannot ${action} as ${name}.data must be a Float64Array: ${name}.data=${
        describeValue(data)
      }`,
    );
  }
  if (data.length !== rows! * cols!) {
    throw new RangeError(
      `Cannot ${action} as ${name}.data must hold rows * cols = ${
        rows! * cols!
      } elements for a ${rows}x${cols} matrix: ${name}.data.length=${data.length}`,
    );
  }
}

/**
 * Throws a TypeError unless `value` is an array or a typed array (of indices, labels), not a
 * number, string or other object whose `length` and elements would be read as garbage.
 *
 * @param action What was being attempted, e.g. `"take a subset of a dataset"`.
 * @param name The argument's name in messages, e.g. `"indices"`.
 * @param what What it must hold, e.g. `"row indices"`.
 * @param value The value received.
 */
export function requireIndexArray(
  action: string,
  name: string,
  what: string,
  value: unknown,
): asserts value is ArrayLike<number> {
  if (!Array.isArray(value) && !(ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an array of ${what}: ${name}=${formatValue(value)}`,
    );
  }
}

/**
 * Throws unless `value` is an `Int32Array` of class labels or a well-formed matrix of targets:
 * a plain array or another typed array in its place gets a TypeError saying how to convert it,
 * anything else {@linkcode requireMatrix}'s message.
 *
 * @param action What was being attempted, e.g. `"create a dataset"`.
 * @param name The argument's name in messages, e.g. `"y"`.
 * @param value The value received.
 * @param matrixOf What a matrix of targets holds, e.g. `"targets in [0, 1]"`.
 */
export function requireTargets(
  action: string,
  name: string,
  value: unknown,
  matrixOf = "targets",
): asserts value is Int32Array | Matrix {
  if (value instanceof Int32Array) return;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an Int32Array of class labels or a matrix of ${matrixOf} (new Int32Array(labels) converts an array): ${name}=${
        describeValue(value)
      }`,
    );
  }
  requireMatrix(action, name, value);
}

/**
 * Throws a RangeError unless `y` has one label, or one row of targets, per row of `x`.
 *
 * @param action What was being attempted, e.g. `"create a dataset"`.
 * @param x The inputs.
 * @param y The labels or targets.
 */
export function requireSameRows(action: string, x: Matrix, y: Int32Array | Matrix): void {
  const yRows = y instanceof Int32Array ? y.length : y.rows;
  if (x.rows !== yRows) {
    throw new RangeError(
      `Cannot ${action} as x and y must have the same number of rows: x is ${x.rows}x${x.cols}, y has ${yRows} rows`,
    );
  }
}

/**
 * Throws unless `value` is a data set `{ x, y }` with a well-formed matrix `x`, labels or targets
 * `y` and as many of them as rows of `x`: what the data helpers (subset, shuffle, batches,
 * trainTestSplit) take, which need not come from `dataset()` (a `y` shorter than `x` would give
 * label 0 to the missing rows without a word). The values themselves are not checked.
 *
 * @param action What was being attempted, e.g. `"take a subset of a dataset"`.
 * @param name The argument's name in messages, e.g. `"data"`.
 * @param value The value received.
 */
export function requireDataset(
  action: string,
  name: string,
  value: unknown,
): asserts value is Dataset {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(
      `Cannot ${action} as ${name} must be a dataset { x, y }: ${name}=${describeValue(value)}`,
    );
  }
  const { x, y } = value as Partial<Dataset>;
  requireMatrix(action, `${name}.x`, x);
  requireTargets(action, `${name}.y`, y);
  requireSameRows(action, x, y);
}

/**
 * A flag option: `value` when it is `true` or `false`, `fallback` when it is left out, else a
 * TypeError (a string such as `"false"`, or a number, would otherwise count by its truthiness).
 *
 * @param action What was being attempted, e.g. `"plot lines"`.
 * @param name The option's name in messages, e.g. `"logY"`.
 * @param value The value received.
 * @param fallback What a left-out flag means: `false` when no fallback is passed; a fallback
 *   passed as `undefined` is returned as `undefined`, so that the caller can tell (a default
 *   parameter would turn it into `false`).
 * @returns The flag, or `fallback`.
 */
export function requireFlag(action: string, name: string, value: unknown): boolean;
export function requireFlag<F>(
  action: string,
  name: string,
  value: unknown,
  fallback: F,
): boolean | F;
export function requireFlag<F>(
  action: string,
  name: string,
  value: unknown,
  ...fallback: [F?]
): boolean | F | undefined {
  if (value === undefined) return fallback.length === 0 ? false : fallback[0];
  if (typeof value !== "boolean") {
    throw new TypeError(
      `Cannot ${action} as ${name} must be true or false: ${name}=${formatValue(value)}`,
    );
  }
  return value;
}

/**
 * Throws a TypeError for an argument after the last one a function takes, which it would
 * otherwise ignore without a word; nothing when `extra` is undefined. Given `first` and `array`,
 * the index and array that `map`, `forEach` and the like pass a callback after its first
 * argument are let through (`["z", "exp(z)"].map(formulaLatex)`): `extra` is then an index of
 * `array` holding `first` itself ({@linkcode isCallbackIndex}).
 *
 * @param action What was being attempted, e.g. `"one-hot encode labels"`.
 * @param name The function's name, e.g. `"oneHot"` (or `"it"` when `action` names it).
 * @param takes The arguments it takes, e.g. `"labels and classes"`.
 * @param ordinal The place of the extra argument, e.g. `"third"`.
 * @param extra The value received in that place.
 * @param first The first argument, for a callback's index.
 * @param array The argument after `extra`, for a callback's array.
 */
export function refuseTrailing(
  action: string,
  name: string,
  takes: string,
  ordinal: string,
  extra: unknown,
  first?: unknown,
  array?: unknown,
): void {
  if (extra === undefined || isCallbackIndex(first, extra, array)) return;
  throw new TypeError(
    `Cannot ${action} as ${name} takes ${takes}, no ${ordinal} argument: ${ordinal}=${
      formatValue(extra)
    }`,
  );
}

/** Whether `index` and `array` are what `array.map(f)` passes `f` with `first`: `array[index]`. */
export function isCallbackIndex(first: unknown, index: unknown, array: unknown): boolean {
  return typeof index === "number" && Number.isInteger(index) && index >= 0 &&
    (Array.isArray(array) || ArrayBuffer.isView(array)) &&
    index < (array as ArrayLike<unknown>).length &&
    Object.is((array as ArrayLike<unknown>)[index], first);
}

/** A short description of a value for messages: its type, and its text when short. */
export function describeValue(value: unknown): string {
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return formatValue(value);
}

/**
 * The first index whose value repeats an earlier one, with that earlier index (values compared
 * as a Map's keys are: -0 and 0 are one); `undefined` when all differ.
 */
export function firstRepeat<T>(values: readonly T[]): [index: number, earlier: number] | undefined {
  const first = new Map<T, number>();
  for (let i = 0; i < values.length; i++) {
    const earlier = first.get(values[i]);
    if (earlier !== undefined) return [i, earlier];
    first.set(values[i], i);
  }
  return undefined;
}

/**
 * Whether `value` is a promise or promise-like (has a `then` method): what `overSeeds`,
 * `timeRatio` and `train` refuse from the functions they call and cannot await.
 */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null &&
    typeof (value as { then?: unknown }).then === "function";
}

/**
 * A name picked from a fixed list: a string outside it is a RangeError, anything but a string a
 * TypeError, as the activation, initialiser, optimiser and loss names are refused. Shared by
 * conv2d's padding, edgeKernel's name and the explorer's menus.
 */
export function requireChoice<T extends string>(
  action: string,
  name: string,
  value: unknown,
  choices: readonly T[],
): T {
  if (typeof value === "string" && (choices as readonly string[]).includes(value)) {
    return value as T;
  }
  const Failure = typeof value === "string" ? RangeError : TypeError;
  throw new Failure(
    `Cannot ${action} as ${name} must be ${
      choices.length === 2
        ? `"${choices[0]}" or "${choices[1]}"`
        : `one of ${choices.map((choice) => `"${choice}"`).join(", ")}`
    }: ${name}=${formatValue(value)}`,
  );
}
