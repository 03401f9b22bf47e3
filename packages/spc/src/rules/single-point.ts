/**
 * @module rules/single-point
 * A point strictly above the upper or below the lower process limit.
 */
import type { Lines } from '../lines.js';
import { HIGH, LOW, filled } from './sides.js';

export function singlePoint(
  values: ArrayLike<number>,
  used: readonly number[],
  lines: Lines,
  out: number[] = filled(values.length, 0),
  bit = 0,
): number[] {
  const { at, index } = lines;
  for (const i of used) {
    const v = values[i]!;
    const l = at[index[i]!]!;
    if (v > l.upper) out[i]! |= HIGH << bit;
    else if (v < l.lower) out[i]! |= LOW << bit;
  }
  return out;
}
