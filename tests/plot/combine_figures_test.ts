import assert from "node:assert/strict";
import { fromRows, type Matrix } from "../../src/core/matrix.ts";
import {
  combineFigures,
  createDocument,
  type FigureElement,
  plotActivations,
  plotDecisionBoundary,
  plotLines,
} from "../../src/plot/mod.ts";
import { relu } from "./_fixtures.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

/** Class 1 where x1 + x2 > 0, as a probability. */
function linear(x: Matrix): Matrix {
  const data = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    data[i] = 1 / (1 + Math.exp(-(x.data[2 * i] + x.data[2 * i + 1])));
  }
  return { rows: x.rows, cols: 1, data };
}

const data = { x: fromRows([[-1, -1], [1, 1]]), y: new Int32Array([0, 1]) };

/** The style of each panel of a combined figure (the children of its row). */
function panelStyles(figure: FigureElement): string[] {
  const row = figure.querySelector("figure > div");
  assert.ok(row, "the parts sit in a row");
  return Array.from(row.querySelectorAll(":scope > div")).map((panel) =>
    panel.getAttribute("style") ?? ""
  );
}

/** The style of a combined figure's row (the element that holds the panels). */
function rowStyle(figure: FigureElement): string {
  return figure.querySelector("figure > div")?.getAttribute("style") ?? "";
}

Deno.test("combineFigures() sets parts drawn at one width on a grid of equal columns, each between 75% and 100% of that width", async (t) => {
  const document = createDocument();
  const boundary = (subtitle: string) =>
    plotDecisionBoundary(linear, data, { document, subtitle, width: 340, height: 300 });

  await t.step("two decision boundaries of 340 px: at most 2 × 340 + 12 px wide", () => {
    const both = combineFigures([boundary("linear"), boundary("ReLU")], { document });
    const style = rowStyle(both);
    assert.match(style, /display: grid;/);
    assert.match(
      style,
      /grid-template-columns: repeat\(auto-fit, minmax\(min\(100%, 255px\), 1fr\)\);/,
    );
    assert.match(style, /max-width: 692px;/);
    // Each panel at most 340 px: a column wider than that (one panel a line) does not stretch it.
    assert.deepEqual(panelStyles(both), Array(2).fill("min-width: 0; max-width: 340px;"));
  });

  await t.step(
    "five of them: the grid is as wide as five at most, and wraps into equal columns",
    () => {
      const five = combineFigures(["a", "b", "c", "d", "e"].map(boundary), { document });
      assert.match(rowStyle(five), /max-width: 1748px;/); // 5 × 340 + 4 × 12
      assert.equal(panelStyles(five).length, 5);
      assert.equal(five.querySelectorAll("g[aria-label=dot]").length, 5);
    },
  );

  await t.step("bare charts of 300 px", () => {
    const line = (name: string) => plotLines([{ name, x: [0, 1], y: [0, 1] }], { width: 300 });
    const document2 = createDocument();
    assert.equal(line("a").tagName.toLowerCase(), "svg");
    const style = rowStyle(combineFigures([line("a"), line("b")], { document: document2 }));
    assert.match(style, /minmax\(min\(100%, 225px\), 1fr\)/);
    assert.match(style, /max-width: 612px;/);
  });
});

Deno.test("combineFigures() caps each part drawn at its own width at that width, in a wrapping row", () => {
  const document = createDocument();
  const line = (width: number) =>
    plotLines([{ name: "a", x: [0, 1], y: [0, 1] }], { document, width });
  const figure = combineFigures([line(340), line(300)], { document });
  assert.match(rowStyle(figure), /display: flex; flex-wrap: wrap;/);
  const [a, b] = panelStyles(figure);
  assert.equal(a, "flex: 1 1 0; min-width: min(100%, 255px); max-width: 340px;");
  assert.equal(b, "flex: 1 1 0; min-width: min(100%, 225px); max-width: 300px;");
});

Deno.test("combineFigures() lines panels up at the bottom unless a part has something below its chart", () => {
  const document = createDocument();
  const line = (options: { caption?: string; series?: number } = {}) =>
    plotLines(
      Array.from(
        { length: options.series ?? 1 },
        (_, i) => ({ name: `s${i}`, x: [0, 1], y: [i, 1] }),
      ),
      { document, width: 300, caption: options.caption },
    );
  // A legend above one chart and not the other: their x axes stay level.
  assert.match(
    rowStyle(combineFigures([line({ series: 3 }), line()], { document })),
    /align-items: end;/,
  );
  // A caption below one chart: the panels line up at the top.
  assert.match(
    rowStyle(combineFigures([line({ caption: "below" }), line()], { document })),
    /align-items: start;/,
  );
});

Deno.test("combineFigures() drops a figure part's margin below, which would lift its chart above a bare chart's", () => {
  const document = createDocument();
  const bare = plotLines([{ name: "a", x: [0, 1], y: [0, 1] }], { document, width: 300 });
  const titled = plotLines([{ name: "b", x: [0, 1], y: [1, 0] }], {
    document,
    width: 300,
    title: "A figure",
  });
  assert.equal(titled.tagName.toLowerCase(), "figure");
  assert.match(titled.getAttribute("style") ?? "", /margin: 0 0 1em 0;/);
  combineFigures([bare, titled], { document });
  assert.match(titled.getAttribute("style") ?? "", /margin: 0 0 1em 0; .*margin-bottom: 0;$/);
  // A style without a closing semicolon is still well formed.
  const other = plotLines([{ name: "c", x: [0, 1], y: [1, 1] }], {
    document,
    width: 300,
    title: "C",
  });
  other.setAttribute("style", "color: red");
  combineFigures([
    other,
    plotLines([{ name: "d", x: [0, 1], y: [0, 0] }], { document, width: 300 }),
  ], {
    document,
  });
  assert.equal(other.getAttribute("style"), "color: red; margin-bottom: 0;");
});

Deno.test("combineFigures() lets a part with several charts keep its natural width", () => {
  const document = createDocument();
  const activations = plotActivations([relu], { document, width: 500 });
  const line = plotLines([{ name: "a", x: [0, 1], y: [0, 1] }], { document, width: 300 });
  const figure = combineFigures([activations, line], { document });
  const styles = panelStyles(figure);
  assert.equal(styles[0], "flex: 0 1 auto; min-width: 0;");
  assert.match(styles[1], /max-width: 300px/);
  // The part with several charts cannot say what is below its chart: top-aligned.
  assert.match(rowStyle(figure), /align-items: flex-start;/);
});

Deno.test("combineFigures() places a single figure as it is, under the title", () => {
  const document = createDocument();
  const line = plotLines([{ name: "a", x: [0, 1], y: [0, 1] }], { document, width: 300 });
  const figure = combineFigures([line], { document, title: "One", caption: "A caption" });
  assert.equal(figure.querySelector("h2")?.textContent, "One");
  assert.equal(figure.querySelector("figcaption")?.textContent, "A caption");
  assert.equal(figure.querySelectorAll("svg").length, 1);
});

Deno.test("combineFigures() rejects an empty list, and what is not a list", () => {
  const cases = [[[], "[]", "RangeError"], ["no", '"no"', "TypeError"]] as const;
  for (const [figures, seen, name] of cases) {
    assert.throws(() => combineFigures(figures as never), {
      name,
      message:
        `Cannot combine figures as figures must be a non-empty array of elements: figures=${seen}`,
    });
  }
});

Deno.test("combineFigures() names a part that is not an element, or lacks what an element has", () => {
  const parts: [unknown, string][] = [
    [1, "1"],
    [null, "null"],
    [{ tagName: "svg" }, '{ tagName: "svg" }'],
    [{ querySelectorAll() {} }, "{ querySelectorAll: function querySelectorAll }"],
  ];
  for (const [part, seen] of parts) {
    assert.throws(() => combineFigures([part, 2] as never), {
      name: "TypeError",
      message:
        `Cannot combine figures as figures[0] must be an element such as a plot helper returns: figures[0]=${seen}`,
    });
  }
});

Deno.test("combineFigures() refuses the same element twice, which would leave a panel empty", () => {
  const document = createDocument();
  const line = plotLines([{ name: "a", x: [0, 1], y: [0, 1] }], { document, width: 300 });
  assert.throws(() => combineFigures([line, line], { document }), {
    name: "RangeError",
    message:
      'Cannot combine figures as figures[1] must be an element other than figures[0] (the same one cannot be placed twice): figures[1]="<svg>"',
  });
});

Deno.test("combineFigures() refuses a width or height, which it would ignore", () => {
  const line = plotLines([{ name: "a", x: [0, 1], y: [0, 1] }]);
  for (const options of [{ width: 5 }, { height: NaN }]) {
    assert.throws(() => combineFigures([line], options as never), {
      name: "TypeError",
      message:
        `Cannot combine figures as options must have only the keys document, title, subtitle, caption: unknown key "${
          Object.keys(options)[0]
        }"`,
    });
  }
});

Deno.test("combineFigures() refuses a third argument, which would go unused", () => {
  assert.throws(
    () =>
      loose(lib.combineFigures)([lib.plotLines([{ name: "a", x: [0, 1], y: [0, 1] }])], {}, {
        title: "t",
      }),
    {
      name: "TypeError",
      message:
        'Cannot combine figures as combineFigures takes figures and options, no third argument: third={ title: "t" }',
    },
  );
});
