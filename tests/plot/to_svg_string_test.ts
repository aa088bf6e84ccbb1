import assert from "node:assert/strict";
import { DOMParser } from "linkedom";
import {
  combineFigures,
  createDocument,
  escapeHtml,
  plotLines,
  toHtmlString,
  toSvgString,
} from "../../src/plot/mod.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

const series = [{ name: "a", x: [0, 1], y: [0, 1] }];

Deno.test("toSvgString() adds the SVG namespace that files need", () => {
  const text = toSvgString(plotLines(series));
  assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.equal(text.match(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)?.length, 1);
});

Deno.test("toSvgString() lays out a titled figure as one SVG document", () => {
  const text = toSvgString(plotLines(series, { title: "T & U", caption: "A caption." }));
  const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
  assert.equal(svg.tagName.toLowerCase(), "svg");
  assert.equal(svg.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  const texts = Array.from(svg.children).filter((child) => child.tagName === "text");
  assert.deepEqual(texts.map((text) => text.textContent), ["T & U", "A caption."]);
  const charts = Array.from(svg.children).filter((child) => child.tagName === "svg");
  assert.equal(charts.length, 1);
  // The chart sits below the title and above the caption, and the document holds all three.
  const chartTop = Number(charts[0].getAttribute("y"));
  assert.ok(Number(texts[0].getAttribute("y")) < chartTop);
  assert.ok(
    Number(texts[1].getAttribute("y")) > chartTop + Number(charts[0].getAttribute("height")),
  );
  assert.ok(Number(svg.getAttribute("height")) >= Number(texts[1].getAttribute("y")));
});

Deno.test("toSvgString() refuses a figure holding what SVG cannot lay out", () => {
  const document = createDocument();
  const figure = combineFigures([plotLines(series, { document })], { document, title: "T" });
  const table = document.createElement("table");
  const row = document.createElement("tr");
  row.append(document.createElement("td"));
  table.append(row);
  figure.append(table);
  assert.throws(() => toSvgString(figure), { name: "TypeError", message: /<table>/ });
});

Deno.test("toHtmlString() wraps a figure in a page titled by its heading when standalone", () => {
  const page = toHtmlString(plotLines(series, { title: "A & B" }), { standalone: true });
  assert.match(page, /^<!DOCTYPE html>/);
  assert.match(page, /<title>A &amp; B<\/title>/);
  assert.match(page, /<meta charset="utf-8">/);
});

Deno.test("escapeHtml() escapes markup characters", () => {
  assert.equal(escapeHtml(`<a href="x">&</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
});

Deno.test("combineFigures() puts figures side by side under one title", () => {
  const document = createDocument();
  const both = combineFigures([
    plotLines(series, { document }),
    plotLines(series, { document }),
  ], { document, title: "Both", caption: "Two." });
  assert.equal(both.querySelectorAll("svg").length, 2);
  assert.equal(both.querySelector("h2")?.textContent, "Both");
  assert.equal(both.querySelector("figcaption")?.textContent, "Two.");
  assert.throws(() => combineFigures([]), RangeError);
});

Deno.test("toSvgString() keeps an SVG namespace already set, wherever it stands, and adds none", () => {
  const document = createDocument();
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("width", "3");
  const markup = toSvgString(svg);
  assert.match(markup, /^<svg width="3" xmlns=/, "an attribute before the namespace");
  assert.equal(markup.match(/xmlns=/g)?.length, 1, "one namespace, or the file is not XML");
  assert.equal(markup, svg.outerHTML);
});

Deno.test("toSvgString() and toHtmlString() say what they were given when it is not an element", () => {
  for (const [value, seen] of [[null, "null"], [{}, "{}"], [5, "5"]] as const) {
    assert.throws(() => toSvgString(value as never), {
      name: "TypeError",
      message: `Cannot serialize a figure as SVG as it must be an element: svg=${seen}`,
    });
    assert.throws(() => toHtmlString(value as never), {
      name: "TypeError",
      message: `Cannot serialize a figure as HTML as it must be an element: figure=${seen}`,
    });
  }
  // A tag name alone is not an element with markup.
  assert.throws(() => toHtmlString({ tagName: "p" } as never), {
    name: "TypeError",
    message: 'Cannot serialize a figure as HTML as it must be an element: figure={ tagName: "p" }',
  });
});

Deno.test("toHtmlString() titles a standalone page by pageTitle before the heading", () => {
  const figure = plotLines(series, { title: "Heading" });
  const page = toHtmlString(figure, { standalone: true, pageTitle: "P < Q" });
  assert.match(page, /<title>P &lt; Q<\/title>/);
  assert.match(
    toHtmlString(plotLines(series), { standalone: true }),
    /<title>relu-lab figure<\/title>/,
  );
  assert.throws(() => toHtmlString(figure, { standalone: true, pageTitle: 5 as never }), {
    name: "TypeError",
    message: "Cannot render a figure to HTML as pageTitle must be a string: pageTitle=5",
  });
});

Deno.test("toHtmlString() checks pageTitle without standalone too, and refuses it there", () => {
  const figure = plotLines(series, { title: "Heading" });
  assert.throws(() => toHtmlString(figure, { pageTitle: 5 as never }), {
    name: "TypeError",
    message: "Cannot render a figure to HTML as pageTitle must be a string: pageTitle=5",
  });
  assert.throws(() => toHtmlString(figure, { pageTitle: "Page" }), {
    name: "TypeError",
    message: "Cannot render a figure to HTML as pageTitle titles a page, so it needs standalone: " +
      'true: pageTitle="Page", standalone=undefined',
  });
  assert.throws(() => toHtmlString(figure, { standalone: false, pageTitle: "Page" }), {
    name: "TypeError",
    message: /pageTitle="Page", standalone=false$/,
  });
  assert.equal(toHtmlString(figure, { standalone: false }), figure.outerHTML);
});

Deno.test("toHtmlString() refuses a standalone that is not a boolean", () => {
  assert.throws(() => toHtmlString(plotLines(series), { standalone: "no" as never }), {
    name: "TypeError",
    message: 'Cannot render a figure to HTML as standalone must be true or false: standalone="no"',
  });
});

Deno.test("createDocument(), escapeHtml(), toSvgString() and toHtmlString() refuse an argument past their last, which would go unused", async (t) => {
  const figure = lib.plotLines([{ name: "a", x: [0, 1], y: [0, 1] }]);
  const cases: [string, () => unknown, string][] = [
    [
      "createDocument",
      () => loose(lib.createDocument)("<p>a</p>"),
      'Cannot create a document as createDocument takes no arguments, no first argument: first="<p>a</p>"',
    ],
    [
      "escapeHtml",
      () => loose(lib.escapeHtml)("<a>", { quotes: false }),
      "Cannot escape HTML as escapeHtml takes text alone, no second argument: second={ quotes: false }",
    ],
    [
      "toSvgString",
      () => loose(lib.toSvgString)(figure, { standalone: true }),
      "Cannot serialize a figure as SVG as toSvgString takes svg alone, no second argument: second={ standalone: true }",
    ],
    [
      "toHtmlString",
      () => loose(lib.toHtmlString)(figure, {}, { standalone: true }),
      "Cannot render a figure to HTML as toHtmlString takes figure and options, no third argument: third={ standalone: true }",
    ],
  ];
  for (const [name, call, message] of cases) {
    await t.step(name, () => assert.throws(call, { name: "TypeError", message }));
  }
  await t.step("escapeHtml and toSvgString still work as map callbacks", () => {
    assert.deepEqual(["<", "&"].map(lib.escapeHtml), ["&lt;", "&amp;"]);
    assert.deepEqual([figure].map(lib.toSvgString), [lib.toSvgString(figure)]);
  });
});
