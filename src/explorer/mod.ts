/**
 * The live explorer: {@linkcode explore} returns a displayable whose page script is the
 * library's core bundled for the browser, so a reader moves alpha (or the learning rate, the
 * initial bias, the data set, ...) and watches the network train, its boundary move and its
 * neurons die or recover, with the numbers `train` computes in the kernel.
 *
 * @example
 * ```ts
 * import { explore, jupyterDisplay } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const html = explore({ alpha: 0.2 })[jupyterDisplay]()["text/html"] ?? "";
 * assert.match(html, /reluLabExplorer\.mount/);
 * ```
 *
 * @module
 */
export * from "./explore.ts";
