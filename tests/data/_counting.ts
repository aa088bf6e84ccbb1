import { createPrng, type Prng } from "../../src/core/prng.ts";

/** A seeded generator that counts its draws. */
export function counting(seed: number): { prng: Prng; draws: () => number } {
  const inner = createPrng(seed);
  let n = 0;
  return { prng: () => (n++, inner()), draws: () => n };
}
