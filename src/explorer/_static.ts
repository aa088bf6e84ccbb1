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
  lossSeries,
  percent,
} from "./_charts.ts";
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

const GAP = 16, HEADER = 34;

/** The picture's width and height in SVG units. */
export const STATIC_WIDTH = 2 * BOUNDARY_WIDTH + GAP;
/** The picture's height in SVG units. */
export const STATIC_HEIGHT = HEADER + BOUNDARY_HEIGHT + GAP + CHART_HEIGHT;

/** Places a standalone `<svg>` at (x, y) inside another. */
function placed(svg: string, x: number, y: number): string {
  return svg.replace(/^<svg /, `<svg x="${x}" y="${y}" `);
}

/** The static picture of `session` before any training, as a standalone SVG document. */
export function staticPictureSvg(session: ExplorerSession): string {
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
  const right = BOUNDARY_WIDTH + GAP;
  const heading = `relu-lab explorer, initial state: ${describeSettings(settings)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${STATIC_WIDTH} ${STATIC_HEIGHT}" ` +
    `width="${STATIC_WIDTH}" height="${STATIC_HEIGHT}" role="img" aria-label="${
      escapeText(heading)
    }" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">` +
    `<rect width="100%" height="100%" fill="white"/>` +
    `<text x="10" y="16" font-size="13" font-weight="600" fill="#1d1d1f">${
      escapeText(heading)
    }</text>` +
    `<text x="10" y="30" font-size="11.5" fill="#5f6368">Static picture: the explorer trains ` +
    `live when its cell runs in Jupyter Notebook or in the page deno task notebooks renders.</text>` +
    placed(boundary, 0, HEADER) +
    placed(activation, right, HEADER) +
    placed(dead, right, HEADER + CHART_HEIGHT + GAP) +
    placed(loss, 0, HEADER + BOUNDARY_HEIGHT + GAP) +
    settingsText(session, right + 10, HEADER + 2 * (CHART_HEIGHT + GAP) + 14) +
    `</svg>`;
}

/** The remaining settings and the epoch-0 figures, as lines of text from (x, y). */
function settingsText(session: ExplorerSession, x: number, y: number): string {
  const s = session.settings, first = session.history[0];
  const lines = [
    `${
      OPTIMIZER_LABELS[s.optimizer]
    }, learning rate ${s.learningRate}, batches of ${s.batchSize}, ` +
    `${s.epochs} epochs`,
    `initial bias ${s.biasInit}, noise ${s.noise}, ${s.n} points (${percent(s.testFraction)} test)`,
    `epoch 0: training loss ${formatNumber(first.trainLoss, 4)}, test accuracy ${
      percent(first.testAccuracy)
    }`,
    `dead at epoch 0: ${
      first.deadFraction.map((f, i) => `layer ${i + 1} ${percent(f)}`).join(", ")
    }`,
  ];
  return `<g font-size="11.5" fill="#1d1d1f">${
    lines.map((line, i) => `<text x="${x}" y="${y + 17 * i}">${escapeText(line)}</text>`).join("")
  }</g>`;
}

/** The settings in a few words, e.g. "Leaky ReLU (α = 0.01), 2-16-16-2, two moons, seed 0". */
export function describeSettings(settings: ExplorerSettings): string {
  const name = ACTIVATION_LABELS[settings.activation];
  const activation = settings.activation === "relu" ? name : `${name} (α = ${settings.alpha})`;
  return `${activation}, ${[2, ...settings.hidden, 2].join("-")}, ${
    DATASET_LABELS[settings.dataset]
  }, seed ${settings.seed}`;
}
