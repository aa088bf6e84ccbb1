import assert from "node:assert/strict";
import { displayFigure, historyView, jupyterDisplay, show } from "../../src/display/mod.ts";
import {
  combineFigures,
  createDocument,
  type FigureElement,
  plotLines,
} from "../../src/plot/mod.ts";

const series = [{ name: "a", x: [0, 1, 2], y: [0, 1, 4] }];

Deno.test("displayFigure() gives a bare chart as SVG and HTML", () => {
  const bundle = displayFigure(plotLines(series))[jupyterDisplay]();
  assert.deepEqual(Object.keys(bundle).sort(), ["image/svg+xml", "text/html", "text/plain"]);
  assert.match(bundle["image/svg+xml"] ?? "", /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(bundle["image/svg+xml"] ?? "", /<path/);
});

Deno.test("displayFigure() gives a titled figure as HTML, as one SVG, and named by its title", () => {
  const bundle = displayFigure(plotLines(series, { title: "Squares" }))[jupyterDisplay]();
  assert.deepEqual(Object.keys(bundle).sort(), ["image/svg+xml", "text/html", "text/plain"]);
  assert.match(bundle["text/html"] ?? "", /^<figure/);
  assert.match(bundle["image/svg+xml"] ?? "", /^<svg xmlns=[^>]*><rect [^>]*fill="white"\/>/);
  assert.match(bundle["image/svg+xml"] ?? "", /<text [^>]*>Squares<\/text>/);
  assert.equal(bundle["text/plain"], "[figure: Squares]");
});

Deno.test("displayFigure() names a combined figure with no title by each panel's subtitle", () => {
  const part = (subtitle: string) => plotLines(series, { subtitle });
  const name = (figure: FigureElement) => displayFigure(figure)[jupyterDisplay]()["text/plain"];
  assert.equal(name(combineFigures([part("Part A"), part("Part B")])), "[figure: Part A; Part B]");
  assert.equal(
    name(combineFigures([part("Part A"), part("Part B")], { title: "Both" })),
    "[figure: Both]",
  );
  assert.equal(name(part("Alone")), "[figure: Alone]");
});

Deno.test("displayFigure() names a combined figure with no title by every panel's title", () => {
  const titled = (title: string) => plotLines(series, { title });
  const name = (figure: FigureElement) => displayFigure(figure)[jupyterDisplay]()["text/plain"];
  assert.equal(name(combineFigures([titled("A"), titled("B")])), "[figure: A; B]");
  // A panel with only a subtitle is named by it; a panel with neither adds nothing.
  const mixed = [titled("A"), plotLines(series, { subtitle: "B" }), plotLines(series)];
  assert.equal(name(combineFigures(mixed)), "[figure: A; B]");
  // A combined panel is named by its own title, not its panels'.
  const inner = combineFigures([titled("a"), titled("b")], { title: "Inner" });
  assert.equal(name(combineFigures([inner, titled("C")])), "[figure: Inner; C]");
});

Deno.test("displayFigure() rejects a value that is not an element, saying what it was", () => {
  const values: [unknown, string][] = [
    ["<svg/>", '"<svg/>"'],
    [null, "null"],
    [{ tagName: "svg" }, '{ tagName: "svg" }'], // no markup
    [{ outerHTML: "<svg/>" }, '{ outerHTML: "<svg/>" }'], // no tag name
    [{ outerHTML: "<svg/>", tagName: "svg" }, '{ outerHTML: "<svg/>", tagName: "svg" }'], // no methods
  ];
  for (const [value, seen] of values) {
    assert.throws(() => displayFigure(value as never), {
      name: "TypeError",
      message: `Cannot display a figure as it must be an <svg> or <figure> element: figure=${seen}`,
    });
  }
});

Deno.test("displayFigure() refuses an element other than <svg> or <figure>, naming its tag", () => {
  assert.throws(() => displayFigure(createDocument().createElement("div")), {
    name: "TypeError",
    message: "Cannot display a figure as it must be an <svg> or <figure> element: figure=<div>",
  });
});

Deno.test("an element other than a figure shows its markup as text when it is a cell's value", () => {
  const div = createDocument().createElement("div");
  div.textContent = "hello";
  assert.deepEqual(show(div).bundle, { "text/plain": "<div>hello</div>" });
  // The heading a notebook finds in a figure, as the kernel asks it for its bundle.
  const heading = plotLines(series, { title: "T" }).querySelector("h2")!;
  const bundle = (heading as unknown as Record<symbol, () => unknown>)[jupyterDisplay]();
  assert.deepEqual(bundle, { "text/plain": heading.outerHTML });
  assert.match(heading.outerHTML, /^<h2[^>]*>T<\/h2>$/);
});

Deno.test("show() picks the view that fits the value", async (t) => {
  await t.step("a figure shows as a figure", () => {
    assert.ok(show(plotLines(series))[jupyterDisplay]()["image/svg+xml"]);
  });
  await t.step("a value that displays itself keeps its bundle", () => {
    const own = { [jupyterDisplay]: () => ({ "text/plain": "own", "text/html": "<i>own</i>" }) };
    assert.equal(show(own)[jupyterDisplay]()["text/html"], "<i>own</i>");
  });
  await t.step("a string shows as itself", () => {
    assert.deepEqual(show("hi")[jupyterDisplay](), { "text/plain": "hi" });
  });
  await t.step("anything else shows as Deno.inspect prints it", () => {
    assert.equal(show({ a: 1 })[jupyterDisplay]()["text/plain"], "{ a: 1 }");
  });
  await t.step("a training history shows as curves", () => {
    const history = [{ epoch: 1, trainLoss: 1 }, { epoch: 2, trainLoss: 0.5 }];
    assert.match(show(history)[jupyterDisplay]()["text/html"] ?? "", /<svg/);
  });
});

Deno.test("show() prints a value that only looks like a figure, activation or history as plain text", () => {
  const f = (z: number) => z;
  const nearMisses: unknown[] = [
    null,
    { outerHTML: "<svg></svg>" }, // no tag name
    { tagName: "svg" }, // no markup
    { outerHTML: "<div></div>", tagName: "div" }, // neither <svg> nor <figure>
    { outerHTML: "<svg></svg>", tagName: "svg" }, // no querySelector: not an element
    { f, grad: f, latex: "z" }, // no gradLatex
    { f, grad: f, latex: "z", gradLatex: "1", name: "x" }, // no expression
    { f, grad: f, latex: "z", gradLatex: "1", expression: "z" }, // no name or label
    { f, grad: f, latex: "z", gradLatex: "1", expression: "z", label: 3 }, // a label not text
    { f, latex: "z", gradLatex: "1" }, // no grad
    { grad: f, latex: "z", gradLatex: "1" }, // no f
    { f, grad: f, gradLatex: "1" }, // no latex
    [], // no records
    [{ epoch: 1, trainLoss: 1 }, null], // a hole in the records
    [{ epoch: 1 }], // no loss
    [{ trainLoss: 1 }], // no epoch
  ];
  for (const value of nearMisses) {
    assert.deepEqual(
      show(value).bundle,
      { "text/plain": Deno.inspect(value) },
      Deno.inspect(value),
    );
  }
  // One record is a history already.
  const one = [{ epoch: 1, trainLoss: 1 }];
  assert.deepEqual(show(one).bundle, historyView(one).bundle);
});
