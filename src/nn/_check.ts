/**
 * Shape, finiteness and option checks shared by the nn module, with house-style messages.
 *
 * @module
 */

import { requireFlag, requireMatrix } from "../core/_require.ts";
import type { Activation } from "../activations/types.ts";
import type { Matrix } from "../core/matrix.ts";
import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";
import type { BackwardOptions, ForwardOptions } from "./layer.ts";

/** The padding modes of `conv2d` and `Conv2D`. */
export const PADDINGS: readonly ["valid", "same"] = Object.freeze(["valid", "same"] as const);

/** The shape of a matrix as text, e.g. `"32x2"`. */
export function shapeOf(m: Matrix): string {
  return `${m.rows}x${m.cols}`;
}

/**
 * `requireMatrix` for the calls made once per batch (a layer's forward and backward pass, a
 * loss): a well-formed matrix passes on a few inline comparisons, anything else goes to
 * `requireMatrix`, which says what is wrong. The comparisons accept only what it accepts.
 */
export function checkMatrix(action: string, name: string, value: unknown): asserts value is Matrix {
  const m = value as Matrix;
  if (
    typeof m === "object" && m !== null && m.data instanceof Float64Array &&
    Number.isInteger(m.rows) && m.rows >= 0 && Number.isInteger(m.cols) && m.cols >= 0 &&
    m.data.length === m.rows * m.cols && !Array.isArray(m) && !ArrayBuffer.isView(m)
  ) {
    return;
  }
  requireMatrix(action, name, value);
}

/**
 * Throws unless `x` is a well-formed matrix ({@linkcode checkMatrix}) with `cols` columns (a
 * RangeError naming both shapes).
 */
export function requireColumns(action: string, x: unknown, cols: number): asserts x is Matrix {
  checkMatrix(action, "x", x);
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

const FORWARD_KEYS: OptionKeys<ForwardOptions> = { training: true };
const BACKWARD_KEYS: OptionKeys<BackwardOptions> = {
  skipZeroInputs: true,
  skipInputGradient: true,
};

/**
 * Checked forward options, frozen: {@linkcode Sequential.forward} hands these to its layers and
 * the training loop passes them, so that a layer recognises them without looking inside.
 */
export const TRAINING: ForwardOptions = Object.freeze({ training: true });
/** See {@linkcode TRAINING}. */
export const EVALUATION: ForwardOptions = Object.freeze({ training: false });
/** Checked backward options, frozen (see {@linkcode TRAINING}). */
export const SKIP_ZERO_INPUTS: BackwardOptions = Object.freeze({ skipZeroInputs: true });
/** See {@linkcode SKIP_ZERO_INPUTS}. */
export const SKIP_INPUT_GRADIENT: BackwardOptions = Object.freeze({ skipInputGradient: true });
const NO_OPTIONS: BackwardOptions = Object.freeze({});

/**
 * Checks the options of a forward pass (`requireOptions`, so that a typo such as `train` is
 * refused rather than run in evaluation mode) and returns `training`. The frozen
 * {@linkcode TRAINING} and {@linkcode EVALUATION} pass at the cost of a comparison.
 */
export function requireForwardOptions(action: string, options: unknown): boolean {
  if (options === undefined || options === EVALUATION) return false;
  if (options === TRAINING) return true;
  const { training } = requireOptions(action, options as ForwardOptions, FORWARD_KEYS);
  return requireFlag(action, "training", training);
}

/**
 * Checks the options of a backward pass and returns them (`{}` for undefined). The frozen
 * {@linkcode SKIP_ZERO_INPUTS} and {@linkcode SKIP_INPUT_GRADIENT} pass at the cost of a
 * comparison.
 */
export function requireBackwardOptions(action: string, options: unknown): BackwardOptions {
  if (options === undefined) return NO_OPTIONS;
  if (options === SKIP_ZERO_INPUTS || options === SKIP_INPUT_GRADIENT) return options;
  const checked = requireOptions(action, options as BackwardOptions, BACKWARD_KEYS);
  requireFlag(action, "skipZeroInputs", checked.skipZeroInputs);
  requireFlag(action, "skipInputGradient", checked.skipInputGradient);
  return checked;
}

/**
 * Checks a backward call of a layer that keeps its last input `z` and has `size` outputs, and
 * returns `z`: forward must have run, and `gradOut` must be a matrix of the output's shape.
 */
export function requireBackward(
  action: string,
  z: Matrix | undefined,
  gradOut: unknown,
  size: number,
): Matrix {
  if (z === undefined) {
    throw new RangeError(`Cannot ${action} as forward must run first: lastInput=undefined`);
  }
  checkMatrix(action, "gradOut", gradOut);
  if (gradOut.rows !== z.rows || gradOut.cols !== size) {
    throw new RangeError(
      `Cannot ${action} as gradOut must match the output shape: gradOut is ${
        shapeOf(gradOut)
      }, output is ${z.rows}x${size}`,
    );
  }
  return z;
}

/**
 * Throws a TypeError unless `model` looks like a {@linkcode Sequential} model (its layers, a
 * forward pass and parameters): a layer, `undefined` or another object in its place would
 * otherwise fail later on a property it lacks.
 */
export function requireModel(action: string, model: unknown): void {
  const m = model as { layers?: unknown; forward?: unknown; params?: unknown } | null | undefined;
  if (
    typeof m !== "object" || m === null || !Array.isArray(m.layers) ||
    typeof m.forward !== "function" || typeof m.params !== "function"
  ) {
    const seen = typeof (m as { describe?: unknown } | null)?.describe === "function"
      ? (m as { describe(): string }).describe()
      : formatValue(model);
    throw new TypeError(
      `Cannot ${action} as model must be a Sequential model (mlp or new Sequential builds one): model=${seen}`,
    );
  }
}

/** The members of an {@linkcode Activation} the layers and diagnostics call, with their types. */
const ACTIVATION_MEMBERS = {
  name: "string",
  grad: "function",
  forward: "function",
  backward: "function",
} as const;

/** `typeof value` as a string, to compare with a table's entries (lint's valid-typeof forbids it inline). */
function typeName(value: unknown): string {
  return typeof value;
}

/**
 * The members of `members` (name → the `typeof` it must have) that `value` lacks or has of another
 * type, each shown as `"name (a type)"`; undefined when `value` is not an object at all.
 */
export function lackingMembers(
  value: unknown,
  members: Readonly<Record<string, string>>,
): string[] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  return Object.entries(members).filter(([key, type]) =>
    typeName((value as Record<string, unknown>)[key]) !== type
  ).map(([key, type]) => `${key} (a ${type})`);
}

/**
 * Throws a TypeError unless `value` is an object with the members of an {@linkcode Activation}
 * the library uses (a string `name`, functions `grad`, `forward` and `backward`), saying which it
 * lacks; a layer built on it would otherwise fail later, in training or a diagnostic.
 *
 * @param alternative What else activation may be, for the message, e.g. `'a name such as "relu"'`.
 */
export function requireActivation(
  action: string,
  value: unknown,
  alternative?: string,
): asserts value is Activation {
  const lacking = lackingMembers(value, ACTIVATION_MEMBERS);
  if (lacking?.length === 0) return;
  const or = alternative === undefined ? "" : `${alternative} or `;
  const wanted = `${or}an Activation object (createActivation makes one)`;
  const why = lacking === undefined ? "" : `; it lacks ${lacking.join(", ")}`;
  throw new TypeError(
    `Cannot ${action} as activation must be ${wanted}${why}: activation=${formatValue(value)}`,
  );
}

/** The actions a layer's error messages name. */
export interface LayerActions {
  /** Running the layer forward, e.g. `"run Dense(2 → 3)"`. */
  readonly run: string;
  /** Its backward pass, e.g. `"backpropagate through Dense(2 → 3)"`. */
  readonly backpropagate: string;
}

/**
 * The actions of a layer's error messages, from its description. Layers build them once and
 * keep them: `describe()` makes a new string on every call, and forward runs once per batch.
 */
export function layerActions(description: string): LayerActions {
  return { run: `run ${description}`, backpropagate: `backpropagate through ${description}` };
}

/** The index of the first value of `t` outside [0, 1] (NaN included), or -1 when there is none. */
export function firstOutsideUnit(t: ArrayLike<number>): number {
  for (let i = 0; i < t.length; i++) if (!(t[i] >= 0 && t[i] <= 1)) return i;
  return -1;
}
