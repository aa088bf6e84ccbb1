import assert from "node:assert/strict";
import fc from "fast-check";
import { Conv2D, Dense, fromRows, type Matrix, matrix, PReLU } from "../../src/mod.ts";
import { layerGradientErrors, randomMatrix } from "./_helpers.ts";
import * as lib from "../../src/mod.ts";
import { looseNew } from "../_loose.ts";

Deno.test("Dense.forward() computes x W + b", () => {
  const layer = new Dense(2, 3, { init: "zeros" });
  layer.weights.set([1, 2, 3, 4, 5, 6]); // row k = input k, column j = neuron j
  layer.biases.set([0.5, -0.5, 1]);
  const y = layer.forward(fromRows([[1, 1], [2, 0]]));
  assert.deepEqual(Array.from(y.data), [5.5, 6.5, 10, 2.5, 3.5, 7]);
});

Deno.test("Dense.backward() matches central differences for inputs, weights and biases", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 1000 }),
      (nIn, nOut, rows, seed) => {
        const layer = new Dense(nIn, nOut, { seed, biasInit: 0.1 });
        const errors = layerGradientErrors(layer, randomMatrix(rows, nIn, seed + 1), { seed });
        assert.ok(errors.input < 1e-6, `input error ${errors.input}`);
        assert.ok(errors.params.weights < 1e-6, `weights error ${errors.params.weights}`);
        assert.ok(errors.params.biases < 1e-6, `biases error ${errors.params.biases}`);
      },
    ),
    { numRuns: 30 },
  );
});

Deno.test("Dense.backward() accumulates parameter gradients until they are reset", () => {
  const layer = new Dense(1, 1, { init: "zeros" });
  const x = fromRows([[2]]);
  layer.forward(x);
  layer.backward(fromRows([[1]]));
  layer.forward(x);
  layer.backward(fromRows([[1]]));
  assert.equal(layer.weightGrad[0], 4);
  assert.equal(layer.biasGrad[0], 2);
});

Deno.test("Dense skips zero inputs without changing the result", () => {
  const layer = new Dense(3, 2, { seed: 4 });
  const sparse = fromRows([[0, 1.5, 0], [0, 0, 0]]);
  const y = layer.forward(sparse);
  const w = layer.weights, b = layer.biases;
  assert.deepEqual(Array.from(y.data), [b[0] + 1.5 * w[2], b[1] + 1.5 * w[3], b[0], b[1]]);
});

Deno.test("Dense lets a zero input or output gradient pass a NaN or infinite weight by, as its doc says", () => {
  const layer = new Dense(2, 2, { init: "zeros" });
  layer.weights.set([NaN, Infinity, 1, 1]); // input 0 reaches both neurons through them
  // IEEE sums would give NaN and NaN: 0 x NaN and 0 x Infinity are NaN.
  assert.deepEqual(Array.from(layer.forward(fromRows([[0, 3]])).data), [3, 3]);
  // Backward: the zero gradient of neuron 0 skips NaN, so input 0 gets 1 x Infinity.
  assert.deepEqual(Array.from(layer.backward(fromRows([[0, 1]])).data), [Infinity, 1]);
  // A non-zero input or gradient meets them, and the NaN shows.
  assert.deepEqual(Array.from(layer.forward(fromRows([[1, 3]])).data), [NaN, Infinity]);
  assert.ok(Number.isNaN(layer.backward(fromRows([[1, 0]])).data[0]));
});

/** The textbook triple loops, in the order the layer promises to add in. */
function plainDense(layer: Dense, x: Matrix, g: Matrix) {
  const { inputSize: nIn, outputSize: nOut, weights: w, biases: b } = layer;
  const y = new Float64Array(x.rows * nOut);
  const gw = new Float64Array(nIn * nOut), gb = new Float64Array(nOut);
  const gx = new Float64Array(x.rows * nIn);
  for (let i = 0; i < x.rows; i++) {
    for (let j = 0; j < nOut; j++) {
      let sum = b[j];
      for (let k = 0; k < nIn; k++) sum += x.data[i * nIn + k] * w[k * nOut + j];
      y[i * nOut + j] = sum;
      gb[j] += g.data[i * nOut + j];
    }
    for (let k = 0; k < nIn; k++) {
      const a = x.data[i * nIn + k];
      let sum = 0;
      for (let j = 0; j < nOut; j++) {
        if (a !== 0) gw[k * nOut + j] += a * g.data[i * nOut + j]; // zero inputs are skipped
        sum += g.data[i * nOut + j] * w[k * nOut + j];
      }
      gx[i * nIn + k] = sum;
    }
  }
  return { y, gw, gb, gx };
}

Deno.test("Dense gives the plain loops' results on ReLU-like inputs", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 1, max: 21 }),
      fc.integer({ min: 1, max: 19 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.integer({ min: 0, max: 1000 }),
      (rows, nIn, nOut, zeroShare, seed) => {
        const layer = new Dense(nIn, nOut, { seed, biasInit: 0.25 });
        const x = randomMatrix(rows, nIn, seed + 1);
        for (let i = 0; i < x.data.length; i++) {
          if ((i * 7919 + seed) % 101 < zeroShare * 101) x.data[i] = 0;
        }
        const g = randomMatrix(rows, nOut, seed + 2);
        const want = plainDense(layer, x, g);
        const y = layer.forward(x);
        for (let i = 0; i < y.data.length; i++) {
          assert.ok(Math.abs(y.data[i] - want.y[i]) <= 1e-12, `output ${i}`);
        }
        const gxSkip = Float64Array.from(layer.backward(g, { skipZeroInputs: true }).data);
        // The gradients are summed in the plain loops' order: equal to the last bit.
        assert.deepEqual(layer.weightGrad, want.gw, "weight gradient");
        assert.deepEqual(layer.biasGrad, want.gb, "bias gradient");
        assert.deepEqual(gxSkip, want.gx, "input gradient (skipZeroInputs computes every entry)");
        layer.weightGrad.fill(0);
        layer.biasGrad.fill(0);
        const gx = layer.backward(g).data;
        assert.deepEqual(layer.weightGrad, want.gw, "weight gradient, second pass");
        assert.deepEqual(gx, want.gx, "input gradient");
      },
    ),
    { seed: 11, numRuns: 200 },
  );
});

Deno.test("Dense.backward() with skipInputGradient returns zeros and the same parameter gradients", () => {
  const layer = new Dense(3, 2, { seed: 4 });
  const x = randomMatrix(5, 3, 1), g = randomMatrix(5, 2, 2);
  layer.forward(x);
  const gx = Float64Array.from(layer.backward(g).data);
  const gw = layer.weightGrad.slice(), gb = layer.biasGrad.slice();
  assert.ok(gx.some((v) => v !== 0));
  layer.weightGrad.fill(0);
  layer.biasGrad.fill(0);
  const skipped = layer.backward(g, { skipInputGradient: true });
  assert.deepEqual(Array.from(skipped.data), new Array(15).fill(0));
  assert.deepEqual(layer.weightGrad, gw);
  assert.deepEqual(layer.biasGrad, gb);
});

Deno.test("Dense reuses its output buffer for the same batch size", () => {
  const layer = new Dense(2, 2);
  const a = layer.forward(matrix(4, 2));
  const b = layer.forward(matrix(4, 2));
  const c = layer.forward(matrix(3, 2));
  assert.equal(a, b);
  assert.notEqual(a, c);
});

Deno.test("Dense draws the same weights from the same seed", () => {
  assert.deepEqual(new Dense(3, 4, { seed: 5 }).weights, new Dense(3, 4, { seed: 5 }).weights);
  assert.notDeepEqual(new Dense(3, 4, { seed: 5 }).weights, new Dense(3, 4, { seed: 6 }).weights);
});

Deno.test("Dense refuses bad input", async (t) => {
  await t.step("a non-integer size", () => {
    assert.throws(() => new Dense(2.5, 3), {
      name: "RangeError",
      message:
        "Cannot create a Dense layer as inputSize must be a finite integer >= 1: inputSize=2.5",
    });
  });
  await t.step("an output size that is not a whole number of neurons, or none", () => {
    for (const outputSize of [0, 1.5]) {
      assert.throws(() => new Dense(2, outputSize), {
        name: "RangeError",
        message:
          `Cannot create a Dense layer as outputSize must be a finite integer >= 1: outputSize=${outputSize}`,
      });
    }
  });
  await t.step("a NaN bias", () => {
    assert.throws(() => new Dense(2, 3, { biasInit: NaN }), RangeError);
  });
  await t.step("an input with the wrong number of columns, naming both shapes", () => {
    assert.throws(() => new Dense(2, 3).forward(matrix(4, 5)), {
      name: "RangeError",
      message: "Cannot run Dense(2 → 3) as the input must have 2 columns: x is 4x5, expected Nx2",
    });
  });
  await t.step("backward before forward", () => {
    assert.throws(() => new Dense(2, 3).backward(matrix(1, 3)), RangeError);
  });
  await t.step("a gradient of the wrong shape, leaving the gradients untouched", () => {
    const layer = new Dense(2, 3);
    layer.forward(matrix(4, 2));
    assert.throws(() => layer.backward(matrix(4, 2)), {
      name: "RangeError",
      message:
        "Cannot backpropagate through Dense(2 → 3) as gradOut must match the output shape: gradOut is 4x2, output is 4x3",
    });
    assert.ok(layer.weightGrad.every((g) => g === 0));
  });
});

Deno.test("Dense, Conv2D and PReLU name themselves and their sizes when too large to allocate", () => {
  const cases: [() => unknown, string][] = [
    [
      () => new Dense(1e5, 1e5),
      "Cannot create a Dense layer as its 10000000000 float64 elements (80000000000 bytes) cannot be allocated: inputSize=100000, outputSize=100000",
    ],
    [
      () => new Conv2D(4, 4, { filters: 1, kernelSize: 2 ** 20, padding: "same" }),
      "Cannot create a Conv2D layer as its 1099511627776 float64 elements (8796093022208 bytes) cannot be allocated: filters=1, channels=1, kernelSize=1048576",
    ],
    [
      () => new PReLU(2 ** 40),
      "Cannot create a PReLU layer as its 1099511627776 float64 elements (8796093022208 bytes) cannot be allocated: size=1099511627776",
    ],
  ];
  for (const [create, message] of cases) assert.throws(create, { name: "RangeError", message });
});

Deno.test("Dense.fromJSON() restores weights and biases bit for bit, signed zeros included", () => {
  const layer = new Dense(2, 2, { seed: 3 });
  layer.weights[0] = -0;
  layer.biases[1] = 1e-310;
  const copy = Dense.fromJSON(JSON.parse(JSON.stringify(layer.toJSON())));
  assert.ok(Object.is(copy.weights[0], -0));
  assert.deepEqual(copy.weights, layer.weights);
  assert.deepEqual(copy.biases, layer.biases);
  for (const name of ["inputSize", "outputSize"]) {
    assert.throws(() => Dense.fromJSON({ ...layer.toJSON(), [name]: 0 }), {
      name: "RangeError",
      message: `Cannot restore a Dense layer as ${name} must be an integer >= 1: ${name}=0`,
    });
    assert.throws(() => Dense.fromJSON({ ...layer.toJSON(), [name]: "2" }), {
      name: "TypeError",
      message: `Cannot restore a Dense layer as ${name} must be an integer >= 1: ${name}="2"`,
    });
  }
});

Deno.test("Dense refuses a malformed matrix instead of reading stale values", async (t) => {
  const layer = new Dense(2, 2, { seed: 1 });
  layer.forward(fromRows([[1, 2], [3, 4]])); // leaves these rows in the kernels' memory
  await t.step("data shorter than rows * cols", () => {
    assert.throws(() => layer.forward({ rows: 2, cols: 2, data: new Float64Array(3) }), {
      name: "RangeError",
      message:
        "Cannot run Dense(2 → 2) as x.data must hold rows * cols = 4 elements for a 2x2 matrix: x.data.length=3",
    });
  });
  await t.step("a fractional number of rows", () => {
    assert.throws(() => layer.forward({ rows: 1.5, cols: 2, data: new Float64Array(3) }), {
      name: "RangeError",
      message: "Cannot run Dense(2 → 2) as x.rows must be an integer >= 0: x.rows=1.5",
    });
  });
  await t.step("nested arrays", () => {
    assert.throws(() => layer.forward([[1, 2]] as unknown as Matrix), {
      name: "TypeError",
      message:
        "Cannot run Dense(2 → 2) as x must be a matrix { rows, cols, data } (fromRows builds one from nested arrays): x=an array of 1",
    });
  });
  await t.step("a malformed gradient", () => {
    layer.forward(fromRows([[1, 2]]));
    assert.throws(() => layer.backward({ rows: 1, cols: 2, data: [1, 2] } as unknown as Matrix), {
      name: "TypeError",
      message:
        "Cannot backpropagate through Dense(2 → 2) as gradOut.data must be a Float64Array: gradOut.data=an array of 2",
    });
  });
});

Deno.test("Dense checks the options of forward and backward", () => {
  const layer = new Dense(2, 2, { seed: 1 });
  assert.throws(() => layer.forward(fromRows([[1, 2]]), { train: true } as never), {
    name: "TypeError",
    message:
      'Cannot run Dense(2 → 2) as options must have only the keys training: unknown key "train"',
  });
  layer.forward(fromRows([[1, 2]]), { training: true });
  assert.throws(() => layer.backward(fromRows([[1, 1]]), { skipInputGradient: 1 } as never), {
    name: "TypeError",
    message:
      "Cannot backpropagate through Dense(2 → 2) as skipInputGradient must be true or false: skipInputGradient=1",
  });
});

Deno.test("new Dense() refuses a fourth argument, which would go unused", () => {
  assert.throws(() => new (looseNew(lib.Dense))(2, 3, {}, { seed: 1 }), {
    name: "TypeError",
    message:
      "Cannot create a Dense layer as Dense takes inputSize, outputSize and options, no fourth argument: fourth={ seed: 1 }",
  });
});
