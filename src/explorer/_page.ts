/// <reference lib="dom" />
/**
 * The explorer's page script: controls, views and the play loop, run in the browser. It is the
 * entry point of the browser bundle (`deno task bundle`), which inlines the library's core, so
 * the page trains with the very code the kernel runs. Mounting replaces the static picture in
 * the explorer's container with the live explorer.
 *
 * @module
 */

import type { Matrix } from "../core/matrix.ts";
import { deadNeurons } from "../diagnostics/dead_neurons.ts";
import { PReLU } from "../nn/prelu_layer.ts";
import { TrainingDivergedError } from "../nn/train.ts";
import {
  activationSvg,
  BOUNDARY_AREA,
  BOUNDARY_HEIGHT,
  BOUNDARY_WIDTH,
  boundarySvg,
  deadSeries,
  type Domain,
  domainOf,
  epochChartLayout,
  type EpochChartOptions,
  epochChartSvg,
  escapeText,
  formatNumber,
  formatSetting,
  lossSeries,
  percent,
  SERIES_COLORS,
  seriesPoints,
} from "./_charts.ts";
import { ExplorerSession, recipeCode, staleViewsNote } from "./_session.ts";
import {
  ACTIVATION_LABELS,
  activationOf,
  DATASET_LABELS,
  deadCaption,
  type ExploreOptions,
  type ExplorerSettings,
  MAX_LAYERS,
  MAX_WIDTH,
  OPTIMIZER_LABELS,
  resolveExplorerSettings,
  seedRefusal,
  typedSeed,
} from "./_settings.ts";
import { boundaryPixels, GRID_SIZE, gridPoints, hiddenOutputs, neuronPixels } from "./_shading.ts";

/** What the page keeps per mounted explorer (read by the browser tests and the benchmark). */
export interface ExplorerInstance {
  /** The container. */
  readonly root: HTMLElement;
  /** The current settings. */
  settings: ExplorerSettings;
  /** The current run. */
  session: ExplorerSession;
  /** Whether the play loop runs. */
  playing: boolean;
  /** Per frame while playing: milliseconds of the epoch's training and measurement. */
  readonly stepMs: number[];
  /** Per frame while playing: milliseconds of the redraw. */
  readonly drawMs: number[];
  /** Starts the play loop. */
  play(): void;
  /** Stops the play loop after the current epoch. */
  pause(): void;
  /** Trains one epoch and redraws. */
  step(): Promise<void>;
  /** Changes settings (checked like `explore`'s options) and restarts the run. */
  update(options: ExploreOptions): void;
}

/** The page's global: mounts explorers and lists them. */
export interface ExplorerApi {
  /**
   * Mounts an explorer with the given options on the container with id `id` (see
   * `containerOf` for which, when several share it), whose id is then unique in the page.
   */
  mount(id: string, options: ExploreOptions): void;
  /** Every mounted explorer by container id. */
  readonly instances: Map<string, ExplorerInstance>;
}

declare global {
  var reluLabExplorer: ExplorerApi | undefined;
}

/** Slider positions: round values, fine near 0 where they matter most. */
const ALPHAS = [
  0,
  0.001,
  0.002,
  0.005,
  0.01,
  0.02,
  0.03,
  0.05,
  0.07,
  0.1,
  0.15,
  0.2,
  0.25,
  0.3,
  0.4,
  0.5,
  0.6,
  0.7,
  0.8,
  0.9,
  1,
];
const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const BIASES = [-5, -4, -3, -2.5, -2, -1.5, -1, -0.5, -0.25, -0.1, 0, 0.1, 0.25, 0.5, 1, 2, 5];
const NOISES = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1];
const LAYER_COUNTS = Array.from({ length: MAX_LAYERS }, (_, i) => i + 1);
const WIDTHS = Array.from({ length: MAX_WIDTH }, (_, i) => i + 1);

/** `values` with `value` added in order, when it is not one of them. */
function withValue(values: readonly number[], value: number): number[] {
  return values.includes(value) ? [...values] : [...values, value].sort((a, b) => a - b);
}

/** The hint beside the buttons. */
const RESTART_HINT = "A change of setting restarts the run from its seed.";

/** What α means for each activation. */
const ALPHA_MEANING: Record<ExplorerSettings["activation"], string> = {
  relu: "α (not used by ReLU)",
  leakyRelu: "α (negative slope)",
  prelu: "α (initial slope, learned)",
  elu: "α (ELU's saturation)",
};

/**
 * An epoch chart in the page: drawn whole when its y range or shape changes, otherwise
 * updated by moving its lines and end dots (far cheaper than parsing a new SVG each frame).
 */
class EpochChartView {
  readonly #container: Element;
  #key = "";
  #lines: SVGPolylineElement[] = [];
  #dots: SVGCircleElement[] = [];

  constructor(container: Element) {
    this.#container = container;
  }

  show(options: EpochChartOptions): void {
    const layout = epochChartLayout(options);
    const key = `${layout.yRange.join()}|${options.epochs}|${options.series.length}`;
    if (key !== this.#key) {
      this.#container.innerHTML = epochChartSvg(options);
      this.#lines = [...this.#container.querySelectorAll<SVGPolylineElement>("[data-series]")];
      this.#dots = [...this.#container.querySelectorAll<SVGCircleElement>("[data-last]")];
      this.#key = key;
      return;
    }
    options.series.forEach((series, i) => {
      const { points, last } = seriesPoints(series, layout);
      this.#lines[i].setAttribute("points", points);
      this.#dots[i].setAttribute("cx", String(last?.[0] ?? -10));
      this.#dots[i].setAttribute("cy", String(last?.[1] ?? -10));
    });
  }
}

interface RangeControl {
  readonly input: HTMLInputElement;
  readonly output: HTMLOutputElement;
  values: number[];
  format: (value: number) => string;
}

/**
 * Mounts one explorer; see {@linkcode ExplorerApi.mount}. Called by an explorer's inline script,
 * `document.currentScript` is that script (in Jupyter Notebook 6, which runs it through jQuery, a
 * copy in the head), which tells its container from another explorer's with the same id.
 */
function mount(id: string, options: ExploreOptions): void {
  mountWhenThere(id, options, document.currentScript, 0);
}

function mountWhenThere(
  id: string,
  options: ExploreOptions,
  script: Element | null,
  attempt: number,
): void {
  const api = globalThis.reluLabExplorer!;
  for (const [key, other] of api.instances) {
    if (!other.root.isConnected) {
      other.pause();
      api.instances.delete(key);
    }
  }
  const root = containerOf(id, script, api);
  if (root === undefined) {
    // A front end may run the script before it attaches the output: try again on the next
    // frames, for up to about two seconds.
    if (attempt >= 120) {
      console.error(`relu-lab explorer: no element with id ${id} to mount on`);
    } else requestAnimationFrame(() => mountWhenThere(id, options, script, attempt + 1));
    return;
  }
  const key = ownId(root, api);
  api.instances.get(key)?.pause();
  api.instances.set(key, createInstance(root, resolveExplorerSettings(options)));
}

/**
 * The container with id `id` to mount on. Explorers displayed by different kernel runs (a
 * restarted kernel, two notebooks in one JupyterLab) can share an id, so: the element just
 * before `script` when it has that id (the script of a page or of JupyterLab, which runs the
 * output's own script element); else the first with that id holding no explorer yet; else, for a
 * call from code (no script), the first with that id, whose explorer gives way.
 */
function containerOf(
  id: string,
  script: Element | null,
  api: ExplorerApi,
): HTMLElement | undefined {
  const before = script?.previousElementSibling;
  if (before instanceof HTMLElement && before.id === id) return before;
  const named = [...document.querySelectorAll<HTMLElement>(`[id="${CSS.escape(id)}"]`)];
  const mounted = new Set([...api.instances.values()].map((instance) => instance.root));
  return named.find((element) => !mounted.has(element)) ?? (script === null ? named[0] : undefined);
}

/**
 * The id of `root`, made unique in the page first when another element has it too (its form
 * controls' ids, and the instances' keys, derive from it): `${id}-2`, `${id}-3`, ...
 */
function ownId(root: HTMLElement, api: ExplorerApi): string {
  const taken = (id: string) =>
    [...document.querySelectorAll(`[id="${CSS.escape(id)}"]`)].some((e) => e !== root) ||
    (api.instances.has(id) && api.instances.get(id)!.root !== root);
  if (taken(root.id)) {
    const base = root.id;
    let n = 2;
    while (taken(`${base}-${n}`)) n++;
    root.id = `${base}-${n}`;
  }
  return root.id;
}

function createInstance(root: HTMLElement, initial: ExplorerSettings): ExplorerInstance {
  // The static picture, or the live view of an explorer mounted here before, gives way.
  root.querySelector(".rle-static")?.remove();
  root.querySelector(".rle-live")?.remove();
  const id = root.id;
  const view = document.createElement("div");
  view.className = "rle-live";
  view.innerHTML = layoutHtml(id);
  root.append(view);
  const find = <T extends Element>(selector: string) => view.querySelector<T>(selector)!;

  const ranges = new Map<string, RangeControl>();
  const range = (key: string, format: (value: number) => string) => {
    const control: RangeControl = {
      input: find<HTMLInputElement>(`#${id}-${key}`),
      output: find<HTMLOutputElement>(`#${id}-${key}-value`),
      values: [],
      format,
    };
    ranges.set(key, control);
    control.input.addEventListener("input", () => onControl(key));
    return control;
  };
  const alpha = range("alpha", formatSetting);
  const learningRate = range("learningRate", formatSetting);
  const biasInit = range("biasInit", formatSetting);
  const layers = range("layers", String);
  const width = range("width", String);
  const noise = range("noise", formatSetting);
  const activation = find<HTMLSelectElement>(`#${id}-activation`);
  const optimizer = find<HTMLSelectElement>(`#${id}-optimizer`);
  const dataset = find<HTMLSelectElement>(`#${id}-dataset`);
  const seed = find<HTMLInputElement>(`#${id}-seed`);
  const alphaLabel = find<HTMLElement>(`#${id}-alpha-label`);
  const playButton = find<HTMLButtonElement>(".rle-play");
  const stepButton = find<HTMLButtonElement>(".rle-step");
  const resetButton = find<HTMLButtonElement>(".rle-reset");
  const status = find<HTMLElement>(".rle-status");
  const announce = find<HTMLElement>(".rle-announce");
  const hint = find<HTMLElement>(".rle-hint");
  for (const select of [activation, optimizer, dataset]) {
    select.addEventListener("change", () => onControl());
  }
  seed.addEventListener("change", () => onControl("seed"));
  // Text the field cannot read as a number (1e400, --5) leaves its value empty and unchanged,
  // so Enter fires no change event: it is refused here, as an empty field would be.
  seed.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && seed.validity.badInput) onControl("seed");
  });

  let grid: Matrix;
  let shading: CanvasRenderingContext2D;
  let shadingImage: ImageData;
  let neurons: CanvasRenderingContext2D;
  let neuronImage: ImageData;
  let neuronLayout: NeuronLayout;
  const deadList = find<HTMLElement>(".rle-dead-list");
  const deadCaptionText = find<HTMLElement>(".rle-dead-caption");
  const viewsNote = find<HTMLElement>(".rle-views-note");
  let generation = 0;
  const lossChart = new EpochChartView(find(".rle-loss"));
  const accuracyChart = new EpochChartView(find(".rle-accuracy"));
  const deadChart = new EpochChartView(find(".rle-dead"));

  const instance: ExplorerInstance = {
    root,
    settings: initial,
    session: new ExplorerSession(initial),
    playing: false,
    stepMs: [],
    drawMs: [],
    play() {
      if (instance.playing) return;
      if (instance.session.over) restart(instance.settings);
      instance.playing = true;
      showButtons();
      const run = generation;
      requestAnimationFrame(() => frame(run));
    },
    pause() {
      stopPlaying();
      announce.textContent = `Paused at epoch ${instance.session.last.epoch}.`;
    },
    async step() {
      // Announced once the epoch is in: the status it ends with, not the epoch before it.
      stopPlaying();
      const run = generation;
      await advance(run);
      if (run === generation) announce.textContent = status.textContent;
    },
    update(options) {
      restart(resolveExplorerSettings({ ...instance.settings, ...options }));
      showControls();
    },
  };

  function stopPlaying(): void {
    instance.playing = false;
    showButtons();
  }

  playButton.addEventListener("click", () => instance.playing ? instance.pause() : instance.play());
  stepButton.addEventListener("click", () => instance.step());
  resetButton.addEventListener("click", () => restart(instance.settings));

  /** One epoch and a redraw; false when this run has been replaced or is over. */
  async function advance(run: number): Promise<boolean> {
    const record = await instance.session.step();
    if (run !== generation) return false;
    const started = performance.now();
    drawFrame();
    const drawn = performance.now() - started;
    if (record !== undefined && instance.playing) {
      instance.drawMs.push(drawn);
      instance.stepMs.push(epochMilliseconds(instance.session));
    }
    // Stop with the epoch that ended the run, not a frame later: an ended run is never playing.
    if (record === undefined || instance.session.over) {
      instance.playing = false;
      showButtons();
      announce.textContent = status.textContent;
      return false;
    }
    return true;
  }

  function frame(run: number): void {
    if (!instance.playing || run !== generation) return;
    if (!root.isConnected) {
      instance.playing = false;
      return;
    }
    advance(run).then((more) => {
      if (more && instance.playing && run === generation) {
        requestAnimationFrame(() => frame(run));
      }
    });
  }

  /**
   * Reads the controls into settings and restarts the run with them. A seed that is no whole
   * number (empty, fractional, too large) is refused and the hint says why: entered alone it
   * changes nothing, not even the run's progress; with another control the run keeps its seed.
   */
  function onControl(changed?: string): void {
    const typed = typedSeed(seed.valueAsNumber);
    showSeedHint(typed);
    if (typed === undefined) {
      seed.value = String(instance.settings.seed);
      if (changed === "seed") return;
    }
    // The width slider sets every layer; otherwise the layers keep their widths (unequal
    // ones set from code too), a new layer as wide as the last.
    const { hidden: widths } = instance.settings;
    const hidden = Array.from(
      { length: valueOf(layers) },
      (_, i) => changed === "width" ? valueOf(width) : widths[i] ?? widths.at(-1)!,
    );
    const next: ExploreOptions = {
      ...instance.settings,
      activation: activation.value as ExplorerSettings["activation"],
      alpha: valueOf(alpha),
      learningRate: valueOf(learningRate),
      optimizer: optimizer.value as ExplorerSettings["optimizer"],
      biasInit: valueOf(biasInit),
      hidden,
      dataset: dataset.value as ExplorerSettings["dataset"],
      noise: valueOf(noise),
      seed: typed ?? instance.settings.seed,
    };
    restart(resolveExplorerSettings(next));
    showControls();
  }

  /** The restart hint, or, for a refused seed (`typed` undefined), why it was refused. */
  function showSeedHint(typed: number | undefined): void {
    hint.textContent = typed === undefined
      ? seedRefusal(seed.value, instance.settings.seed, seed.validity.badInput)
      : RESTART_HINT;
    hint.classList.toggle("rle-refused", typed === undefined);
    if (typed === undefined) announce.textContent = hint.textContent;
  }

  function valueOf(control: RangeControl): number {
    return control.values[Number(control.input.value)];
  }

  /** A new run with `settings`; the play loop, when on, carries on with it. */
  function restart(settings: ExplorerSettings): void {
    generation++;
    instance.settings = settings;
    instance.session = new ExplorerSession(settings);
    buildViews();
    drawFrame();
    if (instance.playing) {
      const run = generation;
      requestAnimationFrame(() => frame(run));
    }
  }

  function showControls(): void {
    const s = instance.settings;
    setRange(alpha, withValue(ALPHAS, s.alpha), s.alpha);
    setRange(learningRate, withValue(LEARNING_RATES, s.learningRate), s.learningRate);
    setRange(biasInit, withValue(BIASES, s.biasInit), s.biasInit);
    setRange(layers, LAYER_COUNTS, s.hidden.length);
    setRange(width, WIDTHS, s.hidden[0]);
    // Unequal layers (set from code) are listed, on screen and to assistive technology.
    const widths = s.hidden.every((w) => w === s.hidden[0])
      ? String(s.hidden[0])
      : s.hidden.join(", ");
    width.output.textContent = widths;
    width.input.setAttribute("aria-valuetext", widths);
    setRange(noise, withValue(NOISES, s.noise), s.noise);
    activation.value = s.activation;
    optimizer.value = s.optimizer;
    dataset.value = s.dataset;
    seed.value = String(s.seed);
    alphaLabel.textContent = ALPHA_MEANING[s.activation];
    deadCaptionText.textContent = deadCaption(s);
    alpha.input.disabled = s.activation === "relu";
    showButtons();
  }

  function setRange(control: RangeControl, values: number[], value: number): void {
    control.values = values;
    control.input.max = String(values.length - 1);
    control.input.value = String(values.indexOf(value));
    const text = control.format(value);
    control.output.textContent = text;
    control.input.setAttribute("aria-valuetext", text);
  }

  function showButtons(): void {
    const over = instance.session.over;
    playButton.textContent = instance.playing ? "❚❚ Pause" : over ? "▶ Replay" : "▶ Play";
    playButton.setAttribute("aria-pressed", String(instance.playing));
    stepButton.disabled = instance.playing || over;
  }

  /** Rebuilds the views that depend on the run's data and shape (after a restart). */
  function buildViews(): void {
    const { session } = instance;
    const domain: Domain = domainOf(session.train, session.test);
    grid = gridPoints(domain);
    const { left, top, width: w, height: h } = BOUNDARY_AREA;
    const at = (v: number, total: number) => `${(100 * v / total).toFixed(3)}%`;
    // The shading is a canvas under the SVG (not inside it), so that a new frame repaints the
    // canvas alone and not the points and axes above it.
    find(".rle-boundary").innerHTML =
      `<canvas class="rle-shading" width="${GRID_SIZE}" height="${GRID_SIZE}" style="left:${
        at(left, BOUNDARY_WIDTH)
      };top:${at(top, BOUNDARY_HEIGHT)};width:${at(w, BOUNDARY_WIDTH)};height:${
        at(h, BOUNDARY_HEIGHT)
      }"></canvas>` +
      boundarySvg({
        title: "Decision boundary",
        domain,
        train: session.train,
        test: session.test,
        shading: "",
      });
    shading = find<HTMLCanvasElement>(".rle-shading").getContext("2d")!;
    shadingImage = shading.createImageData(GRID_SIZE, GRID_SIZE);
    neuronImage = shading.createImageData(GRID_SIZE, GRID_SIZE);
    neuronLayout = layoutNeurons(session.settings.hidden);
    const canvas = find<HTMLCanvasElement>(".rle-neurons");
    canvas.width = neuronLayout.width;
    canvas.height = neuronLayout.height;
    neurons = canvas.getContext("2d")!;
    find(".rle-code").textContent = recipeCode(session.settings);
    drawActivation();
  }

  /**
   * Every hidden neuron's output over the plane, one tile each in one canvas, layer by layer;
   * dead neurons (z <= 0 on every training point) faded and framed, and listed in text.
   */
  function drawNeurons(session: ExplorerSession): void {
    const outputs = hiddenOutputs(session.model);
    const dead = deadNeurons(session.model, session.train);
    neurons.fillStyle = "white";
    neurons.fillRect(0, 0, neuronLayout.width, neuronLayout.height);
    neurons.font = "600 13px system-ui, sans-serif";
    neuronLayout.layers.forEach((layer, l) => {
      neurons.fillStyle = "#1d1d1f";
      neurons.fillText(
        `layer ${l + 1}: ${dead[l].dead.length} of ${layer.tiles.length} dead`,
        0,
        layer.labelY,
      );
      layer.tiles.forEach(([x, y], j) => {
        neuronPixels(outputs[l], j, neuronImage.data);
        neurons.putImageData(neuronImage, x, y);
        if (dead[l].dead.includes(j)) {
          neurons.fillStyle = "rgba(255, 255, 255, 0.6)";
          neurons.fillRect(x, y, GRID_SIZE, GRID_SIZE);
          neurons.lineWidth = 3;
          neurons.strokeStyle = "#1d1d1f";
          neurons.strokeRect(x + 1.5, y + 1.5, GRID_SIZE - 3, GRID_SIZE - 3);
        } else {
          neurons.lineWidth = 1;
          neurons.strokeStyle = "#c9ccd1";
          neurons.strokeRect(x + 0.5, y + 0.5, GRID_SIZE - 1, GRID_SIZE - 1);
        }
      });
    });
    deadList.textContent = "Dead: " +
      dead.map((layer, l) =>
        `layer ${l + 1}: ${
          layer.dead.length === 0 ? "none" : "neurons " + layer.dead.map((j) => j + 1).join(", ")
        }`
      ).join("; ");
  }

  /** The activation view: at each restart, and each epoch for PReLU's learned slopes. */
  function drawActivation(): void {
    const { session } = instance, { settings } = session;
    find(".rle-activation").innerHTML = activationSvg({
      activation: activationOf(settings),
      convention: "left",
      note: settings.activation === "prelu" ? preluNote(session) : undefined,
    });
  }

  /**
   * Redraws everything that changes with each epoch. A run that stopped inside an epoch
   * (diverged, failed) left its model part-way through it, its outputs often no numbers: the
   * views drawn from the model keep the last complete epoch, and a note over the views says so.
   */
  function drawFrame(): void {
    const { session } = instance;
    const note = staleViewsNote(session);
    if (note === undefined) {
      boundaryPixels(session.model, grid, shadingImage.data);
      shading.putImageData(shadingImage, 0, 0);
      drawNeurons(session);
      if (session.settings.activation === "prelu") drawActivation();
    }
    viewsNote.textContent = note ?? "";
    viewsNote.hidden = note === undefined;
    drawCharts();
    status.textContent = statusLine(session);
    showButtons();
  }

  function drawCharts(): void {
    const { history, settings } = instance.session;
    lossChart.show({
      title: "Loss (softmax cross-entropy)",
      yLabel: "loss",
      epochs: settings.epochs,
      series: lossSeries(history),
    });
    accuracyChart.show({
      title: "Accuracy",
      yLabel: "accuracy",
      epochs: settings.epochs,
      yRange: [0, 1],
      yFormat: percent,
      series: [
        {
          label: "training",
          values: history.map((r) => r.trainAccuracy),
          color: SERIES_COLORS[0],
        },
        {
          label: "test",
          values: history.map((r) => r.testAccuracy),
          color: SERIES_COLORS[1],
          dashed: true,
        },
      ],
    });
    deadChart.show({
      title: "Dead neurons per hidden layer",
      yLabel: "dead fraction",
      epochs: settings.epochs,
      yRange: [0, 1],
      yFormat: percent,
      series: deadSeries(history, settings.hidden.length),
    });
  }

  restart(initial);
  showControls();
  return instance;
}

/** Where each hidden neuron's tile goes in the neurons canvas. */
interface NeuronLayout {
  width: number;
  height: number;
  layers: { labelY: number; tiles: [number, number][] }[];
}

/** Tiles per row, and the gap between tiles, in canvas pixels. */
const TILES_PER_ROW = 8, TILE_GAP = 6, LABEL_HEIGHT = 22;

function layoutNeurons(hidden: readonly number[]): NeuronLayout {
  const pitch = GRID_SIZE + TILE_GAP;
  let y = 0;
  const layers = hidden.map((size) => {
    const labelY = y + 15;
    y += LABEL_HEIGHT;
    const tiles = Array.from(
      { length: size },
      (
        _,
        j,
      ): [number, number] => [
        (j % TILES_PER_ROW) * pitch,
        y + Math.floor(j / TILES_PER_ROW) * pitch,
      ],
    );
    y += Math.ceil(size / TILES_PER_ROW) * pitch + 4;
    return { labelY, tiles };
  });
  return { width: TILES_PER_ROW * pitch - TILE_GAP, height: y, layers };
}

function preluNote(session: ExplorerSession): string {
  const slopes = session.model.layers.filter((layer) => layer instanceof PReLU)
    .flatMap((layer) => [...(layer as PReLU).alpha]);
  const mean = slopes.reduce((sum, a) => sum + a, 0) / slopes.length;
  return `drawn at the initial slope; learned slopes now:\nmean ${formatNumber(mean)}, ` +
    `range ${formatNumber(Math.min(...slopes))} to ${formatNumber(Math.max(...slopes))}`;
}

/** The last epoch's training and measurement time in milliseconds, as train() measured it. */
function epochMilliseconds(session: ExplorerSession): number {
  return session.lastSeconds * 1000;
}

function statusLine(session: ExplorerSession): string {
  const last = session.last;
  const dead = last.deadFraction.map((f, i) => `layer ${i + 1} ${percent(f)}`).join(", ");
  const error = session.error;
  const head = error instanceof TrainingDivergedError
    ? `Diverged in epoch ${error.epoch}, step ${error.step} (loss ${error.loss}): try a ` +
      `smaller learning rate. Last complete epoch: ${last.epoch}`
    : error !== undefined
    ? `Failed after epoch ${last.epoch}: ${error.message}`
    : session.status === "done"
    ? `Done: epoch ${last.epoch} of ${session.settings.epochs}`
    : `Epoch ${last.epoch} of ${session.settings.epochs}`;
  return `${head} · training loss ${formatNumber(last.trainLoss, 4)} · test accuracy ${
    percent(last.testAccuracy)
  } · dead: ${dead}`;
}

/** The explorer's markup: controls, buttons, status, views and the code of the run. */
function layoutHtml(id: string): string {
  const select = (key: string, label: string, choices: Record<string, string>) =>
    `<div class="rle-control"><label for="${id}-${key}">${label}</label>` +
    `<select id="${id}-${key}">${
      Object.entries(choices).map(([value, text]) =>
        `<option value="${value}">${escapeText(text)}</option>`
      ).join("")
    }</select></div>`;
  const range = (key: string, label: string) =>
    `<div class="rle-control"><label for="${id}-${key}"><span id="${id}-${key}-label">${label}</span>` +
    `<output id="${id}-${key}-value" for="${id}-${key}"></output></label>` +
    `<input type="range" id="${id}-${key}" min="0" step="1"></div>`;
  return `<div class="rle-controls">` +
    select("activation", "Activation", ACTIVATION_LABELS) +
    range("alpha", "α") +
    range("learningRate", "Learning rate") +
    select("optimizer", "Optimizer", OPTIMIZER_LABELS) +
    range("biasInit", "Initial bias") +
    range("layers", "Hidden layers") +
    range("width", "Neurons per layer") +
    select("dataset", "Data set", DATASET_LABELS) +
    range("noise", "Noise") +
    `<div class="rle-control"><label for="${id}-seed">Seed</label>` +
    `<input type="number" id="${id}-seed" step="1"></div>` +
    `</div>` +
    `<div class="rle-buttons">` +
    `<button type="button" class="rle-play" aria-pressed="false">▶ Play</button>` +
    `<button type="button" class="rle-step">Step one epoch</button>` +
    `<button type="button" class="rle-reset">Reset</button>` +
    `<span class="rle-hint">${RESTART_HINT}</span>` +
    `</div>` +
    `<p class="rle-status" aria-live="off"></p>` +
    `<p class="rle-announce" aria-live="polite"></p>` +
    `<p class="rle-views-note" hidden></p>` +
    `<div class="rle-views">` +
    `<figure class="rle-view"><div class="rle-boundary"></div><figcaption>Shading: the ` +
    `network's prediction over the plane, whiter where it is unsure (grey where it gives no ` +
    `number). Dots: training points; ` +
    `rings: test points.</figcaption></figure>` +
    `<figure class="rle-view"><div class="rle-activation"></div><figcaption>The hidden ` +
    `activation at the current α and its derivative, which scales the gradient a neuron ` +
    `passes back.</figcaption></figure>` +
    `<figure class="rle-view"><div class="rle-loss"></div></figure>` +
    `<figure class="rle-view"><div class="rle-accuracy"></div></figure>` +
    `<figure class="rle-view"><div class="rle-dead"></div>` +
    `<figcaption class="rle-dead-caption"></figcaption></figure>` +
    `<figure class="rle-view rle-neurons-view"><div class="rle-neurons-title">Hidden neurons` +
    `</div><canvas class="rle-neurons" role="img" aria-label="Each hidden neuron's output ` +
    `over the plane"></canvas><p class="rle-dead-list"></p><figcaption>Each square is one ` +
    `neuron's output over the plane of the boundary view (blue positive, orange negative, ` +
    `white zero); a dark frame and faded colours mark a dead neuron.</figcaption></figure>` +
    `</div>` +
    `<details class="rle-details"><summary>The same run in code (Deno, the library's API)` +
    `</summary><pre class="rle-code"></pre></details>`;
}

const api: ExplorerApi = globalThis.reluLabExplorer ?? { mount, instances: new Map() };
api.mount = mount;
globalThis.reluLabExplorer = api;
