/**
 * Partitions: rebases and baselines (spc-method.md §1 "Partitions", §6 warnings).
 */
import { describe, expect, it } from 'vitest';
import { SpcInputError } from './errors.js';
import { resolveOptions } from './options.js';
import { layoutPartitions, type Layout, type LayoutInput } from './partitions.js';
import type { Period, SpcOptions, WarningCode } from './types.js';

interface Series {
  readonly n: number;
  readonly periods?: readonly Period[];
  readonly ghosts?: readonly boolean[];
  /** Indices with a rebase flag. */
  readonly rebaseAt?: readonly number[];
}

function layout(s: Series, options: SpcOptions = {}): Layout {
  const input: LayoutInput = {
    n: s.n,
    periods: s.periods,
    ghosts: s.ghosts,
    rebases: s.rebaseAt ? Array.from({ length: s.n }, (_, i) => s.rebaseAt!.includes(i)) : undefined,
  };
  return layoutPartitions(input, resolveOptions(options));
}

/** Each partition as [start, end, calcEnd, inheritsFrom, baseline]. */
const plans = (l: Layout): [number, number, number, number, boolean][] =>
  l.partitions.map((p) => [p.start, p.end, p.calcEnd, p.inheritsFrom, p.baseline]);
const codes = (l: Layout): WarningCode[] => l.warnings.map((w) => w.code);
const ghostAt = (n: number, ...at: number[]): boolean[] =>
  Array.from({ length: n }, (_, i) => at.includes(i));

function refused(fn: () => unknown): SpcInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SpcInputError) return e;
    throw e;
  }
  throw new Error('expected an SpcInputError');
}

describe('layoutPartitions(): rebases', () => {
  it('makes one partition without rebases or a baseline', () => {
    const l = layout({ n: 5 });
    expect(plans(l)).toEqual([[0, 4, 4, -1, false]]);
    expect(Array.from(l.partitionOf)).toEqual([0, 0, 0, 0, 0]);
    expect(l.warnings).toEqual([]);
  });

  it('starts a partition at each rebase flag', () => {
    const l = layout({ n: 9, rebaseAt: [3, 6] });
    expect(plans(l)).toEqual([
      [0, 2, 2, -1, false],
      [3, 5, 5, -1, false],
      [6, 8, 8, -1, false],
    ]);
    expect(Array.from(l.partitionOf)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it('starts a partition at each rebaseAt period', () => {
    const periods = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'];
    expect(plans(layout({ n: 4, periods }, { rebaseAt: ['2024-03-01'] }))).toEqual([
      [0, 1, 1, -1, false],
      [2, 3, 3, -1, false],
    ]);
  });

  it('reads a numeric rebaseAt as the point index when there are no periods', () => {
    expect(plans(layout({ n: 4 }, { rebaseAt: [1] }))).toEqual([
      [0, 0, 0, -1, false],
      [1, 3, 3, -1, false],
    ]);
  });

  it('a rebase on a ghosted point still starts the partition there', () => {
    expect(plans(layout({ n: 4, ghosts: ghostAt(4, 2), rebaseAt: [2] }))).toEqual([
      [0, 1, 1, -1, false],
      [2, 3, 3, -1, false],
    ]);
  });

  it('warns that a rebase at the first point has no effect (flag or rebaseAt)', () => {
    const flag = layout({ n: 4, rebaseAt: [0] });
    expect(plans(flag)).toEqual([[0, 3, 3, -1, false]]);
    expect(flag.warnings).toEqual([expect.objectContaining({ code: 'rebase_at_first_point', index: 0 })]);
    expect(codes(layout({ n: 4, periods: [10, 20, 30, 40] }, { rebaseAt: [10] }))).toEqual([
      'rebase_at_first_point',
    ]);
  });

  it('treats a rebase at the first non-ghosted point, after leading ghosts, as a rebase at the first point', () => {
    const l = layout({ n: 6, ghosts: ghostAt(6, 0, 1), rebaseAt: [2] });
    expect(plans(l)).toEqual([[0, 5, 5, -1, false]]);
    expect(l.warnings).toEqual([expect.objectContaining({ code: 'rebase_at_first_point', index: 2 })]);
    // So, with a fixed baseline, it is not "within the baseline" and the next partition still inherits.
    const b = layout({ n: 10, ghosts: ghostAt(10, 0), rebaseAt: [1] }, { baseline: { points: 4 } });
    expect(plans(b)).toEqual([
      [0, 4, 4, -1, true],
      [5, 9, 9, 0, false],
    ]);
  });

  it('warns that a rebase at a period not in the series has no effect', () => {
    const l = layout({ n: 4, periods: [10, 20, 30, 40] }, { rebaseAt: [25, '2024-01-01'] });
    expect(plans(l)).toEqual([[0, 3, 3, -1, false]]);
    expect(codes(l)).toEqual(['rebase_not_in_series', 'rebase_not_in_series']);
  });

  it('with repeated periods (a T chart’s same-day events) rebases at the first point with that period', () => {
    // Engine choice: a plain binary search could land on either 5.
    expect(plans(layout({ n: 5, periods: [1, 5, 5, 5, 9] }, { rebaseAt: [5] }))).toEqual([
      [0, 0, 0, -1, false],
      [1, 4, 4, -1, false],
    ]);
  });

  it('makes no partition for an empty series', () => {
    const l = layout({ n: 0 }, { baseline: { points: 3 } });
    expect([l.partitionOf.length, l.partitions, l.warnings]).toEqual([0, [], []]);
  });
});

describe('layoutPartitions(): a fixed baseline (mdc)', () => {
  it('makes the first N points a baseline partition and the rest a partition that inherits its lines', () => {
    expect(plans(layout({ n: 10 }, { baseline: { points: 4 } }))).toEqual([
      [0, 3, 3, -1, true],
      [4, 9, 9, 0, false],
    ]);
  });

  it('counts N in non-ghosted points', () => {
    expect(plans(layout({ n: 10, ghosts: ghostAt(10, 1) }, { baseline: { points: 4 } }))).toEqual([
      [0, 4, 4, -1, true],
      [5, 9, 9, 0, false],
    ]);
  });

  it('accepts a baseline up to a period (inclusive)', () => {
    const periods = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];
    expect(plans(layout({ n: 6, periods }, { baseline: { until: '2024-03' } }))).toEqual([
      [0, 2, 2, -1, true],
      [3, 5, 5, 0, false],
    ]);
    // A date between two periods ends the baseline at the last point before it.
    expect(plans(layout({ n: 6, periods }, { baseline: { until: '2024-03-15' } }))[0]).toEqual([
      0,
      2,
      2,
      -1,
      true,
    ]);
  });

  it('lets only the partition right after the baseline inherit; a later rebase computes its own lines', () => {
    expect(plans(layout({ n: 10, rebaseAt: [7] }, { baseline: { points: 4 } }))).toEqual([
      [0, 3, 3, -1, true],
      [4, 6, 6, 0, false],
      [7, 9, 9, -1, false],
    ]);
  });

  it('ignores a rebase inside the baseline with a warning, and the points after compute their own lines', () => {
    const l = layout({ n: 10, rebaseAt: [2] }, { baseline: { points: 4 } });
    expect(plans(l)).toEqual([
      [0, 3, 3, -1, true],
      [4, 9, 9, -1, false],
    ]);
    expect(l.warnings).toEqual([expect.objectContaining({ code: 'rebase_within_baseline', index: 2 })]);
  });

  it('treats a rebase at the baseline’s last point as inside the baseline', () => {
    expect(codes(layout({ n: 10, rebaseAt: [3] }, { baseline: { points: 4 } }))).toEqual([
      'rebase_within_baseline',
    ]);
  });

  it('a rebase exactly at the first point after the baseline: that partition computes its own lines, no warning', () => {
    const l = layout({ n: 10, rebaseAt: [4] }, { baseline: { points: 4 } });
    expect(plans(l)).toEqual([
      [0, 3, 3, -1, true],
      [4, 9, 9, -1, false],
    ]);
    expect(l.warnings).toEqual([]);
  });

  it('warns when the baseline is longer than the series, and uses every point', () => {
    const l = layout({ n: 5 }, { baseline: { points: 8 } });
    expect(plans(l)).toEqual([[0, 4, 4, -1, true]]);
    expect(codes(l)).toEqual(['baseline_longer_than_series']);
    expect(codes(layout({ n: 5, periods: [1, 2, 3, 4, 5] }, { baseline: { until: 9 } }))).toEqual([
      'baseline_longer_than_series',
    ]);
  });

  it('does not warn when the baseline ends exactly at the last point', () => {
    const l = layout({ n: 5, periods: [1, 2, 3, 4, 5] }, { baseline: { until: 5 } });
    expect(plans(l)).toEqual([[0, 4, 4, -1, true]]);
    expect(l.warnings).toEqual([]);
  });

  it('warns and uses no baseline when the baseline ends before the first point', () => {
    const l = layout({ n: 3, periods: [5, 6, 7] }, { baseline: { until: 2 } });
    expect(plans(l)).toEqual([[0, 2, 2, -1, false]]);
    expect(codes(l)).toEqual(['baseline_before_series']);
  });

  it('refuses a baseline date of another kind than the periods (a date against numbered points)', () => {
    const e = refused(() => layout({ n: 3 }, { baseline: { until: '2024-01-01' } }));
    expect([e.code, e.field]).toEqual(['invalid_option', 'baseline']);
  });

  it('refuses a baseline date covering fewer points than minimumBaselinePoints, in fixed mode too', () => {
    const e = refused(() =>
      layout(
        { n: 20, periods: Array.from({ length: 20 }, (_, i) => i) },
        { baseline: { until: 4 }, minimumBaselinePoints: 12 },
      ),
    );
    expect([e.code, e.field]).toEqual(['invalid_option', 'baseline']);
  });
});

describe('layoutPartitions(): a restart baseline (nhsr)', () => {
  it("fixes each partition's lines on its own first N non-ghosted points; the baseline end is no boundary", () => {
    const l = layout({ n: 30, rebaseAt: [14] }, { preset: 'nhsr', baseline: { points: 12 } });
    expect(plans(l)).toEqual([
      [0, 13, 11, -1, true],
      [14, 29, 25, -1, true],
    ]);
  });

  it('uses all of a partition shorter than N', () => {
    const l = layout({ n: 20, rebaseAt: [14] }, { preset: 'nhsr', baseline: { points: 12 } });
    expect(plans(l)[1]).toEqual([14, 19, 19, -1, true]);
  });

  it('counts N in non-ghosted points', () => {
    const l = layout({ n: 16, ghosts: ghostAt(16, 3) }, { preset: 'nhsr', baseline: { points: 12 } });
    expect(plans(l)).toEqual([[0, 15, 12, -1, true]]);
  });

  it('turns a baseline date into N = the non-ghosted points up to it, applied in every partition', () => {
    // 13 points up to period 13, one of them ghosted: N = 12.
    const periods = Array.from({ length: 30 }, (_, i) => i + 1);
    const l = layout(
      { n: 30, periods, ghosts: ghostAt(30, 5), rebaseAt: [15] },
      { preset: 'nhsr', baseline: { until: 13 } },
    );
    expect(plans(l)).toEqual([
      [0, 14, 12, -1, true],
      [15, 29, 26, -1, true],
    ]);
  });

  it('refuses a baseline date that covers fewer than 12 points (nhsr)', () => {
    const periods = Array.from({ length: 30 }, (_, i) => i + 1);
    const e = refused(() => layout({ n: 30, periods }, { preset: 'nhsr', baseline: { until: 5 } }));
    expect([e.code, e.field]).toEqual(['invalid_option', 'baseline']);
  });

  it('warns, rather than refusing, a baseline date past the end of a short series', () => {
    const periods = Array.from({ length: 10 }, (_, i) => i + 1);
    const l = layout({ n: 10, periods }, { preset: 'nhsr', baseline: { until: 50 } });
    expect(plans(l)).toEqual([[0, 9, 9, -1, true]]);
    expect(codes(l)).toEqual(['baseline_longer_than_series']);
  });
});
