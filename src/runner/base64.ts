/**
 * Base64 encoding of bytes (the runner avoids @std to keep its dependencies to npm).
 *
 * @module
 */

/**
 * Encodes bytes as base64.
 *
 * @example
 * ```ts
 * import { encodeBase64 } from "./base64.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(encodeBase64(new TextEncoder().encode("ReLU")), "UmVMVQ==");
 * assert.equal(encodeBase64(new Uint8Array([0, 255, 128])), "AP+A");
 * // Longer than one 32 KiB chunk: same as encoding the whole string at once.
 * const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
 * assert.equal(encodeBase64(bytes), btoa(String.fromCharCode(...bytes)));
 * ```
 */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
