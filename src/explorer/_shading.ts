/**
 * The pixels of the boundary view and of the neuron maps: the model evaluated on a grid over
 * the domain, turned into RGBA rows (top row first) that a canvas shows as they are and the
 * kernel encodes as PNG.
 *
 * @module
 */

import { type Matrix, matrix } from "../core/matrix.ts";
import { isActivationLayer } from "../nn/layer.ts";
import type { Sequential } from "../nn/sequential.ts";
import { CLASS_RGB, type Domain } from "./_charts.ts";

/** Grid points per side of the boundary shading. */
export const GRID_SIZE = 50;

/**
 * The centres of a `size` × `size` grid over the domain, one row per point, top row (largest
 * y) first, left to right: pixel (i, j) is row `i * size + j`.
 */
export function gridPoints(domain: Domain, size = GRID_SIZE): Matrix {
  const points = matrix(size * size, 2);
  const dx = (domain.x1 - domain.x0) / size, dy = (domain.y1 - domain.y0) / size;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const row = i * size + j;
      points.data[2 * row] = domain.x0 + (j + 0.5) * dx;
      points.data[2 * row + 1] = domain.y1 - (i + 0.5) * dy;
    }
  }
  return points;
}

/** How strongly a confident prediction tints the background (0: white, 1: the class colour). */
const TINT = 0.55;

/**
 * The grey of a point where the model's output is not a number (NaN, as after a diverged
 * update): never black, which a NaN colour would otherwise become in a `Uint8ClampedArray`.
 */
export const NO_NUMBER_RGB: readonly number[] = [0x9a, 0xa0, 0xa6];

/** Writes pixel `p` of `out`: opaque, colour `rgb` tinted by `t` (0: white, 1: `rgb`). */
function paint(out: Uint8ClampedArray, p: number, rgb: readonly number[], t: number): void {
  out[4 * p] = 255 + (rgb[0] - 255) * t;
  out[4 * p + 1] = 255 + (rgb[1] - 255) * t;
  out[4 * p + 2] = 255 + (rgb[2] - 255) * t;
  out[4 * p + 3] = 255;
}

/**
 * Evaluates the model on `grid` and writes one RGBA pixel per point into `out`: white where
 * both classes are equally likely, tinted towards the likelier class's colour as the model
 * grows confident, {@linkcode NO_NUMBER_RGB} where the logits give no probability (NaN).
 * Afterwards each hidden activation layer holds the grid's outputs (`lastOutput`), which
 * {@linkcode neuronPixels} reads.
 */
export function boundaryPixels(model: Sequential, grid: Matrix, out: Uint8ClampedArray): void {
  const logits = model.forward(grid, { training: false });
  const l = logits.data;
  for (let p = 0; p < grid.rows; p++) {
    // P(class 1) of a two-class softmax.
    const p1 = 1 / (1 + Math.exp(l[2 * p] - l[2 * p + 1]));
    if (Number.isNaN(p1)) paint(out, p, NO_NUMBER_RGB, 1);
    else paint(out, p, CLASS_RGB[p1 >= 0.5 ? 1 : 0], Math.abs(2 * p1 - 1) * TINT);
  }
}

/** The outputs of every hidden activation layer on the last forward pass (e.g. over the grid). */
export function hiddenOutputs(model: Sequential): Matrix[] {
  const outputs: Matrix[] = [];
  for (const layer of model.layers) {
    if (isActivationLayer(layer) && layer.lastOutput !== undefined) outputs.push(layer.lastOutput);
  }
  return outputs;
}

const POSITIVE = [0x42, 0x69, 0xd0], NEGATIVE = [0xe8, 0x59, 0x0c];

/**
 * One neuron's outputs over the grid as RGBA pixels: 0 white, positive values blue and
 * negative ones orange, scaled by the neuron's largest finite absolute output over the grid
 * (±Infinity at full colour), NaN in {@linkcode NO_NUMBER_RGB}.
 */
export function neuronPixels(outputs: Matrix, neuron: number, out: Uint8ClampedArray): void {
  const { rows, cols, data } = outputs;
  let largest = 0;
  for (let p = 0; p < rows; p++) {
    const size = Math.abs(data[p * cols + neuron]);
    if (size > largest && size !== Infinity) largest = size; // NaN > largest is false
  }
  const k = largest > 0 ? 1 / largest : 0;
  for (let p = 0; p < rows; p++) {
    const value = data[p * cols + neuron];
    if (Number.isNaN(value)) {
      paint(out, p, NO_NUMBER_RGB, 1);
      continue;
    }
    const v = Number.isFinite(value) ? value * k : Math.sign(value);
    paint(out, p, v >= 0 ? POSITIVE : NEGATIVE, Math.min(1, Math.abs(v)) * 0.85);
  }
}
