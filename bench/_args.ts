/**
 * Command-line arguments the benches share, and how a bench ends on a fault it expects (a bad
 * argument, a reference that failed): one line on stderr and exit code 1, not a stack trace.
 *
 * @module
 */

/** A fault a bench reports in one line: a bad argument, or a baseline that failed to run. */
export class BenchError extends Error {
  override name = "BenchError";
}

/**
 * `--NAME=N` from the command line (an integer >= 1), or `defaultValue` when it is not given.
 * Refuses `--NAME` without `=N` (as in `--NAME 5`, which would otherwise be ignored), and a value
 * that is not a whole number of at least 1 (`--rounds=x` once gave a table of NaN).
 */
export function parseCount(
  name: string,
  defaultValue: number,
  args: readonly string[] = Deno.args,
): number {
  const flag = `--${name}`;
  if (args.includes(flag)) {
    throw new BenchError(
      `Cannot run the benchmark as ${flag} takes its value after "=": ${flag}=N`,
    );
  }
  const arg = args.find((a) => a.startsWith(`${flag}=`));
  if (arg === undefined) return defaultValue;
  const text = arg.slice(flag.length + 1);
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new BenchError(`Cannot run the benchmark as ${flag} must be an integer >= 1: ${arg}`);
  }
  return value;
}

/** `--repetitions=N` from the command line (an integer >= 1), or `defaultValue`. */
export function parseRepetitions(defaultValue: number): number {
  return parseCount("repetitions", defaultValue);
}

/**
 * Runs a bench's `main`, printing a {@linkcode BenchError} as one line (`error: ...`) and
 * exiting with code 1; any other error is a bug in the bench and keeps its stack trace.
 */
export async function runBench(main: () => void | Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    console.error(`error: ${error.message}`);
    Deno.exit(1);
  }
}
