// What displaying an activation reads of it: the checks activationView and show share.

import type { Activation } from "../activations/types.ts";

/** A field the activation view draws or prints, and the type it must have. */
export type ActivationField = readonly [key: keyof Activation, type: "function" | "string"];

/**
 * The first field an activation view could not draw or print (a missing one would print
 * "undefined"): `f` and `grad` functions, `expression`, `latex` and `gradLatex` strings, and the
 * label, or the name when there is no label. `undefined` when it has them all.
 */
export function missingActivationField(activation: object): ActivationField | undefined {
  const a = activation as Partial<Record<keyof Activation, unknown>>;
  const fields: ActivationField[] = [
    ["f", "function"],
    ["grad", "function"],
    ["expression", "string"],
    ["latex", "string"],
    ["gradLatex", "string"],
    [a.label === undefined ? "name" : "label", "string"],
  ];
  return fields.find(([key, type]) =>
    type === "function" ? typeof a[key] !== "function" : typeof a[key] !== "string"
  );
}
