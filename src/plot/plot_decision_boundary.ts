/**
 * A classifier's decision regions over the plane, with the data on top.
 *
 * @module
 */

import { refuseTrailing, requireFlag, requireMatrix } from "../core/_require.ts";
import * as Plot from "npm:@observablehq/plot@0.6.17";
import type { Dataset } from "../core/dataset.ts";
import type { Matrix } from "../core/matrix.ts";
import { formatValue, type OptionKeys, requireNumber, requireOptions } from "../core/validate.ts";
import {
  colorsOption,
  composeFigure,
  figureText,
  optionalText,
  rangeError,
  renderPlot,
  requireDistinctNames,
  requireFiniteCells,
  resolveDocument,
  size,
  swatches,
  typeError,
} from "./_compose.ts";
import { plotDefaults } from "./defaults.ts";
import { rgbOf } from "./_rgb.ts";
import type { FigureElement, FigureOptions } from "./types.ts";

/** Options for {@linkcode plotDecisionBoundary}. */
export interface PlotDecisionBoundaryOptions extends FigureOptions {
  /** Grid cells along each axis at which `predict` is evaluated. Default: `80`. */
  resolution?: number;
  /** Margin around the data, as a fraction of its range on each axis. Default: `0.1`. */
  padding?: number;
  /**
   * What `predict` returns. `"logit"`: logits, as relu-lab's models do (`mlp` ends in a linear
   * layer, and `binaryCrossEntropy` and `softmaxCrossEntropy` take logits); one column is the logit
   * of class 1 (class 1 where it is > 0, as `accuracy` counts it), several columns one score per
   * class (shaded through a softmax). `"probability"`: probabilities; one column is the probability
   * of class 1 (class 1 where it is > 0.5), several columns one probability per class, each row
   * summing to 1. Outputs that do not fit are refused: NaN or infinite logits, probabilities
   * outside [0, 1] or rows not summing to 1. Default: `"logit"`.
   */
  output?: "logit" | "probability";
  /**
   * Class names for the legend: one distinct name for each class, as many as the outputs'
   * columns (two for one column) and the labels make. Default: `"class 0"`, `"class 1"`, ...
   */
  classNames?: readonly string[];
  /**
   * Colours in `#rrggbb` form, one per class. Default: {@linkcode plotDefaults}`.colors`, for up to
   * ten classes; more need colours given.
   */
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
  width: "number",
  height: "number",
  resolution: "number",
  padding: "number",
  output: true,
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
 * `predict` receives a grid of points as one `N x 2` matrix and returns `N x k` outputs, logits
 * unless `output` says they are probabilities: with `k = 1`, for class 1 (a binary model); with
 * `k >= 2`, one column per class. It is called once.
 *
 * @param predict Maps `N x 2` inputs to `N x k` outputs, e.g. `(x) => model.predict(x)`.
 * @param data The data set to draw: `x` with two columns of finite numbers, `y` integer class
 *   labels.
 * @param options Grid, colours and figure text; see {@linkcode PlotDecisionBoundaryOptions}.
 * @returns A `<figure>` with a legend of classes.
 *
 * @example
 * ```ts
 * import { fromRows, plotDecisionBoundary } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * // A linear binary classifier: the logit x1 + x2, so class 1 where x1 + x2 > 0.
 * const logit = (x: { rows: number; data: Float64Array }) => {
 *   const out = new Float64Array(x.rows);
 *   for (let i = 0; i < x.rows; i++) out[i] = x.data[2 * i] + x.data[2 * i + 1];
 *   return { rows: x.rows, cols: 1, data: out };
 * };
 * const data = { x: fromRows([[-1, -1], [1, 1]]), y: new Int32Array([0, 1]) };
 * const figure = plotDecisionBoundary(logit, data, { resolution: 20, title: "Linear" });
 * assert.equal(figure.querySelectorAll("g[aria-label=dot] circle").length, 2);
 * assert.ok(figure.querySelectorAll("g[aria-description=region] rect").length > 0);
 *
 * // The same classifier as probabilities says so, and draws the same regions.
 * const probability = (x: { rows: number; data: Float64Array }) => {
 *   const out = logit(x);
 *   out.data.forEach((v, i) => out.data[i] = 1 / (1 + Math.exp(-v)));
 *   return out;
 * };
 * const same = plotDecisionBoundary(probability, data, {
 *   resolution: 20,
 *   title: "Linear",
 *   output: "probability",
 * });
 * assert.equal(same.outerHTML, figure.outerHTML);
 *
 * // A point that is not finite cannot be drawn: it is named, before predict is called.
 * const broken = { x: fromRows([[-1, -1], [1, Infinity]]), y: new Int32Array([0, 1]) };
 * assert.throws(() => plotDecisionBoundary(logit, broken), {
 *   name: "RangeError",
 *   message:
 *     "Cannot plot a decision boundary as data.x row 1, column 1 must be a finite number (a coordinate of a point in the plane): data.x row 1, column 1=Infinity",
 * });
 * ```
 */
export function plotDecisionBoundary(
  predict: (x: Matrix) => Matrix,
  data: Pick<Dataset, "x" | "y">,
  options?: PlotDecisionBoundaryOptions,
): FigureElement;
export function plotDecisionBoundary(
  predict: (x: Matrix) => Matrix,
  data: Pick<Dataset, "x" | "y">,
  options: PlotDecisionBoundaryOptions = {},
  extra?: unknown,
): FigureElement {
  const action = "plot a decision boundary";
  refuseTrailing(action, "plotDecisionBoundary", "predict, data and options", "fourth", extra);
  requireOptions(action, options, PLOT_DECISION_BOUNDARY_KEYS);
  const text = figureText(action, options);
  if (typeof predict !== "function") typeError(action, "predict", "a function", predict);
  if (data === null || typeof data !== "object" || data.x === undefined) {
    typeError(action, "data", "a data set { x, y }", data);
  }
  const { x, y } = data;
  requireMatrix(action, "data.x", x);
  if (x.cols !== 2) rangeError(action, "data.x.cols", "2 (points in the plane)", x.cols);
  if (!(y instanceof Int32Array)) {
    typeError(action, "data.y", "an Int32Array of class labels", y);
  }
  if (y.length !== x.rows) {
    rangeError(action, "data.y.length", `equal x.rows (${x.rows})`, y.length);
  }
  if (x.rows === 0) rangeError(action, "data.x.rows", "at least 1", x.rows);
  // A point off the plane could not be drawn, and would make the grid's extent, and so every
  // input given to predict, NaN or infinite.
  requireFiniteCells(action, "data.x", x, "a finite number (a coordinate of a point in the plane)");
  let maxLabel = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] < 0) rangeError(action, `data.y[${i}]`, "a class label >= 0", y[i]);
    if (y[i] > maxLabel) maxLabel = y[i];
  }
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

  const output = options.output ?? "logit";
  if (typeof output !== "string") typeError(action, "output", '"logit" or "probability"', output);
  if (output !== "logit" && output !== "probability") {
    rangeError(action, "output", '"logit" or "probability"', output);
  }
  const shade = requireFlag(action, "confidence", options.confidence, true);

  // The grid: cell centres of a resolution x resolution lattice over the padded extent.
  const [x1Min, x1Max] = paddedRange(action, x.data, 0, padding);
  const [x2Min, x2Max] = paddedRange(action, x.data, 1, padding);
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
  const out = callPredict(action, predict, { rows: resolution * resolution, cols: 2, data: grid });
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

  requireOutputs(action, out, output);

  // The classes predict can give (two for one logit), and those the legend names, which also
  // include labels beyond them: points of a class the model cannot predict are drawn all the same.
  const predicted = out.cols === 1 ? 2 : out.cols;
  const classes = Math.max(predicted, maxLabel + 1);
  const names = classNamesOption(action, options.classNames, classes, out.cols, maxLabel);
  const colors = colorsOption(action, options.colors, names, "classes");
  colors.forEach((color, i) => {
    // The regions mix each colour with white channel by channel.
    if (!/^#[0-9a-f]{6}$/i.test(color)) {
      rangeError(action, `colors[${i}]`, "a colour in #rrggbb form", color);
    }
  });

  // Merge runs of cells with the same class and shade along each grid row into one rect.
  const regions: { x1: number; x2: number; y1: number; y2: number; fill: string }[] = [];
  const probabilities = new Float64Array(Math.max(out.cols, 2));
  for (let r = 0; r < resolution; r++) {
    let start = 0;
    let runFill = "";
    for (let c = 0; c <= resolution; c++) {
      let fill = "";
      if (c < resolution) {
        const offset = (r * resolution + c) * out.cols;
        const k = classify(out.data, offset, out.cols, output, probabilities);
        const confidence = probabilities[k];
        const level = shade
          // Confidence above chance among the classes predict can give: a label beyond them
          // (classes 0 to 5 against one logit) made chance 1/6, and every region darker.
          ? Math.round(Math.max(0, (confidence - 1 / predicted) / (1 - 1 / predicted)) * 4) / 4
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
    label: names[y[i]],
  }));

  const document = resolveDocument(action, options);
  const chart = renderPlot(document, {
    width: size(action, "width", options.width, 520),
    height: size(action, "height", options.height, 440),
    marginLeft: 48,
    marginBottom: 40,
    x: {
      domain: [x1Min, x1Max],
      label: optionalText(action, "xLabel", options.xLabel) ?? "x₁",
      labelAnchor: "center",
      labelArrow: "none",
    },
    y: {
      domain: [x2Min, x2Max],
      label: optionalText(action, "yLabel", options.yLabel) ?? "x₂",
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
    ...text,
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

/**
 * Checks the `classNames` option: one distinct string for each class, as many as the outputs'
 * columns and the labels make (a short list would leave a class out of the legend and give it
 * another class's colour). Returns a copy, or `"class 0"`, `"class 1"`, ... when left out.
 */
function classNamesOption(
  action: string,
  value: readonly string[] | undefined,
  classes: number,
  columns: number,
  maxLabel: number,
): string[] {
  if (value === undefined) return Array.from({ length: classes }, (_, k) => `class ${k}`);
  if (!Array.isArray(value)) typeError(action, "classNames", "an array of strings", value);
  value.forEach((name, k) => {
    if (typeof name !== "string") typeError(action, `classNames[${k}]`, "a string", name);
  });
  if (value.length !== classes) {
    const from = `predict's ${columns} ${
      columns === 1 ? "column" : "columns"
    } and labels up to ${maxLabel}`;
    rangeError(
      action,
      "classNames.length",
      `${classes}, a name for each class (${from})`,
      value.length,
    );
  }
  requireDistinctNames(action, value, (k) => `classNames[${k}]`);
  return [...value];
}

/**
 * `predict(grid)`, or, when it throws, a TypeError (or RangeError, for one) saying that predict
 * failed, with the error as `cause`: an unbound method (`model.predict` passed as is) fails
 * inside the model with a message that names neither predict nor the fix.
 */
function callPredict(action: string, predict: (x: Matrix) => Matrix, grid: Matrix): Matrix {
  try {
    return predict(grid);
  } catch (error) {
    const Class = error instanceof RangeError ? RangeError : TypeError;
    throw new Class(
      `Cannot ${action} as predict(x) must return outputs for the ${grid.rows}x2 grid x, not ` +
        `throw (a method must be bound, e.g. \`(x) => model.predict(x)\`): predict(x) threw ${
          error instanceof Error ? `${error.name}: ${error.message}` : formatValue(error)
        }`,
      { cause: error },
    );
  }
}

/**
 * The extent of one column, widened by `padding` times its range on each side. Finite points
 * and padding can still overflow (±1e308, or padding 1e308): refused, as the grid would be NaN
 * or infinite and predict blamed for the NaN it returns on it.
 */
function paddedRange(
  action: string,
  data: Float64Array,
  column: number,
  padding: number,
): [number, number] {
  let min = Infinity, max = -Infinity;
  for (let i = column; i < data.length; i += 2) {
    if (data[i] < min) min = data[i];
    if (data[i] > max) max = data[i];
  }
  const pad = max > min ? (max - min) * padding : 1;
  const [lo, hi] = [min - pad, max + pad];
  if (!Number.isFinite(hi - lo)) {
    rangeError(
      action,
      `the padded extent of data.x column ${column}`,
      `finite (the points' range, widened by padding = ${padding} of it on each side, ` +
        "overflows: scale the points or lower the padding)",
      [lo, hi],
    );
  }
  return [lo, hi];
}

/**
 * Checks that the outputs fit the `output` convention: finite logits, or probabilities in
 * [0, 1] whose rows (with several columns) sum to 1.
 */
function requireOutputs(action: string, out: Matrix, output: "logit" | "probability"): void {
  const data = out.data;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (output === "logit" ? !Number.isFinite(v) : !(v >= 0 && v <= 1)) {
      rangeError(
        action,
        `predict(x).data[${i}]`,
        output === "logit"
          ? 'a finite logit (output "logit")'
          : 'a probability in [0, 1] (output "probability")',
        v,
      );
    }
  }
  if (output === "logit" || out.cols === 1) return;
  for (let r = 0; r < out.rows; r++) {
    const row = Array.from(data.subarray(r * out.cols, (r + 1) * out.cols));
    if (Math.abs(row.reduce((sum, v) => sum + v, 0) - 1) >= 1e-6) {
      rangeError(
        action,
        `predict(x) row ${r}`,
        'probabilities summing to 1 (output "probability")',
        row,
      );
    }
  }
}

/** Writes class probabilities of one output row into `p` and returns the predicted class. */
function classify(
  out: Float64Array,
  offset: number,
  cols: number,
  output: "logit" | "probability",
  p: Float64Array,
): number {
  if (cols === 1) {
    const v = out[offset];
    const p1 = output === "probability" ? v : 1 / (1 + Math.exp(-v));
    p[0] = 1 - p1;
    p[1] = p1;
    // On the output itself, not on p1: a logit of -1e-17 rounds to p1 = 0.5 but is class 0.
    return (output === "probability" ? v > 0.5 : v > 0) ? 1 : 0;
  }
  let best = 0;
  for (let k = 0; k < cols; k++) if (out[offset + k] > out[offset + best]) best = k;
  if (output === "probability") {
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
  const channels = rgbOf(color).map((c) =>
    Math.round(255 + (c - 255) * amount).toString(16).padStart(2, "0")
  );
  return `#${channels.join("")}`;
}
