import assert from "node:assert/strict";
import { DOMParser } from "linkedom";
import { marked } from "marked";
import { activationView, jupyterDisplay, latexToHtml, show } from "../../src/display/mod.ts";
import { createActivation } from "../../src/activations/mod.ts";
import { escapeHtml } from "../../src/plot/mod.ts";
import { leaky, relu } from "../plot/_fixtures.ts";

Deno.test("activationView() bundles HTML, Markdown, SVG and plain text", () => {
  const bundle = activationView(relu)[jupyterDisplay]();
  assert.deepEqual(
    Object.keys(bundle).sort(),
    ["image/svg+xml", "text/html", "text/markdown", "text/plain"],
  );
});

Deno.test("activationView() puts the formula and its derivative in Markdown as $$...$$", () => {
  const markdown = activationView(leaky)[jupyterDisplay]()["text/markdown"] ?? "";
  assert.ok(markdown.includes(`$$${leaky.latex}$$`));
  assert.ok(markdown.includes(`$$${leaky.gradLatex}$$`));
  assert.ok(markdown.includes("Leaky ReLU (α = 0.1)"));
});

Deno.test("activationView() puts a label in Markdown as text, markup and emphasis shown as typed", () => {
  const label = "<img src=x onerror=alert(1)> **b** $x$ a_b";
  const markdown = activationView({ ...relu, label })[jupyterDisplay]()["text/markdown"] ?? "";
  const heading = markdown.split("\n")[0];
  assert.equal(heading, "**\\<img src=x onerror=alert(1)\\> \\*\\*b\\*\\* \\$x\\$ a\\_b**");
  // As a Markdown renderer reads it: one bold run whose text is the label, no element inside.
  const html = marked.parse(heading, { async: false });
  const bold = new DOMParser().parseFromString(html, "text/html").querySelector("strong");
  assert.equal(bold?.textContent, label);
  assert.equal(bold?.children.length, 0);
});

Deno.test("activationView() renders both formulas to MathML and plots f and f′ in HTML", () => {
  const html = activationView(relu)[jupyterDisplay]()["text/html"] ?? "";
  // f is one MathML formula; f′ is piecewise, a layout of MathML pieces that keeps its source.
  assert.match(html, /<math [^>]*display="block"/);
  assert.ok(html.includes(`data-latex="${escapeHtml(relu.gradLatex)}"`));
  assert.ok(html.includes("\\max(0, z)"), "the LaTeX source is kept as an annotation");
  assert.ok(!html.includes("<mtable"), "no MathML table for Chromium to misalign");
  assert.equal(html.match(/<svg[^>]*class="plot-/g)?.length, 2);
  assert.ok((html.match(/<path/g)?.length ?? 0) > 2);
});

Deno.test("activationView() prints the label and expression as plain text", () => {
  assert.equal(activationView(relu)[jupyterDisplay]()["text/plain"], "ReLU: f(z) = relu");
});

Deno.test("activationView() gives the same bundle for the same activation", () => {
  assert.deepEqual(activationView(leaky).bundle, activationView(leaky).bundle);
});

Deno.test("show() displays an activation with activationView()", () => {
  assert.deepEqual(show(relu).bundle, activationView(relu).bundle);
});

Deno.test("activationView() rejects a value that is not an activation, saying what it was", () => {
  for (const [value, seen] of [[null, "null"], [5, "5"], ["relu", '"relu"']] as const) {
    assert.throws(() => activationView(value as never), {
      name: "TypeError",
      message:
        `Cannot display an activation as it must have f, grad, expression, latex and gradLatex: activation=${seen}`,
    });
  }
  assert.throws(() => activationView({} as never), {
    name: "TypeError",
    message:
      "Cannot display an activation as activation.f must be a function: activation.f=undefined",
  });
  assert.throws(() => activationView(relu, { widht: 300 } as never), {
    name: "TypeError",
    message: /^Cannot display an activation as options must have only the keys /,
  });
});

Deno.test("activationView() refuses a plot size, domain or document it cannot use, in its own words", () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ width: 50 }, "RangeError", "width must be a finite number >= 200: width=50"],
    [{ height: "2" }, "TypeError", 'height must be a finite number >= 100: height="2"'],
    [{ domain: [4, -4] }, "RangeError", "domain must be [min, max] with min < max: domain=[4, -4]"],
    [{ domain: "z" }, "TypeError", 'domain must be an array [min, max] of two numbers: domain="z"'],
    [
      { document: {} },
      "TypeError",
      "document must be a DOM document (the browser's or createDocument()): document={}",
    ],
  ];
  for (const [options, name, message] of cases) {
    assert.throws(() => activationView(relu, options), {
      name,
      message: `Cannot display an activation as ${message}`,
    });
  }
});

Deno.test("latexToHtml() renders display or inline MathML and never throws on bad LaTeX", () => {
  assert.match(latexToHtml("z^2"), /display="block"/);
  assert.doesNotMatch(latexToHtml("z^2", { displayMode: false }), /display="block"/);
  assert.match(latexToHtml("\\frac{1"), /katex-error|<math/);
  assert.throws(() => latexToHtml(3 as never), TypeError);
});

Deno.test("latexToHtml() gives MathML that looks the same with or without KaTeX's CSS", () => {
  const html = latexToHtml("z^2");
  assert.match(html, /^<math /, "no KaTeX wrapper for the page's KaTeX stylesheet to restyle");
  assert.match(html, /<math style="font-family: 'STIX Two Math', [^"]*, math; margin: 0.5em 0;"/);
  assert.doesNotMatch(latexToHtml("z^2", { displayMode: false }), /margin/);
});

/** The tag names of the children of the first `tag` element in `html`'s MathML. */
function childrenOf(html: string, tag: string): string[] {
  const page = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, "text/html");
  const element = page.querySelector(tag);
  assert.ok(element, `a <${tag}> in ${html}`);
  return Array.from(
    element.children as ArrayLike<{ tagName: string }>,
    (child) => child.tagName.toLowerCase(),
  );
}

Deno.test("latexToHtml() sets a prime beside its letter, not as a superscript", async (t) => {
  await t.step("in a formula", () => {
    const html = latexToHtml("f'(z) = 1");
    assert.doesNotMatch(html, /<msup>/);
    assert.match(html, /<mi>f<\/mi><mo[^>]*>′<\/mo>/);
    assert.match(latexToHtml("z^{2}"), /<msup>/, "other superscripts stay");
  });
  await t.step("two primes too", () => {
    const html = latexToHtml("f''(z) = 0");
    assert.doesNotMatch(html, /<msup>/);
    assert.match(html, /<mi>f<\/mi><mo[^>]*>′<\/mo><mo[^>]*>′<\/mo>/);
  });
  await t.step("the primed letter staying one argument of a fraction or a script", () => {
    assert.deepEqual(childrenOf(latexToHtml("\\frac{f'}{2}"), "mfrac"), ["mrow", "mn"]);
    assert.deepEqual(childrenOf(latexToHtml("\\frac{f''}{2}"), "mfrac"), ["mrow", "mn"]);
    assert.deepEqual(childrenOf(latexToHtml("x_{f'}"), "msub"), ["mi", "mrow"]);
    assert.deepEqual(childrenOf(latexToHtml("\\frac{f'}{2}"), "mfrac > mrow"), ["mi", "mo"]);
  });
});

Deno.test("latexToHtml() lays out cases as a stretching brace and left-aligned rows", async (t) => {
  const latex = String
    .raw`f'(z) = \begin{cases} 1 & z > 0 \\ 0 & z = 0 \text{ (convention)} \\ 0 & z < 0 \end{cases}`;
  const html = latexToHtml(latex);

  await t.step("a block that keeps the whole source", () => {
    assert.match(html, /^<div data-latex="[^"]*" style="margin: 0.5em 0; text-align: center;">/);
    assert.ok(html.includes(`data-latex="${escapeHtml(latex)}"`));
  });
  await t.step("one MathML piece before the brace and one per cell", () => {
    assert.equal(html.match(/<math /g)?.length, 1 + 3 * 2);
    assert.ok(!html.includes("<mtable"));
  });
  await t.step("the brace is an SVG stretched to the rows", () => {
    assert.match(html, /<svg viewBox="0 0 10 100" preserveAspectRatio="none"/);
    assert.match(html, /vector-effect="non-scaling-stroke"/);
  });
  await t.step("the rows sit in a two-column grid aligned at the start", () => {
    assert.match(html, /grid-template-columns: repeat\(2, auto\)/);
    assert.match(html, /justify-items: start/);
  });
  await t.step("math after the cases follows them", () => {
    const selu = latexToHtml(
      String
        .raw`f(z) = \lambda \begin{cases} z & z > 0 \\ 0 & z \le 0 \end{cases}, \quad \lambda \approx 1.05`,
    );
    assert.ok(selu.lastIndexOf("approx") > selu.lastIndexOf("<svg"));
  });
  await t.step("inline cases are a span", () => {
    const inline = latexToHtml(latex, { displayMode: false });
    assert.match(inline, /^<span data-latex=/);
    assert.doesNotMatch(inline, /display="block"/);
  });
  await t.step("unbalanced braces around cases fall back to plain MathML", () => {
    const broken = latexToHtml(String.raw`\left\{ \begin{cases} 1 & 2 \end{cases}`);
    assert.doesNotMatch(broken, /inline-grid/);
  });
});

Deno.test("latexToHtml() finds the cases wherever they stand and however they are spaced", async (t) => {
  /** The grid's presence, the MathML pieces, and the identifiers and numbers in order. */
  const read = (latex: string) => {
    const html = latexToHtml(latex);
    return {
      grid: html.includes("inline-grid"),
      pieces: html.match(/<math /g)?.length ?? 0,
      symbols: (html.match(/<m[in]>[^<]*<\/m[in]>/g) ?? []).map((m) => m.replace(/<[^>]*>/g, ""))
        .join(" "),
    };
  };
  await t.step("at the very start, with nothing before them", () => {
    assert.deepEqual(read(String.raw`\begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}`), {
      grid: true,
      pieces: 4,
      symbols: "1 z 0 0 z 0",
    });
  });
  await t.step("with one row", () => {
    assert.deepEqual(read(String.raw`f = \begin{cases} 1 & z > 0 \end{cases}`), {
      grid: true,
      pieces: 3,
      symbols: "f 1 z 0",
    });
  });
  await t.step("without a space anywhere", () => {
    assert.deepEqual(read(String.raw`f=\begin{cases}1&z>0\\0&z\le0\end{cases}`), {
      grid: true,
      pieces: 5,
      symbols: "f 1 z 0 0 z 0",
    });
  });
  await t.step("with a group or escaped braces at the start of a cell", () => {
    assert.deepEqual(read(String.raw`f = \begin{cases}{z} & z > 0 \\ 0 & z \le 0\end{cases}`), {
      grid: true,
      pieces: 5,
      symbols: "f z z 0 0 z 0",
    });
    assert.deepEqual(read(String.raw`f = \begin{cases} \{0\} & z = 0 \\ 1 & z > 0 \end{cases}`), {
      grid: true,
      pieces: 5,
      symbols: "f 0 z 0 1 z 0",
    });
  });
  await t.step("with math after them, once", () => {
    const after = read(String.raw`f = \begin{cases} 1 & z > 0 \end{cases}, \quad y = 2`);
    assert.deepEqual(after, { grid: true, pieces: 4, symbols: "f 1 z 0 y 2" });
  });
  await t.step("but not when a brace closes before it opens", () => {
    assert.equal(read(String.raw`f = \begin{cases} 1 } & { 2 \end{cases}`).grid, false);
  });
  await t.step("with a row spacing after a row break, which is not drawn", () => {
    const rows = { grid: true, pieces: 5, symbols: "f 1 z 0 0 z 0" };
    assert.deepEqual(
      read(String.raw`f = \begin{cases} 1 & z > 0 \\[2pt] 0 & z \le 0 \end{cases}`),
      rows,
    );
    assert.deepEqual(
      read(String.raw`f = \begin{cases} 1 & z > 0 \\ [1ex] 0 & z \le 0 \end{cases}`),
      rows,
    );
  });
});

Deno.test("latexToHtml() draws cases as KaTeX does when a colour or size before them would style them too", () => {
  for (const style of [String.raw`\color{red}`, String.raw`\large`, String.raw`\bf`]) {
    const html = latexToHtml(
      String.raw`${style} f = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}`,
    );
    assert.doesNotMatch(html, /inline-grid/, style);
    assert.equal(html.match(/<math /g)?.length, 1, `${style}: one formula, the cases inside it`);
  }
  // A colour after the cases styles only what follows it: the cases keep their layout.
  const after = latexToHtml(String.raw`f = \begin{cases} 1 & z > 0 \end{cases} \color{red} y`);
  assert.match(after, /inline-grid/);
});

Deno.test("latexToHtml() sets the math around inline cases in text style, as inline math is", () => {
  const latex = String
    .raw`\sum_i \frac{1}{2} = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}, \sum_j z`;
  const inline = latexToHtml(latex, { displayMode: false });
  assert.doesNotMatch(inline, /displaystyle="true"/);
  assert.equal(inline.match(/<math /g)?.length, 1 + 4 + 1, "before, four cells, after");
  assert.equal(latexToHtml(latex).match(/displaystyle="true"/g)?.length, 2, "displayed: both");
});

Deno.test("latexToHtml() sets every piece of a displayed formula with cases inline, beside the brace", () => {
  const html = latexToHtml(
    String.raw`f(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}, \quad z \in \mathbb{R}`,
  );
  assert.match(html, /^<div /, "the formula as a whole is a block");
  assert.equal(html.match(/<math /g)?.length, 1 + 4 + 1, "before, four cells, after");
  assert.doesNotMatch(html, /display="block"/, "a block piece would break the line at the brace");
  assert.match(
    html,
    /<mstyle [^>]*displaystyle="true"/,
    "the math before the brace in display style",
  );
});

Deno.test("activationView() lays out its label, two formulas and the figure, and nothing between", () => {
  const html = activationView(relu)[jupyterDisplay]()["text/html"] ?? "";
  const page = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}`, "text/html");
  const view = page.querySelector("div.relu-lab-activation");
  assert.equal(view.parentNode.childNodes.length, 1, "one element, nothing after it");
  const parts = Array.from(view.childNodes as ArrayLike<{ nodeType: number; nodeName: string }>)
    .map((node) => node.nodeType === 1 ? node.nodeName.toLowerCase() : "#text");
  assert.deepEqual(parts, ["div", "div", "div", "figure"]);
  assert.equal(view.firstChild.textContent, relu.label);
});

Deno.test("latexToHtml() refuses a displayMode that is not a boolean", () => {
  assert.throws(() => latexToHtml("z", { displayMode: "no" as never }), {
    name: "TypeError",
    message: 'Cannot render LaTeX as displayMode must be true or false: displayMode="no"',
  });
});

Deno.test("an activation from createActivation() displays itself once display is imported", () => {
  const leakyRelu = createActivation("leakyRelu", { alpha: 0.01 });
  const bundle = show(leakyRelu).bundle;
  assert.deepEqual(bundle, activationView(leakyRelu).bundle);
  assert.ok(bundle["text/markdown"]?.includes(leakyRelu.latex));
});

Deno.test("activationView() names the field an incomplete activation lacks, never printing undefined", async (t) => {
  const complete = {
    name: "x",
    f: (z: number) => z,
    grad: () => 1,
    expression: "z",
    latex: "f(z) = z",
    gradLatex: "f'(z) = 1",
  };
  const cases: [string, string][] = [
    ["grad", "a function"],
    ["expression", "a string"],
    ["latex", "a string"],
    ["gradLatex", "a string"],
    ["name", "a string"],
  ];
  for (const [key, requirement] of cases) {
    await t.step(`without ${key}`, () => {
      const { [key as keyof typeof complete]: _, ...incomplete } = complete;
      assert.throws(() => activationView(incomplete as never), {
        name: "TypeError",
        message:
          `Cannot display an activation as activation.${key} must be ${requirement}: activation.${key}=undefined`,
      });
    });
  }
  await t.step("with a label that is not a string", () => {
    assert.throws(() => activationView({ ...complete, label: 3 } as never), {
      name: "TypeError",
      message:
        "Cannot display an activation as activation.label must be a string: activation.label=3",
    });
  });
  await t.step("complete, with the name standing in for the label", () => {
    assert.equal(activationView(complete as never)[jupyterDisplay]()["text/plain"], "x: f(z) = z");
  });
});
