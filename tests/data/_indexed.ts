import { type Dataset, dataset } from "../../src/core/dataset.ts";
import { matrix } from "../../src/core/matrix.ts";

/** n samples with one input each, where sample i has input i and label i. */
export function indexed(n: number): Dataset {
  const x = matrix(n, 1);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) x.data[i] = y[i] = i;
  return dataset(x, y);
}
