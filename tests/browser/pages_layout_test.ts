/**
 * The pages of the series as a reader sees them, rendered by the runner into
 * build/test-browser-pages/ (no kernel: each stored notebook with its committed outputs) and loaded
 * from disk by Debian's Chromium, on a wide screen (contents beside the text) and a narrower one
 * (contents above it), together with the index page. Nothing may be cut off or drawn over something
 * else: no page, code box, output, figure, table or formula scrolls sideways, no two labels of a
 * figure overlap, and none reaches past its figure's edge, also after 01's live explorer has
 * trained through a run whose loss blew up (tick labels of 5 characters and more, PReLU's note of
 * learned slopes). No two blocks of the reading column crowd each other: none closer than 6 px, and
 * an output nearer its own code than the page's closest two cells are to each other. A probe page
 * first shows that a code line as wide as the notebooks' `deno fmt` line width fits its box, and
 * that a wider one scrolls, so that the measure can see an overflow. Where things sit is checked on
 * 02, the longest page: the text column centred; on the wide screen the contents sidebar held at
 * the window's top as the page scrolls and the pager's first column at the text's left edge; on the
 * narrow one a closed contents list.
 */
/// <reference lib="dom" />
import assert from "node:assert/strict";
import config from "../../deno.json" with { type: "json" };
import { resolveNotebooks } from "../../src/runner/cli.ts";
import { type IndexEntry, renderIndexHtml, renderNotebookHtml } from "../../src/runner/html.ts";
import { type Notebook, parseNotebook } from "../../src/runner/notebook.ts";
import { seriesEntry } from "../../src/runner/series.ts";
import { withBrowser } from "./_browser.ts";
import { LONGEST } from "../explorer/_longest_settings.ts";

const OUT = "build/test-browser-pages";
const SCREENS = [["wide", 1280], ["narrow", 1000]] as const;
/** The notebooks' `deno fmt` line width, from deno.json: a code box shows such a line whole. */
const LINE_WIDTH = config.fmt.lineWidth;

/** A code line of `width` characters: a call with a string argument padded to that width. */
function codeLine(width: number): string {
  const head = 'console.log("';
  const tail = '");';
  return head + "x".repeat(width - head.length - tail.length) + tail;
}

/** The probe: one code cell with a line of the fmt width, one with a line 20 characters wider. */
const probe: Notebook = {
  cells: [
    { cell_type: "markdown", metadata: {}, source: "# Code width\n\n## A section" },
    ...[LINE_WIDTH, LINE_WIDTH + 20].map((width, index) => ({
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

/**
 * What a page shows badly (boxes that scroll sideways, labels drawn over one another, labels
 * reaching past the edge of their figure), and the layout it was measured in.
 */
interface Faults {
  layout: "wide" | "narrow";
  scrolling: string[];
  overlapping: string[];
  clipped: string[];
  crowded: string[];
}

/** The faults, and how many figures (top-level `svg`) and labels they were looked for in. */
interface Looked extends Faults {
  figures: number;
  labels: number;
}

/** The faults alone, for comparing with {@linkcode whole}. */
function faultsOf({ figures: _figures, labels: _labels, ...faults }: Looked): Faults {
  return faults;
}

/**
 * Runs in the page. A box scrolls when its content is wider than the box; two labels overlap
 * when their boxes share more than 2 px each way (glyph boxes of neighbouring lines may touch);
 * a label is clipped when its box ends more than 1 px outside its figure's. The layout is wide
 * when the contents sidebar shows.
 */
function pageFaults(): Looked {
  const short = (text: string | null) => (text ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
  const sidebar = document.querySelector("nav.toc.sidebar");
  const layout = sidebar !== null && getComputedStyle(sidebar).display !== "none"
    ? "wide"
    : "narrow";
  const scrolling = [
    ...document.querySelectorAll(
      "main pre, main .output.svg, main .table-scroll, main .katex-display",
    ),
  ].filter((box) => box.scrollWidth > box.clientWidth)
    .map((box) =>
      `${box.className} (${box.scrollWidth} > ${box.clientWidth} px): ${short(box.textContent)}`
    );
  const whole = document.scrollingElement!;
  if (whole.scrollWidth > whole.clientWidth) {
    scrolling.push(`the page (${whole.scrollWidth} > ${whole.clientWidth} px)`);
  }
  const overlapping: string[] = [];
  const clipped: string[] = [];
  const figures = [...document.querySelectorAll("main svg")].filter((svg) =>
    svg.parentElement?.closest("svg") === null
  );
  let labelCount = 0;
  figures.forEach((svg, index) => {
    const labels = [...svg.querySelectorAll("text, tspan")]
      .filter((node) => node.tagName === "tspan" || node.querySelector("tspan") === null)
      .map((node) => ({ text: short(node.textContent), box: node.getBoundingClientRect() }))
      .filter((label) => label.text !== "" && label.box.width > 0);
    labelCount += labels.length;
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
  /**
   * Runs in the page: the blocks of the reading column (a markdown cell's blocks, a code cell's
   * code box and each of its outputs), top to bottom, that sit too close: two blocks less than
   * 6 px apart (or drawn over each other), and a code cell whose parts lie farther apart than
   * the page's closest two cells, so that an output would read as the next cell's.
   */
  function crowding(): string[] {
    const named = (element: Element) =>
      `${element.className || element.tagName.toLowerCase()}: ${short(element.textContent)}`;
    const blocks = [...document.querySelectorAll("main .cell")].flatMap((cell) =>
      [...cell.querySelectorAll(
        cell.classList.contains("markdown") ? ":scope > *" : ":scope > .input, .output",
      )].map((block) => ({ block, cell, box: block.getBoundingClientRect() }))
    ).filter(({ box }) => box.height > 0);
    const gaps = blocks.slice(1).map((next, i) => ({
      above: blocks[i],
      next,
      gap: next.box.top - blocks[i].box.bottom,
    }));
    const betweenCells = Math.min(
      ...gaps.filter(({ above, next }) => above.cell !== next.cell).map(({ gap }) => gap),
    );
    return gaps.flatMap(({ above, next, gap }) => {
      const pair = `${named(above.block)} | ${named(next.block)} (${gap.toFixed(1)} px)`;
      if (gap < 6) return [`closer than 6 px: ${pair}`];
      if (
        above.cell === next.cell && next.block.classList.contains("output") && gap >= betweenCells
      ) {
        return [`as far as two cells (${betweenCells.toFixed(1)} px): ${pair}`];
      }
      return [];
    });
  }
  return {
    layout,
    scrolling,
    overlapping,
    clipped,
    crowded: crowding(),
    figures: figures.length,
    labels: labelCount,
  };
}

/**
 * Runs in the page: the reading column's margins, the left edges of the text and of the top
 * pager's first column, the collapsed contents list (shown, open), and, after scrolling halfway
 * down, the top of the contents sidebar and how far the page scrolled.
 */
function placement() {
  const width = document.documentElement.clientWidth;
  const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
  const column = box(".layout");
  const details = document.querySelector<HTMLDetailsElement>("details.toc")!;
  const seen = {
    margins: [Math.round(column.left), Math.round(width - column.right)],
    textLeft: Math.round(box("main").left),
    pagerLeft: Math.round(box(".pager.top .prev").left),
    list: { shown: getComputedStyle(details).display !== "none", open: details.open },
  };
  scrollTo(0, document.scrollingElement!.scrollHeight / 2);
  return {
    ...seen,
    scrolled: Math.round(scrollY),
    sidebarTop: Math.round(box("nav.toc.sidebar").top),
  };
}

/** The faults of a page shown whole in `layout`: none. */
function whole(layout: Faults["layout"]): Faults {
  return { layout, scrolling: [], overlapping: [], clipped: [], crowded: [] };
}

/**
 * Settings (over the rest of 01's) under which the explorer's loss reaches about 1e19 within its
 * 20 epochs without going non-finite, and PReLU's learned slopes spread far from their start.
 */
const BLOWN_UP = {
  activation: "prelu",
  alpha: 1,
  hidden: [32, 32, 32, 32],
  learningRate: 10,
  optimizer: "adam",
  dataset: "twoMoons",
  epochs: 20,
  seed: 0,
} as const;

/** The longest settings the explorer takes, for fewer epochs and points (a quick run). */
const LONGEST_RUN = { ...LONGEST, epochs: 9, n: 120 };

/**
 * Runs in the page: restarts the first explorer with `settings`, trains it epoch by epoch to
 * the end, waits for a frame, and returns its status, the loss chart's y tick labels and the
 * activation figure's note.
 */
async function playToTheEnd(settings: Record<string, unknown>) {
  const instance = [...globalThis.reluLabExplorer!.instances.values()][0];
  instance.update(settings);
  while (!instance.session.over) await instance.step();
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const lossTicks = [...instance.root.querySelectorAll(".rle-loss text[text-anchor=end]")]
    .map((node) => node.textContent ?? "");
  return {
    status: instance.session.status,
    lossTicks,
    widestLossTick: Math.max(...lossTicks.map((label) => label.length)),
    note: [...instance.root.querySelectorAll(".rle-activation text[font-size='11']")]
      .map((node) => node.textContent).join(" "),
  };
}

/** Renders `notebook` into `dir` as `name`.html and returns the page's path. */
async function renderPage(dir: string, name: string, notebook: Notebook): Promise<string> {
  const file = `${dir}/${name}.html`;
  await Deno.writeTextFile(file, await renderNotebookHtml(notebook));
  return file;
}

Deno.test({
  name: "every page of the series shows its code, outputs and figures whole, nothing drawn over",
  // puppeteer keeps a WebSocket and timers of its own until the browser is gone.
  sanitizeResources: false,
  sanitizeOps: false,
}, async (t) => {
  assert.equal(codeLine(LINE_WIDTH).length, LINE_WIDTH);
  await Deno.mkdir(OUT, { recursive: true });
  const dir = Deno.realPathSync(OUT);
  try {
    const probePage = await renderPage(dir, "code-width", probe);
    const pages: string[] = [];
    const entries: IndexEntry[] = [];
    for (const path of await resolveNotebooks([])) {
      const name = path.replace(/^.*\//, "").replace(/\.ipynb$/, "");
      const notebook = parseNotebook(await Deno.readTextFile(path), path);
      pages.push(await renderPage(dir, name, notebook));
      entries.push({ ...seriesEntry(name, notebook), status: "ok", seconds: 1 });
    }
    assert.equal(pages.length, 8);
    const index = `${dir}/index.html`;
    await Deno.writeTextFile(index, await renderIndexHtml(entries));
    await withBrowser(async ({ browser }) => {
      const page = await browser.newPage();
      const faultsAt = async (file: string, width: number) => {
        await page.setViewport({ width, height: 900 });
        await page.goto(`file://${file}`, { waitUntil: "load", timeout: 30_000 });
        return await page.evaluate(pageFaults);
      };
      await t.step(
        `a ${LINE_WIDTH}-character code line fits its box, a wider one scrolls`,
        async (t) => {
          for (const [screen, width] of SCREENS) {
            await t.step(`${screen} (${width} px)`, async () => {
              const faults = faultsOf(await faultsAt(probePage, width));
              assert.equal(faults.layout, screen, "the layout tested");
              assert.deepEqual(
                faults.scrolling.map((box) => /\/\/ (\d+) characters/.exec(box)?.[1]),
                [String(LINE_WIDTH + 20)],
                faults.scrolling.join("; "),
              );
            });
          }
        },
      );
      await t.step(
        "the text is centred; wide, the contents stay beside it as it scrolls; narrow, above it",
        async (t) => {
          const long = pages.find((file) => file.endsWith("/02-relu-advantages.html"))!;
          for (const [screen, width] of SCREENS) {
            await t.step(`${screen} (${width} px)`, async () => {
              assert.equal((await faultsAt(long, width)).layout, screen, "the layout tested");
              const seen = await page.evaluate(placement);
              const [left, right] = seen.margins;
              assert.ok(left > 16 && Math.abs(left - right) <= 1, `margins ${seen.margins}`);
              assert.ok(seen.scrolled > 2000, `scrolled ${seen.scrolled} px`);
              if (screen === "wide") {
                assert.equal(seen.sidebarTop, 0, "the sidebar sticks to the top of the window");
                assert.ok(Math.abs(seen.pagerLeft - seen.textLeft) <= 1, JSON.stringify(seen));
                assert.equal(seen.list.shown, false);
              } else {
                assert.deepEqual(seen.list, { shown: true, open: false });
              }
            });
          }
        },
      );
      for (const file of pages) {
        await t.step(file.replace(/^.*\//, ""), async (t) => {
          for (const [screen, width] of SCREENS) {
            await t.step(`${screen} (${width} px)`, async () => {
              const looked = await faultsAt(file, width);
              assert.deepEqual(faultsOf(looked), whole(screen));
              // Looked for in every figure the page holds: none missed, so none passed unseen.
              const html = await Deno.readTextFile(file);
              if (html.includes("<svg")) {
                assert.ok(looked.figures > 0 && looked.labels > 0, JSON.stringify(looked));
              }
            });
          }
        });
      }
      await t.step("index.html, the series' contents page", async (t) => {
        for (const [screen, width] of SCREENS) {
          await t.step(`${screen} (${width} px)`, async () => {
            // The index has no contents sidebar: both screens show it in the narrow layout.
            const faults = faultsOf(await faultsAt(index, width));
            assert.equal(
              await page.evaluate(() => document.querySelectorAll("ol.index li").length),
              8,
            );
            assert.deepEqual(faults, whole("narrow"));
          });
        }
      });
      const explorerPage = pages.find((file) => file.endsWith("/01-relu-overview.html"))!;
      /** Restarts 01's explorer with `settings`, plays it to the end, then looks for faults. */
      const afterRun = (
        what: string,
        settings: Record<string, unknown>,
        check: (run: Awaited<ReturnType<typeof playToTheEnd>>) => void = () => {},
      ) =>
        t.step(
          `${what} (${JSON.stringify(settings)}), 01's explorer shows its figures whole`,
          async (t) => {
            for (const [screen, width] of SCREENS) {
              await t.step(`${screen} (${width} px)`, async () => {
                await faultsAt(explorerPage, width);
                const run = await page.evaluate(playToTheEnd, settings);
                assert.equal(run.status, "done");
                check(run);
                const looked = await page.evaluate(pageFaults);
                assert.deepEqual(faultsOf(looked), whole(screen));
                assert.ok(looked.figures >= 4 && looked.labels > 0, JSON.stringify(looked));
              });
            }
          },
        );
      await afterRun("after a run that blew up", BLOWN_UP, (run) => {
        // What makes the run a test: loss tick labels wider than the usual margin holds, and
        // PReLU's two-line note of learned slopes.
        assert.ok(run.widestLossTick > 4, `loss ticks: ${run.lossTicks.join(", ")}`);
        assert.match(run.note, /^drawn at the initial slope; learned slopes now: mean -?\d/);
      });
      await afterRun("with the longest settings it takes", LONGEST_RUN);
    });
  } finally {
    await Deno.remove(OUT, { recursive: true });
  }
});
