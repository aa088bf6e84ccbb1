/** The train bench's memory row reads every kind of memory a leak in the library could take. */
import assert from "node:assert/strict";
import { memoryInUse } from "../../bench/train_bench.ts";
import { instantiateDenseModule } from "../../src/nn/_gemm.ts";

Deno.test("memoryInUse() sees the library's WebAssembly memory grow by 4 MiB", () => {
  const memory = instantiateDenseModule()!.exports.memory as WebAssembly.Memory;
  const before = memoryInUse();
  memory.grow(64); // 4 MiB
  const growth = memoryInUse() - before;
  assert.ok(growth >= 4 * 1024 * 1024, `grew by ${growth} bytes`);
  assert.ok(growth < 5 * 1024 * 1024, `grew by ${growth} bytes`);
});

Deno.test("memoryInUse() sees typed arrays' data, outside V8's heap", () => {
  const before = memoryInUse();
  const kept = new Float64Array(512 * 1024); // 4 MiB
  const growth = memoryInUse() - before;
  assert.equal(kept.length, 512 * 1024);
  assert.ok(growth >= 4 * 1024 * 1024, `grew by ${growth} bytes`);
});
