/**
 * Moving ranges, their mean and moving-range screening (spc-method.md §1, "Mean and moving range"
 * and "Moving-range screening").
 */
import { describe, expect, it } from 'vitest';
import { centreStats, movingRanges, partitionCentres } from './moving-range.js';
import { resolveOptions } from './options.js';
import { layoutPartitions } from './partitions.js';
import { xmr } from './xmr.js';

const mr = (values: number[], partitions: number[], across: boolean, ghosts?: boolean[]): (number | null)[] =>
  Array.from(movingRanges(values, ghosts, Int32Array.from(partitions), across), (r) => (r === r ? r : null));

describe('movingRanges(values, ghosts, partitionOf, acrossPartitions)', () => {
  it('is |xᵢ − xᵢ₋₁|, absent for the first point', () => {
    expect(mr([5, 7, 6, 6], [0, 0, 0, 0], false)).toEqual([null, 2, 1, 0]);
  });

  it('takes the next point against the previous non-ghosted point; a ghost has none', () => {
    expect(mr([5, 100, 8], [0, 0, 0], false, [false, true, false])).toEqual([null, null, 3]);
  });

  it("is absent for a partition's first point (XmR)", () => {
    expect(mr([5, 7, 6, 9], [0, 0, 1, 1], false)).toEqual([null, 2, null, 3]);
  });

  it('runs across partitions when asked (T chart)', () => {
    expect(mr([5, 7, 6, 9], [0, 0, 1, 1], true)).toEqual([null, 2, 1, 3]);
  });

  it('bridges a ghost at the start of a partition only when running across partitions', () => {
    const ghosts = [false, true, false];
    expect(mr([5, 100, 8], [0, 1, 1], false, ghosts)).toEqual([null, null, null]);
    expect(mr([5, 100, 8], [0, 1, 1], true, ghosts)).toEqual([null, null, 3]);
  });
});

/** centreStats over the whole series, moving ranges within one partition. */
function stats(
  values: number[],
  screen: 'mdc' | 'nhsr' | null,
  ghosts?: boolean[],
): ReturnType<typeof centreStats> {
  const ranges = movingRanges(values, ghosts, new Int32Array(values.length), false);
  return centreStats(values, ghosts, ranges, 0, values.length - 1, screen);
}

describe('centreStats(values, ghosts, mr, from, to, screen)', () => {
  it('is the mean of the values and the mean of the moving ranges', () => {
    // 5 7 6 8: mean 26/4 = 6.5; mR 2 1 2 → 5/3.
    const s = stats([5, 7, 6, 8], null);
    expect(s.mean).toBe(6.5);
    expect(s.mrBar).toBeCloseTo(5 / 3, 15);
    expect(s.nUsed).toBe(4);
  });

  it('leaves ghosted points out of the mean, the moving ranges and nUsed', () => {
    // 5 (100) 7 6: mean 6, mR 2 1 → 1.5.
    const s = stats([5, 100, 7, 6], null, [false, true, false, false]);
    expect(s).toEqual({ mean: 6, mrBar: 1.5, nUsed: 3 });
  });

  it('uses only from…to (a restart baseline)', () => {
    const values = [1, 3, 2, 50, 90];
    const s = centreStats(
      values,
      undefined,
      movingRanges(values, undefined, new Int32Array(5), false),
      0,
      2,
      null,
    );
    expect(s).toEqual({ mean: 2, mrBar: 1.5, nUsed: 3 });
  });

  it('has no moving range for a single point (NaN), and no mean for no points', () => {
    expect(Number.isNaN(stats([4], null).mrBar)).toBe(true);
    expect(Number.isNaN(stats([4], null, [true]).mean)).toBe(true);
  });

  describe('screening a moving range exactly at 3.267·m̄R', () => {
    // 0, 0.733, 0.733, 0.733, 4 → mR 0.733, 0, 0, 3.267 (exactly, in floating point): m̄R 4/4 = 1,
    // so the last moving range sits exactly on 3.267·m̄R.
    const values = [0, 0.733, 0.733, 0.733, 4];

    it('mdc keeps it (mR ≤ 3.267·m̄R): m̄R stays 1, the mean is not changed', () => {
      const s = stats(values, 'mdc');
      expect(s.mrBar).toBe(1);
      expect(s.mean).toBeCloseTo(6.199 / 5, 15);
    });

    it('nhsr drops it (keeps mR < 3.267·m̄R, strict): m̄R 0.733/3', () => {
      expect(stats(values, 'nhsr').mrBar).toBeCloseTo(0.733 / 3, 15);
    });
  });

  describe('screening an outlying moving range', () => {
    // 0 ×6, 3, 23 → mR 0 ×5, 3, 20: m̄R 23/7 = 3.286, 3.267·m̄R = 10.73, so 20 is out.
    const values = [0, 0, 0, 0, 0, 0, 3, 23];

    it('without screening: mean 26/8, m̄R 23/7', () => {
      expect(stats(values, null)).toEqual({ mean: 26 / 8, mrBar: 23 / 7, nUsed: 8 });
    });

    it('mdc recomputes m̄R from the kept ranges (3/6) and the mean without the later point of the pair (3/7)', () => {
      const s = stats(values, 'mdc');
      expect(s.mrBar).toBe(0.5);
      expect(s.mean).toBeCloseTo(3 / 7, 15);
      expect(s.nUsed).toBe(8);
    });

    it('nhsr recomputes m̄R only; the mean stays 26/8', () => {
      expect(stats(values, 'nhsr')).toEqual({ mean: 26 / 8, mrBar: 0.5, nUsed: 8 });
    });

    it('makes one pass only: 3 would be out against the new m̄R (3 > 3.267·0.5) but is kept', () => {
      expect(stats(values, 'mdc').mrBar).toBe(0.5);
      expect(stats(values, 'nhsr').mrBar).toBe(0.5);
    });
  });

  it('nhsr: a constant series has every moving range screened out (0 < 0 fails): m̄R absent', () => {
    expect(Number.isNaN(stats([5, 5, 5, 5], 'nhsr').mrBar)).toBe(true);
  });

  it('mdc: a constant series keeps every moving range (0 ≤ 0): m̄R 0', () => {
    expect(stats([5, 5, 5, 5], 'mdc')).toEqual({ mean: 5, mrBar: 0, nUsed: 4 });
  });
});

describe('partitionCentres(values, ghosts, mr, layout, screen)', () => {
  it('gives each partition its own statistics and lets an inherited partition reuse its source', () => {
    // Baseline 1 3 1 3 (mean 2, m̄R 2), then 10 20 30 (inherits: not its own mean 20).
    const values = [1, 3, 1, 3, 10, 20, 30];
    const layout = layoutPartitions(
      { n: 7, periods: undefined, ghosts: undefined, rebases: undefined },
      resolveOptions({ baseline: { points: 4 } }),
    );
    const centres = partitionCentres(
      values,
      undefined,
      movingRanges(values, undefined, layout.partitionOf, false),
      layout,
      null,
    );
    expect(centres).toEqual([
      { mean: 2, mrBar: 2, nUsed: 4 },
      { mean: 2, mrBar: 2, nUsed: 4 },
    ]);
  });
});

describe('xmr(): moving-range screening through the options', () => {
  const values = [0, 0, 0, 0, 0, 0, 3, 23];

  it('is off in mdc by default and on in nhsr', () => {
    expect(xmr({ values }).partitions[0]!.movingRangeMean).toBeCloseTo(23 / 7, 15);
    expect(xmr({ values }, { preset: 'nhsr' }).partitions[0]!.movingRangeMean).toBe(0.5);
  });

  it('screenOutliers with screenRule mdc recomputes the mean; screenRule nhsr does not', () => {
    expect(xmr({ values }, { screenOutliers: true }).partitions[0]!.mean).toBeCloseTo(3 / 7, 15);
    expect(xmr({ values }, { screenOutliers: true, screenRule: 'nhsr' }).partitions[0]!.mean).toBe(3.25);
  });

  it('reports every moving range, screened or not', () => {
    expect(xmr({ values }, { preset: 'nhsr' }).points.map((p) => p.movingRange)).toEqual([
      null,
      0,
      0,
      0,
      0,
      0,
      3,
      20,
    ]);
  });
});
