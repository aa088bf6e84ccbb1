/**
 * The library's own exponential (`src/nn/_exp.ts`), which softmax and softmax cross-entropy use:
 * its accuracy against V8's `Math.exp` (correctly rounded since V8 took LLVM libc's), and its
 * edges.
 *
 * @module
 */

import assert from "node:assert/strict";
import { createPrng } from "../../src/mod.ts";
import { exp } from "../../src/nn/_exp.ts";

/** The distance in units in the last place between two finite doubles of the same sign. */
function ulpsApart(a: number, b: number): number {
  const bits = new BigInt64Array(Float64Array.of(a, b).buffer);
  const d = bits[0] - bits[1];
  return Number(d < 0n ? -d : d);
}

Deno.test("exp is within 1 ulp of Math.exp across the whole range, subnormal results included", () => {
  const prng = createPrng(5);
  const ranges: [number, number][] = [
    [-1, 1], // |x| near 0, where k is 0 or ±1
    [-40, 0], // softmax's usual differences
    [-745, 710], // everything finite
    [-745.13, -708], // subnormal results
  ];
  let exact = 0, checked = 0;
  for (const [lo, hi] of ranges) {
    for (let i = 0; i < 200_000; i++) {
      const x = lo + (hi - lo) * prng();
      const ours = exp(x), reference = Math.exp(x);
      assert.ok(ulpsApart(ours, reference) <= 1, `exp(${x}) = ${ours}, Math.exp: ${reference}`);
      if (ours === reference) exact++;
      checked++;
    }
  }
  // Most results are the correctly rounded ones (90% to 99% in these ranges when this was written).
  assert.ok(exact / checked > 0.85, `${exact} of ${checked} equal to Math.exp`);
});

Deno.test("exp is exact where it can be, and saturates where the double range ends", () => {
  assert.equal(exp(0), 1);
  assert.equal(exp(-0), 1);
  assert.equal(exp(-Infinity), 0);
  assert.equal(exp(Infinity), Infinity);
  assert.ok(Number.isNaN(exp(NaN)));
  assert.equal(exp(709.79), Infinity, "above log(MAX_VALUE)");
  assert.equal(exp(709.78), Math.exp(709.78), "just below it");
  assert.equal(exp(-745.2), 0, "below log(MIN_VALUE)");
  assert.equal(exp(-745.13), Number.MIN_VALUE, "rounds to the smallest subnormal");
  assert.ok(ulpsApart(exp(1), Math.E) <= 1);
  // Near k ln 2, where the reduction's k changes; k from -1074 (subnormal) to 1023.
  for (let k = -1074; k <= 1023; k++) {
    for (const x of [k * Math.LN2, (k + 0.5) * Math.LN2, (k - 0.5) * Math.LN2]) {
      if (x < -745.13 || x > 709.78) continue;
      assert.ok(
        ulpsApart(exp(x), Math.exp(x)) <= 1,
        `exp(${x}) = ${exp(x)}, Math.exp: ${Math.exp(x)}`,
      );
    }
  }
});
