/**
 * The sequential model: layers applied one after another, with a readable summary and an
 * exact JSON form.
 *
 * @module
 */

import { refuseTrailing, requireFlag } from "../core/_require.ts";
import type { Matrix } from "../core/matrix.ts";
import { formatValue, type OptionKeys, requireOptions } from "../core/validate.ts";
import {
  EVALUATION,
  requireForwardOptions,
  SKIP_INPUT_GRADIENT,
  SKIP_ZERO_INPUTS,
  TRAINING,
} from "./_check.ts";
import { ActivationLayer } from "./activation_layer.ts";
import { Dropout } from "./dropout.ts";
import type { BackwardOptions, ForwardOptions, Layer, Parameter } from "./layer.ts";

const SEQUENTIAL_BACKWARD_KEYS: OptionKeys<Pick<BackwardOptions, "skipInputGradient">> = {
  skipInputGradient: true,
};

/** The JSON form of a {@linkcode Sequential} model. */
export interface SequentialJSON {
  /** Always `"relu-lab/sequential"`. */
  readonly format: "relu-lab/sequential";
  /** Format version, 1. */
  readonly version: 1;
  /** The layers' JSON forms, in order. */
  readonly layers: ReturnType<Layer["toJSON"]>[];
}

/**
 * A model made of layers applied in order. `forward` and `backward` run the layers;
 * `params()` lists every parameter with a qualified name (`"0.weights"`, `"3.alpha"`).
 *
 * It prints as a summary (layers, output shapes, parameter counts) in `console.log` and
 * Deno's inspector, and its weights, biases and PReLU slopes round-trip bit for bit through
 * `toJSON()` / {@linkcode modelFromJSON} (dropout and RReLU layers restart their random streams
 * from their seeds).
 *
 * @example
 * ```ts
 * import { Dense, fromRows, Sequential } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = new Sequential([new Dense(2, 3, { seed: 1 }), new Dense(3, 1, { seed: 2 })]);
 * assert.equal(model.parameterCount, 2 * 3 + 3 + 3 * 1 + 1);
 * assert.equal(model.predict(fromRows([[1, 2]])).cols, 1);
 * assert.match(model.summary(), /Dense\(2 → 3\)/);
 * ```
 */
export class Sequential {
  /** The layers, in order. */
  readonly layers: readonly Layer[];
  #params: Parameter[];
  #skipZeroInputs: boolean[];

  /**
   * Creates a model, checking that each layer's input size matches the previous output size.
   *
   * Each position needs a layer object of its own: a layer keeps its last input for its
   * backward pass (and a Dense layer its gradients), so one object at two positions would
   * backpropagate the second call's values through both. Create another layer, e.g.
   * `new ActivationLayer(createActivation("relu"), 64)` for each ReLU.
   *
   * @param layers At least one layer, no object twice.
   */
  constructor(layers: readonly Layer[]);
  constructor(layers: readonly Layer[], extra?: unknown) {
    const action = "create a Sequential model";
    refuseTrailing(action, "Sequential", "layers alone", "second", extra);
    if (!Array.isArray(layers)) {
      throw new TypeError(
        `Cannot ${action} as layers must be an array: layers=${formatValue(layers)}`,
      );
    }
    if (layers.length === 0) {
      throw new RangeError(`Cannot ${action} as layers must not be empty: layers.length=0`);
    }
    for (let i = 0; i < layers.length; i++) {
      const layer: unknown = layers[i];
      if (!isLayer(layer)) {
        throw new TypeError(
          `Cannot ${action} as layer ${i} must be a layer (an object with forward, backward, params and describe): layer ${i}=${
            formatValue(layer)
          }`,
        );
      }
      const first = layers.indexOf(layer);
      if (first !== i) {
        throw new RangeError(
          `Cannot ${action} as layer ${i} is the same object as layer ${first}, ${layer.describe()}: a layer keeps its last input for its backward pass, so each position needs a layer of its own`,
        );
      }
    }
    for (let i = 1; i < layers.length; i++) {
      if (layers[i].inputSize !== layers[i - 1].outputSize) {
        throw new RangeError(
          `Cannot ${action} as layer ${i} must take the ${
            layers[i - 1].outputSize
          } outputs of layer ${i - 1}: ${layers[i - 1].describe()} then ${layers[i].describe()}`,
        );
      }
    }
    this.layers = [...layers];
    this.#skipZeroInputs = layers.map((_, i) => reluBelow(layers, i));
    this.#params = [];
    for (let i = 0; i < layers.length; i++) {
      for (const p of layers[i].params()) this.#params.push({ ...p, name: `${i}.${p.name}` });
    }
  }

  /** Number of input columns. */
  get inputSize(): number {
    return this.layers[0].inputSize;
  }

  /** Number of output columns. */
  get outputSize(): number {
    return this.layers[this.layers.length - 1].outputSize;
  }

  /** Total number of trainable values. */
  get parameterCount(): number {
    let count = 0;
    for (const p of this.#params) count += p.value.length;
    return count;
  }

  /**
   * Runs every layer in order.
   *
   * @param x The input, `N x inputSize`.
   * @param options `training` (default false): dropout and RReLU behave as in training. An
   *   unknown key (a typo such as `train`) or a `training` that is not a boolean throws a
   *   `TypeError`.
   * @returns The output, `N x outputSize` (a buffer owned by the last layer: copy to keep).
   */
  forward(x: Matrix, options?: ForwardOptions): Matrix;
  forward(x: Matrix, options?: ForwardOptions, extra?: unknown): Matrix {
    const action = "run a Sequential model";
    refuseTrailing(action, "forward", "x and options", "third", extra);
    // The layers get the options checked, as the frozen objects they recognise.
    const checked = requireForwardOptions(action, options) ? TRAINING : EVALUATION;
    let h = x;
    for (let i = 0; i < this.layers.length; i++) h = this.layers[i].forward(h, checked);
    return h;
  }

  /**
   * Runs every layer's backward pass in reverse order, accumulating parameter gradients.
   * A layer just above a ReLU (possibly through dropout) is told it may skip the gradient of
   * zero inputs, which the ReLU discards anyway.
   *
   * With `skipInputGradient` the first layer may skip dLoss/dInput (the training loop does
   * not use it): a Dense layer first then returns a matrix of zeros, the other layers (Conv2D,
   * an activation) their gradient as usual. Either way, do not read it.
   *
   * @param gradOut dLoss/dOutput for the last forward call.
   * @param options `skipInputGradient` (default false).
   * @returns dLoss/dInput.
   */
  backward(gradOut: Matrix, options?: Pick<BackwardOptions, "skipInputGradient">): Matrix;
  backward(
    gradOut: Matrix,
    options?: Pick<BackwardOptions, "skipInputGradient">,
    extra?: unknown,
  ): Matrix {
    const action = "backpropagate through a Sequential model";
    refuseTrailing(action, "backward", "gradOut and options", "third", extra);
    let skip = options === SKIP_INPUT_GRADIENT;
    if (!skip && options !== undefined) {
      const { skipInputGradient } = requireOptions(action, options, SEQUENTIAL_BACKWARD_KEYS);
      skip = requireFlag(action, "skipInputGradient", skipInputGradient);
    }
    let g = gradOut;
    for (let i = this.layers.length - 1; i >= 1; i--) {
      g = this.layers[i].backward(g, this.#skipZeroInputs[i] ? SKIP_ZERO_INPUTS : undefined);
    }
    return this.layers[0].backward(g, skip ? SKIP_INPUT_GRADIENT : undefined);
  }

  /**
   * Every parameter, named `"<layer index>.<name>"`, sharing the layers' arrays.
   *
   * @returns The parameter list (the same array on every call).
   */
  params(): Parameter[] {
    return this.#params;
  }

  /** Sets every accumulated gradient to zero. */
  zeroGrad(): void {
    for (const p of this.#params) p.grad.fill(0);
  }

  /**
   * Predicts in evaluation mode (no dropout, mean RReLU slopes).
   *
   * @param x The input, `N x inputSize`.
   * @returns A new matrix holding the outputs.
   */
  predict(x: Matrix): Matrix;
  predict(x: Matrix, extra?: unknown): Matrix {
    refuseTrailing("predict with a Sequential model", "predict", "x alone", "second", extra);
    const y = this.forward(x, { training: false });
    return { rows: y.rows, cols: y.cols, data: y.data.slice() };
  }

  /**
   * A text summary: one line per layer with its output shape and parameter count.
   *
   * @returns The summary.
   */
  summary(): string;
  summary(extra?: unknown): string {
    refuseTrailing("summarize a Sequential model", "summary", "no arguments", "first", extra);
    const rows = this.layers.map((layer, i) => {
      let count = 0;
      for (const p of layer.params()) count += p.value.length;
      return [String(i), layer.describe(), `N×${layer.outputSize}`, count.toLocaleString("en-US")];
    });
    const header = ["#", "layer", "output", "params"];
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
    const line = (r: string[]) =>
      `  ${r[0].padStart(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${
        r[3].padStart(widths[3])
      }`;
    return [
      `Sequential(${this.inputSize} → ${this.outputSize}), ${
        this.parameterCount.toLocaleString("en-US")
      } parameters`,
      line(header),
      ...rows.map(line),
    ].join("\n");
  }

  /**
   * The summary, for `String(model)`.
   *
   * @returns The summary.
   */
  toString(): string {
    return this.summary();
  }

  /**
   * The JSON form: every layer's JSON form, weights as exact base64 float64. It takes no
   * options: an argument other than the key `JSON.stringify` passes (a string) throws a
   * `TypeError`.
   *
   * @returns The JSON object.
   */
  toJSON(): SequentialJSON;
  toJSON(key?: unknown): SequentialJSON {
    // JSON.stringify passes the key the model sits under (a string): anything else is refused.
    if (typeof key !== "string") {
      refuseTrailing(
        "write a Sequential model as JSON",
        "toJSON",
        "no argument but the key JSON.stringify passes",
        "first",
        key,
      );
    }
    return {
      format: "relu-lab/sequential",
      version: 1,
      layers: this.layers.map((layer) => layer.toJSON()),
    };
  }

  /**
   * Deno's inspector form (`console.log(model)`): the summary.
   *
   * @returns The summary.
   */
  [Symbol.for("Deno.customInspect")](): string {
    return this.summary();
  }
}

/** Whether `value` has the methods and sizes of a {@linkcode Layer}. */
function isLayer(value: unknown): value is Layer {
  if (typeof value !== "object" || value === null) return false;
  const layer = value as Partial<Layer>;
  return typeof layer.forward === "function" && typeof layer.backward === "function" &&
    typeof layer.params === "function" && typeof layer.describe === "function" &&
    typeof layer.inputSize === "number" && typeof layer.outputSize === "number";
}

/** Whether the layers below `index` (through dropout) end in a ReLU-like activation layer. */
function reluBelow(layers: readonly Layer[], index: number): boolean {
  for (let below = index - 1; below >= 0; below--) {
    const layer = layers[below];
    if (layer instanceof Dropout) continue;
    return layer instanceof ActivationLayer && layer.gradientZeroWhereOutputZero;
  }
  return false;
}
