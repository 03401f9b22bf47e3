/**
 * @module labels
 * Short human labels for icons, point types and the rules that fired at a point.
 */
import type {
  AssuranceIcon,
  ChartType,
  PointType,
  ResolvedOptions,
  Side,
  SpcPoint,
  VariationIcon,
} from '@groundswell/spc';

/**
 * The short label of a variation icon, as shown beside it.
 * @example variationLabel('improvement_high') // 'Special cause improvement (high)'
 */
export function variationLabel(icon: VariationIcon): string {
  switch (icon) {
    case 'common_cause':
      return 'Common cause variation';
    case 'improvement_high':
      return 'Special cause improvement (high)';
    case 'improvement_low':
      return 'Special cause improvement (low)';
    case 'concern_high':
      return 'Special cause concern (high)';
    case 'concern_low':
      return 'Special cause concern (low)';
    case 'neither_high':
      return 'Special cause variation (high)';
    case 'neither_low':
      return 'Special cause variation (low)';
    case 'none':
      return 'Too few points for SPC';
  }
}

/**
 * The short label of an assurance icon, as shown beside it.
 * @example assuranceLabel('fail') // 'Consistently failing the target'
 */
export function assuranceLabel(icon: AssuranceIcon): string {
  switch (icon) {
    case 'pass':
      return 'Consistently passing the target';
    case 'fail':
      return 'Consistently failing the target';
    case 'hit_or_miss':
      return 'Hit or miss the target';
  }
}

/** A point type in words, e.g. `Special cause concern`. */
export function pointTypeLabel(type: PointType): string {
  switch (type) {
    case 'common_cause':
      return 'Common cause';
    case 'improvement':
      return 'Special cause improvement';
    case 'concern':
      return 'Special cause concern';
    case 'neither_high':
      return 'Special cause variation (high)';
    case 'neither_low':
      return 'Special cause variation (low)';
  }
}

/**
 * What the centre line is called: `centre line` for G charts (0.693 × the mean count, an estimate
 * of the median) and T charts (the mean of the transformed intervals raised back to the power 3.6,
 * which is not the mean number of days), `median` for run charts (Anhøj), `mean` otherwise.
 */
export function centreName(chart: ChartType): string {
  return chart === 'g' || chart === 't' ? 'centre line' : chart === 'run' ? 'median' : 'mean';
}

/**
 * The name of a chart type, e.g. `XmR chart`, `T chart (days between events)`, `p′ chart (proportions, Laney)`.
 */
export function chartTypeName(chart: ChartType): string {
  switch (chart) {
    case 'xmr':
      return 'XmR chart';
    case 't':
      return 'T chart (days between events)';
    case 'g':
      return 'G chart (cases between events)';
    case 'run':
      return 'Run chart';
    case 'p':
      return 'p chart (proportions)';
    case 'pp':
      return 'p′ chart (proportions, Laney)';
    case 'u':
      return 'u chart (rates)';
    case 'up':
      return 'u′ chart (rates, Laney)';
    case 'c':
      return 'c chart (counts)';
  }
}

/** The four special-cause rules, in the order they are reported. */
export type RuleName = 'singlePoint' | 'shift' | 'trend' | 'twoOfThree';

/** The rules in reporting order. */
export const RULE_NAMES: readonly RuleName[] = ['singlePoint', 'shift', 'trend', 'twoOfThree'];

/** One side of a rule in words, e.g. `a run of 6 or more points above the mean`. */
export function ruleText(
  rule: RuleName,
  side: 'high' | 'low',
  chart: ChartType,
  options: Pick<ResolvedOptions, 'shiftLength' | 'trendLength'>,
): string {
  const high = side === 'high';
  switch (rule) {
    case 'singlePoint':
      return high ? 'above the upper process limit' : 'below the lower process limit';
    case 'shift':
      return `a run of ${options.shiftLength} or more points ${high ? 'above' : 'below'} the ${centreName(chart)}`;
    case 'trend':
      return `${high ? 'a rising' : 'a falling'} trend of ${options.trendLength} or more points`;
    case 'twoOfThree':
      return `two of three points beyond the ${high ? 'upper' : 'lower'} 2σ line`;
  }
}

/** The sides a rule result covers. */
export function sidesOf(side: Side): ('high' | 'low')[] {
  return side === null ? [] : side === 'both' ? ['high', 'low'] : [side];
}

/** Every rule that fired at a point, in words (empty when none did). */
export function firedRules(
  point: SpcPoint,
  chart: ChartType,
  options: Pick<ResolvedOptions, 'shiftLength' | 'trendLength'>,
): string[] {
  const out: string[] = [];
  for (const rule of RULE_NAMES) {
    for (const side of sidesOf(point[rule])) out.push(ruleText(rule, side, chart, options));
  }
  return out;
}
