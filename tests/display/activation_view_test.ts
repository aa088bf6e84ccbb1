import assert from "node:assert/strict";
import { activationView, jupyterDisplay, latexToHtml, show } from "../../src/display/mod.ts";
import { createActivation } from "../../src/activations/mod.ts";
import { leaky, relu } from "../plot/_fixtures.ts";

Deno.test("activationView() bundles HTML, Markdown and plain text", () => {
  const bundle = activationView(relu)[jupyterDisplay]();
  assert.deepEqual(Object.keys(bundle).sort(), ["text/html", "text/markdown", "text/plain"]);
});

Deno.test("activationView() puts the formula and its derivative in Markdown as $$...$$", () => {
  const markdown = activationView(leaky)[jupyterDisplay]()["text/markdown"] ?? "";
  assert.ok(markdown.includes(`$$${leaky.latex}$$`));
  assert.ok(markdown.includes(`$$${leaky.gradLatex}$$`));
  assert.ok(markdown.includes("Leaky ReLU (α = 0.1)"));
});

Deno.test("activationView() renders both formulas to MathML and plots f and f′ in HTML", () => {
  const html = activationView(relu)[jupyterDisplay]()["text/html"] ?? "";
  assert.equal(html.match(/<math /g)?.length, 2);
  assert.ok(html.includes("\\max(0, z)"), "the LaTeX source is kept as an annotation");
  assert.equal(html.match(/<svg[^>]*class="plot-/g)?.length, 2);
  assert.ok((html.match(/<path/g)?.length ?? 0) > 2);
});

Deno.test("activationView() prints the label and expression as plain text", () => {
  assert.equal(activationView(relu)[jupyterDisplay]()["text/plain"], "ReLU: f(z) = relu");
});

Deno.test("activationView() gives the same bundle for the same activation", () => {
  assert.deepEqual(activationView(leaky).bundle, activationView(leaky).bundle);
});

Deno.test("show() displays an activation with activationView()", () => {
  assert.deepEqual(show(relu).bundle, activationView(relu).bundle);
});

Deno.test("activationView() rejects a value that is not an activation", () => {
  assert.throws(() => activationView({} as never), TypeError);
});

Deno.test("latexToHtml() renders display or inline MathML and never throws on bad LaTeX", () => {
  assert.match(latexToHtml("z^2"), /display="block"/);
  assert.doesNotMatch(latexToHtml("z^2", { displayMode: false }), /display="block"/);
  assert.match(latexToHtml("\\frac{1"), /katex-error|<math/);
  assert.throws(() => latexToHtml(3 as never), TypeError);
});

Deno.test("an activation from createActivation() displays itself once display is imported", () => {
  const leakyRelu = createActivation("leakyRelu", { alpha: 0.01 });
  const bundle = show(leakyRelu).bundle;
  assert.deepEqual(bundle, activationView(leakyRelu).bundle);
  assert.ok(bundle["text/markdown"]?.includes(leakyRelu.latex));
});
