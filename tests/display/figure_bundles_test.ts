import assert from "node:assert/strict";
import { DOMParser } from "linkedom";
import {
  activationView,
  combineFigures,
  createActivation,
  dataset,
  displayFigure,
  type FigureElement,
  fromRows,
  historyView,
  jupyterDisplay,
  matrix,
  mlp,
  plotActivations,
  plotDecisionBoundary,
  plotHistogram,
  plotImage,
  plotImages,
  plotLayerBars,
  plotLines,
  plotTrainingCurves,
  show,
  train,
} from "../../src/mod.ts";

const x = [-2, -1, 0, 1, 2];
const data = dataset(
  fromRows([[0, 0], [0, 1], [1, 0], [1, 1], [0.5, 0.2], [0.2, 0.9]]),
  new Int32Array([0, 1, 1, 0, 1, 1]),
);
const model = mlp([2, 6, 2], { seed: 1 });
const history = train(model, data, { epochs: 4, batchSize: 3, seed: 1 });
const image = matrix(8, 8);
image.data.forEach((_, i) => image.data[i] = (i % 9) / 8);

/** One figure from every plot helper, each with a title (and some with more). */
const figures: Record<string, FigureElement> = {
  plotLines: plotLines([{ name: "relu", x, y: x.map((v) => Math.max(0, v)) }, {
    name: "identity",
    x,
    y: x,
  }], { title: "Lines", subtitle: "two series", caption: "A caption under the chart." }),
  plotActivations: plotActivations(
    [createActivation("relu"), createActivation("leakyRelu", { alpha: 0.2 })],
    { title: "Activations", derivative: true },
  ),
  plotTrainingCurves: plotTrainingCurves([{ name: "run", history }], { title: "Curves" }),
  plotDecisionBoundary: plotDecisionBoundary((m) => model.predict(m), data, {
    title: "Boundary",
  }),
  plotHistogram: plotHistogram([1, 2, 2, 3], { title: "Histogram" }),
  plotLayerBars: plotLayerBars([0.1, 0.4], { title: "Bars" }),
  plotImage: plotImage(image, { title: "Image" }),
  plotImages: plotImages([{ image, title: "a" }, { image, title: "b" }], { title: "Images" }),
  combineFigures: combineFigures([plotHistogram([1, 2]), plotLayerBars([1, 2])], {
    title: "Combined",
  }),
};

/** The parsed SVG document of a bundle, checked to be one standalone <svg>. */
function parseSvg(text: string | undefined) {
  assert.ok(text !== undefined, "the bundle has an image/svg+xml form");
  const svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
  assert.equal(svg.tagName.toLowerCase(), "svg");
  assert.equal(svg.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  return svg;
}

/** The texts of the headings, captions and legend entries a reader sees in the HTML. */
function visibleTexts(figure: FigureElement): string[] {
  return Array.from(figure.querySelectorAll("h2, h3, figcaption, span"))
    .map((el) => el.textContent ?? "")
    .filter((text) => text.trim() !== "");
}

for (const [name, figure] of Object.entries(figures)) {
  Deno.test(`${name}() gives a figure that shows as HTML, as one SVG and by its title`, () => {
    assert.ok(jupyterDisplay in figure, "the element itself carries the bundle method");
    const bundle = displayFigure(figure).bundle;
    assert.deepEqual(show(figure).bundle, bundle);
    assert.deepEqual(Object.keys(bundle).sort(), ["image/svg+xml", "text/html", "text/plain"]);
    assert.equal(bundle["text/html"], figure.outerHTML);
    const title = figure.querySelector("h2")?.textContent;
    assert.equal(bundle["text/plain"], `[figure: ${title}]`);

    const svg = parseSvg(bundle["image/svg+xml"]);
    const width = Number(svg.getAttribute("width")), height = Number(svg.getAttribute("height"));
    // Every chart of the HTML is in the SVG, inside its bounds.
    const charts = (root: { querySelectorAll(s: string): ArrayLike<unknown> }) =>
      root.querySelectorAll("svg[class^=plot-]").length;
    assert.equal(charts(svg), figure.querySelectorAll("svg[class^=plot-]").length);
    for (const nested of Array.from(svg.children).filter((el) => el.tagName === "svg")) {
      const right = Number(nested.getAttribute("x")) + Number(nested.getAttribute("width"));
      const bottom = Number(nested.getAttribute("y")) + Number(nested.getAttribute("height"));
      assert.ok(
        right <= width + 0.5 && bottom <= height + 0.5,
        `${right}x${bottom} in ${width}x${height}`,
      );
    }
    // Every title, subtitle, caption and legend entry is set as SVG text, inside the bounds.
    const texts = Array.from(svg.children).filter((el) => el.tagName === "text");
    const setText = texts.map((el) => el.textContent).join(" ");
    for (const text of visibleTexts(figure)) {
      for (const word of text.split(/\s+/).filter(Boolean)) assert.ok(setText.includes(word), word);
    }
    for (const text of texts) {
      // Read as a number only when present: Number(null) and Number("") are 0, inside any bounds.
      const y = text.getAttribute("y") ?? "";
      assert.match(y, /^-?\d+(\.\d+)?$/, `a <text> placed by its y: "${text.textContent}"`);
      assert.ok(Number(y) <= height, `y=${y} in a height of ${height}`);
    }
  });
}

Deno.test("a bare chart (no title) shows as its own SVG and as [figure]", () => {
  const bundle = displayFigure(plotLines([{ name: "a", x, y: x }])).bundle;
  assert.equal(bundle["text/plain"], "[figure]");
  assert.equal(parseSvg(bundle["image/svg+xml"]).querySelectorAll("path").length > 0, true);
});

Deno.test("activationView() adds its plot as one SVG titled with the label and formula", () => {
  const bundle = activationView(createActivation("leakyRelu", { alpha: 0.1 })).bundle;
  assert.deepEqual(
    Object.keys(bundle).sort(),
    ["image/svg+xml", "text/html", "text/markdown", "text/plain"],
  );
  assert.equal(bundle["text/plain"], "Leaky ReLU (α = 0.1): f(z) = z > 0 ? z : 0.1 * z");
  const svg = parseSvg(bundle["image/svg+xml"]);
  const texts = Array.from(svg.children).filter((el) => el.tagName === "text")
    .map((el) => el.textContent);
  assert.deepEqual(texts.slice(0, 2), ["Leaky ReLU (α = 0.1)", "f(z) = z > 0 ? z : 0.1 * z"]);
});

Deno.test("historyView() adds its panels as one SVG, side by side", () => {
  const bundle = historyView(history).bundle;
  assert.match(bundle["text/plain"], /^Training history, 4 epochs\n/);
  const svg = parseSvg(bundle["image/svg+xml"]);
  const charts = Array.from(svg.querySelectorAll("svg[class^=plot-]"));
  assert.equal(charts.length, 3); // loss, accuracy, dead units
  assert.equal(svg.querySelector("text")?.textContent, "Training history");
});
