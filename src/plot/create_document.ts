/**
 * The server-side document every plot helper draws through by default.
 *
 * @module
 */

// linkedom's one-file build (the package's `worker.js`: the same DOM, with a canvas shim the
// figures do not use). The main entry loads 125 files and its dependencies, a CommonJS canvas
// loader among them: with it, importing the whole relu-lab package took 0.47 to 0.53 s under
// `deno run` against 0.37 to 0.40 s with this build, and notebook 02's import cell in the Jupyter
// kernel 0.53 to 0.55 s against 0.49 to 0.53 s (alternating runs), with the same figures.
import { DOMParser } from "npm:linkedom@0.18.15/worker";
import { refuseTrailing } from "../core/_require.ts";
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
export function createDocument(): FigureDocument;
export function createDocument(extra?: unknown): FigureDocument {
  refuseTrailing("create a document", "createDocument", "no arguments", "first", extra);
  return new DOMParser().parseFromString(
    "<!DOCTYPE html><html><head></head><body></body></html>",
    "text/html",
  );
}
