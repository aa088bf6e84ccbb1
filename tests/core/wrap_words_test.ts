/** wrapWords(): the greedy line breaking the SVG text layouts and the text report share. */
import assert from "node:assert/strict";
import { wrapWords } from "../../src/core/_wrap_words.ts";

const upTo = (n: number) => (line: string) => line.length <= n;

Deno.test("wrapWords() fills each line while the longer line still fits", () => {
  assert.deepEqual(wrapWords(["ab", "cd", "ef", "g"], upTo(5)), ["ab cd", "ef g"]);
  assert.deepEqual(wrapWords(["ab", "cd"], upTo(4)), ["ab", "cd"], "5 characters do not fit in 4");
});

Deno.test("wrapWords() gives a word too long for any line a line of its own, and no empty line", () => {
  assert.deepEqual(wrapWords(["toolongword", "a", "b"], upTo(4)), ["toolongword", "a b"]);
  assert.deepEqual(wrapWords(["a", "toolongword"], upTo(4)), ["a", "toolongword"]);
  assert.deepEqual(wrapWords([], upTo(4)), []);
});
