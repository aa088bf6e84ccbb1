/** explore(): its options, its MIME bundle, its static picture. */
import assert from "node:assert/strict";
import { explore, jupyterDisplay } from "../../src/mod.ts";
import { EXPLORER_SCRIPT } from "../../src/explorer/_bundle.ts";
import { networkResources } from "../../src/runner/html.ts";

function bundleOf(options: Parameters<typeof explore>[0] = {}) {
  return explore(options)[jupyterDisplay]();
}

/** The static picture's SVG, decoded from the img data URL of the HTML. */
function staticPicture(html: string): string {
  const base64 = /<img src="data:image\/svg\+xml;base64,([^"]+)"/.exec(html)?.[1];
  assert.ok(base64, "the HTML carries the static picture as an SVG data URL");
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}

/** The settings the page script mounts with. */
function mountedSettings(html: string): Record<string, unknown> {
  const json = /reluLabExplorer\.mount\("[^"]+", (\{.*\})\);<\/script>$/.exec(html)?.[1];
  assert.ok(json, "the HTML ends with the mount call");
  return JSON.parse(json);
}

Deno.test("explore() refuses unknown options, naming them", async (t) => {
  await t.step("one unknown key", () => {
    assert.throws(
      () => explore({ alpah: 0.1 } as never),
      (error) =>
        error instanceof TypeError &&
        error.message.includes(`"alpah" is not an option`) &&
        error.message.includes("alpha, learningRate"),
    );
  });
  await t.step("several unknown keys", () => {
    assert.throws(
      () => explore({ lr: 0.1, width: 8 } as never),
      (error) => error instanceof TypeError && /"lr", "width" are not options/.test(error.message),
    );
  });
  await t.step("options that are not an object", () => {
    assert.throws(() => explore(null as never), /options must be an object: options=null/);
    assert.throws(() => explore([] as never), TypeError);
  });
  await t.step("a second argument, which would go unused", () => {
    const explore2 = explore as (...args: unknown[]) => unknown;
    assert.throws(() => explore2({ activation: "relu" }, { alpha: 0.5, seed: 3 }), {
      name: "TypeError",
      message:
        "Cannot explore as it takes options alone, no second argument: second={ alpha: 0.5, seed: 3 }",
    });
  });
});

Deno.test("explore() refuses bad values with the value in the message", async (t) => {
  const cases: [Record<string, unknown>, ErrorConstructor, RegExp][] = [
    [{ alpha: 2 }, RangeError, /alpha must be a finite number >= 0 and <= 1: alpha=2/],
    [{ alpha: NaN }, RangeError, /alpha=NaN/],
    [{ alpha: "0.1" }, TypeError, /alpha="0.1"/],
    [{ learningRate: 0 }, RangeError, /learningRate=0/],
    [{ biasInit: -6 }, RangeError, /biasInit=-6/],
    [{ hidden: [] }, RangeError, /hidden must list 1 to 4 layer widths: hidden=\[\]/],
    [{ hidden: [8, 8, 8, 8, 8] }, RangeError, /hidden=\[8, 8, 8, 8, 8\]/],
    [{ hidden: [64] }, RangeError, /hidden\[0\]=64/],
    [{ hidden: [8, 1.5] }, RangeError, /hidden\[1\]=1.5/],
    [{ hidden: 16 }, TypeError, /hidden must be an array of layer widths: hidden=16/],
    // deno-lint-ignore no-sparse-arrays
    [
      { hidden: [16, , 16] },
      TypeError,
      /hidden\[1\] must be a finite integer >= 1 and <= 32: hidden\[1\]=undefined$/,
    ],
    [{ activation: "tanh" }, RangeError, /activation must be one of "relu", .*activation="tanh"/],
    [{ optimizer: "momentum" }, RangeError, /optimizer="momentum"/],
    [{ dataset: 3 }, TypeError, /dataset=3/],
    [{ noise: -0.1 }, RangeError, /noise=-0.1/],
    [{ n: 10 }, RangeError, /n=10/],
    [{ testFraction: 0.95 }, RangeError, /testFraction=0.95/],
    [{ batchSize: 0 }, RangeError, /batchSize=0/],
    [{ epochs: 2.5 }, RangeError, /epochs=2.5/],
    [{ seed: 0.5 }, RangeError, /seed=0.5/],
    [
      { seed: 2 ** 53 },
      RangeError,
      /seed must be a safe integer \(\|seed\| <= 2\^53 - 1\): seed=9007199254740992$/,
    ],
    [{ seed: -(2 ** 53) }, RangeError, /seed=-9007199254740992$/],
  ];
  for (const [options, kind, message] of cases) {
    await t.step(JSON.stringify(options, (_, v) => Number.isNaN(v) ? "NaN" : v), () => {
      assert.throws(
        () => explore(options as never),
        (error) =>
          error instanceof kind && error.message.startsWith("Cannot explore") &&
          message.test(error.message),
      );
    });
  }
});

Deno.test("explore() displays HTML that mounts the bundled page script with the options", () => {
  const bundle = bundleOf({ activation: "prelu", alpha: 0.2, hidden: [8, 4], seed: 7 });
  const html = bundle["text/html"]!;
  assert.match(html, /^<div class="relu-lab-explorer" id="relu-lab-explorer-\d+">/);
  assert.ok(html.includes(`<script>${EXPLORER_SCRIPT}\n`), "the bundled script, inline");
  const id = /id="(relu-lab-explorer-\d+)"/.exec(html)![1];
  assert.ok(html.includes(`reluLabExplorer.mount("${id}", `));
  const settings = mountedSettings(html);
  assert.equal(settings.activation, "prelu");
  assert.equal(settings.alpha, 0.2);
  assert.deepEqual(settings.hidden, [8, 4]);
  assert.equal(settings.seed, 7);
  assert.equal(settings.learningRate, 0.03, "defaults filled in");
  assert.deepEqual(networkResources(html), [], "no network resource");
  assert.equal(html.match(/<\/script/gi)?.length, 1, "one script element, closed once");
});

Deno.test("explore() says in text/plain and in its HTML that it is live when run", () => {
  const bundle = bundleOf({ alpha: 0.05 });
  assert.equal(
    bundle["text/plain"],
    "[relu-lab explorer: Leaky ReLU (α = 0.05), 2-16-16-2, two moons, seed 0; live when run in " +
      "Jupyter Notebook or in the rendered page, otherwise a static picture of its initial state]",
  );
  assert.match(bundle["text/html"]!, /<p class="rle-note"><strong>Live explorer<\/strong>/);
  assert.match(bundle["text/html"]!, /Shown here: its initial state/);
});

Deno.test("explore()'s static picture shows the initial state with titles, axes and legends", () => {
  const svg = staticPicture(bundleOf({ activation: "relu", biasInit: -3 })["text/html"]!);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  for (
    const label of [
      "relu-lab explorer, initial state: ReLU, 2-16-16-2, two moons, seed 0",
      "Decision boundary (untrained)",
      "ReLU: f and f′",
      "f′(0) = 0 (left convention at the kink)",
      "Loss at epoch 0",
      "Dead neurons at epoch 0",
      "z (pre-activation)",
      "dead fraction",
      "epoch",
      "class 0",
      "test",
    ]
  ) {
    assert.ok(svg.includes(`>${label}<`), `the picture has the label ${label}`);
  }
  assert.match(svg, /<image [^>]*href="data:image\/png;base64,/, "the shading, as a PNG");
});

Deno.test("explore() is deterministic but for its container's number", () => {
  const strip = (html: string) => html.replaceAll(/relu-lab-explorer-\d+/g, "ID");
  const a = bundleOf({ dataset: "spirals", seed: 2 });
  const b = bundleOf({ dataset: "spirals", seed: 2 });
  assert.notEqual(a["text/html"], b["text/html"], "each explorer gets its own id");
  assert.equal(strip(a["text/html"]!), strip(b["text/html"]!));
  assert.notEqual(
    staticPicture(a["text/html"]!),
    staticPicture(bundleOf({ dataset: "spirals", seed: 3 })["text/html"]!),
    "another seed, another picture",
  );
});

Deno.test("explore() writes its settings as its charts do: 0.3, not 0.30000000000000004", () => {
  const third = 0.1 + 0.2; // 0.30000000000000004
  const bundle = bundleOf({ alpha: third, learningRate: third, biasInit: -third, noise: third });
  assert.match(bundle["text/plain"], /^\[relu-lab explorer: Leaky ReLU \(α = 0\.3\), 2-16-16-2,/);
  const html = bundle["text/html"]!;
  const [outside] = html.split("<script>");
  assert.match(outside, /\(Leaky ReLU \(α = 0\.3\), 2-16-16-2, two moons, seed 0\)/);
  assert.match(outside, /alt="The explorer's initial state: Leaky ReLU \(α = 0\.3\),/);
  const svg = bundle["image/svg+xml"]!;
  assert.equal(staticPicture(html), svg, "the same picture in both");
  assert.match(svg, /aria-label="relu-lab explorer, initial state: Leaky ReLU \(α = 0\.3\),/);
  // The settings lines join the words of an item with no-break spaces, which \s matches.
  assert.match(svg, />SGD,\slearning\srate\s0\.3,/);
  assert.match(svg, />initial\sbias\s-0\.3,\snoise\s0\.3,/);
  for (
    const [name, text] of [["text/plain", bundle["text/plain"]], ["HTML", outside], ["SVG", svg]]
  ) {
    assert.doesNotMatch(text, /0\.3000/, `${name} has no unrounded number`);
  }
  assert.equal(mountedSettings(html).alpha, third, "the page still gets the exact value");
});
