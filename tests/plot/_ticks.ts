import assert from "node:assert/strict";
import type { FigureElement } from "../../src/plot/mod.ts";

/** The position of the axis tick labelled `label`, in pixels along the axis. */
export function tickAt(figure: FigureElement, axis: "x" | "y", label: string): number {
  const tick = Array.from(figure.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`))
    .find((text) => text.textContent === label);
  assert.ok(tick, `no ${axis} tick labelled ${label}`);
  const [x, y] = tick.getAttribute("transform")!.match(/translate\(([^,]+),([^)]+)\)/)!.slice(1);
  return Number(axis === "x" ? x : y);
}

/** The position of the axis tick whose label reads as `value` ("−1" as -1), in pixels. */
export function tickAtValue(figure: FigureElement, axis: "x" | "y", value: number): number {
  const label = Array.from(figure.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`))
    .map((text) => text.textContent ?? "")
    .find((text) => Number(text.replace("−", "-")) === value);
  assert.ok(label !== undefined, `no ${axis} tick at ${value}`);
  return tickAt(figure, axis, label);
}
