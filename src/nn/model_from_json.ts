/**
 * Rebuilds a {@linkcode Sequential} model from its JSON form.
 *
 * @module
 */

import { createActivation } from "../activations/mod.ts";
import { formatValue } from "../core/validate.ts";
import { ActivationLayer } from "./activation_layer.ts";
import { Conv2D } from "./conv2d_layer.ts";
import { Dense } from "./dense.ts";
import { Dropout } from "./dropout.ts";
import { readInteger } from "./_json.ts";
import type { Layer, LayerJSON } from "./layer.ts";
import { PReLU } from "./prelu_layer.ts";
import { RReLU } from "./rrelu_layer.ts";
import { Sequential, type SequentialJSON } from "./sequential.ts";

/**
 * Rebuilds a model from `model.toJSON()` (or its `JSON.stringify` text): weights, biases and
 * PReLU slopes come back bit for bit; dropout and RReLU layers restart their random streams
 * from their seeds. Activations are rebuilt with `createActivation(name, params)`. A format
 * version other than 1, or a layer with a missing or malformed field, throws.
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
export function modelFromJSON(json: SequentialJSON | string): Sequential {
  const action = "restore a model from JSON";
  const value: unknown = typeof json === "string" ? JSON.parse(json) : json;
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
  return new Sequential(value.layers.map((layer: LayerJSON) => layerFromJSON(layer)));
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
      return new ActivationLayer(
        createActivation(spec.name, spec.params as Record<string, number | string> | undefined),
        size,
      );
    }
  }
  throw new TypeError(
    `Cannot restore a layer from JSON as type must be one of "dense", "conv2d", "activation", "prelu", "rrelu", "dropout": type=${
      formatValue(json?.type)
    }`,
  );
}
