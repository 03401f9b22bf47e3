/**
 * @module goals/status
 * A goal's status, derived from the SPC analysis of its series and never typed by hand: on track,
 * at risk, off track, or no data — with a stable code and the reason in plain words. Pure: no
 * database, no clock (the caller says what day it is).
 *
 * The rules (docs/goals.md explains them for readers):
 *
 * 1. Nothing to judge → `no_data`: no points (`no_points`), data the engine refuses
 *    (`not_analysed`), too few points for process limits (`too_few_points`, saying how many more are
 *    needed), or a measure with no improvement direction (`no_direction`: which side of the target
 *    is good is unknown).
 * 2. The latest process is the partition of the last non-ghosted point: its centre line and its
 *    process limits at that point. The goal's own target (not the measure's) is set against those
 *    limits exactly as the assurance icon does (spc-method.md §1, with the measure's
 *    `assuranceOnLimit`): *pass* (every value the process will produce meets the target), *fail*
 *    (none will), or *hit or miss*. The variation icon of the last point says whether the process is
 *    changing: special-cause improvement or concern.
 * 3. Before (or on) the deadline:
 *    - pass → `on_track` (`passing`), unless the latest point shows special-cause concern →
 *      `at_risk` (`passing_but_worsening`);
 *    - hit or miss → `at_risk` (`hit_or_miss`); `on_track` (`improving_to_target`) when the process
 *      is improving (special cause) and its centre line already meets the target; `off_track`
 *      (`hit_or_miss_worsening`) when it shows special-cause concern and its centre line misses;
 *    - fail → `off_track` (`failing`: it cannot reach the target by the deadline without change),
 *      unless it is improving (special cause) → `at_risk` (`improving_but_failing`).
 * 4. After the deadline the goal is judged on whether the latest process meets the target, whatever
 *    its direction of travel: pass → `on_track` (`deadline_met`), hit or miss with the centre line
 *    meeting the target → `at_risk` (`deadline_partly_met`), otherwise `off_track`
 *    (`deadline_missed`).
 * 5. A chart without process limits (a run chart by definition, or an absent limit): the centre
 *    line (the median) decides, but never better than at risk — a run chart cannot say that a
 *    process will meet a target consistently: centre meets → `at_risk` (`centre_meets`), misses →
 *    `off_track` (`centre_misses`). An absent limit on one side only (G charts, T charts whose
 *    lower line is absent) is unbounded on that side.
 *
 * The rules mirror exactly: negating every value and the target and reversing the direction gives
 * the same status (status.test.ts checks it).
 */
import type { Direction, SpcAnalysis, VariationIcon } from '@groundswell/spc';
import { longDate } from '@groundswell/charts';

/** What a goal's status can be. */
export const GOAL_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Why: one stable code per rule above. */
export const GOAL_STATUS_CODES = [
  'no_points',
  'not_analysed',
  'too_few_points',
  'no_direction',
  'passing',
  'passing_but_worsening',
  'improving_to_target',
  'hit_or_miss',
  'hit_or_miss_worsening',
  'improving_but_failing',
  'failing',
  'deadline_met',
  'deadline_partly_met',
  'deadline_missed',
  'centre_meets',
  'centre_misses',
] as const;
export type GoalStatusCode = (typeof GOAL_STATUS_CODES)[number];

/** A goal's status, its code and the reason in words. */
export interface GoalJudgement {
  readonly status: GoalStatus;
  readonly code: GoalStatusCode;
  readonly reason: string;
}

/** What the status is worked out from. */
export interface GoalStatusInput {
  /**
   * The series' analysis, as `GET /series/:id/analysis` makes it (analysis/service.ts), or null
   * when there is none: no points, or data the engine refused (`failure` says why).
   */
  readonly analysis: SpcAnalysis | null;
  /** When `analysis` is null because the engine refused the data: its message. */
  readonly failure?: string | undefined;
  /** The goal's target, in the measure's units. */
  readonly target: number;
  /** The goal's deadline, `YYYY-MM-DD`. */
  readonly deadline: string;
  /** Today, `YYYY-MM-DD`. */
  readonly today: string;
  /**
   * Whether the measure is a proportion (values 0–1): the reason then writes the target, centre
   * line and limits as percentages ("95%"), as the dashboard shows them.
   */
  readonly proportion?: boolean | undefined;
}

/** A number in a sentence: at most four significant figures, no exponent for everyday sizes. */
export function figure(value: number): string {
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(4));
  return Math.abs(rounded) >= 1e-4 && Math.abs(rounded) < 1e15 ? String(rounded) : rounded.toExponential(3);
}

/** A proportion (0–1) in a sentence, as a percentage: `0.95` → `95%`, at most four significant figures. */
export function percentFigure(value: number): string {
  return `${figure(Number((value * 100).toPrecision(12)))}%`;
}

const judged = (status: GoalStatus, code: GoalStatusCode, reason: string): GoalJudgement => ({
  status,
  code,
  reason,
});

/** The last non-ghosted point's index, or -1. */
function lastUsedIndex(analysis: SpcAnalysis): number {
  const { values, ghosts } = analysis.columns;
  for (let i = values.length - 1; i >= 0; i--) if (ghosts?.[i] !== true) return i;
  return -1;
}

const isImproving = (icon: VariationIcon): boolean =>
  icon === 'improvement_high' || icon === 'improvement_low';
const isConcern = (icon: VariationIcon): boolean => icon === 'concern_high' || icon === 'concern_low';

/**
 * A goal's status from its series' SPC analysis, its target and deadline, on `today` (the rules
 * are in this module's comment and in docs/goals.md).
 */
export function goalStatus(input: GoalStatusInput): GoalJudgement {
  const { analysis, target, deadline, today } = input;
  const by = longDate(deadline);
  // Values (target, centre line, limits) as the measure is read: proportions as percentages.
  const write = input.proportion === true ? percentFigure : figure;
  if (analysis === null) {
    return input.failure === undefined
      ? judged('no_data', 'no_points', 'No data have been recorded for this measure yet.')
      : judged('no_data', 'not_analysed', `The data cannot be analysed: ${input.failure}`);
  }
  const last = lastUsedIndex(analysis);
  if (last < 0) return judged('no_data', 'no_points', 'No data have been recorded for this measure yet.');
  const { n } = analysis.summary;
  if (analysis.warnings.some((warning) => warning.code === 'too_few_points')) {
    const needed = analysis.options.minimumPoints;
    const more = Math.max(1, needed - n);
    return judged(
      'no_data',
      'too_few_points',
      `${n} ${n === 1 ? 'point has' : 'points have'} been recorded: ${more} more ${more === 1 ? 'is' : 'are'} needed (${needed} in all) before the process limits can show whether the target will be met.`,
    );
  }
  const direction: Direction = analysis.options.direction;
  if (direction === 'neutral') {
    return judged(
      'no_data',
      'no_direction',
      'The measure has no improvement direction, so whether a value meets the target cannot be judged: set its direction.',
    );
  }
  const up = direction === 'increase';
  const meets = (value: number): boolean => (up ? value >= target : value <= target);
  const side = up ? 'at or above' : 'at or below';
  const lines = analysis.columns.lines[analysis.columns.lineIndex[last]!]!;
  const centre = lines.mean;
  const t = write(target);
  const past = today > deadline;
  if (Number.isNaN(centre)) {
    return judged('no_data', 'not_analysed', 'The analysis has no centre line to judge the target against.');
  }
  const lower = Number.isNaN(lines.lower) ? -Infinity : lines.lower;
  const upper = Number.isNaN(lines.upper) ? Infinity : lines.upper;
  if (analysis.chart === 'run' || (lower === -Infinity && upper === Infinity)) {
    return meets(centre)
      ? judged(
          'at_risk',
          'centre_meets',
          `The centre line (${write(centre)}) meets the target of ${t}, but without process limits the chart cannot show that it will do so consistently.`,
        )
      : judged(
          'off_track',
          'centre_misses',
          `The centre line (${write(centre)}) misses the target of ${t}${past ? `, and the deadline of ${by} has passed` : `: the process cannot be expected to reach it by ${by} without change`}.`,
        );
  }
  const inclusive = analysis.options.assuranceOnLimit === 'inclusive';
  // Pass: the whole range of the process is on the target's good side; fail: the whole range misses.
  const worst = up ? lower : upper;
  const best = up ? upper : lower;
  const beyond = (limit: number): boolean =>
    up ? (inclusive ? target <= limit : target < limit) : inclusive ? target >= limit : target > limit;
  const short = (limit: number): boolean =>
    up ? (inclusive ? target >= limit : target > limit) : inclusive ? target <= limit : target < limit;
  const assurance = beyond(worst) ? 'pass' : short(best) ? 'fail' : 'hit_or_miss';
  const range = `${write(lower)} to ${write(upper)}`;
  const variation = analysis.summary.variation;

  if (past) {
    if (assurance === 'pass') {
      return judged(
        'on_track',
        'deadline_met',
        `The deadline of ${by} has passed and the process consistently meets the target of ${t}: its limits (${range}) are all ${side} it.`,
      );
    }
    if (assurance === 'hit_or_miss' && meets(centre)) {
      return judged(
        'at_risk',
        'deadline_partly_met',
        `The deadline of ${by} has passed: the process meets the target of ${t} on average (${write(centre)}) but not consistently, as the target is within its limits (${range}).`,
      );
    }
    return judged(
      'off_track',
      'deadline_missed',
      `The deadline of ${by} has passed and the process does not meet the target of ${t}: its centre line is ${write(centre)} and its limits ${range}.`,
    );
  }
  switch (assurance) {
    case 'pass':
      return isConcern(variation)
        ? judged(
            'at_risk',
            'passing_but_worsening',
            `The process consistently meets the target of ${t} (its limits are ${range}), but the latest points show special-cause concern: it is getting worse.`,
          )
        : judged(
            'on_track',
            'passing',
            `The process consistently meets the target of ${t}: its limits (${range}) are all ${side} it.`,
          );
    case 'hit_or_miss':
      if (isImproving(variation) && meets(centre)) {
        return judged(
          'on_track',
          'improving_to_target',
          `The process is improving and the target of ${t} is within its limits (${range}), with its centre line (${write(centre)}) already meeting it: if the improvement holds it will pass consistently by ${by}.`,
        );
      }
      if (isConcern(variation) && !meets(centre)) {
        return judged(
          'off_track',
          'hit_or_miss_worsening',
          `The process is getting worse (special-cause concern) and its centre line (${write(centre)}) misses the target of ${t}: it will not meet the target by ${by} without change.`,
        );
      }
      return judged(
        'at_risk',
        'hit_or_miss',
        `The target of ${t} is within the process limits (${range}): the process will sometimes meet it and sometimes miss it, and will not meet it consistently by ${by} without change.`,
      );
    case 'fail':
      return isImproving(variation)
        ? judged(
            'at_risk',
            'improving_but_failing',
            `The process is improving (special cause), but its limits (${range}) do not yet reach the target of ${t}: the improvement must continue to meet it by ${by}.`,
          )
        : judged(
            'off_track',
            'failing',
            `The latest process cannot reach the target of ${t} by ${by} without change: its limits (${range}) are all on the wrong side of it.`,
          );
  }
}
