/**
 * Writing files so that nothing is ever half-written.
 *
 * @module
 */

/**
 * Writes a file through a temporary file in the same folder and a rename, so that a reader (or
 * an interrupted run) sees the old content or the new one, never a part of the new one. On an
 * error the temporary file is removed and the old content stays.
 *
 * @example
 * ```ts
 * import { writeTextFileAtomic } from "./files.ts";
 * import assert from "node:assert/strict";
 *
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build" });
 * await writeTextFileAtomic(`${folder}/page.html`, "old");
 * await writeTextFileAtomic(`${folder}/page.html`, "new");
 * assert.equal(await Deno.readTextFile(`${folder}/page.html`), "new");
 * // A write whose rename fails (a folder holds the name) leaves no temporary file behind.
 * await Deno.mkdir(`${folder}/taken`);
 * await assert.rejects(() => writeTextFileAtomic(`${folder}/taken`, "x"), Error);
 * const names = [...Deno.readDirSync(folder)].map((entry) => entry.name).sort();
 * assert.deepEqual(names, ["page.html", "taken"]);
 * await Deno.remove(folder, { recursive: true });
 * ```
 */
export async function writeTextFileAtomic(path: string, text: string): Promise<void> {
  const at = path.lastIndexOf("/");
  const temporary = `${path.slice(0, at + 1)}.${path.slice(at + 1)}.${Deno.pid}-${
    crypto.randomUUID().slice(0, 8)
  }.tmp`;
  inFlight.add(temporary);
  try {
    await Deno.writeTextFile(temporary, text);
    if (!inFlight.has(temporary)) throw new Error(`Cannot write ${path}: abandoned`);
    await Deno.rename(temporary, path);
  } catch (error) {
    await Deno.remove(temporary).catch(() => {});
    throw error;
  } finally {
    inFlight.delete(temporary);
  }
}

/** The temporary files of the writes under way. */
const inFlight = new Set<string>();

/**
 * Removes the temporary files of the writes under way, for a process about to exit in the middle
 * of them (a second Ctrl-C): none is left behind. Those writes, should they go on, fail and
 * write nothing. Returns how many there were.
 *
 * @example
 * ```ts
 * import { removeTemporaryFiles, writeTextFileAtomic } from "./files.ts";
 * import assert from "node:assert/strict";
 *
 * await Deno.mkdir("build", { recursive: true });
 * const folder = await Deno.makeTempDir({ dir: "build" });
 * const writing = writeTextFileAtomic(`${folder}/big.html`, "x".repeat(1 << 20));
 * assert.equal(removeTemporaryFiles(), 1);
 * await assert.rejects(writing, /abandoned/);
 * assert.deepEqual([...Deno.readDirSync(folder)], []);
 * assert.equal(removeTemporaryFiles(), 0);
 * await Deno.remove(folder, { recursive: true });
 * ```
 */
export function removeTemporaryFiles(): number {
  const count = inFlight.size;
  for (const temporary of inFlight) {
    try {
      Deno.removeSync(temporary);
    } catch { /* not created yet, or gone */ }
  }
  inFlight.clear();
  return count;
}
