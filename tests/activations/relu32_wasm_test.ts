/**
 * Float32 ReLU forward in WebAssembly (`src/activations/_wasm/relu32.wat`), which runs on
 * arrays of 256 elements or more: the committed binary is fresh, Deno runs it, and it gives
 * the bits of the integer reference (`bits <= -8388608` cleared, every other bit pattern kept,
 * NaN payloads included) on every float32 bit pattern, across its chunks, at any offset.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { createActivation, createPrng } from "@relu-lab/relu-lab";
import { assemble, moduleSource, RELU32 } from "../../src/nn/_wasm/assemble.ts";
import { RELU32_WASM_BASE64 } from "../../src/activations/_wasm/relu32_wasm.ts";
import watText from "../../src/activations/_wasm/relu32.wat" with { type: "text" };
import moduleText from "../../src/activations/_wasm/relu32_wasm.ts" with { type: "text" };
import {
  chunkStart,
  RELU32_WASM_MIN_LENGTH,
  reluForward32Wasm,
} from "../../src/activations/_relu32_wasm.ts";

Deno.test("the committed relu32_wasm.ts is what relu32.wat assembles to, byte for byte", async () => {
  const bytes = await assemble(watText, RELU32);
  const committed = Uint8Array.from(atob(RELU32_WASM_BASE64), (c) => c.charCodeAt(0));
  assert.deepEqual(committed, bytes, "run `deno task build:wasm` after editing relu32.wat");
  assert.equal(moduleText, moduleSource(bytes, RELU32));
});

Deno.test("Deno runs float32 ReLU forward on the WebAssembly kernel", () => {
  const x = Float32Array.of(-1, 2, -0, NaN, -Infinity);
  const out = new Float32Array(5);
  assert.equal(reluForward32Wasm(x, out), true);
  assert.deepEqual([...out], [0, 2, 0, NaN, 0]);
  assert.ok(Object.is(out[2], 0), "-0 gives +0");
});

/** The float32 bit patterns next to the comparison's boundary, as signed integers. */
const EDGES = [0xff800000, 0xff800001, 0xff7fffff, 0x80000000, 0x80000001, 0xffffffff, 0xffc00000]
  .map((bits) => bits | 0).concat([0, 1, 0x7f800000, 0x7f800001, 0x7fc00000, 0x7fffffff]);

/** `length` seeded float32 bit patterns, an edge pattern at every 97th element. */
function randomBits(length: number, seed: number): Int32Array {
  const prng = createPrng(seed);
  const bits = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    bits[i] = i % 97 === 0
      ? EDGES[Math.floor(prng() * EDGES.length)]
      : Math.floor(prng() * 2 ** 32) | 0;
  }
  return bits;
}

Deno.test("float32 ReLU forward on 256 elements or more keeps the integer reference's bits", () => {
  const relu = createActivation("relu");
  // The shortest length it takes, a chunk (65,536) and around it, and three chunks and a tail.
  const lengths = [RELU32_WASM_MIN_LENGTH, 65_535, 65_536, 65_537, 3 * 65_536 + 5];
  fc.assert(
    fc.property(fc.constantFrom(...lengths), fc.nat(), fc.nat(3), (length, seed, offset) => {
      const bits = randomBits(length, seed);
      // x and out at any offsets into buffers of their own (the in-place case runs elsewhere).
      const xBuffer = new Int32Array(length + 4), outBuffer = new Int32Array(length + 4);
      xBuffer.set(bits, offset);
      const x = new Float32Array(xBuffer.buffer, 4 * offset, length);
      const out = new Float32Array(outBuffer.buffer, 4 * (3 - offset), length);
      relu.forward(x, out);
      const got = new Int32Array(out.buffer, out.byteOffset, length);
      for (let i = 0; i < length; i++) {
        const want = bits[i] <= -8388608 ? 0 : bits[i];
        if (got[i] !== want) {
          assert.fail(
            `length ${length}, element ${i}: bits ${bits[i]} gave ${got[i]}, want ${want}`,
          );
        }
      }
    }),
    { numRuns: 20 },
  );
});

Deno.test("the chunks start far from both arrays' addresses modulo 4 KiB", () => {
  // Starts are k * 512 bytes; the gap is to the nearest multiple of 4 KiB from either array.
  const gap = (k: number, offset: number) => {
    const d = (((k * 512 - offset) % 4096) + 4096) % 4096;
    return Math.min(d, 4096 - d);
  };
  assert.equal(chunkStart(0, 0), 4, "page-aligned arrays: the chunk 2 KiB off both");
  for (const [x, out] of [[0, 2048], [64, 64], [4096 * 3 + 100, 12], [1000, 3000]]) {
    const k = chunkStart(x, out);
    assert.ok(
      Math.min(gap(k, x), gap(k, out)) >= 512,
      `x at ${x}, out at ${out}: start ${k * 512} is ${gap(k, x)} and ${gap(k, out)} bytes off`,
    );
  }
});
