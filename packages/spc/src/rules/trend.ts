/**
 * @module rules/trend
 * `length` consecutive non-ghosted points each strictly greater (or each strictly smaller) than
 * the one before; a tie breaks the trend; either side of the mean. With `partitionOf`, a trend
 * stays within one partition; without it, it crosses partitions. Every point of it is flagged.
 */
import { HIGH, LOW, filled } from './sides.js';

export function trend(
  values: ArrayLike<number>,
  used: readonly number[],
  partitionOf: ArrayLike<number> | null,
  length: number,
  out: number[] = filled(values.length, 0),
  bit = 0,
): number[] {
  let up = 1; // points in the current rising run
  let down = 1;
  let upStart = 0;
  let downStart = 0;
  for (let k = 1; k < used.length; k++) {
    const i = used[k]!;
    const prev = used[k - 1]!;
    if (partitionOf !== null && partitionOf[i] !== partitionOf[prev]) {
      up = down = 1;
      continue;
    }
    const v = values[i]!;
    const w = values[prev]!;
    if (v > w) {
      if (up === 1) upStart = k - 1;
      up++;
      down = 1;
      if (up === length) for (let j = upStart; j <= k; j++) out[used[j]!]! |= HIGH << bit;
      else if (up > length) out[i]! |= HIGH << bit;
    } else if (v < w) {
      if (down === 1) downStart = k - 1;
      down++;
      up = 1;
      if (down === length) for (let j = downStart; j <= k; j++) out[used[j]!]! |= LOW << bit;
      else if (down > length) out[i]! |= LOW << bit;
    } else {
      up = down = 1;
    }
  }
  return out;
}
