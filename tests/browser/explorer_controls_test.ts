/**
 * The explorer's controls and views in Chromium, one at a time: each slider, menu and field
 * restarts the run with its value and shows it; the buttons say what they will do; the neurons
 * view, the dead list, PReLU's note, the status line and the code view say what the run is, in
 * the numbers Deno computes for the same settings.
 */
import assert from "node:assert/strict";
// @ts-types="./_puppeteer.d.ts"
import type { Page } from "puppeteer-core";
import { deadNeurons, explore, jupyterDisplay, PReLU } from "../../src/mod.ts";
import { domainOf, formatNumber, formatSetting, percent } from "../../src/explorer/_charts.ts";
import { ExplorerSession, recipeCode, staleViewsNote } from "../../src/explorer/_session.ts";
import {
  ACTIVATION_LABELS,
  DATASET_LABELS,
  deadCaption,
  type ExploreOptions,
  type ExplorerSettings,
  OPTIMIZER_LABELS,
  resolveExplorerSettings,
} from "../../src/explorer/_settings.ts";
import { boundaryPixels, GRID_SIZE, gridPoints } from "../../src/explorer/_shading.ts";
import {
  collectErrors,
  delay,
  explorerState,
  loadExplorers,
  pageNow,
  waitForExplorer,
  withBrowser,
} from "./_browser.ts";
import { assertSameNumbersAsDeno } from "./_numbers.ts";

/** The first run; each step that needs a known run starts from it (`update` keeps the rest). */
const START: ExploreOptions = {
  activation: "leakyRelu",
  alpha: 0.01,
  learningRate: 0.03,
  optimizer: "sgd",
  biasInit: -1,
  hidden: [8, 8],
  dataset: "twoMoons",
  noise: 0.1,
  epochs: 4,
  seed: 0,
};

/** The same run in Deno, stepped `epochs` epochs or to its end. */
async function denoSession(
  settings: ExplorerSettings,
  epochs = Infinity,
): Promise<ExplorerSession> {
  const session = new ExplorerSession(resolveExplorerSettings(settings));
  for (let i = 0; i < epochs && await session.step() !== undefined; i++);
  return session;
}

/** The status line the explorer should show for `session`, while it runs or once done. */
function expectedStatus(session: ExplorerSession, head: string): string {
  const last = session.last;
  const dead = last.deadFraction.map((f, i) => `layer ${i + 1} ${percent(f)}`).join(", ");
  return `${head} · training loss ${formatNumber(last.trainLoss, 4)} · test accuracy ${
    percent(last.testAccuracy)
  } · dead: ${dead}`;
}

Deno.test({
  name: "the explorer's controls restart the run with what they show, and its views describe it",
  sanitizeResources: false,
  sanitizeOps: false,
}, async (t) => {
  const html = explore(START)[jupyterDisplay]()["text/html"]!;
  await withBrowser(async ({ browser }) => {
    const page: Page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    const errors = collectErrors(page);
    const [id] = await loadExplorers(page, html);
    const text = (selector: string) =>
      page.$eval(`#${id} ${selector}`, (element) => element.textContent ?? "");
    const property = (selector: string, name: "value" | "disabled" | "max") =>
      page.$eval(
        `#${id} ${selector}`,
        (element, key) => String((element as HTMLInputElement)[key]),
        name,
      );
    const settings = async () =>
      (await explorerState(page, id)).settings as unknown as ExplorerSettings;
    /** Presses `key` on the slider of `name`, `times` times. */
    const slide = async (name: string, key: string, times = 1) => {
      await page.focus(`#${id}-${name}`);
      for (let i = 0; i < times; i++) await page.keyboard.press(key);
    };
    /** The slider's shown value, also given to assistive technology. */
    const shown = async (name: string) => {
      const output = await text(`#${id}-${name}-value`);
      const spoken = await page.$eval(`#${id}-${name}`, (e) => e.getAttribute("aria-valuetext"));
      assert.equal(spoken, output, `${name}: aria-valuetext and the shown value agree`);
      return output;
    };
    const updateTo = (options: ExploreOptions) =>
      page.evaluate(
        ({ key, o }) => globalThis.reluLabExplorer!.instances.get(key)!.update(o),
        { key: id, o: options as Record<string, unknown> },
      );
    const stepOnce = async () => {
      const before = (await explorerState(page, id)).epoch;
      await page.click(`#${id} .rle-step`);
      return await waitForExplorer(page, { epoch: before + 1 }, 30_000, id);
    };

    await t.step(
      "every control has its label, and each menu offers its choices by name",
      async () => {
        /** Each control's label, whether the label names it, its id and its menu's choices. */
        const controls = await page.$$eval(
          `#${id} .rle-control`,
          (elements) =>
            elements.map((element) => {
              const label = element.querySelector("label")!;
              const control = element.querySelector("select, input")!;
              const options = [...element.querySelectorAll("option")];
              return {
                for: label.htmlFor === control.id,
                label: (label.querySelector("span") ?? label).textContent,
                id: control.id,
                options: options.map((option) => [option.value, option.textContent]),
              };
            }),
        );
        const menu = (labels: Record<string, string>) => Object.entries(labels);
        assert.deepEqual(
          controls,
          [
            ["activation", "Activation", menu(ACTIVATION_LABELS)],
            ["alpha", "α (negative slope)", []],
            ["learningRate", "Learning rate", []],
            ["optimizer", "Optimizer", menu(OPTIMIZER_LABELS)],
            ["biasInit", "Initial bias", []],
            ["layers", "Hidden layers", []],
            ["width", "Neurons per layer", []],
            ["dataset", "Data set", menu(DATASET_LABELS)],
            ["noise", "Noise", []],
            ["seed", "Seed", []],
          ].map(([key, label, options]) => ({ for: true, label, id: `${id}-${key}`, options })),
        );
      },
    );

    await t.step(
      "every control shows the run's settings; the code view shows its recipe",
      async () => {
        const expected = resolveExplorerSettings(START);
        assert.deepEqual(await settings(), { ...expected, hidden: [8, 8] });
        assert.equal(await shown("alpha"), "0.01");
        assert.equal(await shown("learningRate"), "0.03");
        assert.equal(await shown("biasInit"), "-1");
        assert.equal(await shown("layers"), "2");
        assert.equal(await shown("width"), "8");
        assert.equal(await shown("noise"), "0.1");
        assert.equal(await property(`#${id}-activation`, "value"), "leakyRelu");
        assert.equal(await property(`#${id}-optimizer`, "value"), "sgd");
        assert.equal(await property(`#${id}-dataset`, "value"), "twoMoons");
        assert.equal(await property(`#${id}-seed`, "value"), "0");
        assert.equal(await text(`#${id}-alpha-label`), "α (negative slope)");
        assert.equal(await property(`#${id}-alpha`, "disabled"), "false");
        assert.equal(await text(".rle-code"), recipeCode(expected));
        assert.equal(await text(".rle-dead-caption"), deadCaption(expected));
      },
    );

    await t.step(
      "each slider steps through round values and restarts the run at epoch 0",
      async () => {
        await stepOnce();
        await slide("learningRate", "ArrowRight");
        assert.equal((await settings()).learningRate, 0.1);
        assert.equal(await shown("learningRate"), "0.1");
        assert.equal((await explorerState(page, id)).epoch, 0, "a change restarts the run");
        await slide("learningRate", "ArrowLeft", 3);
        assert.equal((await settings()).learningRate, 0.003);
        await slide("learningRate", "End");
        assert.equal((await settings()).learningRate, 10);
        await slide("learningRate", "Home");
        assert.equal((await settings()).learningRate, 0.0001);
        await slide("biasInit", "ArrowRight");
        assert.equal((await settings()).biasInit, -0.5);
        assert.equal(await shown("biasInit"), "-0.5");
        await slide("biasInit", "End");
        assert.equal((await settings()).biasInit, 5);
        await slide("noise", "ArrowLeft");
        assert.equal((await settings()).noise, 0.05);
        assert.equal(await shown("noise"), "0.05");
        await slide("alpha", "ArrowRight", 2);
        assert.equal((await settings()).alpha, 0.03);
        await slide("alpha", "End");
        assert.equal((await settings()).alpha, 1);
        assert.equal(await shown("alpha"), "1");
      },
    );

    await t.step(
      "every slider position, end to end, is a round value the explorer accepts, in order",
      async () => {
        const read: Record<string, (s: ExplorerSettings) => number> = {
          alpha: (s) => s.alpha,
          learningRate: (s) => s.learningRate,
          biasInit: (s) => s.biasInit,
          noise: (s) => s.noise,
          layers: (s) => s.hidden.length,
          width: (s) => s.hidden[0],
        };
        const ends: Record<string, [number, number]> = {};
        for (const [name, value] of Object.entries(read)) {
          await slide(name, "Home");
          const seen = [value(await settings())];
          const positions = Number(await property(`#${id}-${name}`, "max")) + 1;
          for (let i = 1; i < positions; i++) {
            await slide(name, "ArrowRight");
            seen.push(value(await settings()));
            assert.equal(await shown(name), formatSetting(seen[i]), "as the charts write it");
          }
          assert.ok(
            seen.every((v, i) => i === 0 || v > seen[i - 1]),
            `${name}: each position above the last: ${seen.join(", ")}`,
          );
          assert.ok(
            seen.every((v) => Number(formatNumber(v)) === v),
            `${name}: round values: ${seen.join(", ")}`,
          );
          ends[name] = [seen[0], seen.at(-1)!];
        }
        // The ends are the ranges explore() accepts, but for the learning rate (0 excluded).
        assert.deepEqual(ends, {
          alpha: [0, 1],
          learningRate: [0.0001, 10],
          biasInit: [-5, 5],
          noise: [0, 1],
          layers: [1, 4],
          width: [1, 32],
        });
      },
    );

    await t.step(
      "a value set from code that no slider position has joins the slider in order",
      async () => {
        await updateTo({ alpha: 0.013, learningRate: 0.05 });
        assert.equal(await shown("alpha"), "0.013");
        assert.equal(await shown("learningRate"), "0.05");
        await slide("alpha", "ArrowLeft");
        assert.equal((await settings()).alpha, 0.01, "the position below 0.013");
        await updateTo({ alpha: 0.013 });
        await slide("alpha", "ArrowRight");
        assert.equal((await settings()).alpha, 0.02, "the position above 0.013");
        await slide("alpha", "ArrowLeft");
        assert.equal((await settings()).alpha, 0.01, "once left, 0.013 is no longer a position");
        await slide("learningRate", "ArrowLeft");
        assert.equal((await settings()).learningRate, 0.03);
        // Many decimals: the readouts write them as the charts and the static picture do.
        await updateTo({ alpha: 0.123456, learningRate: 0.00012345 });
        assert.equal(await shown("alpha"), "0.1235");
        assert.equal(await shown("learningRate"), formatSetting(0.00012345));
        assert.match(await text(".rle-activation"), /α = 0\.1235\)/);
      },
    );

    await t.step("the layer and width sliders shape the network and the neurons view", async () => {
      await updateTo({ hidden: [8, 4] });
      assert.equal(await shown("layers"), "2");
      assert.equal(await shown("width"), "8, 4", "unequal layers are listed");
      await slide("layers", "ArrowRight");
      assert.deepEqual((await settings()).hidden, [8, 4, 4], "a new layer as wide as the last");
      assert.equal(await shown("width"), "8, 4, 4");
      await slide("layers", "ArrowLeft");
      assert.deepEqual((await settings()).hidden, [8, 4], "the last layer goes");
      await slide("layers", "ArrowLeft");
      assert.deepEqual((await settings()).hidden, [8]);
      await slide("layers", "ArrowRight");
      assert.deepEqual((await settings()).hidden, [8, 8]);
      await updateTo({ hidden: [8, 4] });
      await slide("width", "ArrowRight");
      assert.deepEqual((await settings()).hidden, [9, 9], "the width slider sets every layer");
      assert.equal(await shown("width"), "9");
      await slide("layers", "ArrowRight");
      assert.deepEqual((await settings()).hidden, [9, 9, 9]);
      await slide("layers", "End");
      assert.deepEqual((await settings()).hidden, [9, 9, 9, 9]);
      await slide("width", "End");
      assert.deepEqual((await settings()).hidden, [32, 32, 32, 32]);
      // One tile of GRID_SIZE px per neuron, 8 to a row 6 px apart, under a 22 px label per
      // layer, and 4 px after each layer.
      const size = await page.$eval(
        `#${id} .rle-neurons`,
        (c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height],
      );
      const pitch = GRID_SIZE + 6;
      assert.deepEqual(size, [8 * pitch - 6, 4 * (22 + 4 * pitch + 4)]);
      await slide("width", "Home");
      await slide("layers", "Home");
      assert.deepEqual((await settings()).hidden, [1]);
      assert.equal(await shown("width"), "1");
      const small = await page.$eval(
        `#${id} .rle-neurons`,
        (c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height],
      );
      assert.deepEqual(small, [8 * pitch - 6, 22 + pitch + 4]);
    });

    await t.step("the menus and the seed field restart the run with their choice", async () => {
      await updateTo(START);
      await page.select(`#${id}-optimizer`, "adam");
      assert.equal((await settings()).optimizer, "adam");
      await page.select(`#${id}-dataset`, "circles");
      assert.equal((await settings()).dataset, "circles");
      await page.select(`#${id}-activation`, "relu");
      assert.equal((await settings()).activation, "relu");
      assert.equal(await property(`#${id}-alpha`, "disabled"), "true", "ReLU has no α");
      assert.equal(await text(`#${id}-alpha-label`), "α (not used by ReLU)");
      assert.equal(await text(".rle-dead-caption"), deadCaption(await settings()));
      await page.select(`#${id}-activation`, "prelu");
      assert.equal(await text(`#${id}-alpha-label`), "α (initial slope, learned)");
      assert.equal(await property(`#${id}-alpha`, "disabled"), "false");
      await page.select(`#${id}-activation`, "elu");
      assert.equal(await text(`#${id}-alpha-label`), "α (ELU's saturation)");
      await typeSeed("7");
      assert.equal((await settings()).seed, 7);
      await typeSeed("-2");
      assert.equal((await settings()).seed, -2);
      assert.equal(await property(`#${id}-seed`, "value"), "-2");
      assert.equal(await text(".rle-hint"), "A change of setting restarts the run from its seed.");
      const current = await settings();
      assert.equal(await text(".rle-code"), recipeCode(current));
      assertSameNumbersAsDeno(await stepOnce());
    });

    await t.step(
      "an empty, fractional or too large seed changes nothing, and the hint says so",
      async () => {
        await page.click(`#${id} .rle-reset`);
        await stepOnce();
        await stepOnce();
        const before = await explorerState(page, id);
        assert.equal(before.epoch, 2);
        // A fraction is refused, not rounded (2.5 would run seed 3, -2.5 seed -2, 0.4 seed 0).
        for (const typed of ["2.5", "-2.5", "0.4", "-2.4", "", "1e20"]) {
          await typeSeed(typed);
          const after = await explorerState(page, id);
          assert.equal(after.settings.seed, -2, `typed ${JSON.stringify(typed)}`);
          assert.equal(after.epoch, 2, `typed ${JSON.stringify(typed)}: the run keeps its epochs`);
          assert.deepEqual(after.history, before.history, "and its records");
          assert.equal(
            await property(`#${id}-seed`, "value"),
            "-2",
            "the field shows the run's seed",
          );
          assert.equal(
            await text(".rle-hint"),
            `The seed must be a whole number within ±(2^53 − 1), ${
              typed === "" ? "not empty" : `not ${typed}`
            }; the run keeps seed -2.`,
          );
          assert.equal(await text(".rle-announce"), await text(".rle-hint"), "and is announced");
          assert.equal(await hintColour(), "rgb(179, 38, 30)", "in the warning colour");
        }
        assert.equal((await stepOnce()).epoch, 3, "the run goes on from where it was");
        await page.select(`#${id}-optimizer`, "sgd");
        assert.equal(
          await text(".rle-hint"),
          "A change of setting restarts the run from its seed.",
        );
        assert.equal(await hintColour(), "rgb(95, 99, 104)", "grey again");
      },
    );

    await t.step(
      "seed text the field cannot read as a number is refused on Enter, and the hint says so",
      async () => {
        await stepOnce();
        const before = await explorerState(page, id);
        for (const typed of ["1e400", "--5"]) {
          // Typed key by key, as a reader would: only typing makes the field's input unreadable.
          await page.$eval(`#${id}-seed`, (e) => (e as HTMLInputElement).value = "");
          await page.focus(`#${id}-seed`);
          for (const key of typed) await page.keyboard.press(key);
          await page.keyboard.press("Enter");
          const after = await explorerState(page, id);
          assert.equal(after.settings.seed, before.settings.seed, `typed ${typed}`);
          assert.equal(after.epoch, before.epoch, `typed ${typed}: the run keeps its epochs`);
          assert.equal(
            await text(".rle-hint"),
            "The seed must be a whole number within ±(2^53 − 1); what was typed is no number; " +
              `the run keeps seed ${before.settings.seed}.`,
          );
          assert.equal(await property(`#${id}-seed`, "value"), String(before.settings.seed));
          assert.equal(await text(".rle-announce"), await text(".rle-hint"), "and is announced");
        }
      },
    );

    await t.step("a step announces the epoch it ran, as the status line then reads", async () => {
      await page.click(`#${id} .rle-reset`);
      for (const epoch of [1, 2]) {
        assert.equal((await stepOnce()).epoch, epoch);
        const status = await text(".rle-status");
        assert.match(status, new RegExp(`^Epoch ${epoch} of `));
        assert.equal(await text(".rle-announce"), status);
      }
    });

    async function hintColour(): Promise<string> {
      return await page.$eval(`#${id} .rle-hint`, (e) => getComputedStyle(e).color);
    }

    async function typeSeed(typed: string): Promise<void> {
      await page.$eval(`#${id}-seed`, (e, v) => {
        const input = e as HTMLInputElement;
        input.value = v;
        input.dispatchEvent(new Event("change"));
      }, typed);
    }

    await t.step(
      "the neurons view frames and fades the dead neurons, and the list names them",
      async () => {
        // Dead neurons per layer at the start: 6 and 6 in the first run, none and 1 in the second.
        for (const start of [{ biasInit: -1.5, seed: 0 }, { biasInit: -0.5, seed: 2 }]) {
          await updateTo({ ...START, activation: "relu", hidden: [10, 6], ...start });
          const current = await settings();
          const deno = await denoSession(current, 0);
          const dead = deadNeurons(deno.model, deno.train);
          const deadCount = dead.reduce((n, layer) => n + layer.dead.length, 0);
          assert.ok(deadCount > 0 && deadCount < 16, `some dead, some alive: ${deadCount} of 16`);
          assert.equal(await text(".rle-dead-list"), deadListText(dead));
          // Tile j of layer l: row and column of 8 per row, 6 px apart, under a 22 px label.
          const pitch = GRID_SIZE + 6;
          const tiles: { x: number; y: number; dead: boolean }[] = [];
          let top = 0;
          current.hidden.forEach((width, l) => {
            top += 22;
            for (let j = 0; j < width; j++) {
              tiles.push({
                x: (j % 8) * pitch,
                y: top + Math.floor(j / 8) * pitch,
                dead: dead[l].dead.includes(j),
              });
            }
            top += Math.ceil(width / 8) * pitch + 4;
          });
          // Each tile's top-left and bottom-right pixels (its frame) and its centre.
          const pixels = await page.$eval(`#${id} .rle-neurons`, (c, { at, size }) => {
            const context = (c as HTMLCanvasElement).getContext("2d")!;
            const rgb = (
              x: number,
              y: number,
            ) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)];
            return at.map(({ x, y }) => ({
              // From each of two opposite corners, four pixels inwards along the diagonal.
              corners: [0, 1, 2, 3].flatMap((k) => [
                rgb(x + k, y + k),
                rgb(x + size - 1 - k, y + size - 1 - k),
              ]),
              // The middle of each of the four edges.
              edges: [[size / 2, 0], [size / 2, size - 1], [0, size / 2], [size - 1, size / 2]]
                .map(([dx, dy]) => rgb(x + dx, y + dy).join()),
              inside: rgb(x + size / 2, y + size / 2),
            }));
          }, { at: tiles.map(({ x, y }) => ({ x, y })), size: GRID_SIZE });
          pixels.forEach((pixel, i) => {
            if (tiles[i].dead) {
              assert.deepEqual(
                pixel.corners.map((c) => c.join() === "29,29,31"),
                [true, true, true, true, true, true, false, false],
                `tile ${i}: a dark frame 3 px wide`,
              );
              assert.deepEqual(pixel.edges, Array(4).fill("29,29,31"), `tile ${i}: dark edges`);
              assert.ok(
                pixel.inside.every((c) => c >= 0.6 * 255 - 1),
                `tile ${i}: faded ${pixel.inside}`,
              );
            } else {
              assert.deepEqual(
                pixel.corners.map((c) => c.join() === "201,204,209"),
                [true, true, false, false, false, false, false, false],
                `tile ${i}: a light frame 1 px wide`,
              );
              assert.deepEqual(pixel.edges, Array(4).fill("201,204,209"), `tile ${i}: light edges`);
            }
          });
        }
      },
    );

    await t.step("the status line counts the epochs; a finished run offers a replay", async () => {
      await updateTo(START);
      const current = await settings();
      assert.equal(
        await text(".rle-status"),
        expectedStatus(await denoSession(current, 0), "Epoch 0 of 4"),
      );
      const untimed = await explorerState(page, id);
      const stepped = await stepOnce();
      assert.deepEqual(
        [stepped.stepMs.length, stepped.drawMs.length],
        [untimed.stepMs.length, untimed.drawMs.length],
        "an epoch stepped by hand is not a frame of play, and is not timed",
      );
      assert.equal(
        await text(".rle-status"),
        expectedStatus(await denoSession(current, 1), "Epoch 1 of 4"),
      );
      const before = await explorerState(page, id);
      const started = await pageNow(page);
      const playing = await page.evaluate((key) => {
        const instance = globalThis.reluLabExplorer!.instances.get(key)!;
        instance.play();
        const root = instance.root;
        return [
          root.querySelector(".rle-play")!.textContent,
          root.querySelector(".rle-play")!.getAttribute("aria-pressed"),
          String(root.querySelector<HTMLButtonElement>(".rle-step")!.disabled),
        ];
      }, id);
      assert.deepEqual(playing, ["❚❚ Pause", "true", "true"]);
      const done = await waitForExplorer(page, { status: "done" }, 30_000, id);
      const wall = await pageNow(page) - started;
      // While playing, each frame records its epoch's training time and its redraw time in ms.
      for (const times of ["stepMs", "drawMs"] as const) {
        const added = done[times].slice(before[times].length);
        assert.equal(added.length, 3, `${times}: epochs 2 to 4`);
        assert.ok(added.every((ms) => ms > 0.001 && ms < wall), `${times}: ${added}, wall ${wall}`);
      }
      assert.equal(
        done.statusText,
        expectedStatus(await denoSession(current, 4), "Done: epoch 4 of 4"),
      );
      assert.equal(await text(".rle-play"), "▶ Replay");
      assert.equal(await property(".rle-step", "disabled"), "true");
      assert.equal(await text(".rle-announce"), done.statusText, "the end is announced");
      await page.click(`#${id} .rle-play`);
      const replayed = await waitForExplorer(page, { status: "done" }, 30_000, id);
      assert.equal(replayed.history.length, 5, "a replay starts again from epoch 0");
      assertSameNumbersAsDeno(replayed);
      await updateTo({ epochs: 5 });
      assert.equal(await text(".rle-play"), "▶ Play");
      assert.equal(await property(".rle-step", "disabled"), "false");
    });

    await t.step("the boundary view's pixels are Deno's for the same model", async () => {
      await updateTo(START);
      await stepOnce();
      await stepOnce();
      const deno = await denoSession(await settings(), 2);
      const expected = new Uint8ClampedArray(GRID_SIZE * GRID_SIZE * 4);
      boundaryPixels(deno.model, gridPoints(domainOf(deno.train, deno.test)), expected);
      const seen = await page.$eval(`#${id} .rle-shading`, (c) => {
        const canvas = c as HTMLCanvasElement;
        return [...canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data];
      });
      assert.equal(seen.length, expected.length);
      // One unit of rounding allowed: Chromium's Math.exp need not be Deno's to the last bit.
      const off = seen.filter((v, i) => Math.abs(v - expected[i]) > 1).length;
      assert.equal(off, 0, `${off} of ${seen.length} channel values differ by more than 1`);
    });

    await t.step("each curve grows a point an epoch, its end dot on its last point", async () => {
      await updateTo(START);
      for (let i = 0; i < 3; i++) await stepOnce();
      for (const chart of [".rle-loss", ".rle-accuracy", ".rle-dead"]) {
        const curves = await page.$eval(`#${id} ${chart}`, (element) => {
          const dots = [...element.querySelectorAll("[data-last]")];
          return [...element.querySelectorAll("[data-series]")].map((line, i) => ({
            points: (line.getAttribute("points") ?? "").trim().split(/\s+/),
            dot: `${dots[i]?.getAttribute("cx")},${dots[i]?.getAttribute("cy")}`,
          }));
        });
        assert.ok(curves.length >= 2, `${chart}: ${curves.length} curves`);
        for (const { points, dot } of curves) {
          assert.equal(points.length, 4, `${chart}: epochs 0 to 3`);
          assert.equal(dot, points.at(-1), `${chart}: the end dot on the last point`);
        }
      }
    });

    await t.step(
      "pause stops the loop before its next frame; the last epoch ends play",
      async () => {
        await updateTo({ ...START, epochs: 6 });
        const trained = await page.evaluate(async (key) => {
          const instance = globalThis.reluLabExplorer!.instances.get(key)!;
          instance.play();
          instance.pause();
          await new Promise((resolve) => setTimeout(resolve, 300));
          return instance.session.last.epoch;
        }, id);
        assert.equal(trained, 0, "paused before its first frame, it trains nothing");
        // Seen from inside the page, when the status line first says the run is done.
        const atTheEnd = await page.evaluate((key) =>
          new Promise((resolve) => {
            const instance = globalThis.reluLabExplorer!.instances.get(key)!;
            const status = instance.root.querySelector(".rle-status")!;
            const observer = new MutationObserver(() => {
              if (!status.textContent?.startsWith("Done")) return;
              observer.disconnect();
              resolve({
                playing: instance.playing,
                button: instance.root.querySelector(".rle-play")!.textContent,
              });
            });
            observer.observe(status, { childList: true, characterData: true, subtree: true });
            instance.play();
          }), id);
        assert.deepEqual(atTheEnd, { playing: false, button: "▶ Replay" }, "not a frame later");
      },
    );

    await t.step("a diverging run says where, and offers a replay", async () => {
      await updateTo({ ...START, biasInit: 0, hidden: [16, 16], learningRate: 10, epochs: 20 });
      const deno = await denoSession(await settings());
      assert.equal(deno.status, "diverged");
      const error = deno.error as Error & { epoch: number; step: number; loss: number };
      await page.click(`#${id} .rle-play`);
      const state = await waitForExplorer(page, { status: "diverged" }, 30_000, id);
      assert.equal(
        state.statusText,
        expectedStatus(
          deno,
          `Diverged in epoch ${error.epoch}, step ${error.step} (loss ${error.loss}): try a smaller learning rate. Last complete epoch: 0`,
        ),
      );
      assert.equal(state.playing, false);
      assert.equal(await text(".rle-play"), "▶ Replay");
      assert.equal(await property(".rle-step", "disabled"), "true");
    });

    await t.step(
      "after a divergence the boundary and neurons keep the last complete epoch, with a note",
      async () => {
        const diverging = {
          ...START,
          activation: "leakyRelu" as const,
          learningRate: 10,
          biasInit: 5,
          hidden: [32, 32, 32, 32],
          batchSize: 1,
          epochs: 50,
        };
        await updateTo(diverging);
        const current = await settings();
        const epoch0 = await denoSession(current, 0);
        const expected = new Uint8ClampedArray(GRID_SIZE * GRID_SIZE * 4);
        boundaryPixels(epoch0.model, gridPoints(domainOf(epoch0.train, epoch0.test)), expected);
        const dead = deadNeurons(epoch0.model, epoch0.train);
        const deno = await denoSession(current);
        assert.equal(deno.status, "diverged");
        assert.equal(deno.last.epoch, 0, "it diverges in epoch 1");
        await page.click(`#${id} .rle-step`);
        await waitForExplorer(page, { status: "diverged" }, 30_000, id);
        await page.click(`#${id} .rle-step`); // disabled now: nothing happens
        const seen = await page.$eval(`#${id} .rle-shading`, (c) => {
          const canvas = c as HTMLCanvasElement;
          return [...canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data];
        });
        const off = seen.filter((v, i) => Math.abs(v - expected[i]) > 1).length;
        assert.equal(off, 0, `${off} channel values differ from epoch 0's boundary by more than 1`);
        const black = await page.$eval(`#${id} .rle-neurons`, (c) => {
          const canvas = c as HTMLCanvasElement;
          const data =
            canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
          let count = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i] + data[i + 1] + data[i + 2] === 0) count++;
          }
          return count;
        });
        assert.equal(black, 0, "no black pixel in the neurons view");
        assert.equal(
          await text(".rle-dead-list"),
          deadListText(dead),
          "the dead neurons of epoch 0",
        );
        assert.ok(
          dead.some((layer) => layer.dead.length < layer.size),
          "not every neuron is dead at epoch 0",
        );
        const note = await page.$eval(`#${id} .rle-views-note`, (e) => ({
          hidden: (e as HTMLElement).hidden,
          shown: (e as HTMLElement).offsetHeight > 0,
          text: e.textContent,
        }));
        assert.deepEqual(note, { hidden: false, shown: true, text: staleViewsNote(deno) });
        assert.match(note.text ?? "", /^Diverged in epoch 1: the views of the model show epoch 0,/);
        await page.click(`#${id} .rle-reset`);
        assert.equal(
          await page.$eval(`#${id} .rle-views-note`, (e) => (e as HTMLElement).hidden),
          true,
          "a new run has no note",
        );
      },
    );

    await t.step(
      "PReLU's view gives the learned slopes' mean and range after each epoch",
      async () => {
        await updateTo({ ...START, activation: "prelu", alpha: 0.25 });
        assert.match(await text(".rle-activation"), /mean 0\.25, range 0\.25 to 0\.25/);
        await stepOnce();
        await stepOnce();
        const deno = await denoSession(await settings(), 2);
        const slopes = deno.model.layers.filter((layer) => layer instanceof PReLU)
          .flatMap((layer) => [...(layer as PReLU).alpha]);
        const mean = slopes.reduce((sum, a) => sum + a, 0) / slopes.length;
        assert.ok(Math.min(...slopes) < Math.max(...slopes), "the slopes moved apart");
        assert.match(
          await text(".rle-activation"),
          new RegExp(
            `mean ${formatNumber(mean)}, range ${formatNumber(Math.min(...slopes))} to ${
              formatNumber(Math.max(...slopes))
            }`.replaceAll(".", "\\."),
          ),
        );
        await updateTo({ activation: "leakyRelu" });
        assert.doesNotMatch(await text(".rle-activation"), /learned slopes/);
      },
    );

    await t.step("the page logged no error", () => {
      assert.deepEqual(errors, []);
    });
  });
});

Deno.test({
  name:
    "mount waits for a container that comes later, names one that never comes, and replaces or drops old explorers",
  sanitizeResources: false,
  sanitizeOps: false,
}, async () => {
  const html = explore({ epochs: 50 })[jupyterDisplay]()["text/html"]!;
  await withBrowser(async ({ browser }) => {
    const page = await browser.newPage();
    const errors = collectErrors(page);
    const [first] = await loadExplorers(page, html);

    await page.evaluate(() => {
      globalThis.reluLabExplorer!.mount("later", { epochs: 300 });
      setTimeout(() => {
        const div = document.createElement("div");
        div.id = "later";
        div.className = "relu-lab-explorer";
        document.body.append(div);
      }, 300);
    });
    await page.waitForFunction(() => globalThis.reluLabExplorer!.instances.has("later"), {
      polling: 50,
      timeout: 5000,
    }, undefined);
    assert.equal((await explorerState(page, "later")).settings.epochs, 300);
    assert.equal(await page.$$eval("#later .rle-live", (l) => l.length), 1);

    const started = Date.now();
    await page.evaluate(() => globalThis.reluLabExplorer!.mount("nowhere", {}));
    await delay(500);
    assert.deepEqual(errors, [], "no complaint while the container may still come");
    while (errors.length === 0 && Date.now() - started < 10_000) {
      await delay(100);
    }
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(
      errors[0],
      /^console\.error: relu-lab explorer: no element with id nowhere to mount on( \(at .+\))?$/,
    );
    errors.length = 0;

    const replaced = await page.evaluate((key) => {
      const api = globalThis.reluLabExplorer!;
      const old = api.instances.get(key)!;
      old.play();
      api.mount(key, { epochs: 7 });
      return { oldPlaying: old.playing, fresh: api.instances.get(key) !== old };
    }, first);
    assert.deepEqual(
      replaced,
      { oldPlaying: false, fresh: true },
      "the old explorer stops and is replaced",
    );
    assert.equal((await explorerState(page, first)).settings.epochs, 7);
    assert.equal(await page.$$eval(`#${first} .rle-live`, (l) => l.length), 1, "one live view");

    const removed = await page.evaluate(async () => {
      const later = globalThis.reluLabExplorer!.instances.get("later")!;
      const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      /** Waits (up to `ms`) until `done()`; whether it came. No fixed sleep on a loaded machine. */
      const until = async (done: () => boolean, ms: number) => {
        for (const end = performance.now() + ms; !done() && performance.now() < end;) {
          await wait(20);
        }
        return done();
      };
      later.play();
      const played = await until(() => later.session.last.epoch > 0, 10_000);
      document.getElementById("later")!.remove();
      const stopped = await until(() => !later.playing, 5_000);
      const epoch = later.session.last.epoch;
      await wait(300);
      return { played, stopped, epoch, later: later.session.last.epoch };
    });
    assert.ok(removed.played && removed.epoch > 0, "it played");
    assert.equal(removed.stopped, true, "an explorer whose container left the page stops");
    assert.equal(removed.later, removed.epoch, "and trains no more");

    const kept = await page.evaluate(() => {
      const div = document.createElement("div");
      div.id = "third";
      document.body.append(div);
      globalThis.reluLabExplorer!.mount("third", {});
      return [...globalThis.reluLabExplorer!.instances.keys()];
    });
    assert.deepEqual(
      kept.sort(),
      [first, "third"].sort(),
      "the removed container's explorer is gone",
    );
    assert.deepEqual(errors, []);
  });
});

/** `explore(options)`'s HTML with its container's id replaced by `id`. */
function displayedWithId(options: ExploreOptions, id: string): string {
  const html = explore(options)[jupyterDisplay]()["text/html"]!;
  const own = /^<div class="relu-lab-explorer" id="([^"]+)">/.exec(html)![1];
  return html.replace(`id="${own}"`, `id="${id}"`).replace(`mount("${own}"`, `mount("${id}"`);
}

/** Each mounted explorer: its key, its container's id and epochs setting, and its state. */
async function mountedExplorers(page: Page) {
  return await page.evaluate(() =>
    [...globalThis.reluLabExplorer!.instances].map(([key, instance]) => ({
      key,
      id: instance.root.id,
      epochs: instance.settings.epochs,
      epoch: instance.session.last.epoch,
      static: instance.root.querySelectorAll(".rle-static").length,
      // Each label names a control inside its own explorer (ids unique in the page).
      ownLabels: [...instance.root.querySelectorAll("label")].every((label) =>
        label.control !== null && instance.root.contains(label.control)
      ),
    }))
  );
}

Deno.test({
  name: "explorers that share an id (a restarted kernel's) each go live on their own container",
  sanitizeResources: false,
  sanitizeOps: false,
}, async (t) => {
  // A kernel numbers its explorers from 1, so after a restart a new one can take an old one's id.
  const shared = "relu-lab-explorer-1";
  await withBrowser(async ({ browser }) => {
    const page = await browser.newPage();
    page.setDefaultTimeout(30_000);
    const errors = collectErrors(page);

    await t.step("in one page, each with its own settings, its id made unique", async () => {
      const keys = await loadExplorers(
        page,
        displayedWithId({ epochs: 5 }, shared),
        displayedWithId({ epochs: 9 }, shared),
      );
      assert.deepEqual(keys, [shared, `${shared}-2`]);
      assert.deepEqual(await mountedExplorers(page), [
        { key: shared, id: shared, epochs: 5, epoch: 0, static: 0, ownLabels: true },
        { key: `${shared}-2`, id: `${shared}-2`, epochs: 9, epoch: 0, static: 0, ownLabels: true },
      ]);
    });

    await t.step(
      "run as Notebook 6 runs it (jQuery evaluates a copy of the script in the head)",
      async () => {
        await page.click(`#${shared} .rle-step`);
        await waitForExplorer(page, { epoch: 1 }, 30_000, shared);
        await page.evaluate((html) => {
          const area = document.createElement("div");
          area.innerHTML = html; // scripts inserted so do not run
          document.body.append(area);
          for (const script of area.querySelectorAll("script")) {
            // jQuery 3's DOMEval: a new script element in the head, run and removed at once.
            const copy = document.createElement("script");
            copy.text = script.textContent ?? "";
            document.head.appendChild(copy).remove();
          }
        }, displayedWithId({ epochs: 13 }, shared));
        await page.waitForFunction(
          () => globalThis.reluLabExplorer!.instances.size === 3,
          { polling: 50, timeout: 5000 },
          undefined,
        );
        const [first, , third] = await mountedExplorers(page);
        assert.deepEqual(
          first,
          { key: shared, id: shared, epochs: 5, epoch: 1, static: 0, ownLabels: true },
          "the first explorer keeps its settings and its epoch",
        );
        assert.deepEqual(third, {
          key: `${shared}-3`,
          id: `${shared}-3`,
          epochs: 13,
          epoch: 0,
          static: 0,
          ownLabels: true,
        });
      },
    );

    await t.step(
      "run as JupyterLab runs it (the output's script replaced by a fresh copy)",
      async () => {
        await page.evaluate((html) => {
          const host = document.createElement("div");
          host.innerHTML = html;
          document.body.append(host);
          for (const script of host.querySelectorAll("script")) {
            const clone = document.createElement("script");
            clone.textContent = script.textContent;
            script.replaceWith(clone);
          }
        }, displayedWithId({ epochs: 17 }, shared));
        const explorers = await mountedExplorers(page);
        assert.deepEqual(explorers.map((e) => [e.id, e.epochs, e.epoch, e.static, e.ownLabels]), [
          [shared, 5, 1, 0, true],
          [`${shared}-2`, 9, 0, 0, true],
          [`${shared}-3`, 13, 0, 0, true],
          [`${shared}-4`, 17, 0, 0, true],
        ]);
      },
    );

    await t.step("the page logged no error", () => {
      assert.deepEqual(errors, []);
    });
  });
});

/** The page's list of dead neurons for `dead`, as `deadNeurons` gives them: numbered from 1. */
function deadListText(dead: readonly { dead: readonly number[] }[]): string {
  return "Dead: " +
    dead.map((layer, l) =>
      `layer ${l + 1}: ${
        layer.dead.length === 0 ? "none" : "neurons " + layer.dead.map((j) => j + 1).join(", ")
      }`
    ).join("; ");
}
