/**
 * The built-in progress reporter: a live-updating display in the Deno Jupyter kernel, a
 * one-line progress bar on stderr in a terminal. Used only when `train` is asked for progress.
 *
 * @module
 */

import type { EpochRecord, ProgressReporter } from "./train.ts";

interface JupyterLike {
  display(
    obj: unknown,
    options?: { raw?: boolean; update?: boolean; display_id?: string },
  ): Promise<void>;
}

/** `Deno.jupyter` when running in the Deno Jupyter kernel, else undefined (reading it throws elsewhere). */
function jupyter(): JupyterLike | undefined {
  if (typeof Deno === "undefined" || !("jupyter" in Deno)) return undefined;
  try {
    return Deno.jupyter;
  } catch {
    return undefined;
  }
}

function percent(v: number | undefined): string {
  return v === undefined ? "" : `${(100 * v).toFixed(1)}%`;
}

/** The progress line for one epoch. */
export function progressLine(record: EpochRecord, epochs: number): string {
  const parts = [
    `epoch ${String(record.epoch).padStart(String(epochs).length)}/${epochs}`,
    `loss ${record.trainLoss.toPrecision(4)}`,
  ];
  if (record.testLoss !== undefined) parts.push(`test loss ${record.testLoss.toPrecision(4)}`);
  if (record.trainAccuracy !== undefined) parts.push(`acc ${percent(record.trainAccuracy)}`);
  if (record.testAccuracy !== undefined) parts.push(`test acc ${percent(record.testAccuracy)}`);
  if (record.deadFraction.length > 0) {
    parts.push(`dead ${record.deadFraction.map((f) => percent(f)).join(" ")}`);
  }
  return parts.join("  ");
}

let displayCount = 0;

/** Creates the default reporter for the current environment. */
export function defaultReporter(): ProgressReporter {
  const kernel = jupyter();
  if (kernel !== undefined) {
    const displayId = `relu-lab-train-${++displayCount}`;
    // Displays are chained so they reach the kernel in order even when a synchronous `train`
    // only lets them go after it returns; a failed display never stops training.
    let queue: Promise<void> = Promise.resolve();
    return (record, { epochs }) => {
      const line = progressLine(record, epochs);
      const html = `<div><progress value="${record.epoch}" max="${epochs}"></progress> <code>${
        line.replaceAll("&", "&amp;").replaceAll("<", "&lt;")
      }</code></div>`;
      const bundle = { "text/plain": line, "text/html": html };
      const options = { raw: true, display_id: displayId, update: record.epoch > 1 };
      queue = queue.then(() => kernel.display(bundle, options)).catch(() => {});
      return queue;
    };
  }
  const encoder = new TextEncoder();
  return (record, { epochs }) => {
    if (typeof Deno === "undefined") return;
    const width = 20, filled = Math.round(width * record.epoch / epochs);
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
    const end = record.epoch === epochs ? "\n" : "";
    Deno.stderr.writeSync(encoder.encode(`\r${bar} ${progressLine(record, epochs)}${end}`));
  };
}
