import assert from "node:assert/strict";
import {
  combineFigures,
  createDocument,
  escapeHtml,
  plotLines,
  toHtmlString,
  toSvgString,
} from "../../src/plot/mod.ts";

const series = [{ name: "a", x: [0, 1], y: [0, 1] }];

Deno.test("toSvgString() adds the SVG namespace that files need", () => {
  const text = toSvgString(plotLines(series));
  assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.equal(text.match(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g)?.length, 1);
});

Deno.test("toSvgString() refuses a <figure> and points to toHtmlString", () => {
  assert.throws(() => toSvgString(plotLines(series, { title: "T" })), {
    name: "TypeError",
    message: /use toHtmlString/,
  });
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
  assert.throws(() => combineFigures([]), TypeError);
});
