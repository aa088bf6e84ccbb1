/**
 * A matrix as an image: digits, edge maps, feature maps before and after an activation.
 *
 * @module
 */

import { refuseTrailing, requireFlag, requireMatrix } from "../core/_require.ts";
import * as Plot from "npm:@observablehq/plot@0.6.17";
import type { Matrix } from "../core/matrix.ts";
import { type OptionKeys, requireOptions } from "../core/validate.ts";
import {
  arrayError,
  clampToDomain,
  composeFigure,
  figureText,
  hasText,
  optionalDomain,
  optionalText,
  panel,
  rangeError,
  renderPlot,
  requireFiniteCells,
  resolveDocument,
  size,
  swatches,
  typeError,
} from "./_compose.ts";
import { plotDefaults } from "./defaults.ts";
import type { FigureDocument, FigureElement, FigureOptions } from "./types.ts";

/**
 * How values map to colours: `"gray"` (smallest black, largest white), `"ink"` (smallest white,
 * largest black, like a pen on paper), `"diverging"` (blue below 0, white at 0, red above, with a
 * domain symmetric about 0), or the name of any Observable Plot colour scheme (`"viridis"`, ...).
 */
export type ImageColorScheme = "gray" | "ink" | "diverging" | (string & Record<never, never>);

/**
 * Options for {@linkcode plotImage}. Not `width` and `height`, which the other plot helpers take:
 * an image's cells are square, so `size` alone sets it.
 */
export interface PlotImageOptions extends Omit<FigureOptions, "width" | "height"> {
  /** How values map to colours; see {@linkcode ImageColorScheme}. Default: `"gray"`. */
  colorScheme?: ImageColorScheme;
  /**
   * The values mapped to the ends of the colour ramp, `[min, max]`. Values beyond it are drawn
   * in the colour of its nearer end, and a note above the image counts them. Default: the extent
   * of the matrix; for `"diverging"`, `[-m, m]` with m the largest absolute value.
   */
  domain?: readonly [number, number];
  /**
   * Draw a colour ramp with ticks under the image (at each value, for an image of 2 to 5 whole
   * numbers, such as a sign map or a mask, and at 0 on a diverging ramp). Default: `true`.
   */
  legend?: boolean;
  /** The label of the colour ramp, with units where there are any. Default: `"value"`. */
  valueLabel?: string;
  /**
   * The longer side of the image in pixels; the shorter follows from the matrix's shape (at
   * least 1 px). Default: `220` (`plotDefaults.imageSize`).
   */
  size?: number;
}

const PLOT_IMAGE_KEYS: OptionKeys<PlotImageOptions> = {
  document: true,
  title: true,
  subtitle: true,
  caption: true,
  colorScheme: true,
  domain: true,
  legend: true,
  valueLabel: true,
  size: "number",
};

/**
 * Draws a matrix as an image, one cell per element (row 0 at the top), with a colour ramp
 * drawn as marks underneath so it renders without a canvas. Every element must be finite: no
 * colour stands for NaN or ±Infinity, and a cell left out would show the white background,
 * which reads as the largest value in `"gray"`. Nothing beyond a given `domain` passes unsaid:
 * such cells are drawn at its ends, and a note above the image says how many, e.g. `"3 cells
 * beyond the domain [0, 1], drawn at its ends"`.
 *
 * @param image The matrix of finite values; element (i, j) is drawn at row i, column j.
 * @param options Colours, ramp and figure text; see {@linkcode PlotImageOptions}.
 * @returns An `<svg>` element, or a `<figure>` when there is a legend, title, subtitle or
 * caption, or cells beyond a given domain.
 *
 * @example
 * ```ts
 * import { fromRows, plotImage } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const figure = plotImage(fromRows([[0, 1], [1, 0]]), { title: "Checkerboard" });
 * assert.equal(figure.querySelector("h2")?.textContent, "Checkerboard");
 * assert.equal(figure.querySelectorAll("g[aria-description=image] rect").length, 4);
 *
 * // size sets the longer side (width and height are refused: the cells stay square).
 * const wide = plotImage(fromRows([[0, 1, 0, 1]]), { size: 100, legend: false });
 * assert.deepEqual([wide.getAttribute("width"), wide.getAttribute("height")], ["100", "25"]);
 * assert.throws(() => plotImage(fromRows([[0, NaN]])), {
 *   name: "RangeError",
 *   message:
 *     "Cannot plot an image as image row 0, column 1 must be a finite number (no colour stands for NaN or ±Infinity): image row 0, column 1=NaN",
 * });
 * ```
 */
export function plotImage(image: Matrix, options?: PlotImageOptions): FigureElement;
export function plotImage(
  image: Matrix,
  options: PlotImageOptions = {},
  extra?: unknown,
): FigureElement {
  const action = "plot an image";
  refuseTrailing(action, "plotImage", "image and options", "third", extra);
  refuseWidthHeight(action, options, "the image's");
  requireOptions(action, options, PLOT_IMAGE_KEYS);
  const text = figureText(action, options);
  const legend = requireFlag(action, "legend", options.legend, true);
  const document = resolveDocument(action, options);
  const parts = imageParts(action, "image", document, image, options);
  const figured = legend || hasText(text) || parts.note !== undefined;
  if (!figured) return parts.image;
  return composeFigure(document, {
    ...text,
    legends: parts.note === undefined ? [] : [swatches(document, [], parts.note)],
    charts: [panel(document, undefined, ...(legend ? [parts.image, parts.ramp] : [parts.image]))],
  });
}

/** One panel of {@linkcode plotImages}. */
export interface ImagePanel {
  /** The matrix to draw. */
  image: Matrix;
  /** The heading above the panel. Default: none. */
  title?: string;
  /** How values map to colours. Default: the figure's `colorScheme`. */
  colorScheme?: ImageColorScheme;
  /**
   * The values at the ends of the ramp; values beyond it are drawn at its ends, and counted in a
   * note above the panels. Default: the extent of this panel's matrix.
   */
  domain?: readonly [number, number];
  /** The label of this panel's colour ramp. Default: the figure's `valueLabel`. */
  valueLabel?: string;
}

const IMAGE_PANEL_KEYS: OptionKeys<ImagePanel> = {
  image: true,
  title: true,
  colorScheme: true,
  domain: true,
  valueLabel: true,
};

/**
 * Options for {@linkcode plotImages}. Not `width` and `height`, which the other plot helpers
 * take: an image's cells are square, so `size` alone sets each image.
 */
export interface PlotImagesOptions extends Omit<FigureOptions, "width" | "height"> {
  /** The colour scheme of panels that set none. Default: `"gray"`. */
  colorScheme?: ImageColorScheme;
  /** Draw a colour ramp under each panel. Default: `true`. */
  legend?: boolean;
  /** The label of the colour ramps. Default: `"value"`. */
  valueLabel?: string;
  /**
   * The longer side of each image in pixels; the shorter follows from its matrix's shape.
   * Default: `160`.
   */
  size?: number;
}

const PLOT_IMAGES_KEYS: OptionKeys<PlotImagesOptions> = {
  document: true,
  title: true,
  subtitle: true,
  caption: true,
  colorScheme: true,
  legend: true,
  valueLabel: true,
  size: "number",
};

/**
 * Draws several matrices side by side, each with its own heading, colours and ramp: a digit,
 * its edge map, and the edge map after ReLU and after Leaky ReLU, for example. Cells beyond a
 * panel's `domain` are counted in a note above the panels, by panel title (or `"panel 2"`).
 *
 * @param panels The panels, as `{ image, title, colorScheme }` objects or bare matrices; each
 *   image's elements finite, as for {@linkcode plotImage}.
 * @param options Shared colours, size and figure text; see {@linkcode PlotImagesOptions}.
 * @returns A `<figure>` holding the panels in a row (wrapping when too wide).
 *
 * @example
 * ```ts
 * import { fromRows, plotImages } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const edges = fromRows([[-1, 0], [0, 1]]);
 * const figure = plotImages([
 *   { image: edges, title: "edges", colorScheme: "diverging" },
 *   { image: fromRows([[0, 0], [0, 1]]), title: "after ReLU" },
 * ], { title: "Feature maps" });
 * assert.equal(figure.querySelectorAll("g[aria-description=image]").length, 2);
 * ```
 */
export function plotImages(
  panels: readonly (ImagePanel | Matrix)[],
  options?: PlotImagesOptions,
): FigureElement;
export function plotImages(
  panels: readonly (ImagePanel | Matrix)[],
  options: PlotImagesOptions = {},
  extra?: unknown,
): FigureElement {
  const action = "plot images";
  refuseTrailing(action, "plotImages", "panels and options", "third", extra);
  refuseWidthHeight(action, options, "each image's");
  requireOptions(action, options, PLOT_IMAGES_KEYS);
  const text = figureText(action, options);
  if (!Array.isArray(panels) || panels.length === 0) {
    arrayError(action, "panels", "a non-empty array of matrices or { image } panels", panels);
  }
  const legend = requireFlag(action, "legend", options.legend, true);
  const document = resolveDocument(action, options);
  const notes: string[] = [];
  const charts = panels.map((item, i) => {
    if (item === null || typeof item !== "object") {
      typeError(action, `panels[${i}]`, "a matrix or { image, title }", item);
    }
    const spec: ImagePanel = "image" in item
      ? requireOptions<ImagePanel>(action, item, IMAGE_PANEL_KEYS, `panels[${i}]`)
      : { image: item };
    if (spec.image === undefined) {
      typeError(action, `panels[${i}]`, "a matrix or { image, title }", item);
    }
    const parts = imageParts(action, `panels[${i}].image`, document, spec.image, {
      colorScheme: spec.colorScheme ?? options.colorScheme,
      domain: spec.domain,
      valueLabel: optionalText(action, `panels[${i}].valueLabel`, spec.valueLabel) ??
        options.valueLabel,
      size: options.size ?? 160,
    });
    const heading = optionalText(action, `panels[${i}].title`, spec.title);
    if (parts.note !== undefined) notes.push(`${heading ?? `panel ${i + 1}`}: ${parts.note}`);
    return panel(document, heading, ...(legend ? [parts.image, parts.ramp] : [parts.image]));
  });
  return composeFigure(document, {
    ...text,
    legends: notes.length === 0 ? [] : [swatches(document, [], notes.join("; "))],
    charts,
  });
}

interface ImageParts {
  image: FigureElement;
  ramp: FigureElement;
  /** How many cells lie beyond a given domain, drawn at its ends; none when no cell does. */
  note?: string;
}

/** The image and its ramp, for the matrix `image` (named `name` in messages). */
function imageParts(
  action: string,
  name: string,
  document: FigureDocument,
  image: Matrix,
  options: PlotImageOptions,
): ImageParts {
  requireMatrix(action, name, image);
  if (image.rows === 0 || image.cols === 0) {
    rangeError(action, name, "a non-empty matrix", `${image.rows}x${image.cols}`);
  }
  requireFiniteCells(
    action,
    name,
    image,
    "a finite number (no colour stands for NaN or ±Infinity)",
  );
  const scheme = options.colorScheme ?? "gray";
  if (typeof scheme !== "string") typeError(action, "colorScheme", "a string", scheme);
  if (scheme !== "gray" && scheme !== "ink" && scheme !== "diverging") {
    try {
      Plot.scale({ color: { type: "linear", domain: [0, 1], scheme: scheme as Plot.ColorScheme } });
    } catch {
      rangeError(
        action,
        "colorScheme",
        '"gray", "ink", "diverging" or a continuous Observable Plot scheme such as "viridis"',
        scheme,
      );
    }
  }
  const longSide = size(action, "size", options.size, plotDefaults.imageSize);
  // At least 1 px a side: a 1 x 1000 row at 220 px rounded to 0 px high, an invisible image (and
  // an SVG of no size, which toSvgString refused). Cells that thin are no longer square.
  const width = Math.max(
    1,
    Math.round(image.cols >= image.rows ? longSide : (longSide * image.cols) / image.rows),
  );
  const height = Math.max(
    1,
    Math.round(image.rows >= image.cols ? longSide : (longSide * image.rows) / image.cols),
  );
  const domain = colorDomain(action, name, image.data, scheme, options.domain);
  // A cell beyond a given domain is drawn at its nearer end (a diverging scale would otherwise
  // give it a colour the ramp does not show), and counted in the note.
  let beyond = 0;
  const data = image.data.map((v) => {
    if (v >= domain[0] && v <= domain[1]) return v;
    beyond++;
    return clampToDomain(v, domain);
  });
  const cells = cellRuns({ rows: image.rows, cols: image.cols, data });
  const note = beyond === 0 ? undefined : `${beyond} cell${beyond === 1 ? "" : "s"} beyond the ` +
    `domain [${domain.join(", ")}], drawn at its ends`;
  const color = colorScale(scheme, domain);
  const imageSvg = renderPlot(document, {
    width,
    height,
    margin: 1,
    x: { domain: [0, image.cols], axis: null },
    y: { domain: [0, image.rows], axis: null, reverse: true },
    color,
    marks: [
      Plot.rect(cells, {
        x1: "j1",
        x2: "j2",
        y1: "i",
        y2: (d: { i: number }) => d.i + 1,
        fill: "v",
        shapeRendering: "crispEdges",
        ariaDescription: "image",
      }),
      Plot.frame({ stroke: "#bbb" }),
    ],
  });
  // The ramp: 64 steps drawn as rects on the same colour scale, with a labelled value axis.
  const steps = 64;
  const ramp: { x1: number; x2: number; v: number }[] = [];
  for (let s = 0; s < steps; s++) {
    const x1 = domain[0] + ((domain[1] - domain[0]) * s) / steps;
    const x2 = domain[0] + ((domain[1] - domain[0]) * (s + 1)) / steps;
    ramp.push({ x1, x2, v: (x1 + x2) / 2 });
  }
  // The label sits a line below the tick values, clear of them (34 px: ticks, values, label), and
  // the side margins hold half of an end value such as "−1.0".
  const whole = wholeTicks(image.data, domain, scheme);
  const rampSvg = renderPlot(document, {
    width: Math.max(width, 140),
    height: 50,
    marginTop: 2,
    marginLeft: 16,
    marginRight: 16,
    marginBottom: 34,
    x: {
      domain,
      ticks: whole ?? 4,
      ...(whole ? { tickFormat: "d" } : {}),
      label: optionalText(action, "valueLabel", options.valueLabel) ?? "value",
      labelAnchor: "center",
      labelArrow: "none",
      tickSize: 4,
    },
    y: { domain: [0, 1], axis: null },
    color,
    marks: [
      Plot.rect(ramp, {
        x1: "x1",
        x2: "x2",
        y1: 0,
        y2: 1,
        fill: "v",
        shapeRendering: "crispEdges",
        ariaDescription: "ramp",
      }),
    ],
  });
  return { image: imageSvg, ramp: rampSvg, ...(note === undefined ? {} : { note }) };
}

/** At most this many whole values in an image get a tick each on its ramp. */
const WHOLE_TICKS = 5;

/**
 * The ramp's ticks for an image that holds only a few whole numbers within the ramp's domain (2
 * to {@linkcode WHOLE_TICKS} of them: a sign map's −1, 0 and 1, a mask's 0 and 1): those values
 * in order, and 0 on a diverging ramp, where its white is, should the image hold no zero.
 * `undefined` for any other image, whose ramp takes the scale's own ticks.
 */
function wholeTicks(
  data: Float64Array,
  domain: readonly [number, number],
  scheme: string,
): number[] | undefined {
  const values = new Set<number>();
  for (const v of data) {
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v) || v < domain[0] || v > domain[1]) return undefined;
    values.add(v + 0); // -0 as 0
    if (values.size > WHOLE_TICKS) return undefined;
  }
  if (values.size < 2) return undefined;
  if (scheme === "diverging" && domain[0] < 0 && domain[1] > 0) values.add(0);
  return [...values].sort((a, b) => a - b);
}

/** A run of cells of one value along row `i`, from column `j1` up to (not including) `j2`. */
interface CellRun {
  i: number;
  j1: number;
  j2: number;
  v: number;
}

/**
 * The cells of `image` as runs of equal values along each row, one rect each: the same picture,
 * far smaller markup for images with flat backgrounds (digits, maps after ReLU). The cells are
 * finite, checked before.
 */
function cellRuns(image: Matrix): CellRun[] {
  const { rows, cols, data } = image;
  const cells: CellRun[] = [];
  for (let i = 0; i < rows; i++) {
    let j1 = 0;
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j];
      if (j + 1 === cols || data[i * cols + j + 1] !== v) {
        cells.push({ i, j1, j2: j + 1, v });
        j1 = j + 1;
      }
    }
  }
  return cells;
}

/**
 * Refuses `width` and `height`, which the other plot helpers take, pointing to `size`: the cells
 * of an image are square, so the matrix's shape and one length set it (`whose`: "the image's").
 */
function refuseWidthHeight(action: string, options: unknown, whose: string): void {
  if (options === null || typeof options !== "object") return;
  for (const key of ["width", "height"]) {
    if (Object.hasOwn(options, key)) {
      typeError(
        action,
        key,
        `left out (size sets ${whose} longer side in pixels; the cells stay square)`,
        (options as Record<string, unknown>)[key],
      );
    }
  }
}

/**
 * The values at the ends of the colour ramp: `domain` when given, else from the data (`name`,
 * the matrix's name in messages), whose range must then be finite.
 */
function colorDomain(
  action: string,
  name: string,
  data: Float64Array,
  scheme: string,
  domain: readonly [number, number] | undefined,
): [number, number] {
  const given = optionalDomain(action, "domain", domain);
  if (given !== undefined) return given;
  let min = Infinity, max = -Infinity;
  for (const v of data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // Values such as ±1e308 are finite, but the ramp between them is not: no cell would be drawn.
  const span = scheme === "diverging" ? 2 * Math.max(Math.abs(min), Math.abs(max)) : max - min;
  if (!Number.isFinite(span)) {
    rangeError(
      action,
      `the value range of ${name}`,
      `finite (${
        scheme === "diverging" ? "twice the largest |value|" : "max - min"
      } overflows; pass a domain, or scale the values)`,
      [min, max],
    );
  }
  if (scheme === "diverging") {
    const m = Math.max(Math.abs(min), Math.abs(max)) || 1;
    return [-m, m];
  }
  return min === max ? [min - 0.5, max + 0.5] : [min, max];
}

function colorScale(scheme: string, domain: [number, number]): Plot.ScaleOptions {
  if (scheme === "gray") return { type: "linear", domain, range: ["black", "white"] };
  if (scheme === "ink") return { type: "linear", domain, range: ["white", "black"] };
  if (scheme === "diverging") {
    // Piecewise linear through pure white at 0 (the RdBu scheme's middle is a warm grey), so
    // exactly-zero outputs, such as ReLU's, read as blank.
    const m = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
    return {
      type: "linear",
      domain: [-m, -m / 2, 0, m / 2, m],
      range: ["#053061", "#4393c3", "#ffffff", "#d6604d", "#67001f"],
      clamp: true,
    };
  }
  return { type: "linear", domain, scheme: scheme as Plot.ColorScheme };
}
