/**
 * `explore`: a live explorer of one small network's training, displayed by a notebook cell.
 *
 * @module
 */

import { Displayable } from "../display/displayable.ts";
import { refuseTrailing } from "../core/_require.ts";
import { EXPLORER_SCRIPT } from "./_bundle.ts";
import { escapeText } from "./_charts.ts";
import { ExplorerSession } from "./_session.ts";
import { type ExploreOptions, resolveExplorerSettings } from "./_settings.ts";
import { describeSettings, STATIC_WIDTH, staticPictureSvg } from "./_static.ts";
import { toBase64 } from "./_png.ts";

export type {
  ExploreOptions,
  ExplorerActivationName,
  ExplorerDatasetName,
  ExplorerOptimizerName,
} from "./_settings.ts";

/** Explorers displayed by this process, numbering their containers (deterministic per run). */
let displayed = 0;

/**
 * A live explorer: a small network (2 inputs, the hidden layers, 2 outputs) training on a 2-D
 * data set, with controls for the activation, alpha, learning rate, optimizer, initial bias,
 * hidden layers and width, data set, noise and seed; play, pause, one step and reset; and views
 * updated every epoch: the activation with its derivative, the decision boundary over the data,
 * loss and accuracy over epochs, the dead fraction per hidden layer, and every hidden neuron's
 * output over the plane with dead ones marked.
 *
 * Shown as a cell's value, it displays as HTML whose script is the library itself, bundled for
 * the browser: the page builds the data with the generator named by `dataset`, splits it with
 * `trainTestSplit`, builds the model with `mlp` and trains it with `trainAsync`, one epoch per
 * frame, so for the same options and seed its numbers are those of `train` in the kernel (the
 * page shows the code of the run). A change of control restarts the run from its seed. Where the
 * script does not run (GitHub, a notebook not yet trusted), the output shows a static picture of
 * the initial state and says that it is live when run. The module itself needs no permission:
 * the script is generated ahead of time (`deno task bundle`).
 *
 * @param options The starting state, usually the notebook's parameters; unknown keys throw a
 *   `TypeError` naming them, values of the wrong kind a `TypeError`, out of range a `RangeError`.
 * @returns The displayable explorer: `text/html` (live), `image/svg+xml` (its initial state, for
 *   front ends without HTML) and `text/plain` saying what it is.
 *
 * @example
 * ```ts
 * import { explore, jupyterDisplay } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const bundle = explore({ activation: "leakyRelu", alpha: 0.1, biasInit: -2, seed: 1 })[jupyterDisplay]();
 * assert.match(bundle["text/plain"], /live when run/);
 * assert.match(bundle["image/svg+xml"] ?? "", /^<svg/);
 * assert.match(bundle["text/html"] ?? "", /<script>/);
 * assert.match(bundle["text/html"] ?? "", /"alpha":0\.1/);
 * assert.throws(() => explore({ alpah: 0.1 } as never), /"alpah" is not an option/);
 * assert.throws(() => explore({ alpha: -1 }), RangeError);
 * ```
 */
export function explore(options?: ExploreOptions): Displayable;
export function explore(options: ExploreOptions = {}, extra?: unknown): Displayable {
  refuseTrailing("explore", "it", "options alone", "second", extra);
  const settings = resolveExplorerSettings(options);
  const session = new ExplorerSession(settings);
  const id = `relu-lab-explorer-${++displayed}`;
  const what = describeSettings(settings);
  const svg = staticPictureSvg(session);
  const picture = toBase64(new TextEncoder().encode(svg));
  const html = `<div class="relu-lab-explorer" id="${id}">` +
    `<style>${EXPLORER_CSS}</style>` +
    `<div class="rle-static"><p class="rle-note"><strong>Live explorer</strong> (${
      escapeText(what)
    }): it trains in the page when this cell is run in Jupyter Notebook, and in the pages ` +
    `<code>deno task notebooks</code> renders. Shown here: its initial state.</p>` +
    `<img src="data:image/svg+xml;base64,${picture}" width="${STATIC_WIDTH}" ` +
    `alt="The explorer's initial state: ${escapeText(what)}"></div></div>` +
    `<script>${EXPLORER_SCRIPT}\nreluLabExplorer.mount(${JSON.stringify(id)}, ${
      JSON.stringify(settings)
    });</script>`;
  return new Displayable({
    "text/plain": `[relu-lab explorer: ${what}; live when run in Jupyter Notebook or in the ` +
      `rendered page, otherwise a static picture of its initial state]`,
    "text/html": html,
    // For front ends that drop HTML (and GitHub's viewer): the static picture on its own.
    "image/svg+xml": svg,
  });
}

/** The explorer's stylesheet, scoped to its container. */
const EXPLORER_CSS = `
.relu-lab-explorer { container-type: inline-size; font: 14px/1.45 system-ui, -apple-system,
  "Segoe UI", sans-serif; color: #1d1d1f; max-width: 1180px; margin: 0.3em 0; }
.relu-lab-explorer * { box-sizing: border-box; }
.relu-lab-explorer img { max-width: 100%; height: auto; }
.relu-lab-explorer .rle-note { margin: 0 0 0.4em; }
.relu-lab-explorer .rle-controls { display: grid; gap: 0.5em 1.2em; margin: 0 0 0.6em;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 11.5em), 1fr)); }
.relu-lab-explorer .rle-control { display: flex; flex-direction: column; gap: 0.15em; min-width: 0; }
.relu-lab-explorer .rle-control label { display: flex; justify-content: space-between; gap: 0.5em;
  font-size: 13px; font-weight: 600; margin: 0; }
.relu-lab-explorer output { font-weight: 400; font-variant-numeric: tabular-nums; }
.relu-lab-explorer input[type=range] { width: 100%; margin: 0.2em 0; accent-color: #4269d0; }
.relu-lab-explorer select, .relu-lab-explorer input[type=number] { font: inherit; padding: 0.15em 0.3em;
  width: 100%; border: 1px solid #8a8f98; border-radius: 4px; background: white; color: inherit; }
.relu-lab-explorer .rle-buttons { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }
.relu-lab-explorer button { font: inherit; font-weight: 600; padding: 0.3em 0.9em; cursor: pointer;
  border: 1px solid #8a8f98; border-radius: 6px; background: #f6f8fa; color: inherit; }
.relu-lab-explorer button[aria-pressed=true] { background: #e4ecfb; border-color: #4269d0; }
.relu-lab-explorer button:disabled { opacity: 0.5; cursor: default; }
.relu-lab-explorer :focus-visible { outline: 2px solid #4269d0; outline-offset: 2px; }
.relu-lab-explorer .rle-hint { color: #5f6368; font-size: 12.5px; }
.relu-lab-explorer .rle-hint.rle-refused { color: #b3261e; }
.relu-lab-explorer .rle-status { margin: 0.5em 0; font-variant-numeric: tabular-nums; min-height: 2.9em; }
.relu-lab-explorer .rle-views-note { margin: 0 0 0.5em; color: #b3261e; font-weight: 600; }
.relu-lab-explorer .rle-announce { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.relu-lab-explorer .rle-views { display: grid; gap: 0.8em 1.2em;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 21em), 1fr)); }
.relu-lab-explorer figure { margin: 0; min-width: 0; }
.relu-lab-explorer .rle-views svg { width: 100%; height: auto; display: block; }
.relu-lab-explorer figcaption { font-size: 12.5px; color: #5f6368; margin-top: 0.2em; }
.relu-lab-explorer .rle-neurons-title { font-weight: 600; font-size: 13.5px; margin: 0.2em 0 0.4em; }
.relu-lab-explorer .rle-boundary { position: relative; }
.relu-lab-explorer .rle-shading { position: absolute; display: block; }
.relu-lab-explorer .rle-boundary svg { position: relative; will-change: transform; }
.relu-lab-explorer canvas.rle-neurons { display: block; width: 100%; max-width: 442px; height: auto; }
.relu-lab-explorer .rle-dead-list { font-size: 12.5px; margin: 0.3em 0 0; }
.relu-lab-explorer .rle-details { margin-top: 0.6em; }
.relu-lab-explorer .rle-details summary { cursor: pointer; font-weight: 600; }
.relu-lab-explorer pre.rle-code { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12.5px;
  background: #f6f8fa; border: 1px solid #e1e4e8; border-radius: 6px; padding: 0.5em 0.7em; }
`;
