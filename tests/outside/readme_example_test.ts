import assert from "node:assert/strict";
import { configFilesAbove, IGNORE_OUTSIDE, REPO_ROOT, runDeno } from "./_outside.ts";

const README = await Deno.readTextFile(`${REPO_ROOT}/README.md`);
const PLACEHOLDER = "/path/to/relu-lab/src/mod.ts";

/** The README's example script: the TypeScript block that imports relu-lab by path. */
function exampleScript(): string {
  const blocks = [...README.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(([, code]) => code);
  const example = blocks.filter((code) => code.includes(PLACEHOLDER));
  assert.equal(example.length, 1, "one example imports relu-lab by path");
  return example[0];
}

/**
 * The example's one-line calls whose comment gives their value, e.g. `relu(-2); // 0`, as
 * `[call, value]`; and the calls a comment says throw, e.g. `leakyRelu(-2, 0.1) is a TypeError`.
 */
function documentedValues(script: string) {
  const values = [...script.matchAll(/^(\w+\([^;\n]*\)); \/\/ (-?\d+(?:\.\d+)?)\b/gm)]
    .map(([, call, value]) => [call, Number(value)] as const);
  const throwing = [...script.matchAll(/(\w+\([^;\n]*?\)) is a (\w+Error)/g)]
    .map(([, call, error]) => [call, error] as const);
  return { values, throwing };
}

/** Runs `main.ts` holding `code` in a temporary folder outside the repository, with no permission. */
async function runOutside(code: string) {
  const dir = await Deno.makeTempDir({ prefix: "relu-lab-readme-" });
  try {
    assert.ok(!dir.startsWith(REPO_ROOT + "/"));
    assert.deepEqual(configFilesAbove(dir), []);
    await Deno.writeTextFile(`${dir}/main.ts`, code);
    return await runDeno(["run", "main.ts"], dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("the README's example runs as written from a folder of its own, with no permission", {
  ignore: IGNORE_OUTSIDE,
}, async () => {
  const script = exampleScript().replace(PLACEHOLDER, `${REPO_ROOT}/src/mod.ts`);
  const run = await runOutside(script);
  assert.equal(run.code, 0, run.stderr);
  // What its last three lines print: the model's summary, the last epoch, the diagnostics.
  assert.match(run.stdout, /Dense\(2 → 32\)/);
  assert.match(run.stdout, /epoch: 50,/);
  assert.match(run.stdout, /^# {2}activation layer +dead +can recover +sparsity/m);
  assert.match(run.stdout, /^# {2}layer with weights +‖∇W‖ +‖∇b‖$/m);
});

Deno.test("every value the README's example gives in a comment is the one the call returns", {
  ignore: IGNORE_OUTSIDE,
}, async () => {
  const script = exampleScript();
  const { values, throwing } = documentedValues(script);
  assert.ok(values.length >= 6, `${values.length} documented values`);
  assert.ok(throwing.length >= 1);
  const imports = script.slice(0, script.indexOf(PLACEHOLDER) + PLACEHOLDER.length + 2)
    .replace(PLACEHOLDER, `${REPO_ROOT}/src/mod.ts`);
  const check = [
    imports,
    "const seen = [];",
    ...values.map(([call]) => `seen.push(${call});`),
    ...throwing.map(([call]) =>
      `try { ${call}; seen.push("no error"); } catch (error) { seen.push((error as Error).name); }`
    ),
    "console.log(JSON.stringify(seen));",
  ].join("\n");
  const run = await runOutside(check);
  assert.equal(run.code, 0, run.stderr);
  const seen = JSON.parse(run.stdout);
  const documented = [...values.map(([, value]) => value), ...throwing.map(([, error]) => error)];
  const calls = [...values.map(([call]) => call), ...throwing.map(([call]) => call)];
  assert.deepEqual(
    calls.map((call, i) => `${call} → ${seen[i]}`),
    calls.map((call, i) => `${call} → ${documented[i]}`),
  );
});
