/**
 * What "dead" means wherever dead neurons are reported: under the text report's table, under
 * every chart of them in the rich displays, and at the head of the explorer's caption; and the
 * tables' word for whether a layer's dead neurons can recover.
 *
 * @module
 */

import type { Activation } from "../activations/types.ts";

/**
 * The one rule every count of dead neurons follows, said of the inputs it was counted on.
 *
 * @param over What those inputs are called where the rule is shown: "input" in the reports, the
 *   explorer's "training point".
 * @returns The sentence.
 */
export function deadDefinition(over = "input"): string {
  return `A neuron counts as dead when its pre-activation z is ≤ 0 on every ${over}.`;
}

/** What a report of dead neurons counts, and which neurons so counted can still recover. */
export const DEAD_RULE = deadDefinition() + " " +
  "A ReLU neuron then passes no gradient back, nor does a Leaky ReLU or ELU one at α = 0; " +
  "at α > 0 they still do, as PReLU neurons and RReLU ones with upper > 0 do, so they can " +
  "recover.";

/** Where {@linkcode passesGradientBelowZero} reads an activation's derivative below 0. */
const BELOW_ZERO_PROBES: readonly number[] = [-(2 ** -8), -0.5, -1, -3];

/**
 * Whether an activation passes a gradient back where z < 0, so that a neuron counted as dead can
 * recover by its own gradient, read from its derivative at {@linkcode BELOW_ZERO_PROBES}: true
 * where f' is not 0 at any of them (Leaky ReLU and ELU at α > 0, the smooth activations), false
 * where it is 0 at all (ReLU, and Leaky ReLU or ELU at α = 0), undefined where it is 0 at some
 * only, as for a hard tanh (slope 1 above −1, 0 below): whether such a neuron recovers depends on
 * where its z lies.
 *
 * @param activation The activation.
 * @returns Whether f' is not 0 below 0, or undefined when that holds on part of z < 0 only.
 */
export function passesGradientBelowZero(activation: Activation): boolean | undefined {
  const passes = BELOW_ZERO_PROBES.map((z) => activation.grad(z) !== 0);
  return passes.every((p) => p) ? true : passes.some((p) => p) ? undefined : false;
}

/**
 * The "can recover" cell of a layer in the reports' tables.
 *
 * @param canRecover The layer's `canRecover` (see `DeadNeurons`).
 * @returns `"yes"`, `"no"`, or `"?"` where the diagnostics cannot tell (see `DeadNeurons`).
 */
export function recoveryCell(canRecover: boolean | undefined): string {
  return canRecover === undefined ? "?" : canRecover ? "yes" : "no";
}
