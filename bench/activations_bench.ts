/**
 * Throughput of the activation kernels against a plain copy, measured in the same run.
 *
 * Run: `deno run bench/activations_bench.ts [--rounds=N]` (no permissions needed) for the table
 * with the targets, medians of N interleaved rounds (default 21), which the README quotes.
 * `deno bench bench/activations_bench.ts` (or `deno task bench`) runs the same kernels as deno
 * bench groups, without the targets or the ActivationLayer rows.
 *
 * Each kernel reads and writes 10^7 elements of random sign (seeded, half negative in random
 * order, so a branch on the sign is unpredictable). The baseline of each group is
 * `dst.set(src)`, the cheapest pass that also reads one array and writes another; deno bench
 * prints how many times slower each kernel is than it. The figure quoted in the README is the
 * throughput ratio copy_time / kernel_time (1 = as fast as a copy). Targets:
 *
 * | kernel                                   | target ratio |
 * | ---------------------------------------- | ------------ |
 * | Float64 ReLU forward                     | >= 0.65      |
 * | Float64 ReLU fused backward (g * f'(x))  | >= 0.6       |
 * | Float64 Leaky ReLU forward               | >= 0.6       |
 * | Float32 ReLU forward                     | >= 0.45      |
 *
 * The "small" group runs the same kernels the way a training loop does: on 2,048 elements (a
 * batch of 32 rows of 64 neurons), called 4,883 times, and compares each with itself on the
 * long array (baseline: that row). Target: at least 0.67, i.e. at most 1.5 times the time per
 * element, so the per-call cost (argument checks, dispatch) stays small; a line after the table
 * gives that cost directly, from calls on one element (see `ONE_ELEMENT_CALLS`). These are warm,
 * steady-state figures: the V8 tiering trap described in `src/activations/_piecewise_linear.ts`
 * slowed the first 10^4 or so calls of a process, which `bench/train_bench.ts` shows as the
 * time of its first (cold) training run.
 *
 * The "in an ActivationLayer" rows guard against V8's tiering trap: see `layerPathTimes` below.
 * Run as a script only (`deno run bench/activations_bench.ts`): they must run first in a fresh
 * process.
 *
 * Two ceiling rows, without targets, show how far any JavaScript kernel can go here: the
 * plainest loop that reads two arrays and writes one (the fused backward's traffic), and a
 * plain float32 copy loop (one element per pass, as every float32 kernel in JavaScript runs).
 * The float32 ReLU forward runs in WebAssembly with 128-bit SIMD (four elements per
 * instruction, `src/activations/_relu32_wasm.ts`), so it can pass the second. Its target is
 * 0.45, not the 0.5 it held on the machine where it was written (0.57 to 0.68): on a second
 * machine of the same kind (an AMD EPYC with AVX-512) it gave 0.39 to 0.43 in six runs, and
 * 0.475 to 0.540 in six runs once its chunks stopped aliasing the arrays modulo 4 KiB (the
 * JavaScript loop: 0.34 to 0.44).
 *
 * For contrast, without targets: a naive branchy ReLU written in the bench (an `if` per
 * element, the first thing one writes), and sigmoid and tanh forward, whose cost the
 * notebooks compare with ReLU's.
 *
 * @module
 */

import { ActivationLayer, createActivation, createPrng } from "../src/mod.ts";
import { parseCount, runBench } from "./_args.ts";
import { median } from "./_table.ts";

/** Elements per array. */
const N = 10_000_000;
/** Seed of the input data. */
const SEED = 2026;

const prng = createPrng(SEED);
const x64 = new Float64Array(N);
for (let i = 0; i < N; i++) x64[i] = 2 * prng() - 1;
const gradOut64 = new Float64Array(N);
for (let i = 0; i < N; i++) gradOut64[i] = 2 * prng() - 1;
const out64 = new Float64Array(N);
const x32 = Float32Array.from(x64);
const out32 = new Float32Array(N);

/** A layer's batch (32 rows of 64 neurons), and as many calls as make 10^7 elements. */
const SMALL = 2048;
const CALLS = Math.round(N / SMALL);
const xSmall = x64.slice(0, SMALL), gradSmall = gradOut64.slice(0, SMALL);
const outSmall = new Float64Array(SMALL);

/**
 * The small-array rows compare each kernel with itself on the long array, per element: they
 * must reach 2/3 of its throughput (take at most 1.5 times as long).
 */
const SMALL_TARGET = 0.67;

// Each small-array run calls the public method CALLS times from a loop of its own, as user
// code does.
function reluForwardCalls(): void {
  for (let c = 0; c < CALLS; c++) relu.forward(xSmall, outSmall);
}
function reluBackwardCalls(): void {
  for (let c = 0; c < CALLS; c++) relu.backward(xSmall, gradSmall, outSmall);
}
function leakyForwardCalls(): void {
  for (let c = 0; c < CALLS; c++) leakyRelu.forward(xSmall, outSmall);
}
function leakyBackwardCalls(): void {
  for (let c = 0; c < CALLS; c++) leakyRelu.backward(xSmall, gradSmall, outSmall);
}

/**
 * What the small-array rows cannot see: their baseline, the long array, streams from memory while
 * 2,048 elements sit in the L1 cache, so a kernel that ran faster in the cache could hide a
 * per-call cost behind the cache's gain. So the script also times each public method on a
 * 1-element array, whose time is nearly all the per-call work (argument checks, dispatch), and
 * prints it as a share of a 2,048-element call (the small rows' median over `CALLS`).
 */
const ONE_ELEMENT_CALLS = 200_000;
const xOne = x64.slice(0, 1), gradOne = gradOut64.slice(0, 1), outOne = new Float64Array(1);
// Each its own loop, as the small rows' are: one call site per method.
const ONE_ELEMENT_RUNS: readonly (readonly [string, () => void])[] = [
  ["relu forward", () => {
    for (let c = 0; c < ONE_ELEMENT_CALLS; c++) relu.forward(xOne, outOne);
  }],
  ["relu backward", () => {
    for (let c = 0; c < ONE_ELEMENT_CALLS; c++) relu.backward(xOne, gradOne, outOne);
  }],
  ["leakyRelu forward", () => {
    for (let c = 0; c < ONE_ELEMENT_CALLS; c++) leakyRelu.forward(xOne, outOne);
  }],
  ["leakyRelu backward", () => {
    for (let c = 0; c < ONE_ELEMENT_CALLS; c++) leakyRelu.backward(xOne, gradOne, outOne);
  }],
];

const relu = createActivation("relu");
const leakyRelu = createActivation("leakyRelu", { alpha: 0.01 });
const sigmoid = createActivation("sigmoid");
const tanh = createActivation("tanh");

/**
 * The ceilings, for reading the targets: a fused backward reads two arrays and writes one, so
 * it cannot beat the plainest loop that does the same (`out = g * x`, no comparison); a float32
 * kernel in JavaScript runs one element per loop pass, so it cannot beat a plain loop copying
 * the bits (the float32 ReLU forward, in WebAssembly SIMD, is not bound by it). Both run as
 * `dst.set(src)` cannot: one element at a time.
 */
function plainProduct(x: Float64Array, g: Float64Array, out: Float64Array): Float64Array {
  for (let i = x.length - 1; i >= 0; i--) out[i] = g[i] * x[i];
  return out;
}
function plainCopy32(x: Float32Array, out: Float32Array): Float32Array {
  const from = new Int32Array(x.buffer, x.byteOffset, x.length);
  const to = new Int32Array(out.buffer, out.byteOffset, out.length);
  for (let i = from.length - 1; i >= 0; i--) to[i] = from[i];
  return out;
}

/** The first ReLU one writes: a branch per element, unpredictable on random signs. */
function naiveRelu(x: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) {
    if (x[i] > 0) out[i] = x[i];
    else out[i] = 0;
  }
  return out;
}

// Every kernel is checked on every element before it is timed, so a fast wrong kernel (one that
// skips a chunk, say) cannot pass. The outputs are filled with NaN first: an element the kernel
// leaves alone fails the check.
function check(name: string, got: ArrayLike<number>, want: (i: number) => number): void {
  for (let i = 0; i < N; i++) {
    const expected = want(i);
    if (!(Math.abs(got[i] - expected) <= 1e-6 * Math.max(1, Math.abs(expected)))) {
      throw new Error(`${name} is wrong at ${i}: got ${got[i]}, expected ${expected}`);
    }
  }
}
check("relu f64", relu.forward(x64, out64.fill(NaN)), (i) => Math.max(0, x64[i]));
check(
  "relu backward f64",
  relu.backward(x64, gradOut64, out64.fill(NaN)),
  (i) => x64[i] > 0 ? gradOut64[i] : 0,
);
check(
  "leakyRelu f64",
  leakyRelu.forward(x64, out64.fill(NaN)),
  (i) => x64[i] > 0 ? x64[i] : 0.01 * x64[i],
);
check("relu f32", relu.forward(x32, out32.fill(NaN)), (i) => Math.max(0, x32[i]));
check("naive relu", naiveRelu(x64, out64.fill(NaN)), (i) => Math.max(0, x64[i]));
check("plain product", plainProduct(x64, gradOut64, out64.fill(NaN)), (i) => gradOut64[i] * x64[i]);
check("plain copy f32", plainCopy32(x32, out32.fill(NaN)), (i) => x32[i]);
check("sigmoid f64", sigmoid.forward(x64, out64.fill(NaN)), (i) => 1 / (1 + Math.exp(-x64[i])));
check("tanh f64", tanh.forward(x64, out64.fill(NaN)), (i) => Math.tanh(x64[i]));

/**
 * One timed kernel. Its baseline is its group's copy, or the kernel named by `versus`; `target`
 * is the ratio baseline_time / kernel_time it must reach.
 */
interface Kernel {
  group: "float64" | "float32" | "small";
  name: string;
  run: () => unknown;
  baseline?: boolean;
  versus?: string;
  target?: number;
}

const KERNELS: Kernel[] = [
  { group: "float64", name: "f64 copy (dst.set(src))", run: () => out64.set(x64), baseline: true },
  { group: "float64", name: "f64 relu forward", run: () => relu.forward(x64, out64), target: 0.65 },
  {
    group: "float64",
    name: "f64 relu backward (gradOut * f')",
    run: () => relu.backward(x64, gradOut64, out64),
    target: 0.6,
  },
  {
    group: "float64",
    name: "f64 leakyRelu forward (alpha 0.01)",
    run: () => leakyRelu.forward(x64, out64),
    target: 0.6,
  },
  {
    group: "float64",
    name: "f64 leakyRelu backward",
    run: () => leakyRelu.backward(x64, gradOut64, out64),
  },
  {
    group: "float64",
    name: "f64 plain loop out = g * x (backward ceiling)",
    run: () => plainProduct(x64, gradOut64, out64),
  },
  { group: "float64", name: "f64 naive relu (if per element)", run: () => naiveRelu(x64, out64) },
  { group: "float64", name: "f64 sigmoid forward", run: () => sigmoid.forward(x64, out64) },
  { group: "float64", name: "f64 tanh forward", run: () => tanh.forward(x64, out64) },
  { group: "float32", name: "f32 copy (dst.set(src))", run: () => out32.set(x32), baseline: true },
  { group: "float32", name: "f32 relu forward", run: () => relu.forward(x32, out32), target: 0.45 },
  {
    group: "float32",
    name: "f32 plain copy loop (JavaScript ceiling)",
    run: () => plainCopy32(x32, out32),
  },
  ...([
    ["relu forward", reluForwardCalls, "f64 relu forward"],
    ["relu backward", reluBackwardCalls, "f64 relu backward (gradOut * f')"],
    ["leakyRelu forward", leakyForwardCalls, "f64 leakyRelu forward (alpha 0.01)"],
    ["leakyRelu backward", leakyBackwardCalls, "f64 leakyRelu backward"],
  ] as const).map(([kernel, run, versus]): Kernel => ({
    group: "small",
    name: `f64 ${kernel}, ${SMALL} x ${CALLS} calls`,
    run,
    versus,
    target: SMALL_TARGET,
  })),
];

// Under `deno bench`: one bench per kernel, grouped, each after 10 warm-up passes (so the first,
// unoptimised passes stay out of the figures), 40 timed passes.
for (const k of KERNELS) {
  Deno.bench({
    name: k.name,
    group: k.group,
    baseline: k.baseline ?? false,
    warmup: 10,
    n: 40,
    fn: () => void k.run(),
  });
}

/**
 * The guard against V8's tiering trap (see `src/activations/_piecewise_linear.ts`): a kernel that
 * V8's mid tier (Maglev) inlines into its caller runs 5-40 times slower until that caller
 * reaches the top tier, which for a layer called once per training step can take a whole
 * training run. Run first in a fresh process, before anything else has warmed the layers, this
 * calls ReLU through an `ActivationLayer` the way `train()` does (a 200 x 64 batch per call,
 * the digits benchmark's shape) and times calls 1,001 to 3,000, per element; the table compares
 * that with the same kernel on the long array. Target >= 0.4: with the trap (a forward kernel of
 * 62 bytes of bytecode, which Maglev inlines) this row measured 0.10; without it 0.65-0.8, the
 * rest being the layer's per-call work in the process's first calls.
 */
const LAYER_ROWS = 200, LAYER_WARMUP_CALLS = 1000, LAYER_TIMED_CALLS = 2000;
const LAYER_TARGET = 0.4;
function layerPathTimes(): { forward: number; backward: number } {
  const layer = new ActivationLayer(relu, 64);
  const z = { rows: LAYER_ROWS, cols: 64, data: x64.subarray(0, LAYER_ROWS * 64) };
  const g = { rows: LAYER_ROWS, cols: 64, data: gradOut64.subarray(0, LAYER_ROWS * 64) };
  const timeCalls = (call: () => unknown): number => {
    for (let c = 0; c < LAYER_WARMUP_CALLS; c++) call();
    const start = performance.now();
    for (let c = 0; c < LAYER_TIMED_CALLS; c++) call();
    return performance.now() - start;
  };
  const forward = timeCalls(() => layer.forward(z));
  const backward = timeCalls(() => layer.backward(g));
  // As milliseconds for 10^7 elements, comparable with the long-array rows.
  const scale = N / (LAYER_TIMED_CALLS * LAYER_ROWS * 64);
  return { forward: forward * scale, backward: backward * scale };
}

/**
 * As a script: rounds in which every kernel runs once (interleaved, so machine noise hits all
 * alike), then the median time of each and the ratio copy_median / kernel_median, with targets.
 * The ratio is printed to three decimals so that a printed ratio never seems to meet a target
 * it misses (0.395 printed as 0.40 next to FAIL).
 */
function runAsScript(rounds: number): void {
  const layerPath = layerPathTimes(); // first: before any warm-up
  const medians = interleavedMedians(KERNELS.map((k) => k.run), rounds, 5);
  const rows = KERNELS.map((k, i) => {
    const base = k.versus === undefined
      ? KERNELS.findIndex((b) => b.group === k.group && b.baseline)
      : KERNELS.findIndex((b) => b.name === k.versus);
    if (base < 0) throw new Error(`${k.name} has no baseline row`);
    const ratio = medians[base] / medians[i];
    return [
      k.name,
      `${medians[i].toFixed(2)} ms`,
      `${medians[base].toFixed(2)} ms`,
      ratio.toFixed(3),
      k.target === undefined ? "(none)" : `>= ${k.target}`,
      k.target === undefined
        ? (k.baseline ? "baseline" : "info")
        : ratio >= k.target
        ? "pass"
        : "FAIL",
    ];
  });
  for (
    const [direction, time] of [["forward", layerPath.forward], [
      "backward",
      layerPath.backward,
    ]] as const
  ) {
    const versus = direction === "forward"
      ? "f64 relu forward"
      : "f64 relu backward (gradOut * f')";
    const base = medians[KERNELS.findIndex((b) => b.name === versus)];
    const ratio = base / time;
    rows.push([
      `f64 relu ${direction} in an ActivationLayer, ${LAYER_ROWS} x 64, calls ${
        LAYER_WARMUP_CALLS + 1
      }-${LAYER_WARMUP_CALLS + LAYER_TIMED_CALLS} of the process`,
      `${time.toFixed(2)} ms`,
      `${base.toFixed(2)} ms`,
      ratio.toFixed(3),
      `>= ${LAYER_TARGET}`,
      ratio >= LAYER_TARGET ? "pass" : "FAIL",
    ]);
  }
  const header = ["kernel (10^7 elements)", "median", "baseline", "ratio", "target", "result"];
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => row[c].length)));
  const line = (row: string[]) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(" | ")} |`;
  console.log(`relu-lab activation kernels, median of ${rounds} interleaved rounds`);
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
  console.log(perCallLine(rounds, (kernel) => {
    const i = KERNELS.findIndex((k) => k.group === "small" && k.name.startsWith(`f64 ${kernel},`));
    return medians[i] / CALLS;
  }));
}

/**
 * Each run's median time in ms over `rounds` rounds in which every run runs once, in turn (so
 * machine noise hits all alike), after `warmups` untimed runs of each.
 */
function interleavedMedians(runs: readonly (() => unknown)[], rounds: number, warmups: number) {
  for (const run of runs) for (let i = 0; i < warmups; i++) run();
  const times = runs.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    runs.forEach((run, i) => {
      const start = performance.now();
      run();
      times[i].push(performance.now() - start);
    });
  }
  return times.map(median);
}

/**
 * The per-call cost line: each method on a 1-element array, median of `rounds` interleaved
 * rounds of `ONE_ELEMENT_CALLS` calls, in ns a call and as a share of `smallCallMs(kernel)`.
 */
function perCallLine(rounds: number, smallCallMs: (kernel: string) => number): string {
  const medians = interleavedMedians(ONE_ELEMENT_RUNS.map(([, run]) => run), rounds, 1);
  const parts = ONE_ELEMENT_RUNS.map(([kernel], i) => {
    const ms = medians[i] / ONE_ELEMENT_CALLS;
    const share = (100 * ms / smallCallMs(kernel)).toFixed(1);
    return `${kernel} ${(ms * 1e6).toFixed(0)} ns (${share}%)`;
  });
  return `per-call cost, 1-element calls (median of ${rounds} rounds; share of a ${SMALL}-element ` +
    `call): ${parts.join(", ")}`;
}

if (import.meta.main) await runBench(() => runAsScript(parseCount("rounds", 21)));
