/**
 * The claims registry: one record per claim of the reference text (ReLU and Leaky ReLU), in
 * the text's order, then one per result of the paper reproductions (notebook 08), each naming
 * the notebook heading that shows it, the claim test that checks it, our verdict and what we
 * measured with the default parameters. The README's claims table and the tables of notebook
 * 07 are generated from it ({@linkcode claimsMarkdownTable}, {@linkcode claimsSummaryTables});
 * the notebook tests check that every test and heading it names exists, and that every measured
 * verdict is the one its notebook prints.
 *
 * One claim, one verdict: where the text states a claim again (its Summary restates earlier
 * claims; Leaky ReLU's "reduced sparsity may increase the computational cost" is ReLU's "sparsity
 * reduces computation" seen from the other side), the record {@linkcode Restatement | restates}
 * the earlier one and takes its verdict, notebook, heading, test and finding.
 *
 * @module
 */

/**
 * How our measurement relates to a claim of the text:
 * - `"supported"`: we measured what the text says.
 * - `"not supported"`: it held in none of the conditions measured: our measurement contradicts
 *   it, or is too few or too noisy to show it (the test name and the finding say which).
 * - `"qualified"`: it holds only under conditions the text does not state, or only in part.
 * - `"definition"`: a definition or an identity, checked exactly rather than measured.
 */
export type ClaimVerdict = "supported" | "not supported" | "qualified" | "definition";

/** One claim of the text, where it is shown, how it is tested and what we found. */
export interface ClaimRecord {
  /** A short stable identifier, unique in the registry (kebab-case). */
  id: string;
  /** The text's heading the claim sits under, as a path: `"Limitations of ReLU › Unbounded Output"`. */
  section: string;
  /** The claim, short, in our words. */
  claim: string;
  /** The notebook that shows it, without the extension: `"03-relu-limitations"`. */
  notebook: string;
  /** The notebook's Markdown heading that shows it, exactly as written there (without the `#`s). */
  heading: string;
  /** The claim test file, relative to the repository root. */
  testFile: string;
  /** The `Deno.test` name, exactly. */
  testName: string;
  /** Our verdict; see {@linkcode ClaimVerdict}. */
  verdict: ClaimVerdict;
  /** One sentence: what we measured with the default parameters. */
  finding: string;
  /**
   * The id of the earlier record whose claim this one states again, when it does (see
   * {@linkcode Restatement}); its other fields are then that record's.
   */
  repeats?: string;
}

/**
 * A claim the text states again (its Summary restates earlier claims, and one limitation of Leaky
 * ReLU is an advantage of ReLU seen from the other side): it keeps its own id,
 * section and wording, and takes every other field from the record it restates, so the claim has
 * one verdict everywhere. Its notebook prints no verdict line of its own: the restated record's
 * line is its evidence.
 */
export interface Restatement {
  /** A short stable identifier, unique in the registry (kebab-case). */
  id: string;
  /** The text's heading the claim sits under. */
  section: string;
  /** The claim as the text states it here, short, in our words. */
  claim: string;
  /** The id of the earlier record it restates. */
  repeats: string;
}

/**
 * The line a notebook prints, from code, for each measured claim it names:
 * `verdict (<id>): <verdict>`. Group 1 is the id, group 2 the verdict.
 *
 * @example
 * ```ts
 * import { VERDICT_LINE } from "./registry.ts";
 * import assert from "node:assert/strict";
 *
 * const [, id, verdict] = VERDICT_LINE.exec("verdict (paper-lu-rai): supported")!;
 * assert.deepEqual([id, verdict], ["paper-lu-rai", "supported"]);
 * assert.equal(VERDICT_LINE.exec("verdict: supported"), null);
 * ```
 */
export const VERDICT_LINE = /^verdict \(([a-z0-9-]+)\): (.*)$/;

/**
 * The verdicts, in the order tables and counts list them.
 *
 * @example
 * ```ts
 * import { CLAIM_VERDICTS } from "./registry.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(CLAIM_VERDICTS, ["supported", "qualified", "not supported", "definition"]);
 * ```
 */
export const CLAIM_VERDICTS: readonly ClaimVerdict[] = [
  "supported",
  "qualified",
  "not supported",
  "definition",
];

const T01 = "tests/claims/01_overview_test.ts";
const T02 = "tests/claims/02_advantages_test.ts";
const T03 = "tests/claims/03_limitations_test.ts";
const T04 = "tests/claims/04_leaky_relu_test.ts";
const T05 = "tests/claims/05_tradeoffs_test.ts";
const T06 = "tests/claims/06_practice_test.ts";
const T08 = "tests/claims/08_papers_test.ts";

const N01 = "01-relu-overview";
const N02 = "02-relu-advantages";
const N03 = "03-relu-limitations";
const N04 = "04-leaky-relu";
const N05 = "05-leaky-relu-tradeoffs";
const N06 = "06-comparison-and-practice";
const N08 = "08-papers";

const RELU = "ReLU (Rectified Linear Unit) Overview";
const ADV = "Advantages of ReLU";
const LIM = "Limitations of ReLU";
const LEAKY = "Leaky ReLU Overview";
const FIX = "How Leaky ReLU Fixes ReLU Limitations";
const EXAMPLE = "Example";
const LADV = "Advantages of Leaky ReLU";
const LLIM = "Limitations of Leaky ReLU";
const COMPARISON = "Comparison with ReLU";
const PRACTICE = "Practical Considerations";
const SUMMARY = "Summary";
const PAPERS = "Paper reproductions";

// Test names used by more than one record (the text repeats some claims).
const RELU_DEFINITION = "ReLU outputs its input when it is positive and 0 otherwise";
const LEAKY_DEFINITION =
  "Leaky ReLU is z for z > 0 and alpha z otherwise: f(3) = 3 and f(-2) = -0.02 at alpha = 0.01";
const VANISHING =
  "ReLU avoids the sigmoid's vanishing gradients (supported): its first layer keeps more of the gradient than the sigmoid's, beyond noise over 5 seeds, at initialisation through 15 hidden layers and in training, and its training loss falls faster";
const EFFICIENT =
  "ReLU is computationally efficient (supported by the timing rule): its forward kernel takes less than 0.8 of the sigmoid's and of tanh's time";
const SPARSE =
  "ReLU's activations are sparse (supported): in trained 2-64-64-2 networks each hidden layer has more exact zeros with ReLU than with Leaky ReLU or tanh, beyond noise over 5 seeds";
const SKIPS_ZEROS =
  "sparsity reduces computation only where the code skips zeros (qualified by notebook 02's timing, whose verdict the stored-output test checks; here, away from the rule's threshold, relu-lab's Dense layer takes under 0.9 of its time on Leaky ReLU outputs of the same z, a plain product over 0.7)";
const NEGATIVE_BIAS =
  "dying ReLU from negative biases (supported): biases starting at -1.5 leave more neurons dead before training, and a higher final loss, than zero biases, beyond noise over 5 seeds";
const KINK_NOTHING =
  "non-differentiable at 0 (not supported: the text's instability was not observed; on two moons no z was exactly 0, so f'(0) = 0, 0.5 and 1 gave the same weights bit for bit, and with zero rows the final losses tied, over 5 seeds)";
const FIX_ADAM =
  "Leaky ReLU fixes dying ReLU (measured: with Adam, neurons that start dead come back under Leaky ReLU beyond noise and never under ReLU; with plain SGD not within 60 epochs)";
const STABILITY =
  "improves training stability (measured at learning rates 1, 2 and 3 over 5 seeds: no fewer dead neurons and no lower final loss than ReLU, beyond noise, at 1 and 2; at 3 every Leaky ReLU run diverged, so neither could be compared; more Leaky ReLU runs diverged at 2 and 3)";
const CNN_EXAMPLE =
  "Leaky ReLU keeps the neurons of dark pixels active in a convolution (supported, 2 of 2 filters): after a 3×3 mean filter with bias -0.25 and after a zero-sum edge filter without bias, ReLU passes no gradient to the filter at 96.7% and 89.4% of a 9's dark pixels, Leaky ReLU at none; after the edge filter 79.2% of them output exactly 0 under Leaky ReLU too, where its gradient is α";
const RELU_SUFFICES =
  "ReLU is often sufficient and a good default (qualified, 5 of 6 depths): paired by seed over 5 seeds, its test accuracy is no worse than Leaky ReLU's within 1 point (mean − 2 SE of the difference ≥ −1 point) at 1 to 12 hidden layers, but not at 16, where it is 4.36 ± 3.59 points lower";

/** The records as written: claims, and restatements of earlier claims. */
const ENTRIES: readonly (ClaimRecord | Restatement)[] = [
  // ReLU (Rectified Linear Unit) Overview: notebook 01.
  {
    id: "relu-definition",
    section: `${RELU} › Definition`,
    claim: "ReLU outputs its input when it is positive, and 0 otherwise.",
    notebook: N01,
    heading: "Definition",
    testFile: T01,
    testName: RELU_DEFINITION,
    verdict: "definition",
    finding: "relu(-2) = 0, relu(0.5) = 0.5 and relu(3) = 3: relu(z) equals max(0, z) on every " +
      "value tried, from -1e6 to 1e6.",
  },
  {
    id: "relu-formula",
    section: `${RELU} › Formula`,
    claim: "$f(z) = \\max(0, z)$: $f(z) = z$ if $z > 0$, else 0.",
    notebook: N01,
    heading: "Formula",
    testFile: T01,
    testName: RELU_DEFINITION,
    verdict: "definition",
    finding: "The library's relu agrees with max(0, z) exactly, including at 0 and at tiny " +
      "values such as ±1e-300.",
  },
  {
    id: "relu-non-linear-abs",
    section: `${RELU} › Properties`,
    claim: "ReLU is non-linear, so a ReLU network can model patterns a linear model cannot (|x|).",
    notebook: N01,
    heading: "Non-linear",
    testFile: T01,
    testName:
      "ReLU is non-linear (supported): one hidden layer of 8 ReLU neurons fits |x| with a lower MSE than a line, beyond noise over 5 seeds",
    verdict: "supported",
    finding: "Over 5 seeds, one hidden layer of 8 ReLU neurons fit |x| to an MSE of 1.6e-5 ± " +
      "2.1e-5, against 0.080 ± 0.002 for a trained line: lower beyond noise.",
  },
  {
    id: "relu-non-linear-xor",
    section: `${RELU} › Properties`,
    claim: "ReLU is non-linear: a ReLU network separates XOR, a linear model cannot.",
    notebook: N01,
    heading: "Non-linear",
    testFile: T01,
    testName:
      "ReLU is non-linear (supported): one hidden layer of 8 ReLU neurons classifies XOR more accurately than a linear model, beyond noise over 5 seeds",
    verdict: "supported",
    finding: "On XOR the ReLU network classified 99.2 ± 1.1% of the points right over 5 seeds, " +
      "the linear model 59.6 ± 6.3%: higher beyond noise.",
  },
  {
    id: "relu-non-linear-control",
    section: `${RELU} › Properties`,
    claim: "It is the non-linearity that matters: without it a hidden layer adds nothing.",
    notebook: N01,
    heading: "Non-linear",
    testFile: T01,
    testName:
      "without a non-linear activation a hidden layer adds nothing (supported): an identity network fits |x| no better than a line, within an MSE of 0.001 on the per-seed difference over 5 seeds",
    verdict: "supported",
    finding: "The same network with the identity as activation fit |x| no better than a line: " +
      "MSE 0.0800 ± 0.0015 against 0.0797 ± 0.0017 over 5 seeds; seed by seed the line's " +
      "MSE minus the network's was −0.00033, at most 0.00024 with 2 SE, within the margin 0.001.",
  },
  {
    id: "relu-sparse",
    section: `${RELU} › Properties`,
    claim: "Only positive inputs activate a ReLU neuron, so activations are sparse.",
    notebook: N01,
    heading: "Sparse activation",
    testFile: T01,
    testName:
      "ReLU activations are sparse (supported): at initialisation each hidden layer has more exact zeros with ReLU than with Leaky ReLU on the same weights, beyond noise over 5 seeds",
    verdict: "supported",
    finding: "At initialisation 48.2 ± 3.8% and 52.1 ± 1.9% of the two hidden layers' outputs " +
      "were exactly 0 with ReLU (5 seeds), none with Leaky ReLU on the same weights.",
  },
  {
    id: "relu-not-differentiable",
    section: `${RELU} › Properties`,
    claim: "ReLU is not differentiable at 0; a subgradient, typically 0, is used there.",
    notebook: N01,
    heading: "Not differentiable at $z = 0$",
    testFile: T01,
    testName:
      "ReLU is not differentiable at 0: its one-sided slopes are 0 and 1, and the library uses the subgradient 0 unless told otherwise",
    verdict: "definition",
    finding: "The one-sided difference quotients at 0 were 0 and 1 for every step size; " +
      "reluGrad(0) returns 0 (1 or 0.5 on request).",
  },
  {
    id: "relu-role",
    section: `${RELU} › Role in ANNs`,
    claim: "ReLU is applied after the linear step $z = Wx + b$ of a layer.",
    notebook: N01,
    heading: "Role in ANNs",
    testFile: T01,
    testName:
      "in a layer, ReLU follows z = Wx + b and zeroes exactly the neurons with z <= 0: 2 of the 4 in the notebook's layer, and on 5 of 5 other seeds",
    verdict: "definition",
    finding: "In a 3-input layer of 4 neurons, z matched Wx + b computed by hand and ReLU zeroed " +
      "exactly the 2 neurons with z ≤ 0.",
  },
  {
    id: "relu-examples",
    section: `${RELU} › Example`,
    claim: "$f(3) = 3$ and $f(-2) = 0$.",
    notebook: N01,
    heading: "Examples",
    testFile: T01,
    testName:
      "the examples: f(3) = 3 and f(-2) = 0; Leaky ReLU gives 3 and -2α (-0.02 at α = 0.01)",
    verdict: "definition",
    finding: "relu(3) = 3 and relu(-2) = 0; Leaky ReLU gives 3 and -0.02 at α = 0.01.",
  },
  {
    id: "relu-scenario-edges",
    section: `${RELU} › Example`,
    claim: "In image processing, ReLU keeps positive feature responses (edges) and suppresses " +
      "negative ones.",
    notebook: N01,
    heading: "Scenario: ReLU after an edge filter",
    testFile: T01,
    testName:
      "after an edge filter on real digits, ReLU keeps the positive responses unchanged and zeroes the negative ones (supported: 5 of 5 digits, 12% to 20% of the pixels zeroed)",
    verdict: "supported",
    finding: "After a Sobel filter, ReLU kept the positive responses unchanged and zeroed the " +
      "negative ones (12% to 20% of the pixels) on 5 of 5 handwritten digits.",
  },
  {
    id: "relu-scenario-background",
    section: `${RELU} › Example`,
    claim: "Beyond the text: on a handwritten digit, most zeros after ReLU were zeros before it.",
    notebook: N01,
    heading: "Scenario: ReLU after an edge filter",
    testFile: T01,
    testName:
      "our finding beyond the text: on real digits most zeros after ReLU were already 0 before it (supported: the flat background, 63% to 76% of the pixels, outnumbers the negative responses on 5 of 5 digits)",
    verdict: "supported",
    finding: "On 5 of 5 digits the flat background's zeros (63% to 76% of the pixels) " +
      "outnumbered the negative responses ReLU erased (12% to 20%); a property of images with " +
      "flat backgrounds, not of ReLU.",
  },

  // Advantages of ReLU: notebook 02.
  {
    id: "relu-gradient-one",
    section: `${ADV} › Avoids Vanishing Gradients`,
    claim: "ReLU's gradient is 1 for $z > 0$, where the sigmoid's is at most 1/4 and tanh's at " +
      "most 1.",
    notebook: N02,
    heading: "1. Avoids vanishing gradients",
    testFile: T02,
    testName:
      "ReLU's gradient is 1 for z > 0, while the sigmoid's never exceeds 1/4 and tanh's never exceeds 1",
    verdict: "definition",
    finding: "The largest derivative on [-10, 10] was 0.25 for the sigmoid and 1 for tanh (both " +
      "at z = 0 only), and 1 for ReLU at every z > 0.",
  },
  {
    id: "relu-vanishing-sigmoid",
    section: `${ADV} › Avoids Vanishing Gradients`,
    claim: "ReLU avoids the vanishing gradients of the sigmoid in deep networks.",
    notebook: N02,
    heading: "1. Avoids vanishing gradients",
    testFile: T02,
    testName: VANISHING,
    verdict: "supported",
    finding: "Through 15 hidden layers at initialisation, log10 of the first layer's gradient " +
      "over the last's was -9.6 ± 0.4 with the sigmoid and -0.6 ± 0.6 with ReLU (5 seeds); " +
      "ReLU was also ahead in training (-2.2 against 0.05) and trained faster.",
  },
  {
    id: "relu-vanishing-tanh",
    section: `${ADV} › Avoids Vanishing Gradients`,
    claim: "ReLU avoids the vanishing gradients of tanh as well, speeding up training.",
    notebook: N02,
    heading: "1. Avoids vanishing gradients",
    testFile: T02,
    testName:
      "ReLU avoids tanh's vanishing gradients (qualified, 1 of 3 conditions): a Xavier-initialised tanh network keeps more of its first layer's gradient than ReLU at initialisation and in training, yet ReLU's training loss falls faster, beyond noise over 5 seeds",
    verdict: "qualified",
    finding: "Held in 1 of 3 conditions: tanh kept more of its gradient at the first layer than " +
      "ReLU at initialisation and in training (log10 ratio 0.49 against 0.05), but ReLU's " +
      "mean training loss was lower beyond noise (0.167 against 0.247).",
  },
  {
    id: "relu-efficient",
    section: `${ADV} › Computational Efficiency`,
    claim: "Thresholding is faster than the exponentials of the sigmoid and tanh.",
    notebook: N02,
    heading: "2. Computational efficiency",
    testFile: T02,
    testName: EFFICIENT,
    verdict: "supported",
    finding:
      "ReLU's forward kernel took under 0.8 of the sigmoid's and tanh's time by the timing " +
      "rule (medians of 9 interleaved rounds of CPU time: about 0.03 to 0.07 of it; it varies from " +
      "run to run and machine to machine).",
  },
  {
    id: "relu-efficient-backward",
    section: `${ADV} › Computational Efficiency`,
    claim: "Beyond the text: the advantage is in the forward pass only.",
    notebook: N02,
    heading: "2. Computational efficiency",
    testFile: T02,
    testName:
      "beyond the text, ReLU's advantage is in the forward pass only (supported by notebook 02's timing, whose verdict the stored-output test checks; here the forward kernel is faster than the sigmoid's and tanh's by the timing rule, and the backward kernel, near the rule's threshold, is not under half of their time)",
    verdict: "supported",
    finding: "ReLU's forward kernel was faster by the timing rule, while its backward kernel was " +
      "not faster than the sigmoid's or tanh's, which are computed from their outputs (it took " +
      "0.81 to 1.66 of their time in 40 runs on one machine: close to the rule's 0.8 against tanh).",
  },
  {
    id: "relu-sparse-advantage",
    section: `${ADV} › Sparse Activation`,
    claim: "Negative inputs give zero outputs, deactivating neurons.",
    notebook: N02,
    heading: "3. Sparse activation",
    testFile: T02,
    testName: SPARSE,
    verdict: "supported",
    finding: "In trained 2-64-64-2 networks, 49.1 ± 3.2% and 58.9 ± 5.1% of ReLU's hidden " +
      "outputs were exactly 0 (5 seeds), none of Leaky ReLU's or tanh's.",
  },
  {
    id: "relu-sparse-computation",
    section: `${ADV} › Sparse Activation`,
    claim: "Sparsity reduces computation.",
    notebook: N02,
    heading: "3. Sparse activation",
    testFile: T02,
    testName: SKIPS_ZEROS,
    verdict: "qualified",
    finding: "On ReLU's outputs (50% exact zeros) relu-lab's Dense layer, which skips zero " +
      "inputs, took about 0.5 to 0.65 of its time on Leaky ReLU's outputs of the same z; a " +
      "plain product, which multiplies every zero, took the same time (ratio about 0.9 to 1.0).",
  },
  {
    id: "relu-sparse-overfitting",
    section: `${ADV} › Sparse Activation`,
    claim: "Sparsity mitigates overfitting.",
    notebook: N02,
    heading: "3. Sparse activation",
    testFile: T02,
    testName:
      "sparsity mitigating overfitting is not shown: on 60 noisy points ReLU's train-test gap is not smaller beyond noise than Leaky ReLU's or tanh's over 5 seeds (ties, with 2 SE of the differences about 0.07: a smaller effect could not show)",
    verdict: "not supported",
    finding: "On 60 noisy points the train-test accuracy gap was 0.157 ± 0.063 with ReLU (the " +
      "sparsest), 0.154 ± 0.056 with Leaky ReLU and 0.141 ± 0.047 with tanh: ties, with 2 SE of the " +
      "differences about 0.07, so a smaller effect could not show.",
  },
  {
    id: "relu-convergence",
    section: `${ADV} › Improved Convergence`,
    claim: "ReLU converges faster in deep networks (than the sigmoid and tanh).",
    notebook: N02,
    heading: "4. Improved convergence",
    testFile: T02,
    testName:
      "ReLU improves convergence (supported): with 4 hidden layers and plain SGD its mean training loss over 30 epochs is lower than tanh's and the sigmoid's, beyond noise over 5 seeds",
    verdict: "supported",
    finding: "With 4 hidden layers and SGD, ReLU's mean training loss over 30 epochs was 0.167 " +
      "± 0.038, tanh's 0.247 ± 0.037, the sigmoid's 0.702: lower beyond noise than both.",
  },
  {
    id: "relu-widely-effective",
    section: `${ADV} › Widely Effective`,
    claim: "ReLU is empirically successful across tasks (image recognition, NLP).",
    notebook: N02,
    heading: "5. Widely effective",
    testFile: T02,
    testName:
      "ReLU is widely effective (qualified): on real digits its test accuracy is above the sigmoid's beyond noise but tied with tanh's, over 5 seeds; no NLP task was tested",
    verdict: "qualified",
    finding: "On handwritten digits ReLU reached 77.3 ± 2.3% test accuracy, above the sigmoid " +
      "(62.5 ± 4.0%) beyond noise but tied with tanh (79.5 ± 1.0%); we tested no NLP task.",
  },

  // Limitations of ReLU: notebook 03.
  {
    id: "relu-dying-permanent",
    section: `${LIM} › Dying ReLU Problem`,
    claim: "A neuron whose z is always ≤ 0 gets no gradient and never activates again.",
    notebook: N03,
    heading: "Dying ReLU",
    testFile: T03,
    testName:
      "dying ReLU is permanent only in the first layer (qualified): over 15 runs of plain SGD (3 settings, 5 seeds) no dead first-layer neuron came back, while dead neurons of layers 2 and 3 did",
    verdict: "qualified",
    finding: "Over 15 runs (3 settings, 5 seeds) no dead first-layer neuron came back in 30 " +
      "epochs of SGD, but 36 in layer 2 and 46 in layer 3 did, when the layers below moved.",
  },
  {
    id: "relu-dying-bias",
    section: `${LIM} › Dying ReLU Problem`,
    claim: "Large negative biases can make neurons dead, reducing the network's capacity.",
    notebook: N03,
    heading: "Dying ReLU",
    testFile: T03,
    testName: NEGATIVE_BIAS,
    verdict: "supported",
    finding: "Biases starting at -1.5 left 37.4 ± 3.4 of 48 neurons dead before training and " +
      "36.8 ± 4.3 after it (5 seeds); the final loss, 0.645, was higher beyond noise than 0.045.",
  },
  {
    id: "relu-dying-cause",
    section: `${LIM} › Dying ReLU Problem`,
    claim: "Large gradient steps push z into the negative region for good.",
    notebook: N03,
    heading: "Dying ReLU",
    testFile: T03,
    testName:
      "dying ReLU from large steps (supported): after 30 epochs at learning rate 1.5 more neurons are dead than at 0.1, beyond noise over 5 seeds",
    verdict: "supported",
    finding: "After 30 epochs, 31.8 ± 9.2 of 48 neurons were dead at learning rate 1.5 against " +
      "3.4 ± 2.3 at 0.1 (5 seeds): more, beyond noise.",
  },
  {
    id: "relu-kink-instability",
    section: `${LIM} › Non-Differentiable at z = 0`,
    claim: "Subgradients at $z = 0$ can make optimisation unstable.",
    notebook: N03,
    heading: "Non-differentiable at $z = 0$",
    testFile: T03,
    testName: KINK_NOTHING,
    verdict: "not supported",
    finding: "No pre-activation was exactly 0 among 640,000 during training (5 seeds), f'(0) = " +
      "0, 0.5 or 1 gave bit-for-bit identical weights, and with zero rows the losses tied.",
  },
  {
    id: "relu-kink-zeros",
    section: `${LIM} › Non-Differentiable at z = 0`,
    claim: "Where exact zeros do occur, the choice of subgradient matters little.",
    notebook: N03,
    heading: "Where exact zeros do arise",
    testFile: T03,
    testName:
      "where exact zeros arise, from zero inputs meeting zero biases, the choice of f'(0) matters little (supported: with every fifth training row zero, the final losses with f'(0) = 0.5 and 1 stay within ±0.01 of f'(0) = 0's, seed by seed with 2 SE either side, over 5 seeds)",
    verdict: "supported",
    finding: "With every fifth training row all zero, 1 step in 260 per run met exact zeros; " +
      "seed by seed, f'(0) = 0.5 and 1 changed the final loss (about 0.30) by −0.0013 and " +
      "−0.0003 on average, within ±0.0021 with 2 SE, inside the margin ±0.01.",
  },
  {
    id: "relu-unbounded",
    section: `${LIM} › Unbounded Output`,
    claim: "Unbounded outputs risk numerical instability and exploding gradients.",
    notebook: N03,
    heading: "Unbounded output",
    testFile: T03,
    testName:
      "unbounded output (qualified): with N(0, 1) weights ReLU's activations grow faster with depth than tanh's and its first-layer gradient is larger, beyond noise over 5 seeds; with He weights neither is",
    verdict: "qualified",
    finding: "With N(0, 1) weights the activations grew ×4.02 per layer and the first layer's " +
      "gradient was 10^3.4 times the bounded tanh's; with He weights ReLU grew ×1.01, a tie " +
      "with tanh: the scale of the weights decides.",
  },
  {
    id: "relu-not-centred",
    section: `${LIM} › Non-Zero-Centered`,
    claim: "ReLU outputs only non-negative values: its activations are not zero-centred.",
    notebook: N03,
    heading: "Non-zero-centred output",
    testFile: T03,
    testName:
      "non-zero-centred (supported): with He weights ReLU's mean activation is above tanh's in each of 10 layers, beyond noise over 5 seeds",
    verdict: "supported",
    finding: "Mean activations of 10 ReLU layers with He weights were 0.47 to 0.59; of the same " +
      "network with tanh within 0.01 of 0: above beyond noise in 10 of 10 layers.",
  },
  {
    id: "relu-not-centred-signs",
    section: `${LIM} › Non-Zero-Centered`,
    claim: "Non-negative inputs give a neuron's weight gradients a single sign per sample.",
    notebook: N03,
    heading: "Non-zero-centred output",
    testFile: T03,
    testName:
      "non-zero-centred (supported): fed by ReLU outputs every per-sample weight gradient has a single sign, a larger share than fed by Leaky ReLU or tanh outputs, beyond noise over 5 seeds",
    verdict: "supported",
    finding: "Fed by ReLU outputs, 100% of the per-sample weight gradients had a single sign; " +
      "fed by tanh outputs, 0%.",
  },
  {
    id: "relu-not-centred-slow",
    section: `${LIM} › Non-Zero-Centered`,
    claim: "Not being zero-centred may slow convergence compared with tanh.",
    notebook: N03,
    heading: "Non-zero-centred output",
    testFile: T03,
    testName:
      "non-zero-centred (text: may slow convergence; measured: not observed, ReLU's mean training loss is not above tanh's beyond noise, over 5 seeds)",
    verdict: "not supported",
    finding: "Over 30 epochs the mean training loss was 0.173 ± 0.052 with ReLU and 0.242 ± " +
      "0.034 with tanh: the network that is not centred trained faster.",
  },
  {
    id: "relu-learning-rate",
    section: `${LIM} › Sensitivity to Learning Rate`,
    claim: "High learning rates make dying ReLU worse.",
    notebook: N03,
    heading: "Sensitivity to the learning rate",
    testFile: T03,
    testName:
      "sensitivity to the learning rate (qualified): more ReLU neurons are dead after training at 1, 2 and 3 than at 0.1, beyond noise over 5 seeds, but not at 0.3; no ReLU run diverged, 7 of 10 Leaky ReLU runs at 2 and 3 did",
    verdict: "qualified",
    finding: "Over 5 seeds, 7% of the neurons were dead at learning rate 0.1, 6% at 0.3, 33% at " +
      "1, 75% at 2 and 81% at 3; no ReLU run diverged, 7 of 10 Leaky ReLU runs at 2 and 3 did.",
  },

  // Leaky ReLU Overview: notebook 04.
  {
    id: "leaky-definition",
    section: `${LEAKY} › Definition`,
    claim: "Leaky ReLU outputs $\\alpha z$ instead of 0 for negative inputs.",
    notebook: N04,
    heading: "Definition and formula",
    testFile: T04,
    testName: LEAKY_DEFINITION,
    verdict: "definition",
    finding: "At α = 0.01, f(3) = 3 and f(-2) = -0.02, with slopes 1 and 0.01.",
  },
  {
    id: "leaky-max-form",
    section: `${LEAKY} › Formula`,
    claim: "Alternative form: $f(z) = \\max(\\alpha z, z)$.",
    notebook: N04,
    heading: "The alternative form $\\max(\\alpha z, z)$",
    testFile: T04,
    testName:
      "the alternative form max(alpha z, z) is Leaky ReLU for 0 <= alpha <= 1, and a different function for alpha > 1",
    verdict: "qualified",
    finding: "max(αz, z) equals Leaky ReLU exactly at α = 0.01, but at α = 1.5 it differs by up " +
      "to 2 on [-4, 4]: the form needs α ≤ 1.",
  },
  {
    id: "leaky-non-linear",
    section: `${LEAKY} › Properties`,
    claim: "Leaky ReLU stays non-linear.",
    notebook: N04,
    heading: "Properties",
    testFile: T04,
    testName: "Leaky ReLU is non-linear: f(a + b) differs from f(a) + f(b) across the kink",
    verdict: "supported",
    finding: "At α = 0.01, f(1) + f(-2) = 0.98 but f(1 + (-2)) = -0.01.",
  },
  {
    id: "leaky-reduced-sparsity",
    section: `${LEAKY} › Properties`,
    claim: "Negative inputs give non-zero outputs: Leaky ReLU is less sparse.",
    notebook: N04,
    heading: "Properties",
    testFile: T04,
    testName:
      "reduced sparsity: Leaky ReLU's share of exactly-zero outputs is below ReLU's beyond noise in every hidden layer, and is 0 on 5 of 5 seeds",
    verdict: "supported",
    finding: "Trained 2-16-16-16-2 networks (SGD at 0.1, 5 seeds) had 49.8 ± 7.9%, 50.2 ± 8.3% " +
      "and 53.3 ± 10.4% exact zeros per hidden layer with ReLU, 0% with Leaky ReLU.",
  },
  {
    id: "leaky-more-neurons",
    section: `${LEAKY} › Properties`,
    claim: "Leaky ReLU activates more neurons than ReLU.",
    notebook: N04,
    heading: "Properties",
    testFile: T04,
    testName:
      "activates more neurons (measured: more non-zero outputs in every layer, beyond noise, but not more units with z > 0 in any layer)",
    verdict: "qualified",
    finding: "Leaky ReLU's outputs were all non-zero, but its share of z > 0 per layer (50.2%, " +
      "48.9%, 47.7%) was within noise of ReLU's (50.2%, 49.8%, 46.7%), 5 seeds.",
  },
  {
    id: "leaky-almost-differentiable",
    section: `${LEAKY} › Properties`,
    claim: "Leaky ReLU is differentiable except at 0, where a subgradient is used.",
    notebook: N04,
    heading: "Almost differentiable",
    testFile: T04,
    testName:
      "Leaky ReLU is differentiable except at 0, with slopes alpha and 1 and the convention f'(0) = alpha",
    verdict: "definition",
    finding: "The one-sided slopes at 0 are 0.01 and 1; leakyReluGrad(0) returns α = 0.01.",
  },

  // How Leaky ReLU Fixes ReLU Limitations: notebook 04.
  {
    id: "leaky-fix-gradient",
    section: `${FIX} › Addresses Dying ReLU Problem`,
    claim: "For $z = -2$ ReLU gives 0 with gradient 0; Leaky ReLU gives -0.02 with gradient 0.01.",
    notebook: N04,
    heading: "How Leaky ReLU fixes dying ReLU",
    testFile: T04,
    testName: LEAKY_DEFINITION,
    verdict: "definition",
    finding: "relu(-2) = 0 with f'(-2) = 0; leakyRelu(-2) = -0.02 with f'(-2) = 0.01 at α = 0.01.",
  },
  {
    id: "leaky-fix-adam",
    section: `${FIX} › Addresses Dying ReLU Problem`,
    claim: "The gradient α lets neurons with $z \\le 0$ keep learning: they do not stay dead.",
    notebook: N04,
    heading: "How Leaky ReLU fixes dying ReLU",
    testFile: T04,
    testName: FIX_ADAM,
    verdict: "qualified",
    finding: "With biases starting at -3 and Adam, 191 of 229 neurons that started dead came " +
      "back under Leaky ReLU (5 seeds), 0 under ReLU; with plain SGD, 0 of 229 in 60 epochs.",
  },
  {
    id: "leaky-fix-sgd",
    section: `${FIX} › Addresses Dying ReLU Problem`,
    claim: "The fix works with plain gradient descent too (the text names no optimiser).",
    notebook: N04,
    heading: "How Leaky ReLU fixes dying ReLU",
    testFile: T04,
    testName:
      "Leaky ReLU fixes dying ReLU with plain SGD (measured: no; within 60 epochs no more neurons that start dead come back than under ReLU, beyond noise)",
    verdict: "not supported",
    finding: "With plain SGD at 0.1, none of the 229 neurons that started dead came back in 60 " +
      "epochs, as under ReLU: a gradient of 0.01 moves them slowly.",
  },
  {
    id: "leaky-stability",
    section: `${FIX} › Improves Training Stability`,
    claim: "Leaky ReLU improves training stability.",
    notebook: N04,
    heading: "Training stability",
    testFile: T04,
    testName: STABILITY,
    verdict: "not supported",
    finding: "At learning rates 1 and 2 (notebook 03's sweep, 5 seeds each), Leaky ReLU left " +
      "no fewer neurons dead and reached no lower final loss than ReLU beyond noise (at 1: " +
      "30.8 ± 26.2% dead against 33.3 ± 23.8%); at 3 all 5 of its runs diverged, so neither " +
      "could be compared; 7 of its 15 runs diverged against none of ReLU's. The claim held in " +
      "none of the 9 conditions (the two at rate 3 not held because no run finished; at rate 1 " +
      "neither diverged, a tie, which shows no improvement).",
  },
  {
    id: "leaky-simplicity",
    section: `${FIX} › Maintains Simplicity`,
    claim: "Leaky ReLU is as cheap to compute as ReLU: a test and a multiplication.",
    notebook: N04,
    heading: "Maintains simplicity",
    testFile: T04,
    testName:
      "maintains simplicity: Leaky ReLU's array kernels compute one comparison and one multiplication per element (their cost is timed in notebook 04 and bench/activations_bench.ts)",
    verdict: "supported",
    finding: "Leaky ReLU's kernels were not slower than ReLU's by the timing rule: about 1.0 " +
      "of ReLU's time, forward and backward (medians of 9 interleaved rounds). In 120 runs of " +
      "the timing (2026-12-04) the forward ratio was 0.91 to 1.05 in 118, 0.71 in one and 1.29 " +
      "in one, whose verdict was qualified; the backward ratio 0.83 to 1.05. On another " +
      "machine (2026-12-07, AMD Zen 4) the forward ratio was 1.00 to 1.24 in 20 runs of the " +
      "notebook and 1.02 to 1.31 in 40 runs of its timing code alone, 11 of them qualified: " +
      "there the verdict depends on the run.",
  },

  // Example (Leaky ReLU): notebook 04.
  {
    id: "leaky-example",
    section: EXAMPLE,
    claim: "$f(3) = 3$, as ReLU, and $f(-2) = -0.02$ at $\\alpha = 0.01$.",
    notebook: N04,
    heading: "Example",
    testFile: T04,
    testName: LEAKY_DEFINITION,
    verdict: "definition",
    finding: "leakyRelu(3) = 3 and leakyRelu(-2) = -0.02 at α = 0.01 (ReLU: 3 and 0).",
  },

  {
    id: "leaky-example-scenario",
    section: EXAMPLE,
    claim:
      "Leaky ReLU keeps neurons fed by low-intensity pixels active (improving feature learning: not measured).",
    notebook: N06,
    heading: "The convolutional example",
    testFile: T06,
    testName: CNN_EXAMPLE,
    verdict: "supported",
    finding:
      "Through a 3×3 mean filter with bias -0.25 ReLU passed no gradient at 96.7% of a 9's dark pixels and Leaky ReLU at none (outputs of at most 0.0025); through a zero-sum edge filter without bias ReLU at 89.4% and Leaky ReLU at none, although 79.2% output exactly 0 with Leaky ReLU too (z = 0, where its gradient is α); feature learning was not measured.",
  },

  // Advantages of Leaky ReLU: notebook 05.
  {
    id: "leaky-mitigates-dying",
    section: `${LADV} › Mitigates Dying ReLU Problem`,
    claim: "Non-zero negative gradients keep neurons from becoming inactive.",
    notebook: N05,
    heading: "It keeps neurons from dying",
    testFile: T05,
    testName:
      "Leaky ReLU mitigates dying ReLU (supported): on three spirals drawn per seed every slope 0 < α < 1 leaves fewer hidden neurons inactive after training than ReLU, beyond noise over 5 seeds",
    verdict: "supported",
    finding:
      "On three spirals drawn per seed (Adam, 5 seeds, none diverged) ReLU left 10.6 ± 2.8% of its hidden neurons inactive; every slope from 0.001 (6.6 ± 2.3%) to 0.5 (0.3 ± 0.7%) left fewer, beyond noise.",
  },
  {
    id: "leaky-preserves-benefits",
    section: `${LADV} › Preserves ReLU Benefits`,
    claim: "Leaky ReLU keeps ReLU's gradient of 1 for $z > 0$ and its efficiency.",
    notebook: N05,
    heading: "It keeps ReLU's strengths",
    testFile: T05,
    testName:
      "Leaky ReLU preserves ReLU's benefits (supported): slope 1 for z > 0, and at initialisation every slope 0 < α < 1 passes no less of the gradient through 15 hidden layers than ReLU within a factor of 2, paired by seed over 5 seeds",
    verdict: "supported",
    finding:
      "f'(3) = 1, and through 15 untrained hidden layers, where ReLU's first layer got 10^-0.56 ± 0.34 of the last layer's gradient norm, every slope from 0.001 to 0.5 passed no less than ReLU within a factor of 2 (margin log10 2 = 0.301), paired by seed over 5 seeds: slope − ReLU in log10(first/last) was 0.000 to +0.125 on average, its mean − 2 SE at lowest −0.154 (α = 0.3).",
  },
  {
    id: "leaky-improves-learning",
    section: `${LADV} › Improves Learning`,
    claim: "More neurons contribute to the updates, potentially improving convergence.",
    notebook: N05,
    heading: "It can improve learning",
    testFile: T05,
    testName:
      "Leaky ReLU improves learning (not supported): on three spirals no slope 0 < α < 1 ends 60 epochs of Adam at a lower training loss than ReLU, beyond noise over 5 seeds",
    verdict: "not supported",
    finding:
      "After 60 epochs of Adam on three spirals drawn per seed the final training loss was 0.0233 ± 0.0091 with ReLU and 0.0247 to 0.1184 with the slopes 0.001 to 0.5 (n = 5 each): none lower beyond noise. The network has two hidden layers, not the text's deep ones, and the speed of convergence is drawn but not graded.",
  },
  {
    id: "leaky-simple-implementation",
    section: `${LADV} › Simple Implementation`,
    claim: "Leaky ReLU is a small modification of ReLU with one fixed α.",
    notebook: N05,
    heading: "It is simple to implement",
    testFile: T05,
    testName:
      "Leaky ReLU is simple to implement: relu-lab's leakyRelu is one comparison and one multiplication, and equals max(αz, z) for 0 ≤ α ≤ 1",
    verdict: "definition",
    finding: "relu-lab's leakyRelu, printed from the library, is, after the checks of its " +
      "arguments and a shortcut to ReLU for α = 0, one comparison and one multiplication; it " +
      "equals max(αz, z) for 0 ≤ α ≤ 1 (notebook 04).",
  },

  // Limitations of Leaky ReLU: notebook 05.
  {
    id: "leaky-alpha-large",
    section: `${LLIM} › Choice of α`,
    claim: "α must be tuned: a poor (too large) choice hurts performance.",
    notebook: N05,
    heading: "The slope α has to be chosen",
    testFile: T05,
    testName:
      "a too large α hurts (qualified, 1 of 3 large slopes): on three spirals α = 1, an affine network that scores like a classifier without a hidden layer, scores below α = 0.01 beyond noise over 5 seeds, while α = 0.3 and α = 0.5 stay within noise",
    verdict: "qualified",
    finding:
      "On three spirals drawn per seed α = 0.01 scored 97.8 ± 1.1% (n = 5); α = 1 (49.3 ± 2.6%, within noise of a classifier without hidden layer at 49.8 ± 2.9%; chance 33.3%) scored lower beyond noise, α = 0.3 (96.9 ± 1.6%) and α = 0.5 (94.2 ± 5.7%) within noise.",
  },
  {
    id: "leaky-alpha-small",
    section: `${LLIM} › Choice of α`,
    claim: "A too small α hurts performance as well.",
    notebook: N05,
    heading: "The slope α has to be chosen",
    testFile: T05,
    testName:
      "a too small α hurts (not supported): on three spirals α = 0 and α = 0.001 score within noise of α = 0.01, over 5 seeds, though α = 0 leaves more neurons inactive",
    verdict: "not supported",
    finding:
      "α = 0 and α = 0.001 both scored 97.6 ± 1.2% test accuracy, within noise of α = 0.01's 97.8 ± 1.1% (n = 5 each), although α = 0 left more neurons inactive (10.6 ± 2.8% against 3.4 ± 2.0%).",
  },
  {
    id: "leaky-alpha-per-neuron",
    section: `${LLIM} › Choice of α`,
    claim: "A fixed α may not be optimal for all neurons or layers.",
    notebook: N06,
    heading: "Tuning α, or learning it",
    testFile: T06,
    testName:
      "a fixed α may not be optimal for every neuron (qualified, 1 of 2 findings): at 12 hidden layers PReLU's learned slopes spread, spanning more than 0.1 within every run, yet its test accuracy is not above α = 0.01's or α = 0.1's beyond noise over 5 seeds",
    verdict: "qualified",
    finding:
      "At 12 hidden layers PReLU's 960 learned slopes spread from -0.461 to 1.216 (spanning 1.20 to 1.61 within each of 5 runs), but its test accuracy (92.5 ± 9.8%) was not above fixed α = 0.01 (96.6 ± 2.2%) or 0.1 (99.5 ± 0.4%) beyond noise.",
  },
  {
    id: "leaky-not-differentiable",
    section: `${LLIM} › Non-Differentiable at z = 0`,
    claim: "Like ReLU, Leaky ReLU is not differentiable at 0.",
    notebook: N05,
    heading: "Not differentiable at z = 0",
    testFile: T05,
    testName:
      "Leaky ReLU is not differentiable at 0: its one-sided slopes are α and 1, and f'(0) is α by default (left), 0.505 as their mean and 1 on the right",
    verdict: "definition",
    finding: "f'(0) is 0.01 with the default (left) convention, 0.505 with the mean and 1 with " +
      "the right slope.",
  },
  {
    id: "leaky-kink-zeros",
    section: `${LLIM} › Non-Differentiable at z = 0`,
    claim:
      "Subgradients mitigate the kink: where exact zeros occur, the choice of f'(0) matters little.",
    notebook: N05,
    heading: "Not differentiable at z = 0",
    testFile: T05,
    testName:
      "where exact zeros arise, the choice of Leaky ReLU's f'(0) matters little (supported: with every fifth training row zero, the final losses with f'(0) = 0.505 and 1 stay within ±0.01 of f'(0) = α's, seed by seed with 2 SE either side, over 5 seeds)",
    verdict: "supported",
    finding: "With every fifth training row all zero (notebook 03's check, α = 0.01), the " +
      "conventions trained different networks on every seed; seed by seed, f'(0) = 0.505 and 1 " +
      "changed the final loss (about 0.31) by −0.0007 and −0.0013 on average, within ±0.0022 " +
      "with 2 SE, inside the margin ±0.01.",
  },
  {
    id: "leaky-less-sparse",
    section: `${LLIM} › Reduced Sparsity`,
    claim: "Non-zero negative outputs reduce sparsity compared with ReLU.",
    notebook: N05,
    heading: "Reduced sparsity",
    testFile: T05,
    testName:
      "Leaky ReLU reduces sparsity (supported): on three spirals every slope 0 < α < 1 leaves fewer hidden outputs exactly 0 on the test points than ReLU, none against 55.3%, beyond noise over 5 seeds, while over half of the pre-activations stay ≤ 0",
    verdict: "supported",
    finding:
      "On the test points exact zeros fell from 55.3 ± 1.9% with ReLU to 0.0% at every slope from 0.001 to 0.5, beyond noise (n = 5 each), while 53.6% to 59.1% of the pre-activations stayed ≤ 0 (and 33.6% of the outputs near 0 at α = 0.01).",
  },
  {
    id: "leaky-sparsity-cost",
    section: `${LLIM} › Reduced Sparsity`,
    claim: "Reduced sparsity may increase the computational cost.",
    repeats: "relu-sparse-computation",
  },
  {
    id: "leaky-sparsity-overfitting",
    section: `${LLIM} › Reduced Sparsity`,
    claim: "Reduced sparsity may increase the risk of overfitting.",
    notebook: N05,
    heading: "Reduced sparsity",
    testFile: T05,
    testName:
      "reduced sparsity raises the risk of overfitting (not supported): on three spirals no slope 0 < α < 1 has a wider train-test accuracy gap than ReLU, beyond noise over 5 seeds",
    verdict: "not supported",
    finding:
      "The train-test accuracy gap was 1.8 ± 1.3% with ReLU and 1.4% to 2.1% with the slopes 0.001 to 0.5 (n = 5 each): none wider beyond noise.",
  },
  {
    id: "leaky-limited-superiority",
    section: `${LLIM} › Limited Empirical Superiority`,
    claim: "Leaky ReLU does not always outperform ReLU or other variants (PReLU, ELU).",
    notebook: N05,
    heading: "Limited empirical superiority",
    testFile: T05,
    testName:
      "Leaky ReLU's superiority is limited (qualified, 2 of 4 variants): on three spirals, paired by seed over 5 seeds, ReLU's and PReLU's test accuracy is no worse than Leaky ReLU's within 1 point, but not shown for ELU (−0.44 ± 1.13 points) nor RReLU (+0.44 ± 1.51): too few seeds to tell",
    verdict: "qualified",
    finding:
      "On three spirals drawn per seed, paired by seed over 5 seeds, ReLU's and PReLU's test accuracy was no worse than Leaky ReLU's (97.8 ± 1.1%) within 1 point (variant − Leaky ReLU −0.22 ± 0.44 and 0.00 ± 0.70 points, mean ± 2 SE), but not shown for ELU (−0.44 ± 1.13) nor RReLU (+0.44 ± 1.51), where five seeds are too few to tell.",
  },
  {
    id: "leaky-unbounded",
    section: `${LLIM} › Unbounded Output`,
    claim:
      "Like ReLU, Leaky ReLU's positive outputs are unbounded, risking numerical instability without regularization.",
    notebook: N05,
    heading: "Unbounded output",
    testFile: T05,
    testName:
      "Leaky ReLU's unbounded output risks instability (qualified): with N(0, 1) weights its activations grow faster with depth than tanh's and its first-layer gradient is larger, beyond noise over 5 seeds; with He weights for its slope neither is",
    verdict: "qualified",
    finding: "Through 8 hidden layers with N(0, 1) weights Leaky ReLU's activations grew ×4.03 " +
      "per layer (predicted ×4.00, tanh's ×1.00) and its first layer's gradient was 10^2.9 times " +
      "the bounded tanh's; with He weights for its slope it grew ×1.01 against tanh's ×0.96, " +
      "a tie, and the gradients tied too: the scale of the weights decides.",
  },

  // Comparison with ReLU and Practical Considerations: notebook 06.
  {
    id: "comparison-dying",
    section: `${COMPARISON} › Dying Neurons`,
    claim: "ReLU risks dead neurons; Leaky ReLU avoids them with its non-zero negative gradient.",
    notebook: N06,
    heading: "Comparison with ReLU",
    testFile: T06,
    testName:
      "Leaky ReLU avoids ReLU's dead neurons (qualified, 1 of 6 depths): on two moons drawn per seed, with 1 to 16 hidden layers of 16, it leaves fewer neurons inactive after training than ReLU beyond noise over 5 seeds at 8 hidden layers only, and fewer on average at every depth",
    verdict: "qualified",
    finding:
      "With 1 to 16 hidden layers of 16 on two moons drawn per seed (Adam, 5 seeds, none diverged) Leaky ReLU left fewer neurons inactive than ReLU on average at every depth, beyond noise only at 8 layers (10.3 ± 7.0% against 19.5 ± 5.1%); fewer, not none.",
  },
  {
    id: "comparison-sparsity",
    section: `${COMPARISON} › Sparsity`,
    claim: "ReLU is sparser: more of its outputs are exactly 0.",
    notebook: N06,
    heading: "Comparison with ReLU",
    testFile: T06,
    testName:
      "ReLU is sparser than Leaky ReLU (supported): at every depth from 1 to 16 hidden layers more of its hidden outputs are exactly 0 on the training points, 48.9% to 63.2% against none, beyond noise over 5 seeds",
    verdict: "supported",
    finding:
      "At every depth from 1 to 16 hidden layers 48.9% to 63.2% of ReLU's hidden outputs were exactly 0 and none of Leaky ReLU's (5 seeds each); the text's 'Leaky ReLU activates more neurons' has its one verdict in notebook 04 (leaky-more-neurons).",
  },
  {
    id: "comparison-more-neurons",
    section: `${COMPARISON} › Sparsity`,
    claim: "Leaky ReLU activates more neurons.",
    repeats: "leaky-more-neurons",
  },
  {
    id: "comparison-performance",
    section: `${COMPARISON} › Performance`,
    claim: "ReLU is often sufficient; Leaky ReLU does not win by default.",
    notebook: N06,
    heading: "Comparison with ReLU",
    testFile: T06,
    testName: RELU_SUFFICES,
    verdict: "qualified",
    finding:
      "Paired by seed over 5 seeds, ReLU's test accuracy was no worse than Leaky ReLU's within the 1-point margin (mean − 2 SE of ReLU − Leaky ReLU ≥ −1 point) at 5 of the 6 depths from 1 to 16 hidden layers, but not at 16, where it was 4.36 ± 3.59 points lower (mean ± 2 SE; bound −7.95).",
  },
  {
    id: "comparison-cnn",
    section: `${COMPARISON} › Example`,
    claim:
      "In a CNN, ReLU deactivates neurons for low-intensity pixels while Leaky ReLU keeps them active.",
    notebook: N06,
    heading: "The convolutional example",
    testFile: T06,
    testName: CNN_EXAMPLE,
    verdict: "supported",
    finding:
      "ReLU passed no gradient to the filter at most of a 9's dark pixels (96.7% after a mean filter with a negative bias, 89.4% after a zero-sum edge filter), Leaky ReLU at none; with the edge filter the background gives z = 0, so 79.2% of dark pixels output exactly 0 under Leaky ReLU too, still passing gradient α.",
  },
  {
    id: "practice-relu-default",
    section: `${PRACTICE} › When to Use ReLU`,
    claim: "ReLU is a good default for hidden layers.",
    notebook: N06,
    heading: "When to use ReLU, and when Leaky ReLU",
    testFile: T06,
    testName: RELU_SUFFICES,
    verdict: "qualified",
    finding:
      "ReLU was no worse than Leaky ReLU within 1 point of test accuracy, paired by seed over 5 seeds, at 5 of the 6 depths from 1 to 16 hidden layers (at 12 by mean − 2 SE = −0.74 points, 1.80 ± 2.54), but not at 16 (ReLU − Leaky ReLU −4.36 ± 3.59 points, mean ± 2 SE).",
  },
  {
    id: "practice-leaky-deep",
    section: `${PRACTICE} › When to Use Leaky ReLU`,
    claim: "Leaky ReLU is preferred in deep networks where dying neurons are observed.",
    notebook: N06,
    heading: "When to use ReLU, and when Leaky ReLU",
    testFile: T06,
    testName:
      "Leaky ReLU in deep networks where neurons die (not supported): inactive neurons pile up with depth, but at no depth from 1 to 16 hidden layers does Leaky ReLU leave fewer inactive than ReLU beyond noise and show a test accuracy no worse within 1 point, paired by seed over 5 seeds; at 8, the one depth where it leaves fewer, it is 0.76 ± 0.43 points lower (mean − 2 SE = −1.19)",
    verdict: "not supported",
    finding:
      "Inactive neurons grew with depth (ReLU: 2.5 ± 3.4% at 1 layer, 26.0 ± 5.8% at 16, after training); Leaky ReLU left fewer beyond noise only at 8 layers, where it was not shown no worse in test accuracy within 1 point (Leaky ReLU − ReLU −0.76 ± 0.43 points, mean ± 2 SE, paired by seed, lower on every seed), so it was preferred at none of the 6 depths (5 seeds).",
  },
  {
    id: "practice-he-init",
    section: `${PRACTICE} › Implementation Tips`,
    claim: "He initialisation reduces the likelihood of dying neurons.",
    notebook: N06,
    heading: "Initialisation: He, Xavier, naive",
    testFile: T06,
    testName:
      "He initialisation reduces dying (qualified, 2 of 4 findings): in a ReLU network with 8 hidden layers of 32 it starts with the same inactive share as Xavier and a naive N(0, 0.01²), but after training on two moons leaves fewer neurons inactive than both, beyond noise over 5 seeds; the naive one stalls at ln 2",
    verdict: "qualified",
    finding:
      "He, Xavier and a naive N(0, 0.01²) start with the same 14.5 ± 1.1% inactive; after training He had 7.5 ± 1.9%, fewer beyond noise than Xavier (13.1 ± 0.8%) and the naive one (42.0 ± 2.7%, its loss stuck at 0.692), over 5 seeds.",
  },
  {
    id: "practice-tuning-alpha",
    section: `${PRACTICE} › Implementation Tips`,
    claim: "Common α values are 0.01 or 0.1; or learn α with PReLU.",
    notebook: N06,
    heading: "Tuning α, or learning it",
    testFile: T06,
    testName:
      "common slopes 0.01 or 0.1, or a learned one (qualified, 1 of 3): at 12 hidden layers α = 0.1 scores best of five settings, the yardsticks α = 0.05 and 0.3 included, and paired by seed over 5 seeds neither α = 0.01 (2.84 ± 1.84 points lower) nor PReLU (7.00 ± 8.97 lower) is shown no worse than it within 1 point of test accuracy",
    verdict: "qualified",
    finding:
      "At 12 hidden layers α = 0.1 scored best (99.5 ± 0.4%) of five settings, ahead of the uncommon yardsticks α = 0.3 and 0.05 by 0.04 and 0.32 points (within noise); paired by seed over 5 seeds, neither α = 0.01 (−2.84 ± 1.84 points, mean ± 2 SE) nor PReLU (−7.00 ± 8.97, two seeds 16.2 and 19.6 points lower) was no worse than it within 1 point of test accuracy, so of the three common choices only the best, α = 0.1, held.",
  },
  {
    id: "practice-regularisation",
    section: `${PRACTICE} › Implementation Tips`,
    claim: "Dropout or weight decay manage overfitting.",
    notebook: N06,
    heading: "Dropout and weight decay",
    testFile: T06,
    testName:
      "dropout or weight decay manage overfitting (not supported): on 60 noisy points drawn per seed neither dropout 0.3 nor weight decay 1e-3 lowers a Leaky ReLU network's train-test gap beyond noise over 5 seeds, and neither changes its test accuracy beyond noise",
    verdict: "not supported",
    finding:
      "On 60 noisy points drawn per seed the train-test gap was 14.9 ± 4.9% without regularisation, 9.8 ± 3.0% with dropout 0.3 and 13.7 ± 3.2% with weight decay 1e-3, neither lower beyond noise (5 seeds each); test accuracy stayed within noise (83.1 ± 4.3%, 84.2 ± 3.5%, 82.9 ± 4.7%).",
  },

  // Summary: the text restates its main claims; each takes the verdict of the claim it restates.
  {
    id: "summary-relu-efficiency",
    section: SUMMARY,
    claim: "ReLU is a cornerstone of deep learning thanks to its efficiency.",
    repeats: "relu-efficient",
  },
  {
    id: "summary-relu-gradients",
    section: SUMMARY,
    claim: "ReLU is a cornerstone thanks to its avoidance of vanishing gradients.",
    repeats: "relu-vanishing-tanh",
  },
  {
    id: "summary-relu-sparse",
    section: SUMMARY,
    claim: "ReLU is a cornerstone thanks to its sparse activation.",
    repeats: "relu-sparse-advantage",
  },
  {
    id: "summary-relu-dying",
    section: SUMMARY,
    claim: "Dying ReLU can hinder training.",
    repeats: "relu-dying-bias",
  },
  {
    id: "summary-relu-kink",
    section: SUMMARY,
    claim: "Non-differentiability at $z = 0$ can hinder training.",
    repeats: "relu-kink-instability",
  },
  {
    id: "summary-leaky-dying",
    section: SUMMARY,
    claim: "Leaky ReLU addresses dying ReLU with small gradients for negative inputs.",
    repeats: "leaky-fix-adam",
  },
  {
    id: "summary-leaky-stability",
    section: SUMMARY,
    claim: "Leaky ReLU improves training stability.",
    repeats: "leaky-stability",
  },
  {
    id: "summary-leaky-benefits",
    section: SUMMARY,
    claim: "Leaky ReLU retains ReLU's benefits.",
    repeats: "leaky-preserves-benefits",
  },
  {
    id: "summary-leaky-alternative",
    section: SUMMARY,
    claim: "Leaky ReLU is a robust alternative when ReLU's limitations hurt performance.",
    notebook: N06,
    heading: "When to use ReLU, and when Leaky ReLU",
    testFile: T06,
    testName:
      "Leaky ReLU is a robust alternative (qualified, 4 of 6 depths): paired by seed over 5 seeds, its test accuracy is no worse than ReLU's within 1 point at 1, 2, 4 and 16 hidden layers, where ReLU loses up to 26% of its neurons, but not shown at 8 (0.76 ± 0.43 points lower) nor at 12 (1.80 ± 2.54 lower: too few seeds to tell)",
    verdict: "qualified",
    finding:
      "Paired by seed over 5 seeds, Leaky ReLU's test accuracy was no worse than ReLU's within 1 point at 4 of the 6 depths from 1 to 16 hidden layers (1, 2, 4 and 16), where ReLU lost up to 26.0% of its neurons, but not shown at 8 (Leaky ReLU − ReLU −0.76 ± 0.43 points, mean ± 2 SE) nor at 12 (−1.80 ± 2.54), where five seeds are too few to tell.",
  },

  // Beyond the text, the paper reproductions of notebook 08: one part, after the text's own.
  {
    id: "paper-lu-depth",
    section: `${PAPERS} › Lu et al. 2019`,
    claim: "A deep, narrow ReLU network can be born dead, and more likely the deeper it is.",
    notebook: N08,
    heading: "1. Born dead: deep, narrow ReLU networks (Lu et al. 2019)",
    testFile: T08,
    testName:
      "Lu et al.: the share of born-dead ReLU networks (He init) rises from depth 2 to depth 30 beyond noise at every width from 2 to 5",
    verdict: "supported",
    finding:
      "With He initialisation the share of born-dead networks rose from depth 2 to depth 30 at every width: from 0.22 to 1.00 at width 2, from 0.00 to 0.52 at width 5 (100 networks each).",
  },
  {
    id: "paper-lu-width",
    section: `${PAPERS} › Lu et al. 2019`,
    claim: "Narrower networks are born dead more often.",
    notebook: N08,
    heading: "1. Born dead: deep, narrow ReLU networks (Lu et al. 2019)",
    testFile: T08,
    testName:
      "Lu et al.: narrower networks are born dead more often: over depths 2 to 30, each width from 2 to 4 is born dead more often than the next wider one, beyond noise",
    verdict: "supported",
    finding:
      "Over depths 2 to 30 a He-initialised network was born dead at 0.78, 0.61, 0.38 and 0.21 of the depths on average at widths 2, 3, 4 and 5.",
  },
  {
    id: "paper-lu-rai",
    section: `${PAPERS} › Lu et al. 2019`,
    claim: "Randomized asymmetric initialisation (RAI) makes being born dead rarer.",
    notebook: N08,
    heading: "1. Born dead: deep, narrow ReLU networks (Lu et al. 2019)",
    testFile: T08,
    testName:
      "Lu et al.: RAI networks are born dead less often than He networks at every width from 2 to 5, beyond noise",
    verdict: "supported",
    finding:
      "With RAI that average fell to 0.30, 0.13, 0.03 and 0.02 at widths 2 to 5; at depth 30 and width 3, 0.35 of the RAI networks were born dead against 0.97 with He.",
  },
  {
    id: "paper-he-gain",
    section: `${PAPERS} › He et al. 2015`,
    claim:
      "He initialisation keeps the mean square of a deep ReLU network's activations level; Xavier halves it per layer.",
    notebook: N08,
    heading: "2. Activation scale through depth (He et al. 2015)",
    testFile: T08,
    testName:
      "He et al.: through 20 ReLU layers the per-layer factor of the mean square is 1 with He and 1/2 with Xavier, within ±5% with 2 SE either side, over 20 seeds",
    verdict: "supported",
    finding:
      "Through 20 untrained layers of width 100 (20 seeds) the mean square of the outputs changed by a factor 0.99 ± 0.05 per layer with He and 0.495 ± 0.025 with Xavier, 1.1% below the theory's 1 and 1/2 (± 2.2%, 2 SE): one measurement, as Xavier's weights are He's scaled by 1/√2 here and ReLU passes the scale through; seeds 0 to 4 alone gave 0.96, within 5% on average but not with 2 SE.",
  },
  {
    id: "paper-he-alpha",
    section: `${PAPERS} › He et al. 2015`,
    claim: "For a leaky slope α the He gain should be $\\sqrt{2 / (1 + \\alpha^2)}$.",
    notebook: N08,
    heading: "2. Activation scale through depth (He et al. 2015)",
    testFile: T08,
    testName:
      "He et al.: the plain He gain multiplies the scale by 1 + alpha² per layer and the alpha-aware gain by 1, within ±5% with 2 SE either side, at alpha = 0.01 and 0.5, over 20 seeds",
    verdict: "supported",
    finding:
      "At α = 0.5 the plain gain √2 grew the scale 1.24 ± 0.03 times per layer (theory 1.25) and the gain with α 0.995 ± 0.022 times; at α = 0.01 both gave 0.99 ± 0.05 (20 seeds).",
  },
  {
    id: "paper-maas-sparsity",
    section: `${PAPERS} › Maas et al. 2013`,
    claim: "Leaky ReLU units fire (z > 0) about as often as ReLU units after training.",
    notebook: N08,
    heading: "3. How often hidden units fire (Maas et al. 2013)",
    testFile: T08,
    testName:
      "Maas et al.: after training, ReLU and Leaky ReLU (0.01) units are about equally sparse (supported): seed by seed, ReLU's mean activation probability minus Leaky ReLU's, two standard errors on either side, stays within ±0.05, over 5 seeds",
    verdict: "supported",
    finding:
      "After training on 120 noisy spiral points the mean activation probability of a hidden unit was 0.486 ± 0.015 with ReLU and 0.504 ± 0.017 with Leaky ReLU (α = 0.01); seed by seed ReLU's was 0.017 lower, between 0.007 and 0.028 with 2 SE: a small difference, inside the margin 0.05.",
  },
  {
    id: "paper-maas-rare",
    section: `${PAPERS} › Maas et al. 2013`,
    claim: "Our addition: ReLU leaves more units that rarely fire.",
    notebook: N08,
    heading: "3. How often hidden units fire (Maas et al. 2013)",
    testFile: T08,
    testName:
      "Maas et al. (our addition): ReLU leaves more rarely active units (on < 5% of the test inputs) than Leaky ReLU, beyond noise over 5 seeds",
    verdict: "supported",
    finding:
      "9.1 ± 2.0% of ReLU's hidden units fired on fewer than 5% of the test inputs, against 3.1 ± 1.1% of Leaky ReLU's.",
  },
  {
    id: "paper-xu-accuracy",
    section: `${PAPERS} › Xu et al. 2015`,
    claim:
      "Leaky, parametric and randomized rectifiers generalise better than ReLU on small data (a higher test accuracy).",
    notebook: N08,
    heading: "4. Does leakiness regularise? (Xu et al. 2015)",
    testFile: T08,
    testName:
      "Xu et al. (not reproduced at our scale): no leaky variant (Leaky ReLU 0.01 and 1/5.5, PReLU, RReLU) reaches a test accuracy above ReLU's beyond noise over 5 seeds",
    verdict: "not supported",
    finding:
      "On 120 noisy spiral points ReLU reached 95.1 ± 0.7% test accuracy; Leaky ReLU (94.9% at α = 0.01, 94.6% at 1/5.5), PReLU (94.7%) and RReLU (94.3%) were none above it beyond noise.",
  },
  {
    id: "paper-xu-gap",
    section: `${PAPERS} › Xu et al. 2015`,
    claim:
      "A randomized leaky slope (RReLU) overfits less than ReLU on small data (a smaller train/test gap).",
    notebook: N08,
    heading: "4. Does leakiness regularise? (Xu et al. 2015)",
    testFile: T08,
    testName:
      "Xu et al. (not reproduced at our scale): RReLU's train/test loss gap is not below ReLU's beyond noise over 5 seeds",
    verdict: "not supported",
    finding:
      "The train/test loss gap was 0.47 ± 0.17 with RReLU and 0.51 ± 0.18 with ReLU: within noise.",
  },
];

/**
 * Every claim of the reference text, in the text's order, then the results of the paper
 * reproductions (part "Paper reproductions"), each with the notebook heading that shows it, the
 * claim test that checks it, our verdict and the finding with the default parameters. A
 * restatement (`repeats` set) carries the fields of the record it restates.
 *
 * @example
 * ```ts
 * import { CLAIMS } from "./registry.ts";
 * import assert from "node:assert/strict";
 *
 * const ids = CLAIMS.map((record) => record.id);
 * assert.equal(new Set(ids).size, ids.length);
 * assert.equal(CLAIMS[0].section, "ReLU (Rectified Linear Unit) Overview › Definition");
 * const summary = CLAIMS.find((record) => record.id === "summary-relu-dying")!;
 * const dying = CLAIMS.find((record) => record.id === summary.repeats)!;
 * assert.equal(summary.verdict, dying.verdict);
 * ```
 */
export const CLAIMS: readonly ClaimRecord[] = ENTRIES.map((entry) => {
  if (!("repeats" in entry) || entry.repeats === undefined) return entry as ClaimRecord;
  const original = ENTRIES.find((other) => other.id === entry.repeats);
  if (original === undefined || "repeats" in original) {
    throw new RangeError(
      `Cannot build the claims registry as ${entry.id} must restate a record that is not itself a restatement: repeats=${entry.repeats}`,
    );
  }
  return {
    ...(original as ClaimRecord),
    id: entry.id,
    section: entry.section,
    claim: entry.claim,
    repeats: entry.repeats,
  };
});

/**
 * The id Jupyter Notebook 6 gives a Markdown heading, which a link's `#fragment` can point at:
 * the heading's text with every space replaced by `-` (maths stays as written, `$` included).
 * The result is percent-encoded for use in a Markdown link (also `(` and `)`, which would end
 * the link); browsers decode it before matching the id.
 *
 * @param heading The heading text, without the leading `#`s.
 * @returns The encoded fragment, without the `#`.
 *
 * @example
 * ```ts
 * import { headingAnchor } from "./registry.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(headingAnchor("Dying ReLU"), "Dying-ReLU");
 * assert.equal(headingAnchor("Not differentiable at $z = 0$"), "Not-differentiable-at-%24z-%3D-0%24");
 * assert.equal(headingAnchor("1. Avoids vanishing gradients"), "1.-Avoids-vanishing-gradients");
 * ```
 */
export function headingAnchor(heading: string): string {
  return encodeURIComponent(heading.trim().replace(/ /g, "-"))
    .replace(/\(/g, "%28")
    .replace(/\)/g, "%29");
}

/** Options of {@linkcode claimsMarkdownTable}. */
export interface ClaimsMarkdownTableOptions {
  /** The folder of the notebooks, relative to the document the table goes in. Default: `"notebooks/"`. */
  notebookDir?: string;
}

/**
 * The README's claims table as Markdown: one row per record, with the columns claim, verdict,
 * notebook (a link to `notebooks/NAME.ipynb` and the heading that shows the claim) and test
 * (the file and the exact `Deno.test` name).
 *
 * @param records The records, usually {@linkcode CLAIMS}.
 * @param options Where the notebooks are; see {@linkcode ClaimsMarkdownTableOptions}.
 * @returns The table, one line per row, ending with a newline.
 *
 * @example
 * ```ts
 * import { CLAIMS, claimsMarkdownTable } from "./registry.ts";
 * import assert from "node:assert/strict";
 *
 * const lines = claimsMarkdownTable(CLAIMS).trimEnd().split("\n");
 * assert.equal(lines[0], "| Claim | Verdict | Notebook | Test |");
 * assert.equal(lines.length, CLAIMS.length + 2);
 * assert.ok(lines[2].includes("[01-relu-overview](notebooks/01-relu-overview.ipynb)"));
 * ```
 */
export function claimsMarkdownTable(
  records: readonly ClaimRecord[],
  options: ClaimsMarkdownTableOptions = {},
): string {
  const dir = options.notebookDir ?? "notebooks/";
  const rows = records.map((r) =>
    row([
      cell(r.claim),
      r.verdict,
      `[${r.notebook}](${dir}${r.notebook}.ipynb) › ${cell(r.heading)}`,
      `\`${r.testFile}\`: ${cell(r.testName)}`,
    ])
  );
  return [row(["Claim", "Verdict", "Notebook", "Test"]), row(["---", "---", "---", "---"]), ...rows]
    .join("\n") + "\n";
}

/** Options of {@linkcode claimsSummaryTable}. */
export interface ClaimsSummaryTableOptions {
  /** List only the records of this part of the text (see {@linkcode claimPart}). Default: all. */
  part?: string;
  /** List only the records with this verdict. Default: all. */
  verdict?: ClaimVerdict;
}

/**
 * A table of notebook 07 as Markdown: one row per record, with the claim, the verdict and a link
 * to the heading that shows it (`NAME.ipynb#anchor`, relative to a notebook in the same folder),
 * which opens the notebook in Jupyter and, as the runner writes the pages, the page on the web.
 *
 * @param records The records to list, in order.
 * @param options Which part of the text, which verdict; see {@linkcode ClaimsSummaryTableOptions}.
 * @returns The table, ending with a newline.
 *
 * @example
 * ```ts
 * import { CLAIMS, claimsSummaryTable } from "./registry.ts";
 * import assert from "node:assert/strict";
 *
 * const table = claimsSummaryTable(CLAIMS.filter((r) => r.id === "relu-examples"));
 * assert.ok(table.startsWith("| Claim | Verdict | Shown in |\n"));
 * assert.ok(table.includes("| definition |"));
 * assert.ok(table.endsWith("(01-relu-overview.ipynb#Examples) |\n"));
 * ```
 */
export function claimsSummaryTable(
  records: readonly ClaimRecord[],
  options: ClaimsSummaryTableOptions = {},
): string {
  const listed = records.filter((r) =>
    (options.part === undefined || claimPart(r) === options.part) &&
    (options.verdict === undefined || r.verdict === options.verdict)
  );
  const rows = listed.map((r) => {
    const anchor = headingAnchor(r.heading);
    return row([
      cell(r.claim),
      r.verdict,
      `[${r.notebook} › ${cell(r.heading)}](${r.notebook}.ipynb#${anchor})`,
    ]);
  });
  const header = row(["Claim", "Verdict", "Shown in"]);
  return [header, row(["---", "---", "---"]), ...rows].join("\n") + "\n";
}

/**
 * The verdicts counted per part of the text as a Markdown table: one row per part, one column
 * per verdict, a total column and a last row over all parts.
 *
 * @param records The records, usually {@linkcode CLAIMS}.
 * @returns The table, ending with a newline.
 *
 * @example
 * ```ts
 * import { CLAIMS, verdictCountsTable } from "./registry.ts";
 * import assert from "node:assert/strict";
 *
 * const lines = verdictCountsTable(CLAIMS).trimEnd().split("\n");
 * assert.equal(lines[0], "| Part of the text | supported | qualified | not supported | definition | all |");
 * assert.ok(lines.at(-1)!.startsWith("| All parts |"));
 * assert.ok(lines.at(-1)!.endsWith(`| ${CLAIMS.length} |`));
 * ```
 */
export function verdictCountsTable(records: readonly ClaimRecord[]): string {
  const counts = verdictCounts(records);
  const parts = [...new Set(counts.map((c) => c.part))];
  const line = (name: string, of: (verdict: ClaimVerdict) => number) => {
    const numbers = CLAIM_VERDICTS.map(of);
    return row([name, ...numbers.map(String), String(numbers.reduce((a, b) => a + b, 0))]);
  };
  const rows = parts.map((part) =>
    line(part, (v) => counts.find((c) => c.part === part && c.verdict === v)?.count ?? 0)
  );
  const total = line("All parts", (v) => records.filter((r) => r.verdict === v).length);
  const header = row(["Part of the text", ...CLAIM_VERDICTS, "all"]);
  const rule = row(Array(CLAIM_VERDICTS.length + 2).fill("---"));
  return [header, rule, ...rows, total].join("\n") + "\n";
}

/**
 * The generated tables of notebook 07, in the order of its cells tagged `claims-table`: the
 * verdict counts ({@linkcode verdictCountsTable}), the claims our measurements did not support,
 * then one {@linkcode claimsSummaryTable} per part of the text.
 *
 * @param records The records, usually {@linkcode CLAIMS}.
 * @returns The tables, each ending with a newline.
 *
 * @example
 * ```ts
 * import { claimPart, CLAIMS, claimsSummaryTables } from "./registry.ts";
 * import assert from "node:assert/strict";
 *
 * const parts = new Set(CLAIMS.map(claimPart));
 * assert.equal(claimsSummaryTables(CLAIMS).length, parts.size + 2);
 * ```
 */
export function claimsSummaryTables(records: readonly ClaimRecord[]): string[] {
  const parts = [...new Set(records.map(claimPart))];
  return [
    verdictCountsTable(records),
    claimsSummaryTable(records.filter((r) => r.repeats === undefined), {
      verdict: "not supported",
    }),
    ...parts.map((part) => claimsSummaryTable(records, { part })),
  ];
}

/** Short names of the text's parts, for axis labels. */
const SHORT_PARTS: Readonly<Record<string, string>> = {
  [RELU]: "ReLU overview",
  [ADV]: "ReLU pros",
  [LIM]: "ReLU cons",
  [LEAKY]: "Leaky overview",
  [FIX]: "Leaky fixes",
  [EXAMPLE]: "Leaky example",
  [LADV]: "Leaky pros",
  [LLIM]: "Leaky cons",
  [COMPARISON]: "Comparison",
  [PRACTICE]: "Practice",
  [SUMMARY]: "Summary",
  [PAPERS]: "Papers",
};

/** One bar of {@linkcode verdictCounts}: how many records of a part of the text have a verdict. */
export interface VerdictCount {
  /** The part of the text: the first component of the records' `section`. */
  part: string;
  /** A short name of the part for axis labels ("ReLU pros" for "Advantages of ReLU"). */
  label: string;
  /** The verdict counted. */
  verdict: ClaimVerdict;
  /** The number of records. */
  count: number;
}

/**
 * Counts the records per part of the text (the first component of `section`) and verdict, in
 * the text's order and the order of {@linkcode CLAIM_VERDICTS}, zeros included (so every part
 * lists the verdicts in the same order).
 *
 * @param records The records, usually {@linkcode CLAIMS}.
 * @returns One count per part and verdict present.
 *
 * @example
 * ```ts
 * import { CLAIMS, verdictCounts } from "./registry.ts";
 * import assert from "node:assert/strict";
 *
 * const counts = verdictCounts(CLAIMS);
 * assert.equal(counts.reduce((sum, c) => sum + c.count, 0), CLAIMS.length);
 * assert.equal(counts[0].part, "ReLU (Rectified Linear Unit) Overview");
 * ```
 */
export function verdictCounts(records: readonly ClaimRecord[]): VerdictCount[] {
  const parts = [...new Set(records.map((r) => claimPart(r)))];
  const counts: VerdictCount[] = [];
  for (const part of parts) {
    for (const verdict of CLAIM_VERDICTS) {
      const count = records.filter((r) => claimPart(r) === part && r.verdict === verdict).length;
      counts.push({ part, label: SHORT_PARTS[part] ?? part, verdict, count });
    }
  }
  return counts;
}

/**
 * The part of the text a record belongs to: the first component of its `section`.
 *
 * @param record The record.
 * @returns The top-level heading of the text.
 *
 * @example
 * ```ts
 * import { CLAIMS, claimPart } from "./registry.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(claimPart(CLAIMS[0]), "ReLU (Rectified Linear Unit) Overview");
 * ```
 */
export function claimPart(record: ClaimRecord): string {
  return record.section.split(" › ")[0];
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}
