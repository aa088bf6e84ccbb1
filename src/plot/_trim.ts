/**
 * Cutting lines to a chart's domains, for the line charts (`plotLines`, `plotTrainingCurves`):
 * what lies outside a domain the caller gave is not drawn, rather than spilling over the title,
 * the legend or the output below (a clip path would need an id from a per-process counter, and
 * would halve a line lying on the edge).
 *
 * @module
 */

import { clampToDomain, withinDomain } from "./_compose.ts";

/** The domains `[min, max]` to cut to, and whether each axis is logarithmic. */
export interface TrimDomains {
  xDomain?: readonly [number, number];
  yDomain?: readonly [number, number];
  logX?: boolean;
  logY?: boolean;
}

/**
 * Cuts lines to the rectangle of an x and a y domain, so that no part of them is drawn outside
 * a chart with those domains. Each line (the points of one `series`, in order) is kept where it
 * lies inside; where it crosses an edge, a point on the edge is added (placed along a straight
 * segment in the scale's terms, the logarithm on a log scale), and a point with `y: NaN` breaks
 * the line where it leaves; a non-finite point breaks it too. The other fields of each point are
 * kept. A domain left out does not cut that axis; with neither, the points are returned as they
 * are.
 *
 * @param points The points of the lines, e.g. `{ x, y, series }` rows; finite values > 0 on a
 * log axis.
 * @param domains The domains `[min, max]` to cut to, and whether each axis is logarithmic.
 * @returns The points of the cut lines, line by line (in order of each line's first point).
 *
 * @example
 * ```ts
 * import { trimLines } from "./_trim.ts";
 * import assert from "node:assert/strict";
 *
 * const line = [{ x: 0, y: 0, series: "a" }, { x: 2, y: 2, series: "a" }];
 * assert.deepEqual(trimLines(line, { yDomain: [0, 1] }), [
 *   { x: 0, y: 0, series: "a" },
 *   { x: 1, y: 1, series: "a" },
 *   { x: 2, y: NaN, series: "a" }, // the break where the line leaves
 * ]);
 * ```
 */
export function trimLines<T extends { x: number; y: number; series: string }>(
  points: readonly T[],
  domains: TrimDomains,
): T[] {
  if (domains.xDomain === undefined && domains.yDomain === undefined) return [...points];
  const axes = {
    x: scaleAxis(domains.xDomain, domains.logX),
    y: scaleAxis(domains.yDomain, domains.logY),
  };
  const lines = new Map<string, T[]>();
  for (const point of points) {
    const line = lines.get(point.series) ?? [];
    line.push(point);
    lines.set(point.series, line);
  }
  return [...lines.values()].flatMap((line) => trimLine(line, axes));
}

/** An axis in the scale's terms: the transform, its inverse and the domain's bounds. */
interface ScaleAxis {
  to: (v: number) => number;
  from: (v: number) => number;
  lo: number;
  hi: number;
  domain?: readonly [number, number];
}

function scaleAxis(domain: readonly [number, number] | undefined, log = false): ScaleAxis {
  const to = log ? Math.log10 : (v: number) => v;
  return {
    to,
    from: log ? (v: number) => 10 ** v : (v: number) => v,
    lo: domain === undefined ? -Infinity : to(domain[0]),
    hi: domain === undefined ? Infinity : to(domain[1]),
    domain,
  };
}

/** One line cut to the axes' domains (see {@linkcode trimLines}). */
function trimLine<T extends { x: number; y: number }>(
  line: readonly T[],
  axes: { x: ScaleAxis; y: ScaleAxis },
): T[] {
  const out: T[] = [];
  const gap = (point: T) => {
    if (out.length > 0 && !Number.isNaN(out[out.length - 1].y)) out.push({ ...point, y: NaN });
  };
  const at = (a: T, b: T, t: number): T => {
    const [x, y] = (["x", "y"] as const).map((k) => {
      const { to, from, domain } = axes[k];
      const v = from(to(a[k]) + t * (to(b[k]) - to(a[k])));
      return clampToDomain(v, domain); // on the edge exactly, whatever the logarithms' rounding
    });
    return { ...a, x, y };
  };
  let previous: T | undefined;
  for (const point of line) {
    if (!Number.isFinite(point.x) || !Number.isFinite(point.y)) {
      gap(point);
      previous = undefined;
      continue;
    }
    if (previous === undefined) {
      if (withinDomain(point.x, axes.x.domain) && withinDomain(point.y, axes.y.domain)) {
        out.push(point);
      }
    } else {
      const cut = segmentInside(previous, point, axes);
      if (cut === undefined) gap(point);
      else {
        if (cut[0] > 0) {
          gap(point);
          out.push(at(previous, point, cut[0]));
        }
        out.push(cut[1] < 1 ? at(previous, point, cut[1]) : point);
        if (cut[1] < 1) gap(point);
      }
    }
    previous = point;
  }
  return out;
}

/**
 * The part `[t0, t1]` of the segment from `a` to `b` (0 at a, 1 at b) that lies within the
 * domains, in the scales' terms, or `undefined` when none does (Liang–Barsky).
 */
function segmentInside(
  a: { x: number; y: number },
  b: { x: number; y: number },
  axes: { x: ScaleAxis; y: ScaleAxis },
): [number, number] | undefined {
  let t0 = 0, t1 = 1;
  for (const k of ["x", "y"] as const) {
    const { to, lo, hi } = axes[k];
    const from = to(a[k]), delta = to(b[k]) - from;
    for (const [p, q] of [[-delta, from - lo], [delta, hi - from]]) {
      if (p === 0) {
        if (q < 0) return undefined;
        continue;
      }
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
    }
  }
  return t0 <= t1 ? [t0, t1] : undefined;
}
