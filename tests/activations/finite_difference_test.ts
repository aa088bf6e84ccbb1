import assert from "node:assert/strict";
import fc from "fast-check";
import { ACTIVATION_NAMES, createActivation, prelu, preluGrad } from "@relu-lab/relu-lab";

/**
 * The central difference (f(z + h) - f(z - h)) / 2h with h = 1e-5 max(1, |z|) has truncation
 * error h² |f'''| / 6 <= ~1e-10 max(1, z²) |f'''| and rounding error ~ eps |f(z)| / h
 * <= ~2e-11 max(1, |f(z)|). Both are far below the bound 1e-6 max(1, |f'(z)|, |f(z)|) used
 * here, while a wrong derivative (a missing factor, a sign, a wrong branch) is off by O(1).
 * Points closer than 2h to a kink are skipped: there the stencil straddles two pieces. So are
 * points that close to 0 for every piecewise formula (ELU with alpha = 1 is C¹ but not C²
 * at 0, where the truncation error becomes O(h)).
 */
function centralDifference(f: (z: number) => number, z: number): number {
  const h = 1e-5 * Math.max(1, Math.abs(z));
  return (f(z + h) - f(z - h)) / (2 * h);
}

const points = fc.double({ min: -20, max: 20, noNaN: true });

for (const name of ACTIVATION_NAMES) {
  Deno.test(`${name}: grad() matches a central finite difference away from kinks`, () => {
    const activation = createActivation(name);
    fc.assert(fc.property(points, (z) => {
      const h = 1e-5 * Math.max(1, Math.abs(z));
      fc.pre(activation.kinks.every((k) => Math.abs(z - k) > 2 * h));
      fc.pre(!activation.expression.includes("?") || Math.abs(z) > 2 * h);
      const fd = centralDifference(activation.f, z);
      const exact = activation.grad(z);
      const bound = 1e-6 * Math.max(1, Math.abs(exact), Math.abs(activation.f(z)));
      assert.ok(Math.abs(fd - exact) <= bound, `${name}'(${z}): ${exact} vs ${fd}`);
    }));
  });
}

Deno.test("preluGrad() matches a central finite difference for any slope", () => {
  fc.assert(
    fc.property(points, fc.double({ min: -2, max: 2, noNaN: true }), (z, alpha) => {
      fc.pre(Math.abs(z) > 1e-4);
      const fd = centralDifference((v) => prelu(v, alpha), z);
      assert.ok(Math.abs(fd - preluGrad(z, alpha)) <= 1e-6 * Math.max(1, Math.abs(z)));
    }),
  );
});

Deno.test("the finite-difference check can fail: it catches a derivative off by a factor", () => {
  const sigmoid = createActivation("sigmoid");
  const fd = centralDifference(sigmoid.f, 0.5);
  assert.ok(Math.abs(fd - 1.01 * sigmoid.grad(0.5)) > 1e-6);
});
