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
  "at α > 0 they still do, as PReLU and RReLU neurons do, so they can recover.";

/**
 * Whether an activation passes a gradient back where z < 0, so that a neuron counted as dead can
 * recover by its own gradient: read from its derivative at z = −1 (not 0 for Leaky ReLU and ELU
 * at α > 0 and for the smooth activations; 0 for ReLU, and for Leaky ReLU or ELU at α = 0).
 *
 * @param activation The activation.
 * @returns Whether f'(−1) is not 0.
 */
export function passesGradientBelowZero(activation: Activation): boolean {
  return activation.grad(-1) !== 0;
}

/**
 * The "can recover" cell of a layer in the reports' tables.
 *
 * @param canRecover The layer's `canRecover` (see `DeadNeurons`).
 * @returns `"yes"`, `"no"`, or `"?"` for a layer of a kind the diagnostics do not know.
 */
export function recoveryCell(canRecover: boolean | undefined): string {
  return canRecover === undefined ? "?" : canRecover ? "yes" : "no";
}
