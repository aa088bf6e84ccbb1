/**
 * Private: the check `new DiagnosticsReport(fields)` runs on findings made by hand, so that a
 * missing or wrongly typed field, dead-neuron entries that do not pair with the activation
 * layers, or dead fractions that disagree with the dead neurons listed, is refused when the
 * report is made instead of crashing or printing nonsense (an accuracy of 200%, or a text table
 * and a chart that count different dead neurons) when it is shown.
 *
 * Loss, means, standard deviations and gradient norms may be NaN or infinite: `diagnose` reports
 * them so for a model that diverged (a standard deviation or a norm below 0 is refused).
 *
 * @module
 */

import { firstRepeat } from "../core/_require.ts";
import {
  formatValue,
  type OptionKeys,
  requireNumber,
  requireNumberType,
  requireOptions,
} from "../core/validate.ts";
import type { ActivationStatistics } from "./activation_statistics.ts";
import type { DeadNeurons } from "./dead_neurons.ts";
import type { DiagnosticsReport } from "./diagnose.ts";
import type { LayerGradientNorm } from "./gradient_norms.ts";

const ACTION = "create a DiagnosticsReport";

/** The fields a report has, each required (`accuracy` may be `undefined`). */
const FIELD_KEYS: OptionKeys<ConstructorParameters<typeof DiagnosticsReport>[0]> = {
  loss: "number",
  accuracy: "number",
  activations: true,
  dead: true,
  gradients: true,
};

/** The keys of each kind of entry, all required (`canRecover` may be `undefined`). */
const ENTRY_KEYS: {
  activations: OptionKeys<ActivationStatistics>;
  dead: OptionKeys<DeadNeurons>;
  gradients: OptionKeys<LayerGradientNorm>;
} = {
  activations: {
    layerIndex: "number",
    layer: true,
    size: "number",
    mean: "number",
    std: "number",
    sparsity: "number",
    deadFraction: "number",
  },
  dead: {
    layerIndex: "number",
    layer: true,
    size: "number",
    dead: true,
    deadFraction: "number",
    canRecover: true,
  },
  gradients: {
    layerIndex: "number",
    layer: true,
    weights: "number",
    biases: "number",
    total: "number",
  },
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
    inModelOrder("activations", activations, i);
    requireNumber(ACTION, `${name}.size`, a.size, { integer: true, min: 0 });
    requireNumberType(ACTION, `${name}.mean`, a.mean);
    requireMagnitude(`${name}.std`, a.std);
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
    // A neuron listed twice would be counted twice in the text's "dead" column.
    const repeat = firstRepeat(d.dead);
    if (repeat !== undefined) {
      const [j, earlier] = repeat;
      throw new RangeError(
        `Cannot ${ACTION} as ${name}.dead must list each dead neuron of layer ${
          describe(a)
        } once (${name}.dead[${earlier}] is the same): ${name}.dead[${j}]=${
          formatValue(d.dead[j])
        }`,
      );
    }
    // Ascending, as deadNeurons lists them: the report prints them in the order given.
    const listed = d.dead as number[];
    const unsorted = listed.findIndex((index, j) => j > 0 && index < listed[j - 1]);
    if (unsorted !== -1) {
      throw new RangeError(
        `Cannot ${ACTION} as ${name}.dead must list the dead neurons of layer ${
          describe(a)
        } in ascending order (${name}.dead[${unsorted - 1}] is ${
          formatValue(listed[unsorted - 1])
        }): ${name}.dead[${unsorted}]=${formatValue(listed[unsorted])}`,
      );
    }
    requireNumber(ACTION, `${name}.deadFraction`, d.deadFraction, { min: 0, max: 1 });
    // The text table counts the neurons listed (dead.length/size), the rich view draws the
    // fractions: both must tell the same finding. (A layer of no neurons has none dead.)
    const size = a.size as number;
    const share = size === 0 ? 0 : d.dead.length / size;
    const fractions = [
      [`${name}.deadFraction`, d.deadFraction],
      [`fields.activations[${i}].deadFraction`, a.deadFraction],
    ] as const;
    for (const [fraction, value] of fractions) {
      if (value !== share) {
        throw new RangeError(
          `Cannot ${ACTION} as ${fraction} must be the share of layer ${
            describe(a)
          } that ${name}.dead lists as dead (${d.dead.length}/${size} = ${
            formatValue(share)
          }): ${fraction}=${formatValue(value)}`,
        );
      }
    }
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
    inModelOrder("gradients", gradients, i);
    for (const key of ["weights", "biases", "total"]) requireMagnitude(`${name}.${key}`, g[key]);
  });
}

/** The entries of `fields[key]`, each an object, or a TypeError naming what they should be. */
function entries(
  key: keyof typeof ENTRY_KEYS,
  what: string,
  value: unknown,
): Record<string, unknown>[] {
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
    // Unknown keys (a typo would drop the field it meant, and the report would show the rest).
    requireOptions(
      ACTION,
      entry as object,
      ENTRY_KEYS[key] as OptionKeys<object>,
      `fields.${key}[${i}]`,
    );
  });
  return value;
}

/**
 * A standard deviation or a norm: a number not below 0, or NaN or +Infinity, as `diagnose`
 * reports them for a model that diverged.
 */
function requireMagnitude(name: string, value: unknown): void {
  requireNumberType(ACTION, name, value);
  if ((value as number) < 0) {
    throw new RangeError(
      `Cannot ${ACTION} as ${name} must be >= 0 (or NaN or Infinity, for a model that diverged): ${name}=${
        formatValue(value)
      }`,
    );
  }
}

/**
 * Refuses an entry whose layer does not come after the previous entry's in the model: a layer
 * listed twice, or out of order, would be printed so.
 */
function inModelOrder(key: string, list: Record<string, unknown>[], i: number): void {
  if (i === 0 || (list[i].layerIndex as number) > (list[i - 1].layerIndex as number)) return;
  throw new RangeError(
    `Cannot ${ACTION} as fields.${key} must list each layer once, in model order (fields.${key}[${
      i - 1
    }].layerIndex is ${formatValue(list[i - 1].layerIndex)}): fields.${key}[${i}].layerIndex=${
      formatValue(list[i].layerIndex)
    }`,
  );
}

/** A layer in messages: its index in the model and its description, e.g. `#1 (ReLU)`. */
function describe(entry: Record<string, unknown>): string {
  return `#${entry.layerIndex} (${entry.layer})`;
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
