import assert from "node:assert/strict";
import {
  ActivationLayer,
  createActivation,
  createPrng,
  Dropout,
  fromRows,
  matrix,
  PReLU,
  RReLU,
} from "../../src/mod.ts";
import { layerGradientErrors, randomMatrix } from "./_helpers.ts";
import * as lib from "../../src/mod.ts";
import { looseNew } from "../_loose.ts";

// Inputs at least 0.01 away from the kink at 0, where the derivative jumps.
const z = randomMatrix(4, 6, 21, 0.01);

Deno.test("ActivationLayer backward matches central differences for relu and leakyRelu", () => {
  for (
    const activation of [createActivation("relu"), createActivation("leakyRelu", { alpha: 0.1 })]
  ) {
    const errors = layerGradientErrors(new ActivationLayer(activation, 6), z);
    assert.ok(errors.input < 1e-6, `${activation.name}: ${errors.input}`);
  }
});

Deno.test("ActivationLayer keeps its last input and output for diagnostics", () => {
  const layer = new ActivationLayer(createActivation("relu"), 2);
  assert.equal(layer.lastInput, undefined);
  const x = fromRows([[-1, 2]]);
  const y = layer.forward(x);
  assert.equal(layer.lastInput, x);
  assert.equal(layer.lastOutput, y);
  assert.deepEqual(Array.from(y.data), [0, 2]);
});

Deno.test("ActivationLayer lets the layer above skip zero inputs only behind a ReLU with f'(0) = 0", () => {
  assert.equal(new ActivationLayer(createActivation("relu"), 2).gradientZeroWhereOutputZero, true);
  const right = createActivation("relu", { atZero: "right" });
  assert.equal(new ActivationLayer(right, 2).gradientZeroWhereOutputZero, false);
  const leaky = createActivation("leakyRelu");
  assert.equal(new ActivationLayer(leaky, 2).gradientZeroWhereOutputZero, false);
});

Deno.test("ActivationLayer refuses a non-activation and a wrong width", () => {
  assert.throws(() => new ActivationLayer({} as never, 2), TypeError);
  assert.throws(() => new ActivationLayer(createActivation("relu"), 2).forward(matrix(1, 3)), {
    name: "RangeError",
    message:
      "Cannot run Activation(ReLU, 2) as the input must have 2 columns: x is 1x3, expected Nx2",
  });
});

Deno.test("PReLU backward matches central differences for inputs and slopes", async (t) => {
  await t.step("one slope per neuron", () => {
    const layer = new PReLU(6, { init: 0.2 });
    const errors = layerGradientErrors(layer, z);
    assert.ok(errors.input < 1e-6, `input ${errors.input}`);
    assert.ok(errors.params.alpha < 1e-6, `alpha ${errors.params.alpha}`);
  });
  await t.step("one shared slope", () => {
    const layer = new PReLU(6, { init: 0.3, shared: true });
    assert.equal(layer.alpha.length, 1);
    const errors = layerGradientErrors(layer, z);
    assert.ok(errors.input < 1e-6 && errors.params.alpha < 1e-6);
  });
});

Deno.test("PReLU uses the left slope at z = 0 and gets no slope gradient from positive inputs", () => {
  const layer = new PReLU(3, { init: 0.5 });
  layer.forward(fromRows([[0, 2, -2]]));
  const gradIn = layer.backward(fromRows([[1, 1, 1]]));
  assert.deepEqual(Array.from(gradIn.data), [0.5, 1, 0.5]);
  assert.deepEqual(Array.from(layer.alphaGrad), [0, 0, -2]);
});

Deno.test("PReLU restores its slopes bit for bit from JSON", () => {
  const layer = new PReLU(3, { init: 0.1 });
  layer.alpha[1] = 0.123456789;
  const copy = PReLU.fromJSON(JSON.parse(JSON.stringify(layer.toJSON())));
  assert.deepEqual(copy.alpha, layer.alpha);
});

Deno.test("RReLU in evaluation is Leaky ReLU with the mean slope, and backward matches", () => {
  const layer = new RReLU(6, { lower: 0.1, upper: 0.3 });
  const y = layer.forward(fromRows([[-1, 2, -3, 0, 5, -0.5]]));
  const expected = [-0.2, 2, -0.6, 0, 5, -0.1];
  y.data.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-15));
  assert.ok(layerGradientErrors(layer, z).input < 1e-6);
});

Deno.test("RReLU in training draws one slope per element and backpropagates through it", () => {
  const layer = new RReLU(6, { lower: 0.1, upper: 0.3, seed: 2 });
  const x = randomMatrix(50, 6, 3, 0.01);
  const y = layer.forward(x, { training: true });
  const g = randomMatrix(50, 6, 4);
  const gradIn = layer.backward(g);
  const slopes = new Set<number>();
  for (let i = 0; i < x.data.length; i++) {
    if (x.data[i] > 0) {
      assert.equal(y.data[i], x.data[i]);
      assert.equal(gradIn.data[i], g.data[i]);
    } else {
      const slope = y.data[i] / x.data[i];
      assert.ok(slope >= 0.1 - 1e-12 && slope <= 0.3 + 1e-12);
      assert.ok(Math.abs(gradIn.data[i] - slope * g.data[i]) < 1e-12);
      slopes.add(slope);
    }
  }
  assert.ok(slopes.size > 100, "slopes differ between elements");
});

Deno.test("RReLU draws the same slopes from the same seed", () => {
  const x = randomMatrix(5, 6, 3, 0.01);
  const a = new RReLU(6, { seed: 9 }).forward(x, { training: true }).data.slice();
  const b = new RReLU(6, { seed: 9 }).forward(x, { training: true }).data.slice();
  assert.deepEqual(a, b);
});

Deno.test("RReLU refuses an upper bound below the lower bound", () => {
  assert.throws(() => new RReLU(2, { lower: 0.3, upper: 0.1 }), RangeError);
});

Deno.test("RReLU checks its bounds as rrelu() does: null is refused, a default is named", () => {
  assert.throws(
    () => new RReLU(2, { lower: null as unknown as number }),
    /^TypeError: Cannot create an RReLU layer as lower must be a value or left out .*: lower=null$/,
  );
  assert.throws(
    () => new RReLU(2, { lower: 0.5 }),
    (error) =>
      error instanceof RangeError &&
      error.message.startsWith(
        "Cannot create an RReLU layer as lower must be at most upper, which was left out for " +
          "its default 1/3 (set upper too): lower=0.5, upper=0.333",
      ),
  );
});

Deno.test("Dropout in training zeroes about rate of the elements and rescales the rest", () => {
  const layer = new Dropout(100, { rate: 0.3, seed: 1 });
  const x = matrix(100, 100, new Float64Array(10_000).fill(1));
  const y = layer.forward(x, { training: true });
  let zeros = 0;
  for (const v of y.data) {
    if (v === 0) zeros++;
    else assert.equal(v, 1 / 0.7);
  }
  assert.ok(Math.abs(zeros / 10_000 - 0.3) < 0.02, `dropped ${zeros}`);
});

Deno.test("Dropout drops element i when the generator's i-th draw is below the rate, else rescales it", () => {
  const rate = 0.3, keep = 1 / (1 - rate);
  const layer = new Dropout(4, { rate, seed: 9 }), twin = createPrng(9);
  for (const seed of [1, 2]) { // the second call carries on with the same stream
    const x = randomMatrix(5, 4, seed);
    const expected = Array.from(x.data, (v) => v * (twin() < rate ? 0 : keep));
    assert.deepEqual(Array.from(layer.forward(x, { training: true }).data), expected);
  }
  // A draw equal to the rate keeps its element: P(u < rate) = rate for u uniform on [0, 1).
  const even = new Dropout(2, { rate: 0.5, prng: () => 0.5 });
  assert.deepEqual(Array.from(even.forward(fromRows([[1, -3]]), { training: true }).data), [2, -6]);
});

Deno.test("Dropout at rate 0 returns x itself in training and draws nothing", () => {
  let draws = 0;
  const layer = new Dropout(3, { rate: 0, prng: () => (draws++, 0.5) });
  const x = fromRows([[1, 2, 3]]);
  assert.equal(layer.forward(x, { training: true }), x);
  const g = fromRows([[4, 5, 6]]);
  assert.equal(layer.backward(g), g);
  assert.equal(draws, 0);
});

Deno.test("Dropout records its seed, and a restored layer draws the masks of a fresh one", () => {
  assert.equal(new Dropout(3).toJSON().seed, 0);
  assert.equal(new Dropout(3, { seed: 5 }).toJSON().seed, 5);
  assert.equal(new Dropout(3, { prng: createPrng(5) }).toJSON().seed, null);
  const used = new Dropout(6, { rate: 0.5, seed: 5 }), x = randomMatrix(4, 6, 3);
  used.forward(x, { training: true });
  const restored = Dropout.fromJSON(JSON.parse(JSON.stringify(used.toJSON())));
  const fresh = new Dropout(6, { rate: 0.5, seed: 5 });
  assert.deepEqual(
    restored.forward(x, { training: true }).data,
    fresh.forward(x, { training: true }).data,
  );
  assert.deepEqual(
    new Dropout(6).forward(x, { training: true }).data,
    new Dropout(6, { seed: 0 }).forward(x, { training: true }).data,
  );
});

Deno.test("Dropout and activation layers refuse a size that is no count of neurons", () => {
  const relu = createActivation("relu");
  const refusals: [() => unknown, string][] = [
    [
      () => new Dropout(0),
      "Cannot create a Dropout layer as size must be a finite integer >= 1: size=0",
    ],
    [
      () => new Dropout(1.5),
      "Cannot create a Dropout layer as size must be a finite integer >= 1: size=1.5",
    ],
    [
      () => new ActivationLayer(relu, 0),
      "Cannot create an activation layer as size must be a finite integer >= 1: size=0",
    ],
    [
      () => new ActivationLayer(relu, 2.5),
      "Cannot create an activation layer as size must be a finite integer >= 1: size=2.5",
    ],
    [
      () => Dropout.fromJSON({ type: "dropout", size: 0, rate: 0.5, seed: 0 }),
      "Cannot restore a Dropout layer as size must be an integer >= 1: size=0",
    ],
  ];
  for (const [make, message] of refusals) assert.throws(make, { name: "RangeError", message });
});

Deno.test("Dropout backward applies the forward mask", () => {
  const layer = new Dropout(6, { rate: 0.5, seed: 7 });
  const x = randomMatrix(10, 6, 5);
  const y = layer.forward(x, { training: true });
  const g = randomMatrix(10, 6, 6);
  const gradIn = layer.backward(g);
  for (let i = 0; i < x.data.length; i++) {
    assert.equal(gradIn.data[i], g.data[i] * (y.data[i] === 0 ? 0 : 2));
  }
});

Deno.test("Dropout in evaluation passes values and gradients through", () => {
  const layer = new Dropout(6, { rate: 0.5 });
  const x = randomMatrix(2, 6, 5);
  assert.equal(layer.forward(x), x);
  const g = randomMatrix(2, 6, 6);
  assert.equal(layer.backward(g), g);
});

Deno.test("Dropout refuses a rate of 1 or more", () => {
  assert.throws(() => new Dropout(3, { rate: 1 }), {
    name: "RangeError",
    message: "Cannot create a Dropout layer as rate must be a finite number >= 0 and < 1: rate=1",
  });
});

Deno.test("Dropout refuses a generator outside [0, 1), which would drop nothing", () => {
  for (const value of [NaN, 2]) {
    const dropout = new Dropout(3, { rate: 0.5, prng: () => value });
    assert.throws(() => dropout.forward(fromRows([[1, 2, 3]]), { training: true }), {
      name: "RangeError",
      message:
        `Cannot run Dropout(3, rate 0.5) as prng must return numbers in [0, 1): drew ${value}`,
    });
  }
});

Deno.test("Dropout.backward() before any forward call says forward must run first", () => {
  assert.throws(() => new Dropout(3).backward(matrix(0, 3)), {
    name: "RangeError",
    message:
      "Cannot backpropagate through Dropout(3, rate 0.5) as forward must run first: lastInput=undefined",
  });
});

Deno.test("the elementwise and dropout layers refuse malformed inputs and options", async (t) => {
  const layers = [
    new ActivationLayer(createActivation("relu"), 2),
    new PReLU(2),
    new RReLU(2),
    new Dropout(2),
  ];
  for (const layer of layers) {
    await t.step(layer.describe(), () => {
      assert.throws(() => layer.forward({ rows: 1, cols: 2, data: new Float64Array(1) }), {
        name: "RangeError",
        message:
          `Cannot run ${layer.describe()} as x.data must hold rows * cols = 2 elements for a 1x2 matrix: x.data.length=1`,
      });
      assert.throws(() => layer.forward(fromRows([[1, 2]]), { train: true } as never), {
        name: "TypeError",
        message:
          `Cannot run ${layer.describe()} as options must have only the keys training: unknown key "train"`,
      });
      layer.forward(fromRows([[1, -2]]), { training: true });
      assert.throws(() => layer.backward([[1, 1]] as never), {
        name: "TypeError",
        message: new RegExp(`^Cannot backpropagate through .* as gradOut must be a matrix`),
      });
      assert.throws(() => layer.backward(fromRows([[1, 1]]), 3 as never), {
        name: "TypeError",
        message:
          `Cannot backpropagate through ${layer.describe()} as options must be an object such as { skipZeroInputs: … }: options=3`,
      });
    });
  }
});

Deno.test("PReLU refuses a shared flag that is not a boolean, which would share the slope", () => {
  assert.throws(() => new PReLU(3, { shared: 1 as never }), {
    name: "TypeError",
    message: "Cannot create a PReLU layer as shared must be true or false: shared=1",
  });
});

Deno.test("the elementwise layers and Dropout refuse an argument past their last, which would go unused", async (t) => {
  const cases: [string, () => unknown, string][] = [
    [
      "PReLU",
      () => new (looseNew(lib.PReLU))(2, {}, { init: 0.1 }),
      "Cannot create a PReLU layer as PReLU takes size and options, no third argument: third={ init: 0.1 }",
    ],
    [
      "RReLU",
      () => new (looseNew(lib.RReLU))(2, {}, { seed: 1 }),
      "Cannot create an RReLU layer as RReLU takes size and options, no third argument: third={ seed: 1 }",
    ],
    [
      "Dropout",
      () => new (looseNew(lib.Dropout))(2, {}, { rate: 0.1 }),
      "Cannot create a Dropout layer as Dropout takes size and options, no third argument: third={ rate: 0.1 }",
    ],
    [
      "ActivationLayer",
      () => new (looseNew(lib.ActivationLayer))(lib.createActivation("relu"), 2, { alpha: 0.1 }),
      "Cannot create an activation layer as ActivationLayer takes activation and size, no third argument: third={ alpha: 0.1 }",
    ],
  ];
  for (const [name, call, message] of cases) {
    await t.step(name, () => assert.throws(call, { name: "TypeError", message }));
  }
});
