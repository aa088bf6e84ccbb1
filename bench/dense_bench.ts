/**
 * Where the time of a dense layer goes, against this machine's ceiling, measured in the same
 * run: how close the WebAssembly products come to the most multiply-adds per second that 128-bit
 * SIMD without fused multiply-add can give, and what the copies around them cost.
 *
 * Run (from the repository root; no permission needed):
 *
 * ```sh
 * deno run bench/dense_bench.ts [--repetitions=11]
 * ```
 *
 * Rows, for the two networks the other benches train (the moons network's 64x64 layer at batch
 * 32, and the digits network's first layer at batch 200; inputs and output gradients with half
 * of their entries zero at random places, as after a ReLU):
 *
 * - **peak**: a loop of f64x2 multiplies and adds on registers only (eight independent
 *   accumulators, no memory access), assembled here with `wabt`. No kernel that adds products
 *   one at a time without a fused multiply-add can do more multiply-adds per second.
 * - **products**: the three products of `src/nn/_wasm/dense.wat` (forward `x W + b`, weight
 *   gradient `xᵀ g`, input gradient `g Wᵀ`) on operands already in WebAssembly memory. GMAC/s
 *   counts the multiply-adds done (zero entries are skipped); the ratio is to the peak.
 * - **layer calls**: `Dense.forward` and `Dense.backward` as a model calls them, including the
 *   copies of the operands into and out of WebAssembly memory and the transpose of `W`; the
 *   ratio is the share of the call spent in the products.
 *
 * A second table splits a training step of the moons network of `bench/train_bench.ts`
 * (2-64-64-2 ReLU, batch 32, softmax cross-entropy, SGD) into the parts `train()` runs, each
 * called through the public API and timed on its own: zeroing the gradients, each layer's forward
 * pass, the loss and its gradient, each layer's backward pass, the gradient norms `train()`
 * records, the SGD step (a backward row runs its layer's forward pass first, whose time is taken
 * off). Then the same parts run in turn as one step; the evaluation pass `train()` runs after each
 * epoch (the loss and the dead neurons on the 1,000 training points); and, to check that the parts
 * account for `train()`'s time, `train()`'s own epochs (the median of its records' `seconds`)
 * against 32 steps in turn plus the evaluation.
 *
 * Every time is the median of `--repetitions` interleaved rounds (default 11). No targets: the
 * rows explain the targets of `bench/train_bench.ts` and `bench/digits_bench.ts`.
 *
 * @module
 */

import {
  createPrng,
  Dense,
  gradNorm,
  type Matrix,
  mlp,
  resolveLoss,
  scanActivations,
  sgd,
  train,
  twoMoons,
} from "../src/mod.ts";
import { bytes, type DenseWasmExports, instantiateDenseModule } from "../src/nn/_gemm.ts";
import { assemble } from "../src/nn/_wasm/assemble.ts";
import { parseRepetitions, runBench } from "./_args.ts";
import { median, printTable, type Row } from "./_table.ts";

/** The layers measured: batch rows, inputs, outputs, and calls per timed sample. */
const SHAPES = [
  { name: "moons 64x64 layer, batch 32", rows: 32, nIn: 64, nOut: 64, calls: 2000 },
  { name: "digits 64x64 layer, batch 200", rows: 200, nIn: 64, nOut: 64, calls: 300 },
] as const;

/** Share of zero entries in x and in the output gradient. */
const ZERO_SHARE = 0.5;

/** Iterations of the peak loop per timed sample (16 multiply-adds each). */
const PEAK_TURNS = 2_000_000;

const PEAK_WAT = `(module
  (func (export "peak") (param $n i32) (result f64)
    (local $s v128) (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local $c0 v128) (local $c1 v128) (local $c2 v128) (local $c3 v128)
    (local $c4 v128) (local $c5 v128) (local $c6 v128) (local $c7 v128)
    (local.set $s (v128.const f64x2 0.999 0.999))
    (local.set $b0 (v128.const f64x2 1e-9 1e-9)) (local.set $b1 (v128.const f64x2 2e-9 2e-9))
    (local.set $b2 (v128.const f64x2 3e-9 3e-9)) (local.set $b3 (v128.const f64x2 4e-9 4e-9))
    (loop $turn
      (local.set $c0 (f64x2.add (local.get $c0) (f64x2.mul (local.get $s) (local.get $b0))))
      (local.set $c1 (f64x2.add (local.get $c1) (f64x2.mul (local.get $s) (local.get $b1))))
      (local.set $c2 (f64x2.add (local.get $c2) (f64x2.mul (local.get $s) (local.get $b2))))
      (local.set $c3 (f64x2.add (local.get $c3) (f64x2.mul (local.get $s) (local.get $b3))))
      (local.set $c4 (f64x2.add (local.get $c4) (f64x2.mul (local.get $s) (local.get $b0))))
      (local.set $c5 (f64x2.add (local.get $c5) (f64x2.mul (local.get $s) (local.get $b1))))
      (local.set $c6 (f64x2.add (local.get $c6) (f64x2.mul (local.get $s) (local.get $b2))))
      (local.set $c7 (f64x2.add (local.get $c7) (f64x2.mul (local.get $s) (local.get $b3))))
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $turn (local.get $n)))
    (f64x2.extract_lane 0 (f64x2.add
      (f64x2.add (f64x2.add (local.get $c0) (local.get $c1)) (f64x2.add (local.get $c2) (local.get $c3)))
      (f64x2.add (f64x2.add (local.get $c4) (local.get $c5)) (f64x2.add (local.get $c6) (local.get $c7)))))))`;

/** The register-only loop, compiled. */
async function peakLoop(): Promise<(turns: number) => number> {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(await assemble(PEAK_WAT)));
  return instance.exports.peak as (turns: number) => number;
}

/** `n` values in [-1, 1), a share `zeros` of them set to zero at random places. */
function sparse(n: number, zeros: number, seed: number): Float64Array {
  const prng = createPrng(seed);
  return Float64Array.from({ length: n }, () => (prng() < zeros ? 0 : 2 * prng() - 1));
}

function nonZero(values: Float64Array): number {
  let count = 0;
  for (const v of values) count += +(v !== 0);
  return count;
}

/** One timed row: a function running `calls` calls, and its multiply-adds per call. */
interface Timed {
  label: string;
  run: () => void;
  calls: number;
  macs: number;
  /** The rows timing, on resident operands, the products this row's calls run. */
  products?: readonly Timed[];
  /** A row whose work this row's calls also run, and whose time is taken off. */
  includes?: Timed;
}

/** The products on resident operands and the layer calls for one shape. */
function shapeRows(shape: (typeof SHAPES)[number], seed: number): Timed[] {
  const { rows, nIn, nOut, calls } = shape;
  const x = sparse(rows * nIn, ZERO_SHARE, seed);
  const g = sparse(rows * nOut, ZERO_SHARE, seed + 1);
  const layer = new Dense(nIn, nOut, { seed });
  const xMatrix: Matrix = { rows, cols: nIn, data: x };
  const gMatrix: Matrix = { rows, cols: nOut, data: g };

  const instance = instantiateDenseModule();
  if (instance === undefined) throw new Error("this engine has no WebAssembly SIMD");
  const { memory, axpyRows, transpose } = instance.exports as unknown as DenseWasmExports;
  const W = 0, WT = W + bytes(nIn * nOut), GW = WT + bytes(nIn * nOut);
  const B = GW + bytes(nIn * nOut), ZERO = B + bytes(nOut), X = ZERO + bytes(nIn);
  const G = X + bytes(rows * nIn), Y = G + bytes(rows * nOut), GX = Y + bytes(rows * nOut);
  const S = GX + bytes(rows * nIn), end = S + 32 * Math.max(rows, nIn, nOut);
  memory.grow(Math.ceil(Math.max(0, end - memory.buffer.byteLength) / 65536));
  const heap = new Float64Array(memory.buffer);
  heap.set(layer.weights, W / 8);
  transpose(nIn, nOut, W, WT);
  heap.set(x, X / 8);
  heap.set(g, G / 8);

  const nzX = nonZero(x), nzG = nonZero(g);
  const repeat = (body: () => void) => () => {
    for (let c = 0; c < calls; c++) body();
  };
  const tag = (what: string) => `${shape.name}: ${what}`;
  const forward: Timed = {
    label: tag("product x W + b"),
    run: repeat(() => axpyRows(rows, nIn, nOut, X, nIn * 8, 8, W, B, 0, Y, S, 0)),
    calls,
    macs: nzX * nOut,
  };
  const weightGradient: Timed = {
    label: tag("product gW += xᵀ g"),
    run: repeat(() => axpyRows(nIn, rows, nOut, X, 8, nIn * 8, G, GW, nOut * 8, GW, S, 0)),
    calls,
    macs: nzX * nOut,
  };
  const inputGradient: Timed = {
    label: tag("product gx = g Wᵀ"),
    run: repeat(() => axpyRows(rows, nOut, nIn, G, nOut * 8, 8, WT, ZERO, 0, GX, S, 0)),
    calls,
    macs: nzG * nIn,
  };
  return [forward, weightGradient, inputGradient, {
    label: tag("Dense.forward"),
    run: repeat(() => layer.forward(xMatrix)),
    calls,
    macs: forward.macs,
    products: [forward],
  }, {
    label: tag("Dense.forward + Dense.backward"),
    run: repeat(() => {
      layer.forward(xMatrix);
      layer.backward(gMatrix);
    }),
    calls,
    // The bias gradient's column sums are not counted.
    macs: forward.macs + weightGradient.macs + inputGradient.macs,
    products: [forward, weightGradient, inputGradient],
  }];
}

/** Steps of the moons network per timed sample, and points of its data. */
const STEPS = 300, POINTS = 1000, BATCH = 32;

/** The parts of a moons training step, each a function timed on its own, in the order run. */
function stepParts(): { parts: Timed[]; whole: Timed; epoch: Timed } {
  const data = twoMoons({ n: POINTS, noise: 0.1, seed: 1 });
  const labels = data.y as Int32Array;
  const model = mlp([2, 64, 64, 2], { activation: "relu", seed: 2 });
  const loss = resolveLoss("softmaxCrossEntropy");
  const optimizer = sgd();
  const params = model.params();
  const x: Matrix = { rows: BATCH, cols: 2, data: data.x.data.slice(0, 2 * BATCH) };
  const y = labels.slice(0, BATCH);
  const grad: Matrix = { rows: BATCH, cols: 2, data: new Float64Array(2 * BATCH) };
  // The values each part passes on, so that every part runs on real inputs.
  const inputs: Matrix[] = [x], grads: Matrix[] = [];
  for (const layer of model.layers) inputs.push(layer.forward(inputs.at(-1)!, { training: true }));
  loss.valueAndGrad(inputs.at(-1)!, y, grad);
  let g = grad;
  for (let i = model.layers.length - 1; i >= 0; i--) {
    grads[i] = g;
    g = model.layers[i].backward(g, { skipInputGradient: i === 0 });
  }
  const repeat = (body: () => void): Timed["run"] => () => {
    for (let s = 0; s < STEPS; s++) body();
  };
  const part = (label: string, body: () => void): Timed => ({
    label,
    run: repeat(body),
    calls: STEPS,
    macs: 0,
  });
  const results = new Float64Array(3); // kept, so that no part is optimised away
  const forwards = model.layers.map((layer, i) =>
    part(`forward ${layer.describe()}`, () => layer.forward(inputs[i], { training: true }))
  );
  const parts: Timed[] = [
    part("zero the gradients", () => model.zeroGrad()),
    ...forwards,
    part("loss and its gradient", () => {
      results[0] = loss.valueAndGrad(inputs.at(-1)!, y, grad);
    }),
    ...model.layers.map((layer, i) => ({ layer, i })).reverse().map(({ layer, i }) => ({
      ...part(`backward ${layer.describe()}`, () => {
        // The layer keeps the input of its last forward call, so that call is run again first.
        layer.forward(inputs[i], { training: true });
        layer.backward(grads[i], { skipInputGradient: i === 0 });
      }),
      includes: forwards[i],
    })),
    part("gradient norms", () => {
      results[2] = gradNorm(params);
    }),
    part("SGD step", () => optimizer.step(params, 1e-9)),
  ];
  // The same parts in turn, as train() runs them in a step.
  const whole = part("a step: the same parts in turn", () => {
    model.zeroGrad();
    results[0] = loss.valueAndGrad(model.forward(x, { training: true }), y, grad);
    model.backward(grad, { skipInputGradient: true });
    results[2] = gradNorm(params);
    optimizer.step(params, 1e-9);
  });
  const epoch: Timed = {
    label: "evaluation after each epoch (1,000 points)",
    run: () =>
      scanActivations(model, data.x, {
        statistics: false,
        onOutput: (out, start) => {
          results[1] = loss.value(out, labels.subarray(start, start + out.rows));
        },
      }),
    calls: 1,
    macs: 0,
  };
  return { parts, whole, epoch };
}

/**
 * `train()` on the moons network, 20 epochs a call. Its time per epoch is read from the epochs'
 * own records (`seconds`, their median per call, pushed to `epochMs`): the first epoch of a call
 * sometimes takes several times as long (V8 compiling, a garbage collection), which would weigh
 * on a mean over so few epochs.
 */
function trainEpochs(epochMs: number[]): Timed {
  const data = twoMoons({ n: POINTS, noise: 0.1, seed: 1 });
  return {
    label: "train(): one epoch (median of its records)",
    run: () => {
      const model = mlp([2, 64, 64, 2], { activation: "relu", seed: 2 });
      const history = train(model, data, {
        epochs: 20,
        batchSize: BATCH,
        learningRate: 0.1,
        seed: 3,
      });
      epochMs.push(median(history.map((record) => record.seconds * 1000)));
    },
    calls: 1,
    macs: 0,
  };
}

if (import.meta.main) {
  await runBench(async () => {
    const repetitions = parseRepetitions(11);
    const peak = await peakLoop();
    const dense: Timed[] = [
      {
        label: "peak: f64x2 multiply and add on registers",
        run: () => peak(PEAK_TURNS),
        calls: 1,
        macs: 16 * PEAK_TURNS,
      },
      ...SHAPES.flatMap((shape, i) => shapeRows(shape, 2026 + 10 * i)),
    ];
    const { parts, whole, epoch } = stepParts();
    const epochMs: number[] = [];
    const all = [...dense, ...parts, whole, epoch, trainEpochs(epochMs)];
    const samples = all.map(() => [] as number[]);
    // Warm-up: every function at V8's top tier (train()'s loop takes the longest to get there).
    for (let warm = 0; warm < 3; warm++) for (const t of all) t.run();
    for (let round = 0; round < repetitions; round++) {
      all.forEach((t, i) => {
        const start = performance.now();
        t.run();
        samples[i].push((performance.now() - start) / t.calls);
      });
    }
    const ms = new Map(all.map((t, i) => [t, median(samples[i])]));
    ms.set(all.at(-1)!, median(epochMs)); // train(): its epochs' own records, not the calls' time
    printDense(dense, ms, repetitions);
    console.log();
    printStep(parts, [whole, epoch, all.at(-1)!], ms, repetitions);
  });
}

/** A row without a target. */
function info(label: string, ours: string, baseline: string, ratio: string): Row {
  return [label, ours, baseline, ratio, "(none)", "info"];
}

/** The first table: the peak, the products, the layer calls. */
function printDense(dense: Timed[], ms: Map<Timed, number>, repetitions: number): void {
  const [peak] = dense;
  const gmacs = (t: Timed) => t.macs / (ms.get(t)! * 1e6);
  const rows: Row[] = dense.map((t) => {
    const speed = `${gmacs(t).toFixed(2)} GMAC/s`;
    if (t === peak) return [t.label, speed, "", "", "(none)", "baseline"];
    const perCall = `${us(ms.get(t)!)} (${speed})`;
    if (t.products !== undefined) {
      // The products' share of the calls: their resident times over the calls' time.
      const products = t.products.reduce((sum, p) => sum + ms.get(p)!, 0);
      return info(t.label, perCall, `products ${us(products)}`, (products / ms.get(t)!).toFixed(2));
    }
    const ratio = (gmacs(t) / gmacs(peak)).toFixed(2);
    return info(t.label, perCall, `peak ${gmacs(peak).toFixed(2)} GMAC/s`, ratio);
  });
  printTable([
    "relu-lab dense kernels against the 128-bit SIMD peak (no FMA), and the copies around them",
    `Deno ${Deno.version.deno}, V8 ${Deno.version.v8}; medians of ${repetitions} interleaved rounds; x and gradients half zeros`,
    "products: ratio = GMAC/s over the peak's; Dense calls: ratio = the products' share of the calls (the rest: copies, transpose, bias)",
  ], rows);
}

/** The second table: a moons training step by part, the evaluation, and train() itself. */
function printStep(
  parts: Timed[],
  [whole, evaluationRow, trainRow]: Timed[],
  ms: Map<Timed, number>,
  repetitions: number,
): void {
  const alone = (t: Timed) => ms.get(t)! - (t.includes === undefined ? 0 : ms.get(t.includes)!);
  const step = parts.reduce((sum, t) => sum + alone(t), 0);
  const stepsPerEpoch = Math.ceil(POINTS / BATCH);
  const inTurn = ms.get(whole)!,
    evaluation = ms.get(evaluationRow)!,
    trainEpoch = ms.get(trainRow)!;
  const epochMs = stepsPerEpoch * inTurn + evaluation;
  const rows: Row[] = parts.map((t) =>
    info(t.label, us(alone(t)), us(step), (alone(t) / step).toFixed(2))
  );
  rows.push(
    info("a step: the parts above, each timed alone", us(step), "", ""),
    info(whole.label, us(inTurn), `alone ${us(step)}`, (inTurn / step).toFixed(2)),
    info(
      evaluationRow.label,
      us(evaluation),
      `epoch ${us(epochMs)}`,
      (evaluation / epochMs).toFixed(2),
    ),
    info(
      trainRow.label,
      us(trainEpoch),
      `${stepsPerEpoch} steps in turn + evaluation ${us(epochMs)}`,
      (trainEpoch / epochMs).toFixed(2),
    ),
  );
  printTable([
    `The moons network's training step (2-64-64-2 ReLU, batch ${BATCH}, SGD), part by part through the public API`,
    `medians of ${repetitions} interleaved rounds of ${STEPS} calls; ratio = share of the step alone (in turn: over alone; evaluation: share of an epoch; train(): over steps and evaluation)`,
  ], rows);
}

/** Milliseconds as microseconds, for a table cell. */
function us(ms: number): string {
  return `${(ms * 1000).toFixed(2)} us`;
}
