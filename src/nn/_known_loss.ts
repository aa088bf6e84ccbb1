/**
 * Private: the losses known by name, and the check that one fits a data set and a model, shared
 * by {@linkcode resolveLoss}, `train` and the diagnostics, which refuse a loss in their own name.
 *
 * @module
 */

import type { Dataset } from "../core/dataset.ts";
import { formatValue } from "../core/validate.ts";
import { firstOutsideUnit, lackingMembers } from "./_check.ts";
import { binaryCrossEntropy } from "./binary_cross_entropy.ts";
import { defaultLossName, type Loss, type LossName } from "./loss.ts";
import { meanSquaredError } from "./mean_squared_error.ts";
import { softmaxCrossEntropy } from "./softmax_cross_entropy.ts";

/** The members of a {@linkcode Loss} that training and the diagnostics use, with their types. */
const LOSS_MEMBERS = { name: "string", value: "function", valueAndGrad: "function" } as const;

/**
 * The loss `loss` names, or `loss` itself, or an error naming `action`: a `TypeError` for a
 * value that is neither a name nor a {@linkcode Loss} (an object without `name`, `value` or
 * `valueAndGrad`, saying which it lacks; a number), a `RangeError` for an unknown name.
 */
export function resolveLossFor(action: string, loss: unknown): Loss {
  const lacking = lackingMembers(loss, LOSS_MEMBERS);
  if (lacking !== undefined) {
    if (lacking.length === 0) return loss as Loss;
  } else {
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
  }
  const why = lacking === undefined ? "" : `; it lacks ${lacking.join(", ")}`;
  const message =
    `Cannot ${action} as loss must be a Loss (name, value, valueAndGrad) or one of "mse", "meanSquaredError", "softmaxCrossEntropy", "crossEntropy", "binaryCrossEntropy"${why}: loss=${
      formatValue(loss)
    }`;
  throw typeof loss === "string" ? new RangeError(message) : new TypeError(message);
}

/**
 * Resolves the loss for `data` (by default the one its targets call for, as `train` picks it)
 * and checks that it fits them and a model of `outputs` outputs: an unknown loss, or one of
 * relu-lab's losses that does not (labels with `"mse"`, a matrix with softmax cross-entropy or
 * fewer than two outputs with it, labels with binary cross-entropy and more than one output,
 * binary cross-entropy targets outside [0, 1], in `data` or `test`), is refused here, naming
 * `action`, rather than deep in the loss code after a model has changed. A {@linkcode Loss} of
 * the caller's own is taken as it is.
 */
export function lossFor(
  action: string,
  outputs: number,
  data: Dataset,
  loss?: LossName | Loss,
  test?: Dataset,
): Loss {
  const resolved = resolveLossFor(action, loss ?? defaultLossName(data.y, outputs));
  const labels = data.y instanceof Int32Array;
  const name = formatValue(typeof loss === "string" ? loss : resolved.name);
  if (resolved === meanSquaredError && labels) {
    throw new TypeError(
      `Cannot ${action} as data.y must be a matrix of targets for the loss ${name} (class labels take "softmaxCrossEntropy" or "binaryCrossEntropy"): data.y=${
        formatValue(data.y)
      }`,
    );
  }
  if (resolved === softmaxCrossEntropy && !labels) {
    throw new TypeError(
      `Cannot ${action} as data.y must be an Int32Array of class labels for the loss ${name} (a matrix of targets takes "mse" or "binaryCrossEntropy"): data.y=${
        formatValue(data.y)
      }`,
    );
  }
  if (resolved === softmaxCrossEntropy && outputs < 2) {
    throw new RangeError(
      `Cannot ${action} as model.outputSize must be 2 or more (one score per class) for the loss ${name} ("binaryCrossEntropy" takes one logit per row): model.outputSize=${outputs}`,
    );
  }
  if (resolved === binaryCrossEntropy && labels && outputs !== 1) {
    throw new RangeError(
      `Cannot ${action} as model.outputSize must be 1 (one logit per row) for class labels with the loss ${name} ("softmaxCrossEntropy" takes one output per class): model.outputSize=${outputs}`,
    );
  }
  if (resolved === binaryCrossEntropy) {
    for (const [set, setName] of [[data, "data"], [test, "test"]] as const) {
      if (set === undefined || set.y instanceof Int32Array) continue;
      const i = firstOutsideUnit(set.y.data);
      if (i >= 0) {
        throw new RangeError(
          `Cannot ${action} as ${setName}.y must hold targets in [0, 1] for the loss ${name}: ${setName}.y.data[${i}]=${
            formatValue(set.y.data[i])
          }`,
        );
      }
    }
  }
  return resolved;
}
