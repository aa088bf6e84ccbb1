/**
 * A {@linkcode Loss} built from one function that computes the value and, given a buffer, the
 * gradient: the shape softmaxCrossEntropy, binaryCrossEntropy and meanSquaredError share.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";
import { refuseTrailing } from "../core/_require.ts";
import type { Loss } from "./loss.ts";

/**
 * The loss `name` whose `value` is `run(pred, target, undefined)` and whose `valueAndGrad` is
 * `run(pred, target, grad)`, each refusing an argument after its last with a message naming
 * `action` and the arguments as `args` names them (e.g. `["logits", "labels"]`).
 */
export function lossFrom(
  name: string,
  action: string,
  [pred, target]: readonly [string, string],
  run: (pred: Matrix, target: Int32Array | Matrix, grad: Matrix | undefined) => number,
): Loss {
  return {
    name,
    value: (p, t, extra?: unknown) => {
      refuseTrailing(action, "value", `${pred} and ${target}`, "third", extra);
      return run(p, t, undefined);
    },
    valueAndGrad: (p, t, grad, extra?: unknown) => {
      refuseTrailing(action, "valueAndGrad", `${pred}, ${target} and grad`, "fourth", extra);
      return run(p, t, grad);
    },
  };
}
