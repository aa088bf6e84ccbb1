/**
 * Escaping text for HTML, used wherever a figure or display bundle embeds user text.
 *
 * @module
 */

import { refuseTrailing } from "../core/_require.ts";

/**
 * Escapes `&`, `<`, `>` and `"` so text can sit in HTML content or a quoted attribute.
 *
 * @param text Any text.
 * @returns The escaped text.
 *
 * @example
 * ```ts
 * import { escapeHtml } from "@relu-lab/relu-lab";
 * import assert from "node:assert/strict";
 *
 * assert.equal(escapeHtml('a < b & "c"'), "a &lt; b &amp; &quot;c&quot;");
 * ```
 */
export function escapeHtml(text: string): string;
export function escapeHtml(text: string, extra?: unknown, array?: unknown): string {
  refuseTrailing("escape HTML", "escapeHtml", "text alone", "second", extra, text, array);
  return String(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}
