/**
 * Assertions on the stored outputs of notebooks/05-leaky-relu-tradeoffs.ipynb, and one rerun
 * with alpha = 0.2 through the runner.
 */
import assert from "node:assert/strict";
import {
  assertVerdictsAsRecorded,
  displayedHtml,
  printed as streamsPrinted,
  readStored,
  runWithParams,
  verdictLines,
} from "./_notebook_outputs.ts";
import { hasTag, type Notebook, sourceText } from "../../src/runner/notebook.ts";
import { CLAIMS } from "../claims/registry.ts";

const PATH = "notebooks/05-leaky-relu-tradeoffs.ipynb";
const stored = await readStored(PATH);

/** Everything the notebook's code cells printed, in order, leaving out timing cells. */
function printed(notebook: Notebook): string {
  return streamsPrinted(notebook, { skipTag: "nondeterministic" });
}

const cellWith = (needle: string) => stored.cells.find((c) => sourceText(c).includes(needle));

const text = printed(stored);
const measured = CLAIMS.filter((r) =>
  r.repeats === undefined && r.notebook === "05-leaky-relu-tradeoffs" && r.verdict !== "definition"
);

Deno.test("05: the parameters cell declares alpha, seed, runs and the slopes of the sweep", () => {
  const parameters = stored.cells.find((c) => hasTag(c, "parameters"));
  assert.ok(parameters);
  assert.match(sourceText(parameters), /^const alpha = 0\.01;/m);
  assert.match(sourceText(parameters), /^const seed = 0;/m);
  assert.match(sourceText(parameters), /^const runs = 5;/m);
  assert.match(
    sourceText(parameters),
    /^const alphas = \[0, 0\.001, 0\.01, 0\.05, 0\.1, 0\.3, 0\.5, 1\];/m,
  );
});

Deno.test("05: every cell computes with the public API: no experiment helpers, networks trained in view", () => {
  const code = stored.cells.filter((c) => c.cell_type === "code").map(sourceText).join("\n");
  assert.doesNotMatch(code, /experiments|describe[A-Z]/);
  assert.match(code, /\bmlp\(/);
  assert.match(code, /\btrain\(/);
  assert.match(code, /overSeeds\(/);
});

Deno.test("05: every measured claim of notebook 05 prints exactly one verdict line, the registry's", () => {
  assert.ok(measured.length >= 9, `${measured.length} measured claims`);
  assertVerdictsAsRecorded(verdictLines(streamsPrinted(stored)), measured);
});

Deno.test("05: the sweep counts its runs: 5 finished and 0 diverged at every slope", () => {
  const rows = [...text.matchAll(/^(ReLU \(α = 0\)|α = [\d.]+) +(\d+) +(\d+) +\d/gm)];
  assert.equal(rows.length, 8);
  for (const row of rows) assert.deepEqual([row[2], row[3]], ["5", "0"], row[0]);
  assert.match(text, /^runs that diverged: none$/m);
});

Deno.test("05: every data set follows the seed: no fixed data seed, drawn per run", () => {
  const code = stored.cells.filter((c) => c.cell_type === "code").map(sourceText).join("\n");
  assert.doesNotMatch(code, /seed: \d/, "a data set drawn from a fixed seed");
  assert.doesNotMatch(code, /result!/, "a run assumed to have finished");
  assert.match(code, /spirals\(\{ n: 300, classes: 3, noise: 0\.2, seed: s \}\)/);
  assert.match(code, /twoMoons\(\{ n: 256, noise: 0\.1, seed: s \}\)/);
  const markdown = stored.cells.filter((c) => c.cell_type === "markdown").map(sourceText).join("");
  assert.doesNotMatch(markdown, /15 hidden layers|through 15 layers/);
});

Deno.test("05: α = 1 is compared with a classifier without a hidden layer and with chance", () => {
  assert.match(text, /^α = 1 {9}4\d\.\d ± \d\.\d%$/m);
  assert.match(text, /^no hidden layer: test accuracy 4\d\.\d ± \d\.\d% \(n = 5\)$/m);
  assert.match(text, /^chance \(3 classes\): 33\.3%$/m);
  assert.match(text, /^α = 1 against no hidden layer: -?[\d.]+ points, within noise$/m);
  const markdown = stored.cells.filter((c) => c.cell_type === "markdown").map(sourceText).join("");
  assert.doesNotMatch(markdown, /collapses to chance/);
});

Deno.test("05: exact zeros: ReLU's are over 40%, every slope's are 0", () => {
  const relu = text.match(/^ReLU \(α = 0\) {2}(\d+\.\d) ± \d+\.\d% {3}/m);
  assert.ok(relu && Number(relu[1]) > 40, relu?.[0]);
  for (const a of ["0.001", "0.01", "0.1", "0.5", "1"]) {
    assert.match(text, new RegExp(`^α = ${a.replace(".", "\\.")} +0\\.0 ± 0\\.0% `, "m"));
  }
});

Deno.test("05: ELU's derivative is derived by mathjs, rendered, and matches eluGrad on the grid", () => {
  assert.match(
    text,
    /^d\/dz \(z > 0 \? z : alpha \* \(exp\(z\) - 1\)\) = \(z > 0\) \? 1 : \(alpha \* exp\(z\)\)$/m,
  );
  assert.match(text, /^largest \|symbolic − eluGrad\| on 801 points: 0$/m);
  assert.match(displayedHtml(cellWith("formula(`f'(z) = ${eluDerived")), /<math/);
});

Deno.test("05: figures: log-axis labels are short, and series that coincide are drawn dashed", () => {
  const figures = stored.cells.filter((c) => hasTag(c, "figure")).map(displayedHtml).join("");
  assert.doesNotMatch(figures, />0\.0000\d*</, "no tick label such as 0.00001");
  const growth = displayedHtml(cellWith("Activations grow layer by layer"));
  assert.match(growth, /stroke-dasharray="6 4"/);
  assert.match(growth, /\(dashed\)/);
});

Deno.test("05: unbounded output is judged as notebook 03 judges ReLU's: against tanh, N(0, 1) and He weights, four findings", () => {
  for (const init of ["N(0, 1)", "He"]) {
    assert.match(
      text,
      new RegExp(
        `^Leaky ReLU \\(α = 0\\.01\\) against tanh, ${init.replace(/[()]/g, "\\$&")} weights:$`,
        "m",
      ),
    );
  }
  assert.match(
    text,
    /^predicted growth per layer: N\(0, 1\) weights ×4\.00 \(ReLU ×4\.00\), He ×1 /m,
  );
  const code = stored.cells.filter((c) => c.cell_type === "code").map(sourceText).join("\n");
  assert.match(code, /printVerdict\("leaky-unbounded", unboundedHeld\)/);
  assert.doesNotMatch(code, /> 2\b/, "no fixed growth threshold");
});

Deno.test("05 times nothing itself: the cost of lost sparsity is notebook 02's measurement", () => {
  assert.equal(stored.cells.filter((c) => hasTag(c, "nondeterministic")).length, 0);
  const code = stored.cells.filter((c) => c.cell_type === "code").map(sourceText).join("\n");
  assert.doesNotMatch(code, /performance\.now|timeRatio/);
  const cost = stored.cells.find((c) => /computational cost/.test(sourceText(c)));
  assert.ok(cost && cost.cell_type === "markdown");
  assert.match(sourceText(cost), /notebook 02's "sparsity reduces computation"/);
});

Deno.test({
  name: "05 with alpha = 0.2: 0.2 joins the sweep, ReLU's rows stay, one verdict line per claim",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed);
    assert.match(
      rerun,
      /^seeds 0, 1, 2, 3, 4; slopes 0, 0\.001, 0\.01, 0\.05, 0\.1, 0\.2, 0\.3, 0\.5, 1$/m,
    );
    assert.match(rerun, /^large, against α = 0\.2: /m);
    assert.match(rerun, /^Leaky ReLU \(α = 0\.2\) +test accuracy /m);
    assert.match(rerun, /^Leaky ReLU \(α = 0\.2\) against tanh, He weights:$/m);
    const reluRows = (t: string) => t.split("\n").filter((l) => l.startsWith("ReLU (α = 0)"));
    assert.equal(reluRows(text).length, 5);
    assert.deepEqual(reluRows(rerun), reluRows(text));
    const ids = verdictLines(streamsPrinted(report.executed)).map(([id]) => id).sort();
    assert.deepEqual(ids, measured.map((r) => r.id).sort());
  },
});
