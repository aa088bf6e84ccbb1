import assert from "node:assert/strict";
import { DOMParser } from "linkedom";
import { historyView, jupyterDisplay, show } from "../../src/display/mod.ts";
import type { EpochMetrics } from "../../src/plot/mod.ts";
import { captionsOf, DEAD_CAPTION } from "./_captions.ts";

const history = [1, 2, 3, 4].map((epoch) => ({
  epoch,
  trainLoss: 1 / epoch,
  testLoss: 1.2 / epoch,
  trainAccuracy: 1 - 0.4 / epoch,
  testAccuracy: 1 - 0.5 / epoch,
  deadFraction: [0.05 * epoch, 0.1 * epoch],
  gradNorm: [1, 0.5],
  seconds: 0.01,
}));

Deno.test("historyView() draws loss, accuracy and dead-fraction panels", () => {
  const html = historyView(history)[jupyterDisplay]()["text/html"] ?? "";
  assert.equal(html.match(/<svg[^>]*class="plot-/g)?.length, 3);
  for (
    const label of ["Loss", "Accuracy", "Dead neurons per layer", "layer 1", "layer 2", "test"]
  ) {
    assert.ok(html.includes(label), `missing ${label}`);
  }
});

Deno.test("historyView() says under the dead-fraction panel what dead means, as reportView() does", () => {
  const html = historyView(history)[jupyterDisplay]()["text/html"] ?? "";
  assert.deepEqual(captionsOf(html), [DEAD_CAPTION]);
  const lossOnly = history.map(({ epoch, trainLoss }) => ({ epoch, trainLoss }));
  assert.deepEqual(captionsOf(historyView(lossOnly)[jupyterDisplay]()["text/html"] ?? ""), []);
});

Deno.test("historyView() leaves out panels for metrics that were not measured", () => {
  const lossOnly = history.map(({ epoch, trainLoss }) => ({ epoch, trainLoss }));
  const html = historyView(lossOnly)[jupyterDisplay]()["text/html"] ?? "";
  assert.equal(html.match(/<svg[^>]*class="plot-/g)?.length, 1);
});

Deno.test("historyView() prints the first and last epochs as plain text", () => {
  const text = historyView(history)[jupyterDisplay]()["text/plain"];
  assert.match(text, /^Training history, 4 epochs/);
  assert.match(text, /epoch 1, trainLoss 1, testLoss 1\.2/);
  assert.match(text, /epoch 4, trainLoss 0\.25/);
});

Deno.test("historyView() rejects an empty history (a RangeError) and what is not an array", () => {
  assert.throws(() => historyView([]), RangeError);
  assert.throws(() => historyView({} as never), TypeError);
});

Deno.test("historyView() says what its records lack when there is nothing to draw", () => {
  assert.throws(() => historyView([{ epoch: 1 } as never]), {
    name: "RangeError",
    message:
      "Cannot display a training history as its records must have a trainLoss or testLoss, or a finite trainAccuracy, testAccuracy or deadFraction: the record has the keys epoch",
  });
  const unmeasured = [
    { epoch: 1, trainAccuracy: NaN, deadFraction: [] },
    { epoch: 2, trainAccuracy: NaN, deadFraction: [] },
  ];
  assert.throws(() => historyView(unmeasured as never), {
    name: "RangeError",
    message:
      "Cannot display a training history as its records must have a trainLoss or testLoss, or a finite trainAccuracy, testAccuracy or deadFraction: the 2 records have the keys epoch, trainAccuracy, deadFraction",
  });
});

Deno.test("historyView() refuses a figure some records give and others leave out, whose line would break unsaid", () => {
  const gapped = [{ epoch: 1, trainLoss: 1 }, { epoch: 2 }, { epoch: 3, trainLoss: 0.5 }];
  assert.throws(() => historyView(gapped as never), {
    name: "TypeError",
    message:
      "Cannot display a training history as trainLoss must be given in every record once one gives it (history[1] has epoch): history[1].trainLoss=undefined",
  });
  const accuracyLater = [{ epoch: 1, trainLoss: 1 }, { epoch: 2, trainLoss: 1, testAccuracy: 0.5 }];
  assert.throws(() => historyView(accuracyLater), {
    name: "TypeError",
    message:
      "Cannot display a training history as testAccuracy must be given in every record once one gives it (history[0] has epoch, trainLoss): history[0].testAccuracy=undefined",
  });
});

/** The loss panel of a display's HTML: from its subtitle to the next panel's, if any. */
function lossPanel(html: string): string {
  const start = html.indexOf(">Loss<");
  assert.ok(start >= 0, "a loss panel");
  const next = html.indexOf("<h3", start);
  return html.slice(start, next === -1 ? undefined : next);
}

/** The points of each line drawn in a panel's HTML, by the number of points per line. */
function linePoints(panel: string): number[] {
  return [...panel.matchAll(/<g[^>]*aria-label="line"[^>]*>(.*?)<\/g>/gs)].flatMap(([, g]) =>
    [...g.matchAll(/<path[^>]* d="([^"]*)"/g)].map(([, d]) => (d.match(/[ML]/g) ?? []).length)
  );
}

Deno.test("historyView() draws the finite part of a diverged loss and says from which epoch it diverged", () => {
  const records = [1, 2, 3, 4, 5].map((epoch) => ({
    epoch,
    trainLoss: epoch < 4 ? 1 / epoch : NaN,
    testLoss: epoch < 5 ? 1.2 / epoch : Infinity,
    trainAccuracy: 0.5,
  }));
  const bundle = historyView(records)[jupyterDisplay]();
  const html = bundle["text/html"] ?? "";
  assert.deepEqual(captionsOf(html), ["train: diverged at epoch 4; test: diverged at epoch 5"]);
  const loss = lossPanel(html);
  assert.ok(loss.includes("train: diverged at epoch 4"), "the note is under the loss panel");
  assert.ok(bundle["image/svg+xml"]?.includes("train: diverged at epoch 4"), "and in the SVG");
  // The finite losses are drawn: epochs 1 to 3 of the training loss, 1 to 4 of the test loss.
  assert.deepEqual(linePoints(loss).sort(), [3, 4]);
  assert.equal(
    bundle["text/plain"].split("\n")[0],
    "Training history, 5 epochs; train: diverged at epoch 4; test: diverged at epoch 5",
  );
  assert.match(bundle["text/plain"], /epoch 5, trainLoss NaN, testLoss Infinity/);
});

Deno.test("historyView() and show() show a run whose every loss is NaN, with its note, rather than throw", () => {
  const records = [1, 2, 3].map((epoch) => ({ epoch, trainLoss: NaN }));
  for (const view of [historyView(records), show(records)]) {
    const bundle = view[jupyterDisplay]();
    const html = bundle["text/html"] ?? "";
    assert.equal(html.match(/<svg[^>]*class="plot-/g)?.length, 1, "the loss panel");
    assert.deepEqual(captionsOf(html), ["train: diverged at epoch 1"]);
    assert.deepEqual(linePoints(lossPanel(html)), [], "no line: no loss is finite");
    assert.match(bundle["text/plain"], /^Training history, 3 epochs; train: diverged at epoch 1\n/);
  }
});

Deno.test("historyView() says nothing of divergence when every loss is finite", () => {
  const text = historyView(history)[jupyterDisplay]()["text/plain"];
  assert.doesNotMatch(text, /diverged/);
  assert.deepEqual(captionsOf(historyView(history)[jupyterDisplay]()["text/html"] ?? ""), [
    DEAD_CAPTION,
  ]);
});

Deno.test("historyView() names a record that is not an object", () => {
  assert.throws(() => historyView([history[0], null as never]), {
    name: "TypeError",
    message:
      "Cannot display a training history as history[1] must be an epoch record { epoch, trainLoss, ... }: history[1]=null",
  });
});

Deno.test("historyView() names a missing record rather than skipping the hole", () => {
  // deno-lint-ignore no-sparse-arrays
  assert.throws(() => historyView([history[0], , history[2]] as never), {
    name: "TypeError",
    message:
      "Cannot display a training history as history[1] must be an epoch record { epoch, trainLoss, ... }: history[1]=undefined",
  });
});

Deno.test("historyView() refuses a record whose epoch is not a finite number, naming it", () => {
  assert.throws(() => historyView([{ trainLoss: 0.5 }, { trainLoss: 0.4 }] as never), {
    name: "TypeError",
    message:
      "Cannot display a training history as history[0].epoch must be a finite number: history[0].epoch=undefined",
  });
  assert.throws(() => historyView([history[0], { ...history[1], epoch: "a" as never }]), {
    name: "TypeError",
    message:
      'Cannot display a training history as history[1].epoch must be a finite number: history[1].epoch="a"',
  });
  assert.throws(() => historyView([{ ...history[0], epoch: NaN }]), {
    name: "RangeError",
    message:
      "Cannot display a training history as history[0].epoch must be a finite number: history[0].epoch=NaN",
  });
});

Deno.test("historyView() refuses epochs that repeat or go back: two runs' records drawn as one line", () => {
  assert.throws(() => historyView([history[1], history[0]]), {
    name: "RangeError",
    message:
      `Cannot display a training history as history[1].epoch must be greater than the epoch before it (${
        history[1].epoch
      }): one history is one run, its epochs increasing: history[1].epoch=${history[0].epoch}`,
  });
  assert.throws(() => historyView([history[0], { ...history[1], epoch: history[0].epoch }]), {
    name: "RangeError",
    message: /history\[1\]\.epoch must be greater than the epoch before it/,
  });
});

Deno.test("historyView() refuses accuracies and dead fractions outside [0, 1], naming the entry", () => {
  assert.throws(() => historyView([history[0], { ...history[1], deadFraction: [0.1, 60] }]), {
    name: "RangeError",
    message:
      "Cannot display a training history as history[1].deadFraction[1] must be a finite number >= 0 and <= 1: history[1].deadFraction[1]=60",
  });
  assert.throws(() => historyView([{ ...history[0], testAccuracy: 95 }]), {
    name: "RangeError",
    message:
      "Cannot display a training history as history[0].testAccuracy must be a finite number >= 0 and <= 1: history[0].testAccuracy=95",
  });
  assert.throws(() => historyView([{ ...history[0], trainAccuracy: -0.1 }]), {
    name: "RangeError",
    message:
      "Cannot display a training history as history[0].trainAccuracy must be a finite number >= 0 and <= 1: history[0].trainAccuracy=-0.1",
  });
});

Deno.test("historyView() and show() refuse a deadFraction that is not an array of numbers", () => {
  assert.throws(() => show([{ epoch: 1, trainLoss: 0.5, deadFraction: 0.5 }]), {
    name: "TypeError",
    message:
      "Cannot display a training history as history[0].deadFraction must be an array of fractions in [0, 1], one per activation layer: history[0].deadFraction=0.5",
  });
  assert.throws(() => historyView([{ epoch: 1, trainLoss: 0.5, deadFraction: ["0.1"] as never }]), {
    name: "TypeError",
    message:
      'Cannot display a training history as history[0].deadFraction[0] must be a finite number >= 0 and <= 1: history[0].deadFraction[0]="0.1"',
  });
});

Deno.test("historyView() refuses a loss that is not a number, naming the record", () => {
  const values: [unknown, string][] = [["0.5", '"0.5"'], [null, "null"], [{ v: 1 }, "{ v: 1 }"]];
  for (const key of ["trainLoss", "testLoss"]) {
    for (const [value, seen] of values) {
      assert.throws(() => historyView([history[0], { ...history[1], [key]: value }]), {
        name: "TypeError",
        message:
          `Cannot display a training history as history[1].${key} must be a number: history[1].${key}=${seen}`,
      });
    }
  }
});

// Far past the 100,000 or so arguments a call can take: spread into Math.max, the values of a
// history this long would overflow the call stack.
Deno.test("historyView() draws a history of 200,000 epochs", async (t) => {
  const epochs = 200_000;
  const text = (records: EpochMetrics[]) => historyView(records)[jupyterDisplay]()["text/plain"];
  await t.step("its losses", () => {
    const records = Array.from({ length: epochs }, (_, i) => ({
      epoch: i + 1,
      trainLoss: 1 / (i + 1),
    }));
    assert.match(text(records), /^Training history, 200000 epochs\n/);
    assert.equal(lossOnLogScale(records), true, "the loss falls by decades");
  });
  await t.step("its dead fractions, beside a loss that diverged from the start", () => {
    const records = Array.from({ length: epochs }, (_, i) => ({
      epoch: i + 1,
      trainLoss: NaN,
      deadFraction: [0.5],
    }));
    assert.match(text(records), /epoch 200000, trainLoss NaN, deadFraction \[0\.5\]$/);
  });
});

Deno.test("historyView() still takes every record train makes: no accuracy, NaN accuracy, a diverged loss", () => {
  const regression = [1, 2].map((epoch) => ({ epoch, trainLoss: 1 / epoch, deadFraction: [0, 1] }));
  assert.match(historyView(regression)[jupyterDisplay]()["text/plain"], /epoch 2, trainLoss 0.5/);
  const unmeasured = [{ epoch: 1, trainLoss: 0.5, trainAccuracy: NaN, deadFraction: [] }];
  assert.match(historyView(unmeasured)[jupyterDisplay]()["text/plain"], /trainAccuracy NaN/);
  const diverged = [{ epoch: 1, trainLoss: 0.5 }, { epoch: 2, trainLoss: Infinity }];
  assert.match(historyView(diverged)[jupyterDisplay]()["text/plain"], /trainLoss Infinity/);
});

/** The width and height of each chart in a display's HTML. */
function chartSizes(html: string): [number, number][] {
  return [...html.matchAll(/<svg[^>]*class="plot-[^>]*>/g)].map(([tag]) => [
    Number(/ width="(\d+)"/.exec(tag)?.[1]),
    Number(/ height="(\d+)"/.exec(tag)?.[1]),
  ]);
}

Deno.test("historyView() sizes its panels and titles the figure as asked", () => {
  const asked = historyView(history, { title: "Run 7", panelWidth: 250, panelHeight: 200 });
  const html = asked[jupyterDisplay]()["text/html"] ?? "";
  assert.match(html, /<h2[^>]*>Run 7<\/h2>/);
  assert.deepEqual(chartSizes(html), [[250, 200], [250, 200], [250, 200]]);
  const plain = historyView(history)[jupyterDisplay]()["text/html"] ?? "";
  assert.match(plain, /<h2[^>]*>Training history<\/h2>/);
  assert.deepEqual(chartSizes(plain), [[300, 240], [300, 240], [300, 240]]);
});

Deno.test("historyView() refuses a title, panel size or document it cannot use, in its own words", () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ title: 5 }, "TypeError", "title must be a string: title=5"],
    [{ panelWidth: 0 }, "RangeError", "panelWidth must be a finite number >= 1: panelWidth=0"],
    [
      { panelHeight: "2" },
      "TypeError",
      'panelHeight must be a finite number >= 1: panelHeight="2"',
    ],
    [
      { document: {} },
      "TypeError",
      "document must be a DOM document (the browser's or createDocument()): document={}",
    ],
  ];
  for (const [options, name, message] of cases) {
    assert.throws(() => historyView(history, options), {
      name,
      message: `Cannot display a training history as ${message}`,
    });
  }
  for (const title of ["", "  "]) {
    assert.throws(() => historyView(history, { title }), {
      name: "RangeError",
      message:
        `Cannot display a training history as title must be a string with text, or left out: title=${
          JSON.stringify(title)
        }`,
    });
  }
  assert.throws(() => historyView(history, { titel: "x" } as never), {
    name: "TypeError",
    message:
      'Cannot display a training history as options must have only the keys title, panelWidth, panelHeight, document: unknown key "titel"',
  });
});

/**
 * Whether the loss panel's y axis is logarithmic: its labelled ticks stand evenly in log(value)
 * (rather than in value).
 */
function lossOnLogScale(history: EpochMetrics[]): boolean {
  const html = historyView(history)[jupyterDisplay]()["text/html"] ?? "";
  const page = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, "text/html");
  const chart = page.querySelector("svg[class]"); // the first chart: the loss
  const ticks: [number, number][] = Array.from(
    chart.querySelectorAll('g[aria-label="y-axis tick label"] text') as ArrayLike<{
      textContent: string | null;
      getAttribute(name: string): string | null;
    }>,
  ).filter((text) => (text.textContent ?? "") !== "").map((text): [number, number] => [
    Number(text.textContent),
    Number(/,([^)]+)\)/.exec(text.getAttribute("transform") ?? "")?.[1]),
  ]).filter(([value]) => value > 0); // where log(value) is defined
  assert.ok(ticks.length >= 3, "three labelled ticks above 0 at least");
  const [[a, pa], [b, pb], [c, pc]] = [ticks[0], ticks[1], ticks.at(-1)!];
  const drawn = (pb - pa) / (pc - pa);
  const logSpacing = Math.log(b / a) / Math.log(c / a);
  const linearSpacing = (b - a) / (c - a);
  assert.ok(Math.abs(logSpacing - linearSpacing) > 0.05, "the two rules differ on these ticks");
  return Math.abs(drawn - logSpacing) < 1e-6;
}

Deno.test("historyView() draws the loss on a log scale when it falls by a decade or more", async (t) => {
  const losses = (train: number[], test?: number[]): EpochMetrics[] =>
    train.map((trainLoss, i) => ({
      epoch: i + 1,
      trainLoss,
      ...(test === undefined ? {} : { testLoss: test[i] }),
    }));
  await t.step("by exactly a decade", () => assert.equal(lossOnLogScale(losses([1, 0.1])), true));
  await t.step("by less", () => assert.equal(lossOnLogScale(losses([1, 0.11])), false));
  await t.step("by a decade, counting the test loss", () => {
    assert.equal(lossOnLogScale(losses([1, 0.5], [1, 0.1])), true);
  });
  await t.step("not with a loss of 0, which a log scale cannot show", () => {
    assert.equal(lossOnLogScale(losses([1, 0.05, 0])), false);
  });
});

Deno.test("historyView()'s plain text gives the first epoch, and the last with ... between", () => {
  const text = (records: EpochMetrics[]) => historyView(records)[jupyterDisplay]()["text/plain"];
  const record = (epoch: number): EpochMetrics => ({
    epoch,
    trainLoss: 1 / epoch,
    testAccuracy: 0.5,
  });
  assert.equal(
    text([record(1)]),
    "Training history, 1 epoch\n  epoch 1, trainLoss 1, testAccuracy 0.5",
  );
  assert.equal(
    text([record(1), record(2)]),
    "Training history, 2 epochs\n  epoch 1, trainLoss 1, testAccuracy 0.5\n  epoch 2, trainLoss 0.5, testAccuracy 0.5",
  );
  assert.equal(
    text([record(1), record(2), record(4)]),
    "Training history, 3 epochs\n  epoch 1, trainLoss 1, testAccuracy 0.5\n  ...\n  epoch 4, trainLoss 0.25, testAccuracy 0.5",
  );
});

Deno.test("historyView()'s plain text starts with its title and leaves out what a record lacks", () => {
  const records = [{ epoch: 1, trainAccuracy: 0.5 }, { epoch: 2, trainAccuracy: 0.75 }];
  const text =
    historyView(records as unknown as EpochMetrics[], { title: "Run A" })[jupyterDisplay]()[
      "text/plain"
    ];
  assert.equal(
    text,
    "Run A, 2 epochs\n  epoch 1, trainAccuracy 0.5\n  epoch 2, trainAccuracy 0.75",
  );
});

Deno.test("historyView() draws the dead fraction of a network deeper than ten layers, a colour each", () => {
  const depth = 12;
  const records = [1, 2].map((epoch) => ({
    epoch,
    trainLoss: 1 / epoch,
    deadFraction: Array.from({ length: depth }, (_, l) => (l + epoch) / 20),
  }));
  const html = historyView(records)[jupyterDisplay]()["text/html"] ?? "";
  const dead = html.slice(html.indexOf("Dead neurons per layer"));
  const lines = Array.from(
    dead.matchAll(/<path d="M[^"]*"[^>]*stroke="(#[0-9a-f]{6})"/g),
    (m) => m[1],
  );
  assert.equal(lines.length, depth);
  assert.equal(new Set(lines).size, depth);
  for (let l = 1; l <= depth; l++) {
    assert.ok(dead.includes(`>layer ${l}<`), `layer ${l} in the legend`);
  }
});
