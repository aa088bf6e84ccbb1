/**
 * A classifier's decision regions over the plane, with the data on top.
 *
 * @module
 */

import * as Plot from "npm:@observablehq/plot@0.6.17";
import type { Dataset } from "../core/dataset.ts";
import type { Matrix } from "../core/matrix.ts";
import { type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import {
  composeFigure,
  rangeError,
  renderPlot,
  resolveDocument,
  seriesColors,
  size,
  swatches,
  typeError,
} from "./_compose.ts";
import { plotDefaults } from "./defaults.ts";
import type { FigureElement, FigureOptions } from "./types.ts";

/** Options for {@linkcode plotDecisionBoundary}. */
export interface PlotDecisionBoundaryOptions extends FigureOptions {
  /** Grid cells along each axis at which `predict` is evaluated. Default: `80`. */
  resolution?: number;
  /** Margin around the data, as a fraction of its range on each axis. Default: `0.1`. */
  padding?: number;
  /** Class names for the legend. Default: `"class 0"`, `"class 1"`, ... */
  classNames?: readonly string[];
  /** Colours, one per class. Default: {@linkcode plotDefaults}`.colors`. */
  colors?: readonly string[];
  /** Shade each region paler where the prediction is less confident. Default: `true`. */
  confidence?: boolean;
  /** The x axis label. Default: `"x₁"`. */
  xLabel?: string;
  /** The y axis label. Default: `"x₂"`. */
  yLabel?: string;
  /** Width in pixels. Default: `520`. */
  width?: number;
  /** Height in pixels. Default: `440`. */
  height?: number;
}

const PLOT_DECISION_BOUNDARY_KEYS: OptionKeys<PlotDecisionBoundaryOptions> = {
  document: true,
  title: true,
  subtitle: true,
  caption: true,
  width: true,
  height: true,
  resolution: true,
  padding: true,
  classNames: true,
  colors: true,
  confidence: true,
  xLabel: true,
  yLabel: true,
};

/**
 * Draws the class a model predicts over the plane around a 2-D data set, shaded by confidence,
 * with the data points on top coloured by their true class.
 *
 * `predict` receives a grid of points as one `N x 2` matrix and returns `N x k` class
 * probabilities or scores: with `k = 1`, the probability (or, outside [0, 1], the logit) of
 * class 1; with `k >= 2`, one column per class (rows that are not probabilities go through a
 * softmax for the shading). It is called once.
 *
 * @param predict Maps `N x 2` inputs to `N x k` outputs, e.g. `(x) => model.predict(x)`.
 * @param data The data set to draw: `x` with two columns, `y` integer class labels.
 * @param options Grid, colours and figure text; see {@linkcode PlotDecisionBoundaryOptions}.
 * @returns A `<figure>` with a legend of classes.
 *
 * @example
 * ```ts
 * import { fromRows, plotDecisionBoundary } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * // A linear classifier: class 1 where x1 + x2 > 0, as a probability.
 * const predict = (x: { rows: number; data: Float64Array }) => {
 *   const out = new Float64Array(x.rows);
 *   for (let i = 0; i < x.rows; i++) out[i] = 1 / (1 + Math.exp(-(x.data[2 * i] + x.data[2 * i + 1])));
 *   return { rows: x.rows, cols: 1, data: out };
 * };
 * const data = { x: fromRows([[-1, -1], [1, 1]]), y: new Int32Array([0, 1]) };
 * const figure = plotDecisionBoundary(predict, data, { resolution: 20, title: "Linear" });
 * assert.equal(figure.querySelectorAll("g[aria-label=dot] circle").length, 2);
 * assert.ok(figure.querySelectorAll("g[aria-description=region] rect").length > 0);
 * ```
 */
export function plotDecisionBoundary(
  predict: (x: Matrix) => Matrix,
  data: Pick<Dataset, "x" | "y">,
  options: PlotDecisionBoundaryOptions = {},
): FigureElement {
  const action = "plot a decision boundary";
  requireOptions(action, options, PLOT_DECISION_BOUNDARY_KEYS);
  if (typeof predict !== "function") typeError(action, "predict", "a function", predict);
  if (data === null || typeof data !== "object" || data.x === undefined) {
    typeError(action, "data", "a data set { x, y }", data);
  }
  const { x, y } = data;
  if (x.cols !== 2) rangeError(action, "data.x.cols", "2 (points in the plane)", x.cols);
  if (!(y instanceof Int32Array)) {
    typeError(action, "data.y", "an Int32Array of class labels", y);
  }
  if (y.length !== x.rows) {
    rangeError(action, "data.y.length", `equal x.rows (${x.rows})`, y.length);
  }
  if (x.rows === 0) rangeError(action, "data.x.rows", "at least 1", x.rows);
  const resolution = requireNumber(
    action,
    "resolution",
    options.resolution ?? plotDefaults.boundaryResolution,
    { integer: true, min: 2, max: 1000 },
  );
  const padding = requireNumber(
    action,
    "padding",
    options.padding ?? plotDefaults.boundaryPadding,
    {
      min: 0,
    },
  );

  // The grid: cell centres of a resolution x resolution lattice over the padded extent.
  const [x1Min, x1Max] = paddedRange(x.data, 0, padding);
  const [x2Min, x2Max] = paddedRange(x.data, 1, padding);
  const dx = (x1Max - x1Min) / resolution;
  const dy = (x2Max - x2Min) / resolution;
  const grid = new Float64Array(resolution * resolution * 2);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const i = r * resolution + c;
      grid[2 * i] = x1Min + (c + 0.5) * dx;
      grid[2 * i + 1] = x2Min + (r + 0.5) * dy;
    }
  }
  const out = predict({ rows: resolution * resolution, cols: 2, data: grid });
  if (
    out === null || typeof out !== "object" || !(out.data instanceof Float64Array) ||
    out.rows !== resolution * resolution || out.cols < 1 || out.data.length !== out.rows * out.cols
  ) {
    typeError(
      action,
      "predict(x)",
      `a Matrix with ${resolution * resolution} rows and at least 1 column`,
      out === null || typeof out !== "object" ? out : `${out.rows}x${out.cols}`,
    );
  }

  let maxLabel = 0;
  for (let i = 0; i < y.length; i++) if (y[i] > maxLabel) maxLabel = y[i];
  const classes = Math.max(out.cols === 1 ? 2 : out.cols, maxLabel + 1);
  const names = options.classNames === undefined
    ? Array.from({ length: classes }, (_, k) => `class ${k}`)
    : [...options.classNames];
  const colors = options.colors === undefined ? seriesColors(names) : [...options.colors];
  const shade = options.confidence ?? true;

  // Merge runs of cells with the same class and shade along each grid row into one rect.
  const regions: { x1: number; x2: number; y1: number; y2: number; fill: string }[] = [];
  const probabilities = new Float64Array(Math.max(out.cols, 2));
  for (let r = 0; r < resolution; r++) {
    let start = 0;
    let runFill = "";
    for (let c = 0; c <= resolution; c++) {
      let fill = "";
      if (c < resolution) {
        const k = classify(out.data, (r * resolution + c) * out.cols, out.cols, probabilities);
        const confidence = probabilities[k];
        const level = shade
          ? Math.round(Math.max(0, (confidence - 1 / classes) / (1 - 1 / classes)) * 4) / 4
          : 1;
        fill = mix(colors[k % colors.length], 0.12 + 0.36 * level);
      }
      if (c > 0 && fill !== runFill) {
        regions.push({
          x1: x1Min + start * dx,
          x2: x1Min + c * dx,
          y1: x2Min + r * dy,
          y2: x2Min + (r + 1) * dy,
          fill: runFill,
        });
        start = c;
      }
      if (c === 0 || fill !== runFill) runFill = fill;
    }
  }
  const points = Array.from({ length: x.rows }, (_, i) => ({
    x1: x.data[2 * i],
    x2: x.data[2 * i + 1],
    label: names[y[i]] ?? `class ${y[i]}`,
  }));

  const document = resolveDocument(options);
  const chart = renderPlot(document, {
    width: size(action, "width", options.width, 520),
    height: size(action, "height", options.height, 440),
    marginLeft: 48,
    marginBottom: 40,
    x: {
      domain: [x1Min, x1Max],
      label: options.xLabel ?? "x₁",
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: {
      domain: [x2Min, x2Max],
      label: options.yLabel ?? "x₂",
      labelAnchor: "center",
      labelArrow: "none",
    },
    color: { type: "ordinal", domain: names, range: colors },
    marks: [
      Plot.rect(regions, {
        x1: "x1",
        x2: "x2",
        y1: "y1",
        y2: "y2",
        fill: (d: { fill: string }) => d.fill,
        shapeRendering: "crispEdges",
        ariaDescription: "region",
      }),
      Plot.dot(points, {
        x: "x1",
        y: "x2",
        fill: "label",
        stroke: "#222",
        strokeWidth: 0.6,
        r: 3.5,
      }),
      Plot.frame({ stroke: "#bbb" }),
    ],
  });
  return composeFigure(document, {
    title: options.title,
    subtitle: options.subtitle,
    caption: options.caption,
    legends: [
      swatches(
        document,
        names.map((name, k) => ({ name, color: colors[k % colors.length], kind: "dot" })),
        shade ? "regions: predicted class, paler where less confident" : "regions: predicted class",
      ),
    ],
    charts: [chart],
  });
}

/** The extent of one column, widened by `padding` times its range on each side. */
function paddedRange(data: Float64Array, column: number, padding: number): [number, number] {
  let min = Infinity, max = -Infinity;
  for (let i = column; i < data.length; i += 2) {
    if (data[i] < min) min = data[i];
    if (data[i] > max) max = data[i];
  }
  const pad = max > min ? (max - min) * padding : 1;
  return [min - pad, max + pad];
}

/** Writes class probabilities of one output row into `p` and returns the predicted class. */
function classify(out: Float64Array, offset: number, cols: number, p: Float64Array): number {
  if (cols === 1) {
    const v = out[offset];
    const p1 = v >= 0 && v <= 1 ? v : 1 / (1 + Math.exp(-v));
    p[0] = 1 - p1;
    p[1] = p1;
    return p1 >= 0.5 ? 1 : 0;
  }
  let sum = 0, isProbability = true, best = 0;
  for (let k = 0; k < cols; k++) {
    const v = out[offset + k];
    if (!(v >= 0 && v <= 1)) isProbability = false;
    sum += v;
    if (v > out[offset + best]) best = k;
  }
  if (isProbability && Math.abs(sum - 1) < 1e-6) {
    for (let k = 0; k < cols; k++) p[k] = out[offset + k];
  } else {
    const top = out[offset + best];
    let total = 0;
    for (let k = 0; k < cols; k++) total += p[k] = Math.exp(out[offset + k] - top);
    for (let k = 0; k < cols; k++) p[k] /= total;
  }
  return best;
}

/** Mixes a `#rrggbb` colour with white: `amount` 1 is the colour, 0 is white. */
function mix(color: string, amount: number): string {
  const channel = (i: number) => {
    const c = parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(255 + (c - 255) * amount).toString(16).padStart(2, "0");
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}
