/**
 * @module rules/single-point
 * A point strictly above the upper or below the lower process limit.
 */
import { HIGH, LOW } from './sides.js';

export function singlePoint(
  values: ArrayLike<number>,
  used: Int32Array,
  lower: Float64Array,
  upper: Float64Array,
): Uint8Array {
  const out = new Uint8Array(values.length);
  for (const i of used) {
    const v = values[i]!;
    if (v > upper[i]!) out[i] = HIGH;
    else if (v < lower[i]!) out[i] = LOW;
  }
  return out;
}
