import assert from "node:assert/strict";
import fc from "fast-check";
import {
  createActivation,
  createPrng,
  rrelu,
  RRELU_LOWER,
  RRELU_UPPER,
  rreluBackward,
  rreluForward,
  rreluGrad,
} from "@relu-lab/relu-lab";

Deno.test("rrelu() in evaluation uses the mean slope (lower + upper) / 2", () => {
  assert.equal(RRELU_LOWER, 1 / 8);
  assert.equal(RRELU_UPPER, 1 / 3);
  assert.equal(rrelu(-1), -(1 / 8 + 1 / 3) / 2);
  assert.equal(rrelu(-2, { lower: 0.1, upper: 0.3 }), -0.4);
  assert.equal(rrelu(2), 2);
  assert.equal(rreluGrad(-2, { lower: 0.1, upper: 0.3 }), 0.2);
  for (const z of [Number.MIN_VALUE, 0.5, 1, 2, Infinity]) {
    assert.equal(rreluGrad(z, { lower: 0.1, upper: 0.3 }), 1, `f'(${z})`);
  }
});

Deno.test("rrelu() in training draws a slope in [lower, upper] from the prng", () => {
  const prng = createPrng(5);
  for (let i = 0; i < 1000; i++) {
    const slope = -rrelu(-1, { training: true, prng });
    assert.ok(slope >= RRELU_LOWER && slope <= RRELU_UPPER);
  }
  assert.equal(rrelu(-1, { training: true, seed: 9 }), rrelu(-1, { training: true, seed: 9 }));
  assert.equal(rrelu(3, { training: true, seed: 9 }), 3, "positive inputs pass through");
});

Deno.test("rreluGrad() in training draws the same slope as rrelu() from the same state", () => {
  fc.assert(
    fc.property(fc.integer(), fc.double({ min: -100, max: -1e-3, noNaN: true }), (seed, z) => {
      const slope = rrelu(z, { training: true, seed }) / z;
      assert.ok(Math.abs(rreluGrad(z, { training: true, seed }) - slope) < 1e-15);
    }),
  );
});

Deno.test("rrelu() in training refuses a generator outside [0, 1), whose slope would leave [lower, upper]", () => {
  for (const value of [NaN, 2, -0.5]) {
    assert.throws(() => rrelu(-1, { training: true, prng: () => value }), {
      name: "RangeError",
      message: new RegExp(`^Cannot .* as prng must return numbers in \\[0, 1\\): drew ${value}$`),
    });
  }
});

Deno.test("rrelu() needs a prng or seed in training", () => {
  assert.throws(() => rrelu(-1, { training: true }), {
    name: "TypeError",
    message:
      "Cannot compute rrelu as training needs a prng or a seed: prng=undefined, seed=undefined",
  });
});

Deno.test("rrelu() checks a prng or seed in evaluation too, where it draws nothing", () => {
  assert.throws(() => rrelu(-1, { prng: "x" as never }), {
    name: "TypeError",
    message:
      'Cannot compute rrelu as prng must be a function returning numbers in [0, 1): prng="x"',
  });
  assert.throws(() => rrelu(-1, { seed: 0.5 }), {
    name: "RangeError",
    message: "Cannot compute rrelu as seed must be a finite integer: seed=0.5",
  });
  assert.throws(() => rreluForward([-1], { seed: NaN }), {
    name: "RangeError",
    message: "Cannot run rreluForward as seed must be a finite integer: seed=NaN",
  });
  // A good one is taken and left unused: the mean slope, as without it.
  assert.equal(rrelu(-1, { seed: 1 }), rrelu(-1));
});

Deno.test("rreluGrad() refuses a negative slope, which no RReLU draws", () => {
  assert.throws(() => rreluGrad(-1, { slope: -1 }), {
    name: "RangeError",
    message: "Cannot compute rreluGrad as slope must be a finite number >= 0: slope=-1",
  });
  assert.equal(rreluGrad(-1, { slope: 0 }), 0);
});

Deno.test("rrelu() handles edge values and bad bounds", async (t) => {
  await t.step("NaN propagates", () => {
    assert.ok(Number.isNaN(rrelu(NaN)));
    assert.ok(Number.isNaN(rreluGrad(NaN)));
    // The array forms agree: a NaN input's slope, and so its gradient, is NaN.
    const { output, slopes } = rreluForward([NaN, -1, 2]);
    assert.ok(Number.isNaN(output[0]) && Number.isNaN(slopes[0]));
    assert.deepEqual(Array.from(slopes.subarray(1)), [(1 / 8 + 1 / 3) / 2, 1]);
    assert.ok(Number.isNaN(rreluBackward([1, 1, 1], slopes)[0]));
    assert.ok(Number.isNaN(createActivation("rrelu").backward([NaN], [1])[0]));
  });
  await t.step("-Infinity gives -Infinity, or 0 with zero bounds", () => {
    assert.equal(rrelu(-Infinity), -Infinity);
    assert.equal(rrelu(-Infinity, { lower: 0, upper: 0 }), 0);
    const { output, slopes } = rreluForward([-Infinity, -1], { lower: 0, upper: 0 });
    assert.deepEqual([...output, ...slopes], [0, 0, 0, 0]);
  });
  await t.step("exactly 0 follows atZero", () => {
    assert.equal(rreluGrad(0, { slope: 0.2 }), 0.2);
    assert.equal(rreluGrad(0, { slope: 0.2, atZero: "right" }), 1);
  });
  await t.step("bad bounds throw", () => {
    assert.throws(() => rrelu(1, { lower: -0.1 }), {
      name: "RangeError",
      message: "Cannot compute rrelu as lower must be a finite number >= 0: lower=-0.1",
    });
    assert.throws(() => rrelu(1, { lower: 0.5, upper: 0.4 }), RangeError);
  });
  await t.step("a lower above the default upper names both bounds and says upper defaulted", () => {
    assert.throws(() => rrelu(-1, { lower: 2 }), {
      name: "RangeError",
      message: "Cannot compute rrelu as lower must be at most upper, which was left out for " +
        "its default 1/3 (set upper too): lower=2, upper=0.3333333333333333",
    });
    assert.throws(() => createActivation("rrelu", { lower: 0.5 }), {
      name: "RangeError",
      message: /^Cannot create rrelu as lower must be at most upper, which was left out/,
    });
    assert.throws(() => rreluForward([1], { lower: 0.4 }), /lower=0\.4, upper=0\.333/);
    assert.equal(rrelu(-1, { lower: 2, upper: 2 }), -2, "with upper set, lower = 2 is fine");
  });
  await t.step(
    "an upper below the default lower names both bounds and says lower defaulted",
    () => {
      assert.throws(() => rrelu(-1, { upper: 0.1 }), {
        name: "RangeError",
        message: "Cannot compute rrelu as upper must be at least lower, which was left out for " +
          "its default 1/8 (set lower too): upper=0.1, lower=0.125",
      });
      assert.throws(() => rrelu(-1, { upper: -0.1 }), {
        name: "RangeError",
        message: "Cannot compute rrelu as upper must be a finite number >= 0: upper=-0.1",
      });
    },
  );
});

Deno.test("rreluForward() returns the slopes it used, and rreluBackward() reuses them", () => {
  const x = Float64Array.of(-2, 3, -1, 0, NaN);
  const { output, slopes } = rreluForward(x, { training: true, seed: 1 });
  assert.equal(slopes[1], 1);
  assert.ok(Number.isNaN(slopes[4]), "a NaN input gets a NaN slope");
  for (const i of [0, 2, 3]) assert.ok(slopes[i] >= 1 / 8 && slopes[i] <= 1 / 3);
  assert.equal(output[0], -2 * slopes[0]);
  assert.equal(output[1], 3);
  assert.ok(Number.isNaN(output[4]));
  const gradIn = rreluBackward([1, 1, 1, 1, 1], slopes);
  assert.deepEqual(Array.from(gradIn), Array.from(slopes));
  const again = rreluForward(x, { training: true, seed: 1 });
  assert.deepEqual(
    Array.from(again.slopes),
    Array.from(slopes),
    "the same seed gives the same slopes",
  );
});

Deno.test("rreluForward() in evaluation uses the mean slope and writes into the given arrays", () => {
  const out = new Float32Array(2), slopesOut = new Float64Array(2);
  const result = rreluForward(Float32Array.of(-2, 2), { lower: 0.2, upper: 0.4 }, out, slopesOut);
  assert.equal(result.output, out);
  assert.equal(result.slopes, slopesOut);
  assert.deepEqual(Array.from(slopesOut), [0.30000000000000004, 1]);
  assert.throws(() => rreluForward([1, 2], {}, new Float64Array(3)), RangeError);
});
