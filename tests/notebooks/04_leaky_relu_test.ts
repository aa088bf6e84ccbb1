/**
 * Assertions on the stored outputs of notebooks/04-leaky-relu.ipynb, and one rerun with
 * alpha = 0.2 through the runner.
 */
import assert from "node:assert/strict";
import {
  assertVerdictsAsRecorded,
  joined,
  printed as streamsPrinted,
  readStored,
  runWithParams,
  verdictLines,
} from "./_notebook_outputs.ts";
import { hasTag, type Notebook, sourceText } from "../../src/runner/notebook.ts";
import { CLAIMS } from "../claims/registry.ts";

const PATH = "notebooks/04-leaky-relu.ipynb";
const stored = await readStored(PATH);

/** Everything the notebook's code cells printed, in order, leaving out timing cells. */
function printed(notebook: Notebook): string {
  return streamsPrinted(notebook, { skipTag: "nondeterministic" });
}

const text = printed(stored);
const measured = CLAIMS.filter((r) =>
  r.repeats === undefined && r.notebook === "04-leaky-relu" && r.verdict !== "definition"
);

Deno.test("04: the parameters cell declares alpha = 0.01, the seed and the seeds per setting", () => {
  const parameters = stored.cells.find((c) => hasTag(c, "parameters"));
  assert.ok(parameters);
  assert.match(sourceText(parameters), /^const alpha = 0\.01;/m);
  assert.match(sourceText(parameters), /^const seed = 0;/m);
  assert.match(sourceText(parameters), /^const runs = 5;/m);
});

Deno.test("04: every cell computes with the public API: no experiment helpers, networks trained in view", () => {
  const code = stored.cells.filter((c) => c.cell_type === "code").map(sourceText).join("\n");
  assert.doesNotMatch(code, /experiments|describe[A-Z]/);
  assert.match(code, /from "@relu-lab\/relu-lab(\/\w+)?"/);
  assert.ok((code.match(/\bmlp\(/g) ?? []).length >= 1 && /\btrain\(/.test(code));
  assert.match(code, /overSeeds\(/);
});

Deno.test("04: the text's examples are printed: f(3) = 3, f(-2) = -0.02, gradient 0.01", () => {
  assert.match(text, /^f\(3\) = 3 \(ReLU: 3\)$/m);
  assert.match(text, /^f\(-2\) = -0\.02 with α = 0\.01 \(ReLU: 0\)$/m);
  assert.match(text, /^Leaky ReLU: f\(-2\) = -0\.02, f'\(-2\) = 0\.01 \(α = 0\.01\)$/m);
});

Deno.test("04: mathjs derives the two slopes, rendered, and they match leakyReluGrad on the grid", () => {
  assert.match(text, /^d\/dz \(z > 0 \? z : alpha \* z\) = \(z > 0\) \? 1 : alpha$/m);
  assert.match(text, /^largest \|symbolic − leakyReluGrad\| on 801 points: 0$/m);
  assert.match(text, /^at z = 0: symbolic 0\.01, leakyReluGrad 0\.01$/m);
  const rendered = stored.cells.find((c) => sourceText(c).includes("formula(`f'(z) ="));
  const html = (rendered?.outputs ?? []).map((o) => joined(o.data?.["text/html"])).join("");
  assert.match(html, /<math/);
});

Deno.test("04: almost differentiable: one-sided slopes α and 1 at 0, and α used there", () => {
  assert.match(text, /^one-sided slopes at 0: left 0\.01, right 1; used at 0: 0\.01$/m);
});

Deno.test("04: the max form matches for slopes up to 1 and not above", () => {
  for (const a of ["0", "0.01", "0.5", "1"]) {
    assert.match(
      text,
      new RegExp(`^α = ${a.replace(".", "\\.")}: largest gap on \\[-4, 4\\] 0$`, "m"),
    );
  }
  assert.match(text, /^α = 1\.5: largest gap on \[-4, 4\] 2$/m);
  assert.match(text, /^α = 1\.5, z = 3: leakyRelu 3, max form 4\.5$/m);
});

Deno.test("04: every measured claim of notebook 04 prints exactly one verdict line, the registry's", () => {
  assert.ok(measured.length >= 8);
  assertVerdictsAsRecorded(verdictLines(streamsPrinted(stored)), measured);
});

Deno.test("04: spreads are mean ± sample sd with n, and the diverged runs are counted, printed and drawn", () => {
  assert.match(text, /^learning rate 1:\n {2}ReLU: final loss [\d.]+ ± [\d.]+ \(n = 5\);/m);
  assert.match(
    text,
    /^ {2}Leaky ReLU \(α = 0\.01\): final loss [\d.]+ ± [\d.]+ \(n = 3, 2 diverged\);/m,
  );
  assert.match(
    text,
    /^ {2}Leaky ReLU \(α = 0\.01\): final loss no finished run \(5 diverged\);/m,
  );
  assert.match(text, /^ {4}per seed: [\d.]+, [\d.]+, diverged, [\d.]+, diverged$/m);
  assert.match(text, /^held in 0 of 9 conditions \(3 senses × 3 rates\)$/m);
  assert.match(text, /^η = 1: fewer dead, lower loss, fewer diverged: false, false, false$/m);
  const figure = stored.cells.find((c) => sourceText(c).includes("stabilityRows"));
  const html = (figure?.outputs ?? []).map((o) => joined(o.data?.["text/html"])).join("");
  // 3 rates × 2 activations × 5 seeds: a dot per finished run, an × per diverged one.
  assert.equal(html.match(/<circle /g)?.length, 23, "a dot per finished run");
  assert.equal(html.match(/>×<\/text>/g)?.length, 7, "an × per diverged run");
  assert.match(html, /marks a run whose loss overflowed \(diverged\)/);
});

Deno.test("04: neurons that start dead never come back under ReLU, and most do under Leaky ReLU with Adam", () => {
  assert.match(text, /^ReLU, Adam: 0 of (\d+) came back;/m);
  assert.match(text, /^ReLU, SGD: 0 of (\d+) came back;/m);
  const leaky = text.match(/^Leaky ReLU \(α = 0\.01\), Adam: (\d+) of (\d+) came back/m);
  assert.ok(leaky && Number(leaky[1]) > Number(leaky[2]) / 2, leaky?.[0]);
});

Deno.test("04: before training, diagnose() shows ReLU's dead neurons passing no gradient and Leaky ReLU's passing some", () => {
  // The two reports the diagnose cell printed: ReLU's, then Leaky ReLU's.
  const reports = text.split(/^(?=(?:ReLU|Leaky ReLU \(α = 0\.01\)), seed 0: loss )/m).slice(1, 3);
  assert.equal(reports.length, 2);
  const rows = (report: string, kind: "Activation" | "Dense") =>
    report.split("\n").filter((line) => new RegExp(`^\\d+  ${kind}\\(`).test(line));
  const [relu, leaky] = reports;
  for (const [report, recovers] of [[relu, "no"], [leaky, "yes"]]) {
    const layers = rows(report, "Activation");
    assert.equal(layers.length, 3);
    for (const row of layers) assert.match(row, new RegExp(`\\d+/16 +${recovers} `), row);
    assert.ok(layers.some((row) => / 16\/16 /.test(row)), "a hidden layer wholly dead");
  }
  // ‖∇W‖ of each Dense layer (the next-to-last column): 0 throughout ReLU's network, not 0
  // anywhere in Leaky ReLU's.
  const weightNorms = (report: string) =>
    rows(report, "Dense").map((row) => Number(row.split(/ +/).at(-2)));
  assert.deepEqual(weightNorms(relu), [0, 0, 0, 0]);
  assert.equal(weightNorms(leaky).length, 4);
  assert.ok(weightNorms(leaky).every((norm) => norm > 0), String(weightNorms(leaky)));
});

Deno.test("04: the timing cells are tagged nondeterministic, print the timing rule's ratios and the verdict the rule gives them", () => {
  const timing = stored.cells.filter((c) => /timeRatio\(|simplicity\.forward/.test(sourceText(c)));
  assert.equal(timing.length, 2);
  assert.ok(timing.every((c) => hasTag(c, "nondeterministic")));
  const out = (timing[1].outputs ?? []).map((o) => joined(o.text)).join("");
  const notSlower = ["forward", "backward"].map((pass) => {
    const line = `^${pass}: Leaky ReLU [\\d.]+ ms, ReLU [\\d.]+ ms per call ` +
      `\\(median; ratio ([\\d.]+), (not )?slower\\)$`;
    const [, ratio, not] = out.match(new RegExp(line, "m"))!;
    // The rule, on the ratio as printed (two decimals): slower above 1.25, not slower below.
    if (Number(ratio) !== 1.25) assert.equal(not === undefined, Number(ratio) > 1.25, pass);
    return not !== undefined;
  });
  // The verdict follows from the two findings, whichever way this run's timing came out.
  const verdict = ["not supported", "qualified", "supported"][notSlower.filter(Boolean).length];
  assert.match(out, new RegExp(`^verdict \\(leaky-simplicity\\): ${verdict}$`, "m"));
});

Deno.test({
  name:
    "04 with alpha = 0.2: the examples print -0.4, the slopes check, ReLU's runs stay, one verdict line per claim",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed);
    assert.match(rerun, /^f\(-2\) = -0\.4 with α = 0\.2 \(ReLU: 0\)$/m);
    assert.match(rerun, /^Leaky ReLU: f\(-2\) = -0\.4, f'\(-2\) = 0\.2 \(α = 0\.2\)$/m);
    assert.match(rerun, /^largest \|symbolic − leakyReluGrad\| on 801 points: 0$/m);
    assert.match(rerun, /^α = 0\.2: largest gap on \[-4, 4\] 0$/m);
    assert.match(rerun, /^one-sided slopes at 0: left 0\.2, right 1; used at 0: 0\.2$/m);
    assert.doesNotMatch(rerun, /α = 0\.01/);
    const reluLines = (t: string) =>
      t.split("\n").filter((l) => /^(ReLU(, Adam|, SGD)?: |ReLU, after)/.test(l));
    assert.ok(reluLines(text).length >= 4);
    assert.deepEqual(reluLines(rerun), reluLines(text));
    const ids = verdictLines(streamsPrinted(report.executed)).map(([id]) => id).sort();
    assert.deepEqual(ids, measured.map((r) => r.id).sort());
  },
});
