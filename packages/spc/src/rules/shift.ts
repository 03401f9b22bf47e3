/**
 * @module rules/shift
 * `length` consecutive non-ghosted points on one side of the mean, within one partition.
 * A point on the mean breaks the run; every point of the run is flagged, the first included.
 */
import type { Lines } from '../lines.js';
import { HIGH, LOW, filled } from './sides.js';

export function shift(
  values: ArrayLike<number>,
  used: readonly number[],
  partitionOf: ArrayLike<number>,
  lines: Lines,
  length: number,
  out: number[] = filled(values.length, 0),
  bit = 0,
): number[] {
  let side = 0;
  let count = 0;
  let runStart = 0; // position in `used`
  let partition = -1;
  for (let k = 0; k < used.length; k++) {
    const i = used[k]!;
    const v = values[i]!;
    const m = lines.at[lines.index[i]!]!.mean;
    const s = v > m ? HIGH : v < m ? LOW : 0;
    if (partitionOf[i] !== partition) {
      partition = partitionOf[i]!;
      count = 0;
      side = 0;
    }
    if (s === 0) {
      count = 0;
      side = 0;
      continue;
    }
    if (s === side) count++;
    else {
      side = s;
      count = 1;
      runStart = k;
    }
    if (count === length) for (let j = runStart; j <= k; j++) out[used[j]!]! |= s << bit;
    else if (count > length) out[i]! |= s << bit;
  }
  return out;
}
