/**
 * xmr(): the whole XmR pipeline of spc-method.md §1 on tiny hand-made series.
 */
import { describe, expect, it } from 'vitest';
import { SpcInputError } from './errors.js';
import type { SpcAnalysis, SpcPoint } from './types.js';
import { xmr } from './xmr.js';

/**
 * 5 7 6 8 7 6 9 7 8 6 7 8 7: sum 91, mean 7; moving ranges 2 1 2 1 1 3 2 1 2 1 1 1 (sum 18),
 * m̄R 1.5; 2.66·1.5 = 3.99 → limits 3.01 and 10.99; 2σ 7 ± 2.66 = 4.34 / 9.66; 1σ 7 ± 1.33 =
 * 5.67 / 8.33. Nothing signals.
 */
const VALUES = [5, 7, 6, 8, 7, 6, 9, 7, 8, 6, 7, 8, 7];
const MOVING_RANGES = [null, 2, 1, 2, 1, 1, 3, 2, 1, 2, 1, 1, 1];

/** 12 points alternating 10, 12: mean 11, m̄R 2, limits 5.68 and 16.32. */
const BASE = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];

const lines = (p: SpcPoint): (number | null)[] => [
  p.lowerLimit,
  p.lower2Sigma,
  p.lower1Sigma,
  p.mean,
  p.upper1Sigma,
  p.upper2Sigma,
  p.upperLimit,
];
const close = (actual: (number | null)[], expected: number[]): void => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    expect(a).not.toBeNull();
    expect(a!).toBeCloseTo(expected[i]!, 12);
  });
};
const codes = (a: SpcAnalysis): string[] => a.warnings.map((w) => w.code);
const flags = (p: SpcPoint): unknown[] => [p.singlePoint, p.shift, p.trend, p.twoOfThree];

describe('xmr(): a 13-point series by hand', () => {
  const a = xmr({ values: VALUES });

  it('gives every point the mean, limits and σ lines', () => {
    for (const p of a.points) close(lines(p), [3.01, 4.34, 5.67, 7, 8.33, 9.66, 10.99]);
  });

  it('gives each point its moving range, the first none', () => {
    expect(a.points.map((p) => p.movingRange)).toEqual(MOVING_RANGES);
  });

  it('numbers the points, uses the index as the period, and keeps the values', () => {
    expect(a.points.map((p) => [p.index, p.period, p.value, p.partition, p.ghost])[3]).toEqual([
      3,
      3,
      8,
      1,
      false,
    ]);
  });

  it('finds no special cause: every point common cause, no rule fires', () => {
    expect(a.points.every((p) => p.pointType === 'common_cause' && flags(p).every((f) => f === null))).toBe(
      true,
    );
    expect(a.summary.variation).toBe('common_cause');
  });

  it('summarises the partition and the series', () => {
    expect(a.partitions).toHaveLength(1);
    const part = a.partitions[0]!;
    expect([part.partition, part.start, part.end, part.n, part.nUsed, part.baseline, part.inherited]).toEqual(
      [1, 0, 12, 13, 13, false, false],
    );
    expect(part.movingRangeMean).toBe(1.5);
    expect(part.mean).toBe(7);
    expect(a.summary).toMatchObject({ n: 13, mean: 7, assurance: null, limitsShown: true });
    expect(a.summary.upperLimit!).toBeCloseTo(10.99, 12);
    expect(a.warnings).toEqual([]);
    expect(a.chart).toBe('xmr');
    expect(a.options.preset).toBe('mdc');
  });

  it('reports the given periods', () => {
    const periods = VALUES.map((_v, i) => `2024-${String(i + 1).padStart(2, '0')}`);
    expect(xmr({ values: VALUES, periods }).points[12]!.period).toBe('2024-13');
  });
});

describe('xmr(): ghosted points', () => {
  // VALUES with a ghosted 100 inserted before the 9 (point 6).
  const values = [...VALUES.slice(0, 6), 100, ...VALUES.slice(6)];
  const ghosts = values.map((_v, i) => i === 6);
  const a = xmr({ values, ghosts });

  it('leaves the ghost out of the mean and the moving ranges: the lines are those of VALUES', () => {
    close(lines(a.points[0]!), [3.01, 4.34, 5.67, 7, 8.33, 9.66, 10.99]);
    expect(a.partitions[0]!.movingRangeMean).toBe(1.5);
  });

  it('takes the next moving range against the previous non-ghosted point (|9 − 6| = 3)', () => {
    expect(a.points.map((p) => p.movingRange)).toEqual([
      ...MOVING_RANGES.slice(0, 6),
      null,
      ...MOVING_RANGES.slice(6),
    ]);
  });

  it("draws the ghost with its partition's lines but flags nothing on it", () => {
    const g = a.points[6]!;
    expect(g.ghost).toBe(true);
    expect(g.value).toBe(100);
    close(lines(g), [3.01, 4.34, 5.67, 7, 8.33, 9.66, 10.99]);
    expect(flags(g)).toEqual([null, null, null, null]);
    expect(g.pointType).toBe('common_cause');
  });

  it('does not count the ghost: n is 13, and 12 + 1 ghost is still a run chart', () => {
    expect(a.summary.n).toBe(13);
    expect(a.partitions[0]!.n).toBe(13);
    const short = xmr({ values: values.slice(0, 13), ghosts: ghosts.slice(0, 13) });
    expect(short.summary.limitsShown).toBe(false);
  });
});

describe('xmr(): fewer than 13 points', () => {
  const twelve = VALUES.slice(0, 12); // mean 84/12 = 7; mR sum 17 over 11.

  it('mdc: a run chart — mean only, no limits, no flags, no icons, a too_few_points warning', () => {
    const a = xmr({ values: twelve }, { direction: 'increase', target: 5 });
    for (const p of a.points) {
      expect(lines(p)).toEqual([null, null, null, 7, null, null, null]);
      expect(flags(p)).toEqual([null, null, null, null]);
      expect(p.pointType).toBe('common_cause');
    }
    expect(a.summary).toEqual({
      n: 12,
      mean: 7,
      lowerLimit: null,
      upperLimit: null,
      variation: 'none',
      assurance: null,
      limitsShown: false,
    });
    expect(a.partitions[0]!.upperLimit).toBeNull();
    expect(codes(a)).toEqual(['too_few_points']);
  });

  it('mdc: no flag even where one would fire with limits', () => {
    const a = xmr({ values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
    expect(a.points.every((p) => p.trend === null && p.pointType === 'common_cause')).toBe(true);
  });

  it('mdc with minimumPoints 12: limits are shown', () => {
    expect(xmr({ values: twelve }, { minimumPoints: 12 }).summary.limitsShown).toBe(true);
  });

  it('nhsr: limits anyway (7 ± 2.66·17/11), with a trial_limits warning on the partition', () => {
    const a = xmr({ values: twelve }, { preset: 'nhsr' });
    expect(a.points[0]!.upperLimit!).toBeCloseTo(7 + (2.66 * 17) / 11, 12);
    expect(a.summary.limitsShown).toBe(true);
    expect(a.warnings).toEqual([expect.objectContaining({ code: 'trial_limits', partition: 1 })]);
  });
});

describe('xmr(): a constant series', () => {
  const values = new Array<number>(13).fill(5);

  it('mdc: every line on the mean (m̄R 0), every point common cause', () => {
    const a = xmr({ values }, { direction: 'increase' });
    for (const p of a.points) {
      expect(lines(p)).toEqual([5, 5, 5, 5, 5, 5, 5]);
      expect(p.pointType).toBe('common_cause');
    }
    expect(a.summary.variation).toBe('common_cause');
  });

  it('nhsr: every moving range is screened out — no limits, every point common cause, a no_limits warning', () => {
    const a = xmr({ values }, { preset: 'nhsr', target: 4 });
    for (const p of a.points) {
      expect(lines(p)).toEqual([null, null, null, 5, null, null, null]);
      expect(p.pointType).toBe('common_cause');
    }
    expect(a.partitions[0]!.movingRangeMean).toBeNull();
    expect(a.summary).toMatchObject({
      mean: 5,
      upperLimit: null,
      // No limits to judge the last point by: no variation icon rather than a reassuring grey one.
      variation: 'none',
      assurance: null,
    });
    expect(a.warnings).toEqual([expect.objectContaining({ code: 'no_limits', partition: 1 })]);
  });
});

describe('xmr(): rebases', () => {
  // VALUES (mean 7, limits 3.01 … 10.99), then a rebase and 100, 101 ×7 (mean 100.5, m̄R 1).
  const p2 = [100, 101, 100, 101, 100, 101, 100, 101, 100, 101, 100, 101, 100, 101];
  const values = [...VALUES, ...p2];

  it("gives each partition its own lines, and the summary the last partition's", () => {
    const a = xmr({ values, rebases: values.map((_v, i) => i === 13) });
    expect(a.partitions.map((p) => [p.start, p.end, p.mean])).toEqual([
      [0, 12, 7],
      [13, 26, 100.5],
    ]);
    expect(a.points[13]!.movingRange).toBeNull();
    expect(a.points[13]!.upperLimit!).toBeCloseTo(103.16, 12);
    expect(a.points[12]!.upperLimit!).toBeCloseTo(10.99, 12);
    expect(a.summary.mean).toBe(100.5);
    expect(a.summary.n).toBe(27);
  });

  it('rebaseAt a period does the same as a flag', () => {
    const periods = values.map((_v, i) => i * 10);
    const a = xmr({ values, periods }, { rebaseAt: [130] });
    expect(a.partitions).toHaveLength(2);
    expect(a.points[13]!.partition).toBe(2);
  });

  it('warns that a rebase at the first point, or at a period not in the series, has no effect', () => {
    const a = xmr({ values: VALUES, rebases: VALUES.map((_v, i) => i === 0) }, { rebaseAt: [99] });
    expect(a.partitions).toHaveLength(1);
    expect(codes(a)).toEqual(['rebase_at_first_point', 'rebase_not_in_series']);
  });
});

describe('xmr(): a fixed baseline (mdc)', () => {
  const values = [...BASE, 20, 11, 11, 11];

  it('the baseline partition and the partition after it share the same lines', () => {
    const a = xmr({ values }, { baseline: { points: 12 } });
    expect(
      a.partitions.map((p) => [p.start, p.end, p.baseline, p.inherited, p.mean, p.movingRangeMean]),
    ).toEqual([
      [0, 11, true, false, 11, 2],
      [12, 15, false, true, 11, 2],
    ]);
    close(lines(a.points[15]!), [
      5.68,
      11 - 10.64 / 3,
      11 - 5.32 / 3,
      11,
      11 + 5.32 / 3,
      11 + 10.64 / 3,
      16.32,
    ]);
    expect(a.points[12]!.singlePoint).toBe('high');
    // The moving range of the first point after the baseline is within the new partition: none.
    expect(a.points[12]!.movingRange).toBeNull();
  });

  it('accepts a baseline by date', () => {
    const periods = values.map((_v, i) => `2024-${String(i + 1).padStart(2, '0')}`);
    const a = xmr({ values, periods }, { baseline: { until: '2024-12' } });
    expect(a.partitions.map((p) => [p.end, p.inherited])).toEqual([
      [11, false],
      [15, true],
    ]);
  });

  it('a rebase within the baseline: the baseline is not split, a warning, and the points after compute their own lines', () => {
    const a = xmr({ values, rebases: values.map((_v, i) => i === 5) }, { baseline: { points: 12 } });
    expect(a.partitions.map((p) => [p.start, p.end, p.inherited, p.mean])).toEqual([
      [0, 11, false, 11],
      [12, 15, false, 53 / 4],
    ]);
    expect(a.warnings[0]).toEqual(expect.objectContaining({ code: 'rebase_within_baseline', index: 5 }));
    expect(codes(a)).toEqual(['rebase_within_baseline', 'short_partition']);
  });

  it('a rebase exactly at the first point after the baseline: that partition computes its own lines', () => {
    const a = xmr({ values, rebases: values.map((_v, i) => i === 12) }, { baseline: { points: 12 } });
    expect(a.partitions[1]!.inherited).toBe(false);
    expect(a.partitions[1]!.mean).toBe(53 / 4);
    expect(a.warnings).toEqual([expect.objectContaining({ code: 'short_partition', partition: 2 })]);
  });

  it('a baseline longer than the series: a warning, and every point is used', () => {
    const a = xmr({ values }, { baseline: { points: 40 } });
    expect(a.partitions).toHaveLength(1);
    expect(a.partitions[0]!.mean).toBe((132 + 53) / 16);
    expect(codes(a)).toEqual(['baseline_longer_than_series']);
  });
});

describe('xmr(): a restart baseline (nhsr)', () => {
  it("each partition's lines come from its own first 12 points and cover the whole partition", () => {
    // Partition 1: BASE then 30, 30 (not used: mean 11). Partition 2: 100, 102 ×6 then 0 (mean 101).
    const p2 = [100, 102, 100, 102, 100, 102, 100, 102, 100, 102, 100, 102, 0];
    const values = [...BASE, 30, 30, ...p2];
    const a = xmr(
      { values, rebases: values.map((_v, i) => i === 14) },
      { preset: 'nhsr', baseline: { points: 12 } },
    );
    expect(a.partitions.map((p) => [p.start, p.end, p.n, p.nUsed, p.mean, p.movingRangeMean])).toEqual([
      [0, 13, 14, 12, 11, 2],
      [14, 26, 13, 12, 101, 2],
    ]);
    expect(a.points[13]!.upperLimit!).toBeCloseTo(16.32, 12);
    expect(a.points[13]!.singlePoint).toBe('high');
    expect(a.points[26]!.singlePoint).toBe('low');
  });

  it('refuses a baseline of fewer than 12 points', () => {
    expect(() => xmr({ values: VALUES }, { preset: 'nhsr', baseline: { points: 11 } })).toThrow(
      SpcInputError,
    );
  });
});

describe('xmr(): the summary', () => {
  it("reports the lines of the last non-ghosted point's partition, even when trailing ghosts start a partition", () => {
    // A rebase on a trailing ghosted point makes a partition with no non-ghosted point (no mean).
    const values = [...VALUES, 50];
    const a = xmr({
      values,
      ghosts: values.map((_v, i) => i === 13),
      rebases: values.map((_v, i) => i === 13),
    });
    expect(a.partitions).toHaveLength(2);
    expect(a.partitions[1]!.mean).toBeNull();
    expect(a.summary.mean).toBe(7);
    expect(a.summary.upperLimit!).toBeCloseTo(10.99, 12);
  });

  it('shows no limits when every point is ghosted', () => {
    const ghosts = VALUES.map(() => true);
    for (const preset of ['mdc', 'nhsr'] as const) {
      const a = xmr({ values: VALUES, ghosts }, { preset });
      expect(a.summary).toMatchObject({ n: 0, mean: null, variation: 'none', limitsShown: false });
    }
  });
});

describe('xmr(): an empty series', () => {
  it('returns an empty analysis: no points or partitions, variation none, no warnings', () => {
    for (const preset of ['mdc', 'nhsr'] as const) {
      const a = xmr({ values: [] }, { preset, direction: 'increase', target: 3 });
      expect(a.points).toEqual([]);
      expect(a.partitions).toEqual([]);
      expect(a.summary).toEqual({
        n: 0,
        mean: null,
        lowerLimit: null,
        upperLimit: null,
        variation: 'none',
        assurance: null,
        limitsShown: false,
      });
      expect(a.warnings).toEqual([]);
    }
  });
});

describe('xmr: a last point with no limits to judge it by', () => {
  it('gives no variation icon when a rebase at the last point leaves it without limits', () => {
    const values = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 11, 12, 11, 30];
    const rebases = values.map((_, i) => i === values.length - 1);
    const a = xmr({ values, rebases });
    expect(a.points[values.length - 1]!.upperLimit).toBeNull();
    expect(a.summary.variation).toBe('none');
    expect(a.warnings.map((w) => w.code)).toContain('no_limits');
  });
});
