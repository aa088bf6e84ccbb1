/**
 * Private: the check shared by Dense and `mlp` of a `biasInit` beside an initialiser that sets
 * the biases itself.
 *
 * @module
 */

import { formatValue } from "../core/validate.ts";
import type { Initializer } from "./init.ts";

/**
 * Throws a TypeError when `biasInit` is given beside an initialiser that sets the biases
 * itself ({@linkcode Initializer.setsBiases}), which would overwrite it without a word.
 */
export function refuseBiasInit(action: string, init: Initializer, biasInit: unknown): void {
  if (biasInit === undefined || init.setsBiases !== true) return;
  throw new TypeError(
    `Cannot ${action} as biasInit must be left out with init ${
      JSON.stringify(init.name)
    }, which sets the biases itself: biasInit=${formatValue(biasInit)}`,
  );
}
