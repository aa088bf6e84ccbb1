/**
 * Seeds for the random layers (dropout, RReLU) that a builder or the training loop creates:
 * each draws its own 32-bit seed from one generator, so one seed reproduces them all.
 *
 * @module
 */

import type { Prng } from "../core/prng.ts";

/** A 32-bit unsigned seed drawn from `prng`. */
export function drawSeed(prng: Prng): number {
  return Math.floor(prng() * 4294967296);
}
