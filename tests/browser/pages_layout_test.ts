/**
 * The pages of the series as a reader sees them: each stored notebook in notebooks/ (with its
 * committed outputs, no kernel) is rendered by the runner into build/test-browser-pages/ and
 * loaded from disk by Debian's Chromium, on a wide screen (contents beside the text) and a
 * narrower one (contents above it). Nothing may be cut off or drawn over something else: no code
 * box, output, figure, table or formula scrolls sideways, no two labels of a figure overlap, and
 * none reaches past its figure's edge.
 */
/// <reference lib="dom" />
import assert from "node:assert/strict";
import { resolveNotebooks } from "../../src/runner/cli.ts";
import { renderNotebookHtml } from "../../src/runner/html.ts";
import { parseNotebook } from "../../src/runner/notebook.ts";
import { withBrowser } from "./_browser.ts";

const OUT = "build/test-browser-pages";
const SCREENS = [["wide", 1280], ["narrow", 1000]] as const;

/**
 * What a page shows badly: boxes that scroll sideways, labels drawn over one another, and labels
 * reaching past the edge of their figure.
 */
interface Faults {
  scrolling: string[];
  overlapping: string[];
  clipped: string[];
}

/**
 * Runs in the page. A box scrolls when its content is wider than the box; two labels overlap
 * when their boxes share more than 2 px each way (glyph boxes of neighbouring lines may touch);
 * a label is clipped when its box ends more than 1 px outside its figure's.
 */
function pageFaults(): Faults {
  const short = (text: string | null) => (text ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
  const scrolling = [
    ...document.querySelectorAll(
      "main pre, main .output.svg, main .table-scroll, main .katex-display",
    ),
  ].filter((box) => box.scrollWidth > box.clientWidth)
    .map((box) =>
      `${box.className} (${box.scrollWidth} > ${box.clientWidth} px): ${short(box.textContent)}`
    );
  const overlapping: string[] = [];
  const clipped: string[] = [];
  const figures = [...document.querySelectorAll("main svg")].filter((svg) =>
    svg.parentElement?.closest("svg") === null
  );
  figures.forEach((svg, index) => {
    const labels = [...svg.querySelectorAll("text, tspan")]
      .filter((node) => node.tagName === "tspan" || node.querySelector("tspan") === null)
      .map((node) => ({ text: short(node.textContent), box: node.getBoundingClientRect() }))
      .filter((label) => label.text !== "" && label.box.width > 0);
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i].box, b = labels[j].box;
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > 2 && down > 2) {
          overlapping.push(`svg ${index}: "${labels[i].text}" and "${labels[j].text}"`);
        }
      }
    }
    const frame = svg.getBoundingClientRect();
    for (const { text, box } of labels) {
      const outside = box.left < frame.left - 1 || box.right > frame.right + 1 ||
        box.top < frame.top - 1 || box.bottom > frame.bottom + 1;
      if (outside) clipped.push(`svg ${index}: "${text}"`);
    }
  });
  return { scrolling, overlapping, clipped };
}

Deno.test({
  name: "every page of the series shows its code, outputs and figures whole, nothing drawn over",
  // puppeteer keeps a WebSocket and timers of its own until the browser is gone.
  sanitizeResources: false,
  sanitizeOps: false,
}, async (t) => {
  await Deno.mkdir(OUT, { recursive: true });
  const dir = Deno.realPathSync(OUT);
  try {
    const pages: string[] = [];
    for (const path of await resolveNotebooks([])) {
      const notebook = parseNotebook(await Deno.readTextFile(path), path);
      const file = `${dir}/${path.replace(/^.*\//, "").replace(/\.ipynb$/, ".html")}`;
      await Deno.writeTextFile(file, await renderNotebookHtml(notebook));
      pages.push(file);
    }
    assert.equal(pages.length, 8);
    await withBrowser(async ({ browser }) => {
      const page = await browser.newPage();
      for (const file of pages) {
        await t.step(file.replace(/^.*\//, ""), async (t) => {
          for (const [screen, width] of SCREENS) {
            await t.step(`${screen} (${width} px)`, async () => {
              await page.setViewport({ width, height: 900 });
              await page.goto(`file://${file}`, { waitUntil: "load", timeout: 30_000 });
              const faults = await page.evaluate(pageFaults);
              assert.deepEqual(faults, { scrolling: [], overlapping: [], clipped: [] });
            });
          }
        });
      }
    });
  } finally {
    await Deno.remove(OUT, { recursive: true });
  }
});
