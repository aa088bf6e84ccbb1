/**
 * Assertions on the stored outputs of notebooks/06-comparison-and-practice.ipynb, and one rerun
 * with alpha = 0.2 through the runner.
 */
import assert from "node:assert/strict";
import {
  assertVerdictsAsRecorded,
  displayedHtml,
  joined,
  printed,
  readStored,
  runWithParams,
  verdictLines,
} from "./_notebook_outputs.ts";
import { hasTag, type Notebook, sourceText } from "../../src/runner/notebook.ts";
import { CLAIMS } from "../claims/registry.ts";

const PATH = "notebooks/06-comparison-and-practice.ipynb";
const stored = await readStored(PATH);
const text = printed(stored);
const measured = CLAIMS.filter((r) =>
  r.notebook === "06-comparison-and-practice" && r.verdict !== "definition"
);

const cellWith = (needle: string) => stored.cells.find((c) => sourceText(c).includes(needle));
/** What a notebook printed, then the plain-text form of what it displayed (the depth table). */
const shown = (notebook: Notebook) =>
  printed(notebook) + "\n" +
  notebook.cells.flatMap((c) => c.outputs ?? []).map((o) => joined(o.data?.["text/plain"]))
    .join("\n");

/** The depth table's row for one depth: six percentages, ReLU and Leaky ReLU per measure. */
function depthRow(t: string, depth: number): number[] {
  const line = t.split("\n").find((l) => new RegExp(`^${depth} +\\d`).test(l));
  assert.ok(line, `no row for depth ${depth}`);
  return [...line.matchAll(/(-?[\d.]+) ± [\d.]+%/g)].map((m) => Number(m[1]));
}

Deno.test("06: the parameters cell declares alpha, seed, runs and the depths", () => {
  const parameters = stored.cells.find((c) => hasTag(c, "parameters"));
  assert.ok(parameters);
  assert.match(sourceText(parameters), /^const alpha = 0\.01;/m);
  assert.match(sourceText(parameters), /^const seed = 0;/m);
  assert.match(sourceText(parameters), /^const runs = 5;/m);
  assert.match(sourceText(parameters), /^const depths = \[1, 2, 4, 8, 12, 16\];/m);
});

Deno.test("06: every cell computes with the public API: no experiment helpers, networks trained in view", () => {
  const code = stored.cells.filter((c) => c.cell_type === "code").map(sourceText).join("\n");
  assert.doesNotMatch(code, /experiments|describe[A-Z]/);
  assert.match(code, /\bmlp\(/);
  assert.match(code, /\btrain\(/);
  assert.match(code, /overSeeds\(/);
});

Deno.test("06: every measured claim of notebook 06 prints exactly one verdict line, the registry's", () => {
  assert.ok(measured.length >= 11);
  assertVerdictsAsRecorded(verdictLines(printed(stored)), measured);
});

Deno.test("06: the depth table has six depths, every run counted; ReLU's inactive share grows with depth", () => {
  assert.match(
    text,
    /^finished runs per depth \(ReLU \+ Leaky ReLU\): 1: 5\+5, 2: 5\+5, 4: 5\+5, 8: 5\+5, 12: 5\+5, 16: 5\+5$/m,
  );
  const rows = [1, 2, 4, 8, 12, 16].map((d) => depthRow(shown(stored), d));
  for (const row of rows) {
    assert.equal(row.length, 6);
    assert.equal(row[3], 0, "Leaky ReLU has no exact zeros");
  }
  assert.ok(rows[5][0] > 5 * rows[0][0], "ReLU inactive at 16 layers against 1");
  assert.match(text, /^runs that diverged: none$/m);
  assert.match(text, /^Leaky ReLU fewer inactive, beyond noise, at depths: 8$/m);
  assert.match(text, /^Leaky ReLU preferred at depths: none$/m);
});

Deno.test("06: the shares inactive before training are printed per depth, with whether they grow", () => {
  for (const name of ["ReLU", "Leaky ReLU \\(α = 0\\.01\\)"]) {
    assert.match(
      text,
      new RegExp(
        `^${name}, inactive before training: 1: [\\d.]+(?: ± [\\d.]+)?%(, \\d+: [^,]+)+$`,
        "m",
      ),
    );
  }
  assert.equal(
    text.match(
      /^ {2}mean rises with every step in depth: (yes|no); 16 layers above 1 beyond noise: (yes|no)$/gm,
    )
      ?.length,
    2,
  );
  const markdown = stored.cells.filter((c) => c.cell_type === "markdown").map(sourceText).join("");
  assert.doesNotMatch(markdown, /all six depths|1 to 16 hidden layers|by \$c\^l\$/);
});

Deno.test("06: every data set follows the seed: no fixed data seed, drawn per run", () => {
  const code = stored.cells.filter((c) => c.cell_type === "code").map(sourceText).join("\n");
  assert.doesNotMatch(code, /seed: \d/, "a data set drawn from a fixed seed");
  assert.match(code, /twoMoons\(\{ n: 700, noise: 0\.1, seed: s \}\)/);
  assert.match(code, /twoMoons\(\{ n: regularPoints \+ 500, noise: regularNoise, seed: s \}\)/);
});

Deno.test("06: the depth table is a real table: HTML with a row per depth, and plain text", () => {
  const table = displayedHtml(cellWith("depthTable(measures, depths"));
  assert.match(table, /^<table>/);
  assert.match(table, /<th rowspan="2">depth<\/th><th colspan="2">inactive after training<\/th>/);
  assert.equal(
    table.match(/<tr><td[^>]*>\d+<\/td>(<td[^>]*>-?[\d.]+ ± [\d.]+%<\/td>){6}<\/tr>/g)?.length,
    6,
  );
  assert.doesNotMatch(text, /^1 +\d/m, "the table is displayed, not printed");
});

Deno.test("06: the convolution: the digit drawn as stored, its dark pixels dark, and no blank panel", () => {
  assert.match(
    text,
    /^brightness filter: dark pixels at exactly 0: ReLU 9\d\.\d%, Leaky ReLU 0\.0%$/m,
  );
  assert.match(
    text,
    /^edge filter: dark pixels at exactly 0: ReLU \d+\.\d%, Leaky ReLU [5-9]\d\.\d%$/m,
  );
  assert.match(text, /^α × \|bias\| = 0\.0025$/m);
  const figure = cellWith("plotImages(");
  assert.match(sourceText(figure!), /\{ image, title: `a \$\{digit\}`, colorScheme: "gray"/);
  assert.doesNotMatch(sourceText(figure!), /zeroMask\(bright\.leaky\)/, "an all-white panel");
  // Five panels, the brightness filter's three and the edge filter's sign.
  for (const title of ["brightness: z", "brightness: ReLU = 0", "brightness: Leaky sign"]) {
    assert.ok(displayedHtml(figure).includes(`>${title}<`), title);
  }
  assert.match(displayedHtml(figure), />edge: Leaky sign</);
});

/** Each paired finding's per-seed line, after the line that names it: label → values (points). */
function perSeed(output: string, label: RegExp): number[][] {
  const lines = output.split("\n");
  return lines.flatMap((line, i) =>
    label.test(line) && /^ +per seed /.test(lines[i + 1] ?? "")
      ? [lines[i + 1].trim().replace("per seed ", "").split(" ").map(Number)]
      : []
  );
}

Deno.test("06: every paired finding prints each seed's difference, whose mean is the one printed", () => {
  const findings = text.split("\n").filter((l) =>
    /(: | {2})-?\d+\.\d\d ± \d+\.\d\d; mean − 2 SE/.test(l)
  );
  // Six depths twice, five slope settings.
  assert.equal(findings.length, 17);
  for (const line of findings) {
    const [values] = perSeed(text.slice(text.indexOf(line)), /./);
    assert.equal(values?.length, 5, line);
    const mean = Number(line.match(/(-?\d+\.\d\d) ± /)![1]);
    const sum = values.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum / values.length - mean) < 0.006, line);
  }
  // What the prose says of them: ReLU higher on every seed at 8 layers, Leaky ReLU higher on 4
  // of 5 at 16, and PReLU's two seeds far below the best slope.
  const reluMinusLeaky = perSeed(text, /^ {2}depth {2}8: 0\.76/)[0];
  assert.ok(reluMinusLeaky.every((v) => v > 0), String(reluMinusLeaky));
  const at16 = perSeed(text, /^ {2}depth 16: -4\.36/)[0];
  assert.equal(at16.filter((v) => v < 0).length, 4);
  const prelu = perSeed(text, /^ {2}PReLU/)[0];
  assert.deepEqual(prelu.filter((v) => v < -10).sort(), [-16.2, -19.6].sort());
});

Deno.test("06: PReLU: only negative slopes are called non-monotonic", () => {
  assert.match(text, /^ {2}negative \(the unit is non-monotonic\): \d+$/m);
  assert.match(text, /^ {2}above 1 \(still monotonic, steeper on the negative side\): \d+$/m);
  const markdown = stored.cells.filter((c) => c.cell_type === "markdown").map(sourceText).join("");
  assert.match(markdown, /A slope above 1 keeps the unit\s+monotonic/);
  assert.doesNotMatch(markdown, /larger than 1, which makes those units non-monotonic/);
});

Deno.test("06: figures: log-axis labels are short", () => {
  const figures = stored.cells.filter((c) => hasTag(c, "figure")).map(displayedHtml).join("");
  assert.doesNotMatch(figures, />0\.0000\d*</, "no tick label such as 0.00001");
  assert.match(displayedHtml(cellWith("combineFigures([scalePanel")), />1e-\d+</);
});

Deno.test({
  name: "06 with alpha = 0.2: ReLU's columns stay, Leaky ReLU's move, one verdict line per claim",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const report = await runWithParams(PATH, { alpha: 0.2 });
    assert.ok(report.ok, report.failure);
    const rerun = printed(report.executed);
    assert.match(rerun, /Leaky ReLU \(α = 0\.2\)/);
    assert.match(rerun, /^α × \|bias\| = 0\.05$/m);
    for (const depth of [1, 2, 4, 8, 12, 16]) {
      const [before, after] = [
        depthRow(shown(stored), depth),
        depthRow(shown(report.executed), depth),
      ];
      assert.deepEqual([after[0], after[2], after[4]], [before[0], before[2], before[4]]);
    }
    const he = (t: string) => t.match(/^He {17}inactive .*$/m)?.[0];
    assert.ok(he(text));
    assert.equal(he(rerun), he(text), "the ReLU initialisation comparison does not use alpha");
    const ids = verdictLines(printed(report.executed)).map(([id]) => id).sort();
    assert.deepEqual(ids, measured.map((r) => r.id).sort());
  },
});
