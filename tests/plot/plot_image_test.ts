import assert from "node:assert/strict";
import { fromRows, matrix } from "../../src/core/matrix.ts";
import { plotImage, plotImages, toHtmlString, toSvgString } from "../../src/plot/mod.ts";
import { tickAt } from "./_ticks.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

const checker = fromRows([[0, 1], [1, 0]]);

/** The labels of a figure's ramp ticks, in order. */
const rampTicks = (figure: ReturnType<typeof plotImage>) =>
  Array.from(figure.querySelectorAll("g[aria-label='x-axis tick label'] text"))
    .map((text) => text.textContent);

Deno.test("plotImage() draws one cell per element when neighbours differ", () => {
  const figure = plotImage(checker);
  assert.equal(figure.querySelectorAll("g[aria-description=image] rect").length, 4);
});

Deno.test("plotImage() merges runs of equal values along a row into one rect", () => {
  const flat = matrix(3, 5); // all zeros: one rect per row
  assert.equal(plotImage(flat).querySelectorAll("g[aria-description=image] rect").length, 3);
});

Deno.test("plotImage() draws black for the smallest and white for the largest value in gray", () => {
  const svg = plotImage(fromRows([[0, 1]]), { legend: false });
  const fills = Array.from(svg.querySelectorAll("g[aria-description=image] rect"))
    .map((r) => r.getAttribute("fill"));
  assert.deepEqual(fills, ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
});

Deno.test("plotImage() centres a diverging scheme on white at 0", () => {
  const svg = plotImage(fromRows([[-2, 0, 1]]), { legend: false, colorScheme: "diverging" });
  const fills = Array.from(svg.querySelectorAll("g[aria-description=image] rect"))
    .map((r) => r.getAttribute("fill"));
  const [r, g, b] = (fills[1] ?? "").match(/\d+/g)!.map(Number);
  assert.ok(r > 240 && g > 240 && b > 240, `the fill at 0 was ${fills[1]}`);
});

Deno.test("plotImage() draws a ramp legend as marks with a value label", () => {
  const figure = plotImage(checker, { valueLabel: "intensity" });
  assert.equal(figure.querySelectorAll("g[aria-description=ramp] rect").length, 64);
  assert.ok((figure.textContent ?? "").includes("intensity"));
});

Deno.test("plotImage() returns a bare <svg> without legend or text", () => {
  assert.equal(plotImage(checker, { legend: false }).tagName.toLowerCase(), "svg");
});

Deno.test("plotImages() places panels side by side, each with its title", () => {
  const figure = plotImages([
    { image: checker, title: "digit" },
    { image: checker, title: "edges", colorScheme: "diverging" },
    checker,
  ], { title: "Panels" });
  assert.equal(figure.querySelectorAll("g[aria-description=image]").length, 3);
  const text = figure.textContent ?? "";
  assert.ok(text.includes("digit") && text.includes("edges") && text.includes("Panels"));
});

Deno.test("plotImage() and plotImages() give the same markup for the same call", () => {
  assert.equal(toHtmlString(plotImage(checker)), toHtmlString(plotImage(checker)));
  assert.equal(
    toHtmlString(plotImages([checker, checker])),
    toHtmlString(plotImages([checker, checker])),
  );
});

Deno.test("plotImage() rejects bad input with house-style errors", async (t) => {
  await t.step("a value that is not a matrix", () => {
    assert.throws(() => plotImage([[1]] as never), {
      name: "TypeError",
      message: /^Cannot plot an image as image must be a matrix/,
    });
  });
  await t.step("an empty matrix", () => {
    assert.throws(() => plotImage(matrix(0, 3)), RangeError);
  });
  await t.step("a domain with min >= max", () => {
    assert.throws(() => plotImage(checker, { domain: [1, 0] }), RangeError);
  });
  await t.step("no panels", () => {
    assert.throws(() => plotImages([]), RangeError);
  });
});

Deno.test("plotImage() refuses a colour scheme Observable Plot does not know, in house style", () => {
  assert.throws(() => plotImage(checker, { colorScheme: "bogus" }), {
    name: "RangeError",
    message:
      'Cannot plot an image as colorScheme must be "gray", "ink", "diverging" or a continuous Observable Plot scheme such as "viridis": colorScheme="bogus"',
  });
  assert.equal(
    plotImage(checker, { colorScheme: "viridis" }).querySelectorAll(
      "g[aria-description=image] rect",
    )
      .length,
    4,
  );
});

Deno.test("plotImage() and plotImages() refuse a legend that is not a boolean", () => {
  assert.throws(() => plotImage(checker, { legend: "no" as never }), {
    name: "TypeError",
    message: 'Cannot plot an image as legend must be true or false: legend="no"',
  });
  assert.throws(() => plotImages([checker], { legend: 0 as never }), {
    name: "TypeError",
    message: "Cannot plot images as legend must be true or false: legend=0",
  });
});

Deno.test("plotImages() names a panel that is null", () => {
  assert.throws(() => plotImages([checker, null as never]), {
    name: "TypeError",
    message: "Cannot plot images as panels[1] must be a matrix or { image, title }: panels[1]=null",
  });
});

Deno.test("plotImages() labels a panel's ramp with its own valueLabel, else the figure's", () => {
  const figure = plotImages([
    { image: checker, valueLabel: "weight" },
    checker,
  ], { valueLabel: "activation" });
  const text = figure.textContent ?? "";
  assert.ok(text.includes("weight") && text.includes("activation"));
});

Deno.test("plotImages() refuses a panel's unknown key, and a title or valueLabel that is not a string", () => {
  assert.throws(() => plotImages([checker, { image: checker, titel: "x" } as never]), {
    name: "TypeError",
    message:
      'Cannot plot images as panels[1] must have only the keys image, title, colorScheme, domain, valueLabel: unknown key "titel"',
  });
  for (const key of ["title", "valueLabel"]) {
    assert.throws(() => plotImages([{ image: checker, [key]: 5 } as never]), {
      name: "TypeError",
      message: `Cannot plot images as panels[0].${key} must be a string: panels[0].${key}=5`,
    });
  }
});

Deno.test("plotImage() sizes its long side and scales the short one, either way round", () => {
  const wide = plotImage(matrix(2, 4), { size: 100, legend: false });
  const tall = plotImage(matrix(4, 2), { size: 100, legend: false });
  assert.deepEqual([wide.getAttribute("width"), wide.getAttribute("height")], ["100", "50"]);
  assert.deepEqual([tall.getAttribute("width"), tall.getAttribute("height")], ["50", "100"]);
});

Deno.test("plotImage() keeps a long thin image at least 1 px thick, with its legend too", () => {
  const row = { rows: 1, cols: 1000, data: new Float64Array(1000).map((_, i) => i) };
  const bare = plotImage(row, { legend: false });
  assert.deepEqual([bare.getAttribute("width"), bare.getAttribute("height")], ["220", "1"]);
  const column = plotImage({ rows: 2000, cols: 1, data: new Float64Array(2000) }, {
    legend: false,
  });
  assert.deepEqual([column.getAttribute("width"), column.getAttribute("height")], ["1", "220"]);
  // With its ramp, the figure lays out as one SVG (an image 0 px high was refused there).
  assert.match(toSvgString(plotImage(row)), /^<svg [^>]*height="\d+"/);
});

Deno.test("plotImage() draws an image of one column, and refuses what is not a non-empty matrix", () => {
  const column = plotImage(fromRows([[1], [2], [3]]), { legend: false });
  assert.equal(column.querySelectorAll("g[aria-description=image] rect").length, 3);
  assert.throws(() => plotImage(null as never), {
    name: "TypeError",
    message:
      "Cannot plot an image as image must be a matrix { rows, cols, data } (fromRows builds one from nested arrays): image=null",
  });
  assert.throws(() => plotImage(matrix(0, 3)), {
    name: "RangeError",
    message: 'Cannot plot an image as image must be a non-empty matrix: image="0x3"',
  });
});

Deno.test("plotImage()'s ramp tiles the value domain from its first tick to its last", () => {
  const figure = plotImage(fromRows([[-1, 3]]));
  const steps = Array.from(figure.querySelectorAll("g[aria-description=ramp] rect"))
    .map((rect) => [Number(rect.getAttribute("x")), Number(rect.getAttribute("width"))]);
  const [from, to] = [tickAt(figure, "x", "−1"), tickAt(figure, "x", "3")];
  assert.equal(steps.length, 64);
  steps.forEach(([x, width], s) => {
    const expected = from + (to - from) * s / 64;
    assert.ok(
      Math.abs(x - expected) < 1e-9 && Math.abs(width - (to - from) / 64) < 1e-9,
      `step ${s}`,
    );
  });
});

Deno.test("plotImage() makes a figure for any text or the legend, a bare <svg> for neither", () => {
  for (const text of [{ title: "t" }, { subtitle: "s" }, { caption: "c" }]) {
    const figure = plotImage(checker, { legend: false, ...text });
    assert.equal(figure.tagName, "FIGURE", JSON.stringify(text));
    assert.ok((figure.textContent ?? "").includes(Object.values(text)[0]));
  }
});

Deno.test("plotImages() draws each panel's ramp unless told not to", () => {
  const ramps = (legend?: boolean) =>
    plotImages([checker, checker], legend === undefined ? {} : { legend })
      .querySelectorAll("g[aria-description=ramp]").length;
  assert.deepEqual([ramps(), ramps(true), ramps(false)], [2, 2, 0]);
});

Deno.test("plotImage() colours its ramp by each step's middle value, over the data's extent", async (t) => {
  const rampFills = (figure: ReturnType<typeof plotImage>) =>
    Array.from(figure.querySelectorAll("g[aria-description=ramp] rect"))
      .map((rect) => rect.getAttribute("fill"));
  const gray = (v: number) => `rgb(${Array(3).fill(Math.round(255 * v)).join(", ")})`;
  await t.step("gray from 0 to 1: the first step at 1/128, the last at 127/128", () => {
    const fills = rampFills(plotImage(fromRows([[0, 1]])));
    assert.deepEqual([fills[0], fills[63]], [gray(1 / 128), gray(127 / 128)]);
  });
  await t.step("a constant image spans its value ± 0.5", () => {
    assert.deepEqual(rampTicks(plotImage(fromRows([[2, 2]])))[0], "1.6");
  });
  await t.step("a diverging image of zeros spans -1 to 1", () => {
    const ticks = rampTicks(plotImage(fromRows([[0, 0]]), { colorScheme: "diverging" }));
    assert.deepEqual([ticks[0], ticks.at(-1)], ["−1.0", "1.0"]);
  });
});

Deno.test("plotImage() ticks the ramp at each value of an image of a few whole numbers", async (t) => {
  await t.step("a sign map: −1, 0 and 1, not −0.5 or 0.5", () => {
    const signs = fromRows([[-1, 0, 1, -0, 1]]);
    assert.deepEqual(rampTicks(plotImage(signs, { colorScheme: "diverging" })), ["−1", "0", "1"]);
  });
  await t.step("a diverging sign map with no zero: 0 ticked too, where its white is", () => {
    const signs = fromRows([[-1, 1, 1, -1]]);
    assert.deepEqual(rampTicks(plotImage(signs, { colorScheme: "diverging" })), ["−1", "0", "1"]);
    assert.deepEqual(rampTicks(plotImage(signs)), ["−1", "1"]);
  });
  await t.step("a mask of 0 and 1 on a domain of [0, 1]", () => {
    const mask = fromRows([[0, 1, 1, 0]]);
    assert.deepEqual(rampTicks(plotImage(mask, { colorScheme: "ink", domain: [0, 1] })), [
      "0",
      "1",
    ]);
  });
  await t.step(
    "six whole values, a fraction or a value outside the domain: the usual ticks",
    () => {
      assert.ok(rampTicks(plotImage(fromRows([[0, 1, 2, 3, 4, 5]]))).length > 2);
      assert.ok(rampTicks(plotImage(fromRows([[0, 0.5, 1]]))).includes("0.2"));
      const clipped = plotImage(fromRows([[0, 1, 2]]), { domain: [0, 1] });
      assert.ok(rampTicks(clipped).includes("0.2"));
    },
  );
});

Deno.test("plotImage()'s diverging scheme spans ± the larger end of a given domain, white at 0", () => {
  const figure = plotImage(fromRows([[-1, 0, 3]]), {
    legend: false,
    colorScheme: "diverging",
    domain: [-1, 3],
  });
  const fills = Array.from(figure.querySelectorAll("g[aria-description=image] rect"))
    .map((rect) => rect.getAttribute("fill"));
  // -1 lies two thirds of the way from white (0) to #4393c3 (-1.5, half of -3); 3 is #67001f.
  const blue = [0x43, 0x93, 0xc3].map((c) => Math.round(255 + (c - 255) * 2 / 3));
  assert.deepEqual(fills, [`rgb(${blue.join(", ")})`, "rgb(255, 255, 255)", "rgb(103, 0, 31)"]);
  // The larger end below 0: -4 is #053061, and 2 (half of 4) #d6604d.
  const other = plotImage(fromRows([[-4, 0, 2]]), {
    legend: false,
    colorScheme: "diverging",
    domain: [-4, 2],
  });
  assert.deepEqual(
    Array.from(other.querySelectorAll("g[aria-description=image] rect")).map((rect) =>
      rect.getAttribute("fill")
    ),
    ["rgb(5, 48, 97)", "rgb(255, 255, 255)", "rgb(214, 96, 77)"],
  );
});

Deno.test("plotImage()'s diverging scheme spans ± the data's larger magnitude by default", () => {
  const figure = plotImage(fromRows([[-2, 0, 1]]), { legend: false, colorScheme: "diverging" });
  const fills = Array.from(figure.querySelectorAll("g[aria-description=image] rect"))
    .map((rect) => rect.getAttribute("fill"));
  // -2 is the darkest blue, #053061; 1 lies halfway to the darkest red, at #d6604d.
  assert.deepEqual(fills, ["rgb(5, 48, 97)", "rgb(255, 255, 255)", "rgb(214, 96, 77)"]);
});

Deno.test("plotImage() and plotImages() refuse width and height, pointing to size", () => {
  for (const [key, value] of [["width", 500], ["height", 500], ["width", -5]] as const) {
    assert.throws(() => plotImage(checker, { [key]: value, legend: false } as never), {
      name: "TypeError",
      message:
        `Cannot plot an image as ${key} must be left out (size sets the image's longer side in pixels; the cells stay square): ${key}=${value}`,
    });
  }
  assert.throws(() => plotImages([checker], { width: 300 } as never), {
    name: "TypeError",
    message:
      "Cannot plot images as width must be left out (size sets each image's longer side in pixels; the cells stay square): width=300",
  });
  const sized = plotImage(checker, { size: 500, legend: false });
  assert.deepEqual([sized.getAttribute("width"), sized.getAttribute("height")], ["500", "500"]);
});

Deno.test("plotImage() and plotImages() refuse a cell that is not finite, naming its row and column", () => {
  // Drawn, a NaN cell was left out: the white background, the largest value in gray.
  for (const value of [NaN, Infinity, -Infinity]) {
    assert.throws(() => plotImage(fromRows([[0, 1], [value, 0.5]]), { legend: false }), {
      name: "RangeError",
      message:
        `Cannot plot an image as image row 1, column 0 must be a finite number (no colour stands for NaN or ±Infinity): image row 1, column 0=${value}`,
    });
  }
  assert.throws(() => plotImages([checker, { image: fromRows([[0, NaN]]), title: "b" }]), {
    name: "RangeError",
    message:
      "Cannot plot images as panels[1].image row 0, column 1 must be a finite number (no colour stands for NaN or ±Infinity): panels[1].image row 0, column 1=NaN",
  });
});

Deno.test("plotImage() refuses a matrix whose shape is not one, as requireMatrix does", () => {
  // Both drew a figure.
  assert.throws(() => plotImage({ rows: -1, cols: -1, data: new Float64Array(1) }), {
    name: "RangeError",
    message: "Cannot plot an image as image.rows must be an integer >= 0: image.rows=-1",
  });
  assert.throws(() => plotImage({ rows: 1.5, cols: 2, data: new Float64Array(3) }), {
    name: "RangeError",
    message: "Cannot plot an image as image.rows must be an integer >= 0: image.rows=1.5",
  });
  assert.throws(() => plotImages([checker, { rows: 2, cols: 2, data: new Float64Array(3) }]), {
    name: "RangeError",
    message:
      "Cannot plot images as panels[1].image.data must hold rows * cols = 4 elements for a 2x2 matrix: panels[1].image.data.length=3",
  });
});

Deno.test("plotImage() refuses values whose range is not finite, unless a domain is given", () => {
  // 0 cells: max - min overflows.
  assert.throws(() => plotImage(fromRows([[1e308, -1e308]])), {
    name: "RangeError",
    message:
      "Cannot plot an image as the value range of image must be finite (max - min overflows; pass a domain, or scale the values): the value range of image=[-1e+308, 1e+308]",
  });
  assert.throws(() => plotImage(fromRows([[1e308, 0]]), { colorScheme: "diverging" }), {
    name: "RangeError",
    message: /twice the largest \|value\| overflows.*=\[0, 1e\+308\]$/,
  });
  assert.ok(plotImage(fromRows([[1e308, -1e308]]), { domain: [0, 1] }));
});

Deno.test("plotImage() draws cells beyond a given domain at its ends, and says how many", () => {
  const figure = plotImage(fromRows([[-1, 0, 0.5, 1, 5]]), { domain: [0, 1] });
  const fills = Array.from(figure.querySelectorAll("g[aria-description=image] rect"))
    .map((rect) => rect.getAttribute("fill"));
  // -1 is drawn black like 0, and 5 white like 1 (runs of one value are one rect).
  assert.deepEqual(fills, ["rgb(0, 0, 0)", "rgb(128, 128, 128)", "rgb(255, 255, 255)"]);
  assert.match(figure.textContent ?? "", /2 cells beyond the domain \[0, 1\], drawn at its ends/);
  // One cell in the singular; a figure even without legend or text, so the note has a place.
  const one = plotImage(fromRows([[0, 2]]), { domain: [0, 1], legend: false });
  assert.equal(one.tagName.toLowerCase(), "figure");
  assert.match(one.textContent ?? "", /^1 cell beyond the domain \[0, 1\], drawn at its ends/);
  // No note when every cell lies within the domain, its ends included.
  assert.doesNotMatch(
    plotImage(fromRows([[0, 1]]), { domain: [0, 1] }).textContent ?? "",
    /beyond/,
  );
});

Deno.test("plotImage() draws a cell beyond a diverging domain at its end too, not in a colour off the ramp", () => {
  // The ramp shows [0, 1], white to red: -0.5 is drawn white, as 0 is, not pale blue.
  const figure = plotImage(fromRows([[-0.5, 0, 1]]), {
    colorScheme: "diverging",
    domain: [0, 1],
    legend: false,
  });
  const fills = Array.from(figure.querySelectorAll("g[aria-description=image] rect"))
    .map((rect) => rect.getAttribute("fill"));
  assert.deepEqual(fills, ["rgb(255, 255, 255)", "rgb(103, 0, 31)"]);
  assert.match(figure.textContent ?? "", /1 cell beyond the domain \[0, 1\]/);
});

Deno.test("plotImages() counts each panel's cells beyond its domain in one note, by panel title", () => {
  const figure = plotImages([
    { image: fromRows([[0, 3]]), title: "after ReLU", domain: [0, 1] },
    { image: fromRows([[0, 1]]), domain: [0, 1] },
    { image: fromRows([[-2, -3, 1]]), domain: [-1, 1] },
  ]);
  assert.match(
    figure.textContent ?? "",
    /after ReLU: 1 cell beyond the domain \[0, 1\], drawn at its ends; panel 3: 2 cells beyond the domain \[-1, 1\], drawn at its ends/,
  );
});

Deno.test("plotImage() and plotImages() refuse a third argument, which would go unused", () => {
  assert.throws(() => loose(lib.plotImage)(lib.matrix(2, 2), {}, { legend: false }), {
    name: "TypeError",
    message:
      "Cannot plot an image as plotImage takes image and options, no third argument: third={ legend: false }",
  });
  assert.throws(() => loose(lib.plotImages)([lib.matrix(2, 2)], {}, { legend: false }), {
    name: "TypeError",
    message:
      "Cannot plot images as plotImages takes panels and options, no third argument: third={ legend: false }",
  });
});
