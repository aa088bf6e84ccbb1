import assert from "node:assert/strict";
import * as lib from "../../src/mod.ts";
import { tinyRun } from "./fixtures/tiny_run.js";
import { configFilesAbove, IGNORE_OUTSIDE, REPO_ROOT, runDeno } from "./_outside.ts";

/** The script a user would write in a folder of their own, importing relu-lab from `url`. */
function userScript(url: string): string {
  return [
    `import * as lib from ${JSON.stringify(url)};`,
    `import { tinyRun } from "./tiny_run.js";`,
    `console.log(JSON.stringify(await tinyRun(lib)));`,
  ].join("\n");
}

/** A temporary folder outside the repository, holding `main.ts` and the tiny run. */
async function userFolder(url: string): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "relu-lab-user-" });
  await Deno.copyFile(new URL("./fixtures/tiny_run.js", import.meta.url), `${dir}/tiny_run.js`);
  await Deno.writeTextFile(`${dir}/main.ts`, userScript(url));
  return dir;
}

/** Serves the repository's `src/` (and nothing else) on 127.0.0.1, recording what it served. */
function serveSrc(): { server: Deno.HttpServer<Deno.NetAddr>; served: Set<string> } {
  const served = new Set<string>();
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    if (!path.startsWith("/src/") || path.includes("..")) {
      return new Response("not found", { status: 404 });
    }
    try {
      const body = await Deno.readFile(REPO_ROOT + path);
      served.add(path);
      const type = path.endsWith(".ts") ? "application/typescript" : "text/plain";
      return new Response(body, { headers: { "content-type": type } });
    } catch {
      return new Response("not found", { status: 404 });
    }
  });
  return { server, served };
}

// What the same run gives inside the repository: the outside runs must print it bit for bit.
const expected = IGNORE_OUTSIDE ? {} : await tinyRun(lib);

Deno.test("the tiny run itself trains XOR and reaches every npm-backed part", {
  ignore: IGNORE_OUTSIDE,
}, () => {
  assert.equal(expected.relu, 0);
  assert.equal(expected.leakyRelu, -0.2);
  assert.ok((expected.lastLoss as number) < (expected.firstLoss as number) / 2);
  assert.equal(expected.lastAccuracy, 1);
  assert.equal(expected.derivative, "2 * z");
  assert.equal(expected.svgStart, "<svg");
  assert.equal(expected.mathml, true);
  assert.equal(expected.digitRows, 3);
  assert.ok((expected.digitInkSum as number) > 0);
});

Deno.test("a script outside the repository imports src/mod.ts by path and runs", {
  ignore: IGNORE_OUTSIDE,
}, async () => {
  const dir = await userFolder(`${REPO_ROOT}/src/mod.ts`);
  try {
    assert.ok(!dir.startsWith(REPO_ROOT + "/"));
    assert.deepEqual(configFilesAbove(dir), []);
    const run = await runDeno(["run", "main.ts"], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), expected);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a script outside the repository imports src/mod.ts by URL from a static server", {
  ignore: IGNORE_OUTSIDE,
}, async (t) => {
  const { server, served } = serveSrc();
  const origin = `127.0.0.1:${server.addr.port}`;
  const dir = await userFolder(`http://${origin}/src/mod.ts`);
  // Deno asks for import access to hosts other than a few well-known registries. It also caches
  // remote modules by URL in DENO_DIR, port included, so a port that an earlier run used would be
  // answered from that cache without a request: --reload fetches anew.
  const runFrom = async (reload: boolean) => {
    served.clear();
    const run = await runDeno(
      [
        "run",
        `--allow-import=${origin}`,
        ...(reload ? [`--reload=http://${origin}`] : []),
        "main.ts",
      ],
      dir,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), expected);
  };
  try {
    assert.deepEqual(configFilesAbove(dir), []);
    await t.step("it runs, every module fetched from the server", async () => {
      await runFrom(true);
      assert.ok(served.has("/src/mod.ts"));
      assert.ok(served.has("/src/activations/relu.ts"));
      assert.ok(served.has("/src/plot/plot_lines.ts"));
    });
    await t.step("run again, it runs from Deno's cache alone: nothing is fetched", async () => {
      await runFrom(false);
      assert.deepEqual([...served], []);
    });
  } finally {
    await server.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
});
