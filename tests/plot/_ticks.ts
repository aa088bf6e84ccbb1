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
