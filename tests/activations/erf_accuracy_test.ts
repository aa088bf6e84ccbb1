import assert from "node:assert/strict";
import { erfc, gelu } from "@relu-lab/relu-lab";

// Reference values: erfc(x) and GELU(z) = z·Φ(z) = z·erfc(-z/√2)/2 at the float64 inputs shown,
// computed with mpmath 1.2.1 at 50 significant digits and rounded to the nearest float64
// (`float(mpmath.erfc(mpmath.mpf(x)))`). The points cover 0.5–2.5, where `1 - erf(x)` used to
// cancel (relative error 1.5e-13 near x = 1.97), each switch of the evaluation (0.5, 2, and the
// continued fraction's depth changes at 3, 4, 6 and 10), the far tail and negative x.
const ERFC: [number, number][] = [
  [0.1, 0.887537083981715],
  [0.25, 0.7236736098317631],
  [0.473, 0.503544588050442],
  [0.4999999999999999, 0.47950012218695354],
  [0.5, 0.4795001221869535],
  [0.5000000000000001, 0.47950012218695337],
  [0.6, 0.3961439091520741],
  [0.7, 0.32219880616258156],
  [0.75, 0.28884436634648486],
  [0.8, 0.2578990352923395],
  [0.9, 0.20309178757716786],
  [1, 0.15729920705028513],
  [1.1, 0.11979493042591827],
  [1.2, 0.08968602177036464],
  [1.3, 0.06599205505934755],
  [1.4, 0.0477148802373512],
  [1.5, 0.033894853524689274],
  [1.6, 0.023651616655355985],
  [1.7, 0.01620954140922544],
  [1.8, 0.010909498364269283],
  [1.9, 0.0072095707647425325],
  [1.97, 0.005336275353470088],
  [1.977, 0.005175537766803892],
  [1.9999999999999998, 0.0046777349810472706],
  [2, 0.004677734981047266],
  [2.0000000000000004, 0.004677734981047257],
  [2.1, 0.002979466656332984],
  [2.2, 0.0018628462979818898],
  [2.218, 0.0017084589396726677],
  [2.3, 0.0011431765973566525],
  [2.4, 0.0006885138966450789],
  [2.5, 0.0004069520174449589],
  [2.9999999999999996, 2.2090496998585502e-05],
  [3, 2.209049699858544e-05],
  [3.9999999999999996, 1.5417257900280076e-08],
  [4, 1.541725790028002e-08],
  [5.955, 3.7124475110260095e-17],
  [5.999999999999999, 2.1519736712499147e-17],
  [6, 2.1519736712498913e-17],
  [9.999999999999998, 2.0884875837626192e-45],
  [10, 2.088487583762545e-45],
  [15, 7.212994172451207e-100],
  [23.016, 2.12546235265121e-232],
  [26.5, 2.2109076642637343e-307],
  [-0.5, 1.5204998778130465],
  [-1, 1.8427007929497148],
  [-1.97, 1.99466372464653],
  [-2.5, 1.999593047982555],
];
const GELU: [number, number][] = [
  [-1.5, -0.1002108019032871],
  [-2, -0.04550026389635842],
  [-2.5, -0.015524163314440337],
  [-2.716, -0.008973109670755415],
  [-2.7162960000000003, -0.00896606742005696],
  [-3, -0.0040496940948902835],
  [-3.5, -0.0008142017766243376],
  [-3.967, -0.00014436506564454926],
  [-4, -0.0001266849673324797],
];

/** Relative error of a computed value against a nonzero reference. */
function relativeError(actual: number, expected: number): number {
  return Math.abs((actual - expected) / expected);
}

Deno.test("erfc() has relative error at most 1e-15 at the reference points", () => {
  for (const [x, expected] of ERFC) {
    const error = relativeError(erfc(x), expected);
    assert.ok(error <= 1e-15, `erfc(${x}) = ${erfc(x)}, expected ${expected} (error ${error})`);
  }
});

Deno.test("erfc() stays within one subnormal unit where it underflows", () => {
  // mpmath as above: erfc(26.6) = 1.088512588544227e-309, erfc(26.9) = 1.1522406e-316 and
  // erfc(27.2) = 1e-323 are subnormal; erfc(27.25) rounds to 0.
  const tail: [number, number][] = [
    [26.6, 1.088512588544227e-309],
    [26.9, 1.1522406e-316],
    [27.2, 1e-323],
  ];
  for (const [x, expected] of tail) {
    assert.ok(Math.abs(erfc(x) - expected) <= Number.MIN_VALUE, `erfc(${x}) = ${erfc(x)}`);
  }
  assert.equal(erfc(27.3), 0);
  assert.equal(erfc(1e300), 0);
  assert.equal(erfc(-1e300), 2);
});

Deno.test("gelu() keeps its relative accuracy for negative z through erfc()", () => {
  // The bound allows for gelu's own rounding of z/√2, which erfc's condition number (about
  // 2x² at x = -z/√2) magnifies; PyTorch 1.13's float64 GELU is off by 3.5e-15 at z = -2.716.
  for (const [z, expected] of GELU) {
    const error = relativeError(gelu(z), expected);
    assert.ok(error <= 4e-15, `gelu(${z}) = ${gelu(z)}, expected ${expected} (error ${error})`);
  }
});
