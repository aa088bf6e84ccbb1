import assert from "node:assert/strict";
import {
  describeTimings,
  timeActivationKernels,
  TIMED_ACTIVATIONS,
  timeDenseOnSparseInput,
} from "../../src/experiments/kernel_timing.ts";

Deno.test("timeActivationKernels() times every kernel, with ratios to the first", () => {
  const timings = timeActivationKernels({ size: 2000, repeats: 3 });
  assert.deepEqual(timings.map((t) => t.activation), [...TIMED_ACTIVATIONS]);
  assert.equal(timings[0].forwardRatio, 1);
  assert.equal(timings[0].backwardRatio, 1);
  for (const t of timings) {
    assert.ok(t.forwardMs >= 0 && t.backwardMs >= 0);
    assert.equal(t.forwardRatio, t.forwardMs / timings[0].forwardMs);
  }
});

Deno.test("timeActivationKernels() refuses bad options", () => {
  assert.throws(() => timeActivationKernels({ size: 0 }), RangeError);
  assert.throws(() => timeActivationKernels({ repeats: 0 }), RangeError);
  assert.throws(() => timeActivationKernels({ activations: ["nope"], size: 10 }), RangeError);
});

Deno.test("timeDenseOnSparseInput() measures the zeros of each input exactly", () => {
  const timing = timeDenseOnSparseInput({ rows: 32, width: 32, repeats: 2, seed: 1 });
  assert.ok(timing.reluSparsity > 0.4 && timing.reluSparsity < 0.6);
  assert.equal(timing.leakySparsity, 0);
  assert.equal(timing.ratio, timing.reluMs / timing.leakyMs);
  // With alpha = 0 Leaky ReLU is ReLU: the same zeros.
  const same = timeDenseOnSparseInput({ rows: 32, width: 32, repeats: 2, seed: 1, alpha: 0 });
  assert.equal(same.leakySparsity, same.reluSparsity);
});

Deno.test("describeTimings() builds its conclusions from the ratios", async (t) => {
  const row = (label: string, forwardRatio: number) => ({
    activation: label,
    label,
    forwardMs: forwardRatio,
    backwardMs: 1,
    forwardRatio,
    backwardRatio: 1,
  });
  await t.step("slower, similar and faster kernels", () => {
    const text = describeTimings([row("ReLU", 1), row("A", 3), row("B", 1.2), row("C", 0.5)]);
    assert.match(text, /A took at least 1\.5× ReLU's forward time\./);
    assert.match(text, /B took about the same/);
    assert.match(text, /C took less than ReLU\./);
  });
  await t.step("a dense timing that saved nothing says so", () => {
    const text = describeTimings([row("ReLU", 1)], {
      reluSparsity: 0.5,
      leakySparsity: 0,
      reluMs: 1,
      leakyMs: 1,
      ratio: 1,
    });
    assert.match(text, /50% zeros\) took 1\.00× [^]* saved nothing measurable/);
  });
});
