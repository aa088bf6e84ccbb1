import assert from "node:assert/strict";
import { type FigureElement, plotActivations, toHtmlString } from "../../src/plot/mod.ts";
import { leaky, relu, tanh } from "./_fixtures.ts";
import { tickAt, tickAtValue } from "./_ticks.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

const charts = (figure: { querySelectorAll(s: string): ArrayLike<unknown> }) =>
  figure.querySelectorAll("svg[class^=plot-]").length;

Deno.test("plotActivations() draws the function and its derivative side by side", () => {
  const figure = plotActivations([relu, leaky]);
  assert.equal(charts(figure), 2);
  const text = figure.textContent ?? "";
  assert.ok(text.includes("f(z)") && text.includes("f′(z)") && text.includes("z"));
});

Deno.test("plotActivations() names each activation with its parameters in the legend", () => {
  const text = plotActivations([relu, leaky]).textContent ?? "";
  assert.ok(text.includes("ReLU"));
  assert.ok(text.includes("Leaky ReLU (α = 0.1)"));
});

Deno.test("plotActivations() draws one line per activation in each panel", () => {
  const figure = plotActivations([relu, leaky, tanh]);
  assert.equal(figure.querySelectorAll("g[aria-label=line] path").length, 6);
});

Deno.test("plotActivations() marks the convention at z = 0 where the derivative jumps", () => {
  const figure = plotActivations([relu], { derivative: "only" });
  // Open dots at the one-sided limits 0 and 1, a filled dot at grad(0) = 0.
  assert.equal(figure.querySelectorAll("g[aria-description='one-sided limit'] circle").length, 2);
  const filled = figure.querySelectorAll("g[aria-description='value at the kink'] circle");
  assert.equal(filled.length, 1);
  assert.ok((figure.textContent ?? "").includes("one-sided limits"));
});

Deno.test("plotActivations() draws dots that fall on one another as rings, the earlier larger", async (t) => {
  const radii = (figure: FigureElement, kind: string) =>
    Array.from(
      figure.querySelectorAll(`g[aria-description='${kind}'] circle`),
      (c) => ({ r: Number(c.getAttribute("r")), y: Number(c.getAttribute("cy")) }),
    );
  await t.step("α = 0.01: ReLU's dots ring Leaky ReLU's at 0 and at 1", () => {
    const tiny = {
      ...leaky,
      label: "Leaky ReLU (α = 0.01)",
      f: (z: number) => (z > 0 ? z : 0.01 * z),
      grad: (z: number) => (z > 0 ? 1 : 0.01),
    };
    const figure = plotActivations([relu, tiny], { derivative: "only" });
    // Largest first, so the smaller dot is drawn on top of it: ReLU's value at 0 (lower on the
    // page), then Leaky ReLU's at 0.01.
    const filled = radii(figure, "value at the kink");
    assert.deepEqual(filled.map((d) => d.r), [7, 4.5]);
    assert.ok(filled[0].y > filled[1].y);
    // ReLU's limits (0 and 1) are covered by Leaky ReLU's (0.01 and 1): one ring larger.
    assert.deepEqual(radii(figure, "one-sided limit").map((d) => d.r).sort(), [4, 4, 6.5, 6.5]);
  });
  await t.step("α = 0.1: the values at 0 stand apart, the limits at 1 still coincide", () => {
    const figure = plotActivations([relu, leaky], { derivative: "only" });
    assert.deepEqual(radii(figure, "value at the kink").map((d) => d.r), [4.5, 4.5]);
    assert.deepEqual(radii(figure, "one-sided limit").map((d) => d.r).sort(), [4, 4, 4, 6.5]);
  });
  await t.step("one activation: the dots keep their own size", () => {
    const figure = plotActivations([relu], { derivative: "only" });
    assert.deepEqual(radii(figure, "value at the kink").map((d) => d.r), [4.5]);
    assert.deepEqual(radii(figure, "one-sided limit").map((d) => d.r), [4, 4]);
  });
});

Deno.test("plotActivations() marks nothing for a smooth activation", () => {
  const figure = plotActivations([tanh]);
  assert.equal(figure.querySelectorAll("g[aria-description='one-sided limit'] circle").length, 0);
  assert.equal(figure.querySelectorAll("g[aria-description='value at the kink'] circle").length, 0);
  assert.ok(!(figure.textContent ?? "").includes("one-sided limits"));
});

Deno.test("plotActivations() breaks the derivative's line at the jump", () => {
  const figure = plotActivations([relu], { derivative: "only" });
  const d = figure.querySelector("g[aria-label=line] path")?.getAttribute("d") ?? "";
  // A broken line is two subpaths: two move-to commands.
  assert.equal(d.match(/M/g)?.length, 2);
});

Deno.test("plotActivations() draws one panel when derivative is false or only", async (t) => {
  await t.step("false: the function alone", () => {
    const figure = plotActivations([relu], { derivative: false });
    assert.equal(charts(figure), 1);
    assert.ok((figure.textContent ?? "").includes("f(z)"));
    assert.ok(!(figure.textContent ?? "").includes("f′(z)"));
  });
  await t.step('"only": the derivative alone', () => {
    const figure = plotActivations([relu], { derivative: "only" });
    assert.equal(charts(figure), 1);
    assert.ok((figure.textContent ?? "").includes("f′(z)"));
  });
});

Deno.test("plotActivations() spans the requested domain", () => {
  const figure = plotActivations([relu], { domain: [-2, 6], derivative: false });
  const ticks = Array.from(figure.querySelectorAll("g[aria-label='x-axis tick label'] text"))
    .map((t) => Number(t.textContent?.replace("−", "-")));
  assert.equal(Math.min(...ticks), -2);
  assert.equal(Math.max(...ticks), 6);
});

Deno.test("plotActivations() gives the same markup for the same call", () => {
  const a = plotActivations([relu, leaky], { title: "Same", caption: "Same." });
  const b = plotActivations([relu, leaky], { title: "Same", caption: "Same." });
  assert.equal(toHtmlString(a), toHtmlString(b));
});

Deno.test("plotActivations() rejects bad input with house-style errors", async (t) => {
  await t.step("no activations", () => {
    assert.throws(() => plotActivations([]), {
      name: "RangeError",
      message: /^Cannot plot activations as activations must be a non-empty array/,
    });
  });
  await t.step("a domain with min >= max", () => {
    assert.throws(() => plotActivations([relu], { domain: [1, 1] }), RangeError);
  });
  await t.step("a domain with NaN", () => {
    assert.throws(() => plotActivations([relu], { domain: [NaN, 1] }), RangeError);
  });
  await t.step("fewer than 2 samples", () => {
    assert.throws(() => plotActivations([relu], { samples: 1 }), RangeError);
  });
  await t.step("an unknown derivative option", () => {
    assert.throws(() => plotActivations([relu], { derivative: "both" as never }), TypeError);
  });
});

Deno.test("plotActivations() marks the kinks an activation declares", () => {
  // A step at z = 1 instead of 0: f(z) = max(0, z - 1), declared with kinks: [1].
  const shifted = {
    ...relu,
    label: "shifted ReLU",
    f: (z: number) => Math.max(0, z - 1),
    grad: (z: number) => (z > 1 ? 1 : 0),
    kinks: [1],
  };
  const figure = plotActivations([shifted], { derivative: "only" });
  const limits = figure.querySelectorAll("g[aria-description='one-sided limit'] circle");
  assert.equal(limits.length, 2);
  const atZero = plotActivations([shifted], { derivative: "only", kinks: [0] });
  assert.equal(atZero.querySelectorAll("g[aria-description='one-sided limit'] circle").length, 0);
});

Deno.test("plotActivations() joins a steep continuous curve at a kink and breaks a small jump", () => {
  // Slope 10^4 on the right: the two sides 10^-9 away differ by 10^-5, yet nothing jumps.
  const steep = {
    ...relu,
    label: "steep ReLU",
    f: (z: number) => (z > 0 ? 1e4 * z : 0),
    grad: (z: number) => (z > 0 ? 1e4 : 0),
  };
  const figure = plotActivations([steep], { derivative: false });
  assert.equal(figure.querySelectorAll("g[aria-description='one-sided limit'] circle").length, 0);
  const d = figure.querySelector("g[aria-label=line] path")?.getAttribute("d") ?? "";
  assert.equal(d.match(/M/g)?.length, 1, "one unbroken line");
  // Its derivative does jump, by 10^4; and a step of 10^-3 is a jump too.
  const derivative = plotActivations([steep], { derivative: "only" });
  assert.equal(
    derivative.querySelectorAll("g[aria-description='one-sided limit'] circle").length,
    2,
  );
  const small = { ...relu, label: "small step", f: (z: number) => (z > 0 ? 1e-3 : 0) };
  const stepped = plotActivations([small], { derivative: false });
  assert.equal(stepped.querySelectorAll("g[aria-description='one-sided limit'] circle").length, 2);
});

Deno.test("plotActivations() refuses two activations with the same label, naming both", () => {
  assert.throws(() => plotActivations([relu, leaky, relu]), {
    name: "RangeError",
    message:
      'Cannot plot activations as activations[2].label must be unique (activations[0].label is the same): activations[2].label="ReLU"',
  });
});

Deno.test("plotActivations() refuses a width below 200 or a height below 100", () => {
  // A width of 1 made panels with width="-6".
  assert.throws(() => plotActivations([relu], { width: 1 }), {
    name: "RangeError",
    message: "Cannot plot activations as width must be a finite number >= 200: width=1",
  });
  assert.throws(() => plotActivations([relu], { height: 99 }), {
    name: "RangeError",
    message: "Cannot plot activations as height must be a finite number >= 100: height=99",
  });
  const narrow = plotActivations([relu], { width: 200, height: 100 });
  const widths = Array.from(narrow.querySelectorAll("svg[class^=plot-]"))
    .map((svg) => Number(svg.getAttribute("width")));
  assert.deepEqual(widths, [94, 94]);
});

Deno.test("plotActivations() names a domain, kinks or document of the wrong kind", async (t) => {
  await t.step("a domain that is not an array", () => {
    assert.throws(() => plotActivations([relu], { domain: 5 as never }), {
      name: "TypeError",
      message:
        "Cannot plot activations as domain must be an array [min, max] of two numbers: domain=5",
    });
  });
  await t.step("kinks that are not an array", () => {
    assert.throws(() => plotActivations([relu], { kinks: 5 as never }), {
      name: "TypeError",
      message: "Cannot plot activations as kinks must be an array of numbers: kinks=5",
    });
  });
  await t.step("a kink that is not a number", () => {
    assert.throws(() => plotActivations([relu], { kinks: ["0"] as never }), {
      name: "TypeError",
      message: 'Cannot plot activations as kinks[0] must be a finite number: kinks[0]="0"',
    });
  });
  await t.step("a document that is not a DOM document", () => {
    assert.throws(() => plotActivations([relu], { document: {} as never }), {
      name: "TypeError",
      message:
        "Cannot plot activations as document must be a DOM document (the browser's or createDocument()): document={}",
    });
  });
});

Deno.test("plotActivations() names an entry that is null", () => {
  assert.throws(() => plotActivations([null] as never), {
    name: "TypeError",
    message:
      "Cannot plot activations as activations[0] must be an activation with f and grad: activations[0]=null",
  });
});

Deno.test("plotActivations() takes two samples or more, and refuses other options by message", () => {
  assert.equal(
    plotActivations([relu], { samples: 2 }).querySelectorAll("g[aria-label=line] path").length,
    2,
  );
  for (const samples of [1, 2.5, 10_001]) {
    assert.throws(() => plotActivations([relu], { samples }), {
      name: "RangeError",
      message:
        `Cannot plot activations as samples must be a finite integer >= 2 and <= 10000: samples=${samples}`,
    });
  }
  assert.throws(() => plotActivations([relu], { derivative: "both" as "only" }), {
    name: "TypeError",
    message:
      'Cannot plot activations as derivative must be true, false or "only": derivative="both"',
  });
  assert.throws(() => plotActivations([{ f: Math.abs }] as never), {
    name: "TypeError",
    message:
      "Cannot plot activations as activations[0] must be an activation with f and grad: activations[0]={ f: function abs }",
  });
});

Deno.test("plotActivations() samples evenly from the domain's low end to its high end", () => {
  const figure = plotActivations([relu], { derivative: false, domain: [1, 3], samples: 5 });
  const xs = [...(figure.querySelector("g[aria-label=line] path")?.getAttribute("d") ?? "")
    .matchAll(/[ML]([-\d.]+),/g)].map((m) => Number(m[1]));
  const [from, to] = [tickAt(figure, "x", "1.0"), tickAt(figure, "x", "3.0")];
  assert.equal(xs.length, 5);
  xs.forEach((x, i) => assert.ok(Math.abs(x - (from + (to - from) * i / 4)) < 1e-6, `sample ${i}`));
});

Deno.test("plotActivations() marks only the kinks strictly inside the domain, in any order given", () => {
  const marks = (domain: [number, number]) =>
    plotActivations([relu], { domain }).querySelectorAll("g[aria-description='one-sided limit']")
      .length;
  assert.deepEqual([marks([-1, 1]), marks([0, 2]), marks([-2, 0]), marks([1, 3])], [1, 0, 0, 0]);
  assert.equal(
    toHtmlString(plotActivations([relu], { kinks: [1, -1, 0] })),
    toHtmlString(plotActivations([relu], { kinks: [-1, 0, 1] })),
  );
});

Deno.test("plotActivations() explains the kink marks only when it draws the derivative", () => {
  const text = (derivative: boolean) => plotActivations([relu], { derivative }).textContent ?? "";
  assert.ok(text(true).includes("one-sided limits"));
  assert.ok(!text(false).includes("one-sided limits"));
});

Deno.test("plotActivations() pads the y extent by 8% (0.1 at least) and rules the axes at 0", async (t) => {
  await t.step("f = z from 1 to 3: y from 0.84 to 3.16", () => {
    // The plot spans y = 20 (Observable Plot's top margin) to 300 - 40 (our bottom margin).
    const figure = plotActivations([relu], { derivative: false, domain: [1, 3], height: 300 });
    const [one, three] = [tickAtValue(figure, "y", 1), tickAtValue(figure, "y", 3)];
    const perPixel = 2 / (one - three);
    const [low, high] = [1 - (260 - one) * perPixel, 3 + (three - 20) * perPixel];
    assert.ok(Math.abs(low - 0.84) < 1e-9 && Math.abs(high - 3.16) < 1e-9, `${low} to ${high}`);
  });
  await t.step("no finite value: refused, as the panel would have no curve", () => {
    const nan = { ...relu, name: "nan", label: "nan", f: () => NaN, grad: () => NaN };
    assert.throws(() => plotActivations([nan], { derivative: false, height: 300 }), {
      name: "RangeError",
      message:
        "Cannot plot activations as activations[0].f must be finite somewhere on the domain [-4, 4] (every sample is NaN or ±Infinity): activations[0].f=function f",
    });
  });
  await t.step("grey rules through z = 0 and f = 0", () => {
    const figure = plotActivations([relu], { derivative: false, domain: [-1, 3] });
    const rules = Array.from(figure.querySelectorAll("g[aria-label=rule]"));
    const [vertical, horizontal] = rules.map((rule) => rule.querySelector("line")!);
    assert.equal(Number(vertical.getAttribute("x1")), tickAtValue(figure, "x", 0));
    assert.equal(Number(horizontal.getAttribute("y1")), tickAtValue(figure, "y", 0));
    for (const rule of rules) {
      assert.equal(rule.getAttribute("stroke"), "#999");
      assert.ok(Number(rule.getAttribute("stroke-width") ?? "1") >= 1);
    }
  });
});

/**
 * Checks that every rule and line of each panel lies within its frame: from the left margin
 * (48 px) to the right one (12 px), from Observable Plot's top margin (20 px) to the bottom one
 * (40 px). Returns the number of rules per panel.
 */
function rulesInsideFrames(figure: FigureElement): number[] {
  return Array.from(figure.querySelectorAll("svg[class^=plot-]")).map((svg) => {
    const [width, height] = ["width", "height"].map((key) => Number(svg.getAttribute(key)));
    const inside = (x: number, y: number) =>
      x >= 48 - 1e-9 && x <= width - 12 + 1e-9 && y >= 20 - 1e-9 && y <= height - 40 + 1e-9;
    const rules = Array.from(svg.querySelectorAll("g[aria-label=rule] line"));
    for (const line of rules) {
      const [x1, x2, y1, y2] = ["x1", "x2", "y1", "y2"].map((key) =>
        Number(line.getAttribute(key))
      );
      assert.ok(inside(x1, y1) && inside(x2, y2), line.outerHTML);
    }
    for (const path of Array.from(svg.querySelectorAll("g[aria-label=line] path"))) {
      for (const [, x, y] of path.getAttribute("d")!.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)) {
        assert.ok(inside(Number(x), Number(y)), `${x},${y}`);
      }
    }
    return rules.length;
  });
}

Deno.test("plotActivations() rules z = 0 and f = 0 only where 0 lies on the axis, nothing outside the frame", async (t) => {
  await t.step("from z = 1 to 3, ReLU's f and f' are above 0: no rule", () => {
    // Once drawn at x = -302 and y = 346.9 of a 300 px chart, across what lay beside it.
    const figure = plotActivations([relu], { domain: [1, 3], derivative: false });
    assert.deepEqual(rulesInsideFrames(figure), [0]);
  });
  await t.step("f = z + 5 from -1 to 1: z = 0 ruled, f = 0 and f' = 0 off the axes", () => {
    const shifted = {
      ...relu,
      name: "shift",
      label: "z + 5",
      f: (z: number) => z + 5,
      grad: () => 1,
    };
    const figure = plotActivations([shifted], { domain: [-1, 1], kinks: [] });
    assert.deepEqual(rulesInsideFrames(figure), [1, 1]);
    const [vertical] = Array.from(figure.querySelectorAll("g[aria-label=rule] line"));
    assert.equal(Number(vertical.getAttribute("x1")), tickAtValue(figure, "x", 0));
  });
  await t.step("from z = -3 to 3, both rules in both panels", () => {
    assert.deepEqual(rulesInsideFrames(plotActivations([relu, tanh], { domain: [-3, 3] })), [2, 2]);
  });
});

Deno.test("plotActivations() refuses an f or grad that returns a non-number, or nothing finite", () => {
  // Both panels had no curve and no note.
  const strings = { ...relu, label: "bad", f: () => "x" as never };
  assert.throws(() => plotActivations([relu, strings]), {
    name: "TypeError",
    message:
      'Cannot plot activations as activations[1].f(-4) must be a number: activations[1].f(-4)="x"',
  });
  const nan = { ...relu, label: "bad", grad: () => NaN };
  assert.throws(() => plotActivations([relu, nan]), {
    name: "RangeError",
    message:
      "Cannot plot activations as activations[1].grad must be finite somewhere on the domain [-4, 4] (every sample is NaN or ±Infinity): activations[1].grad=function grad",
  });
  // Its f alone is drawn: the grad is not sampled.
  assert.ok(plotActivations([nan], { derivative: false }));
});

Deno.test("plotActivations() refuses a name that is not a string, and names an unnamed activation", () => {
  const { f, grad } = relu;
  // The legend read "5".
  assert.throws(() => plotActivations([{ name: 5, f, grad } as never]), {
    name: "TypeError",
    message:
      "Cannot plot activations as activations[0].name must be a string, the legend's name for an activation without a label: activations[0].name=5",
  });
  assert.throws(() => plotActivations([{ ...relu, label: 5 } as never]), {
    name: "TypeError",
    message:
      "Cannot plot activations as activations[0].label must be a string: activations[0].label=5",
  });
  // Was: activations[1].label must be unique (activations[0].label is the same): ...=undefined.
  assert.throws(() => plotActivations([{ f, grad }, { f, grad }] as never), {
    name: "TypeError",
    message:
      "Cannot plot activations as activations[0].name must be a string, the legend's name for an activation without a label: activations[0].name=undefined",
  });
});

Deno.test("plotActivations() refuses a third argument, which would go unused", () => {
  assert.throws(
    () => loose(lib.plotActivations)([lib.createActivation("relu")], {}, { derivatives: true }),
    {
      name: "TypeError",
      message:
        "Cannot plot activations as plotActivations takes activations and options, no third argument: third={ derivatives: true }",
    },
  );
});
