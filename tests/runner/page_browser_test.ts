/**
 * Loads a rendered page in Debian's headless Chromium, with every host name unresolvable, and
 * checks that the inline module script of a live output ran. Needs `--allow-run` (Chromium, and
 * `ps` to find any of its processes left) and `--allow-write=build`; ignored (and so reported as
 * ignored) without them or without Chromium.
 */
import assert from "node:assert/strict";
import { renderNotebookHtml } from "../../src/runner/html.ts";
import type { Notebook } from "../../src/runner/notebook.ts";

const CHROMIUM = "/usr/bin/chromium";
const OUT = "build/page-browser-test";

function canRunChromium(): boolean {
  const run = Deno.permissions.querySync({ name: "run" }).state;
  const write = Deno.permissions.querySync({ name: "write", path: OUT }).state;
  if (run !== "granted" || write !== "granted") return false;
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
}

/** The processes whose command line holds `marker` (Chromium's profile folder marks them all). */
function processesWith(marker: string): number[] {
  const { stdout } = new Deno.Command("ps", { args: ["-eo", "pid=,args="], stdout: "piped" })
    .outputSync();
  return new TextDecoder().decode(stdout).split("\n").flatMap((line) => {
    const match = /^\s*(\d+) (.*)$/.exec(line);
    return match && match[2].includes(marker) && Number(match[1]) !== Deno.pid
      ? [Number(match[1])]
      : [];
  });
}

const live: Notebook = {
  cells: [
    { cell_type: "markdown", metadata: {}, source: "# Live\n\nThe slope $\\alpha$." },
    {
      cell_type: "code",
      metadata: {},
      source: "explore()",
      execution_count: 1,
      outputs: [{
        output_type: "display_data",
        data: {
          "text/html": '<p id="state">static</p><script type="module">\n' +
            'document.getElementById("state").textContent = `ran ${1 + 1}`;\n</script>',
          "image/svg+xml":
            '<svg xmlns="http://www.w3.org/2000/svg"><text id="state">svg</text></svg>',
        },
      }],
    },
  ],
  metadata: {},
  nbformat: 4,
  nbformat_minor: 5,
};

Deno.test({
  name: "a rendered page runs a live output's module script offline in Chromium",
  ignore: !canRunChromium(),
  async fn() {
    await Deno.mkdir(OUT, { recursive: true });
    const page = `${OUT}/live.html`;
    // Chromium keeps crash reports and caches under HOME even with a profile folder: both go
    // under build/, not into the user's home.
    const home = `${Deno.realPathSync(OUT)}/home`;
    try {
      await Deno.writeTextFile(page, await renderNotebookHtml(live));
      const { code, stdout } = await new Deno.Command(CHROMIUM, {
        args: [
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          `--user-data-dir=${home}/profile`,
          "--host-resolver-rules=MAP * ~NOTFOUND",
          "--virtual-time-budget=5000",
          "--dump-dom",
          `file://${Deno.realPathSync(page)}`,
        ],
        env: { HOME: home },
        stdout: "piped",
        stderr: "null",
        signal: AbortSignal.timeout(60_000),
      }).output();
      assert.equal(code, 0);
      assert.ok(Deno.statSync(`${home}/.config/chromium`).isDirectory, "Chromium's HOME");
      const dom = new TextDecoder().decode(stdout);
      assert.match(dom, /<p id="state">ran 2<\/p>/);
      assert.match(dom, /class="katex"/);
      assert.deepEqual(processesWith(`${home}/profile`), [], "Chromium's processes left");
    } finally {
      // A timeout stops the main process only: its helpers would outlive the test.
      for (const pid of processesWith(`${home}/profile`)) {
        try {
          Deno.kill(pid, "SIGKILL");
        } catch { /* gone meanwhile */ }
      }
      await Deno.remove(OUT, { recursive: true });
    }
  },
});
