/**
 * Learning-rate schedules: plain functions from the epoch index (0 for the first epoch) to a
 * learning rate.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";

/** A learning-rate schedule: the rate to use during epoch `epoch` (0-based). */
export type Schedule = (epoch: number) => number;

/**
 * Checks the epoch a schedule is called with (once an epoch): anything but an integer >= 0 (a
 * negative, fractional, NaN or string epoch) throws, naming the schedule.
 */
function requireEpoch(action: string, epoch: unknown): number {
  return requireNumber(action, "epoch", epoch, { integer: true, min: 0 });
}

/** Options of {@linkcode stepDecay}. */
export interface StepDecayOptions {
  /** The rate of the first epochs, > 0. */
  initial: number;
  /** Multiplier applied every `every` epochs, in (0, 1]. Default: 0.5. */
  factor?: number;
  /** Number of epochs between decays, an integer >= 1. Default: 10. */
  every?: number;
}

const STEP_DECAY_KEYS: OptionKeys<StepDecayOptions> = {
  initial: "number",
  factor: "number",
  every: "number",
};

/**
 * Step decay: `initial * factor^floor(epoch / every)`. The schedule takes an epoch that is an
 * integer >= 0, and throws for any other (as do the other schedules).
 *
 * @param options Initial rate, factor, period.
 * @returns The schedule.
 *
 * @example
 * ```ts
 * import { stepDecay } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const schedule = stepDecay({ initial: 0.1, factor: 0.5, every: 10 });
 * assert.equal(schedule(9), 0.1);
 * assert.equal(schedule(10), 0.05);
 * ```
 */
export function stepDecay(options: StepDecayOptions): Schedule;
export function stepDecay(options: StepDecayOptions, extra?: unknown, array?: unknown): Schedule {
  const action = "create a step decay schedule";
  refuseTrailing(action, "stepDecay", "options alone", "second", extra, options, array);
  requireOptions(action, options, STEP_DECAY_KEYS);
  const initial = requireNumber(action, "initial", options?.initial, {
    min: 0,
    minExclusive: true,
  });
  const factor = requireNumber(action, "factor", options.factor ?? 0.5, {
    min: 0,
    minExclusive: true,
    max: 1,
  });
  const every = requireNumber(action, "every", options.every ?? 10, { integer: true, min: 1 });
  return (epoch) =>
    initial * factor ** Math.floor(requireEpoch("compute a step decay rate", epoch) / every);
}

/** Options of {@linkcode cosineDecay}. */
export interface CosineDecayOptions {
  /** The rate at epoch 0, > 0. */
  initial: number;
  /** The rate reached at epoch `epochs` and kept after, >= 0 and <= `initial`. Default: 0. */
  final?: number;
  /** Length of the decay in epochs, an integer >= 1. */
  epochs: number;
}

const COSINE_DECAY_KEYS: OptionKeys<CosineDecayOptions> = {
  initial: "number",
  final: "number",
  epochs: "number",
};

/**
 * Cosine decay (Loshchilov and Hutter 2017, without restarts):
 * `final + (initial - final) (1 + cos(π min(epoch, epochs) / epochs)) / 2`, for an epoch that is an
 * integer >= 0. Epochs count from 0, so a run of `epochs` epochs ends one step short of `final`;
 * `train()` refuses a rate of 0, so with the default `final: 0` train for at most `epochs` epochs
 * (a longer run is refused before its first step, the weights untouched), or give a `final` > 0 to
 * go on at that rate.
 *
 * @param options Initial and final rates, length.
 * @returns The schedule.
 *
 * @example
 * ```ts
 * import { cosineDecay } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const schedule = cosineDecay({ initial: 0.1, epochs: 10 });
 * assert.equal(schedule(0), 0.1);
 * assert.ok(Math.abs(schedule(5) - 0.05) < 1e-15);
 * assert.equal(schedule(10), 0);
 * assert.ok(schedule(9) > 0); // the last epoch of a 10-epoch run
 * assert.equal(cosineDecay({ initial: 0.1, final: 0.001, epochs: 10 })(25), 0.001);
 * ```
 */
export function cosineDecay(options: CosineDecayOptions): Schedule;
export function cosineDecay(
  options: CosineDecayOptions,
  extra?: unknown,
  array?: unknown,
): Schedule {
  const action = "create a cosine decay schedule";
  refuseTrailing(action, "cosineDecay", "options alone", "second", extra, options, array);
  requireOptions(action, options, COSINE_DECAY_KEYS);
  const initial = requireNumber(action, "initial", options?.initial, {
    min: 0,
    minExclusive: true,
  });
  const final = requireNumber(action, "final", options.final ?? 0, { min: 0 });
  if (final > initial) {
    throw new RangeError(
      `Cannot ${action} as final must be at most initial (${initial}), a decay that does not ` +
        `rise: final=${final}`,
    );
  }
  const epochs = requireNumber(action, "epochs", options.epochs, { integer: true, min: 1 });
  return (epoch) => {
    const e = Math.min(requireEpoch("compute a cosine decay rate", epoch), epochs);
    return final + (initial - final) * (1 + Math.cos(Math.PI * e / epochs)) / 2;
  };
}

/** Options of {@linkcode exponentialDecay}. */
export interface ExponentialDecayOptions {
  /** The rate at epoch 0, > 0. */
  initial: number;
  /** Multiplier per epoch, in (0, 1]. */
  rate: number;
}

const EXPONENTIAL_DECAY_KEYS: OptionKeys<ExponentialDecayOptions> = {
  initial: "number",
  rate: "number",
};

/**
 * Exponential decay: `initial * rate^epoch`, for an epoch that is an integer >= 0.
 *
 * @param options Initial rate and per-epoch multiplier.
 * @returns The schedule.
 *
 * @example
 * ```ts
 * import { exponentialDecay } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(exponentialDecay({ initial: 1, rate: 0.5 })(3), 0.125);
 * ```
 */
export function exponentialDecay(options: ExponentialDecayOptions): Schedule;
export function exponentialDecay(
  options: ExponentialDecayOptions,
  extra?: unknown,
  array?: unknown,
): Schedule {
  const action = "create an exponential decay schedule";
  refuseTrailing(action, "exponentialDecay", "options alone", "second", extra, options, array);
  requireOptions(action, options, EXPONENTIAL_DECAY_KEYS);
  const initial = requireNumber(action, "initial", options?.initial, {
    min: 0,
    minExclusive: true,
  });
  const rate = requireNumber(action, "rate", options.rate, { min: 0, minExclusive: true, max: 1 });
  return (epoch) => initial * rate ** requireEpoch("compute an exponential decay rate", epoch);
}
