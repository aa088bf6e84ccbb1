/**
 * The tasks that take no argument, or only some, refuse any other in one line, exit code 2,
 * before they run anything: `deno task setup --help` must not install, `deno task bundle --chek`
 * must not write. Run here without --allow-run, so that a task that went on would fail otherwise.
 */

import assert from "node:assert/strict";

async function task(script: string, args: string[]): Promise<{ code: number; stderr: string }> {
  const { code, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-read", "--allow-env=PATH", "--allow-sys=uid", script, ...args],
    env: { NO_COLOR: "1" },
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).output();
  return { code, stderr: new TextDecoder().decode(stderr) };
}

Deno.test("deno task setup refuses any argument, --help too, in one line and exit 2, before it installs anything", async () => {
  for (const arg of ["--help", "-h", "jupyter"]) {
    assert.deepEqual(await task("src/runner/setup.ts", [arg, "more"]), {
      code: 2,
      stderr: `Unknown argument ${arg}: deno task setup takes none\n`,
    });
  }
});

Deno.test("deno task bundle refuses an argument other than --check in one line and exit 2, before it bundles or writes", async () => {
  for (const args of [["--chek"], ["--check", "--write"], ["--help"]]) {
    assert.deepEqual(await task("src/runner/bundle_explorer.ts", args), {
      code: 2,
      stderr: `Unknown argument ${args.at(-1)}: deno task bundle takes only --check\n`,
    });
  }
});
