/**
 * Private: the losses known by name, shared by {@linkcode resolveLoss} and the diagnostics, which
 * refuse an unknown one in their own name.
 *
 * @module
 */

import { formatValue } from "../core/validate.ts";
import { binaryCrossEntropy } from "./binary_cross_entropy.ts";
import type { Loss } from "./loss.ts";
import { meanSquaredError } from "./mean_squared_error.ts";
import { softmaxCrossEntropy } from "./softmax_cross_entropy.ts";

/** The loss named by `loss`, or `loss` itself when it is a {@linkcode Loss}; else undefined. */
export function knownLoss(loss: unknown): Loss | undefined {
  if (typeof loss === "object" && loss !== null) {
    return typeof (loss as Loss).valueAndGrad === "function" ? loss as Loss : undefined;
  }
  switch (loss) {
    case "mse":
    case "meanSquaredError":
      return meanSquaredError;
    case "softmaxCrossEntropy":
    case "crossEntropy":
      return softmaxCrossEntropy;
    case "binaryCrossEntropy":
      return binaryCrossEntropy;
  }
  return undefined;
}

/** The message refusing `loss`, unknown to {@linkcode knownLoss}, in the name of `action`. */
export function unknownLossMessage(action: string, loss: unknown): string {
  return `Cannot ${action} as loss must be a Loss or one of "mse", "meanSquaredError", "softmaxCrossEntropy", "crossEntropy", "binaryCrossEntropy": loss=${
    formatValue(loss)
  }`;
}

/**
 * The loss `loss` names, or `loss` itself, or an error naming `action`: a `TypeError` for a
 * value that is neither a name nor a {@linkcode Loss} (an object without `valueAndGrad`, a
 * number), a `RangeError` for an unknown name.
 */
export function resolveLossFor(action: string, loss: unknown): Loss {
  const known = knownLoss(loss);
  if (known !== undefined) return known;
  const message = unknownLossMessage(action, loss);
  throw typeof loss === "string" ? new RangeError(message) : new TypeError(message);
}
