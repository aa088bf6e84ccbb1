/**
 * Private: compiling the project's WebAssembly modules, which ship as base64 in generated
 * TypeScript files (`deno task build:wasm`).
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
