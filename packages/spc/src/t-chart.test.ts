/**
 * T chart — time between rare events (spc-method.md §2): dᵢ = days since the previous event,
 * yᵢ = dᵢ^(1/3.6), the XmR calculation on y with moving ranges across partitions, every line
 * raised back to the power 3.6, rules applied to d.
 */
import { describe, expect, it } from 'vitest';
import { dayToIsoDate } from './dates.js';
import { SpcInputError } from './errors.js';
import { tChart } from './t-chart.js';
import type { SpcWarning } from './types.js';

/** Event days from the intervals between them, starting on day 0. */
function eventDays(intervals: readonly number[]): number[] {
  const days = [0];
  for (const d of intervals) days.push(days[days.length - 1]! + d);
  return days;
}

/** Intervals 1, 0, 1, 0 … (14): y the same; ȳ 0.5; every mR 1, m̄R 1. */
const ALTERNATING = [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0];

describe('tChart({ dates })', () => {
  it('plots one point per interval: the first event only starts the clock', () => {
    const dates = ['2024-01-01', '2024-01-11', '2024-01-13'];
    const a = tChart({ dates });
    expect(a.chart).toBe('t');
    expect(a.points.map((p) => [p.period, p.value])).toEqual([
      ['2024-01-11', 10],
      ['2024-01-13', 2],
    ]);
  });

  it('gives events on the same day an interval of 0', () => {
    expect(tChart({ dates: [3, 5, 5, 9] }).points.map((p) => p.value)).toEqual([2, 0, 4]);
  });

  it('returns an empty analysis for one event or none', () => {
    for (const dates of [[], ['2024-01-01']]) {
      const a = tChart({ dates });
      expect(a.points).toEqual([]);
      expect(a.summary.variation).toBe('none');
    }
  });

  it('raises the lines of y back to the power 3.6; the lower lines, whose inner terms are negative, are absent', () => {
    // ȳ = 0.5, m̄R = 1: mean 0.5^3.6; upper (0.5 + 2.66)^3.6; 2σ (0.5 + 1.7733)^3.6; 1σ (0.5 + 0.8867)^3.6.
    const a = tChart({ dates: eventDays(ALTERNATING) });
    const p = a.points[0]!;
    expect(p.mean!).toBeCloseTo(0.5 ** 3.6, 14);
    expect(p.upperLimit!).toBeCloseTo(3.16 ** 3.6, 11);
    expect(p.upper2Sigma!).toBeCloseTo((0.5 + (2 / 3) * 2.66) ** 3.6, 12);
    expect(p.upper1Sigma!).toBeCloseTo((0.5 + 2.66 / 3) ** 3.6, 12);
    expect([p.lowerLimit, p.lower2Sigma, p.lower1Sigma]).toEqual([null, null, null]);
    expect(a.partitions[0]!.movingRangeMean).toBe(1);
  });

  it('reports the moving ranges of the transformed values', () => {
    // Intervals 1 and 8: |8^(1/3.6) − 1|.
    const a = tChart({ dates: eventDays([1, 8]) });
    expect(a.points[1]!.movingRange!).toBeCloseTo(8 ** (1 / 3.6) - 1, 14);
  });

  describe('against a fixed baseline of 12 intervals alternating 10 and 12 days', () => {
    // a = 10^(1/3.6), b = 12^(1/3.6): ȳ = (a + b)/2, m̄R = b − a.
    const a = 10 ** (1 / 3.6);
    const b = 12 ** (1 / 3.6);
    const mean = (a + b) / 2;
    const h = 2.66 * (b - a);
    const baseline = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
    const dates = eventDays([...baseline, 400, 11, 5, 11]).map(dayToIsoDate);
    const t = tChart({ dates }, { baseline: { points: 12 }, direction: 'increase' });

    it('has every line back-transformed (upper ≈ 17.3 days, lower ≈ 6.5 days)', () => {
      const p = t.points[12]!;
      expect(p.mean!).toBeCloseTo(mean ** 3.6, 12);
      expect(p.upperLimit!).toBeCloseTo((mean + h) ** 3.6, 12);
      expect(p.lowerLimit!).toBeCloseTo((mean - h) ** 3.6, 12);
      expect(p.upperLimit!).toBeCloseTo(17.3, 1);
      expect(p.lowerLimit!).toBeCloseTo(6.5, 1);
    });

    it('applies the rules to the days: 400 days is above the upper limit, 5 days below the lower', () => {
      expect(t.points.slice(12).map((p) => p.singlePoint)).toEqual(['high', null, 'low', null]);
      expect(t.points[12]!.pointType).toBe('improvement');
    });

    it('gives no assurance icon', () => {
      expect(t.summary.assurance).toBeNull();
    });
  });

  it('runs moving ranges across partitions: the new partition’s first interval is taken against the last one before', () => {
    // Partition 1: intervals 1, 0 ×7 (ends with 0). Rebase at the event ending the 15th interval.
    // Partition 2: 13 intervals of 1 day: within it every mR is 0, but its first is |1 − 0| = 1,
    // so its m̄R is 1/13 (an XmR chart would give 0).
    const intervals = [...ALTERNATING, ...new Array<number>(13).fill(1)];
    const dates = eventDays(intervals);
    const rebases = dates.map((_d, i) => i === 15);
    const a = tChart({ dates, rebases });
    expect(a.partitions.map((p) => [p.start, p.end])).toEqual([
      [0, 13],
      [14, 26],
    ]);
    expect(a.points[14]!.movingRange).toBe(1);
    expect(a.partitions[1]!.movingRangeMean!).toBeCloseTo(1 / 13, 15);
    expect(a.partitions[1]!.mean).toBe(1);
    expect(a.points[20]!.upperLimit!).toBeCloseTo((1 + 2.66 / 13) ** 3.6, 12);
  });

  it('gives a ghost or rebase flag to the interval ending at that event', () => {
    const dates = eventDays([...ALTERNATING, 1, 1]);
    const ghosts = dates.map((_d, i) => i === 3);
    const rebases = dates.map((_d, i) => i === 5);
    const a = tChart({ dates, ghosts, rebases });
    expect(a.points.map((p) => p.ghost).indexOf(true)).toBe(2);
    expect(a.points[4]!.partition).toBe(2);
    expect(a.points[3]!.partition).toBe(1);
  });

  it('warns that a rebase at the first event, or at the second (the first interval), has no effect', () => {
    const dates = eventDays(ALTERNATING);
    const first = tChart({ dates, rebases: dates.map((_d, i) => i === 0) });
    const second = tChart({ dates, rebases: dates.map((_d, i) => i === 1) });
    const code = (w: SpcWarning[]): string[] => w.map((x) => x.code);
    expect(code(first.warnings)).toEqual(['rebase_at_first_point']);
    expect(code(second.warnings)).toEqual(['rebase_at_first_point']);
    expect(first.partitions).toHaveLength(1);
    expect(second.partitions).toHaveLength(1);
  });

  it('mdc: fewer than 13 intervals is a run chart', () => {
    const a = tChart({ dates: eventDays(ALTERNATING.slice(0, 12)) });
    expect(a.summary.limitsShown).toBe(false);
    expect(a.warnings.map((w) => w.code)).toEqual(['too_few_points']);
  });

  it('refuses dates that go backwards, that are not dates, or flags of another length', () => {
    const refused = (fn: () => unknown): [string, number | undefined, string | undefined] => {
      try {
        fn();
      } catch (e) {
        if (e instanceof SpcInputError) return [e.code, e.index, e.field];
        throw e;
      }
      throw new Error('expected an SpcInputError');
    };
    expect(refused(() => tChart({ dates: [1, 5, 4] }))).toEqual(['periods_not_increasing', 2, 'dates']);
    expect(refused(() => tChart({ dates: ['2024-01-01', '2024-02-30'] }))).toEqual([
      'non_finite_value',
      1,
      'dates',
    ]);
    expect(refused(() => tChart({ dates: [1, 2, 3], ghosts: [false] }))).toEqual([
      'length_mismatch',
      undefined,
      'ghosts',
    ]);
    expect(refused(() => tChart({ dates: [1, 2, 3] }, { target: 5 }))).toEqual([
      'invalid_option',
      undefined,
      'target',
    ]);
  });
});
