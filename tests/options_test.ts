import assert from "node:assert/strict";
import * as lib from "../src/mod.ts";

// Every public function and constructor that takes an options object refuses a key it does not
// know (a typo would otherwise be ignored silently) with a TypeError naming the key, and refuses
// a number in place of the options. One call each, with valid other arguments.
const bogus = { bogus: 1 } as never;
const data = lib.dataset(lib.fromRows([[0, 0], [0, 1], [1, 0], [1, 1]]), Int32Array.of(0, 1, 1, 0));
const model = lib.mlp([2, 3, 2], { seed: 1 });
const history = lib.train(model, data, { epochs: 2, batchSize: 2 });
const image = lib.matrix(4, 4);
const relu = lib.createActivation("relu");
const figure = lib.plotLines([{ name: "a", x: [0, 1], y: [0, 1] }]);

const calls: Record<string, (options: never) => unknown> = {
  "dataset()": (o) => lib.dataset(data.x, data.y, o),
  "batches()": (o) => lib.batches(data, 2, o),
  "blobs()": (o) => lib.blobs(o),
  "circles()": (o) => lib.circles(o),
  "regression1d()": (o) => lib.regression1d("sin", o),
  "permutation()": (o) => lib.permutation(3, o),
  "shuffle()": (o) => lib.shuffle(data, o),
  "spirals()": (o) => lib.spirals(o),
  "trainTestSplit()": (o) => lib.trainTestSplit(data, o),
  "twoMoons()": (o) => lib.twoMoons(o),
  "xor()": (o) => lib.xor(o),
  "diagnose()": (o) => lib.diagnose(model, data, o),
  "gradientCheck()": (o) => lib.gradientCheck(model, data, o),
  "gradientNorms()": (o) => lib.gradientNorms(model, data, o),
  "activationView()": (o) => lib.activationView(relu, o),
  "historyView()": (o) => lib.historyView(history, o),
  "latexToHtml()": (o) => lib.latexToHtml("z", o),
  "reportView()": (o) => lib.reportView(lib.diagnose(model, data), o),
  "createActivation()": (o) => lib.createActivation("relu", o),
  "mlp()": (o) => lib.mlp([2, 2], o),
  "train()": (o) => lib.train(model, data, o),
  "adam()": (o) => lib.adam(o),
  "adamW()": (o) => lib.adamW(o),
  "sgd()": (o) => lib.sgd(o),
  "checkDataset()": (o) => lib.checkDataset(model, data, o),
  "conv2d()": (o) => lib.conv2d(image, lib.fromRows([[1]]), o),
  "heNormal()": (o) => lib.heNormal(o),
  "heUniform()": (o) => lib.heUniform(o),
  "normalInit()": (o) => lib.normalInit(o),
  "randomAsymmetricInit()": (o) => lib.randomAsymmetricInit(o),
  "resolveInitializer()": (o) => lib.resolveInitializer("he", o),
  "recordActivations()": (o) => lib.recordActivations(model, lib.emptyActivationScans(model), o),
  "scanActivations()": (o) => lib.scanActivations(model, data.x, o),
  "cosineDecay()": (o) => lib.cosineDecay(o),
  "exponentialDecay()": (o) => lib.exponentialDecay(o),
  "stepDecay()": (o) => lib.stepDecay(o),
  "new Dense()": (o) => new lib.Dense(2, 2, o),
  "new Dropout()": (o) => new lib.Dropout(2, o),
  "new PReLU()": (o) => new lib.PReLU(2, o),
  "new RReLU()": (o) => new lib.RReLU(2, o),
  "new Conv2D()": (o) => new lib.Conv2D(4, 4, o),
  "combineFigures()": (o) => lib.combineFigures([figure], o),
  "plotActivations()": (o) => lib.plotActivations([relu], o),
  "plotDecisionBoundary()": (o) => lib.plotDecisionBoundary((x) => model.predict(x), data, o),
  "plotHistogram()": (o) => lib.plotHistogram([1, 2], o),
  "plotImage()": (o) => lib.plotImage(image, o),
  "plotImages()": (o) => lib.plotImages([image], o),
  "plotLayerBars()": (o) => lib.plotLayerBars([1, 2], o),
  "plotLines()": (o) => lib.plotLines([{ name: "a", x: [0, 1], y: [0, 1] }], o),
  "plotTrainingCurves()": (o) => lib.plotTrainingCurves([{ name: "a", history }], o),
  "toHtmlString()": (o) => lib.toHtmlString(figure, o),
};

Deno.test("every public function taking options refuses an unknown key, naming it", async (t) => {
  for (const [name, call] of Object.entries(calls)) {
    await t.step(name, () => {
      assert.throws(() => call(bogus), {
        name: "TypeError",
        message: /^Cannot .+ as options must have (only the keys .+|no keys): unknown key "bogus"$/,
      });
    });
  }
});

Deno.test("every public function taking options refuses a number in their place, suggesting an option that takes one", async (t) => {
  for (const [name, call] of Object.entries(calls)) {
    await t.step(name, () => {
      let message = "";
      assert.throws(() => call(0.5 as never), (error: Error) => {
        message = error.message;
        return error instanceof TypeError;
      });
      // The optimizer factories take no learning rate: a number there is pointed to train().
      if (/^(adam|adamW|sgd)\(\)$/.test(name)) {
        assert.match(message, /not a learning rate \(train\(\) takes it: .+\): options=0\.5$/);
        return;
      }
      const [, key, value] = message.match(
        /^Cannot .+ as options must be an object such as \{ (\w+): (0\.5|…) \}: options=0\.5$/,
      ) ?? assert.fail(`not the expected message: ${message}`);
      if (value === "…") return;
      // The suggestion has the right type: a number there is at most out of range.
      try {
        call({ [key]: 0.5 } as never);
      } catch (error) {
        const refused = error instanceof TypeError && error.message.includes(`${key}=`);
        assert.ok(!refused, `{ ${key}: 0.5 } is suggested, but: ${(error as Error).message}`);
      }
    });
  }
});

Deno.test("the async functions taking options reject an unknown key too", async () => {
  await assert.rejects(() => lib.loadDigits(bogus), { name: "TypeError", message: /"bogus"/ });
  await assert.rejects(() => lib.trainAsync(model, data, bogus), {
    name: "TypeError",
    message: /"bogus"/,
  });
});
