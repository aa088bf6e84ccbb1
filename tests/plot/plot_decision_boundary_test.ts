import assert from "node:assert/strict";
import { fromRows, type Matrix, matrix } from "../../src/core/matrix.ts";
import { type FigureElement, plotDecisionBoundary, toHtmlString } from "../../src/plot/mod.ts";
import { correctCount } from "../../src/nn/accuracy.ts";
import { linear } from "./_fixtures.ts";
import { tickAt } from "./_ticks.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

/** The same output everywhere: `cols` columns of `value`. */
const constant = (value: number, cols = 1) => (x: Matrix): Matrix => ({
  rows: x.rows,
  cols,
  data: new Float64Array(x.rows * cols).fill(value),
});

/** The distinct fills of the region cells. */
const regionFills = (figure: FigureElement) => [
  ...new Set(
    Array.from(figure.querySelectorAll("g[aria-description=region] rect"))
      .map((rect) => rect.getAttribute("fill")),
  ),
];
// The default class colours mixed with white as unshaded regions are: class 0, class 1.
const CLASS_0 = "#a4b7e8", CLASS_1 = "#f7da90";

/** Three scores per point: x1, x2 and -(x1 + x2). */
function threeScores(x: Matrix): Matrix {
  const data = new Float64Array(x.rows * 3);
  for (let i = 0; i < x.rows; i++) {
    data[3 * i] = x.data[2 * i];
    data[3 * i + 1] = x.data[2 * i + 1];
    data[3 * i + 2] = -(x.data[2 * i] + x.data[2 * i + 1]);
  }
  return { rows: x.rows, cols: 3, data };
}

const data = {
  x: fromRows([[-1, -1], [-0.5, -1], [1, 1], [1, 0.5]]),
  y: new Int32Array([0, 0, 1, 1]),
};

Deno.test("plotDecisionBoundary() draws every data point on top of the regions", () => {
  const figure = plotDecisionBoundary(linear, data, { resolution: 10 });
  assert.equal(figure.querySelectorAll("g[aria-label=dot] circle").length, 4);
  assert.ok(figure.querySelectorAll("g[aria-description=region] rect").length > 0);
});

Deno.test("plotDecisionBoundary() calls predict once on a resolution² x 2 grid", () => {
  const shapes: string[] = [];
  plotDecisionBoundary(
    (x) => {
      shapes.push(`${x.rows}x${x.cols}`);
      return linear(x);
    },
    data,
    { resolution: 7 },
  );
  assert.deepEqual(shapes, ["49x2"]);
});

/** Points with x1 in [0, 4] and x2 in [10, 13]: padded by 0.25, the extent is [-1, 5] x [9.25, 13.75]. */
const offset = { x: fromRows([[0, 10], [4, 13]]), y: new Int32Array([0, 1]) };

Deno.test("plotDecisionBoundary() asks predict at the cell centres over the padded extent, row by row", () => {
  let grid: number[] = [];
  plotDecisionBoundary(
    (x) => {
      grid = Array.from(x.data);
      return constant(0)(x);
    },
    offset,
    { resolution: 3, padding: 0.25 },
  );
  // Cells 2 wide and 1.5 tall: centres at x1 = 0, 2, 4 and x2 = 10, 11.5, 13.
  assert.deepEqual(grid, [0, 10, 2, 10, 4, 10, 0, 11.5, 2, 11.5, 4, 11.5, 0, 13, 2, 13, 4, 13]);
});

Deno.test("plotDecisionBoundary() tiles the padded extent with its regions, one run of a row each", async (t) => {
  // Class 1 in the left-hand or the right-hand column of cells, class 0 in the other two.
  const cases = [
    { name: "left", inClass1: (x1: number) => x1 < 1, class1: [-1, 1], class0: [1, 5] },
    { name: "right", inClass1: (x1: number) => x1 > 3, class1: [3, 5], class0: [-1, 3] },
  ];
  for (const { name, inClass1, class1, class0 } of cases) {
    await t.step(name, () => {
      const predict = (x: Matrix): Matrix => {
        const out = constant(0)(x);
        for (let i = 0; i < x.rows; i++) out.data[i] = inClass1(x.data[2 * i]) ? 1 : -1;
        return out;
      };
      const figure = plotDecisionBoundary(predict, offset, {
        resolution: 3,
        padding: 0.25,
        confidence: false,
      });
      const px = (x1: number) => tickAt(figure, "x", x1 < 0 ? `−${-x1}` : `${x1}`);
      const unit = (tickAt(figure, "y", "10.0") - tickAt(figure, "y", "12.0")) / 2;
      const top = tickAt(figure, "y", "12.0") - 1.75 * unit; // x2 = 13.75
      const rects = Array.from(figure.querySelectorAll("g[aria-description=region] rect")).map((
        rect,
      ) => ["fill", "x", "width", "y", "height"].map((name) => rect.getAttribute(name)!));
      const close = (a: string | number, b: number) => Math.abs(Number(a) - b) < 1e-9;
      assert.equal(rects.length, 6);
      for (const [fill, x, width, y, height] of rects) {
        const [from, to] = fill === CLASS_1 ? class1 : class0;
        assert.ok(
          close(x, px(from)) && close(width, px(to) - px(from)),
          `${fill}: x ${x}, width ${width}`,
        );
        assert.ok(close(height, 1.5 * unit), `height ${height}`);
        const row = (Number(y) - top) / (1.5 * unit);
        assert.ok(close(row, Math.round(row)) && row >= 0 && row < 3, `y ${y}`);
      }
      assert.deepEqual(rects.map(([fill]) => fill).sort(), [
        CLASS_0,
        CLASS_0,
        CLASS_0,
        CLASS_1,
        CLASS_1,
        CLASS_1,
      ]);
    });
  }
});

Deno.test("plotDecisionBoundary() shades by confidence unless told not to", () => {
  const shaded = plotDecisionBoundary(linear, data, { resolution: 10 });
  assert.equal(
    toHtmlString(shaded),
    toHtmlString(plotDecisionBoundary(linear, data, { resolution: 10, confidence: true })),
  );
  assert.ok(regionFills(shaded).length > 2, `fills ${regionFills(shaded)}`);
  assert.deepEqual(
    regionFills(plotDecisionBoundary(linear, data, { resolution: 10, confidence: false })).sort(),
    [CLASS_0, CLASS_1],
  );
});

Deno.test("plotDecisionBoundary() measures chance among the classes predict gives, whatever labels the points have", () => {
  const x = fromRows([[0, 0], [1, 1], [0.5, 0.2]]);
  // One logit: two classes, whatever the labels.
  const predict = (grid: Matrix) => ({
    rows: grid.rows,
    cols: 1,
    data: grid.data.filter((_, i) => i % 2 === 0).map((v) => 4 * (v - 0.5)),
  });
  const colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"];
  const fills = (labels: number[]) =>
    Array.from(
      plotDecisionBoundary(predict, { x, y: Int32Array.from(labels) }, {
        colors: colors.slice(0, Math.max(...labels) + 1),
      }).querySelectorAll("g[aria-label=rect] rect"),
    ).map((rect) => rect.getAttribute("fill"));
  // A label of 5 made chance 1/6: every region darker, its two palest shades gone (6 fills of 8).
  const beyond = fills([0, 5, 1]);
  assert.deepEqual(beyond, fills([0, 1, 1]));
  assert.equal(new Set(beyond).size, 8);
});

Deno.test("plotDecisionBoundary() shades a cell by its confidence above chance, in quarters", () => {
  // The class colour over white, by 0.12 + 0.36 × the level: the level is (p - 1/k) / (1 - 1/k),
  // rounded to a quarter. Default colours: class 1 #efb118, class 2 #ff725c.
  const shade = (color: string, level: number) =>
    "#" + [1, 3, 5].map((i) => {
      const c = parseInt(color.slice(i, i + 2), 16);
      return Math.round(255 + (c - 255) * (0.12 + 0.36 * level)).toString(16).padStart(2, "0");
    }).join("");
  const logit = (p: number) => constant(Math.log(p / (1 - p)));
  // p = 0.75 of two classes: level 0.5; p = 0.6: 0.2, rounded to 0.25.
  assert.deepEqual(regionFills(plotDecisionBoundary(logit(0.75), data, { resolution: 3 })), [
    shade("#efb118", 0.5),
  ]);
  assert.deepEqual(regionFills(plotDecisionBoundary(logit(0.6), data, { resolution: 3 })), [
    shade("#efb118", 0.25),
  ]);
  // p = 0.25 for class 1 is 0.75 for class 0 (#4269d0): level 0.5 again.
  assert.deepEqual(regionFills(plotDecisionBoundary(logit(0.25), data, { resolution: 3 })), [
    shade("#4269d0", 0.5),
  ]);
  // p = 0.6 of three classes: level 0.4, rounded to 0.5.
  const three = (x: Matrix): Matrix => {
    const out = constant(0.2, 3)(x);
    for (let i = 0; i < x.rows; i++) out.data[3 * i + 2] = 0.6;
    return out;
  };
  const figure = plotDecisionBoundary(three, data, { resolution: 3, output: "probability" });
  assert.deepEqual(regionFills(figure), [shade("#ff725c", 0.5)]);
});

Deno.test("plotDecisionBoundary() takes the first of the highest scores, cell by cell", async (t) => {
  // The default class colours unshaded: class 0, 1, 2.
  const colours = [CLASS_0, CLASS_1, "#ffbbb1"]; // #ff725c at 0.48 over white
  await t.step("the class of each column's own score, left to right in every row", () => {
    // Each cell's scores sit 1000 above the cell before it's, so reading another cell's scores
    // picks the wrong class (or overflows exp()).
    const byColumn = (x: Matrix): Matrix => {
      const out = constant(0, 3)(x);
      for (let i = 0; i < x.rows; i++) {
        out.data.fill(1000 * i, 3 * i, 3 * i + 3);
        out.data[3 * i + (i % 3)] += 2;
      }
      return out;
    };
    const figure = plotDecisionBoundary(byColumn, offset, {
      resolution: 3,
      padding: 0.25,
      confidence: false,
    });
    const fills = Array.from(figure.querySelectorAll("g[aria-description=region] rect"))
      .map((rect) =>
        [
          Number(rect.getAttribute("y")),
          Number(rect.getAttribute("x")),
          rect.getAttribute("fill"),
        ] as const
      )
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, , fill]) => fill);
    assert.deepEqual(fills, [...colours, ...colours, ...colours]);
    const shaded = regionFills(
      plotDecisionBoundary(byColumn, offset, { resolution: 3, padding: 0.25 }),
    );
    assert.equal(shaded.length, 3, `one shade a class: ${shaded}`);
    for (const fill of shaded) assert.match(fill ?? "", /^#[0-9a-f]{6}$/);
  });
  await t.step("a tie goes to the first class, with one column as with several", () => {
    const options = { resolution: 3, confidence: false } as const;
    assert.deepEqual(regionFills(plotDecisionBoundary(constant(1, 3), data, options)), [CLASS_0]);
    // A logit of 0 (a dead binary net's output) is class 0, as accuracy counts it.
    assert.deepEqual(regionFills(plotDecisionBoundary(constant(0), data, options)), [CLASS_0]);
    const zero = constant(0)(data.x);
    assert.equal(correctCount(zero, new Int32Array([0, 0, 0, 0])), 4);
    // So is a logit too small to move the sigmoid off 0.5, and a probability of exactly 0.5.
    assert.deepEqual(regionFills(plotDecisionBoundary(constant(-1e-17), data, options)), [CLASS_0]);
    assert.deepEqual(regionFills(plotDecisionBoundary(constant(1e-17), data, options)), [CLASS_1]);
    const probability = { ...options, output: "probability" } as const;
    assert.deepEqual(regionFills(plotDecisionBoundary(constant(0.5), data, probability)), [
      CLASS_0,
    ]);
  });
  await t.step("logits too large for exp() still give a finite shade", () => {
    const large = (x: Matrix): Matrix => {
      const out = constant(0, 3)(x);
      for (let i = 0; i < x.rows; i++) out.data.set([1000, 999, 0], 3 * i);
      return out;
    };
    const [fill] = regionFills(plotDecisionBoundary(large, data, { resolution: 3 }));
    assert.match(fill ?? "", /^#[0-9a-f]{6}$/);
  });
});

Deno.test("plotDecisionBoundary() merges runs of equal cells along each row", () => {
  // Without shading, each grid row of a linear boundary has at most two runs.
  const figure = plotDecisionBoundary(linear, data, { resolution: 20, confidence: false });
  assert.ok(figure.querySelectorAll("g[aria-description=region] rect").length <= 40);
});

Deno.test("plotDecisionBoundary() names the classes in a legend", async (t) => {
  await t.step("class 0, class 1 by default", () => {
    const text = plotDecisionBoundary(linear, data, { resolution: 5 }).textContent ?? "";
    assert.ok(text.includes("class 0") && text.includes("class 1"));
  });
  await t.step("one for every score column and every label in the data, wherever it stands", () => {
    const names = (figure: FigureElement) =>
      Array.from(figure.querySelectorAll("figure > div > span"))
        .filter((span) => span.querySelector("svg") !== null)
        .map((span) => span.textContent);
    const labels = { x: fromRows([[0, 0], [1, 1], [2, 0]]), y: new Int32Array([2, 0, 1]) };
    assert.deepEqual(names(plotDecisionBoundary(linear, labels, { resolution: 3 })), [
      "class 0",
      "class 1",
      "class 2",
    ]);
    assert.deepEqual(names(plotDecisionBoundary(threeScores, data, { resolution: 3 })), [
      "class 0",
      "class 1",
      "class 2",
    ]);
    assert.deepEqual(names(plotDecisionBoundary(linear, data, { resolution: 3 })), [
      "class 0",
      "class 1",
    ]);
    const zeros = { x: fromRows([[0, 0], [1, 1]]), y: new Int32Array([0, 0]) };
    assert.deepEqual(names(plotDecisionBoundary(linear, zeros, { resolution: 3 })), [
      "class 0",
      "class 1",
    ], "one logit column is two classes");
  });
  await t.step("classNames when given, one per score column", () => {
    const text = plotDecisionBoundary(threeScores, data, {
      resolution: 5,
      classNames: ["left", "up", "down"],
    }).textContent ?? "";
    assert.ok(text.includes("left") && text.includes("up") && text.includes("down"));
  });
});

Deno.test("plotDecisionBoundary() takes one distinct name for each class, or none", async (t) => {
  const names = (figure: FigureElement) =>
    Array.from(figure.querySelectorAll("figure > div > span"))
      .filter((span) => span.querySelector("svg") !== null)
      .map((span) => span.textContent);
  await t.step("each name on its own class, in the legend and on the points", () => {
    const figure = plotDecisionBoundary(linear, data, {
      resolution: 3,
      classNames: ["down", "up"],
    });
    assert.deepEqual(names(figure), ["down", "up"]);
    // Each point takes the legend colour of its own class: class 0 first, then class 1.
    const fills = Array.from(figure.querySelectorAll("g[aria-label=dot] circle"))
      .map((dot) => dot.getAttribute("fill"));
    const [down, up] = Array.from(figure.querySelectorAll("figure > div > span svg circle"))
      .map((key) => key.getAttribute("fill"));
    assert.notEqual(down, up);
    assert.deepEqual(fills, [down, down, up, up]);
  });
  await t.step(
    "refuses too few or too many (a class would lose its colour, or one be made up)",
    () => {
      for (const classNames of [["down"], ["down", "up", "sideways"]]) {
        assert.throws(() => plotDecisionBoundary(linear, data, { resolution: 3, classNames }), {
          name: "RangeError",
          message:
            `Cannot plot a decision boundary as classNames.length must be 2, a name for each class (predict's 1 column and labels up to 1): classNames.length=${classNames.length}`,
        });
      }
      const labels = { x: fromRows([[0, 0], [1, 1], [2, 0]]), y: new Int32Array([2, 0, 1]) };
      assert.throws(() => plotDecisionBoundary(threeScores, labels, { classNames: ["a", "b"] }), {
        name: "RangeError",
        message:
          "Cannot plot a decision boundary as classNames.length must be 3, a name for each class (predict's 3 columns and labels up to 2): classNames.length=2",
      });
    },
  );
  await t.step("refuses a name given twice, a name that is not a string, and a string", () => {
    assert.throws(() => plotDecisionBoundary(linear, data, { classNames: ["a", "a"] }), {
      name: "RangeError",
      message:
        'Cannot plot a decision boundary as classNames[1] must be unique (classNames[0] is the same): classNames[1]="a"',
    });
    assert.throws(() => plotDecisionBoundary(linear, data, { classNames: ["a", 1 as never] }), {
      name: "TypeError",
      message: "Cannot plot a decision boundary as classNames[1] must be a string: classNames[1]=1",
    });
    assert.throws(() => plotDecisionBoundary(linear, data, { classNames: "ab" as never }), {
      name: "TypeError",
      message:
        'Cannot plot a decision boundary as classNames must be an array of strings: classNames="ab"',
    });
  });
});

Deno.test("plotDecisionBoundary() refuses a negative label, which names no class, before it asks the model", () => {
  const negative = { x: fromRows([[0, 0], [1, 1]]), y: new Int32Array([0, -1]) };
  let predictions = 0;
  const counted = (x: Matrix) => {
    predictions++;
    return linear(x);
  };
  assert.throws(() => plotDecisionBoundary(counted, negative, { resolution: 3 }), {
    name: "RangeError",
    message:
      "Cannot plot a decision boundary as data.y[1] must be a class label >= 0: data.y[1]=-1",
  });
  assert.equal(predictions, 0);
});

Deno.test("plotDecisionBoundary() gives the same markup for the same call", () => {
  const a = plotDecisionBoundary(threeScores, data, { resolution: 12, title: "Same" });
  const b = plotDecisionBoundary(threeScores, data, { resolution: 12, title: "Same" });
  assert.equal(toHtmlString(a), toHtmlString(b));
});

Deno.test("plotDecisionBoundary() rejects bad input with house-style errors", async (t) => {
  await t.step("inputs that are not 2-D", () => {
    const x = fromRows([[1, 2, 3]]);
    assert.throws(() => plotDecisionBoundary(linear, { x, y: new Int32Array([0]) }), {
      name: "RangeError",
      message: /^Cannot plot a decision boundary as data\.x\.cols must be 2/,
    });
  });
  await t.step("labels that are not an Int32Array", () => {
    assert.throws(
      () => plotDecisionBoundary(linear, { x: data.x, y: fromRows([[0], [0], [1], [1]]) }),
      TypeError,
    );
  });
  await t.step("a predict that returns no matrix, the wrong number of rows or no column", () => {
    const outputs: [unknown, string][] = [
      [null, "null"],
      [fromRows([[1]]), '"1x1"'],
      [{ rows: 16, cols: 0, data: new Float64Array(0) }, '"16x0"'],
      [{ rows: 16, cols: 1, data: Array(16).fill(0) }, '"16x1"'],
    ];
    for (const [out, seen] of outputs) {
      assert.throws(() => plotDecisionBoundary(() => out as Matrix, data, { resolution: 4 }), {
        name: "TypeError",
        message:
          `Cannot plot a decision boundary as predict(x) must be a Matrix with 16 rows and at least 1 column: predict(x)=${seen}`,
      });
    }
  });
  await t.step("data that is not a data set, or has no points (one will do)", () => {
    for (const [value, seen] of [[null, "null"], [{}, "{}"]] as const) {
      assert.throws(() => plotDecisionBoundary(linear, value as never), {
        name: "TypeError",
        message:
          `Cannot plot a decision boundary as data must be a data set { x, y }: data=${seen}`,
      });
    }
    assert.throws(() => plotDecisionBoundary(linear, { x: matrix(0, 2), y: new Int32Array(0) }), {
      name: "RangeError",
      message: "Cannot plot a decision boundary as data.x.rows must be at least 1: data.x.rows=0",
    });
    const one = { x: fromRows([[1, 2]]), y: new Int32Array([1]) };
    assert.equal(
      plotDecisionBoundary(linear, one, { resolution: 2 }).querySelectorAll(
        "g[aria-label=dot] circle",
      ).length,
      1,
    );
  });
  await t.step("a resolution below 2 or fractional (2 is the smallest)", () => {
    for (const resolution of [1, 2.5]) {
      assert.throws(() => plotDecisionBoundary(linear, data, { resolution }), {
        name: "RangeError",
        message:
          `Cannot plot a decision boundary as resolution must be a finite integer >= 2 and <= 1000: resolution=${resolution}`,
      });
    }
  });
});

Deno.test("plotDecisionBoundary() reads one output column as a logit, as mlp and binaryCrossEntropy do", () => {
  // A logit of 0.3 is a probability of 0.57 for class 1: it was painted class 0.
  const figure = plotDecisionBoundary(constant(0.3), data, { resolution: 4, confidence: false });
  assert.deepEqual(regionFills(figure), [CLASS_1]);
  const below = plotDecisionBoundary(constant(-0.3), data, { resolution: 4, confidence: false });
  assert.deepEqual(regionFills(below), [CLASS_0]);
});

Deno.test('plotDecisionBoundary() reads probabilities when output is "probability"', () => {
  const options = { resolution: 4, confidence: false, output: "probability" } as const;
  assert.deepEqual(regionFills(plotDecisionBoundary(constant(0.3), data, options)), [CLASS_0]);
  assert.deepEqual(regionFills(plotDecisionBoundary(constant(0.7), data, options)), [CLASS_1]);
  // Certainty either way is a probability too.
  assert.deepEqual(regionFills(plotDecisionBoundary(constant(1), data, options)), [CLASS_1]);
  assert.deepEqual(regionFills(plotDecisionBoundary(constant(0), data, options)), [CLASS_0]);
  // With several columns, one probability per class.
  const rows = (x: Matrix): Matrix => {
    const out = constant(0.2, 2)(x);
    for (let i = 0; i < x.rows; i++) out.data[2 * i + 1] = 0.8;
    return out;
  };
  assert.deepEqual(regionFills(plotDecisionBoundary(rows, data, options)), [CLASS_1]);
});

Deno.test("plotDecisionBoundary() refuses outputs that do not fit the output convention", async (t) => {
  await t.step("a NaN logit, whose region vanished", () => {
    assert.throws(() => plotDecisionBoundary(constant(NaN), data, { resolution: 4 }), {
      name: "RangeError",
      message:
        'Cannot plot a decision boundary as predict(x).data[0] must be a finite logit (output "logit"): predict(x).data[0]=NaN',
    });
  });
  await t.step("a probability above 1", () => {
    assert.throws(
      () => plotDecisionBoundary(constant(1.3), data, { resolution: 4, output: "probability" }),
      {
        name: "RangeError",
        message:
          'Cannot plot a decision boundary as predict(x).data[0] must be a probability in [0, 1] (output "probability"): predict(x).data[0]=1.3',
      },
    );
  });
  await t.step("probabilities that do not sum to 1", () => {
    assert.throws(
      () => plotDecisionBoundary(constant(0.3, 2), data, { resolution: 4, output: "probability" }),
      {
        name: "RangeError",
        message:
          'Cannot plot a decision boundary as predict(x) row 0 must be probabilities summing to 1 (output "probability"): predict(x) row 0=[0.3, 0.3]',
      },
    );
  });
  await t.step("an unknown convention", () => {
    assert.throws(() => plotDecisionBoundary(linear, data, { output: "odds" as never }), {
      name: "RangeError",
      message:
        'Cannot plot a decision boundary as output must be "logit" or "probability": output="odds"',
    });
  });
});

Deno.test("plotDecisionBoundary() refuses colours it cannot shade and a non-boolean confidence", () => {
  // Named colours made the region layer disappear; an empty list threw "reading 'slice'".
  assert.throws(() => plotDecisionBoundary(linear, data, { colors: ["#4269d0", "red"] }), {
    name: "RangeError",
    message:
      'Cannot plot a decision boundary as colors[1] must be a colour in #rrggbb form: colors[1]="red"',
  });
  assert.throws(() => plotDecisionBoundary(linear, data, { colors: [] }), {
    name: "RangeError",
    message:
      "Cannot plot a decision boundary as colors must be a non-empty array of colours: colors=[]",
  });
  assert.throws(() => plotDecisionBoundary(linear, data, { confidence: "no" as never }), {
    name: "TypeError",
    message: 'Cannot plot a decision boundary as confidence must be true or false: confidence="no"',
  });
});

Deno.test("plotDecisionBoundary() refuses a point that is not finite, naming its row and column, before it asks the model", () => {
  let predictions = 0;
  const counted = (x: Matrix) => {
    predictions++;
    return linear(x);
  };
  const cases: [number[][], string][] = [
    // Once drawn without the point, silently.
    [[[-1, -1], [1, 1], [NaN, 0.5]], "row 2, column 0=NaN"],
    // Once blamed on predict, whose grid the infinite extent had made NaN.
    [[[-1, -1], [1, Infinity]], "row 1, column 1=Infinity"],
    [[[-Infinity, -1], [1, 1]], "row 0, column 0=-Infinity"],
  ];
  for (const [rows, seen] of cases) {
    const x = fromRows(rows);
    const [row, column] = seen.match(/\d+/g)!;
    assert.throws(() => plotDecisionBoundary(counted, { x, y: new Int32Array(x.rows) }), {
      name: "RangeError",
      message:
        `Cannot plot a decision boundary as data.x row ${row}, column ${column} must be a finite number (a coordinate of a point in the plane): data.x ${seen}`,
    });
  }
  assert.equal(predictions, 0);
});

Deno.test("plotDecisionBoundary() refuses data.x that is not a matrix, pointing to fromRows", () => {
  const x = [[-1, -1], [1, 1]];
  assert.throws(() => plotDecisionBoundary(linear, { x, y: new Int32Array(2) } as never), {
    name: "TypeError",
    message:
      "Cannot plot a decision boundary as data.x must be a matrix { rows, cols, data } (fromRows builds one from nested arrays): data.x=an array of 2",
  });
});

Deno.test("plotDecisionBoundary() says that predict threw, keeps its error as the cause, and hints at binding", () => {
  const model = {
    scale: 2,
    predict(this: { scale: number }, x: Matrix): Matrix {
      return {
        rows: x.rows,
        cols: 1,
        data: x.data.filter((_, i) => i % 2 === 0).map((v) => v * this.scale),
      };
    },
  };
  // Was: TypeError: Cannot read properties of undefined (reading 'scale').
  assert.throws(
    () => plotDecisionBoundary(model.predict as never, data, { resolution: 4 }),
    {
      name: "TypeError",
      message:
        "Cannot plot a decision boundary as predict(x) must return outputs for the 16x2 grid x, not throw (a method must be bound, e.g. `(x) => model.predict(x)`): predict(x) threw TypeError: Cannot read properties of undefined (reading 'scale')",
    },
  );
  let cause: unknown;
  try {
    plotDecisionBoundary(model.predict as never, data, { resolution: 4 });
  } catch (e) {
    cause = (e as Error).cause;
  }
  assert.ok(cause instanceof TypeError && /reading 'scale'/.test(cause.message));
  const tooFew = () => {
    throw new RangeError("x must have 3 columns");
  };
  assert.throws(() => plotDecisionBoundary(tooFew, data, { resolution: 4 }), {
    name: "RangeError",
    message: /predict\(x\) threw RangeError: x must have 3 columns$/,
  });
  assert.ok(plotDecisionBoundary((x) => model.predict(x), data, { resolution: 4 }));
});

Deno.test("plotDecisionBoundary() refuses a padded extent that overflows, before calling predict", () => {
  let predictions = 0;
  const counted = (x: Matrix) => {
    predictions++;
    return constant(0)(x);
  };
  // Was blamed on predict: predict(x).data[0] must be a finite logit ...=NaN.
  assert.throws(() => plotDecisionBoundary(counted, data, { padding: 1e308 }), {
    name: "RangeError",
    message:
      "Cannot plot a decision boundary as the padded extent of data.x column 0 must be finite (the points' range, widened by padding = 1e+308 of it on each side, overflows: scale the points or lower the padding): the padded extent of data.x column 0=[-Infinity, Infinity]",
  });
  // Rendered silently on a NaN grid.
  const huge = { x: fromRows([[1e308, 0], [-1e308, 1]]), y: new Int32Array([0, 1]) };
  assert.throws(() => plotDecisionBoundary(counted, huge), {
    name: "RangeError",
    message: /as the padded extent of data\.x column 0 must be finite .*=\[-Infinity, Infinity\]$/,
  });
  assert.equal(predictions, 0);
});

Deno.test("plotDecisionBoundary() refuses a fourth argument, which would go unused", () => {
  assert.throws(
    () =>
      loose(lib.plotDecisionBoundary)(
        (x: lib.Matrix) => x,
        { x: lib.fromRows([[0, 1]]), y: Int32Array.of(1) },
        {},
        { resolution: 10 },
      ),
    {
      name: "TypeError",
      message:
        "Cannot plot a decision boundary as plotDecisionBoundary takes predict, data and options, no fourth argument: fourth={ resolution: 10 }",
    },
  );
});
