/**
 * The committed browser bundle is what `deno task bundle` generates from the current sources:
 * regenerating it gives the same text. (Needs `--allow-run=deno`; here with the browser tests.)
 */
import assert from "node:assert/strict";
import {
  generateBundleModule,
  readBundleModule,
  requireInlineSafe,
} from "../../src/runner/bundle_explorer.ts";

Deno.test("src/explorer/_bundle.ts is fresh: regenerating it gives identical content", async () => {
  const stored = await readBundleModule();
  assert.ok(stored !== undefined, "src/explorer/_bundle.ts exists");
  const fresh = await generateBundleModule();
  assert.ok(
    fresh === stored,
    "src/explorer/_bundle.ts is stale: run `deno task bundle` and commit it",
  );
});

Deno.test("requireInlineSafe() refuses a script that would end or disturb its <script> element", () => {
  requireInlineSafe("var a = 1 < 2 && '<b>';");
  assert.throws(
    () => requireInlineSafe('x="</SCRIPT>"'),
    (error: Error) => error.message.endsWith('contains "</SCRIPT" at offset 3'),
  );
  assert.throws(
    () => requireInlineSafe("y<!--z"),
    (error: Error) => error.message.endsWith('contains "<!--" at offset 1'),
  );
});

Deno.test("deno task bundle: --check says whether the bundle is stale; a run writes it", async (t) => {
  // A copy of the sources, so that the bundle can be made stale and rewritten.
  const root = await Deno.makeTempDir({ prefix: "relu-lab-bundle-" });
  const run = async (...args: string[]) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--allow-run=deno",
        "--allow-read",
        "--allow-write=src/explorer",
        "src/runner/bundle_explorer.ts",
        ...args,
      ],
      cwd: root,
      env: { NO_COLOR: "1" },
    }).output();
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes).trim();
    return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
  };
  const bundle = `${root}/src/explorer/_bundle.ts`;
  try {
    const copy = await new Deno.Command("cp", {
      args: ["-r", "src", "deno.json", "deno.lock", root],
      cwd: new URL("../../", import.meta.url),
    }).output();
    assert.ok(copy.success, "copied the sources");
    const fresh = await Deno.readTextFile(bundle);
    await t.step("the committed bundle is fresh: exit 0", async () => {
      assert.deepEqual(await run("--check"), {
        code: 0,
        stdout: "src/explorer/_bundle.ts is fresh",
        stderr: "",
      });
    });
    await Deno.writeTextFile(bundle, fresh.replace("reluLabExplorer", "staleExplorer"));
    await t.step("a stale bundle: exit 1, the fix named, the file left as it was", async () => {
      const result = await run("--check");
      assert.equal(result.code, 1);
      assert.equal(result.stderr, "src/explorer/_bundle.ts is stale: run `deno task bundle`");
      assert.ok((await Deno.readTextFile(bundle)).includes("staleExplorer"));
    });
    await t.step("a run rewrites it whole, then finds it unchanged", async () => {
      const wrote = await run();
      assert.equal(wrote.code, 0);
      assert.match(wrote.stdout, /^Wrote src\/explorer\/_bundle\.ts \(\d+\.\d KB\)$/);
      assert.equal(await Deno.readTextFile(bundle), fresh);
      assert.deepEqual(await run(), {
        code: 0,
        stdout: "src/explorer/_bundle.ts is unchanged",
        stderr: "",
      });
      const left = [...Deno.readDirSync(`${root}/src/explorer`)].map((e) => e.name);
      assert.ok(!left.some((name) => name.endsWith(".tmp")), left.join(", "));
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
