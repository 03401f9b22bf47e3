/**
 * @module classify
 * Turns rule results into one point type per point, resolving conflicts as the options say.
 */
import { BOTH, filled, HIGH, LOW } from './rules/sides.js';
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
 * One side per point: `improvement` / `concern` keep that side of a conflict (mdc); `precedence`
 * takes the first rule that fires in the order single point > trend > two-of-three > shift, and a
 * point in trends on both sides takes the later trend (nhsr).
 */
export function classify(
  values: ArrayLike<number>,
  used: readonly number[],
  rules: RuleResults,
  options: Pick<ResolvedOptions, 'direction' | 'conflictRule'>,
): number[] {
  const sides = filled(values.length, 0);
  const { direction, conflictRule } = options;
  for (let k = 0; k < used.length; k++) {
    const i = used[k]!;
    let side: number;
    if (conflictRule === 'precedence') {
      side = rules.singlePoint[i]! || rules.trend[i]! || rules.twoOfThree[i]! || rules.shift[i]!;
      if (side === BOTH) {
        // A peak ends a rise and starts a fall: the later trend is the fall.
        const prev = k > 0 ? values[used[k - 1]!]! : values[i]!;
        side = values[i]! > prev ? LOW : HIGH;
      }
    } else {
      side = rules.singlePoint[i]! | rules.shift[i]! | rules.trend[i]! | rules.twoOfThree[i]!;
      if (side === BOTH) {
        const good = improvingSide(direction);
        side = direction === 'neutral' || conflictRule === 'improvement' ? good : BOTH ^ good;
      }
    }
    sides[i] = side;
  }
  return sides;
}
