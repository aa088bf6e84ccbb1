/**
 * The command line of `deno task notebooks`: bad options and parameter values are refused in one
 * line naming the option and the value seen, exit code 2, before Jupyter is looked for. No test
 * here starts Jupyter or a kernel: `main` gets a system without Jupyter (not root), so a run that
 * got past the checks would stop at once with the "Jupyter is missing" line.
 */
import assert from "node:assert/strict";
import { defaultJobs, main, parseArgs, UsageError } from "../../src/runner/cli.ts";
import type { SystemAccess } from "../../src/runner/jupyter.ts";
import { captured, FIXTURES } from "./_cli.ts";

const OUT = "build/test-runner-args";
const PARAMETERS = `${FIXTURES}/parameters.ipynb`;

/** A system with no Jupyter, as a user who is not root: nothing is installed or started. */
const NO_JUPYTER: SystemAccess = {
  path: "/nonexistent-relu-lab",
  debian: { jupyter: "/nonexistent-relu-lab/jupyter", python: "/nonexistent-relu-lab/python3" },
  uid: 1000,
};

/** Runs the CLI in-process, capturing stdout and stderr apart. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { result, stdout, stderr } = await captured(() => main(args, NO_JUPYTER));
  return { code: result, stdout, stderr };
}

/** Asserts that parseArgs refuses `args` with a UsageError of exactly `message`. */
function refuses(args: string[], message: string): void {
  assert.throws(
    () => parseArgs(args),
    (error: Error) => {
      assert.ok(error instanceof UsageError, `${error.constructor.name}: ${error.message}`);
      assert.equal(error.message, message);
      return true;
    },
  );
}

Deno.test("parseArgs() refuses a parameter value that starts like JSON but is not JSON", () => {
  const hint = '(a string goes in JSON quotes: "...")';
  refuses(
    ["--param", "hidden=[16,16"],
    `--param hidden=[16,16: the value starts with [ but is not JSON ${hint}`,
  );
  refuses(
    ["--param=options={n:5}"],
    `--param=options={n:5}: the value starts with { but is not JSON ${hint}`,
  );
  refuses(["-p", 'label="hi'], `-p label="hi: the value starts with " but is not JSON ${hint}`);
});

Deno.test("parseArgs() refuses a parameter number that is not finite", () => {
  refuses(["--alpha", "1e999"], "--alpha 1e999: the value is not a finite number");
  refuses(["--alpha", "NaN"], "--alpha NaN: the value is not a finite number");
  refuses(["--alpha=-Infinity"], "--alpha=-Infinity: the value is not a finite number");
  refuses(
    ["--param", "alpha=Infinity"],
    "--param alpha=Infinity: the value is not a finite number",
  );
});

Deno.test("parseArgs() still reads numbers, JSON, quoted strings and plain text", () => {
  const { params } = parseArgs([
    "--alpha",
    "0.2",
    "--param",
    "hidden=[16,16]",
    "--param",
    'tag="007"',
    "--param",
    "label=leaky",
  ]);
  assert.deepEqual(params, { alpha: 0.2, hidden: [16, 16], tag: "007", label: "leaky" });
});

Deno.test("parseArgs() refuses an empty --out", () => {
  refuses(["--out", ""], '--out must name a folder: --out ""');
  refuses(["--out="], "--out must name a folder: --out=");
});

Deno.test("parseArgs() refuses a --timeout that is not a finite number > 0, showing it", () => {
  const message = "--timeout must be a finite number of seconds > 0:";
  refuses(["--timeout", "Infinity"], `${message} --timeout Infinity`);
  refuses(["--timeout=1e400"], `${message} --timeout=1e400`);
  refuses(["--timeout", "0"], `${message} --timeout 0`);
  refuses(["--timeout", "abc"], `${message} --timeout abc`);
  assert.equal(parseArgs(["--timeout", "2.5"]).timeout, 2.5);
  assert.equal(parseArgs(["--timeout", "0.5"]).timeout, 0.5);
});

Deno.test("parseArgs() names --jobs and the value seen once", () => {
  refuses(["--jobs=abc"], "--jobs must be a whole number >= 1: --jobs=abc");
  refuses(["--jobs", "1.5"], "--jobs must be a whole number >= 1: --jobs 1.5");
  refuses(["-j", "0"], "--jobs must be a whole number >= 1: -j 0");
  assert.equal(parseArgs(["-j", "3"]).jobs, 3);
});

Deno.test("parseArgs() updates the sources unless a parameter is given; the last of --update and --no-update decides", () => {
  const update = (...args: string[]) => parseArgs(args).update;
  assert.deepEqual(
    [update(), update("-p", "alpha=1"), update("--alpha", "1"), update("--alpha=1", "--update")],
    [true, false, false, true],
  );
  assert.deepEqual([update("--no-update"), update("--no-update", "--update")], [false, true]);
  assert.deepEqual(parseArgs(["-p", "alpha=1", "-p", "seed=2"]).params, { alpha: 1, seed: 2 });
});

Deno.test("defaultJobs() is the number of CPUs, at most 2, and 1 when it is unknown", () => {
  assert.deepEqual([1, 2, 3, 64, 0, NaN].map((cpus) => defaultJobs(cpus)), [1, 2, 2, 2, 1, 1]);
  assert.equal(parseArgs([]).jobs, defaultJobs());
});

Deno.test("parseArgs() refuses a value given to an option that takes none", () => {
  refuses(["--update=false"], "--update takes no value: --update=false");
  refuses(["--no-update=1"], "--no-update takes no value: --no-update=1");
});

Deno.test("parseArgs() refuses an option that needs a value and has none", () => {
  refuses(["--out"], "Option --out needs a value");
  refuses(["--no-update", "--timeout"], "Option --timeout needs a value");
});

Deno.test("the CLI prints a bad option in one line on stderr and exits 2", async () => {
  const { code, stdout, stderr } = await cli(["--out=", PARAMETERS]);
  assert.equal(code, 2);
  assert.equal(stdout, "");
  assert.equal(stderr, "--out must name a folder: --out=");
  const unknown = await cli(["--bogus"]);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr, "Unknown option --bogus (deno task notebooks --help lists them)");
});

Deno.test("--help and -h print the full usage on stdout and exit 0", async () => {
  const help = await cli(["--help"]);
  assert.equal(help.code, 0);
  assert.equal(help.stderr, "");
  assert.match(help.stdout, /^Usage: deno task notebooks \[options\] \[names\.\.\.\]\n/);
  for (const option of ["--alpha", "--param", "--update", "--no-update", "--timeout", "--out"]) {
    assert.match(help.stdout, new RegExp(`\n  ${option} `), option);
  }
  assert.match(help.stdout, /\n {2}--jobs N, -j N {8}notebooks run at the same time/);
  assert.match(help.stdout, /\n {2}--help, -h {12}print this help and exit\n/);
  assert.deepEqual(await cli(["-h"]), help);
});

Deno.test("the CLI refuses an override whose type is not its default's, before Jupyter", async (t) => {
  const cases: [string[], string][] = [
    [
      ["--alpha", "abc"],
      `Cannot set alpha in ${PARAMETERS} to "abc" (a string) as its default, 0.01, is a number`,
    ],
    [
      ["--param", "label=007"],
      `Cannot set label in ${PARAMETERS} to 7 (a number) as its default, "leaky", is a string ` +
      `(a string goes in JSON quotes: label='"..."')`,
    ],
    [
      ["--param", "flag=1"],
      `Cannot set flag in ${PARAMETERS} to 1 (a number) as its default, false, is a boolean`,
    ],
    [
      ["--param", "options=[5]"],
      `Cannot set options in ${PARAMETERS} to [5] (an array) as its default, { n: 3 }, is an object`,
    ],
    [
      ["--param", "alpha=null"],
      `Cannot set alpha in ${PARAMETERS} to null as its default, 0.01, is a number`,
    ],
  ];
  for (const [args, message] of cases) {
    await t.step(args.join(" "), async () => {
      const { code, stdout, stderr } = await cli([
        "--no-update",
        "--out",
        OUT,
        ...args,
        PARAMETERS,
      ]);
      assert.equal(code, 2);
      assert.equal(stdout, "");
      assert.equal(stderr, message);
    });
  }
});
