/** The library's WebAssembly instances and the count of the memory they hold. */
import assert from "node:assert/strict";
import { instantiateWasm, wasmMemoryBytes } from "../../src/core/_wasm.ts";
import { instantiateDenseModule } from "../../src/nn/_gemm.ts";

const PAGE = 65536;

Deno.test("wasmMemoryBytes() counts a new instance's memory, and its growth", () => {
  const before = wasmMemoryBytes();
  const memory = instantiateDenseModule()!.exports.memory as WebAssembly.Memory;
  assert.ok(memory.buffer.byteLength > 0);
  assert.equal(wasmMemoryBytes() - before, memory.buffer.byteLength);
  memory.grow(16);
  assert.equal(wasmMemoryBytes() - before, memory.buffer.byteLength);
});

Deno.test("V8 counts WebAssembly memory in neither the heap nor the external memory, so the count is needed", () => {
  const memory = instantiateDenseModule()!.exports.memory as WebAssembly.Memory;
  const read = () => {
    const { heapUsed, external } = Deno.memoryUsage();
    return heapUsed + external;
  };
  const [countBefore, usageBefore] = [wasmMemoryBytes(), read()];
  memory.grow(160); // 10 MiB
  new Uint8Array(memory.buffer).fill(1);
  assert.equal(wasmMemoryBytes() - countBefore, 160 * PAGE);
  assert.ok(read() - usageBefore < PAGE, `heap + external grew by ${read() - usageBefore} bytes`);
});

Deno.test("instantiateWasm() refuses a module that exports no memory (nothing to count)", () => {
  // (module (func (export "f"))): a valid module without a memory.
  const binary = Uint8Array.of(
    0,
    97,
    115,
    109,
    1,
    0,
    0,
    0,
    1,
    4,
    1,
    96,
    0,
    0,
    3,
    2,
    1,
    0,
    7,
    5,
    1,
    1,
    102,
    0,
    0,
    10,
    4,
    1,
    2,
    0,
    11,
  );
  const before = wasmMemoryBytes();
  assert.equal(instantiateWasm(new WebAssembly.Module(binary)), undefined);
  assert.equal(wasmMemoryBytes(), before);
});
