/**
 * @module icons
 * The variation and assurance icons of Making Data Count.
 */
import type { AssuranceIcon, Direction, PointType, VariationIcon } from './types.js';

/** The variation icon from the last non-ghosted point's type. */
export function variationIcon(type: PointType | null, direction: Direction): VariationIcon {
  switch (type) {
    case null:
      return 'none';
    case 'common_cause':
    case 'neither_high':
    case 'neither_low':
      return type;
    case 'improvement':
      return direction === 'decrease' ? 'improvement_low' : 'improvement_high';
    case 'concern':
      return direction === 'decrease' ? 'concern_high' : 'concern_low';
  }
}

/**
 * The assurance icon from the last non-ghosted point's target and its partition's limits.
 * `inclusive` (mdc): a target exactly on a limit passes or fails; `exclusive` (nhsr): hit or miss.
 */
export function assuranceIcon(
  target: number | null,
  lower: number,
  upper: number,
  direction: Direction,
  onLimit: 'inclusive' | 'exclusive',
): AssuranceIcon | null {
  if (target === null || direction === 'neutral' || Number.isNaN(lower) || Number.isNaN(upper)) return null;
  const atOrBelowLower = onLimit === 'inclusive' ? target <= lower : target < lower;
  const atOrAboveUpper = onLimit === 'inclusive' ? target >= upper : target > upper;
  if (direction === 'increase') return atOrBelowLower ? 'pass' : atOrAboveUpper ? 'fail' : 'hit_or_miss';
  return atOrAboveUpper ? 'pass' : atOrBelowLower ? 'fail' : 'hit_or_miss';
}
