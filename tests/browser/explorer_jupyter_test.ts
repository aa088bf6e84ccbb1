/**
 * The explorer inside Jupyter Notebook (Debian's Notebook 6): a server on a free local port with
 * a token, private Jupyter folders (config, data, runtime, the Deno kernelspec), the executed
 * fixture notebook opened in Chromium. Opened from disk the notebook is untrusted, so its stored
 * output shows the static picture; running the cell gives a live explorer, which the test drives.
 */
import assert from "node:assert/strict";
import { ensureJupyter, kernelSpec } from "../../src/runner/jupyter.ts";
import {
  boundaryFingerprint,
  collectErrors,
  delay,
  explorerState,
  killProcessesWith,
  processesWith,
  sendSignal,
  waitForExplorer,
  waitForNoProcessWith,
  withBrowser,
} from "./_browser.ts";
import { renderFixture } from "./_fixture.ts";
import { assertSameNumbersAsDeno } from "./_numbers.ts";

/** The parts of Notebook 6's page API the test calls. */
interface NotebookPage {
  Jupyter?: {
    notebook?: {
      _fully_loaded?: boolean;
      trusted: boolean;
      kernel?: { is_connected(): boolean };
      execute_all_cells(): void;
      get_cells(): { output_area?: { trusted: boolean } }[];
    };
  };
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/**
 * The port the server listens on, read from its log (`http://127.0.0.1:PORT/`): it starts at a
 * port free a moment before and moves on if another process took it since (`--port-retries`).
 */
async function listeningPort(log: string[], ms: number, server: Deno.ChildProcess) {
  const until = Date.now() + ms;
  let exited = false;
  server.status.then(() => exited = true);
  while (Date.now() < until && !exited) {
    const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log.join(""))?.[1];
    if (port !== undefined) return Number(port);
    await delay(250);
  }
  throw new Error(`Jupyter logged no address within ${ms} ms (exited: ${exited})`);
}

/** Polls `url` until it answers 200, for up to `ms`. */
async function waitForServer(url: string, ms: number, server: Deno.ChildProcess): Promise<void> {
  const until = Date.now() + ms;
  let exited = false;
  server.status.then(() => exited = true);
  while (Date.now() < until && !exited) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await delay(250);
  }
  throw new Error(`Jupyter did not answer at ${url} within ${ms} ms (exited: ${exited})`);
}

Deno.test({
  name: "the explorer in Jupyter Notebook: static while untrusted, live once its cell runs",
  sanitizeResources: false,
  sanitizeOps: false,
}, async (t) => {
  const { jupyter } = await ensureJupyter();
  const { notebook } = await renderFixture();
  // Inside the project, so that the kernel finds deno.json and "@relu-lab/relu-lab".
  await Deno.mkdir("build", { recursive: true });
  const dir = await Deno.makeTempDir({ dir: `${Deno.cwd()}/build`, prefix: "test-jupyter-" });
  await Deno.copyFile(notebook, `${dir}/explorer.ipynb`);
  const kernels = `${dir}/share/kernels/deno`;
  await Deno.mkdir(kernels, { recursive: true });
  await Deno.writeTextFile(`${kernels}/kernel.json`, JSON.stringify(kernelSpec(Deno.execPath())));
  const port = freePort();
  const token = crypto.randomUUID().replaceAll("-", "");
  const server = new Deno.Command(jupyter, {
    args: [
      "notebook",
      "--no-browser",
      "--ip=127.0.0.1",
      `--port=${port}`,
      "--port-retries=50",
      `--NotebookApp.token=${token}`,
      `--notebook-dir=${dir}`,
      ...(Deno.uid() === 0 ? ["--allow-root"] : []),
    ],
    env: {
      JUPYTER_CONFIG_DIR: `${dir}/config`,
      JUPYTER_DATA_DIR: `${dir}/data`,
      JUPYTER_RUNTIME_DIR: `${dir}/runtime`,
      JUPYTER_PATH: `${dir}/share`,
      PYDEVD_DISABLE_FILE_VALIDATION: "1",
    },
    stdin: "null",
    stdout: "null",
    stderr: "piped",
    detached: true,
  }).spawn();
  const log: string[] = [];
  const stopReading = new AbortController();
  const reading = server.stderr.pipeThrough(new TextDecoderStream()).pipeTo(
    new WritableStream({ write: (chunk) => void log.push(chunk) }),
    { signal: stopReading.signal },
  ).catch(() => {});
  let base = "";
  let browserClosed: { left?: number } = {};
  let leftAfterStop: number[] | undefined;
  try {
    base = `http://127.0.0.1:${await listeningPort(log, 60_000, server)}`;
    await waitForServer(`${base}/api/status?token=${token}`, 60_000, server);
    await withBrowser(async ({ browser, closed }) => {
      browserClosed = closed;
      const page = await browser.newPage();
      page.setDefaultTimeout(60_000);
      const errors = collectErrors(page);
      await page.setViewport({ width: 1280, height: 1000 });
      await page.goto(`${base}/notebooks/explorer.ipynb?token=${token}`, {
        waitUntil: "load",
        timeout: 60_000,
      });
      await page.waitForFunction(
        () => (globalThis as NotebookPage).Jupyter?.notebook?._fully_loaded === true,
        { timeout: 60_000, polling: 100 },
        undefined,
      );

      await t.step(
        "opened from disk the notebook is untrusted: the static picture, no script",
        async () => {
          const seen = await page.evaluate(() => ({
            trusted: (globalThis as NotebookPage).Jupyter!.notebook!.trusted,
            outputTrusted: (globalThis as NotebookPage).Jupyter!.notebook!.get_cells()[2]
              .output_area?.trusted,
            statics: document.querySelectorAll(".rle-static").length,
            notes: [...document.querySelectorAll(".rle-note")].map((p) => p.textContent ?? ""),
            images: [...document.querySelectorAll<HTMLImageElement>(".rle-static img")].map((
              img,
            ) => ({ src: img.src.slice(0, 26), width: img.naturalWidth })),
            live: globalThis.reluLabExplorer !== undefined,
          }));
          assert.equal(seen.trusted, false);
          assert.equal(seen.outputTrusted, false, "the explorer's stored output is untrusted");
          assert.equal(seen.live, false, "no stored script ran");
          assert.equal(seen.statics, 1);
          assert.match(seen.notes[0], /^Live explorer \(Leaky ReLU \(α = 0\.1\)/);
          assert.deepEqual(seen.images.map((i) => i.src), ["data:image/svg+xml;base64,"]);
          assert.ok(seen.images[0].width > 0, "the static picture loaded");
        },
      );

      await t.step(
        "running the cells gives a live explorer with the notebook's parameters",
        async () => {
          await page.waitForFunction(
            () => (globalThis as NotebookPage).Jupyter?.notebook?.kernel?.is_connected() === true,
            { timeout: 60_000, polling: 100 },
            undefined,
          );
          await page.evaluate(() =>
            (globalThis as NotebookPage).Jupyter!.notebook!.execute_all_cells()
          );
          await page.waitForFunction(
            () => (globalThis.reluLabExplorer?.instances.size ?? 0) > 0,
            { timeout: 120_000, polling: 200 },
            undefined,
          );
          const state = await explorerState(page);
          assert.equal(state.settings.alpha, 0.1);
          assert.equal(state.settings.biasInit, -2);
          assert.equal(state.epoch, 0);
          assert.equal(
            await page.evaluate(() => document.querySelectorAll(".rle-static").length),
            0,
          );
          const trusted = await page.evaluate(() =>
            (globalThis as NotebookPage).Jupyter!.notebook!.get_cells()
              .map((cell) => cell.output_area?.trusted ?? null)
          );
          assert.deepEqual(trusted, [null, true, true], "this session's outputs are trusted");
        },
      );

      await t.step(
        "it trains when played, with Deno's numbers, and alpha restarts it",
        async () => {
          const boundary = await boundaryFingerprint(page);
          await page.click(".relu-lab-explorer .rle-play");
          await waitForExplorer(page, { epoch: 15 }, 60_000);
          await page.click(".relu-lab-explorer .rle-play");
          const paused = await waitForExplorer(page, { playing: false });
          assert.ok(paused.epoch >= 15);
          assert.notEqual(await boundaryFingerprint(page), boundary, "the boundary moved");
          assertSameNumbersAsDeno(paused);
          const id = await page.evaluate(() =>
            [...globalThis.reluLabExplorer!.instances.keys()][0]
          );
          await page.focus(`#${id}-alpha`);
          await page.keyboard.press("Home");
          const restarted = await explorerState(page);
          assert.equal(restarted.settings.alpha, 0);
          assert.equal(restarted.epoch, 0);
          await page.click(".relu-lab-explorer .rle-step");
          assertSameNumbersAsDeno(await waitForExplorer(page, { epoch: 1 }));
        },
      );

      await t.step("the page logged no error from the explorer", () => {
        // Jupyter's own resources (kernelspec logos, its favicon, MathJax) may fail to load.
        const jupyters = /\(at [^)]*\/(kernelspecs|favicon|static\/components\/MathJax)[^)]*\)$/i;
        const ours = errors.filter((e) => !jupyters.test(e));
        if (errors.length > ours.length) {
          console.log(`Jupyter's own errors, not the explorer's: ${JSON.stringify(errors)}`);
        }
        assert.deepEqual(ours, [], `all errors: ${JSON.stringify(errors)}`);
      });
    });
  } catch (error) {
    console.error(`Jupyter's log:\n${log.join("").slice(-4000)}`);
    throw error;
  } finally {
    sendSignal(-server.pid, "TERM"); // the server shuts its kernels down
    await Promise.race([server.status, delay(10_000)]);
    leftAfterStop = await waitForNoProcessWith(dir, 10_000);
    killProcessesWith(dir);
    await waitForNoProcessWith(dir, 10_000);
    stopReading.abort(); // a kernel that outlived the server may still hold its stderr
    await reading;
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }

  await t.step(
    "no Jupyter server, kernel or browser process is left, none killed: each stopped when asked",
    () => {
      assert.deepEqual(
        leftAfterStop,
        [],
        "server or kernel processes alive after the server's SIGTERM",
      );
      assert.equal(browserClosed.left, 0, "Chromium processes alive 5 s after close()");
      assert.deepEqual(processesWith(dir), []);
    },
  );
});
