/**
 * Trend: `length` consecutive non-ghosted points each strictly greater (or each strictly smaller)
 * than the previous; ties break it; either side of the mean; every point flagged. `mdc` lets a
 * trend cross partitions, `nhsr` does not (spc-method.md §1).
 */
import { describe, expect, it } from 'vitest';
import { xmr } from '../xmr.js';
import type { Side } from '../types.js';
import { sideName, usedIndices } from './sides.js';
import { trend } from './trend.js';

interface Case {
  readonly length?: number;
  /** Partition of each point; absent = the trend may cross partitions. */
  readonly partitions?: readonly number[];
  readonly ghosts?: readonly boolean[];
}

function run(values: readonly number[], c: Case = {}): Side[] {
  const partitionOf = c.partitions ?? null;
  const bits = trend(values, usedIndices(values.length, c.ghosts), partitionOf, c.length ?? 6);
  return Array.from(bits, sideName);
}

const H = 'high';
const L = 'low';
const B = 'both';
const _ = null;

describe('trend(values, used, partitionOf, length)', () => {
  it('flags every point of 6 rising points (5 rises) as high, the first included', () => {
    expect(run([9, 1, 2, 3, 4, 5, 6, 0])).toEqual([_, H, H, H, H, H, H, _]);
  });

  it('flags 6 falling points as low', () => {
    expect(run([0, 6, 5, 4, 3, 2, 1, 9])).toEqual([_, L, L, L, L, L, L, _]);
  });

  it('does not flag 5 rising points', () => {
    expect(run([1, 2, 3, 4, 5])).toEqual([_, _, _, _, _]);
  });

  it('keeps flagging the points of a longer trend', () => {
    expect(run([1, 2, 3, 4, 5, 6, 7, 8])).toEqual([H, H, H, H, H, H, H, H]);
  });

  it('needs 7 points (6 rises) with length 7', () => {
    expect(run([1, 2, 3, 4, 5, 6], { length: 7 })).toEqual([_, _, _, _, _, _]);
    expect(run([1, 2, 3, 4, 5, 6, 7], { length: 7 })).toEqual([H, H, H, H, H, H, H]);
  });

  it('breaks the trend at a tie: 1 2 3 3 4 5 6 is a run of 3 then a run of 4', () => {
    expect(run([1, 2, 3, 3, 4, 5, 6])).toEqual([_, _, _, _, _, _, _]);
  });

  it('lets the tied point start the next trend', () => {
    // 3 = 3, then 3 4 5 6 7 8: six points rising from the second 3.
    expect(run([1, 2, 3, 3, 4, 5, 6, 7, 8])).toEqual([_, _, _, H, H, H, H, H, H]);
  });

  it("marks the peak of a rise followed by a fall as 'both'", () => {
    expect(run([1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1])).toEqual([H, H, H, H, H, B, L, L, L, L, L]);
  });

  it('crosses partitions when no partitions are given (mdc)', () => {
    expect(run([1, 2, 3, 4, 5, 6])).toEqual([H, H, H, H, H, H]);
  });

  it('stays within a partition when partitions are given (nhsr)', () => {
    expect(run([1, 2, 3, 4, 5, 6], { partitions: [0, 0, 0, 1, 1, 1] })).toEqual([_, _, _, _, _, _]);
  });

  it('counts from the first point of a partition', () => {
    const partitions = [0, 0, 1, 1, 1, 1, 1, 1];
    expect(run([5, 9, 1, 2, 3, 4, 5, 6], { partitions })).toEqual([_, _, H, H, H, H, H, H]);
  });

  it('skips a ghosted point: the ghost neither breaks the trend nor is flagged', () => {
    const ghosts = [false, false, false, true, false, false, false];
    expect(run([1, 2, 3, 100, 4, 5, 6], { ghosts })).toEqual([H, H, H, _, H, H, H]);
  });

  it('returns nothing for an empty or one-point series', () => {
    expect(run([])).toEqual([]);
    expect(run([1])).toEqual([_]);
  });
});

/** 12 points alternating 10, 12: mean 11, m̄R 2, limits 5.68 and 16.32, 2σ 7.4533 and 14.5467. */
const BASE = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];

describe('xmr(): the trend rule under each preset', () => {
  it('a trend is flagged on either side of the mean: 6 rising points all below it', () => {
    // 6, 7, 8, 9, 10, 10.5 are all below the mean 11 (and above the lower limit 5.68).
    const a = xmr({ values: [...BASE, 6, 7, 8, 9, 10, 10.5, 10] }, { baseline: { points: 12 } });
    expect(a.points.slice(12).map((p) => p.trend)).toEqual([H, H, H, H, H, H, _]);
  });

  it('mdc: a trend crosses the baseline end', () => {
    // Baseline ends 10, 12; then 13, 14, 15, 16: 10 12 13 14 15 16 is six rising points.
    const a = xmr({ values: [...BASE, 13, 14, 15, 16, 11] }, { baseline: { points: 12 } });
    expect(a.points.slice(10).map((p) => p.trend)).toEqual([H, H, H, H, H, H, _]);
  });

  /**
   * Partition 1 ends 9, 10, 11 and partition 2 (a rebase at point 14) starts 12, 13, 14: six
   * rising points, three on each side of the rebase.
   */
  const p1 = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 9, 10, 11];
  const p2 = [12, 13, 14, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
  const values = [...p1, ...p2];
  const rebases = values.map((_v, i) => i === 13);

  it('mdc: a trend crosses a rebase', () => {
    const a = xmr({ values, rebases }, { preset: 'mdc' });
    expect(a.points.slice(9, 17).map((p) => p.trend)).toEqual([_, H, H, H, H, H, H, _]);
  });

  it('nhsr: a trend stays within a partition, even at length 6', () => {
    const a = xmr({ values, rebases }, { preset: 'nhsr', trendLength: 6 });
    expect(a.points.every((p) => p.trend === null)).toBe(true);
  });

  it('trendAcrossPartitions: false keeps an mdc trend within a partition', () => {
    const a = xmr({ values, rebases }, { preset: 'mdc', trendAcrossPartitions: false });
    expect(a.points.every((p) => p.trend === null)).toBe(true);
  });

  it('nhsr needs 7 points: 6 rising is no trend, 7 is', () => {
    const six = xmr({ values: [...BASE, 9, 10, 10.5, 11, 11.5, 11.9, 11] }, { preset: 'nhsr' });
    // The last baseline point (12) is above 9, so the trend starts at 9: 6 points.
    expect(six.points.every((p) => p.trend === null)).toBe(true);
    const seven = xmr({ values: [...BASE, 9, 10, 10.5, 11, 11.5, 11.9, 12, 11] }, { preset: 'nhsr' });
    expect(seven.points.slice(12).map((p) => p.trend)).toEqual([H, H, H, H, H, H, H, _]);
  });

  it('a ghost inside a trend is skipped', () => {
    const ghosts = [...BASE.map(() => false), false, false, false, true, false, false, false, false];
    const a = xmr({ values: [...BASE, 6, 7, 8, 20, 9, 10, 10.5, 10], ghosts }, { baseline: { points: 12 } });
    expect(a.points.slice(12).map((p) => p.trend)).toEqual([H, H, H, _, H, H, H, _]);
  });
});
