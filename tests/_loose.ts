/**
 * For tests that make the calls a notebook without a type checker lets through: a function
 * called through a loosely typed alias, with any arguments.
 */
export type Loose = (...args: unknown[]) => number;

/** `fn` as a {@linkcode Loose} function. */
export const loose = (fn: unknown): Loose => fn as Loose;

/** A constructor called through a loosely typed alias, with any arguments. */
export type LooseClass = new (...args: unknown[]) => unknown;

/** `cls` as a {@linkcode LooseClass}. */
export const looseNew = (cls: unknown): LooseClass => cls as LooseClass;
