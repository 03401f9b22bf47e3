/**
 * @module rules/two-of-three
 * In a window of three consecutive non-ghosted points within one partition, at least two
 * strictly beyond the same 2σ line and all three strictly on that side of the mean. Only the
 * points beyond 2σ are flagged. With `countBeyondLimits` false (nhsr), a point beyond the
 * process limit does not count towards the two.
 */
import type { Lines } from '../lines.js';
import { HIGH, LOW } from './sides.js';

export function twoOfThree(
  values: ArrayLike<number>,
  used: Int32Array,
  partitionOf: Int32Array,
  lines: Lines,
  countBeyondLimits: boolean,
): Uint8Array {
  const out = new Uint8Array(values.length);
  const { mean, upper, lower, upper2, lower2 } = lines;
  const high = (i: number): boolean =>
    values[i]! > upper2[i]! && (countBeyondLimits || !(values[i]! > upper[i]!));
  const low = (i: number): boolean =>
    values[i]! < lower2[i]! && (countBeyondLimits || !(values[i]! < lower[i]!));
  for (let k = 2; k < used.length; k++) {
    const a = used[k - 2]!;
    const b = used[k - 1]!;
    const c = used[k]!;
    if (partitionOf[a] !== partitionOf[c]) continue;
    if (values[a]! > mean[a]! && values[b]! > mean[b]! && values[c]! > mean[c]!) {
      const ha = high(a);
      const hb = high(b);
      const hc = high(c);
      if (+ha + +hb + +hc >= 2) {
        if (ha) out[a]! |= HIGH;
        if (hb) out[b]! |= HIGH;
        if (hc) out[c]! |= HIGH;
      }
    } else if (values[a]! < mean[a]! && values[b]! < mean[b]! && values[c]! < mean[c]!) {
      const la = low(a);
      const lb = low(b);
      const lc = low(c);
      if (+la + +lb + +lc >= 2) {
        if (la) out[a]! |= LOW;
        if (lb) out[b]! |= LOW;
        if (lc) out[c]! |= LOW;
      }
    }
  }
  return out;
}
