/**
 * The shapes shared by every plot helper: the figure element they return, the document they
 * draw through, and the options every helper accepts.
 *
 * @module
 */

import type * as Plot from "npm:@observablehq/plot@0.6.17";

/**
 * An Observable Plot mark as `Plot.plot` accepts it in `marks`: a mark such as `Plot.ruleY([0])`,
 * a render function, an array of these, or `null` or `undefined` (skipped). An alias of
 * Observable Plot's own `Markish`.
 */
export type Markish = Plot.Markish;

/**
 * The part of a DOM element that relu-lab's figures use. Both a browser element and a
 * [linkedom](https://github.com/WebReflection/linkedom) element fit it; figures are either an
 * `<svg>` (a bare chart) or a `<figure>` (a chart with a title, legend or caption).
 */
export interface FigureElement {
  /** The tag name: `"svg"` or `"FIGURE"` (compare lower-cased: linkedom spells `"SVG"`). */
  readonly tagName: string;
  /** The element and its children serialized as markup. */
  readonly outerHTML: string;
  /** The text content of the element and its descendants. */
  textContent: string | null;
  /** Returns the value of an attribute, or `null` when it is absent. */
  getAttribute(name: string): string | null;
  /** Sets the value of an attribute. */
  setAttribute(name: string, value: string): void;
  /** Appends nodes or strings as the last children. */
  append(...nodes: (FigureElement | string)[]): void;
  /** The first descendant matching a CSS selector, or `null`. */
  querySelector(selectors: string): FigureElement | null;
  /** Every descendant matching a CSS selector. */
  querySelectorAll(selectors: string): ArrayLike<FigureElement>;
}

/**
 * The part of a DOM document that the plot helpers draw through. Pass the browser's `document`
 * or one from {@linkcode createDocument}; Observable Plot builds every element with it.
 */
export interface FigureDocument {
  /** Creates an HTML element. */
  createElement(tagName: string, options?: unknown): FigureElement;
  /** Creates an element in a namespace (SVG elements). */
  createElementNS(
    namespace: string | null,
    qualifiedName: string,
    options?: unknown,
  ): FigureElement;
}

/**
 * Options every plot helper accepts; `plotImage` and `plotImages` take `size` in place of
 * `width` and `height`, their cells being square.
 */
export interface FigureOptions {
  /** The document to build elements with. Default: a fresh {@linkcode createDocument}. */
  document?: FigureDocument;
  /** A title above the chart (wraps the chart in a `<figure>`). Default: none. */
  title?: string;
  /** A subtitle under the title (wraps the chart in a `<figure>`). Default: none. */
  subtitle?: string;
  /** A caption below the chart (wraps the chart in a `<figure>`). Default: none. */
  caption?: string;
  /** The chart's width in pixels, at most 100000. Default: {@linkcode plotDefaults}`.width` (640). */
  width?: number;
  /** The chart's height in pixels, at most 100000. Default: depends on the helper (see its options). */
  height?: number;
}
