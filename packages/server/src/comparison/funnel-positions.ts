/**
 * @module comparison/funnel-positions
 * Where an organisation lies on a funnel plot, in codes and in plain English that says "better"
 * or "worse" when the measure has an improvement direction (higher or lower is better), and only
 * "higher" or "lower" when it has none. A value exactly on a limit is inside (spc-method.md §5).
 */
import type { FunnelUnitResult } from '@groundswell/spc';
import type { Direction } from '@groundswell/spc';

/** The two levels of every funnel here, in percent: the inner (95%) and the outer (99.8%) limits. */
export const FUNNEL_LEVELS = [95, 99.8] as const;

/** Which limits a point lies beyond, from the top. */
export const FUNNEL_POSITIONS = ['above_99_8', 'above_95', 'within', 'below_95', 'below_99_8'] as const;
export type FunnelPosition = (typeof FUNNEL_POSITIONS)[number];

/** What the position means with the measure's direction. */
export const FUNNEL_ASSESSMENTS = ['better', 'worse', 'higher', 'lower', 'expected'] as const;
export type FunnelAssessment = (typeof FUNNEL_ASSESSMENTS)[number];

/** A point's place on the funnel. */
export interface FunnelPlace {
  readonly position: FunnelPosition;
  readonly assessment: FunnelAssessment;
  /** Beyond the outer (99.8%) limits: an outlier. */
  readonly outlier: boolean;
  /** In words, for the table and screen readers. */
  readonly words: string;
}

/** Above or below, given the direction: better, worse, or (no direction) higher, lower. */
function assess(side: 'high' | 'low', direction: Direction): FunnelAssessment {
  if (direction === 'neutral') return side === 'high' ? 'higher' : 'lower';
  const good = (side === 'high') === (direction === 'increase');
  return good ? 'better' : 'worse';
}

const ASSESSMENT_WORDS: Record<Exclude<FunnelAssessment, 'expected'>, string> = {
  better: 'better',
  worse: 'worse',
  higher: 'higher',
  lower: 'lower',
};

/**
 * The place of a unit of a funnel computed with {@link FUNNEL_LEVELS}.
 * @throws {Error} if the unit does not have both levels' limits.
 */
export function funnelPlace(unit: FunnelUnitResult, direction: Direction): FunnelPlace {
  const inner = unit.limits.find((limit) => limit.level === FUNNEL_LEVELS[0]);
  const outer = unit.limits.find((limit) => limit.level === FUNNEL_LEVELS[1]);
  if (inner === undefined || outer === undefined) throw new Error('a funnel without 95% and 99.8% limits');
  if (inner.crosses === null) {
    return {
      position: 'within',
      assessment: 'expected',
      outlier: false,
      words: 'As expected: within the 95% limits',
    };
  }
  const side = inner.crosses;
  const assessment = assess(side, direction);
  const word = ASSESSMENT_WORDS[assessment as Exclude<FunnelAssessment, 'expected'>];
  const edge = side === 'high' ? 'above the upper' : 'below the lower';
  if (outer.crosses === side) {
    return {
      position: side === 'high' ? 'above_99_8' : 'below_99_8',
      assessment,
      outlier: true,
      words: `${capitalise(word)} than expected (outlier): ${edge} 99.8% limit`,
    };
  }
  return {
    position: side === 'high' ? 'above_95' : 'below_95',
    assessment,
    outlier: false,
    words: `Possibly ${word} than expected: ${edge} 95% limit, within the 99.8% limits`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
