/**
 * One entry point for rich display: {@linkcode show} picks the view that fits a value.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import type { Activation } from "../activations/types.ts";
import type { EpochMetrics } from "../plot/plot_training_curves.ts";
import type { FigureElement } from "../plot/types.ts";
import { activationView } from "./activation_view.ts";
import { displayFigure } from "./display_figure.ts";
import { Displayable, jupyterDisplay, type MimeBundle } from "./displayable.ts";
import { historyView } from "./history_view.ts";
import { missingActivationField } from "./_activation_fields.ts";
import { isElement, isFigureTag } from "./_element.ts";

/**
 * Wraps any value as a {@linkcode Displayable}, picking the view that fits it: a value that
 * already displays itself keeps its bundle; a figure goes through {@linkcode displayFigure}; an
 * activation through {@linkcode activationView}; a training history through
 * {@linkcode historyView}; anything else shows as text (`Deno.inspect`).
 *
 * @param value The value to show.
 * @returns The displayable; return it from a notebook cell to see it.
 *
 * @example
 * ```ts
 * import { jupyterDisplay, plotLines, show } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(show("hello")[jupyterDisplay]()["text/plain"], "hello");
 * const bundle = show(plotLines([{ name: "a", x: [0, 1], y: [0, 1] }]))[jupyterDisplay]();
 * assert.ok(bundle["text/html"]?.startsWith("<svg"));
 * ```
 */
export function show(value: unknown): Displayable;
export function show(value: unknown, extra?: unknown, array?: unknown): Displayable {
  refuseTrailing("show a value", "show", "value alone", "second", extra, value, array);
  if (value instanceof Displayable) return value;
  if (value !== null && typeof value === "object") {
    const method = (value as { [jupyterDisplay]?: unknown })[jupyterDisplay];
    if (typeof method === "function") return new Displayable(method.call(value) as MimeBundle);
    if (isFigure(value)) return displayFigure(value);
    if (isActivation(value)) return activationView(value);
    if (isHistory(value)) return historyView(value);
  }
  if (typeof value === "string") return new Displayable({ "text/plain": value });
  return new Displayable({ "text/plain": Deno.inspect(value) });
}

function isFigure(value: object): value is FigureElement {
  return isElement(value) && isFigureTag(value);
}

/** Whether a value has every field activationView draws or prints. */
function isActivation(value: object): value is Activation {
  return missingActivationField(value) === undefined;
}

function isHistory(value: object): value is EpochMetrics[] {
  return Array.isArray(value) && value.length > 0 &&
    value.every((r) =>
      r !== null && typeof r === "object" && typeof r.epoch === "number" &&
      typeof r.trainLoss === "number"
    );
}
