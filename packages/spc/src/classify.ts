/**
 * @module classify
 * Turns rule results into one point type per point, resolving conflicts as the options say.
 */
import { BOTH, filled, FLAG_BITS, HIGH, LOW } from './rules/sides.js';
import type { Direction, PointType, ResolvedOptions } from './types.js';

export interface RuleResults {
  readonly singlePoint: readonly number[];
  readonly shift: readonly number[];
  readonly trend: readonly number[];
  readonly twoOfThree: readonly number[];
}

/** HIGH or LOW to a point type under the direction. */
export function sideToType(side: number, direction: Direction): PointType {
  if (side === HIGH) {
    return direction === 'increase' ? 'improvement' : direction === 'decrease' ? 'concern' : 'neither_high';
  }
  if (side === LOW) {
    return direction === 'increase' ? 'concern' : direction === 'decrease' ? 'improvement' : 'neither_low';
  }
  return 'common_cause';
}

/** The improving side under the direction (HIGH for neutral, as MDC shows a conflict as neither-high). */
const improvingSide = (direction: Direction): number => (direction === 'decrease' ? LOW : HIGH);

/**
 * The side of one point from its four rule results: `improvement` / `concern` keep that side of
 * a conflict (mdc); `precedence` takes the first rule that fires in the order single point >
 * trend > two-of-three > shift, and a point in trends on both sides takes the later trend (nhsr).
 * `value` and `previous` (the previous non-ghosted value) tell a peak from a trough.
 */
export function resolveSide(
  single: number,
  shiftSide: number,
  trendSide: number,
  twoOfThreeSide: number,
  value: number,
  previous: number,
  options: Pick<ResolvedOptions, 'direction' | 'conflictRule'>,
): number {
  const { direction, conflictRule } = options;
  if (conflictRule === 'precedence') {
    const side = single || trendSide || twoOfThreeSide || shiftSide;
    // A peak ends a rise and starts a fall: the later trend is the fall.
    return side === BOTH ? (value > previous ? LOW : HIGH) : side;
  }
  const side = single | shiftSide | trendSide | twoOfThreeSide;
  if (side !== BOTH) return side;
  const good = improvingSide(direction);
  return direction === 'neutral' || conflictRule === 'improvement' ? good : BOTH ^ good;
}

/** One side per point from separate rule arrays (see {@link resolveSide}). */
export function classify(
  values: ArrayLike<number>,
  used: readonly number[],
  rules: RuleResults,
  options: Pick<ResolvedOptions, 'direction' | 'conflictRule'>,
): number[] {
  const sides = filled(values.length, 0);
  for (let k = 0; k < used.length; k++) {
    const i = used[k]!;
    const prev = k > 0 ? values[used[k - 1]!]! : values[i]!;
    sides[i] = resolveSide(
      rules.singlePoint[i]!,
      rules.shift[i]!,
      rules.trend[i]!,
      rules.twoOfThree[i]!,
      values[i]!,
      prev,
      options,
    );
  }
  return sides;
}

/** Classifies in place: reads each point's rule bits from `flags` and writes its side (FLAG_BITS.side). */
export function classifyFlags(
  values: ArrayLike<number>,
  used: readonly number[],
  flags: number[],
  options: Pick<ResolvedOptions, 'direction' | 'conflictRule'>,
): void {
  for (let k = 0; k < used.length; k++) {
    const i = used[k]!;
    const f = flags[i]!;
    if (f === 0) continue;
    const prev = k > 0 ? values[used[k - 1]!]! : values[i]!;
    const side = resolveSide(f & 3, (f >> 2) & 3, (f >> 4) & 3, (f >> 6) & 3, values[i]!, prev, options);
    flags[i] = f | (side << FLAG_BITS.side);
  }
}
