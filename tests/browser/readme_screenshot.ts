/**
 * Retakes the README's picture of the live explorer, `notebooks/figures/explorer.png`: the explorer
 * with the settings the README's caption names (Leaky ReLU at α = 0.1, two layers of 16, biases
 * starting at -2, Adam at 0.01, two moons at noise 0.1, seed 0), stepped to epoch 67, in Debian's
 * Chromium at 1180 × 1050. Run it after a change to how the explorer looks: `deno task screenshot`.
 * The picture is written beside its place and moved there once complete.
 *
 * @module
 */
import { explore, jupyterDisplay } from "../../src/mod.ts";
import { loadExplorers, withBrowser } from "./_browser.ts";

const OUT = "notebooks/figures/explorer.png";
const EPOCHS_SHOWN = 67;

const html = explore({
  activation: "leakyRelu",
  alpha: 0.1,
  learningRate: 0.01,
  optimizer: "adam",
  biasInit: -2,
  hidden: [16, 16],
  dataset: "twoMoons",
  noise: 0.1,
  seed: 0,
  epochs: 200,
})[jupyterDisplay]()["text/html"]!;

const partial = `${OUT}.partial.png`;
await withBrowser(async ({ browser }) => {
  const page = await browser.newPage();
  await page.setViewport({ width: 1180, height: 1050 });
  const [id] = await loadExplorers(page, html);
  for (let epoch = 0; epoch < EPOCHS_SHOWN; epoch++) {
    await page.evaluate((key) => globalThis.reluLabExplorer!.instances.get(key)!.step(), id);
  }
  const status = await page.$eval(".rle-status", (e) => e.textContent ?? "");
  if (!status.startsWith(`Epoch ${EPOCHS_SHOWN} of 200`)) {
    throw new Error(`the explorer did not reach epoch ${EPOCHS_SHOWN}: ${status}`);
  }
  await page.screenshot({ path: partial });
  console.log(status);
});
await Deno.rename(partial, OUT);
console.log(`wrote ${OUT}`);
