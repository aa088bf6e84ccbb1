/**
 * Exact JSON encoding of float64 arrays: little-endian bytes in base64, so every bit (signed
 * zeros included) survives a round trip.
 *
 * @module
 */

import { formatValue, requireNumber } from "../core/validate.ts";

/** Encodes a float64 array as base64 of its little-endian bytes. */
export function encodeFloat64(values: Float64Array): string {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * 8, values[i], true);
  let text = "";
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
  return btoa(text);
}

/** Decodes {@linkcode encodeFloat64}'s output, checking the length. */
export function decodeFloat64(action: string, name: string, text: unknown, length: number) {
  if (typeof text !== "string") {
    throw new TypeError(
      `Cannot ${action} as ${name} must be a base64 string of float64 values: ${name}=${typeof text}`,
    );
  }
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new TypeError(
      `Cannot ${action} as ${name} must be valid base64: ${name}=${text.slice(0, 20)}...`,
    );
  }
  if (binary.length !== length * 8) {
    const held = binary.length % 8 === 0
      ? String(binary.length / 8)
      : `${binary.length} bytes, not a whole number of float64 values`;
    throw new RangeError(
      `Cannot ${action} as ${name} must hold ${length} float64 values: ${name} holds ${held}`,
    );
  }
  const view = new DataView(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) view.setUint8(i, binary.charCodeAt(i));
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = view.getFloat64(i * 8, true);
  return out;
}

/**
 * Reads a required field of a JSON object, checking it is an integer >= min: a `TypeError` when
 * it is no number, a `RangeError` when it is a number out of range.
 */
export function readInteger(action: string, json: Record<string, unknown>, name: string, min = 0) {
  const value = json[name];
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    const message = `Cannot ${action} as ${name} must be an integer >= ${min}: ${name}=${
      formatValue(value)
    }`;
    throw typeof value === "number" ? new RangeError(message) : new TypeError(message);
  }
  return value;
}

/**
 * Reads the `seed` of a random layer's JSON form: a safe integer, or `null`, which the layer
 * writes when it drew from a `prng` of the caller's rather than a seed (restored as seed 0).
 * A missing seed, or one of another type, is a `TypeError`; a number that is no safe integer a
 * `RangeError`.
 */
export function readSeed(action: string, json: Record<string, unknown>): number {
  const seed = json.seed;
  if (seed === null) return 0;
  if (typeof seed !== "number") {
    throw new TypeError(
      `Cannot ${action} as seed must be an integer, or null for a layer that drew from a prng: seed=${
        formatValue(seed)
      }`,
    );
  }
  return requireNumber(action, "seed", seed, { integer: true });
}

/**
 * `layer`, restored from `json`, once `json` is found to have no key the layer's own `toJSON`
 * does not write: a field this library does not read (a `stride`, say) would be dropped without
 * a word, and the layer restored as something else.
 */
export function withKnownKeys<T extends { toJSON(): object }>(
  action: string,
  json: object,
  layer: T,
): T {
  const known = Object.keys(layer.toJSON());
  const unknown = Object.keys(json).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new TypeError(
      `Cannot ${action} as its JSON must have only the keys ${known.join(", ")}: unknown key${
        unknown.length === 1 ? "" : "s"
      } ${unknown.map((key) => formatValue(key)).join(", ")}`,
    );
  }
  return layer;
}
