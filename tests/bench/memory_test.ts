/**
 * The train bench's memory row reads every kind of memory a leak in the library could take.
 *
 * These tests run without `--expose-gc`, so a collection V8 makes between the two readings can
 * free some of the heap and read as less growth (CI once saw 3,544,880 bytes for 4 MiB grown: 634
 * KiB freed). Each is measured up to three times and passes when one reading is in range; the
 * reading without the memory it tests stays near 0 every time.
 */
import assert from "node:assert/strict";
import { memoryInUse } from "../../bench/train_bench.ts";
import { instantiateDenseModule } from "../../src/nn/_gemm.ts";

const MIB = 1024 * 1024;

/** Growth of memoryInUse() across `grow`, up to three attempts, stopping at one in range. */
function growths(grow: () => void, inRange: (bytes: number) => boolean): number[] {
  const seen: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = memoryInUse();
    grow();
    seen.push(memoryInUse() - before);
    if (inRange(seen.at(-1)!)) break;
  }
  return seen;
}

Deno.test("memoryInUse() sees the library's WebAssembly memory grow by 4 MiB", () => {
  const memory = instantiateDenseModule()!.exports.memory as WebAssembly.Memory;
  const inRange = (bytes: number) => bytes >= 4 * MIB && bytes < 5 * MIB;
  const seen = growths(() => memory.grow(64), inRange); // 64 pages of 64 KiB each time
  assert.ok(seen.some(inRange), `grew by ${seen.join(", ")} bytes`);
});

Deno.test("memoryInUse() sees typed arrays' data, outside V8's heap", () => {
  const kept: Float64Array[] = [];
  const seen = growths(() => kept.push(new Float64Array(512 * 1024)), (bytes) => bytes >= 4 * MIB);
  assert.ok(kept.every((array) => array.length === 512 * 1024));
  assert.ok(seen.some((bytes) => bytes >= 4 * MIB), `grew by ${seen.join(", ")} bytes`);
});
