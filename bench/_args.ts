/**
 * Command-line arguments the benches share.
 *
 * @module
 */

/** `--repetitions=N` from the command line (an integer >= 1), or `defaultValue`. */
export function parseRepetitions(defaultValue: number): number {
  const arg = Deno.args.find((a) => a.startsWith("--repetitions="));
  const value = arg === undefined ? defaultValue : Number(arg.slice("--repetitions=".length));
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `Cannot run the benchmark as --repetitions must be an integer >= 1: ${arg}`,
    );
  }
  return value;
}
