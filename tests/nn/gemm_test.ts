/**
 * The dense-layer products (`src/nn/_gemm.ts`): the WebAssembly kernels against the
 * TypeScript loops (same bits) and both against textbook triple loops, and the committed
 * WebAssembly binary against its source.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { createPrng, randomNormal } from "../../src/mod.ts";
import {
  type DenseKernels,
  denseKernels,
  instantiateDenseModule,
  typescriptKernels,
  wasmKernels,
} from "../../src/nn/_gemm.ts";
import { assemble, moduleSource } from "../../src/nn/_wasm/assemble.ts";
import { DENSE_WASM_BASE64 } from "../../src/nn/_wasm/dense_wasm.ts";
import watText from "../../src/nn/_wasm/dense.wat" with { type: "text" };
import moduleText from "../../src/nn/_wasm/dense_wasm.ts" with { type: "text" };

Deno.test("the committed dense_wasm.ts is what dense.wat assembles to, byte for byte", async () => {
  const bytes = await assemble(watText);
  const committed = Uint8Array.from(atob(DENSE_WASM_BASE64), (c) => c.charCodeAt(0));
  assert.deepEqual(committed, bytes, "run `deno task build:wasm` after editing dense.wat");
  assert.equal(moduleText, moduleSource(bytes));
});

Deno.test("Deno runs the dense layers on the WebAssembly kernels", () => {
  assert.equal(wasmKernels()?.name, "wasm");
  assert.equal(denseKernels().name, "wasm");
});

/** A seeded matrix of N(0, 1) values with about `zeroShare` of them exactly 0 (or -0). */
function sparseValues(length: number, zeroShare: number, seed: number): Float64Array {
  const prng = createPrng(seed);
  const values = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const v = randomNormal(prng);
    values[i] = prng() < zeroShare ? (v < 0 ? -0 : 0) : v;
  }
  return values;
}

/**
 * The textbook loops: y = x W + b, gw = gw0 + xᵀ g, gx = g Wᵀ, in the plain order. The weight
 * gradient skips zero inputs, as the layer documents: an exact zero product would turn a -0
 * of gw0 into +0.
 */
function plainProducts(
  x: Float64Array,
  g: Float64Array,
  rows: number,
  nIn: number,
  nOut: number,
  w: Float64Array,
  b: Float64Array,
  gw0: Float64Array,
) {
  const y = new Float64Array(rows * nOut), gx = new Float64Array(rows * nIn);
  const gw = gw0.slice(), gb = b.slice();
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < nOut; j++) gb[j] += g[i * nOut + j];
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < nOut; j++) {
      let sum = b[j];
      for (let k = 0; k < nIn; k++) sum += x[i * nIn + k] * w[k * nOut + j];
      y[i * nOut + j] = sum;
    }
  }
  for (let k = 0; k < nIn; k++) {
    for (let j = 0; j < nOut; j++) {
      let sum = gw[k * nOut + j];
      for (let i = 0; i < rows; i++) {
        if (x[i * nIn + k] !== 0) sum += x[i * nIn + k] * g[i * nOut + j]; // as documented
      }
      gw[k * nOut + j] = sum;
    }
  }
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < nIn; k++) {
      let sum = 0;
      for (let j = 0; j < nOut; j++) sum += g[i * nOut + j] * w[k * nOut + j];
      gx[i * nIn + k] = sum;
    }
  }
  return { y, gw, gb, gx };
}

interface Case {
  rows: number;
  nIn: number;
  nOut: number;
  zeroShare: number;
  seed: number;
}

/** Runs one kernel set on a case: y, the accumulated gw and gx. */
function run(kernels: DenseKernels, c: Case) {
  const { rows, nIn, nOut, zeroShare, seed } = c;
  const x = sparseValues(rows * nIn, zeroShare, seed);
  const g = sparseValues(rows * nOut, zeroShare / 2, seed + 1);
  const w = sparseValues(nIn * nOut, 0, seed + 2);
  const b = sparseValues(nOut, 0, seed + 3);
  const gw0 = sparseValues(nIn * nOut, 0.5, seed + 4);
  const y = new Float64Array(rows * nOut).fill(NaN); // every entry must be written
  const gx = new Float64Array(rows * nIn).fill(NaN);
  const gw = gw0.slice(), gb = b.slice();
  kernels.forward(x, rows, nIn, nOut, w, b, y);
  kernels.backward(x, g, rows, nIn, nOut, w, gw, gb, gx);
  return { y, gw, gb, gx, want: plainProducts(x, g, rows, nIn, nOut, w, b, gw0) };
}

/** Same value, bit for bit (NaN equals NaN, +0 differs from -0). */
function assertSameBits(got: Float64Array, want: Float64Array, what: string): void {
  assert.equal(got.length, want.length, `${what}: length`);
  for (let i = 0; i < got.length; i++) {
    assert.ok(Object.is(got[i], want[i]), `${what}[${i}]: ${got[i]} vs ${want[i]}`);
  }
}

/** Two kernel sets' results on one case, y, gw, gb and gx, the same bit for bit. */
function assertSameResults(a: ReturnType<typeof run>, b: ReturnType<typeof run>, what = ""): void {
  for (const key of ["y", "gw", "gb", "gx"] as const) assertSameBits(a[key], b[key], key + what);
}

/** Within 1e-12 relative to the largest magnitude of the result (sums cancel). */
function assertClose(got: Float64Array, want: Float64Array, what: string): void {
  let scale = 1;
  for (const v of want) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < got.length; i++) {
    const error = Math.abs(got[i] - want[i]) / scale;
    assert.ok(error <= 1e-12, `${what}[${i}]: ${got[i]} vs ${want[i]} (relative ${error})`);
  }
}

const shapes = fc.record({
  rows: fc.integer({ min: 1, max: 40 }),
  nIn: fc.integer({ min: 1, max: 40 }),
  nOut: fc.integer({ min: 1, max: 40 }),
  zeroShare: fc.constantFrom(0, 0.3, 0.5, 0.9, 1),
  seed: fc.integer({ min: 0, max: 10_000 }),
});

Deno.test("the WebAssembly kernels and the TypeScript loops give the same bits", () => {
  const wasm = wasmKernels()!;
  fc.assert(
    fc.property(shapes, (c) => {
      const a = run(wasm, c), b = run(typescriptKernels, c);
      assertSameResults(a, b);
    }),
    { seed: 7, numRuns: 300 },
  );
});

Deno.test("both kernel sets agree with the textbook triple loops to 1e-12", async (t) => {
  for (const kernels of [wasmKernels()!, typescriptKernels]) {
    await t.step(kernels.name, () => {
      fc.assert(
        fc.property(shapes, (c) => {
          const { y, gw, gb, gx, want } = run(kernels, c);
          assertClose(y, want.y, "y");
          // The weight gradient sums in the plain order: equal bits.
          assertSameBits(gw, want.gw, "gw");
          assertSameBits(gb, want.gb, "gb");
          assertClose(gx, want.gx, "gx");
        }),
        { seed: 8, numRuns: 200 },
      );
    });
  }
});

Deno.test("every output width, through each mix of the 24-, 16-, 10-, 8-, 2- and 1-column kernels, gives the TypeScript bits", () => {
  const wasm = wasmKernels()!;
  for (let nOut = 1; nOut <= 72; nOut++) {
    for (const rows of [1, 2, 7]) {
      const c = { rows, nIn: 9, nOut, zeroShare: 0.3, seed: nOut * 10 + rows };
      const a = run(wasm, c), b = run(typescriptKernels, c);
      assertSameResults(a, b, `, ${rows}x${nOut}`);
    }
  }
});

Deno.test("the WebAssembly kernels split long batches into row blocks without changing a bit", () => {
  // 1,100 rows of 64 + 64 columns pass the 2^17 doubles of one block.
  const c = { rows: 1100, nIn: 64, nOut: 64, zeroShare: 0.5, seed: 3 };
  const a = run(wasmKernels()!, c), b = run(typescriptKernels, c);
  assertSameResults(a, b);
  assertClose(a.y, a.want.y, "y");
});

Deno.test("fresh WebAssembly kernels take inputs wider than their first memory page and than a row block", async (t) => {
  const cases = {
    // Operands in the first 64 KiB page, the gather list of 3,000 entries past it.
    "3,000 inputs, one row": { rows: 1, nIn: 3000, nOut: 1, zeroShare: 0, seed: 6 },
    // More doubles in one row than a row block holds: one row per block.
    "140,000 inputs": { rows: 3, nIn: 140_000, nOut: 2, zeroShare: 0.5, seed: 7 },
    // Blocks of 645 rows forward and 325 backward: the first must not take the whole batch.
    "1,400 rows of 200 inputs, 3 outputs": {
      rows: 1400,
      nIn: 200,
      nOut: 3,
      zeroShare: 0.5,
      seed: 8,
    },
  };
  for (const [name, c] of Object.entries(cases)) {
    await t.step(name, () => {
      const a = run(wasmKernels()!, c), b = run(typescriptKernels, c);
      assertSameResults(a, b);
      assertClose(a.y, a.want.y, "y against the textbook loops");
      assertSameBits(a.gb, a.want.gb, "gb against the textbook loops");
    });
  }
});

Deno.test("the TypeScript loops hold on batches and widths past their first scratch buffers", () => {
  // Their reused row of ones (the bias gradient's A) and index scratch start 64 long: 200 rows
  // of 70 inputs make both grow.
  const c = { rows: 200, nIn: 70, nOut: 12, zeroShare: 0.3, seed: 5 };
  const { y, gw, gb, gx, want } = run(typescriptKernels, c);
  assertClose(y, want.y, "y");
  assertSameBits(gw, want.gw, "gw");
  assertSameBits(gb, want.gb, "gb");
  assertClose(gx, want.gx, "gx");
});

Deno.test("the products skip zero inputs exactly as documented", async (t) => {
  for (const kernels of [wasmKernels()!, typescriptKernels]) {
    await t.step(
      `${kernels.name}: a NaN weight behind a zero input does not reach the output`,
      () => {
        const w = Float64Array.of(NaN, 2), b = Float64Array.of(0.5), y = new Float64Array(1);
        kernels.forward(Float64Array.of(0, 3), 1, 2, 1, w, b, y);
        assert.equal(y[0], 0.5 + 3 * 2);
      },
    );
    await t.step(`${kernels.name}: a NaN input does reach it`, () => {
      const y = new Float64Array(1);
      kernels.forward(
        Float64Array.of(NaN, 3),
        1,
        2,
        1,
        Float64Array.of(1, 2),
        new Float64Array(1),
        y,
      );
      assert.ok(Number.isNaN(y[0]));
    });
    await t.step(
      `${kernels.name}: the weight gradient leaves rows of zero inputs as they were`,
      () => {
        const gw = Float64Array.of(-0, 7);
        kernels.backward(
          Float64Array.of(0, 0),
          Float64Array.of(5),
          1,
          2,
          1,
          Float64Array.of(1, 1),
          gw,
          new Float64Array(1),
          undefined,
        );
        assert.ok(Object.is(gw[0], -0));
        assert.equal(gw[1], 7);
      },
    );
  }
});

Deno.test("the WebAssembly transpose puts every value at its mirrored place, odd shapes too", () => {
  const exports = instantiateDenseModule()?.exports as unknown as {
    memory: WebAssembly.Memory;
    transpose(rows: number, cols: number, src: number, dst: number): void;
  };
  const heap = new Float64Array(exports.memory.buffer);
  for (const [rows, cols] of [[1, 1], [1, 4], [3, 1], [2, 3], [3, 2], [5, 5], [64, 10], [7, 64]]) {
    const n = rows * cols, dst = n + 1; // the destination 8 bytes off a 16-byte boundary
    for (let i = 0; i < n; i++) heap[i] = i + 1;
    heap.fill(-1, dst, dst + n + 1);
    exports.transpose(rows, cols, 0, dst * 8);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        assert.equal(heap[dst + j * rows + i], i * cols + j + 1, `${rows}x${cols} at ${i},${j}`);
      }
    }
    assert.equal(heap[dst + n], -1, "nothing written past the end");
  }
});
