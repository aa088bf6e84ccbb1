/**
 * Private helpers shared by the activation files: parameter checks, the kink convention, and
 * the slope tables that keep the array kernels branch-free.
 *
 * @module
 */

import { optionsExample } from "../core/_options_example.ts";
import { isCallbackIndex, refuseTrailing } from "../core/_require.ts";
import {
  formatValue,
  type OptionKeys,
  requireNumber,
  requireNumberType,
  requireOptions,
} from "../core/validate.ts";
import type { KinkConvention } from "./types.ts";

/**
 * Checks a negative-side slope: a finite number >= 0 (values above 1 are allowed: the function
 * stays z for z > 0 and alpha * z otherwise, though `max(alpha * z, z)` is then another one).
 */
export function requireAlpha(action: string, alpha: unknown, name = "alpha"): number {
  return requireNumber(action, name, alpha, { min: 0 });
}

/**
 * Resolves `atZero` into the derivative's value at the kink: `"left"` gives the left slope,
 * `"right"` the right slope, `"mean"` their average, and a finite number itself.
 */
export function resolveKink(
  action: string,
  atZero: unknown,
  left: number,
  right: number,
): number {
  if (atZero === "left") return left;
  if (atZero === "right") return right;
  if (atZero === "mean") return (left + right) / 2;
  if (typeof atZero === "number" && Number.isFinite(atZero)) return atZero;
  const message =
    `Cannot ${action} as atZero must be "left", "right", "mean" or a finite number: atZero=${
      formatValue(atZero)
    }`;
  throw typeof atZero === "number" || typeof atZero === "string"
    ? new RangeError(message)
    : new TypeError(message);
}

/** Checks `atZero` and returns it unchanged (for an activation's `params`). */
export function checkKink(action: string, atZero: unknown): KinkConvention {
  resolveKink(action, atZero, 0, 1);
  return atZero as KinkConvention;
}

/**
 * `value`, or `fallback` when it is `undefined`. Only `undefined` (a missing key) means the
 * default: a `null` is passed on, so the check it goes to refuses it (`??` would take it for
 * the default without a word).
 */
export function orDefault<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}

/**
 * Refuses `extra`, what a function without options (`relu`, `sigmoid`, `gelu`, …) was given
 * after its arguments (`args`, e.g. `"z"`): a `TypeError` naming the function, saying it takes
 * no options and showing the value, followed by `hint` when given ({@linkcode requireAlone}
 * calls it only when `extra` is not `undefined`, so that the check costs one comparison). The
 * index and array that `map`, `forEach` and the like pass a callback are let through
 * (`zs.map(relu)`): `extra` is then an index of `array` holding `z` itself.
 */
export function refuseExtra(
  name: string,
  args: string,
  z: number,
  extra: unknown,
  array?: unknown,
  hint = "",
): void {
  if (isCallbackIndex(z, extra, array)) return;
  const single = !args.includes(" ");
  const wrap = single && typeof extra === "number" && Number.isInteger(extra) && extra >= 0
    ? ` (a callback's index? pass (${args}) => ${name}(${args}))`
    : "";
  throw new TypeError(
    `Cannot compute ${name} as it takes ${args} alone, no options${hint}${wrap}: options=${
      formatValue(extra)
    }`,
  );
}

/** How {@linkcode requireAlone} names what it checks; each has a default. */
export interface AloneNames {
  /** The argument's name. Default: `"z"`. */
  arg?: string;
  /** What was attempted, for the messages. Default: `compute ${name}`. */
  action?: string;
  /** Said after "no options" when a further argument is refused (see {@linkcode refuseExtra}). */
  hint?: string;
}

/** The defaults, one object for every call (none allocated on the hot path). */
const DEFAULT_NAMES: AloneNames = {};

/**
 * The one argument of a function that takes no options (`relu(z)`, `erf(x)`, an activation
 * object's `f`), checked: a number (else a `TypeError`), with any further argument but those of
 * a `map` callback refused by {@linkcode refuseExtra}. Returns `value`.
 */
export function requireAlone(
  name: string,
  value: number,
  extra: unknown,
  array: unknown,
  names: AloneNames = DEFAULT_NAMES,
): number {
  const arg = names.arg ?? "z";
  requireNumberType(names.action ?? `compute ${name}`, arg, value);
  if (extra !== undefined) refuseExtra(name, arg, value, extra, array, names.hint);
  return value;
}

/**
 * The arguments of a scalar function with options (`leakyRelu(z, options)`, `reluGrad`, `elu`,
 * …), checked; returns the options, checked against their keys `known` by `requireOptions`. `z`
 * must be a number (else a `TypeError`); the index `map` or `forEach` passes a callback in place
 * of the options (`zs.map(leakyRelu)`) is refused with a `TypeError` saying so and showing the
 * arrow function to write, and so is any third argument. A whole number ≥ 0 alone in place of the
 * options may be the option it stands for (`leakyRelu(z, 0)`) or the index
 * `Array.from(zs, leakyRelu)` passes (no array comes with it): the message offers both. Any other
 * number is left to `requireOptions`, which suggests the option it may have meant. Costs two
 * comparisons past the number check and `requireOptions` when neither is there.
 */
export function requireScalarArguments<T extends object>(
  action: string,
  name: string,
  z: number,
  options: T | undefined,
  extra: unknown,
  known: NoInfer<OptionKeys<T>>,
): T {
  requireNumberType(action, "z", z);
  const given: unknown = options; // typed as options, yet any value can come
  if (extra !== undefined || typeof given === "number") {
    if (isCallbackIndex(z, given, extra)) {
      throw new TypeError(
        `Cannot compute ${name} as options must be an object, not the index that map or ` +
          `forEach passes a callback (pass (z) => ${name}(z) or (z) => ${name}(z, { … })): ` +
          `options=${given}`,
      );
    }
    if (extra === undefined && Number.isInteger(given) && (given as number) >= 0) {
      throw new TypeError(
        `Cannot compute ${name} as options must be an object such as ${
          optionsExample(given, known)
        } (a callback's index? pass (z) => ${name}(z)): options=${formatValue(given)}`,
      );
    }
    refuseTrailing(`compute ${name}`, "it", "z and options", "third", extra);
  }
  return requireOptions(action, options, known);
}

/** Formats a parameter for a label or a formula: the shortest round-trip form. */
export function formatNumber(value: number): string {
  return String(value);
}
