/**
 * Greedy line breaking, shared by the figures' one-SVG layout, the explorer's static picture and
 * the diagnostics' text report. No imports: the explorer's layer draws with no npm package.
 *
 * @module
 */

/**
 * Words broken greedily into lines joined by spaces: a line takes the next word while `fits`
 * holds for the longer line (`index` is the line's, 0 for the first); a word that does not fit
 * alone gets a line of its own.
 */
export function wrapWords(
  words: readonly string[],
  fits: (line: string, index: number) => boolean,
): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const longer = line === "" ? word : `${line} ${word}`;
    if (line !== "" && !fits(longer, lines.length)) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  if (line !== "") lines.push(line);
  return lines;
}
