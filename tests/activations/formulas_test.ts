import assert from "node:assert/strict";
import fc from "fast-check";
import {
  type ActivationFunction,
  createActivation,
  SELU_ALPHA,
  SELU_SCALE,
} from "@relu-lab/relu-lab";

// The formulas an activation shows (`latex`, `gradLatex`: the notebooks' and the explorer's
// equations) are read here case by case and evaluated, then compared with what `f` and `grad`
// compute: a formula that says `z < 0` where the code means `z <= 0`, or the wrong value at the
// kink, fails.

/** The piecewise definitions of the text: name, options. */
const SETTINGS: [string, Record<string, unknown>][] = [
  ["relu", {}],
  ["relu", { atZero: "right" }],
  ["relu", { atZero: "mean" }],
  ["relu", { atZero: 0.25 }],
  ["leakyRelu", {}],
  ["leakyRelu", { alpha: 0.2 }],
  ["leakyRelu", { alpha: 0.5, atZero: "right" }],
  ["leakyRelu", { alpha: 0.3, atZero: "mean" }],
  ["leakyRelu", { alpha: 0 }],
  ["elu", {}],
  ["elu", { alpha: 0.5, atZero: "right" }],
  ["selu", {}],
  ["selu", { atZero: "right" }],
  ["selu", { atZero: "mean" }],
  ["selu", { atZero: 0.25 }],
];

const NUMBER = String.raw`-?\d+(?:\.\d+)?(?:e-?\d+)?`;
const PLAIN = new RegExp(`^${NUMBER}$`), SCALED = new RegExp(String.raw`^(${NUMBER})\\,(.*)$`);

/** The value of one case's expression at z: z, a number, `a\,z`, `a\,(e^{z} - 1)`, `a\,e^{z}`. */
function caseValue(tex: string, z: number): number {
  const t = tex.trim();
  if (t === "z") return z;
  if (PLAIN.test(t)) return Number(t);
  const scaled = t.match(SCALED);
  if (scaled !== null) {
    const a = Number(scaled[1]), rest = scaled[2].trim();
    if (rest === "z") return a * z;
    if (rest === "(e^{z} - 1)") return a * (Math.exp(z) - 1);
    if (rest === "e^{z}") return a * Math.exp(z);
  }
  throw new Error(`unread case value: ${tex}`);
}

/** Whether one case's condition holds at z. */
function caseHolds(tex: string, z: number): boolean {
  const t = tex.trim();
  if (t === "z > 0") return z > 0;
  if (t === String.raw`z \le 0`) return z <= 0;
  if (t === "z < 0") return z < 0;
  if (t === String.raw`z = 0 \text{ (convention)}`) return z === 0;
  throw new Error(`unread case condition: ${tex}`);
}

/**
 * SELU's symbols as the numbers they stand for: the mean of λ and λα, `\lambda \alpha` at the
 * kink or before a factor, `\alpha\,`, `\lambda`.
 */
function withConstants(formula: string): string {
  return formula
    .replaceAll(
      String.raw`\tfrac{1}{2}(\lambda + \lambda \alpha)`,
      String((SELU_SCALE * SELU_ALPHA + SELU_SCALE) / 2),
    )
    .replaceAll(String.raw`\lambda \alpha &`, `${SELU_SCALE * SELU_ALPHA} &`)
    .replaceAll(String.raw`\lambda \alpha\,`, String.raw`${SELU_SCALE * SELU_ALPHA}\,`)
    .replaceAll(String.raw`\alpha\,`, String.raw`${SELU_ALPHA}\,`)
    .replaceAll(String.raw`\lambda`, String(SELU_SCALE));
}

/**
 * The formula's value at z: the one case whose condition holds (asserted to be one), times the
 * factor written before the cases, if any.
 */
function formulaAt(formula: string, z: number): number {
  const body = withConstants(formula).match(
    new RegExp(String.raw`= (${NUMBER} )?\\begin\{cases\}(.*)\\end\{cases\}`),
  );
  assert.ok(body !== null, `a formula by cases: ${formula}`);
  const holding = body[2].split(String.raw`\\`).map((c) => c.split("&"))
    .filter(([, condition]) => caseHolds(condition, z));
  assert.equal(holding.length, 1, `exactly one case at z = ${z} in ${formula}`);
  const factor = body[1] === undefined ? 1 : Number(body[1]);
  return factor * caseValue(holding[0][0], z);
}

/** Equal values, to 1e-15 relative where the formula needs an exponential. */
function assertAgrees(shown: number, computed: number, what: string): void {
  const scale = Math.max(1, Math.abs(computed));
  assert.ok(Math.abs(shown - computed) <= 1e-15 * scale, `${what}: ${shown} shown, ${computed}`);
}

const POINTS = [-3, -0.5, -1e-300, -0, 0, 1e-300, 0.5, 3];

function check(activation: ActivationFunction, z: number): void {
  const at = `${activation.label} at z = ${Object.is(z, -0) ? "-0" : z}`;
  assertAgrees(formulaAt(activation.latex, z), activation.f(z), `f of ${at}`);
  assertAgrees(formulaAt(activation.gradLatex, z), activation.grad(z), `f' of ${at}`);
}

Deno.test("each formula ReLU, Leaky ReLU, ELU and SELU show says what f and f' compute, case by case", async (t) => {
  for (const [name, options] of SETTINGS) {
    const activation = createActivation(name, options);
    await t.step(activation.label, () => {
      for (const z of POINTS) check(activation, z);
      fc.assert(
        fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => check(activation, z)),
        { seed: 11, numRuns: 200 },
      );
    });
  }
});

Deno.test("the derivative's formula names the value used at the kink, for every convention", () => {
  for (const atZero of ["left", "right", "mean", 0.25]) {
    const activation = createActivation("leakyRelu", { alpha: 0.1, atZero });
    const want = { left: 0.1, right: 1, mean: 0.55 }[String(atZero)] ?? atZero;
    assert.equal(formulaAt(activation.gradLatex, 0), want, `atZero ${atZero}`);
  }
});

Deno.test("SELU's derivative names its value at the kink λα, λ or their mean, not as 17 digits", () => {
  const kink = (atZero: string) =>
    createActivation("selu", { atZero }).gradLatex.match(/\\\\ ([^&]*) & z = 0/)?.[1];
  assert.equal(kink("left"), String.raw`\lambda \alpha`);
  assert.equal(kink("right"), String.raw`\lambda`);
  assert.equal(kink("mean"), String.raw`\tfrac{1}{2}(\lambda + \lambda \alpha)`);
});

Deno.test("SELU's formula gives its constants to the four places it shows", () => {
  const shown = createActivation("selu").latex.match(
    new RegExp(String.raw`\\lambda \\approx (${NUMBER}),\\ \\alpha \\approx (${NUMBER})$`),
  );
  assert.ok(shown !== null);
  assert.deepEqual([shown[1], shown[2]], [SELU_SCALE.toFixed(4), SELU_ALPHA.toFixed(4)]);
});

Deno.test("LaTeX writes a parameter JavaScript shows in exponent form as a power of ten", () => {
  // "1e-7" in TeX is e times minus 7: another formula.
  assert.equal(
    createActivation("leakyRelu", { alpha: 1e-7 }).latex,
    String.raw`f(z) = \begin{cases} z & z > 0 \\ 1 \times 10^{-7}\,z & z \le 0 \end{cases}`,
  );
  const softplus = createActivation("softplus", { beta: 2.5e21 });
  assert.match(softplus.latex, /\\frac\{1\}\{2\.5 \\times 10\^\{21\}\}/);
  assert.match(softplus.gradLatex, /e\^\{-2\.5 \\times 10\^\{21\} z\}/);
  for (const fn of [softplus, createActivation("elu", { alpha: 3e-9, atZero: 4e-8 })]) {
    assert.doesNotMatch(fn.latex + fn.gradLatex, /\de[+-]\d/, fn.label);
  }
  // The expression mathjs reads keeps JavaScript's form, which it parses.
  assert.equal(createActivation("leakyRelu", { alpha: 1e-7 }).expression, "z > 0 ? z : 1e-7 * z");
});
