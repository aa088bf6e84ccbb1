/**
 * A rendered page's code boxes show a line as wide as the notebooks' `deno fmt` line width (100
 * characters) without a scroll bar, on a wide screen (contents beside the text) and a narrower one
 * (contents collapsed above it); a wider line still scrolls, so the measure can see an overflow.
 * The page is rendered from a notebook written here, with no kernel, and loaded from disk.
 */
/// <reference lib="dom" />
import assert from "node:assert/strict";
import { renderNotebookHtml } from "../../src/runner/html.ts";
import type { Notebook } from "../../src/runner/notebook.ts";
import { withBrowser } from "./_browser.ts";

const OUT = "build/test-browser-code-width";

/** A code line of `width` characters: a call with a string argument padded to that width. */
function codeLine(width: number): string {
  const head = 'console.log("';
  const tail = '");';
  return head + "x".repeat(width - head.length - tail.length) + tail;
}

const notebook: Notebook = {
  cells: [
    { cell_type: "markdown", metadata: {}, source: "# Code width\n\n## A section" },
    ...[100, 120].map((width, index) => ({
      cell_type: "code" as const,
      metadata: {},
      source: `// ${width} characters\n${codeLine(width)}\n`,
      execution_count: index + 1,
      outputs: [],
    })),
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
};

Deno.test({
  name:
    "a page's code box shows a 100-character line without scrolling, on wide and narrow screens",
  // puppeteer keeps a WebSocket and timers of its own until the browser is gone.
  sanitizeResources: false,
  sanitizeOps: false,
}, async (t) => {
  assert.equal(codeLine(100).length, 100);
  await Deno.mkdir(OUT, { recursive: true });
  const file = `${Deno.realPathSync(OUT)}/code-width.html`;
  try {
    await Deno.writeTextFile(file, await renderNotebookHtml(notebook));
    await withBrowser(async ({ browser }) => {
      const page = await browser.newPage();
      for (const [screen, width] of [["wide", 1280], ["narrow", 1000]] as const) {
        await t.step(`${screen} (${width} px)`, async () => {
          await page.setViewport({ width, height: 900 });
          await page.goto(`file://${file}`, { waitUntil: "load", timeout: 30_000 });
          const boxes = await page.evaluate(() =>
            [...document.querySelectorAll("pre.source")].map((pre) => ({
              text: pre.textContent ?? "",
              scrolls: pre.scrollWidth > pre.clientWidth,
              width: pre.clientWidth,
            }))
          );
          const sidebar = await page.$eval(
            "nav.toc.sidebar",
            (nav) => getComputedStyle(nav).display,
          );
          assert.equal(sidebar === "none" ? "narrow" : "wide", screen, "the layout tested");
          assert.deepEqual(
            boxes.map((box) => [box.text.split("\n")[0], box.scrolls]),
            [["// 100 characters", false], ["// 120 characters", true]],
            `code boxes ${boxes.map((box) => box.width).join(", ")} px wide`,
          );
        });
      }
    });
  } finally {
    await Deno.remove(OUT, { recursive: true });
  }
});
