/**
 * Private: the channels of a `#rrggbb` colour, for the plot helpers and the explorer, which
 * tint pixels and colours with the defaults' colours.
 *
 * @module
 */

/** The red, green and blue (0 to 255) of a colour in `#rrggbb` form. */
export function rgbOf(color: string): [number, number, number] {
  const channel = (i: number) => parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16);
  return [channel(0), channel(1), channel(2)];
}
