// toSvgString() lays a composed figure out as one SVG, reading the inline styles the plot helpers
// write. The positions below are worked out by hand from those styles (font sizes, margins in em,
// line height 1.3, baseline at 1.02 of the font size, character widths 0.56 and 0.6 of it).

import assert from "node:assert/strict";
import { DOMParser } from "linkedom";
import {
  combineFigures,
  createDocument,
  type FigureElement,
  plotDecisionBoundary,
  plotImages,
  plotLines,
  plotTrainingCurves,
  toSvgString,
} from "../../src/plot/mod.ts";

const document = createDocument();
const chart = (name: string, width = 300, height = 200) =>
  plotLines([{ name, x: [0, 1], y: [0, 1] }], { document, width, height });

/** The SVG's own size, and each top-level piece as [tag, x, y, text or ""] in drawing order. */
function pieces(figure: FigureElement) {
  const svg = toSvgString(figure);
  const size = /^<svg [^>]*width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/.exec(svg);
  assert.ok(size, "a sized root <svg>");
  assert.equal(size[1], size[3]);
  assert.equal(size[2], size[4]);
  const parsed = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = parsed.documentElement!;
  const placed = Array.from(root.children).slice(1).map((el) => [
    el.tagName,
    Number(el.getAttribute("x")),
    Number(el.getAttribute("y")),
    el.tagName === "text" ? el.textContent : "",
  ]);
  return { width: Number(size[1]), height: Number(size[2]), placed, root };
}

Deno.test("toSvgString() stacks title, subtitle, charts side by side and caption by their styles", () => {
  const figure = combineFigures([chart("a"), chart("b")], {
    document,
    title: "Two charts",
    subtitle: "side by side",
    caption: "A caption.",
  });
  const { width, height, placed, root } = pieces(figure);
  // Two 300 px charts and the row's 12 px gap; the figure's 1em bottom margin is dropped.
  assert.equal(width, 612);
  // Title 18 px: line 23.4, margin 0.2em = 3.6. Subtitle 13 px: line 16.9, margin 0.5em = 6.5.
  // Charts 200. Caption 12 px: margin-top 0.4em = 4.8, line 15.6. 27 + 23.4 + 200 + 20.4 = 270.8.
  assert.equal(height, 271);
  assert.deepEqual(placed, [
    ["text", 0, 18.4, "Two charts"], // baseline 1.02 × 18
    ["text", 0, 40.3, "side by side"], // 27 + 1.02 × 13
    ["svg", 0, 50.4, ""], // 27 + 23.4
    ["svg", 312, 50.4, ""], // 300 + 12
    ["text", 0, 267.4, "A caption."], // 250.4 + 4.8 + 1.02 × 12
  ]);
  const [title, subtitle, , , caption] = Array.from(root.children).slice(1);
  assert.equal(title.getAttribute("font-size"), "18");
  assert.equal(title.getAttribute("font-weight"), "600");
  assert.equal(subtitle.getAttribute("font-size"), "13");
  assert.equal(subtitle.getAttribute("font-weight"), null, "a 400 weight is not bold");
  assert.equal(subtitle.getAttribute("fill"), "#555");
  assert.equal(caption.getAttribute("font-size"), "12");
});

Deno.test("toSvgString() spaces three charts by two gaps and lines them up at the bottom", () => {
  const figure = combineFigures([chart("a", 200, 100), chart("b", 250, 100), chart("c", 150, 80)], {
    document,
  });
  const { width, height, placed } = pieces(figure);
  assert.equal(width, 624); // 200 + 250 + 150 and two gaps of 12
  assert.equal(height, 100); // the tallest chart
  // Nothing below any chart: the row lines them up at the bottom, so c starts 20 px lower.
  assert.deepEqual(placed, [["svg", 0, 0, ""], ["svg", 212, 0, ""], ["svg", 474, 20, ""]]);
});

Deno.test("toSvgString() lays charts of one width side by side, as the HTML's grid does", () => {
  const figure = combineFigures([chart("a", 200, 100), chart("b", 200, 80)], { document });
  assert.match(figure.outerHTML, /display: grid/);
  const { width, height, placed } = pieces(figure);
  assert.equal(width, 412);
  assert.equal(height, 100);
  assert.deepEqual(placed, [["svg", 0, 0, ""], ["svg", 212, 20, ""]]);
});

Deno.test("toSvgString() sets a legend's keys and names in a row, each name after its key", () => {
  const figure = plotLines([
    { name: "a", x: [0, 1], y: [0, 1] },
    { name: "bb", x: [0, 1], y: [1, 0] },
  ], { document, width: 300, height: 200 });
  const { width, height, placed } = pieces(figure);
  assert.equal(width, 300);
  // The legend: 2 px above, one 18 px row, 8 px below; then the chart.
  assert.equal(height, 228);
  assert.deepEqual(placed, [
    ["svg", 0, 5, ""], // 2 + (18 - 12) / 2
    ["text", 28, 15.2, "a"], // after the 22 px key and 6 px; 2 + 9 + 0.35 × 12
    ["svg", 50.7, 5, ""], // 28 + 1 × 0.56 × 12 + 16
    ["text", 78.7, 15.2, "bb"],
    ["svg", 0, 28, ""],
  ]);
});

Deno.test("toSvgString() centres a panel's heading over its chart", () => {
  const image = { rows: 2, cols: 2, data: new Float64Array([0, 1, 1, 0]) };
  const figure = plotImages([{ image, title: "left" }, { image, title: "right" }], {
    document,
    legend: false,
  });
  const { width, height, placed, root } = pieces(figure);
  assert.equal(width, 332); // two 160 px images and the 12 px gap
  assert.equal(height, 181); // heading 13 px: line 16.9 and 4 px below; the image 160
  assert.deepEqual(placed, [
    ["text", 80, 13.3, "left"], // the middle of the first panel
    ["svg", 0, 20.9, ""],
    ["text", 252, 13.3, "right"], // 172 + 160 / 2
    ["svg", 172, 20.9, ""],
  ]);
  assert.equal(root.children[1].getAttribute("text-anchor"), "middle");
});

Deno.test("toSvgString() writes each line of text as one <text> element and nothing between", () => {
  const svg = toSvgString(combineFigures([chart("a")], { document, title: "T", caption: "C" }));
  assert.match(
    svg,
    /<rect [^>]*\/><text x="0" y="18.4" font-size="18" font-weight="600" fill="#222">T<\/text><svg /,
  );
  assert.match(svg, /<\/svg><text x="0" y="[\d.]+" font-size="12" fill="#555">C<\/text><\/svg>$/);
});

Deno.test("toSvgString() wraps text at the characters that fit the figure's width", () => {
  // 612 px of bold 18 px text: 612 / (0.6 × 18) = 56.7, so 56 characters to a line.
  const first = ["abcdefgh", ...Array(6).fill("abcdefg")].join(" "); // exactly 56
  const second = Array(7).fill("abcdefg").join(" ") + " x"; // 57 with one more word
  assert.equal(first.length, 56);
  const figure = combineFigures([chart("a"), chart("b")], {
    document,
    title: `${first} ${second.slice(0, 55)} z`,
  });
  const lines = pieces(figure).placed.filter(([tag]) => tag === "text");
  assert.deepEqual(lines, [
    ["text", 0, 18.4, first],
    ["text", 0, 41.8, second.slice(0, 55)], // the next line, 23.4 lower
    ["text", 0, 65.2, "z"], // 55 + 1 + 1 = 57 characters would not fit
  ]);
});

Deno.test("toSvgString() keeps the figure as wide as its chart and wraps a wider legend into rows", () => {
  // Six keys of 22 px with their names and 16 px gaps need more than the 100 px chart: two
  // to a row (0 and 50.7; a third would start at 101.4), rows 18 px apart.
  const six = ["a", "b", "c", "d", "e", "f"].map((name) => ({ name, x: [0, 1], y: [0, 1] }));
  const { width, height, placed } = pieces(plotLines(six, { document, width: 100, height: 80 }));
  assert.equal(width, 100);
  assert.equal(height, 144); // 2 + 3 rows of 18 + 8, and the chart's 80
  const rows = [5, 23, 41];
  assert.deepEqual(placed, [
    ...["a", "b", "c", "d", "e", "f"].flatMap((name, i) => {
      const [x, y] = [i % 2 === 0 ? 0 : 50.7, rows[Math.floor(i / 2)]];
      return [["svg", x, y, ""], ["text", x + 28, y + 10.2, name]];
    }),
    ["svg", 0, 64, ""],
  ]);
});

Deno.test("toSvgString() gives a legend of one item its row", () => {
  const history = [{ epoch: 1, trainLoss: 1 }, { epoch: 2, trainLoss: 0.5 }];
  const figure = plotTrainingCurves([{ name: "only", history }], {
    document,
    width: 300,
    height: 200,
  });
  const { height, placed } = pieces(figure);
  assert.equal(height, 228);
  assert.deepEqual(placed, [["svg", 0, 5, ""], ["text", 28, 15.2, "only"], ["svg", 0, 28, ""]]);
});

Deno.test("toSvgString() sets a legend's note, which has no key, at the row's start, left-aligned", () => {
  const points = {
    x: { rows: 2, cols: 2, data: new Float64Array([-1, -1, 1, 1]) },
    y: new Int32Array([0, 1]),
  };
  const linear = (x: { rows: number; data: Float64Array }) => ({
    rows: x.rows,
    cols: 1,
    data: Float64Array.from({ length: x.rows }, (_, i) => x.data[2 * i] + x.data[2 * i + 1]),
  });
  const figure = plotDecisionBoundary(linear, points, { resolution: 4, width: 300, height: 200 });
  const { placed, root } = pieces(figure);
  assert.deepEqual(placed.slice(0, 6), [
    ["svg", 0, 5, ""],
    ["text", 28, 15.2, "class 0"],
    ["svg", 91, 5, ""], // 28 + 7 × 0.56 × 12 + 16
    ["text", 119, 15.2, "class 1"],
    // Too long for the rest of the row: the next row, from its start. At 52 characters of
    // 0.56 × 12 px it is wider than the 300 px figure too, so it wraps at 44 characters a line.
    ["text", 0, 33.2, "regions: predicted class, paler where less"],
    ["text", 0, 51.2, "confident"], // the next row, 18 px lower
  ]);
  for (const text of Array.from(root.children).filter((el) => el.tagName === "text")) {
    assert.equal(text.getAttribute("text-anchor"), null, "legend text starts at its x");
  }
  assert.equal(root.children[5].getAttribute("fill"), "#666");
});

Deno.test("toSvgString() sizes a chart by its viewBox when it has no width and height", () => {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 120 90");
  svg.setAttribute("class", "plot-d6a7b5");
  const { width, height } = pieces(combineFigures([svg], { document, title: "T" }));
  assert.equal(width, 120);
  assert.equal(height, 117); // 27 for the title, 90 for the chart
});

Deno.test("toSvgString() refuses a chart with no size, or a zero width or height", () => {
  for (const [w, h] of [[undefined, undefined], ["0", "10"], ["10", "0"]]) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    if (w !== undefined) svg.setAttribute("width", w);
    if (h !== undefined) svg.setAttribute("height", h);
    assert.throws(() => toSvgString(combineFigures([svg], { document, title: "T" })), {
      name: "TypeError",
      message: "Cannot lay out a figure as one SVG as an <svg> has no size",
    });
  }
  // One pixel each way is a size.
  const dot = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  dot.setAttribute("width", "1");
  dot.setAttribute("height", "1");
  assert.deepEqual(pieces(combineFigures([dot], { document, title: "T" })).width, 1);
});

/** Each <text> of a one-SVG figure as [x, right end, text], its width estimated as the layout does. */
function textExtents(root: ReturnType<typeof pieces>["root"]) {
  return Array.from(root.children).filter((el) => el.tagName === "text").map((el) => {
    const x = Number(el.getAttribute("x"));
    const size = Number(el.getAttribute("font-size"));
    const advance = size * (el.getAttribute("font-weight") === "600" ? 0.6 : 0.56);
    const width = (el.textContent ?? "").length * advance;
    const left = el.getAttribute("text-anchor") === "middle" ? x - width / 2 : x;
    return [left, left + width, el.textContent ?? ""] as const;
  });
}

Deno.test("toSvgString() wraps a training chart's long legend note within the figure, every word kept", () => {
  // Two runs of 5 seeds, one of which diverges: the note ends with the diverged seed, past 640 px
  // on one line (at about 874 px).
  const history = (scale: number, diverges: boolean) =>
    [1, 2, 3, 4].map((epoch) => ({
      epoch,
      trainLoss: diverges && epoch >= 3 ? NaN : scale / epoch,
    }));
  const seeds = (diverging: boolean) =>
    [1, 2, 3, 4, 5].map((s) => history(1 + s / 10, diverging && s === 1));
  const figure = plotTrainingCurves([
    { name: "ReLU", histories: seeds(true) },
    { name: "Leaky ReLU", histories: seeds(false) },
  ], { document });
  const { width, height, root } = pieces(figure);
  assert.equal(width, 640);
  const texts = textExtents(root);
  for (const [left, right, text] of texts) {
    assert.ok(left >= 0 && right <= width, `"${text}" from ${left} to ${right} px`);
  }
  const note = "line: mean over 5 seeds, 4 from epoch 3 (ReLU) and 5 seeds (Leaky ReLU); " +
    "shaded: min–max; ReLU: 1 of 5 seeds diverged from epoch 3";
  assert.ok(texts.map(([, , text]) => text).join(" ").includes(note));
  // Two rows of note below the row of keys: the legend is 3 rows of 18 px, the chart below it.
  assert.equal(height, 2 + 3 * 18 + 8 + 360);
});

Deno.test("toSvgString() wraps a series name too wide for the figure beside its key, the next key below", () => {
  // 100 px: the key and its 6 px take 28, leaving 72 / 6.72 = 10 characters a line.
  const figure = plotLines([
    { name: "a long series name", x: [0, 1], y: [0, 1] },
    { name: "b", x: [0, 1], y: [1, 0] },
  ], { document, width: 100, height: 80 });
  const { width, height, placed } = pieces(figure);
  assert.equal(width, 100);
  assert.equal(height, 2 + 4 * 18 + 8 + 80); // three rows for the wrapped name, one for "b"
  assert.deepEqual(placed, [
    ["svg", 0, 5, ""],
    ["text", 28, 15.2, "a long"],
    ["text", 28, 33.2, "series"], // each line a row, 18 px lower
    ["text", 28, 51.2, "name"],
    ["svg", 0, 59, ""], // "b" after the wrapped name's last row: 5 + 3 × 18
    ["text", 28, 69.2, "b"],
    ["svg", 0, 82, ""], // the chart, below the legend's four rows
  ]);
});
