/**
 * Private: compiling the project's WebAssembly modules, which ship as base64 in generated
 * TypeScript files (`deno task build:wasm`), making their instances, and counting the memory
 * those instances hold.
 *
 * @module
 */

/**
 * The module carried by `base64`, compiled, or undefined where it cannot run: no WebAssembly,
 * no SIMD instructions in this engine (the module does not validate), or compiling forbidden
 * (a content security policy, say).
 */
export function compileWasm(base64: string): WebAssembly.Module | undefined {
  if (typeof WebAssembly !== "object") return undefined;
  const text = atob(base64);
  const binary = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) binary[i] = text.charCodeAt(i);
  try {
    if (!WebAssembly.validate(binary)) return undefined; // no SIMD in this engine
    return new WebAssembly.Module(binary);
  } catch {
    return undefined;
  }
}

/**
 * A new instance of `compiled`, with a memory of its own, or undefined where it cannot be made
 * or exports no memory. Its memory is counted by {@linkcode wasmMemoryBytes} while it lives.
 */
export function instantiateWasm(compiled: WebAssembly.Module): WebAssembly.Instance | undefined {
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(compiled);
  } catch {
    return undefined;
  }
  const { memory } = instance.exports;
  if (!(memory instanceof WebAssembly.Memory)) return undefined;
  for (const ref of memories) if (ref.deref() === undefined) memories.delete(ref);
  memories.add(new WeakRef(memory));
  return instance;
}

/** The memories of the instances made here, held weakly: the collector still frees them. */
const memories = new Set<WeakRef<WebAssembly.Memory>>();

/**
 * The bytes of WebAssembly memory the library's instances hold now (those not yet collected).
 * V8 counts none of it in `Deno.memoryUsage()`'s heap or external memory (a 10 MiB memory
 * changed neither), so a reading of memory in use adds it (`bench/train_bench.ts`).
 */
export function wasmMemoryBytes(): number {
  let bytes = 0;
  for (const ref of memories) bytes += ref.deref()?.buffer.byteLength ?? 0;
  return bytes;
}
