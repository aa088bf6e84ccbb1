/**
 * The server-side document every plot helper draws through by default.
 *
 * @module
 */

import { DOMParser } from "npm:linkedom@0.18.15";
import type { FigureDocument } from "./types.ts";

/**
 * Creates an empty HTML document (with [linkedom](https://github.com/WebReflection/linkedom)) to
 * render figures without a browser: in scripts, tests and the Jupyter kernel.
 *
 * @returns A new document; pass it as `{ document }` to render several figures with one.
 *
 * @example
 * ```ts
 * import { createDocument } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const document = createDocument();
 * assert.equal(document.createElement("figure").tagName, "FIGURE");
 * ```
 */
export function createDocument(): FigureDocument {
  return new DOMParser().parseFromString(
    "<!DOCTYPE html><html><head></head><body></body></html>",
    "text/html",
  );
}
