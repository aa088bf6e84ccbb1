import assert from "node:assert/strict";
import { encodeBase64 } from "../../src/runner/base64.ts";

Deno.test("encodeBase64() encodes bytes as RFC 4648 base64", async (t) => {
  const ascii = (text: string) => new TextEncoder().encode(text);
  await t.step("the RFC's examples, with their padding", () => {
    const cases = [["", ""], ["f", "Zg=="], ["fo", "Zm8="], ["foo", "Zm9v"], [
      "foobar",
      "Zm9vYmFy",
    ]];
    for (const [text, expected] of cases) assert.equal(encodeBase64(ascii(text)), expected, text);
  });
  await t.step("every byte value, across the chunks it is encoded by", () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 7 }, (_, i) => (i * 7919) % 256);
    const decoded = Uint8Array.from(atob(encodeBase64(bytes)), (ch) => ch.charCodeAt(0));
    assert.deepEqual(decoded, bytes);
  });
});
