/**
 * The explorer's work per epoch without the browser: one epoch of train() on a 2-16-16-2
 * network with 200 training points (the baseline), against the explorer's step (the same epoch
 * through ExplorerSession) plus the redraw's computations (the boundary grid's 2,500
 * predictions, the dead-neuron scan, the neuron maps, the chart SVG text). The DOM's share is
 * measured in Chromium by bench/explorer_browser.ts.
 */
import { deadNeurons, mlp, train, trainTestSplit, twoMoons } from "../src/mod.ts";
import { domainOf, epochChartSvg, SERIES_COLORS } from "../src/explorer/_charts.ts";
import { ExplorerSession } from "../src/explorer/_session.ts";
import { resolveExplorerSettings } from "../src/explorer/_settings.ts";
import {
  boundaryPixels,
  GRID_SIZE,
  gridPoints,
  hiddenOutputs,
  neuronPixels,
} from "../src/explorer/_shading.ts";

// 267 points, a quarter held out: 200 training points.
const SETTINGS = resolveExplorerSettings({ hidden: [16, 16], n: 267, epochs: 5000 });

const data = twoMoons({ n: SETTINGS.n, noise: SETTINGS.noise, seed: 0 });
const { train: points, test } = trainTestSplit(data, { testFraction: 0.25, seed: 0 });
const model = mlp([2, 16, 16, 2], { activation: "leakyRelu", alpha: 0.01, seed: 0 });

Deno.bench(
  "train(): one epoch, 2-16-16-2 on 200 points",
  { group: "epoch", baseline: true },
  () => {
    train(model, points, { epochs: 1, batchSize: 10, learningRate: 0.03, seed: 0, test });
  },
);

const session = new ExplorerSession(SETTINGS);
const grid = gridPoints(domainOf(session.train, session.test));
const pixels = new Uint8ClampedArray(GRID_SIZE * GRID_SIZE * 4);

Deno.bench(
  "explorer: one epoch + the redraw's computations",
  { group: "epoch" },
  async () => {
    await session.step();
    boundaryPixels(session.model, grid, pixels);
    const outputs = hiddenOutputs(session.model);
    deadNeurons(session.model, session.train);
    outputs.forEach((layer) => {
      for (let j = 0; j < layer.cols; j++) neuronPixels(layer, j, pixels);
    });
    const history = session.history;
    epochChartSvg({
      title: "Loss",
      yLabel: "loss",
      epochs: SETTINGS.epochs,
      series: [
        { label: "training", values: history.map((r) => r.trainLoss), color: SERIES_COLORS[0] },
        { label: "test", values: history.map((r) => r.testLoss), color: SERIES_COLORS[1] },
      ],
    });
  },
);
