/**
 * MIME bundles and the displayable objects that carry them to the Jupyter kernel.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { formatValue } from "../core/validate.ts";

/**
 * The key of the method the Deno Jupyter kernel calls to display a value richly:
 * `Symbol.for("Jupyter.display")`.
 *
 * @example
 * ```ts
 * import { jupyterDisplay } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(jupyterDisplay, Symbol.for("Jupyter.display"));
 * ```
 */
export const jupyterDisplay: unique symbol = Symbol.for("Jupyter.display");

/**
 * A Jupyter MIME bundle: one rendering of the same content per MIME type. Front ends pick the
 * richest they support (Notebook 6 and JupyterLab prefer `text/html`); `text/plain` is the
 * fallback every front end shows.
 */
export interface MimeBundle {
  /** The plain-text form, always present. */
  "text/plain": string;
  /** An HTML fragment (figures, tables, formulas as MathML). */
  "text/html"?: string;
  /** Markdown, with formulas as `$$...$$` (rendered by MathJax in Notebook 6). */
  "text/markdown"?: string;
  /** A standalone SVG document. */
  "image/svg+xml"?: string;
  /**
   * Any other MIME type: text, or for a JSON type (`application/json`, `…+json`) a JSON object
   * or array as the kernel sends it.
   */
  [mime: string]: string | object | undefined;
}

/**
 * A value the Deno Jupyter kernel displays richly: returned as a cell's value, it shows its
 * {@linkcode MimeBundle}. In a script, `console.log` prints its `text/plain` form.
 *
 * @example
 * ```ts
 * import { Displayable, jupyterDisplay } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const shown = new Displayable({ "text/plain": "hello", "text/html": "<b>hello</b>" });
 * assert.equal(shown[jupyterDisplay]()["text/html"], "<b>hello</b>");
 * assert.equal(String(shown), "hello");
 * ```
 */
export class Displayable {
  /** The MIME bundle shown by the kernel. */
  readonly bundle: MimeBundle;

  /**
   * Wraps a MIME bundle.
   *
   * @param bundle The bundle; it must have a `text/plain` string, and every other value must be
   *   a string (or, for a JSON type, a JSON object or array; `undefined` is left out by the kernel).
   */
  constructor(bundle: MimeBundle);
  constructor(bundle: MimeBundle, extra?: unknown) {
    refuseTrailing("create a Displayable", "Displayable", "bundle alone", "second", extra);
    if (bundle === null || typeof bundle !== "object" || typeof bundle["text/plain"] !== "string") {
      throw new TypeError(
        `Cannot create a Displayable as bundle must have a "text/plain" string: bundle=${
          formatValue(bundle)
        }`,
      );
    }
    for (const [mime, value] of Object.entries(bundle)) requireMimeValue(mime, value);
    this.bundle = bundle;
  }

  /**
   * The MIME bundle, for the Deno Jupyter kernel.
   *
   * @returns The bundle.
   */
  [jupyterDisplay](): MimeBundle {
    return this.bundle;
  }

  /**
   * The plain-text form.
   *
   * @returns The bundle's `text/plain`.
   */
  toString(): string {
    return this.bundle["text/plain"];
  }

  /**
   * Deno's inspector form (`console.log` in a script): the plain-text form.
   *
   * @returns The bundle's `text/plain`.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return this.bundle["text/plain"];
  }
}

/**
 * Throws a TypeError, naming the MIME type, unless `value` is something the kernel can send as
 * it: a string, a JSON object or array for a JSON type, or `undefined` (left out). A number or
 * an element would reach the front end as something it cannot show.
 */
function requireMimeValue(mime: string, value: unknown): void {
  if (value === undefined || typeof value === "string") return;
  const json = mime === "application/json" || mime.endsWith("+json");
  if (json && value !== null && typeof value === "object") return;
  const name = `bundle[${JSON.stringify(mime)}]`;
  throw new TypeError(
    `Cannot create a Displayable as ${name} must be a string${
      json ? " or a JSON object" : ""
    }: ${name}=${formatValue(value)}`,
  );
}
