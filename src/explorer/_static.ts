/**
 * The static picture of an explorer's initial state: the boundary view (its shading as an
 * inline PNG), the activation, and the loss and dead-neuron charts at epoch 0, in one SVG. It is
 * what a reader sees where the page script does not run (GitHub, an untrusted notebook).
 *
 * @module
 */

import {
  activationSvg,
  BOUNDARY_AREA,
  BOUNDARY_HEIGHT,
  BOUNDARY_WIDTH,
  boundarySvg,
  CHART_HEIGHT,
  deadSeries,
  domainOf,
  epochChartSvg,
  escapeText,
  formatNumber,
  formatSetting,
  lossSeries,
  percent,
} from "./_charts.ts";
import { wrapWords } from "../core/_wrap_words.ts";
import { encodePng, toBase64 } from "./_png.ts";
import type { ExplorerSession } from "./_session.ts";
import {
  ACTIVATION_LABELS,
  activationOf,
  DATASET_LABELS,
  type ExplorerSettings,
  OPTIMIZER_LABELS,
} from "./_settings.ts";
import { boundaryPixels, GRID_SIZE, gridPoints } from "./_shading.ts";

const GAP = 16, MARGIN = 10, NBSP = "\u00a0";
/** How much further in a wrapped settings line goes on, so that each line's start stands out. */
const HANG = 12;
/** Font sizes and line heights of the heading, the note under it and the settings text. */
const HEADING = { size: 13, bold: true, line: 15 };
const NOTE = { size: 11.5, bold: false, line: 14 };
const SETTINGS = { size: 11.5, bold: false, line: 17 };

/** The picture's width in SVG units; its height grows with the lines its texts wrap into. */
export const STATIC_WIDTH = 2 * BOUNDARY_WIDTH + GAP;

/** Places a standalone `<svg>` at (x, y) inside another. */
function placed(svg: string, x: number, y: number): string {
  return svg.replace(/^<svg /, `<svg x="${x}" y="${y}" `);
}

/** The static picture of `session` before any training, as a standalone SVG document. */
export function staticPictureSvg(session: ExplorerSession): string {
  const { settings } = session;
  const { boundary, activation, loss, dead } = initialCharts(session);
  const right = BOUNDARY_WIDTH + GAP;
  const heading = `relu-lab explorer, initial state: ${describeSettings(settings)}`;
  const title = wrapText(heading, STATIC_WIDTH - 2 * MARGIN, HEADING);
  const note = wrapText(
    "Static picture: the explorer trains live when run in Jupyter Notebook or in the pages " +
      "deno task notebooks renders.",
    STATIC_WIDTH - 2 * MARGIN,
    NOTE,
  );
  // The heading's first baseline at 16, the note's a line below the heading's last, the charts
  // 4 below the note's last (at 34 when neither wraps).
  const noteTop = 16 + HEADING.line * (title.length - 1) + NOTE.line;
  const header = noteTop + NOTE.line * (note.length - 1) + 4;
  const lines = settingsLines(session)
    .map((line) => wrapText(line, STATIC_WIDTH - right - 2 * MARGIN, SETTINGS, HANG));
  const lineCount = lines.flat().length;
  const linesTop = header + 2 * (CHART_HEIGHT + GAP) + 14;
  const pictureHeight = Math.max(
    header + BOUNDARY_HEIGHT + GAP + CHART_HEIGHT,
    linesTop + SETTINGS.line * (lineCount - 1) + MARGIN,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${STATIC_WIDTH} ${pictureHeight}" ` +
    `width="${STATIC_WIDTH}" height="${pictureHeight}" role="img" aria-label="${
      escapeText(heading)
    }" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    textLines([title], MARGIN, 16, HEADING, `font-weight="600" fill="#1d1d1f"`) +
    textLines([note], MARGIN, noteTop, NOTE, `fill="#5f6368"`) +
    placed(boundary, 0, header) +
    placed(activation, right, header) +
    placed(dead, right, header + CHART_HEIGHT + GAP) +
    placed(loss, 0, header + BOUNDARY_HEIGHT + GAP) +
    textLines(lines, right + MARGIN, linesTop, SETTINGS, `fill="#1d1d1f"`, HANG) +
    `</svg>`;
}

/** The four charts of the picture, each a standalone `<svg>`, at epoch 0. */
function initialCharts(session: ExplorerSession) {
  const { settings, history } = session;
  const domain = domainOf(session.train, session.test);
  const pixels = new Uint8ClampedArray(GRID_SIZE * GRID_SIZE * 4);
  boundaryPixels(session.model, gridPoints(domain), pixels);
  const png = toBase64(encodePng(GRID_SIZE, GRID_SIZE, pixels));
  const { left, top, width, height } = BOUNDARY_AREA;
  const boundary = boundarySvg({
    title: "Decision boundary (untrained)",
    domain,
    train: session.train,
    test: session.test,
    shading: `<image x="${left}" y="${top}" width="${width}" height="${height}" ` +
      `preserveAspectRatio="none" href="data:image/png;base64,${png}"/>`,
  });
  const activation = activationSvg({
    activation: activationOf(settings),
    convention: "left",
  });
  const loss = epochChartSvg({
    title: "Loss at epoch 0",
    yLabel: "loss",
    epochs: settings.epochs,
    series: lossSeries(history),
  });
  const dead = epochChartSvg({
    title: "Dead neurons at epoch 0",
    yLabel: "dead fraction",
    epochs: settings.epochs,
    yRange: [0, 1],
    yFormat: percent,
    series: deadSeries(history, settings.hidden.length),
  });
  return { boundary, activation, loss, dead };
}

/** A font size, whether bold, and the distance between baselines. */
export interface TextStyle {
  size: number;
  bold: boolean;
  line: number;
}

/**
 * Wrapped lines (each the pieces `wrapText` broke one line into) as `<text>` elements, one piece a
 * line, the first baseline at (x, y), the pieces after a line's first `hang` further in, in a group
 * with `attributes`.
 */
function textLines(
  lines: readonly (readonly string[])[],
  x: number,
  y: number,
  style: TextStyle,
  attributes: string,
  hang = 0,
): string {
  const pieces = lines.flatMap((line) =>
    line.map((text, i) => ({ text, x: i > 0 ? x + hang : x }))
  );
  return `<g font-size="${style.size}" ${attributes}>${
    pieces.map((piece, i) =>
      `<text x="${piece.x}" y="${y + style.line * i}">${escapeText(piece.text)}</text>`
    ).join("")
  }</g>`;
}

/**
 * The remaining settings and the epoch-0 figures, one line each before wrapping. A line breaks
 * only between items, after a comma or a colon: the words of one item ("layer 3 100%") are
 * joined by no-break spaces.
 */
function settingsLines(session: ExplorerSession): string[] {
  const s = session.settings, first = session.history[0];
  const keep = (text: string) => text.replaceAll(" ", NBSP);
  const items = (...parts: string[]) => parts.map(keep).join(", ");
  return [
    items(
      OPTIMIZER_LABELS[s.optimizer],
      `learning rate ${formatSetting(s.learningRate)}`,
      `batches of ${s.batchSize}`,
      `${s.epochs} epochs`,
    ),
    items(
      `initial bias ${formatSetting(s.biasInit)}`,
      `noise ${formatSetting(s.noise)}`,
      `${s.n} points (${percent(s.testFraction)} test)`,
    ),
    `${keep("epoch 0:")} ${
      items(
        `training loss ${formatNumber(first.trainLoss, 4)}`,
        `test accuracy ${percent(first.testAccuracy)}`,
      )
    }`,
    `${keep("dead at epoch 0:")} ${
      items(...first.deadFraction.map((f, i) => `layer ${i + 1} ${percent(f)}`))
    }`,
  ];
}

/**
 * Glyph widths in ems by class, regular and bold: each at least the widest glyph of the class in
 * DejaVu Sans (what Debian's Chromium draws the picture's font list in), so that a line
 * estimated to fit does fit there. A glyph not listed counts as 1 em.
 */
const GLYPH_WIDTHS: readonly (readonly [glyphs: string, regular: number, bold: number])[] = [
  ["ijlI'′", 0.3, 0.38],
  [" \u00a0.,:;|", 0.34, 0.4],
  ["frt()-", 0.42, 0.5],
  ["csz", 0.56, 0.6],
  ["kvxy", 0.6, 0.67],
  ["aeo", 0.62, 0.69],
  ["bdghnpqu0123456789", 0.64, 0.72],
  ["α", 0.66, 0.69],
  ["ABCDEFGHKLNOPQRSTUVXYZ", 0.79, 0.86],
  ["w", 0.82, 0.93],
  ["=+", 0.84, 0.84],
  ["m%", 0.98, 1.05],
  ["MW", 0.99, 1.11],
];

/** The width of `text` in `style`, estimated from {@linkcode GLYPH_WIDTHS}. */
export function textWidth(text: string, style: TextStyle): number {
  let ems = 0;
  for (const ch of text) {
    const widths = GLYPH_WIDTHS.find(([glyphs]) => glyphs.includes(ch));
    ems += widths === undefined ? 1 : style.bold ? widths[2] : widths[1];
  }
  return ems * style.size;
}

/**
 * `text` broken at spaces (not at no-break spaces) into lines of at most `width`, estimated, the
 * lines after the first at most `width - hang`; a word wider than that gets a line of its own.
 */
export function wrapText(text: string, width: number, style: TextStyle, hang = 0): string[] {
  return wrapWords(
    text.split(" "),
    (line, index) => textWidth(line, style) <= width - (index > 0 ? hang : 0),
  );
}

/**
 * The settings in a few words, e.g. "Leaky ReLU (α = 0.01), 2-16-16-2, two moons, seed 0", α
 * written as the activation chart writes it ({@linkcode formatSetting}).
 */
export function describeSettings(settings: ExplorerSettings): string {
  const name = ACTIVATION_LABELS[settings.activation];
  const activation = settings.activation === "relu"
    ? name
    : `${name} (α = ${formatSetting(settings.alpha)})`;
  return `${activation}, ${[2, ...settings.hidden, 2].join("-")}, ${
    DATASET_LABELS[settings.dataset]
  }, seed ${settings.seed}`;
}
