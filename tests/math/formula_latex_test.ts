import assert from "node:assert/strict";
import { ACTIVATION_NAMES, createActivation, formulaLatex } from "@relu-lab/relu-lab";

Deno.test("formulaLatex() renders mathjs expressions with toTex", () => {
  assert.equal(formulaLatex("exp(z)"), String.raw`\exp\left( z\right)`);
  assert.equal(formulaLatex("z / 2"), String.raw`\frac{ z}{2}`);
});

Deno.test("formulaLatex() renders conditionals as cases", () => {
  const latex = formulaLatex("z > 0 ? z : 0.01 * z");
  assert.match(latex, /\\begin\{cases\}/);
  assert.match(latex, /0\.01/);
});

Deno.test("formulaLatex() renders every activation's expression", () => {
  for (const name of ACTIVATION_NAMES) {
    const { expression } = createActivation(name);
    const latex = formulaLatex(expression);
    // In z; a piecewise activation (a conditional in mathjs) as cases, a smooth one without.
    assert.match(latex, /\bz\b/, name);
    assert.equal(/\\begin\{cases\}/.test(latex), expression.includes("?"), `${name}: ${latex}`);
  }
});

Deno.test("formulaLatex() rejects bad input with a message naming it", async (t) => {
  await t.step("a syntax error", () => {
    assert.throws(() => formulaLatex("z +"), {
      name: "SyntaxError",
      message: /^Cannot convert a formula to LaTeX as expression must be a valid mathjs expression/,
    });
  });
  await t.step("not a string", () => {
    assert.throws(() => formulaLatex(undefined as unknown as string), {
      name: "TypeError",
      message:
        "Cannot convert a formula to LaTeX as expression must be a string: expression=undefined",
    });
  });
});

Deno.test("formulaLatex() refuses a blank formula instead of returning undefined", () => {
  for (const blank of ["", "   ", "\n\t", "# only a comment"]) {
    assert.throws(() => formulaLatex(blank), {
      name: "SyntaxError",
      message: "Cannot convert a formula to LaTeX as expression must be a nonblank mathjs " +
        `expression: expression=${JSON.stringify(blank)}`,
    });
  }
});

Deno.test("formulaLatex() refuses a second argument instead of ignoring it, but not map's index", () => {
  const loose = formulaLatex as (...args: unknown[]) => unknown;
  assert.throws(() => loose("z", { parenthesis: "all" }), {
    name: "TypeError",
    message: "Cannot convert a formula to LaTeX as formulaLatex takes expression alone, no " +
      'second argument: second={ parenthesis: "all" }',
  });
  assert.throws(() => loose("z", 0, ["exp(z)"]), { name: "TypeError", message: /second=0$/ });
  assert.deepEqual(["z", "exp(z)"].map(formulaLatex), [" z", String.raw`\exp\left( z\right)`]);
});
