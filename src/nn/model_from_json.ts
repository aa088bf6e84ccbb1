/**
 * Rebuilds a {@linkcode Sequential} model from its JSON form.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";
import { ACTIVATION_OPTIONS, createActivation } from "../activations/mod.ts";
import { formatValue } from "../core/validate.ts";
import { ActivationLayer } from "./activation_layer.ts";
import { Conv2D } from "./conv2d_layer.ts";
import { Dense } from "./dense.ts";
import { Dropout } from "./dropout.ts";
import { readInteger, withKnownKeys } from "./_json.ts";
import type { Layer, LayerJSON } from "./layer.ts";
import { PReLU } from "./prelu_layer.ts";
import { RReLU } from "./rrelu_layer.ts";
import { Sequential, type SequentialJSON } from "./sequential.ts";

/**
 * Rebuilds a model from `model.toJSON()` (or its `JSON.stringify` text): weights, biases and
 * PReLU slopes come back bit for bit; dropout and RReLU layers restart their random streams
 * from their seeds. Activations are rebuilt with `createActivation(name, params)`. A format
 * version other than 1 throws, and so does a layer with a missing or malformed field (every
 * field the layer's `toJSON` writes is required, each activation parameter included) or a
 * field it does not write (a `stride` on a Conv2D layer would be dropped), the message naming
 * the layer's index and the field. Non-finite weights, biases and slopes are kept as saved,
 * bit for bit: a model saved after it diverged restores as it was.
 *
 * @param json The JSON object, or its text.
 * @returns The model.
 *
 * @example
 * ```ts
 * import { mlp, modelFromJSON } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * const model = mlp([2, 4, 1], { seed: 1 });
 * const copy = modelFromJSON(JSON.stringify(model));
 * assert.deepEqual(copy.toJSON(), model.toJSON());
 * ```
 */
export function modelFromJSON(json: SequentialJSON | string): Sequential;
export function modelFromJSON(
  json: SequentialJSON | string,
  extra?: unknown,
  array?: unknown,
): Sequential {
  const action = "restore a model from JSON";
  refuseTrailing(action, "modelFromJSON", "json alone", "second", extra, json, array);
  const value: unknown = typeof json === "string" ? parseText(action, json) : json;
  if (
    typeof value !== "object" || value === null || !("format" in value) ||
    value.format !== "relu-lab/sequential" || !("layers" in value) || !Array.isArray(value.layers)
  ) {
    throw new TypeError(
      `Cannot ${action} as it must be the output of Sequential.toJSON() (format "relu-lab/sequential"): format=${
        typeof value === "object" && value !== null && "format" in value
          ? formatValue(value.format)
          : "undefined"
      }`,
    );
  }
  const version = (value as { version?: unknown }).version;
  if (version !== 1) {
    throw new RangeError(
      `Cannot ${action} as version must be 1, the one format version this library reads: version=${
        formatValue(version)
      }`,
    );
  }
  return new Sequential(
    value.layers.map((layer: LayerJSON, index: number) => {
      try {
        return layerFromJSON(layer);
      } catch (error) {
        throw atLayer(error, index, layer);
      }
    }),
  );
}

/**
 * `error`, thrown restoring layer `index`, restated to name that layer: "Cannot restore a
 * Dropout layer as rate must …" becomes "Cannot restore layer 2 ("dropout") of the model as
 * rate must …". Errors of other kinds or forms pass unchanged.
 */
function atLayer(error: unknown, index: number, json: LayerJSON): unknown {
  if (!(error instanceof TypeError || error instanceof RangeError)) return error;
  const match = /^Cannot .+? as /.exec(error.message);
  if (match === null) return error;
  const Kind = error instanceof TypeError ? TypeError : RangeError;
  return new Kind(
    `Cannot restore layer ${index} (${formatValue(json?.type)}) of the model as ${
      error.message.slice(match[0].length)
    }`,
    { cause: error },
  );
}

function layerFromJSON(json: LayerJSON): Layer {
  switch (json?.type) {
    case "dense":
      return Dense.fromJSON(json);
    case "conv2d":
      return Conv2D.fromJSON(json);
    case "prelu":
      return PReLU.fromJSON(json);
    case "rrelu":
      return RReLU.fromJSON(json);
    case "dropout":
      return Dropout.fromJSON(json);
    case "activation": {
      const action = "restore an activation layer";
      const spec = json.activation as { name?: unknown; params?: unknown } | null | undefined;
      if (typeof spec !== "object" || spec === null || typeof spec.name !== "string") {
        throw new TypeError(
          `Cannot ${action} as activation must be an object { name, params }: activation=${
            formatValue(spec)
          }`,
        );
      }
      const size = readInteger(action, json, "size", 1);
      const params = spec.params as Record<string, unknown> | null | undefined;
      if (typeof params !== "object" || params === null || Array.isArray(params)) {
        throw new TypeError(
          `Cannot ${action} as activation.params must be an object: activation.params=${
            formatValue(params)
          }`,
        );
      }
      // toJSON writes every parameter: one missing would silently take its default.
      // (An unknown name is createActivation's to refuse.)
      const keys: readonly string[] | undefined = Object.hasOwn(ACTIVATION_OPTIONS, spec.name)
        ? ACTIVATION_OPTIONS[spec.name as keyof typeof ACTIVATION_OPTIONS]
        : undefined;
      const missing = keys?.find((key) => params[key] === undefined);
      if (missing !== undefined) {
        throw new TypeError(
          `Cannot ${action} as activation.params must give every parameter of ${spec.name} (${
            keys!.join(", ")
          }): activation.params.${missing}=undefined`,
        );
      }
      const layer = new ActivationLayer(createActivation(spec.name, params), size);
      return withKnownKeys(action, json, layer);
    }
  }
  throw new TypeError(
    `Cannot restore a layer from JSON as type must be one of "dense", "conv2d", "activation", "prelu", "rrelu", "dropout": type=${
      formatValue(json?.type)
    }`,
  );
}

/**
 * `JSON.parse(text)`, its SyntaxError (a truncated or damaged file) made a RangeError in
 * `action`'s name (the text is a string, but not one of the JSON texts), with its message.
 */
function parseText(action: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new RangeError(
      `Cannot ${action} as json must be JSON text (a damaged or truncated file?): ${error.message}; json=${
        formatValue(text)
      }`,
      { cause: error },
    );
  }
}
