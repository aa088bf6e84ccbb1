/**
 * relu-lab against scikit-learn's `MLPClassifier` on scikit-learn's digits: the same network,
 * optimizer, batches and epochs, fitted in the same run.
 *
 * Run (from the repository root):
 *
 * ```sh
 * taskset -c 0 deno run --allow-run=/usr/bin/python3 bench/digits_bench.ts [--repetitions=5]
 * ```
 *
 * `taskset -c 0` (util-linux) keeps this process and its Python process on one CPU, so that both
 * sides run on the same one: on this project's shared 2-CPU machine one CPU can be 1.6 times
 * slower than the other at the same moment, and left free the two processes can land on
 * different ones (unpinned, the ratio swung from 0.99x to 1.33x within an hour; pinned, to
 * either CPU, it was 1.07x to 1.14x in six runs). Any one CPU will do; the table's title says
 * where the run ran. Pinned to one CPU, scikit-learn's "default threads" also has only that one.
 *
 * `--allow-run=/usr/bin/python3`: scikit-learn from Debian's `python3-sklearn` (`apt-get install
 * python3-sklearn`), driven by `bench/_sklearn_digits.py`, which also exports the data: the
 * 1,797 8x8 digits of `sklearn.datasets.load_digits` (they ship inside scikit-learn; nothing is
 * downloaded or stored here), pixels divided by 16, split 70/30 with a stratified
 * `train_test_split(random_state=0)`: 1,257 training and 540 test images. Without the
 * permission, or without scikit-learn, the table says "not run".
 *
 * The work, on both sides: a 64-64-10 ReLU network (one hidden layer of 64; each side draws its
 * own initial weights, relu-lab He-normal, scikit-learn Glorot-uniform), softmax cross-entropy,
 * Adam (learning rate 1e-3), batches of 200 reshuffled every epoch, 200 epochs, then accuracy on
 * the 540 test images.
 * relu-lab runs `mlp([64, 64, 10], { seed })` and `train(model, data, { optimizer: "adam",
 * learningRate: 1e-3, batchSize: 200, epochs: 200, seed, trainMetrics: "running" })`: like
 * scikit-learn, whose `loss_` is the mean of the epoch's mini-batch losses, it reports the
 * training figures (loss, and also accuracy and dead neurons) gathered from the mini-batches as
 * they pass, with no extra pass over the data. That is the like-for-like comparison and the one
 * with the target. An info row also times `train`'s default, `trainMetrics: "end"`, which
 * evaluates the whole training set after every epoch (work scikit-learn skips), and another the
 * same fit layer by layer (`adam()` passed as an object keeps `train()` off its whole step in
 * WebAssembly memory, which `"adam"` by name takes), checking that each seed's final loss and
 * accuracy are the same.
 * scikit-learn runs `MLPClassifier(hidden_layer_sizes=(64,),
 * solver="adam", batch_size=200, max_iter=200, n_iter_no_change=200)` (its defaults otherwise,
 * so also an L2 penalty of 1e-4; `n_iter_no_change` keeps it from stopping early), twice: with
 * OpenBLAS's default number of threads and with one thread (relu-lab uses one).
 *
 * Timing: one untimed fit of each first, then `--repetitions` rounds (default 5) of ours
 * (running metrics), scikit-learn with default threads, scikit-learn with one thread (the fits
 * the target compares, back to back), ours (end-of-epoch evaluation) and ours layer by layer,
 * each round with seed r for every side; the table gives medians and ratios of medians, and
 * the mean test accuracy over the rounds. Targets: scikit-learn's time / ours >= 1 against the
 * faster of its two configurations; mean accuracies within 0.5 percentage points.
 *
 * @module
 */

import { accuracy, adam, dataset, mlp, type Optimizer, train } from "../src/mod.ts";
import { pythonNotes, PythonProcess } from "./_python.ts";
import { BenchError, parseRepetitions, runBench } from "./_args.ts";
import { median, printTable, type Row, verdict } from "./_table.ts";

/** Targets of the table. */
const TARGETS = { ratio: 1, accuracyGap: 0.005 };

/** What `_sklearn_digits.py` prints first. */
interface DigitsSplit {
  sklearn: string;
  numpy: string;
  cols: number;
  xTrain: number[];
  yTrain: number[];
  xTest: number[];
  yTest: number[];
}

/** What it prints for each fit. */
interface SklearnFit {
  seconds: number;
  accuracy: number;
  epochs: number;
  loss: number;
  /** Minor page faults of the Python process during the fit (few: see `_heap.py`). */
  pageFaults?: number;
}

/** The epochs every fit ran: one number when they agree, else each fit's. */
function epochsRun(fits: readonly { epochs: number }[]): string {
  const counts = [...new Set(fits.map((fit) => fit.epochs))];
  return counts.length === 1 ? String(counts[0]) : fits.map((fit) => fit.epochs).join(", ");
}

/**
 * One fit of ours: seconds of `train`, test accuracy, epochs run and final training loss, with
 * the training figures measured as given (`"running"`: from the mini-batches, as scikit-learn
 * does; `"end"`: by a pass over the training set after each epoch).
 */
function fitOurs(
  split: DigitsSplit,
  seed: number,
  trainMetrics: "running" | "end",
  optimizer: "adam" | Optimizer = "adam",
): SklearnFit {
  const cols = split.cols;
  const data = dataset(
    { rows: split.yTrain.length, cols, data: Float64Array.from(split.xTrain) },
    Int32Array.from(split.yTrain),
  );
  const test = { rows: split.yTest.length, cols, data: Float64Array.from(split.xTest) };
  const model = mlp([cols, 64, 10], { seed });
  const start = performance.now();
  const history = train(model, data, {
    optimizer,
    learningRate: 1e-3,
    batchSize: 200,
    epochs: 200,
    seed,
    trainMetrics,
  });
  const seconds = (performance.now() - start) / 1000;
  return {
    seconds,
    accuracy: accuracy(model.predict(test), Int32Array.from(split.yTest)),
    epochs: history.length,
    loss: history[history.length - 1].trainLoss,
  };
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Runs everything and prints the table. */
async function main(): Promise<void> {
  const repetitions = parseRepetitions(5);
  const title = [
    "relu-lab vs scikit-learn MLPClassifier: digits (1,257 training / 540 test 8x8 images), " +
    "64-64-10 ReLU, Adam lr 1e-3, batch 200, 200 epochs",
  ];
  const python = await PythonProcess.start("_sklearn_digits.py");
  const split = typeof python === "string" ? python : await python.greeting<DigitsSplit>();
  if (typeof split === "string" || typeof python === "string") {
    if (typeof python !== "string") await python.close();
    const reason = typeof split === "string" ? split : String(python);
    title.push(`Deno ${Deno.version.deno}, V8 ${Deno.version.v8}; scikit-learn: ${reason}`);
    printTable(title, [["train time vs MLPClassifier", "", reason, "", ">= 1x", "not run"]]);
    return;
  }
  try {
    const fitSklearn = async (seed: number, threads: number | null) => {
      const fit = await python.request<SklearnFit>({ seed, threads });
      if (typeof fit === "string") throw new BenchError(`scikit-learn failed: ${fit}`);
      return fit;
    };
    // Warm-up: JIT for ours, BLAS start-up for scikit-learn.
    fitOurs(split, 0, "running");
    fitOurs(split, 0, "end");
    fitOurs(split, 0, "running", adam());
    await fitSklearn(0, null);
    const runs = {
      ours: [] as SklearnFit[],
      oursEnd: [] as SklearnFit[],
      layered: [] as SklearnFit[],
      threads: [] as SklearnFit[],
      one: [] as SklearnFit[],
    };
    for (let r = 1; r <= repetitions; r++) {
      // Our fit and the two scikit-learn fits the target takes the faster of run one after
      // another (the one-thread fit second), so that a slowdown of a few seconds hits both
      // sides alike; our two variants come after them.
      runs.ours.push(fitOurs(split, r, "running"));
      runs.threads.push(await fitSklearn(r, null));
      runs.one.push(await fitSklearn(r, 1));
      runs.oursEnd.push(fitOurs(split, r, "end"));
      // Layer by layer: Adam passed as an object keeps train() off its WebAssembly step.
      runs.layered.push(fitOurs(split, r, "running", adam()));
      console.error(
        `round ${r}/${repetitions}: ours ${runs.ours[r - 1].seconds.toFixed(3)} s ` +
          `(end-of-epoch evaluation ${runs.oursEnd[r - 1].seconds.toFixed(3)} s, ` +
          `layer by layer ${runs.layered[r - 1].seconds.toFixed(3)} s), ` +
          `MLPClassifier ${runs.threads[r - 1].seconds.toFixed(3)} s (default threads), ` +
          `${runs.one[r - 1].seconds.toFixed(3)} s (1 thread)`,
      );
    }
    const seconds = (fits: SklearnFit[]) => median(fits.map((f) => f.seconds));
    const ours = seconds(runs.ours), threads = seconds(runs.threads), one = seconds(runs.one);
    const oursEnd = seconds(runs.oursEnd), layered = seconds(runs.layered);
    const sameResults = runs.ours.every((fit, i) =>
      Object.is(fit.loss, runs.layered[i].loss) && fit.accuracy === runs.layered[i].accuracy
    );
    const faster = Math.min(threads, one);
    const s = (v: number) => `${v.toFixed(3)} s`;
    const pct = (v: number) => `${(100 * v).toFixed(2)}%`;
    const oursAccuracy = mean(runs.ours.map((f) => f.accuracy));
    const sklearnAccuracy = mean([...runs.threads, ...runs.one].map((f) => f.accuracy));
    const gap = Math.abs(oursAccuracy - sklearnAccuracy);
    const rows: Row[] = [
      [
        `fit time vs MLPClassifier, default threads (median of ${repetitions})`,
        s(ours),
        s(threads),
        `${(threads / ours).toFixed(2)}x`,
        "(none)",
        "info",
      ],
      [
        `fit time vs MLPClassifier, 1 thread (median of ${repetitions})`,
        s(ours),
        s(one),
        `${(one / ours).toFixed(2)}x`,
        "(none)",
        "info",
      ],
      [
        "fit time vs the faster MLPClassifier",
        s(ours),
        s(faster),
        `${(faster / ours).toFixed(2)}x`,
        `>= ${TARGETS.ratio}x`,
        verdict(faster / ours >= TARGETS.ratio),
      ],
      [
        '... ours with trainMetrics "end" (a pass over the training set each epoch)',
        s(oursEnd),
        s(faster),
        `${(faster / oursEnd).toFixed(2)}x`,
        "(none)",
        "info",
      ],
      [
        "... ours against the same fit layer by layer (Adam as an object: no WebAssembly step)",
        s(ours),
        s(layered),
        `${(layered / ours).toFixed(2)}x`,
        "(none)",
        "info",
      ],
      [
        "final loss and accuracy of each seed, WebAssembly step vs layer by layer",
        "",
        "",
        sameResults ? "identical" : "differ",
        "identical",
        verdict(sameResults),
      ],
      [
        `test accuracy, mean of ${repetitions} seeds`,
        pct(oursAccuracy),
        pct(sklearnAccuracy),
        `${(100 * gap).toFixed(2)} points`,
        `<= ${(100 * TARGETS.accuracyGap).toFixed(1)} points`,
        verdict(gap <= TARGETS.accuracyGap),
      ],
      [
        "epochs run (each fit)",
        epochsRun(runs.ours),
        epochsRun(runs.one),
        "",
        "(none)",
        "info",
      ],
      [
        "final training loss, mean",
        mean(runs.ours.map((f) => f.loss)).toPrecision(4),
        mean(runs.one.map((f) => f.loss)).toPrecision(4),
        "",
        "(none)",
        "info",
      ],
    ];
    title.push(
      `Deno ${Deno.version.deno}, V8 ${Deno.version.v8}; scikit-learn ${split.sklearn}, ` +
        `numpy ${split.numpy}`,
      ...pythonNotes(python),
    );
    printTable(title, rows);
    const list = (fits: SklearnFit[]) => fits.map((f) => f.seconds.toFixed(3)).join(", ");
    console.log(
      `runs (s): ours ${list(runs.ours)} (end-of-epoch evaluation ${list(runs.oursEnd)}; ` +
        `layer by layer ${list(runs.layered)}); ` +
        `MLPClassifier ${list(runs.threads)} (default threads), ` +
        `${list(runs.one)} (1 thread)`,
    );
    const faults = (fits: SklearnFit[]) => fits.map((f) => f.pageFaults).join(", ");
    console.log(
      `minor page faults a fit: MLPClassifier ${faults(runs.threads)} (default threads), ` +
        `${faults(runs.one)} (1 thread)`,
    );
  } finally {
    await python.close();
  }
}

// `deno bench bench/` loads this file too: run only as a script.
if (import.meta.main) await runBench(main);
