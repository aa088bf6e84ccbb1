/**
 * Writing files so that nothing is ever half-written.
 *
 * @module
 */

/**
 * Writes a file through a temporary file in the same folder and a rename, so that a reader (or
 * an interrupted run) sees the old content or the new one, never a part of the new one. On an
 * error the temporary file is removed and the old content stays.
 */
export async function writeTextFileAtomic(path: string, text: string): Promise<void> {
  const at = path.lastIndexOf("/");
  const temporary = `${path.slice(0, at + 1)}.${path.slice(at + 1)}.${Deno.pid}-${
    crypto.randomUUID().slice(0, 8)
  }.tmp`;
  try {
    await Deno.writeTextFile(temporary, text);
    await Deno.rename(temporary, path);
  } catch (error) {
    await Deno.remove(temporary).catch(() => {});
    throw error;
  }
}
