import assert from "node:assert/strict";
import fc from "fast-check";
import {
  accuracy,
  binaryCrossEntropy,
  binaryCrossEntropyValue,
  correctCount,
  fromRows,
  type Loss,
  type Matrix,
  matrix,
  meanSquaredError,
  meanSquaredErrorValue,
  resolveLoss,
  softmax,
  softmaxCrossEntropy,
  softmaxCrossEntropyGrad,
  softmaxCrossEntropyValue,
} from "../../src/mod.ts";
import { randomMatrix, relativeError } from "./_helpers.ts";
import * as lib from "../../src/mod.ts";
import { loose } from "../_loose.ts";

/** The largest relative error of a loss's gradient against central differences. */
function lossGradientError(loss: Loss, pred: Matrix, target: Int32Array | Matrix): number {
  const grad = matrix(pred.rows, pred.cols);
  loss.valueAndGrad(pred, target, grad);
  const h = 1e-5;
  let worst = 0;
  for (let i = 0; i < pred.data.length; i++) {
    const original = pred.data[i];
    pred.data[i] = original + h;
    const plus = loss.value(pred, target);
    pred.data[i] = original - h;
    const minus = loss.value(pred, target);
    pred.data[i] = original;
    worst = Math.max(worst, relativeError(grad.data[i], (plus - minus) / (2 * h)));
  }
  return worst;
}

const labels = (n: number, classes: number, seed: number) =>
  Int32Array.from({ length: n }, (_, i) => (i * 7 + seed) % classes);

Deno.test("the loss gradients match central differences", async (t) => {
  await t.step("meanSquaredError", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), (seed) => {
        const error = lossGradientError(
          meanSquaredError,
          randomMatrix(4, 3, seed),
          randomMatrix(4, 3, seed + 1),
        );
        assert.ok(error < 1e-6, `${error}`);
      }),
      { numRuns: 20 },
    );
  });
  await t.step("softmaxCrossEntropy", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 2, max: 5 }), (seed, c) => {
        const error = lossGradientError(
          softmaxCrossEntropy,
          randomMatrix(4, c, seed),
          labels(4, c, seed),
        );
        assert.ok(error < 1e-6, `${error}`);
      }),
      { numRuns: 20 },
    );
  });
  await t.step("binaryCrossEntropy with labels and with target probabilities", () => {
    const error = lossGradientError(binaryCrossEntropy, randomMatrix(6, 1, 2), labels(6, 2, 1));
    assert.ok(error < 1e-6, `${error}`);
    const targets = fromRows([[0.2, 0.9], [1, 0], [0.5, 0.5]]);
    assert.ok(lossGradientError(binaryCrossEntropy, randomMatrix(3, 2, 4), targets) < 1e-6);
  });
});

Deno.test("softmax() equals exp(z) / Σ exp(z), each row shifted by its own maximum", async (t) => {
  await t.step("moderate logits, against Math.exp", () => {
    const rows = [[1, 2, 3], [-1, 0.5, 0], [4, -4, 0.25]];
    const p = softmax(fromRows(rows));
    rows.forEach((row, i) => {
      const sum = row.reduce((s, z) => s + Math.exp(z), 0);
      row.forEach((z, j) => {
        assert.ok(relativeError(p.data[i * 3 + j], Math.exp(z) / sum) < 1e-15, `[${i}][${j}]`);
      });
    });
  });
  await t.step("huge logits first, last, or in the next row give exact probabilities", () => {
    const p = softmax(fromRows([[1000, 0], [0, 1000], [0, 0], [1000, 1000]]));
    assert.deepEqual(Array.from(p.data), [1, 0, 0, 1, 0.5, 0.5, 0.5, 0.5]);
  });
  await t.step("in place, when out is the logits", () => {
    const logits = fromRows([[0, 0], [1000, 0]]);
    assert.equal(softmax(logits, logits), logits);
    assert.deepEqual(Array.from(logits.data), [0.5, 0.5, 1, 0]);
  });
});

Deno.test("softmaxCrossEntropy equals the textbook formula for moderate logits", () => {
  const logits = fromRows([[1, 2, 3], [-1, 0.5, 0]]);
  const y = new Int32Array([2, 0]);
  const p = softmax(logits).data;
  const expected = -(Math.log(p[2]) + Math.log(p[3])) / 2;
  assert.ok(Math.abs(softmaxCrossEntropyValue(logits, y) - expected) < 1e-15);
});

Deno.test("softmaxCrossEntropy writing its gradient over the logits returns the loss and gradient of a separate buffer", () => {
  const logits = fromRows([[1, 2, 3], [-1, 0.5, 0], [4, 4, -2]]);
  const y = new Int32Array([2, 0, 1]);
  const grad = matrix(3, 3);
  const loss = softmaxCrossEntropy.valueAndGrad(logits, y, grad);
  const aliased = fromRows([[1, 2, 3], [-1, 0.5, 0], [4, 4, -2]]);
  assert.equal(softmaxCrossEntropy.valueAndGrad(aliased, y, aliased), loss);
  assert.deepEqual(aliased.data, grad.data);
});

Deno.test("softmaxCrossEntropy refuses one column of logits, whose loss would be 0 whatever it holds", () => {
  const one = fromRows([[3], [-2]]);
  for (
    const compute of [
      () => softmaxCrossEntropyValue(one, Int32Array.of(0, 0)),
      () => softmaxCrossEntropyGrad(one, Int32Array.of(0, 0)),
    ]
  ) {
    assert.throws(compute, {
      name: "RangeError",
      message:
        "Cannot compute the softmax cross-entropy as logits must have a column per class, at least 2 (one logit takes binaryCrossEntropy): logits is 2x1",
    });
  }
});

Deno.test("softmaxCrossEntropy stays finite for huge logits", () => {
  const logits = fromRows([[1e308, -1e308], [800, 0]]);
  assert.equal(softmaxCrossEntropyValue(logits, new Int32Array([0, 0])), 0);
  assert.equal(softmaxCrossEntropyValue(fromRows([[800, 0]]), new Int32Array([1])), 800);
  const grad = matrix(2, 2);
  softmaxCrossEntropy.valueAndGrad(logits, new Int32Array([1, 1]), grad);
  assert.ok(grad.data.every(Number.isFinite));
});

Deno.test("softmaxCrossEntropy keeps its precision for logits far from 0, as PyTorch does", () => {
  // Each row's loss is (max - z_y) + log Σ exp(z - max): exact for equal logits at any scale,
  // where max + log Σ - z_y rounded at the logits' scale (0.75 for [1e15, 1e15], 0 for 1e16).
  for (const c of [1000, 1e6, 1e15, 1e16, -1e16, 1e300]) {
    assert.equal(
      softmaxCrossEntropyValue(fromRows([[c, c]]), new Int32Array([0])),
      Math.LN2,
      `${c}`,
    );
    const three = softmaxCrossEntropyValue(fromRows([[c, c, c]]), new Int32Array([2]));
    assert.equal(three, Math.log(3), `${c}`);
  }
  // ln(1 + e) = 1.3132616875182228 (softplus(1), PyTorch float64): logits 1 apart at 1e6.
  const apart = softmaxCrossEntropyValue(fromRows([[1e6, 1e6 - 1]]), new Int32Array([1]));
  assert.ok(relativeError(apart, 1.3132616875182228) < 2e-16, `${apart}`);
});

Deno.test("binaryCrossEntropy stays finite for huge logits and equals the textbook formula", () => {
  assert.equal(binaryCrossEntropyValue(fromRows([[1000]]), new Int32Array([1])), 0);
  assert.equal(binaryCrossEntropyValue(fromRows([[1000]]), new Int32Array([0])), 1000);
  const z = 0.7, s = 1 / (1 + Math.exp(-z));
  const value = binaryCrossEntropyValue(fromRows([[z]]), fromRows([[0.3]]));
  assert.ok(Math.abs(value - -(0.3 * Math.log(s) + 0.7 * Math.log(1 - s))) < 1e-15);
});

Deno.test("meanSquaredError averages over every element", () => {
  assert.equal(meanSquaredErrorValue(fromRows([[1, 2], [3, 4]]), fromRows([[0, 0], [0, 0]])), 7.5);
});

Deno.test("the mean losses and accuracy() of an empty batch are NaN, as PyTorch's means are", () => {
  const labels = new Int32Array(0);
  assert.ok(Number.isNaN(softmaxCrossEntropyValue(matrix(0, 3), labels)));
  assert.ok(Number.isNaN(binaryCrossEntropyValue(matrix(0, 1), labels)));
  assert.ok(Number.isNaN(binaryCrossEntropyValue(matrix(0, 2), matrix(0, 2))));
  assert.ok(Number.isNaN(meanSquaredErrorValue(matrix(0, 2), matrix(0, 2))));
  assert.ok(Number.isNaN(accuracy(matrix(0, 3), labels)));
  const grad = matrix(0, 3);
  assert.ok(Number.isNaN(softmaxCrossEntropy.valueAndGrad(matrix(0, 3), labels, grad)));
  assert.equal(softmaxCrossEntropyGrad(matrix(0, 3), labels).data.length, 0);
});

Deno.test("accuracy() takes the arg-max, or the sign of a single logit", () => {
  assert.equal(accuracy(fromRows([[1, 3, 2], [5, 0, 0]]), new Int32Array([1, 1])), 0.5);
  assert.equal(accuracy(fromRows([[0.1], [-0.1], [0]]), new Int32Array([1, 0, 0])), 1);
});

Deno.test("accuracy() counts a row holding a NaN as wrong", () => {
  assert.equal(accuracy(fromRows([[NaN, NaN], [NaN, NaN]]), Int32Array.of(0, 0)), 0);
  assert.equal(accuracy(fromRows([[2, NaN], [NaN, 1], [3, 1]]), Int32Array.of(0, 1, 0)), 1 / 3);
  assert.equal(accuracy(fromRows([[NaN], [NaN]]), Int32Array.of(0, 1)), 0);
  assert.equal(correctCount(fromRows([[1, 1], [Infinity, 0]]), Int32Array.of(0, 0)), 2);
});

Deno.test("binaryCrossEntropy refuses matrix targets outside [0, 1]", () => {
  assert.throws(() => binaryCrossEntropyValue(fromRows([[10]]), fromRows([[5]])), {
    name: "RangeError",
    message:
      "Cannot compute the binary cross-entropy as every target must be in [0, 1]: target.data[0]=5",
  });
  assert.throws(() => binaryCrossEntropyValue(fromRows([[0, 0]]), fromRows([[1, NaN]])), {
    name: "RangeError",
    message:
      "Cannot compute the binary cross-entropy as every target must be in [0, 1]: target.data[1]=NaN",
  });
  assert.equal(binaryCrossEntropyValue(fromRows([[0, 0]]), fromRows([[0, 1]])), Math.log(2));
});

Deno.test("the losses and accuracy() refuse what is not a matrix, saying so", async (t) => {
  await t.step("a typed array as targets", () => {
    assert.throws(
      () => binaryCrossEntropyValue(fromRows([[0], [0]]), new Float64Array([1, 0]) as never),
      {
        name: "TypeError",
        message:
          "Cannot compute the binary cross-entropy as target must be an Int32Array of class labels or a matrix of targets in [0, 1] (new Int32Array(labels) converts an array): target=a Float64Array",
      },
    );
  });
  await t.step("nested arrays as logits", () => {
    for (
      const [name, call] of [
        [
          "the softmax cross-entropy",
          () => softmaxCrossEntropyValue([[0, 1]] as never, Int32Array.of(1)),
        ],
        [
          "the binary cross-entropy",
          () => binaryCrossEntropyValue([[0]] as never, Int32Array.of(1)),
        ],
      ] as const
    ) {
      assert.throws(call, {
        name: "TypeError",
        message:
          `Cannot compute ${name} as logits must be a matrix { rows, cols, data } (fromRows builds one from nested arrays): logits=an array of 1`,
      });
    }
  });
  await t.step("a target whose data is short", () => {
    assert.throws(
      () =>
        meanSquaredErrorValue(fromRows([[0, 0]]), { rows: 1, cols: 2, data: new Float64Array(1) }),
      {
        name: "RangeError",
        message:
          "Cannot compute the mean squared error as target.data must hold rows * cols = 2 elements for a 1x2 matrix: target.data.length=1",
      },
    );
  });
  await t.step("predictions that are not a matrix", () => {
    assert.throws(() => accuracy(undefined as never, Int32Array.of(0)), {
      name: "TypeError",
      message:
        "Cannot compute accuracy as pred must be a matrix { rows, cols, data } (fromRows builds one from nested arrays): pred=undefined",
    });
  });
});

Deno.test("the losses refuse mismatched targets", async (t) => {
  await t.step("a label out of range, naming it", () => {
    assert.throws(() => softmaxCrossEntropyValue(fromRows([[0, 0]]), new Int32Array([2])), {
      name: "RangeError",
      message:
        "Cannot compute the softmax cross-entropy as every label must be in 0..1: labels[0]=2",
    });
  });
  await t.step("the wrong number of labels", () => {
    assert.throws(() => softmaxCrossEntropyValue(fromRows([[0, 0]]), new Int32Array([0, 1])), {
      name: "RangeError",
      message:
        "Cannot compute the softmax cross-entropy as labels must hold one label per row of a 1x2 matrix: labels.length=2",
    });
  });
  await t.step("targets of another shape, in one dimension or both, naming both shapes", () => {
    const pairs: [number[][], number[][]][] = [
      [[[0, 0]], [[0], [1]]],
      [[[0, 0]], [[0]]],
      [[[0]], [[0], [1]]],
    ];
    for (const [predictions, target] of pairs) {
      const shape = (rows: number[][]) => `${rows.length}x${rows[0].length}`;
      assert.throws(() => meanSquaredErrorValue(fromRows(predictions), fromRows(target)), {
        name: "RangeError",
        message:
          `Cannot compute the mean squared error as predictions and target must have the same shape: predictions is ${
            shape(predictions)
          }, target is ${shape(target)}`,
      });
    }
  });
  await t.step("labels for a binary loss with two logits per row", () => {
    assert.throws(
      () => binaryCrossEntropyValue(fromRows([[0, 0]]), new Int32Array([1])),
      RangeError,
    );
  });
  await t.step("a binary label other than 0 or 1, naming it", () => {
    assert.throws(() => binaryCrossEntropyValue(fromRows([[0], [0]]), new Int32Array([1, 2])), {
      name: "RangeError",
      message:
        "Cannot compute the binary cross-entropy as every label must be in 0..1: labels[1]=2",
    });
  });
  await t.step("labels for the mean squared error", () => {
    assert.throws(
      () => meanSquaredErrorValue(fromRows([[0]]), new Int32Array([1]) as never),
      TypeError,
    );
  });
  await t.step("an unknown loss name", () => {
    assert.throws(() => resolveLoss("hinge" as "mse"), RangeError);
  });
});

Deno.test("resolveLoss() and defaultLossName() refuse an argument past their last, which would go unused", () => {
  assert.throws(() => loose(lib.resolveLoss)("mse", "softmaxCrossEntropy"), {
    name: "TypeError",
    message:
      'Cannot resolve a loss as resolveLoss takes loss alone, no second argument: second="softmaxCrossEntropy"',
  });
  assert.throws(() => loose(lib.defaultLossName)(Int32Array.of(0, 1), 2, "mse"), {
    name: "TypeError",
    message:
      'Cannot pick a default loss as defaultLossName takes target and outputSize, no third argument: third="mse"',
  });
  assert.deepEqual(["mse" as const].map(lib.resolveLoss).map((loss) => loss.name), [
    "meanSquaredError",
  ]);
});

Deno.test("the loss, accuracy and gradient-norm functions refuse an argument past their last", async (t) => {
  const pred = fromRows([[0.2, 0.8], [0.6, 0.4]]), target = fromRows([[0, 1], [1, 0]]);
  const labels = Int32Array.of(1, 0), grad = fromRows([[0, 0], [0, 0]]);
  const params = lib.mlp([2, 2], { seed: 1 }).params();
  // A grad buffer passed to a value function was left untouched without a word.
  const cases: [string, string, string, () => unknown][] = [
    [
      "meanSquaredErrorValue",
      "pred and target",
      "third",
      () => loose(lib.meanSquaredErrorValue)(pred, target, grad),
    ],
    [
      "meanSquaredErrorGrad",
      "pred, target and out",
      "fourth",
      () => loose(lib.meanSquaredErrorGrad)(pred, target, grad, 1),
    ],
    ["softmax", "logits and out", "third", () => loose(lib.softmax)(pred, grad, 1)],
    [
      "softmaxCrossEntropyValue",
      "logits and labels",
      "third",
      () => loose(lib.softmaxCrossEntropyValue)(pred, labels, grad),
    ],
    [
      "softmaxCrossEntropyGrad",
      "logits, labels and out",
      "fourth",
      () => loose(lib.softmaxCrossEntropyGrad)(pred, labels, grad, 1),
    ],
    [
      "binaryCrossEntropyValue",
      "logits and target",
      "third",
      () => loose(lib.binaryCrossEntropyValue)(pred, target, grad),
    ],
    [
      "binaryCrossEntropyGrad",
      "logits, target and out",
      "fourth",
      () => loose(lib.binaryCrossEntropyGrad)(pred, target, grad, 1),
    ],
    ["sumOfSquares", "values alone", "second", () => loose(lib.sumOfSquares)(pred.data, 5)],
    ["gradNorm", "params alone", "second", () => loose(lib.gradNorm)(params, 5)],
    ["clipGradNorm", "params and maxNorm", "third", () => loose(lib.clipGradNorm)(params, 1, 5)],
    ["correctCount", "pred and labels", "third", () => loose(lib.correctCount)(pred, labels, 5)],
    ["accuracy", "pred and labels", "third", () => loose(lib.accuracy)(pred, labels, 5)],
  ];
  for (const [name, takes, ordinal, call] of cases) {
    await t.step(name, () => {
      assert.throws(call, {
        name: "TypeError",
        message: new RegExp(
          `^Cannot .* as ${name} takes ${takes}, no ${ordinal} argument: ${ordinal}=`,
        ),
      });
    });
  }
  // As callbacks of map they take the element alone.
  assert.deepEqual([pred.data].map(lib.sumOfSquares), [lib.sumOfSquares(pred.data)]);
});
