/**
 * Allocation of the typed arrays whose size a caller sets (a matrix, a generated data set, a
 * permutation): a size too large for memory gets a RangeError saying what could not be
 * allocated and which argument asked for it, not V8's bare "Array buffer allocation failed".
 *
 * @module
 */

/** The typed arrays {@linkcode allocate} makes, with the element type its messages name. */
const ELEMENT_TYPES = new Map<unknown, string>([[Float64Array, "float64"], [Int32Array, "int32"]]);

/**
 * A zero-filled `Float64Array` or `Int32Array` of `length` elements, or a RangeError:
 * `Cannot <action> as its <length> float64 elements (<bytes> bytes) cannot be allocated<cause>`.
 *
 * @param type `Float64Array` or `Int32Array`.
 * @param length The number of elements, an integer >= 0.
 * @param action What was being attempted, e.g. `"generate two moons"`.
 * @param cause What set the size, appended to the message, e.g. `": n=1099511627776"`.
 * @returns The new array.
 */
export function allocate<T extends Float64Array | Int32Array>(
  type: { new (length: number): T; readonly BYTES_PER_ELEMENT: number },
  length: number,
  action: string,
  cause = "",
): T {
  try {
    return new type(length);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RangeError(
      `Cannot ${action} as its ${length} ${ELEMENT_TYPES.get(type)} elements (${
        length * type.BYTES_PER_ELEMENT
      } bytes) cannot be allocated${cause}`,
      { cause: error },
    );
  }
}
