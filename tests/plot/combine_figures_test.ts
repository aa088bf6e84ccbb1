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

Deno.test("combineFigures() caps each panel at its chart's width so legends wrap", async (t) => {
  const document = createDocument();
  const boundary = (subtitle: string) =>
    plotDecisionBoundary(linear, data, { document, subtitle, width: 340, height: 300 });

  await t.step("two decision boundaries of 340 px", () => {
    const both = combineFigures([boundary("linear"), boundary("ReLU")], { document });
    const styles = panelStyles(both);
    assert.equal(styles.length, 2);
    for (const style of styles) {
      assert.match(style, /flex: 1 1 0/);
      assert.match(style, /max-width: 340px/);
      assert.match(style, /min-width: min\(100%, 255px\)/);
    }
  });

  await t.step("three decision boundaries of 340 px", () => {
    const three = combineFigures([boundary("a"), boundary("b"), boundary("c")], { document });
    const styles = panelStyles(three);
    assert.equal(styles.length, 3);
    // Each capped at its own 340 px, as two are: three in a row do not stretch wider.
    for (const style of styles) assert.match(style, /max-width: 340px/);
    assert.equal(three.querySelectorAll("g[aria-label=dot]").length, 3);
  });

  await t.step("a bare chart is capped at its own width", () => {
    const line = (name: string) => plotLines([{ name, x: [0, 1], y: [0, 1] }], { width: 300 });
    const document2 = createDocument();
    assert.equal(line("a").tagName.toLowerCase(), "svg");
    const styles = panelStyles(combineFigures([line("a"), line("b")], { document: document2 }));
    assert.ok(styles.every((style) => style.includes("max-width: 300px")));
  });
});

Deno.test("combineFigures() lets a part with several charts keep its natural width", () => {
  const document = createDocument();
  const activations = plotActivations([relu], { document, width: 500 });
  const line = plotLines([{ name: "a", x: [0, 1], y: [0, 1] }], { document, width: 300 });
  const styles = panelStyles(combineFigures([activations, line], { document }));
  assert.equal(styles[0], "flex: 0 1 auto; min-width: 0;");
  assert.match(styles[1], /max-width: 300px/);
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
  for (const [figures, seen] of [[[], "[]"], ["no", '"no"']] as const) {
    assert.throws(() => combineFigures(figures as never), {
      name: "TypeError",
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
