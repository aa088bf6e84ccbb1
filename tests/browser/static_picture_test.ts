/**
 * The explorer's static picture (what a reader sees where its script does not run) as Chromium
 * draws it, in the fonts this machine has: no text reaches past the picture's edge, none is drawn
 * over another or over a chart, with the settings of the notebooks' explorers and with the
 * longest settings the explorer takes.
 */
/// <reference lib="dom" />
import assert from "node:assert/strict";
import { ExplorerSession } from "../../src/explorer/_session.ts";
import { type ExploreOptions, resolveExplorerSettings } from "../../src/explorer/_settings.ts";
import { staticPictureSvg } from "../../src/explorer/_static.ts";
import { LONGEST } from "../explorer/_longest_settings.ts";
import { withBrowser } from "./_browser.ts";

const PICTURES: [string, ExploreOptions][] = [
  ["the default settings", {}],
  ["notebook 04's settings (three layers, most neurons dead)", {
    alpha: 0.01,
    hidden: [16, 16, 16],
    biasInit: -3,
    learningRate: 0.01,
    optimizer: "adam",
    epochs: 60,
  }],
  ["the longest settings", LONGEST],
  ["the longest settings, with PReLU", { ...LONGEST, activation: "prelu", alpha: 1 }],
  ["ReLU, four layers", { ...LONGEST, activation: "relu", seed: 0 }],
];

/**
 * Runs in the page: texts that reach more than 1 px past the picture, pairs of texts whose boxes
 * share more than 2 px each way, and texts of the picture's own (heading, note, settings) that
 * reach more than 1 px into a chart.
 */
function pictureFaults(): string[] {
  const root = document.querySelector("body > svg")!;
  const frame = root.getBoundingClientRect();
  const charts = [...root.querySelectorAll(":scope > svg")].map((chart) => ({
    label: chart.getAttribute("aria-label"),
    box: chart.getBoundingClientRect(),
  }));
  const texts = [...root.querySelectorAll("text")].map((node) => ({
    text: node.textContent ?? "",
    own: node.closest("svg") === root,
    box: node.getBoundingClientRect(),
  })).filter((label) => label.text.trim() !== "");
  const shared = (a: DOMRect, b: DOMRect) => [
    Math.min(a.right, b.right) - Math.max(a.left, b.left),
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top),
  ];
  const faults: string[] = [];
  for (const { text, box } of texts) {
    if (
      box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 ||
      box.bottom > frame.bottom + 1
    ) {
      faults.push(`"${text}" reaches past the picture (${box.right} > ${frame.right})`);
    }
  }
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const [across, down] = shared(texts[i].box, texts[j].box);
      if (across > 2 && down > 2) faults.push(`"${texts[i].text}" over "${texts[j].text}"`);
    }
    if (!texts[i].own) continue;
    for (const chart of charts) {
      const [across, down] = shared(texts[i].box, chart.box);
      if (across > 1 && down > 1) faults.push(`"${texts[i].text}" over ${chart.label}`);
    }
  }
  return faults;
}

Deno.test({
  name: "the explorer's static picture shows every text whole, nothing drawn over",
  // puppeteer keeps a WebSocket and timers of its own until the browser is gone.
  sanitizeResources: false,
  sanitizeOps: false,
}, async (t) => {
  await withBrowser(async ({ browser }) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 800, height: 800 });
    for (const [name, options] of PICTURES) {
      await t.step(name, async () => {
        const svg = staticPictureSvg(new ExplorerSession(resolveExplorerSettings(options)));
        await page.setContent(`<!doctype html><body style="margin: 0">${svg}</body>`);
        const counts = await page.evaluate(() => ({
          charts: document.querySelectorAll("body > svg > svg").length,
          texts: [...document.querySelectorAll("body > svg text")]
            .filter((text) => text.closest("svg")!.parentElement === document.body).length,
        }));
        assert.equal(counts.charts, 4, "the four charts are there to check against");
        assert.ok(counts.texts >= 6, "and the heading, the note and the settings");
        assert.deepEqual(await page.evaluate(pictureFaults), []);
      });
    }
  });
});
