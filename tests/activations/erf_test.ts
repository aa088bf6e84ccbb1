import assert from "node:assert/strict";
import fc from "fast-check";
import { erf as mathjsErf } from "mathjs";
import { erf, erfc } from "@relu-lab/relu-lab";

// Reference values (17 significant digits) of erf and erfc.
const ERF: [number, number][] = [
  [0.1, 0.1124629160182849],
  [0.5, 0.5204998778130465],
  [1, 0.8427007929497149],
  [1.5, 0.9661051464753108],
  [2, 0.9953222650189527],
  [3, 0.9999779095030014],
];
const ERFC: [number, number][] = [
  [2, 0.004677734981047266],
  [3, 2.209049699858544e-5],
  [5, 1.5374597944280349e-12],
  [10, 2.088487583762545e-45],
];

Deno.test("erf() matches reference values to about 1e-15", () => {
  for (const [x, expected] of ERF) {
    assert.ok(Math.abs(erf(x) - expected) <= 2e-16, `erf(${x})`);
    assert.ok(Math.abs(erf(-x) + expected) <= 2e-16, `erf(${-x})`);
  }
});

Deno.test("erfc() keeps its relative accuracy in the tail", () => {
  for (const [x, expected] of ERFC) {
    assert.ok(Math.abs(erfc(x) / expected - 1) <= 2e-15, `erfc(${x})`);
  }
});

Deno.test("erf() agrees with mathjs erf() everywhere to 2e-15", () => {
  fc.assert(fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
    assert.ok(Math.abs(erf(x) - mathjsErf(x)) <= 2e-15, `${x}`);
  }));
});

Deno.test("erf() + erfc() is 1 and erf() is odd", () => {
  fc.assert(fc.property(fc.double({ min: -6, max: 6, noNaN: true }), (x) => {
    assert.ok(Math.abs(erf(x) + erfc(x) - 1) <= 4e-16);
    assert.equal(erf(-x), -erf(x));
  }));
});

Deno.test("erf() and erfc() handle edge values", async (t) => {
  await t.step("NaN propagates", () => {
    assert.ok(Number.isNaN(erf(NaN)));
    assert.ok(Number.isNaN(erfc(NaN)));
  });
  await t.step("±Infinity", () => {
    assert.equal(erf(Infinity), 1);
    assert.equal(erf(-Infinity), -1);
    assert.equal(erfc(Infinity), 0);
    assert.equal(erfc(-Infinity), 2);
  });
  await t.step("±0", () => {
    assert.ok(Object.is(erf(0), 0));
    assert.ok(Object.is(erf(-0), -0));
    assert.equal(erfc(0), 1);
  });
});
