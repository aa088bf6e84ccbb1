import assert from "node:assert/strict";
import {
  ActivationLayer,
  Conv2D,
  conv2d,
  createActivation,
  Dense,
  type Matrix,
  matrix,
  modelFromJSON,
  Sequential,
} from "../../src/mod.ts";
import { layerGradientErrors, randomMatrix } from "./_helpers.ts";
import * as lib from "../../src/mod.ts";
import { looseNew } from "../_loose.ts";

/** Plane `index` of row `n` of a batch, as a matrix. */
function plane(m: Matrix, n: number, index: number, height: number, width: number): Matrix {
  const start = n * m.cols + index * height * width;
  return { rows: height, cols: width, data: m.data.slice(start, start + height * width) };
}

Deno.test("Conv2D.forward() equals the bias plus conv2d() summed over channels", async (t) => {
  for (const padding of ["valid", "same"] as const) {
    for (const kernelSize of [1, 2, 3]) {
      await t.step(`${padding}, ${kernelSize}x${kernelSize}`, () => {
        const layer = new Conv2D(5, 4, { channels: 2, filters: 3, kernelSize, padding, seed: 1 });
        layer.biases.set([0.1, -0.2, 0.3]);
        const x = randomMatrix(2, 2 * 5 * 4, 7);
        const y = layer.forward(x);
        const k = kernelSize;
        for (let n = 0; n < 2; n++) {
          for (let f = 0; f < 3; f++) {
            const expected = new Float64Array(layer.outHeight * layer.outWidth).fill(
              layer.biases[f],
            );
            for (let c = 0; c < 2; c++) {
              const start = (f * 2 + c) * k * k;
              const kernel = { rows: k, cols: k, data: layer.kernels.slice(start, start + k * k) };
              const out = conv2d(plane(x, n, c, 5, 4), kernel, { padding });
              out.data.forEach((v, i) => (expected[i] += v));
            }
            const actual = plane(y, n, f, layer.outHeight, layer.outWidth).data;
            actual.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-12));
          }
        }
      });
    }
  }
});

Deno.test("Conv2D.backward() matches central differences", async (t) => {
  for (const padding of ["valid", "same"] as const) {
    await t.step(padding, () => {
      const layer = new Conv2D(4, 5, { channels: 2, filters: 2, kernelSize: 3, padding, seed: 2 });
      const errors = layerGradientErrors(layer, randomMatrix(2, 40, 3), { seed: 4 });
      assert.ok(errors.input < 1e-6, `input ${errors.input}`);
      assert.ok(errors.params.kernels < 1e-6, `kernels ${errors.params.kernels}`);
      assert.ok(errors.params.biases < 1e-6, `biases ${errors.params.biases}`);
    });
  }
});

Deno.test("Conv2D works in a Sequential model and round-trips through JSON", () => {
  const conv = new Conv2D(6, 6, { filters: 2, kernelSize: 3, seed: 1 });
  const model = new Sequential([
    conv,
    new ActivationLayer(createActivation("relu"), conv.outputSize),
    new Dense(conv.outputSize, 3, { seed: 2 }),
  ]);
  assert.match(model.summary(), /Conv2D\(1×6×6 → 2×4×4, 3×3, valid\)/);
  const copy = modelFromJSON(JSON.stringify(model));
  const x = randomMatrix(3, 36, 5);
  assert.deepEqual(copy.predict(x).data, model.predict(x).data);
});

Deno.test("Conv2D refuses bad shapes", () => {
  assert.throws(() => new Conv2D(2, 2, { kernelSize: 3 }), {
    name: "RangeError",
    message:
      'Cannot create a Conv2D layer as the kernel must fit inside the image with "valid" padding: image is 2x2, kernel is 3x3',
  });
  for (const [height, width] of [[2, 4], [4, 2]]) {
    assert.throws(() => new Conv2D(height, width), {
      name: "RangeError",
      message:
        `Cannot create a Conv2D layer as the kernel must fit inside the image with "valid" padding: image is ${height}x${width}, kernel is 3x3`,
    });
  }
  assert.throws(() => new Conv2D(4, 4, { padding: "full" as "same" }), {
    name: "RangeError",
    message: 'Cannot create a Conv2D layer as padding must be "valid" or "same": padding="full"',
  });
  assert.throws(() => new Conv2D(4, 4, { padding: null as unknown as "same" }), TypeError);
  assert.throws(() => new Conv2D(4, 4).forward(matrix(1, 15)), RangeError);
});

Deno.test("Conv2D refuses sizes that are no counts, naming the size and its value", () => {
  const refusals: [() => unknown, string, number][] = [
    [() => new Conv2D(0, 4), "height", 0],
    [() => new Conv2D(4, 2.5), "width", 2.5],
    [() => new Conv2D(4, 4, { channels: 0 }), "channels", 0],
    [() => new Conv2D(4, 4, { filters: 1.5 }), "filters", 1.5],
    [() => new Conv2D(4, 4, { kernelSize: 0 }), "kernelSize", 0],
  ];
  for (const [make, name, value] of refusals) {
    assert.throws(make, {
      name: "RangeError",
      message:
        `Cannot create a Conv2D layer as ${name} must be a finite integer >= 1: ${name}=${value}`,
    });
  }
});

Deno.test("Conv2D takes a kernel as large as the image with valid padding, giving one pixel", () => {
  assert.equal(new Conv2D(3, 3).outputSize, 1);
  assert.equal(new Conv2D(3, 5, { filters: 2 }).outputSize, 6);
});

Deno.test("Conv2D's biases start at biasInit, 0 by default", () => {
  assert.deepEqual(Array.from(new Conv2D(4, 4, { filters: 2 }).biases), [0, 0]);
  assert.deepEqual(Array.from(new Conv2D(4, 4, { filters: 2, biasInit: 0.1 }).biases), [0.1, 0.1]);
});

Deno.test("Conv2D.fromJSON() refuses a size out of range as a restore, naming the field", () => {
  const json = new Conv2D(4, 4, { seed: 1 }).toJSON();
  for (const name of ["height", "width", "channels", "filters", "kernelSize"]) {
    assert.throws(() => Conv2D.fromJSON({ ...json, [name]: 0 }), {
      name: "RangeError",
      message: `Cannot restore a Conv2D layer as ${name} must be an integer >= 1: ${name}=0`,
    });
  }
  assert.throws(() => Conv2D.fromJSON({ ...json, padding: "full" }), {
    name: "RangeError",
    message: 'Cannot restore a Conv2D layer as padding must be "valid" or "same": padding="full"',
  });
});

Deno.test("new Conv2D() refuses a fourth argument, which would go unused", () => {
  assert.throws(() => new (looseNew(lib.Conv2D))(4, 4, {}, { filters: 2 }), {
    name: "TypeError",
    message:
      "Cannot create a Conv2D layer as Conv2D takes height, width and options, no fourth argument: fourth={ filters: 2 }",
  });
});
