const N = 10_000_000;
const x = new Float64Array(N), g = new Float64Array(N), out = new Float64Array(N);
let s = 12345;
function rnd() { s = (s * 1103515245 + 12345) >>> 0; return s / 2 ** 32; }
for (let i = 0; i < N; i++) { x[i] = 2 * rnd() - 1; g[i] = 2 * rnd() - 1; }
const triple = Float64Array.of(0, NaN, 1);
const pair = Float64Array.of(0, 1);
function a(x: Float64Array, g: Float64Array, out: Float64Array, t: Float64Array) {
  for (let i = x.length - 1; i >= 0; i--) { const v = x[i]; out[i] = g[i] * t[+(v > 0) + +!(v <= 0)]; }
}
function blockSum(x: Float64Array, g: Float64Array, out: Float64Array, p: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let i = to - 1; i >= from; i--) { const v = x[i]; sum += v; out[i] = g[i] * p[+(v > 0)]; }
  return sum;
}
function b(x: Float64Array, g: Float64Array, out: Float64Array, p: Float64Array) {
  const n = x.length;
  for (let from = 0; from < n; from += 4096) {
    const to = Math.min(n, from + 4096);
    const sum = blockSum(x, g, out, p, from, to);
    if (sum !== sum) for (let i = from; i < to; i++) if (x[i] !== x[i]) out[i] = NaN;
  }
}
function c1(x: Float64Array, g: Float64Array, out: Float64Array, p: Float64Array): number {
  let sum = 0;
  for (let i = x.length - 1; i >= 0; i--) { const v = x[i]; sum += v; out[i] = g[i] * p[+(v > 0)]; }
  return sum;
}
function c(x: Float64Array, g: Float64Array, out: Float64Array, p: Float64Array) {
  const sum = c1(x, g, out, p);
  if (sum !== sum) for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) out[i] = NaN;
}
function d(x: Float64Array, g: Float64Array, out: Float64Array, p: Float64Array) {
  for (let i = x.length - 1; i >= 0; i--) { const v = x[i]; out[i] = g[i] * p[+(v > 0)]; }
}
const fs: Record<string, () => void> = {
  a: () => a(x, g, out, triple),
  b: () => b(x, g, out, pair),
  c: () => c(x, g, out, pair),
  d: () => d(x, g, out, pair),
};
const times: Record<string, number[]> = { copy: [] };
for (const k in fs) times[k] = [];
for (let r = 0; r < 21; r++) {
  let t = performance.now(); out.set(x); times.copy.push(performance.now() - t);
  for (const k in fs) { t = performance.now(); fs[k](); times[k].push(performance.now() - t); }
}
const med = (a: number[]) => a.sort((p, q) => p - q)[a.length >> 1];
const cc = med(times.copy);
for (const k in times) console.log(k, med(times[k]).toFixed(2), (cc / med(times[k])).toFixed(2));
