// The texts and colours every plot helper takes: a title, subtitle and caption, axis labels and
// a colour per series. Each is checked the same way in every helper, so each is tested in all.

import assert from "node:assert/strict";
import { fromRows } from "../../src/core/matrix.ts";
import {
  combineFigures,
  type FigureElement,
  plotActivations,
  plotDecisionBoundary,
  plotDefaults,
  plotHistogram,
  plotImage,
  plotImages,
  plotLayerBars,
  plotLines,
  plotTrainingCurves,
} from "../../src/plot/mod.ts";
import { linear, relu } from "./_fixtures.ts";

const points = { x: fromRows([[-1, -1], [1, 1]]), y: new Int32Array([0, 1]) };
const image = fromRows([[0, 1], [1, 0]]);
const history = [{ epoch: 1, trainLoss: 1 }, { epoch: 2, trainLoss: 0.5 }];
const line = (name: string) => ({ name, x: [0, 1], y: [0, 1] });

// Options are built as a plain record: the tests pass values the types forbid on purpose.
type Call = (options: Record<string, unknown>) => FigureElement;

/** Each helper with its action (as its messages say it) and a small valid call. */
const HELPERS: { name: string; action: string; call: Call; labels: string[] }[] = [
  {
    name: "plotLines",
    action: "plot lines",
    call: (options) => plotLines([line("a")], options),
    labels: ["xLabel", "yLabel"],
  },
  {
    name: "plotActivations",
    action: "plot activations",
    call: (options) => plotActivations([relu], options),
    labels: [],
  },
  {
    name: "plotDecisionBoundary",
    action: "plot a decision boundary",
    call: (options) => plotDecisionBoundary(linear, points, { resolution: 4, ...options }),
    labels: ["xLabel", "yLabel"],
  },
  {
    name: "plotHistogram",
    action: "plot a histogram",
    call: (options) => plotHistogram([1, 2, 3], options),
    labels: ["xLabel", "yLabel"],
  },
  {
    name: "plotImage",
    action: "plot an image",
    call: (options) => plotImage(image, options),
    labels: ["valueLabel"],
  },
  {
    name: "plotImages",
    action: "plot images",
    call: (options) => plotImages([image], options),
    labels: ["valueLabel"],
  },
  {
    name: "plotLayerBars",
    action: "plot layer bars",
    call: (options) => plotLayerBars([0.5, 0.25], options),
    labels: ["xLabel", "yLabel"],
  },
  {
    name: "plotTrainingCurves",
    action: "plot training curves",
    call: (options) => plotTrainingCurves([{ name: "run", history }], options),
    labels: ["yLabel"],
  },
  {
    name: "combineFigures",
    action: "combine figures",
    call: (options) => combineFigures([plotLines([line("a")])], options),
    labels: [],
  },
];

Deno.test("every plot helper sets its title, subtitle and caption as given", async (t) => {
  for (const { name, call } of HELPERS) {
    await t.step(name, () => {
      const figure = call({ title: "T", subtitle: "S", caption: "C" });
      assert.equal(figure.querySelector("h2")?.textContent, "T");
      assert.equal(figure.querySelector("h3")?.textContent, "S");
      assert.equal(figure.querySelector("figcaption")?.textContent, "C");
    });
  }
});

Deno.test("every plot helper refuses a title, subtitle or caption that is not a string", async (t) => {
  for (const { name, action, call } of HELPERS) {
    await t.step(name, () => {
      for (const text of ["title", "subtitle", "caption"]) {
        // A number would show as "5", an object as "[object Object]".
        assert.throws(() => call({ [text]: 5 }), {
          name: "TypeError",
          message: `Cannot ${action} as ${text} must be a string: ${text}=5`,
        });
        assert.throws(() => call({ [text]: ["a", "b"] }), {
          name: "TypeError",
          message: `Cannot ${action} as ${text} must be a string: ${text}=["a", "b"]`,
        });
      }
    });
  }
});

Deno.test("every plot helper writes its axis labels as given and refuses one that is not a string", async (t) => {
  for (const { name, action, call, labels } of HELPERS.filter((h) => h.labels.length > 0)) {
    await t.step(name, () => {
      for (const label of labels) {
        const text = call({ [label]: `the ${label}` }).outerHTML;
        assert.ok(text.includes(`the ${label}`), `${label} appears in the figure`);
        assert.throws(() => call({ [label]: 7 }), {
          name: "TypeError",
          message: `Cannot ${action} as ${label} must be a string: ${label}=7`,
        });
      }
    });
  }
});

/** Each helper drawing `n` series, named 0 to n - 1 (classes: predict's n columns). */
const N_SERIES: {
  name: string;
  action: string;
  what: string;
  call: (n: number, options: Record<string, unknown>) => FigureElement;
}[] = [
  {
    name: "plotLines",
    action: "plot lines",
    what: "series",
    call: (n, options) => plotLines(names(n).map(line), options),
  },
  {
    name: "plotActivations",
    action: "plot activations",
    what: "activations",
    call: (n, options) => plotActivations(names(n).map((label) => ({ ...relu, label })), options),
  },
  {
    name: "plotDecisionBoundary",
    action: "plot a decision boundary",
    what: "classes",
    call: (n, options) =>
      plotDecisionBoundary(
        (x) => ({ rows: x.rows, cols: n, data: new Float64Array(x.rows * n).map((_, k) => k % n) }),
        points,
        { resolution: 4, ...options },
      ),
  },
  {
    name: "plotHistogram",
    action: "plot a histogram",
    what: "groups",
    call: (n, options) =>
      plotHistogram(names(n).map((name) => ({ name, values: [1, 2] })), options),
  },
  {
    name: "plotLayerBars",
    action: "plot layer bars",
    what: "series",
    call: (n, options) =>
      plotLayerBars(names(n).map((series) => ({ layer: "1", value: 0.5, series })), options),
  },
  {
    name: "plotTrainingCurves",
    action: "plot training curves",
    what: "runs",
    call: (n, options) => plotTrainingCurves(names(n).map((name) => ({ name, history })), options),
  },
];

function names(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `s${i}`);
}

Deno.test("every plot helper refuses fewer colours than series, which would give two series one colour", async (t) => {
  for (const { name, action, what, call: callN } of N_SERIES) {
    const call = (options: Record<string, unknown>) => callN(2, options);
    await t.step(name, () => {
      assert.throws(() => call({ colors: ["#aa0000"] }), {
        name: "RangeError",
        message:
          `Cannot ${action} as colors.length must be at least 2, a colour for each of the 2 ${what}: colors.length=1`,
      });
      // One each is enough, and a longer list leaves the rest unused.
      for (const colors of [["#aa0000", "#00bb00"], ["#aa0000", "#00bb00", "#0000cc"]]) {
        const markup = call({ colors }).outerHTML;
        assert.ok(markup.includes("#00bb00"), "the second series takes the second colour");
        assert.ok(!markup.includes("#0000cc"), "a colour beyond the series is not drawn");
      }
    });
  }
});

Deno.test("every plot helper gives each series its own default colour, and refuses more series than colours unless given colours", async (t) => {
  const defaults = plotDefaults.colors.length;
  for (const { name, action, what, call } of N_SERIES) {
    await t.step(name, () => {
      const markup = call(defaults, {}).outerHTML;
      for (const color of plotDefaults.colors) {
        assert.ok(markup.includes(color), `${color}, one of the ${defaults} defaults, is drawn`);
      }
      assert.throws(() => call(defaults + 1, {}), {
        name: "RangeError",
        message: `Cannot ${action} as the number of ${what} must be at most ${defaults} without ` +
          `colors, one of the ${defaults} default colours each (pass colors, a colour for each of ` +
          `the ${defaults + 1} ${what}): the number of ${what}=${defaults + 1}`,
      });
      const colors = names(defaults + 1).map((_, i) => `#0000${(16 + i).toString(16)}`);
      const given = call(defaults + 1, { colors }).outerHTML;
      for (const color of colors) assert.ok(given.includes(color), `${color}, given, is drawn`);
    });
  }
});
