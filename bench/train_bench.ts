/**
 * Training speed, agreement and memory of relu-lab against TensorFlow.js (CPU and WASM
 * backends), PyTorch and numpy by hand, doing the same work in the same run.
 *
 * Run (from the repository root):
 *
 * ```sh
 * taskset -c 0 deno run --v8-flags=--expose-gc --allow-read=node_modules \
 *   --allow-run=/usr/bin/python3 bench/train_bench.ts [--repetitions=5]
 * ```
 *
 * - `taskset -c 0` (util-linux): this process and its Python processes on one CPU, so that the
 *   two sides of each ratio run on the same one (see `pythonNotes` in `_python.ts`; the
 *   table's title says where the run ran).
 * - `--allow-read=node_modules`: the TensorFlow.js WASM backend reads its `.wasm` file from the
 *   npm package (no network). Without it the WASM rows say "not run".
 * - `--allow-run=/usr/bin/python3`: the float64 references, PyTorch from Debian's
 *   `python3-torch` (`apt-get install python3-torch`), run by `bench/_torch_reference.py`, and
 *   a hand-written numpy loop (Debian's `python3-numpy`), `bench/_numpy_reference.py`.
 *   Without it (or without torch, numpy) those rows say "not run".
 * - `--v8-flags=--expose-gc`: a full garbage collection before each heap reading.
 *
 * The work: a 2-64-64-2 ReLU MLP (`mlp([2, 64, 64, 2], { activation: "relu", seed })`, He
 * normal weights, zero biases) trained on 1,000 two-moons points (`twoMoons`, noise 0.1) with
 * softmax cross-entropy and plain SGD (learning rate 0.1, batch 32, the last batch of an epoch
 * has 8 rows), 100 epochs, then the loss on the whole training set after each epoch. relu-lab
 * runs `train()`, which also records accuracy, dead-neuron fractions and gradient norms each
 * epoch (work the others skip), with its whole step in WebAssembly memory (`"sgd"` by name); an
 * info row times the same run layer by layer (`sgd()` passed as an object, which keeps `train()`
 * off that path) and checks that its per-epoch losses are the same bits. TensorFlow.js and PyTorch start from relu-lab's initial
 * weights (copied) and visit the same mini-batches in the same order: the permutations
 * `train()` draws from its `seed` are rebuilt here (`shuffleOrders`), which the float64 losses
 * agreeing with PyTorch to ~1e-15 confirms. TensorFlow.js runs a plain manual loop
 * (`optimizer.minimize` with `tf.train.sgd`) in float32, its only dtype; its WASM backend runs
 * the SIMD build on one thread. PyTorch runs the same loop on one thread in float64 (the
 * reference for the loss) and in float32 (showing how far float32 alone drifts). numpy runs
 * the loop a practitioner writes by hand (matrix products, ReLU masks, SGD) in float64 with the
 * running loss only (the mean of each epoch's mini-batch losses, no evaluation pass); ours is
 * timed against it twice: as above, and with `trainMetrics: "running"`, the same work (their
 * running losses agree to ~1e-16).
 *
 * Timing: one warm-up run of each (ours: a full run, the first training of the process, whose
 * time is reported against the median as the cold run), then `--repetitions` runs (default 3)
 * interleaved (ours, PyTorch f64, ours with running metrics, numpy, ours layer by layer, TF CPU,
 * TF WASM, ours, ...) so that machine noise hits all alike, the PyTorch and the numpy target's
 * pairs back to back (TF.js runs last in each round, several fits after ours: its ratios stand
 * far above their targets); the table gives medians and the ratios of medians. Targets: TF.js
 * CPU time / ours >= 6, TF.js WASM time / ours >= 3, PyTorch f64 time / ours >= 3 (fastest
 * runs, see below), numpy time / ours (both on running metrics) >= 1; final losses agree to
 * 1e-5 (running losses with numpy to 1e-12); the heap, the external memory of ArrayBuffers
 * (typed arrays) and the library's WebAssembly memories after epoch 100 are no larger than
 * after epoch 1 beyond the History's own records (64 KiB allowance), read within a run through
 * `onEpoch` (which has train() copy the training set in each epoch), and after a 100-epoch run
 * no larger than after a 1-epoch run, on the timed runs' path (no callback).
 *
 * PyTorch and numpy run on one thread: their scripts set `OPENBLAS_NUM_THREADS` and
 * `OMP_NUM_THREADS` to 1 before the import (`torch.set_num_threads(1)` alone left Debian's
 * OpenBLAS two threads that spin while they wait). On this project's machines PyTorch's run
 * times were bimodal, 0.45-0.74 s or 1.2-1.8 s for the same job in the same process, with as
 * much CPU time as wall time (so not waiting), and the PyTorch target compares the fastest run
 * of each side, PyTorch at its best; the ratio of medians is printed beside it. The slow mode
 * turned out to be page faults: glibc handing PyTorch's freed memory back to the kernel
 * (`_heap.py`). The Python scripts now keep it, the table's title says so, and the line after
 * the runs gives each Python run's minor page faults.
 *
 * @module
 */

import { Dense, type History, mlp, type Optimizer, sgd, train, twoMoons } from "../src/mod.ts";
import { createPrng } from "../src/mod.ts";
import { pythonNotes, PythonProcess } from "./_python.ts";
import { BenchError, parseRepetitions, runBench } from "./_args.ts";
import { wasmMemoryBytes } from "../src/core/_wasm.ts";
import { median, printTable, type Row, verdict } from "./_table.ts";
import {
  type MlpWeights,
  type TrainingJob,
  trainTfjs,
  useBackend,
  wasmDirectory,
  wasmFeatures,
} from "./_tfjs_mlp.ts";

/** The experiment, in one place. */
const SETTINGS = {
  /** Layer widths. */
  sizes: [2, 64, 64, 2],
  /** Two-moons points and their noise. */
  points: 1000,
  noise: 0.1,
  /** Seeds: data, initial weights, shuffling. */
  dataSeed: 1,
  modelSeed: 2,
  shuffleSeed: 3,
  epochs: 100,
  batchSize: 32,
  learningRate: 0.1,
};

/** Targets of the table. */
const TARGETS = {
  cpuRatio: 6,
  wasmRatio: 3,
  torchRatio: 3,
  numpyRatio: 1,
  lossAgreement: 1e-5,
  runningAgreement: 1e-12,
  heapGrowthBytes: 64 * 1024,
};

/** The permutations relu-lab's `train()` visits: one in-place Fisher–Yates pass per epoch. */
function shuffleOrders(n: number, epochs: number, seed: number): Int32Array[] {
  const prng = createPrng(seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const orders: Int32Array[] = [];
  for (let e = 0; e < epochs; e++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(prng() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    orders.push(order.slice());
  }
  return orders;
}

/** A fresh model with the benchmark's initial weights. */
function freshModel() {
  return mlp(SETTINGS.sizes, { activation: "relu", seed: SETTINGS.modelSeed });
}

/** Copies of a model's Dense weights and biases. */
function weightsOf(model: ReturnType<typeof mlp>): MlpWeights {
  const dense = model.layers.filter((layer): layer is Dense => layer instanceof Dense);
  return {
    sizes: SETTINGS.sizes,
    weights: dense.map((layer) => layer.weights.slice()),
    biases: dense.map((layer) => layer.biases.slice()),
  };
}

function trainOurs(
  data: ReturnType<typeof twoMoons>,
  epochs = SETTINGS.epochs,
  onEpoch?: (epoch: number) => void,
  trainMetrics: "end" | "running" = "end",
  optimizer: "sgd" | Optimizer = "sgd",
) {
  const model = freshModel();
  const start = performance.now();
  const history: History = train(model, data, {
    epochs,
    batchSize: SETTINGS.batchSize,
    learningRate: SETTINGS.learningRate,
    optimizer,
    loss: "softmaxCrossEntropy",
    seed: SETTINGS.shuffleSeed,
    trainMetrics,
    onEpoch: onEpoch && ((record) => onEpoch(record.epoch)),
  });
  const seconds = (performance.now() - start) / 1000;
  return { seconds, epochLosses: Float64Array.from(history, (r) => r.trainLoss), model };
}

/** What the Python references return for one training run. */
interface ReferenceResult {
  epochLosses: number[];
  seconds: number;
  /** Minor page faults of the Python process during the run (few: see `_heap.py`). */
  pageFaults: number;
}

/**
 * Starts a Python reference (`_torch_reference.py`, `_numpy_reference.py`) and hands it the job,
 * or returns why it cannot run.
 */
async function startReference(script: string, job: TrainingJob): Promise<PythonProcess | string> {
  const python = await PythonProcess.start(script);
  if (typeof python === "string") return python;
  const ready = await python.greeting<{ ready: boolean }>();
  const accepted = typeof ready === "string" ? ready : await python.request<{ ok: boolean }>({
    sizes: job.init.sizes,
    weights: job.init.weights.map((w) => Array.from(w)),
    biases: job.init.biases.map((b) => Array.from(b)),
    x: Array.from(job.x),
    y: Array.from(job.y),
    orders: job.orders.map((o) => Array.from(o)),
    learningRate: job.learningRate,
    batchSize: job.batchSize,
  });
  if (typeof accepted === "string") {
    await python.close();
    return accepted;
  }
  return python;
}

/** One training run of a started reference. */
async function runReference(python: PythonProcess, request: unknown): Promise<ReferenceResult> {
  const result = await python.request<ReferenceResult>(request);
  if (typeof result === "string") throw new BenchError(`The Python reference failed: ${result}`);
  return result;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/**
 * Memory in use: V8's heap, the external memory behind its ArrayBuffers (a typed array's data)
 * and the WebAssembly memories of the library's instances, which V8 counts in neither (a 10 MiB
 * memory changed both by 0), after full collections (when `--expose-gc` is given) repeated until
 * it stops shrinking (at most 10). The heap alone missed the likeliest leak, typed arrays kept
 * each epoch (99 arrays of 5 KiB grew it by 28 KiB, the external memory by 495 KiB); one
 * collection left about 580 KiB of garbage in the reading after epoch 1, so the row read about
 * -690 KiB and a leak of that size would have passed.
 */
export function memoryInUse(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  const read = () => {
    const { heapUsed, external } = Deno.memoryUsage();
    return heapUsed + external + wasmMemoryBytes();
  };
  let used = read();
  for (let i = 0; gc !== undefined && i < 10; i++) {
    gc();
    const after = read();
    if (i > 0 && after >= used) return after;
    used = after;
  }
  return used;
}

/** Runs everything and prints the table. */
async function main(): Promise<void> {
  const repetitions = parseRepetitions(3);
  const data = twoMoons({ n: SETTINGS.points, noise: SETTINGS.noise, seed: SETTINGS.dataSeed });
  const labels = data.y as Int32Array;
  const job: TrainingJob = {
    x: data.x.data,
    y: labels,
    init: weightsOf(freshModel()),
    learningRate: SETTINGS.learningRate,
    batchSize: SETTINGS.batchSize,
    orders: shuffleOrders(SETTINGS.points, SETTINGS.epochs, SETTINGS.shuffleSeed),
  };
  const warmupJob: TrainingJob = { ...job, orders: job.orders.slice(0, 5) };

  const wasmReadable =
    (await Deno.permissions.query({ name: "read", path: wasmDirectory() })).state === "granted";
  let wasmNote = "not run (needs --allow-read=node_modules)";
  if (wasmReadable) {
    await useBackend("wasm");
    wasmNote = `WASM backend: ${await wasmFeatures()}`;
  }

  // Warm-up: JIT for ours (a full run, the first training of the process: reported as the cold
  // run), kernel compilation and first-use paths for TensorFlow.js.
  const cold = trainOurs(data);
  await useBackend("cpu");
  await trainTfjs(warmupJob);
  if (wasmReadable) {
    await useBackend("wasm");
    await trainTfjs(warmupJob);
  }

  // The Python references: started once, handed the job, then one run per round.
  const torch = await startReference("_torch_reference.py", job);
  const numpy = await startReference("_numpy_reference.py", job);
  if (typeof torch !== "string") await runReference(torch, { dtype: "float64" }); // warm-up
  if (typeof numpy !== "string") await runReference(numpy, {});
  trainOurs(data, SETTINGS.epochs, undefined, "running");
  trainOurs(data, SETTINGS.epochs, undefined, "end", sgd());

  const times = {
    ours: [] as number[],
    running: [] as number[],
    layered: [] as number[],
    cpu: [] as number[],
    wasm: [] as number[],
    torch: [] as number[],
    numpy: [] as number[],
  };
  const faults = { torch: [] as number[], numpy: [] as number[] };
  let oursLosses: Float64Array = new Float64Array(0);
  let runningLosses: Float64Array = new Float64Array(0);
  let layeredLosses: Float64Array = new Float64Array(0);
  let cpuLosses: Float64Array = new Float64Array(0);
  let wasmLosses: Float64Array = new Float64Array(0);
  let torch64: ReferenceResult | string = typeof torch === "string" ? torch : "";
  let numpyRun: ReferenceResult | string = typeof numpy === "string" ? numpy : "";
  try {
    for (let r = 0; r < repetitions; r++) {
      // The PyTorch and the numpy target's pairs run back to back (ours and PyTorch, ours on
      // running metrics and numpy), so that a slowdown of a few seconds hits both sides alike;
      // TF.js, far above its targets, runs last.
      const ours = trainOurs(data);
      times.ours.push(ours.seconds);
      oursLosses = ours.epochLosses;
      if (typeof torch !== "string") {
        torch64 = await runReference(torch, { dtype: "float64" });
        times.torch.push(torch64.seconds);
        faults.torch.push(torch64.pageFaults);
      }
      const running = trainOurs(data, SETTINGS.epochs, undefined, "running");
      times.running.push(running.seconds);
      runningLosses = running.epochLosses;
      if (typeof numpy !== "string") {
        numpyRun = await runReference(numpy, {});
        times.numpy.push(numpyRun.seconds);
        faults.numpy.push(numpyRun.pageFaults);
      }
      // The same run layer by layer: SGD passed as an object keeps train() off its WebAssembly step.
      const layered = trainOurs(data, SETTINGS.epochs, undefined, "end", sgd());
      times.layered.push(layered.seconds);
      layeredLosses = layered.epochLosses;
      await useBackend("cpu");
      const cpu = await trainTfjs(job);
      times.cpu.push(cpu.seconds);
      cpuLosses = cpu.epochLosses;
      if (wasmReadable) {
        await useBackend("wasm");
        const wasm = await trainTfjs(job);
        times.wasm.push(wasm.seconds);
        wasmLosses = wasm.epochLosses;
      }
      const optional = (name: string, list: number[]) =>
        list.length > r ? `, ${name} ${list[r].toFixed(3)} s` : "";
      console.error(
        `repetition ${r + 1}/${repetitions}: ours ${ours.seconds.toFixed(3)} s (running metrics ${
          running.seconds.toFixed(3)
        } s, layer by layer ${layered.seconds.toFixed(3)} s), TF CPU ${cpu.seconds.toFixed(3)} s${
          optional("TF WASM", times.wasm)
        }${optional("PyTorch f64", times.torch)}${optional("numpy", times.numpy)}`,
      );
    }
  } catch (error) {
    if (typeof torch !== "string") await torch.close();
    if (typeof numpy !== "string") await numpy.close();
    throw error;
  }
  const torch32 = typeof torch === "string"
    ? torch
    : await runReference(torch, { dtype: "float32" });
  if (typeof torch !== "string") await torch.close();
  if (typeof numpy !== "string") await numpy.close();

  // Memory: an untimed run, reading the memory in use after epoch 1 and the last. Its onEpoch
  // callback makes train() copy the training set in each epoch, as code of the caller's may
  // change it between epochs.
  const inUse: Record<number, number> = {};
  trainOurs(data, SETTINGS.epochs, (epoch) => {
    if (epoch === 1 || epoch === SETTINGS.epochs) inUse[epoch] = memoryInUse();
  });
  // And on the timed runs' path, with no callback (the training set copied in once a run): the
  // memory in use after a 1-epoch run against after a 100-epoch run, each keeping only its own
  // model and losses. A leak that outlives the run shows here; one that grows within a run and
  // goes with it shows in the row above.
  const kept = [trainOurs(data, 1)];
  const afterRun: Record<number, number> = { 1: memoryInUse() };
  kept[0] = trainOurs(data, SETTINGS.epochs);
  afterRun[SETTINGS.epochs] = memoryInUse();
  kept.length = 0;

  // ---------------------------------------------------------------------------------------------

  const rows: Row[] = [];
  const seconds = (s: number) => `${s.toFixed(3)} s`;
  const loss = (v: number) => v.toPrecision(10);
  const sci = (v: number) => v.toExponential(2);
  const last = (a: ArrayLike<number>) => a[a.length - 1];
  const oursTime = median(times.ours);

  const cpuTime = median(times.cpu);
  rows.push([
    `train time vs TF.js CPU (median of ${repetitions})`,
    seconds(oursTime),
    seconds(cpuTime),
    `${(cpuTime / oursTime).toFixed(2)}x`,
    `>= ${TARGETS.cpuRatio}x`,
    verdict(cpuTime / oursTime >= TARGETS.cpuRatio),
  ]);
  if (wasmReadable) {
    const wasmTime = median(times.wasm);
    rows.push([
      `train time vs TF.js WASM (median of ${repetitions})`,
      seconds(oursTime),
      seconds(wasmTime),
      `${(wasmTime / oursTime).toFixed(2)}x`,
      `>= ${TARGETS.wasmRatio}x`,
      verdict(wasmTime / oursTime >= TARGETS.wasmRatio),
    ]);
  } else {
    rows.push([
      "train time vs TF.js WASM",
      seconds(oursTime),
      wasmNote,
      "",
      `>= ${TARGETS.wasmRatio}x`,
      "not run",
    ]);
  }
  const layeredTime = median(times.layered);
  rows.push([
    "... ours against the same run layer by layer (SGD as an object: no WebAssembly step)",
    seconds(oursTime),
    seconds(layeredTime),
    `${(layeredTime / oursTime).toFixed(2)}x`,
    "(none)",
    "info",
  ]);
  const sameBits = oursLosses.length === layeredLosses.length &&
    oursLosses.every((v, i) => Object.is(v, layeredLosses[i]));
  rows.push([
    "per-epoch losses, WebAssembly step vs layer by layer",
    "",
    "",
    sameBits ? "identical" : "differ",
    "identical",
    verdict(sameBits),
  ]);
  rows.push([
    "first (cold) training run of the process, ours",
    seconds(cold.seconds),
    seconds(oursTime),
    `${(cold.seconds / oursTime).toFixed(2)}x`,
    "(none)",
    "info",
  ]);

  if (times.torch.length > 0) {
    // The target row takes each side's fastest run, PyTorch at its best (see the module doc on
    // its page faults); the medians' ratio is printed as info.
    const torchTime = median(times.torch);
    rows.push([
      `train time vs PyTorch f64, 1 thread (median of ${repetitions})`,
      seconds(oursTime),
      seconds(torchTime),
      `${(torchTime / oursTime).toFixed(2)}x`,
      "(none)",
      "info",
    ]);
    const oursBest = Math.min(...times.ours), torchBest = Math.min(...times.torch);
    rows.push([
      `train time vs PyTorch f64, 1 thread (fastest of ${repetitions} each)`,
      seconds(oursBest),
      seconds(torchBest),
      `${(torchBest / oursBest).toFixed(2)}x`,
      `>= ${TARGETS.torchRatio}x`,
      verdict(torchBest / oursBest >= TARGETS.torchRatio),
    ]);
  } else {
    rows.push([
      "train time vs PyTorch f64",
      seconds(oursTime),
      String(torch64),
      "",
      `>= ${TARGETS.torchRatio}x`,
      "not run",
    ]);
  }
  if (times.numpy.length > 0) {
    const numpyTime = median(times.numpy), runningTime = median(times.running);
    rows.push([
      `train time vs numpy by hand f64 (median of ${repetitions})`,
      seconds(oursTime),
      seconds(numpyTime),
      `${(numpyTime / oursTime).toFixed(2)}x`,
      "(none)",
      "info",
    ]);
    rows.push([
      '... both on running loss only (ours: trainMetrics "running")',
      seconds(runningTime),
      seconds(numpyTime),
      `${(numpyTime / runningTime).toFixed(2)}x`,
      `>= ${TARGETS.numpyRatio}x`,
      verdict(numpyTime / runningTime >= TARGETS.numpyRatio),
    ]);
  } else {
    rows.push([
      "train time vs numpy by hand f64",
      seconds(oursTime),
      String(numpyRun),
      "",
      `>= ${TARGETS.numpyRatio}x`,
      "not run",
    ]);
  }

  const lossRow = (name: string, other: ArrayLike<number>, target: boolean): Row => {
    const diff = Math.abs(last(oursLosses) - last(other));
    return [
      `final loss vs ${name} |diff|`,
      loss(last(oursLosses)),
      loss(last(other)),
      sci(diff),
      target ? `<= ${sci(TARGETS.lossAgreement)}` : "(none)",
      target ? verdict(diff <= TARGETS.lossAgreement) : "info",
    ];
  };
  rows.push(lossRow("TF.js CPU (f32)", cpuLosses, true));
  if (wasmReadable) rows.push(lossRow("TF.js WASM (f32)", wasmLosses, true));
  if (typeof torch64 === "string") {
    rows.push([
      "final loss vs PyTorch f64",
      loss(last(oursLosses)),
      torch64,
      "",
      "<= 1.00e-5",
      "not run",
    ]);
  } else {
    rows.push(lossRow("PyTorch f64", torch64.epochLosses, true));
    rows.push([
      "max over 100 epochs |loss diff| vs PyTorch f64",
      "",
      "",
      sci(maxAbsDiff(oursLosses, torch64.epochLosses)),
      "(none)",
      "info",
    ]);
  }
  if (typeof numpyRun !== "string") {
    const diff = maxAbsDiff(runningLosses, numpyRun.epochLosses);
    rows.push([
      "max over 100 epochs |running loss diff| vs numpy f64",
      loss(last(runningLosses)),
      loss(last(numpyRun.epochLosses)),
      sci(diff),
      `<= ${sci(TARGETS.runningAgreement)}`,
      verdict(diff <= TARGETS.runningAgreement),
    ]);
  }
  if (typeof torch32 !== "string") {
    rows.push(lossRow("PyTorch f32", torch32.epochLosses, false));
    rows.push([
      "final loss TF.js CPU vs PyTorch f32 (f32 vs f32)",
      loss(last(cpuLosses)),
      loss(last(torch32.epochLosses)),
      sci(Math.abs(last(cpuLosses) - last(torch32.epochLosses))),
      "(none)",
      "info",
    ]);
  }
  rows.push([
    "max over 100 epochs |loss diff| vs TF.js CPU",
    "",
    "",
    sci(maxAbsDiff(oursLosses, cpuLosses)),
    "(none)",
    "info",
  ]);
  const gcNote = (globalThis as { gc?: unknown }).gc ? "" : " (no --expose-gc)";
  const memoryRow = (label: string, readings: Record<number, number>): Row => {
    const growth = readings[SETTINGS.epochs] - readings[1];
    return [
      `${label}${gcNote}`,
      `${(readings[SETTINGS.epochs] / 1024).toFixed(0)} KiB`,
      `${(readings[1] / 1024).toFixed(0)} KiB`,
      `${growth >= 0 ? "+" : ""}${(growth / 1024).toFixed(1)} KiB`,
      `<= +${TARGETS.heapGrowthBytes / 1024} KiB`,
      verdict(growth <= TARGETS.heapGrowthBytes),
    ];
  };
  rows.push(
    memoryRow(`heap + external + wasm after epoch 1 -> ${SETTINGS.epochs}`, inUse),
    memoryRow(`... after a 1-epoch run -> a ${SETTINGS.epochs}-epoch run, no callback`, afterRun),
  );

  const python = [torch, numpy].find((p): p is PythonProcess => p instanceof PythonProcess);
  printTable([
    `relu-lab training benchmark: ${
      SETTINGS.sizes.join("-")
    } ReLU MLP, ${SETTINGS.points} two-moons points, ` +
    `SGD lr ${SETTINGS.learningRate}, batch ${SETTINGS.batchSize}, ${SETTINGS.epochs} epochs`,
    `Deno ${Deno.version.deno}, V8 ${Deno.version.v8}; ${wasmNote}`,
    ...pythonNotes(python),
  ], rows);
  console.log(
    `runs (s): ours ${times.ours.map((t) => t.toFixed(3)).join(", ")} (layer by layer ${
      times.layered.map((t) => t.toFixed(3)).join(", ")
    }); TF CPU ${times.cpu.map((t) => t.toFixed(3)).join(", ")}${
      wasmReadable ? `; TF WASM ${times.wasm.map((t) => t.toFixed(3)).join(", ")}` : ""
    }${
      times.torch.length > 0
        ? `; PyTorch f64 ${times.torch.map((t) => t.toFixed(3)).join(", ")}`
        : ""
    }${times.numpy.length > 0 ? `; numpy ${times.numpy.map((t) => t.toFixed(3)).join(", ")}` : ""}`,
  );
  if (python !== undefined) {
    console.log(
      `minor page faults a run: PyTorch f64 ${faults.torch.join(", ") || "not run"}; numpy ${
        faults.numpy.join(", ") || "not run"
      }`,
    );
  }
}

// `deno bench bench/` loads this file too: run only as a script.
if (import.meta.main) await runBench(main);
