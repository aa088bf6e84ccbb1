/**
 * The two implementations of the Adam step (`src/nn/_adam_kernels.ts`): WebAssembly and
 * TypeScript give the same bits, step after step, for Adam and AdamW.
 *
 * @module
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import {
  type AdamKernel,
  adamKernel,
  type AdamStepSettings,
  typescriptAdam,
  wasmAdam,
} from "../../src/nn/_adam_kernels.ts";

Deno.test("Deno runs Adam on the WebAssembly kernel", () => {
  assert.equal(adamKernel().name, "wasm");
});

function assertSameBits(got: Float64Array, want: Float64Array, what: string): void {
  assert.equal(got.length, want.length);
  for (let i = 0; i < got.length; i++) {
    assert.ok(Object.is(got[i], want[i]), `${what}[${i}]: ${got[i]} vs ${want[i]}`);
  }
}

/** Steps of one run: per step, a gradient for each parameter. */
interface Run {
  sizes: number[];
  initial: number[][];
  grads: number[][][];
  decoupled: boolean;
  decay: number;
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/** Runs the steps on one kernel; returns the values after each step. */
function replay(kernel: AdamKernel, run: Run): Float64Array[][] {
  const values = run.initial.map((v) => Float64Array.from(v));
  const after: Float64Array[][] = [];
  run.grads.forEach((stepGrads, s) => {
    const t = s + 1;
    const settings: AdamStepSettings = {
      decoupled: run.decoupled,
      beta1: run.beta1,
      beta2: run.beta2,
      epsilon: run.epsilon,
      learningRate: run.learningRate,
      correction1: 1 - run.beta1 ** t,
      correction2: 1 - run.beta2 ** t,
    };
    // The last parameter joins at the second step and takes no decay (as biases).
    values.forEach((w, p) => {
      if (p === values.length - 1 && s === 0 && values.length > 1) return;
      kernel.update(
        w,
        Float64Array.from(stepGrads[p]),
        p === values.length - 1 ? 0 : run.decay,
        settings,
      );
    });
    after.push(values.map((w) => w.slice()));
  });
  return after;
}

const value = fc.oneof(
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.constantFrom(0, -0, 1e-300, -1e300, 5e-324),
);

const runs = fc.array(fc.integer({ min: 1, max: 37 }), { minLength: 1, maxLength: 3 }).chain(
  (sizes) =>
    fc.record({
      sizes: fc.constant(sizes),
      initial: fc.tuple(...sizes.map((n) => fc.array(value, { minLength: n, maxLength: n }))),
      grads: fc.array(
        fc.tuple(...sizes.map((n) => fc.array(value, { minLength: n, maxLength: n }))),
        { minLength: 1, maxLength: 4 },
      ),
      decoupled: fc.boolean(),
      decay: fc.constantFrom(0, 1e-4, 0.01, 0.5),
      learningRate: fc.constantFrom(1e-3, 0.1, 3),
      // beta1 = 0 makes correction1 exactly 1 from the first step, which the WebAssembly
      // kernel takes as its cue to skip the division by it (as from step ~350 at 0.9).
      beta1: fc.constantFrom(0, 0.9, 0.5),
      beta2: fc.constantFrom(0, 0.999, 0.9),
      epsilon: fc.constantFrom(1e-8, 1e-3),
    }),
);

Deno.test("the WebAssembly and TypeScript Adam steps give the same bits", () => {
  fc.assert(
    fc.property(runs, (run) => {
      const a = replay(wasmAdam()!, run as Run), b = replay(typescriptAdam(), run as Run);
      a.forEach((step, s) => step.forEach((w, p) => assertSameBits(w, b[s][p], `step ${s} w${p}`)));
    }),
    { seed: 11, numRuns: 300 },
  );
});

Deno.test("the Adam kernels agree on non-finite gradients and on memory grown for many values", async (t) => {
  await t.step("NaN and infinite gradients", () => {
    const run: Run = {
      sizes: [5],
      initial: [[1, -2, 3, 0, 0.5]],
      grads: [[[NaN, Infinity, -Infinity, 1, 0]], [[1, 1, 1, NaN, -Infinity]]],
      decoupled: false,
      decay: 0.01,
      learningRate: 0.1,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
    };
    const a = replay(wasmAdam()!, run), b = replay(typescriptAdam(), run);
    a.forEach((step, s) => assertSameBits(step[0], b[s][0], `step ${s}`));
    assert.ok(Number.isNaN(a[0][0][0]), "a NaN gradient makes a NaN value");
  });
  await t.step("parameters of 20,001 and 30,000 values (memory grows past its first page)", () => {
    const sizes = [20_001, 30_000];
    const wave = (n: number, k: number) => Array.from({ length: n }, (_, i) => Math.sin(i * k));
    const run: Run = {
      sizes,
      initial: sizes.map((n) => wave(n, 0.7)),
      grads: [0, 1, 2].map((s) => sizes.map((n) => wave(n, 1.3 + s))),
      decoupled: true,
      decay: 0.01,
      learningRate: 1e-3,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
    };
    const a = replay(wasmAdam()!, run), b = replay(typescriptAdam(), run);
    a.forEach((step, s) => step.forEach((w, p) => assertSameBits(w, b[s][p], `step ${s} w${p}`)));
  });
});
