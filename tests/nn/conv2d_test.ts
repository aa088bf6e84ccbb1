import assert from "node:assert/strict";
import fc from "fast-check";
import { fromRows, type Matrix, matrix } from "../../src/core/matrix.ts";
import { conv2d, EDGE_KERNEL_NAMES, edgeKernel } from "../../src/nn/conv2d.ts";
import { loose } from "../_loose.ts";

/** The definition, spelled out: pad with zeros into a larger array, then slide the kernel. */
function naiveConv2d(
  image: number[][],
  kernel: number[][],
  padding: "valid" | "same",
  stride: number,
): number[][] {
  const h = image.length, w = image[0].length, kh = kernel.length, kw = kernel[0].length;
  let outH: number, outW: number, padTop = 0, padLeft = 0, padBottom = 0, padRight = 0;
  if (padding === "valid") {
    outH = Math.floor((h - kh) / stride) + 1;
    outW = Math.floor((w - kw) / stride) + 1;
  } else {
    outH = Math.ceil(h / stride);
    outW = Math.ceil(w / stride);
    const padRows = Math.max((outH - 1) * stride + kh - h, 0);
    const padCols = Math.max((outW - 1) * stride + kw - w, 0);
    padTop = Math.floor(padRows / 2);
    padBottom = padRows - padTop;
    padLeft = Math.floor(padCols / 2);
    padRight = padCols - padLeft;
  }
  const padded: number[][] = [];
  for (let r = 0; r < padTop + h + padBottom; r++) {
    const row: number[] = [];
    for (let c = 0; c < padLeft + w + padRight; c++) {
      const ir = r - padTop, ic = c - padLeft;
      row.push(ir >= 0 && ir < h && ic >= 0 && ic < w ? image[ir][ic] : 0);
    }
    padded.push(row);
  }
  const out: number[][] = [];
  for (let r = 0; r < outH; r++) {
    const row: number[] = [];
    for (let c = 0; c < outW; c++) {
      let sum = 0;
      for (let i = 0; i < kh; i++) {
        for (let j = 0; j < kw; j++) sum += padded[r * stride + i][c * stride + j] * kernel[i][j];
      }
      row.push(sum);
    }
    out.push(row);
  }
  return out;
}

function rowsOf(m: Matrix): number[][] {
  return Array.from(
    { length: m.rows },
    (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)),
  );
}

Deno.test("conv2d() matches a hand-computed cross-correlation", () => {
  const image = fromRows([
    [1, 2, 0, 1],
    [0, 1, 3, 2],
    [2, 1, 0, 1],
  ]);
  const kernel = fromRows([
    [1, 0],
    [2, -1],
  ]);
  // out[r][c] = image[r][c] + 2 image[r + 1][c] - image[r + 1][c + 1]
  // out[0][0] = 1 + 0 - 1 = 0, out[0][1] = 2 + 2 - 3 = 1, out[0][2] = 0 + 6 - 2 = 4
  // out[1][0] = 0 + 4 - 1 = 3, out[1][1] = 1 + 2 - 0 = 3, out[1][2] = 3 + 0 - 1 = 2
  assert.deepEqual(rowsOf(conv2d(image, kernel)), [
    [0, 1, 4],
    [3, 3, 2],
  ]);
});

Deno.test("conv2d() does not flip the kernel (cross-correlation, as deep-learning frameworks do)", () => {
  const impulse = fromRows([[0, 0, 0], [0, 1, 0], [0, 0, 0]]);
  const kernel = fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
  // The response to a single bright pixel is the kernel rotated by 180 degrees.
  assert.deepEqual(rowsOf(conv2d(impulse, kernel, { padding: "same" })), [
    [9, 8, 7],
    [6, 5, 4],
    [3, 2, 1],
  ]);
});

Deno.test("conv2d() agrees with a naive padded reference for any sizes, padding and stride", () => {
  const small = fc.integer({ min: -5, max: 5 });
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom<"valid" | "same">("valid", "same"),
      fc.integer({ min: 1, max: 3 }),
      fc.infiniteStream(small),
      (h, w, kh, kw, padding, stride, values) => {
        fc.pre(padding === "same" || (kh <= h && kw <= w));
        const image = Array.from(
          { length: h },
          () => Array.from({ length: w }, () => values.next().value),
        );
        const kernel = Array.from(
          { length: kh },
          () => Array.from({ length: kw }, () => values.next().value),
        );
        const got = conv2d(fromRows(image), fromRows(kernel), { padding, stride });
        assert.deepEqual(rowsOf(got), naiveConv2d(image, kernel, padding, stride));
      },
    ),
  );
});

Deno.test("conv2d() output shapes follow the valid and same formulas", async (t) => {
  const image = fromRows(Array.from({ length: 28 }, () => new Array(28).fill(1)));
  const k3 = fromRows([[1, 1, 1], [1, 1, 1], [1, 1, 1]]);
  const k4 = fromRows(Array.from({ length: 4 }, () => [1, 1, 1, 1]));
  const shape = (m: Matrix) => [m.rows, m.cols];
  await t.step("valid shrinks by kernel size - 1", () => {
    assert.deepEqual(shape(conv2d(image, k3)), [26, 26]);
    assert.deepEqual(shape(conv2d(image, k4)), [25, 25]);
  });
  await t.step("same keeps the size, for odd and even kernels", () => {
    assert.deepEqual(shape(conv2d(image, k3, { padding: "same" })), [28, 28]);
    assert.deepEqual(shape(conv2d(image, k4, { padding: "same" })), [28, 28]);
  });
  await t.step("stride 2: floor((28 - 3) / 2) + 1 = 13 valid, ceil(28 / 2) = 14 same", () => {
    assert.deepEqual(shape(conv2d(image, k3, { stride: 2 })), [13, 13]);
    assert.deepEqual(shape(conv2d(image, k3, { padding: "same", stride: 2 })), [14, 14]);
  });
  await t.step("a kernel as large as the image gives one number with valid padding", () => {
    assert.deepEqual(shape(conv2d(fromRows([[1, 2], [3, 4]]), fromRows([[1, 1], [1, 1]]))), [1, 1]);
  });
  await t.step("same padding puts the extra zero row and column at the bottom and right", () => {
    const out = conv2d(fromRows([[1, 2], [3, 4]]), fromRows([[1, 1], [1, 1]]), { padding: "same" });
    assert.deepEqual(rowsOf(out), [[10, 6], [7, 4]]);
  });
});

Deno.test("conv2d() rejects bad kernels and options", async (t) => {
  const image = fromRows([[1, 2, 3], [4, 5, 6]]);
  await t.step("a kernel taller or wider than the image with valid padding", () => {
    assert.throws(() => conv2d(image, fromRows([[1], [1], [1]])), {
      name: "RangeError",
      message:
        'Cannot convolve an image as the kernel must fit inside the image with "valid" padding: image is 2x3, kernel is 3x1',
    });
    assert.throws(() => conv2d(image, fromRows([[1, 1, 1, 1]])), RangeError);
  });
  await t.step("an empty kernel, or one without rows or without columns", () => {
    for (const [rows, cols] of [[0, 0], [0, 2], [2, 0]]) {
      assert.throws(() => conv2d(image, matrix(rows, cols)), {
        name: "RangeError",
        message:
          `Cannot convolve an image as the kernel must be at least 1x1: kernel is ${rows}x${cols}`,
      });
    }
  });
  await t.step("stride 0, fractional or NaN", () => {
    for (const stride of [0, 1.5, NaN]) {
      assert.throws(() => conv2d(image, fromRows([[1]]), { stride }), {
        name: "RangeError",
        message:
          `Cannot convolve an image as stride must be a finite integer >= 1: stride=${stride}`,
      });
    }
  });
  await t.step("nested arrays in place of a matrix", () => {
    assert.throws(() => conv2d(image, [[1, 0], [0, -1]] as unknown as Matrix), {
      name: "TypeError",
      message:
        "Cannot convolve an image as kernel must be a matrix { rows, cols, data } (fromRows builds one from nested arrays): kernel=an array of 2",
    });
    assert.throws(() => conv2d([[1, 2], [3, 4]] as unknown as Matrix, fromRows([[1]])), {
      name: "TypeError",
      message: /^Cannot convolve an image as image must be a matrix /,
    });
  });
  await t.step("a padding that is no mode: an unknown name out of range, a non-name a type", () => {
    assert.throws(() => conv2d(image, fromRows([[1]]), { padding: "full" as "same" }), {
      name: "RangeError",
      message: 'Cannot convolve an image as padding must be "valid" or "same": padding="full"',
    });
    assert.throws(() => conv2d(image, fromRows([[1]]), { padding: 0 as unknown as "same" }), {
      name: "TypeError",
      message: 'Cannot convolve an image as padding must be "valid" or "same": padding=0',
    });
  });
});

Deno.test("edgeKernel() Sobel and Prewitt kernels respond to edges in their direction only", () => {
  const brightRight = fromRows(Array.from({ length: 5 }, () => [0, 0, 0, 1, 1, 1]));
  const brightBelow = fromRows([0, 0, 0, 1, 1, 1].map((v) => new Array(5).fill(v)));
  for (const axis of ["X", "Y"] as const) {
    for (const family of ["sobel", "prewitt"] as const) {
      const kernel = edgeKernel(`${family}${axis}`);
      const along = conv2d(axis === "X" ? brightRight : brightBelow, kernel);
      const across = conv2d(axis === "X" ? brightBelow : brightRight, kernel);
      assert.ok(Math.max(...along.data) > 0, `${family}${axis} sees its edge`);
      assert.ok(Math.min(...along.data) >= 0, `${family}${axis} is positive for dark-to-bright`);
      assert.ok(across.data.every((v) => v === 0), `${family}${axis} ignores the other edge`);
    }
  }
});

Deno.test("edgeKernel() Laplacians give 0 on flat and linear ramps and respond to a corner", () => {
  const ramp = fromRows(Array.from({ length: 5 }, (_, r) => [0, 1, 2, 3, 4].map((c) => r + 2 * c)));
  for (const name of ["laplacian", "laplacianDiagonal"] as const) {
    assert.ok(conv2d(ramp, edgeKernel(name)).data.every((v) => v === 0), name);
    const dot = fromRows([[0, 0, 0], [0, 1, 0], [0, 0, 0]]);
    assert.ok(conv2d(dot, edgeKernel(name)).data[0] < 0, name);
  }
});

Deno.test("edgeKernel() returns a fresh 3x3 copy for every name, summing to 0", () => {
  assert.equal(EDGE_KERNEL_NAMES.length, 6);
  for (const name of EDGE_KERNEL_NAMES) {
    const kernel = edgeKernel(name);
    assert.deepEqual([kernel.rows, kernel.cols], [3, 3]);
    assert.equal(kernel.data.reduce((sum, v) => sum + v, 0), 0, name);
    kernel.data[0] = 99;
    assert.notEqual(edgeKernel(name).data[0], 99);
  }
  assert.throws(() => edgeKernel("sobelZ" as "sobelX"), {
    name: "RangeError",
    message:
      'Cannot create an edge kernel as name must be one of "sobelX", "sobelY", "prewittX", "prewittY", "laplacian", "laplacianDiagonal": name="sobelZ"',
  });
  assert.throws(() => edgeKernel(undefined as unknown as "sobelX"), {
    name: "TypeError",
    message: /^Cannot create an edge kernel as name must be one of "sobelX", .*: name=undefined$/,
  });
});

Deno.test("conv2d() and edgeKernel() refuse an argument past their last, which would go unused", () => {
  assert.throws(() => loose(conv2d)(matrix(4, 4), fromRows([[1]]), {}, { stride: 2 }), {
    name: "TypeError",
    message:
      "Cannot convolve an image as conv2d takes image, kernel and options, no fourth argument: fourth={ stride: 2 }",
  });
  assert.throws(() => loose(edgeKernel)("sobelX", { normalize: true }), {
    name: "TypeError",
    message:
      "Cannot create an edge kernel as edgeKernel takes name alone, no second argument: second={ normalize: true }",
  });
  assert.deepEqual(EDGE_KERNEL_NAMES.map(edgeKernel), EDGE_KERNEL_NAMES.map((n) => edgeKernel(n)));
});
