/**
 * Private: the check `new DiagnosticsReport(fields)` runs on findings made by hand, so that a
 * missing or wrongly typed field, or dead-neuron entries that do not pair with the activation
 * layers, is refused when the report is made instead of crashing or printing nonsense (an
 * accuracy of 200%) when it is shown.
 *
 * Loss, means, standard deviations and gradient norms may be NaN or infinite: `diagnose` reports
 * them so for a model that diverged.
 *
 * @module
 */

import {
  formatValue,
  type OptionKeys,
  requireNumber,
  requireNumberType,
  requireOptions,
} from "../core/validate.ts";
import type { DiagnosticsReport } from "./diagnose.ts";

const ACTION = "create a DiagnosticsReport";

/** The fields a report has, each required (`accuracy` may be `undefined`). */
const FIELD_KEYS: OptionKeys<ConstructorParameters<typeof DiagnosticsReport>[0]> = {
  loss: "number",
  accuracy: "number",
  activations: true,
  dead: true,
  gradients: true,
};

/** Throws a TypeError or RangeError saying what is wrong unless `fields` are a report's findings. */
export function requireReportFields(fields: unknown): void {
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
    throw new TypeError(
      `Cannot ${ACTION} as fields must be an object { ${
        Object.keys(FIELD_KEYS).join(", ")
      } } (diagnose makes one): fields=${formatValue(fields)}`,
    );
  }
  // Unknown keys (a typo would drop the field it meant) and null values.
  requireOptions(ACTION, fields, FIELD_KEYS, "fields");
  const record = fields as Record<string, unknown>;
  requireNumberType(ACTION, "fields.loss", record.loss);
  if (record.accuracy !== undefined) {
    requireNumber(ACTION, "fields.accuracy", record.accuracy, { min: 0, max: 1 });
  }
  const activations = entries("activations", "ActivationStatistics", record.activations);
  const dead = entries("dead", "DeadNeurons", record.dead);
  const gradients = entries("gradients", "LayerGradientNorm", record.gradients);
  if (dead.length !== activations.length) {
    throw new RangeError(
      `Cannot ${ACTION} as fields.dead must have one entry per entry of fields.activations (${activations.length}): fields.dead.length=${dead.length}`,
    );
  }
  activations.forEach((a, i) => {
    const name = `fields.activations[${i}]`;
    layerFields(name, a);
    requireNumber(ACTION, `${name}.size`, a.size, { integer: true, min: 0 });
    requireNumberType(ACTION, `${name}.mean`, a.mean);
    requireNumberType(ACTION, `${name}.std`, a.std);
    requireNumber(ACTION, `${name}.sparsity`, a.sparsity, { min: 0, max: 1 });
    requireNumber(ACTION, `${name}.deadFraction`, a.deadFraction, { min: 0, max: 1 });
  });
  dead.forEach((d, i) => {
    const name = `fields.dead[${i}]`, a = activations[i];
    layerFields(name, d);
    for (const key of ["layerIndex", "size"] as const) {
      if (d[key] !== a[key]) {
        throw new RangeError(
          `Cannot ${ACTION} as ${name}.${key} must be fields.activations[${i}].${key} (${
            formatValue(a[key])
          }), the layer it pairs with: ${name}.${key}=${formatValue(d[key])}`,
        );
      }
    }
    if (!Array.isArray(d.dead)) {
      throw new TypeError(
        `Cannot ${ACTION} as ${name}.dead must be an array of neuron indices: ${name}.dead=${
          formatValue(d.dead)
        }`,
      );
    }
    d.dead.forEach((index: unknown, j: number) =>
      requireNumber(ACTION, `${name}.dead[${j}]`, index, {
        integer: true,
        min: 0,
        max: (a.size as number) - 1,
      })
    );
    requireNumber(ACTION, `${name}.deadFraction`, d.deadFraction, { min: 0, max: 1 });
    if (d.canRecover !== undefined && typeof d.canRecover !== "boolean") {
      throw new TypeError(
        `Cannot ${ACTION} as ${name}.canRecover must be true, false or undefined: ${name}.canRecover=${
          formatValue(d.canRecover)
        }`,
      );
    }
  });
  gradients.forEach((g, i) => {
    const name = `fields.gradients[${i}]`;
    layerFields(name, g);
    for (const key of ["weights", "biases", "total"]) {
      requireNumberType(ACTION, `${name}.${key}`, g[key]);
    }
  });
}

/** The entries of `fields[key]`, each an object, or a TypeError naming what they should be. */
function entries(key: string, what: string, value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) {
    throw new TypeError(
      `Cannot ${ACTION} as fields.${key} must be an array of ${what} entries: fields.${key}=${
        formatValue(value)
      }`,
    );
  }
  value.forEach((entry, i) => {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      throw new TypeError(
        `Cannot ${ACTION} as fields.${key}[${i}] must be a ${what} object: fields.${key}[${i}]=${
          formatValue(entry)
        }`,
      );
    }
  });
  return value;
}

/** Checks the fields every entry has: the layer's index and description. */
function layerFields(name: string, entry: Record<string, unknown>): void {
  requireNumber(ACTION, `${name}.layerIndex`, entry.layerIndex, { integer: true, min: 0 });
  if (typeof entry.layer !== "string") {
    throw new TypeError(
      `Cannot ${ACTION} as ${name}.layer must be a string (the layer's description): ${name}.layer=${
        formatValue(entry.layer)
      }`,
    );
  }
}
