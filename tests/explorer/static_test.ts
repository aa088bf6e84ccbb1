/**
 * The static picture's layout, read back from its SVG: four charts side by side and one under
 * another without overlapping, the texts wrapped into the picture's width, and the picture just
 * large enough for all of them, with short settings and with the longest ones the explorer takes.
 * (tests/browser/static_picture_test.ts measures the same pictures' text as Chromium draws it.)
 */
import assert from "node:assert/strict";
import { ExplorerSession } from "../../src/explorer/_session.ts";
import { type ExploreOptions, resolveExplorerSettings } from "../../src/explorer/_settings.ts";
import {
  describeSettings,
  STATIC_WIDTH,
  staticPictureSvg,
  textWidth,
  wrapText,
} from "../../src/explorer/_static.ts";
import { LONGEST } from "./_longest_settings.ts";
import { elements } from "./_svg.ts";

interface Box {
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Layout {
  width: number;
  height: number;
  charts: Box[];
  /** Texts outside the charts, by the font size of their group, in order. */
  texts: { size: number; x: number; y: number; text: string }[];
}

/** The attribute `name` of an element, as a number; it must be there. */
function numberAttribute(element: Record<string, string>, name: string): number {
  assert.ok(element[name] !== undefined, `${JSON.stringify(element)} has ${name}`);
  return Number(element[name]);
}

function unescape(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
}

function layoutOf(svg: string): Layout {
  const [root, ...nested] = elements(svg, "svg");
  assert.equal(
    root.viewBox,
    `0 0 ${numberAttribute(root, "width")} ${numberAttribute(root, "height")}`,
    "the view box is the picture's size",
  );
  const charts = nested.map((chart) => ({
    label: chart["aria-label"],
    x: numberAttribute(chart, "x"),
    y: numberAttribute(chart, "y"),
    width: numberAttribute(chart, "width"),
    height: numberAttribute(chart, "height"),
  }));
  const outside = svg.slice(svg.indexOf(">") + 1).replace(/<svg [^>]*>.*?<\/svg>/gs, "");
  const texts = [...outside.matchAll(/<g font-size="([\d.]+)"[^>]*>(.*?)<\/g>/g)].flatMap((
    [, size, group],
  ) =>
    [...group.matchAll(/<text x="([\d.]+)" y="([\d.]+)">([^<]*)<\/text>/g)].map((
      [, x, y, text],
    ) => ({ size: Number(size), x: Number(x), y: Number(y), text: unescape(text) }))
  );
  return {
    width: numberAttribute(root, "width"),
    height: numberAttribute(root, "height"),
    charts,
    texts,
  };
}

function pictureOf(options: ExploreOptions): { svg: string; heading: string } {
  const settings = resolveExplorerSettings(options);
  return {
    svg: staticPictureSvg(new ExplorerSession(settings)),
    heading: `relu-lab explorer, initial state: ${describeSettings(settings)}`,
  };
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Whether settings line `i` goes on from the one above: that one broke between items, after a
 * comma or a colon (a whole settings line ends with a word, a ")" or a "%").
 */
function goesOn(lines: readonly { text: string }[], i: number): boolean {
  return i > 0 && /[,:]$/.test(lines[i - 1].text);
}

Deno.test("the static picture lays out its four charts and its texts without overlap", async (t) => {
  for (
    const [name, options] of [["default settings", {}], ["the longest settings", LONGEST]] as const
  ) {
    await t.step(name, () => {
      const { svg, heading } = pictureOf(options);
      const layout = layoutOf(svg);
      assert.equal(layout.width, STATIC_WIDTH);
      assert.deepEqual(layout.charts.map((chart) => chart.label), [
        "Decision boundary (untrained)",
        layout.charts[1].label,
        "Dead neurons at epoch 0",
        "Loss at epoch 0",
      ]);
      assert.match(layout.charts[1].label, /^Leaky ReLU \(α = [\d.]+\): f and f′$/);
      const [boundary, activation, dead, loss] = layout.charts;
      assert.deepEqual([boundary.x, activation.x, dead.x, loss.x], [
        0,
        boundary.width + 16,
        boundary.width + 16,
        0,
      ], "two columns, 16 apart");
      assert.equal(activation.y, boundary.y, "the activation beside the boundary");
      assert.equal(dead.y, activation.y + activation.height + 16, "dead neurons under it");
      assert.equal(loss.y, boundary.y + boundary.height + 16, "the loss under the boundary");
      for (let i = 0; i < layout.charts.length; i++) {
        const chart = layout.charts[i];
        assert.ok(chart.x >= 0 && chart.x + chart.width <= layout.width, `${chart.label} across`);
        assert.ok(chart.y >= 0 && chart.y + chart.height <= layout.height, `${chart.label} down`);
        for (const other of layout.charts.slice(i + 1)) {
          assert.ok(!overlap(chart, other), `${chart.label} and ${other.label}`);
        }
      }
      assert.equal(
        Math.max(...layout.charts.map((chart) => chart.x + chart.width)),
        layout.width,
        "the picture is as wide as its columns",
      );

      const top = layout.texts.filter((text) => text.y < boundary.y);
      const headingLines = top.filter((text) => text.size === 13);
      assert.equal(headingLines.map((line) => line.text).join(" "), heading, "the whole heading");
      assert.match(top.at(-1)!.text, /deno task notebooks renders\.$/, "the note under it");
      for (let i = 1; i < top.length; i++) {
        assert.ok(top[i].y >= top[i - 1].y + 14, `line ${i} of the header is a line lower`);
      }
      assert.ok(boundary.y >= top.at(-1)!.y + 4, "the charts start under the header");

      const settings = layout.texts.filter((text) => text.y > boundary.y);
      assert.ok(settings.length >= 4, "four settings lines, or more where they wrap");
      assert.match(settings.map((line) => line.text).join(" "), /^(SGD|Adam), learning\srate\s/);
      assert.match(settings.at(-1)!.text, /%$/, "the dead fractions last");
      settings.forEach((line, i) => {
        assert.equal(
          line.x,
          dead.x + 10 + (goesOn(settings, i) ? 12 : 0),
          "in the right column, wrapped lines hung",
        );
      });
      assert.ok(settings[0].y - 11.5 >= dead.y + dead.height, "under the dead-neuron chart");
      for (let i = 1; i < settings.length; i++) {
        assert.equal(settings[i].y, settings[i - 1].y + 17, "17 apart");
      }
      const bottom = Math.max(
        loss.y + loss.height,
        settings.at(-1)!.y + 10,
      );
      assert.equal(layout.height, bottom, "the picture is as tall as what it holds");
    });
  }
});

Deno.test("the static picture wraps only lines too long for its width", () => {
  const short = layoutOf(pictureOf({}).svg);
  assert.equal(short.height, 34 + 380 + 16 + 250, "the default picture: header, boundary, loss");
  assert.deepEqual(
    short.texts.map((text) => text.y),
    [16, 30, 580, 597, 614, 631],
    "a heading line, a note line and four settings lines",
  );
  const long = layoutOf(pictureOf(LONGEST).svg);
  assert.ok(long.texts.filter((text) => text.size === 13).length >= 2, "the long heading wraps");
  assert.ok(long.height > short.height, "and the picture grows to hold what wraps");
  for (const line of long.texts) {
    assert.ok(!line.text.startsWith(" ") && !line.text.endsWith(" "), `"${line.text}" is trimmed`);
    assert.ok(line.text.length > 0, "no empty line");
  }
  const settings = long.texts.filter((text) => text.y > 500);
  assert.ok(settings.length > 4, "the long settings wrap");
  for (const line of settings) {
    assert.match(line.text, /(,|:|epochs|test\)|%)$/, `"${line.text}" ends where an item does`);
  }
  assert.ok(
    settings.some((line) => line.text.startsWith("initial\u00a0bias\u00a0-4.123,")),
    "an item's words stay together",
  );
  const starts = [...new Set(settings.map((line) => line.x))].sort((a, b) => a - b);
  assert.equal(starts.length, 2, "a settings line starts at one edge, its wrapped rest at another");
  assert.equal(starts[1] - starts[0], 12, "12 further in");
  settings.forEach((line, i) => {
    assert.equal(
      line.x,
      starts[goesOn(settings, i) ? 1 : 0],
      `"${line.text}" starts where it should`,
    );
  });
});

Deno.test("wrapText() fills each line as far as it fits, the lines after the first a hang narrower", () => {
  const style = { size: 11.5, bold: false, line: 17 };
  const text =
    "SGD, learning\u00a0rate\u00a00.000123, batches\u00a0of\u00a0999, 4999\u00a0epochs, " +
    "initial\u00a0bias\u00a0-4.12, noise\u00a00.123, 999\u00a0points\u00a0(12.3%\u00a0test)";
  let wrapped = 0;
  for (let width = 60; width <= 500; width += 3) {
    for (const hang of [0, 12, 40]) {
      const lines = wrapText(text, width, style, hang);
      assert.equal(lines.join(" "), text, "every word, in order, once");
      if (lines.length > 1) wrapped++;
      lines.forEach((line, i) => {
        const room = width - (i > 0 ? hang : 0);
        const fits = textWidth(line, style) <= room;
        assert.ok(fits || !line.includes(" "), `line ${i} "${line}" fits ${room}, or is one word`);
        if (i + 1 < lines.length) {
          const longer = `${line} ${lines[i + 1].split(" ")[0]}`;
          assert.ok(textWidth(longer, style) > room, `line ${i} could not take the next word`);
        }
      });
    }
  }
  assert.ok(wrapped > 100, "most widths wrap");
});
