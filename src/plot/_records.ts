/**
 * The checks of epoch records, shared by the figures that draw training histories
 * (`plotTrainingCurves`, `historyView`): a record they cannot place (no finite epoch), whose
 * fractions lie outside [0, 1], or whose epoch does not follow the one before would otherwise be
 * drawn as an empty chart, a line far off it, or two runs' records drawn as one line.
 *
 * @module
 */

import { formatValue, requireNumber, requireNumberType } from "../core/validate.ts";
import { rangeError } from "./_compose.ts";
import type { EpochMetrics } from "./plot_training_curves.ts";

/**
 * Throws unless `record` is an epoch record: an object with a finite `epoch`, accuracies in
 * [0, 1] where present (left out or NaN when there are none, as in a regression run) and
 * `deadFraction`, where present, an array of fractions in [0, 1]. Losses must be numbers where
 * present, but any number: a diverged run's are NaN or infinite, and they are drawn as such (a
 * string or `null` would be left out of the chart yet printed in a view's text).
 *
 * @param action What was being attempted, e.g. `"plot training curves"`.
 * @param name The record's name in messages, e.g. `"history[3]"`.
 * @param record The value received.
 */
export function requireEpochRecord(
  action: string,
  name: string,
  record: unknown,
): asserts record is EpochMetrics {
  if (record === null || typeof record !== "object") {
    throw new TypeError(
      `Cannot ${action} as ${name} must be an epoch record { epoch, trainLoss, ... }: ${name}=${
        formatValue(record)
      }`,
    );
  }
  const r = record as Partial<Record<keyof EpochMetrics, unknown>>;
  requireNumber(action, `${name}.epoch`, r.epoch);
  for (const key of ["trainLoss", "testLoss"] as const) {
    if (r[key] !== undefined) requireNumberType(action, `${name}.${key}`, r[key]);
  }
  for (const key of ["trainAccuracy", "testAccuracy"] as const) {
    const value = r[key];
    if (value === undefined || Number.isNaN(value)) continue;
    requireNumber(action, `${name}.${key}`, value, { min: 0, max: 1 });
  }
  const dead = r.deadFraction;
  if (dead === undefined) return;
  if (!Array.isArray(dead)) {
    throw new TypeError(
      `Cannot ${action} as ${name}.deadFraction must be an array of fractions in [0, 1], one per activation layer: ${name}.deadFraction=${
        formatValue(dead)
      }`,
    );
  }
  for (let l = 0; l < dead.length; l++) {
    requireNumber(action, `${name}.deadFraction[${l}]`, dead[l], { min: 0, max: 1 });
  }
}

/**
 * Throws unless `history` holds the records of one run: each an epoch record (see
 * {@linkcode requireEpochRecord}), each epoch greater than the one before. A repeated or earlier
 * epoch is another run's record (another seed's), which would be drawn into this run's line.
 *
 * @param action What was being attempted, e.g. `"display a training history"`.
 * @param name The history's name in messages, e.g. `"history"`.
 * @param history The records, an array.
 * @param hint Appended to the rule, e.g. where several runs go instead.
 */
export function requireRunRecords(
  action: string,
  name: string,
  history: readonly unknown[],
  hint = "",
): asserts history is readonly EpochMetrics[] {
  // An index loop, not forEach: a hole in the array is a missing record, not one to skip.
  for (let i = 0; i < history.length; i++) {
    const record = history[i];
    requireEpochRecord(action, `${name}[${i}]`, record);
    const before = i > 0 ? (history[i - 1] as EpochMetrics).epoch : -Infinity;
    if (!(record.epoch > before)) {
      rangeError(
        action,
        `${name}[${i}].epoch`,
        `greater than the epoch before it (${before}): one history is one run, its epochs increasing${hint}`,
        record.epoch,
      );
    }
  }
}
