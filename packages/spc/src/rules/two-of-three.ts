/**
 * @module rules/two-of-three
 * In a window of three consecutive non-ghosted points within one partition, at least two
 * strictly beyond the same 2σ line and all three strictly on that side of the mean. Only the
 * points beyond 2σ are flagged. With `countBeyondLimits` false (nhsr), a point beyond the
 * process limit does not count towards the two.
 */
import type { Lines } from '../lines.js';
import type { LineSet } from '../types.js';
import { HIGH, LOW, filled } from './sides.js';

/** 1 above the mean, 2 below, plus 4 if the point counts as beyond the 2σ line on its side. */
function position(v: number, l: LineSet, countBeyondLimits: boolean): number {
  if (v > l.mean) return v > l.upper2 && (countBeyondLimits || !(v > l.upper)) ? HIGH | 4 : HIGH;
  if (v < l.mean) return v < l.lower2 && (countBeyondLimits || !(v < l.lower)) ? LOW | 4 : LOW;
  return 0;
}

export function twoOfThree(
  values: ArrayLike<number>,
  used: readonly number[],
  partitionOf: ArrayLike<number>,
  lines: Lines,
  countBeyondLimits: boolean,
  out: number[] = filled(values.length, 0),
  bit = 0,
): number[] {
  const { at, index } = lines;
  const pos = (i: number): number => position(values[i]!, at[index[i]!]!, countBeyondLimits);
  let pa = 0;
  let pb = used.length > 1 ? pos(used[0]!) : 0;
  let pc = used.length > 1 ? pos(used[1]!) : 0;
  for (let k = 2; k < used.length; k++) {
    const a = used[k - 2]!;
    const b = used[k - 1]!;
    const c = used[k]!;
    pa = pb;
    pb = pc;
    pc = pos(c);
    const side = pa & pb & pc & 3;
    if (side === 0 || partitionOf[a] !== partitionOf[c]) continue;
    if ((pa >> 2) + (pb >> 2) + (pc >> 2) < 2) continue;
    if (pa & 4) out[a]! |= side << bit;
    if (pb & 4) out[b]! |= side << bit;
    if (pc & 4) out[c]! |= side << bit;
  }
  return out;
}
