// The explorer's pixels: the grid it evaluates the model on, the boundary's tint by the
// model's confidence, and a neuron's map. The expected colours follow the documented rule:
// a colour c tinted by t in [0, 1] is 255 - (255 - c)·t per channel (0: white, 1: c itself).

import assert from "node:assert/strict";
import { fromRows, type Matrix } from "../../src/core/matrix.ts";
import { isActivationLayer } from "../../src/nn/layer.ts";
import { mlp } from "../../src/nn/mod.ts";
import type { Sequential } from "../../src/nn/sequential.ts";
import { CLASS_RGB } from "../../src/explorer/_charts.ts";
import {
  boundaryPixels,
  gridPoints,
  hiddenOutputs,
  neuronPixels,
  NO_NUMBER_RGB,
} from "../../src/explorer/_shading.ts";

/** An opaque RGBA pixel of colour `rgb` tinted by `t`, as a canvas stores it. */
function tinted(rgb: readonly number[], t: number): number[] {
  return [...Uint8ClampedArray.from(rgb, (c) => 255 - (255 - c) * t), 255];
}

/** The pixels as one [r, g, b, a] array each. */
function pixels(out: Uint8ClampedArray): number[][] {
  return Array.from({ length: out.length / 4 }, (_, p) => [...out.subarray(4 * p, 4 * p + 4)]);
}

Deno.test("gridPoints() gives the cell centres row by row, the top row (largest y) first", () => {
  const grid = gridPoints({ x0: 0, x1: 4, y0: -1, y1: 1 }, 2);
  assert.equal(grid.rows, 4);
  assert.equal(grid.cols, 2);
  // Cells 2 wide and 1 high: centres at x = 1, 3 and y = 0.5, -0.5.
  assert.deepEqual([...grid.data], [1, 0.5, 3, 0.5, 1, -0.5, 3, -0.5]);
  const fine = gridPoints({ x0: -2, x1: 2, y0: 0, y1: 3 }, 3);
  // Centre j at x0 + (j + 0.5) · (4 / 3), in that order of operations.
  const xs = [0, 1, 2].map((j) => -2 + (j + 0.5) * (4 / 3));
  assert.deepEqual([...fine.data.subarray(0, 6)], [xs[0], 2.5, xs[1], 2.5, xs[2], 2.5]);
  assert.deepEqual([...fine.data.subarray(12)], [xs[0], 0.5, xs[1], 0.5, xs[2], 0.5]);
});

/** A stand-in model that returns the given logits and records how it was called. */
function fixedLogits(logits: number[][]): { model: Sequential; calls: unknown[] } {
  const calls: unknown[] = [];
  const model = {
    forward(_x: Matrix, options: unknown) {
      calls.push(options);
      return fromRows(logits);
    },
  } as unknown as Sequential;
  return { model, calls };
}

Deno.test("boundaryPixels() tints each point towards its likelier class by the model's confidence", () => {
  const { model, calls } = fixedLogits([
    [0, 0], // p(class 1) = 1/2: white
    [0, Math.log(3)], // p = 3/4: class 1, halfway to the full tint
    [Math.log(3), 0], // p = 1/4: class 0, halfway
    [0, 800], // p = 1: class 1, the full tint of 0.55
    [800, 0], // p = 0: class 0, the full tint
  ]);
  const out = new Uint8ClampedArray(5 * 4);
  boundaryPixels(model, fromRows([[0, 0], [0, 0], [0, 0], [0, 0], [0, 0]]), out);
  assert.deepEqual(pixels(out), [
    [255, 255, 255, 255],
    tinted(CLASS_RGB[1], 0.55 / 2),
    tinted(CLASS_RGB[0], 0.55 / 2),
    tinted(CLASS_RGB[1], 0.55),
    tinted(CLASS_RGB[0], 0.55),
  ]);
  assert.deepEqual(calls, [{ training: false }], "one forward pass, in evaluation mode");
});

Deno.test("neuronPixels() maps one neuron's outputs from orange through white to blue", () => {
  const blue = [0x42, 0x69, 0xd0], orange = [0xe8, 0x59, 0x0c];
  // Two neurons; the second's largest output in size is -4, so -4 takes the full 0.85.
  const outputs = fromRows([[9, 2], [9, 0], [9, -4], [9, 1]]);
  const out = new Uint8ClampedArray(4 * 4);
  neuronPixels(outputs, 1, out);
  assert.deepEqual(pixels(out), [
    tinted(blue, 0.85 / 2),
    [255, 255, 255, 255],
    tinted(orange, 0.85),
    tinted(blue, 0.85 / 4),
  ]);
  // A neuron that is 0 everywhere is white everywhere, not NaN.
  neuronPixels(fromRows([[0], [0]]), 0, out);
  assert.deepEqual(pixels(out).slice(0, 2), [[255, 255, 255, 255], [255, 255, 255, 255]]);
});

Deno.test("hiddenOutputs() gives each activation layer's outputs from the last forward pass", () => {
  const model = mlp([2, 3, 4, 2], { seed: 1 });
  assert.deepEqual(hiddenOutputs(model), [], "nothing before a forward pass");
  const x = fromRows([[1, 2], [3, -4], [0, 0]]);
  model.forward(x, { training: false });
  const outputs = hiddenOutputs(model);
  assert.deepEqual(outputs.map((o) => [o.rows, o.cols]), [[3, 3], [3, 4]]);
  // The activation layers' own outputs, in order (layers 1 and 3; 0, 2 and 4 are Dense).
  const [first, second] = [model.layers[1], model.layers[3]];
  assert.ok(isActivationLayer(first) && isActivationLayer(second));
  assert.equal(outputs[0], first.lastOutput);
  assert.equal(outputs[1], second.lastOutput);
  assert.ok(outputs.every((o) => o.data.every((v) => v >= 0)), "ReLU outputs are >= 0");
});

Deno.test("boundaryPixels() paints a point without a probability grey, never black", () => {
  const { model } = fixedLogits([
    [NaN, 0], // a diverged model's logit
    [Infinity, Infinity], // Infinity − Infinity: no probability either
    [Infinity, 0], // p(class 1) = 0: class 0 at the full tint
    [0, 0],
  ]);
  const out = new Uint8ClampedArray(4 * 4);
  boundaryPixels(model, fromRows([[0, 0], [0, 0], [0, 0], [0, 0]]), out);
  assert.deepEqual(pixels(out), [
    [...NO_NUMBER_RGB, 255],
    [...NO_NUMBER_RGB, 255],
    tinted(CLASS_RGB[0], 0.55),
    [255, 255, 255, 255],
  ]);
  assert.notDeepEqual(NO_NUMBER_RGB, [0, 0, 0], "the grey is no black");
});

Deno.test("neuronPixels() paints NaN grey and ±Infinity at full colour", () => {
  const blue = [0x42, 0x69, 0xd0], orange = [0xe8, 0x59, 0x0c];
  const outputs = fromRows([[NaN], [Infinity], [-Infinity], [2], [-1], [0]]);
  const out = new Uint8ClampedArray(6 * 4);
  neuronPixels(outputs, 0, out);
  assert.deepEqual(pixels(out), [
    [...NO_NUMBER_RGB, 255],
    tinted(blue, 0.85),
    tinted(orange, 0.85),
    tinted(blue, 0.85), // 2 is the largest finite size
    tinted(orange, 0.85 / 2),
    [255, 255, 255, 255],
  ]);
});
