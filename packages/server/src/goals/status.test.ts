/**
 * Goal status from series whose SPC analysis is known: each series is analysed by the same code
 * as the series analysis endpoint (analysis/engine.ts), its icons checked first, then its status.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChartType, Direction, SpcAnalysis, SpcOptions } from '@groundswell/spc';
import { analyse } from '../analysis/engine.js';
import { months } from '../test-support/fixtures.js';
import { figure, goalStatus, percentFigure } from './status.js';
import type { GoalJudgement, GoalStatus } from './status.js';
import { longDate } from '@groundswell/charts';

function analysed(
  values: readonly number[],
  direction: Direction,
  options: SpcOptions = {},
  chartType: ChartType = 'xmr',
): SpcAnalysis {
  const periods = months(values.length);
  return analyse({
    chartType,
    dataType: 'value',
    options: { direction, ...options },
    points: values.map((value, i) => ({
      period: periods[i]!,
      value,
      numerator: null,
      denominator: null,
      ghost: false,
    })),
  });
}

/** A stable process around `centre`: a small zig-zag of ±1 and ±2. */
const stable = (centre: number, n = 24): number[] =>
  Array.from({ length: n }, (_, i) => centre + [1, -1, 2, -2][i % 4]!);

/** 18 points around 50, then 6 around 60: a shift up at the end. */
const shiftedUp = (): number[] => [...stable(50, 18), ...stable(60, 6)];

const BEFORE = { deadline: '2027-03-31', today: '2026-11-26' };
const AFTER = { deadline: '2026-03-31', today: '2026-11-26' };

function judge(analysis: SpcAnalysis | null, target: number, when = BEFORE): GoalJudgement {
  return goalStatus({ analysis, target, ...when });
}

describe('goal status on series whose analysis is known', () => {
  it('stable and passing: the limits are all on the good side of the target → on track', () => {
    const analysis = analysed(stable(100), 'increase');
    expect(analysis.summary.variation).toBe('common_cause');
    expect(analysis.summary.lowerLimit!).toBeGreaterThan(90);
    const result = judge(analysis, 90);
    expect(result).toMatchObject({ status: 'on_track', code: 'passing' });
    expect(result.reason).toContain('consistently meets the target of 90');
  });

  it('stable and missing: the limits are all on the wrong side → off track, naming the deadline', () => {
    const analysis = analysed(stable(50), 'increase');
    expect(analysis.summary.upperLimit!).toBeLessThan(90);
    const result = judge(analysis, 90);
    expect(result).toMatchObject({ status: 'off_track', code: 'failing' });
    expect(result.reason).toBe(
      `The latest process cannot reach the target of 90 by 31 March 2027 without change: its limits (${figure(analysis.summary.lowerLimit!)} to ${figure(analysis.summary.upperLimit!)}) are all on the wrong side of it.`,
    );
  });

  it('stable, hit or miss: the target is within the limits → at risk', () => {
    const analysis = analysed(stable(50), 'increase');
    expect(judge(analysis, 50.5)).toMatchObject({ status: 'at_risk', code: 'hit_or_miss' });
    expect(judge(analysis, 49.5)).toMatchObject({ status: 'at_risk', code: 'hit_or_miss' });
  });

  it('improving (a shift up at the end, direction increase)', () => {
    const analysis = analysed(shiftedUp(), 'increase');
    expect(analysis.summary.variation).toBe('improvement_high');
    const { mean, lowerLimit, upperLimit } = analysis.summary;
    // The target within the limits, the centre line already meeting it → on track.
    const below = (mean! + lowerLimit!) / 2;
    expect(judge(analysis, below)).toMatchObject({ status: 'on_track', code: 'improving_to_target' });
    expect(judge(analysis, below).reason).toMatch(
      /^The process is improving and the target of .* is within its limits/,
    );
    // Within the limits, above the centre line → at risk.
    expect(judge(analysis, (mean! + upperLimit!) / 2)).toMatchObject({
      status: 'at_risk',
      code: 'hit_or_miss',
    });
    // Beyond the upper limit: failing, but improving → at risk.
    expect(judge(analysis, upperLimit! + 5)).toMatchObject({
      status: 'at_risk',
      code: 'improving_but_failing',
    });
  });

  it('getting worse: special-cause concern lowers a passing goal to at risk and a missing one to off track', () => {
    const analysis = analysed(shiftedUp(), 'decrease');
    expect(analysis.summary.variation).toBe('concern_high');
    const { mean, lowerLimit, upperLimit } = analysis.summary;
    expect(judge(analysis, upperLimit! + 1)).toMatchObject({
      status: 'at_risk',
      code: 'passing_but_worsening',
    });
    expect(judge(analysis, (mean! + lowerLimit!) / 2)).toMatchObject({
      status: 'off_track',
      code: 'hit_or_miss_worsening',
    });
    expect(judge(analysis, (mean! + upperLimit!) / 2)).toMatchObject({
      status: 'at_risk',
      code: 'hit_or_miss',
    });
  });

  it('too few points for limits → no data, saying how many more are needed', () => {
    const analysis = analysed(stable(50, 8), 'increase');
    expect(analysis.summary.limitsShown).toBe(false);
    expect(judge(analysis, 40)).toEqual({
      status: 'no_data',
      code: 'too_few_points',
      reason:
        '8 points have been recorded: 5 more are needed (13 in all) before the process limits can show whether the target will be met.',
    });
  });

  it('no points, refused data and a neutral measure → no data', () => {
    expect(judge(null, 1)).toMatchObject({ status: 'no_data', code: 'no_points' });
    expect(goalStatus({ analysis: null, failure: 'a bad value', target: 1, ...BEFORE })).toMatchObject({
      status: 'no_data',
      code: 'not_analysed',
      reason: 'The data cannot be analysed: a bad value',
    });
    expect(judge(analysed(stable(50), 'neutral'), 40)).toMatchObject({
      status: 'no_data',
      code: 'no_direction',
    });
  });

  it('past the deadline: judged on whether the latest process meets the target, not on its direction of travel', () => {
    const passing = analysed(stable(100), 'increase');
    expect(judge(passing, 90, AFTER)).toMatchObject({ status: 'on_track', code: 'deadline_met' });
    const improving = analysed(shiftedUp(), 'increase');
    const { mean, lowerLimit, upperLimit } = improving.summary;
    expect(judge(improving, upperLimit! + 5, AFTER)).toMatchObject({
      status: 'off_track',
      code: 'deadline_missed',
    });
    expect(judge(improving, (mean! + lowerLimit!) / 2, AFTER)).toMatchObject({
      status: 'at_risk',
      code: 'deadline_partly_met',
    });
    expect(judge(improving, (mean! + upperLimit!) / 2, AFTER)).toMatchObject({
      status: 'off_track',
      code: 'deadline_missed',
    });
    expect(judge(improving, upperLimit! + 5, AFTER).reason).toContain(
      'The deadline of 31 March 2026 has passed',
    );
    // On the deadline day itself the goal is still judged as before it.
    expect(judge(improving, upperLimit! + 5, { deadline: '2026-11-26', today: '2026-11-26' }).code).toBe(
      'improving_but_failing',
    );
  });

  it('a run chart by definition: the median decides, never better than at risk', () => {
    const analysis = analysed(stable(50), 'increase', {}, 'run');
    expect(judge(analysis, 45)).toMatchObject({ status: 'at_risk', code: 'centre_meets' });
    expect(judge(analysis, 55)).toMatchObject({ status: 'off_track', code: 'centre_misses' });
  });

  it('uses the latest process only: a rebase before the last points sets the limits', () => {
    const values = [...stable(50, 16), ...stable(100, 14)];
    const analysis = analysed(values, 'increase', { rebaseAt: [months(30)[16]!] });
    expect(judge(analysis, 90)).toMatchObject({ status: 'on_track', code: 'passing' });
  });

  it('a target exactly on a limit: inclusive (mdc) passes, exclusive (nhsr) is hit or miss', () => {
    const mdc = analysed(stable(100), 'increase');
    expect(judge(mdc, mdc.summary.lowerLimit!).code).toBe('passing');
    const exclusive = analysed(stable(100), 'increase', { assuranceOnLimit: 'exclusive' });
    expect(judge(exclusive, exclusive.summary.lowerLimit!).code).toBe('hit_or_miss');
  });

  it('a proportion measure: the reason writes the target and limits as percentages', () => {
    const analysis = analysed(
      stable(0.5).map((v) => v / 100 + 0.3),
      'increase',
    );
    const result = goalStatus({ analysis, target: 0.95, ...BEFORE, proportion: true });
    expect(result.code).toBe('failing');
    expect(result.reason).toContain('the target of 95%');
    expect(result.reason).toMatch(/limits \(\d+(\.\d+)?% to \d+(\.\d+)?%\)/);
    expect(judge(analysis, 0.95).reason).toContain('the target of 0.95');
  });

  it('writes dates and figures for people', () => {
    expect(longDate('2027-03-31')).toBe('31 March 2027');
    expect(longDate('2026-01-05')).toBe('5 January 2026');
    expect(figure(0.912345)).toBe('0.9123');
    expect(figure(12345.678)).toBe('12350');
    expect(figure(0)).toBe('0');
    expect(percentFigure(0.95)).toBe('95%');
    expect(percentFigure(0.812345)).toBe('81.23%');
    expect(percentFigure(0.07)).toBe('7%');
  });
});

const RANK: Record<GoalStatus, number> = { off_track: 0, at_risk: 1, on_track: 2, no_data: -1 };

const series = fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 40 });
const day = fc
  .integer({ min: 0, max: 3000 })
  .map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

describe('goal status properties', () => {
  it('mirrors: negating the values and the target and reversing the direction gives the same status', () => {
    fc.assert(
      fc.property(
        series,
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.constantFrom<Direction>('increase', 'decrease'),
        day,
        day,
        (values, target, direction, deadline, today) => {
          const flipped: Direction = direction === 'increase' ? 'decrease' : 'increase';
          const one = goalStatus({ analysis: analysed(values, direction), target, deadline, today });
          const other = goalStatus({
            analysis: analysed(
              values.map((v) => -v),
              flipped,
            ),
            target: -target,
            deadline,
            today,
          });
          expect([other.status, other.code]).toEqual([one.status, one.code]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an easier target never gives a worse status', () => {
    fc.assert(
      fc.property(
        series,
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.constantFrom<Direction>('increase', 'decrease'),
        day,
        day,
        (values, target, easier, direction, deadline, today) => {
          const analysis = analysed(values, direction);
          const hard = goalStatus({ analysis, target, deadline, today });
          const easy = goalStatus({
            analysis,
            target: direction === 'increase' ? target - easier : target + easier,
            deadline,
            today,
          });
          expect(RANK[easy.status]).toBeGreaterThanOrEqual(RANK[hard.status]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
