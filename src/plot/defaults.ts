/**
 * The defaults of every plot helper, in one place.
 *
 * @module
 */

/** The shape of {@linkcode plotDefaults}. */
export interface PlotDefaults {
  /** Width of a chart in pixels. */
  readonly width: number;
  /** Height of a line chart in pixels. */
  readonly height: number;
  /** Total width of an activation figure (function and derivative side by side), in pixels. */
  readonly activationWidth: number;
  /** Height of an activation figure, in pixels. */
  readonly activationHeight: number;
  /** Domain of z for activation plots. */
  readonly activationDomain: readonly [number, number];
  /** Number of evenly spaced samples of z for activation plots. */
  readonly activationSamples: number;
  /** Grid cells per axis for decision-boundary plots. */
  readonly boundaryResolution: number;
  /** Margin around the data in decision-boundary plots, as a fraction of the data's range. */
  readonly boundaryPadding: number;
  /** Number of histogram bins. */
  readonly bins: number;
  /** Side of an image panel in pixels. */
  readonly imageSize: number;
  /** Categorical colours, in order. */
  readonly colors: readonly string[];
  /** Font family of every figure. */
  readonly fontFamily: string;
}

/**
 * The defaults the plot helpers fall back on. Each helper's options document which of these it
 * uses; change a figure by passing options, not by editing this object (it is frozen).
 *
 * @example
 * ```ts
 * import { plotDefaults } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(plotDefaults.width, 640);
 * assert.ok(Object.isFrozen(plotDefaults));
 * ```
 */
export const plotDefaults: PlotDefaults = Object.freeze({
  /** Width of a chart in pixels. */
  width: 640,
  /** Height of a line chart in pixels. */
  height: 360,
  /** Total width of an activation figure (function and derivative side by side), in pixels. */
  activationWidth: 760,
  /** Height of an activation figure, in pixels. */
  activationHeight: 300,
  /** Domain of z for activation plots. */
  activationDomain: Object.freeze([-4, 4]) as readonly [number, number],
  /** Number of evenly spaced samples of z for activation plots. */
  activationSamples: 401,
  /** Grid cells per axis for decision-boundary plots. */
  boundaryResolution: 80,
  /** Margin around the data in decision-boundary plots, as a fraction of the data's range. */
  boundaryPadding: 0.1,
  /** Number of histogram bins. */
  bins: 40,
  /** Side of an image panel in pixels. */
  imageSize: 220,
  /** Categorical colours, in order (Observable Plot's `observable10` scheme). */
  colors: Object.freeze([
    "#4269d0",
    "#efb118",
    "#ff725c",
    "#6cc5b0",
    "#3ca951",
    "#ff8ab7",
    "#a463f2",
    "#97bbf5",
    "#9c6b4e",
    "#9498a0",
  ]) as readonly string[],
  /** Font family of every figure. */
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
});
