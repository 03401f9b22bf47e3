/**
 * Single point: a value strictly above its partition's upper limit or strictly below its lower
 * limit (spc-method.md §1). A point exactly on a limit is not a signal.
 */
import { describe, expect, it } from 'vitest';
import type { Lines } from '../lines.js';
import { xmr } from '../xmr.js';
import type { Side, SpcOptions } from '../types.js';
import { sideName, usedIndices } from './sides.js';
import { singlePoint } from './single-point.js';

function run(values: readonly number[], lower: number, upper: number, ghosts?: boolean[]): Side[] {
  const n = values.length;
  const lines: Lines = {
    at: [{ mean: (lower + upper) / 2, lower, upper, lower2: NaN, upper2: NaN, lower1: NaN, upper1: NaN }],
    index: new Array<number>(n).fill(0),
  };
  return Array.from(singlePoint(values, usedIndices(n, ghosts), lines), sideName);
}

describe('singlePoint(values, used, lines) — limits 2 and 8', () => {
  it('flags a point above the upper limit high and one below the lower limit low', () => {
    expect(run([1, 5, 9], 2, 8)).toEqual(['low', null, 'high']);
  });

  it('does not flag a point exactly on a limit (strict)', () => {
    expect(run([2, 8], 2, 8)).toEqual([null, null]);
  });

  it('does not flag anything when the limits are absent (NaN)', () => {
    expect(run([-1e9, 1e9], NaN, NaN)).toEqual([null, null]);
  });

  it('does not flag a ghosted point', () => {
    expect(run([100, 5], 2, 8, [true, false])).toEqual([null, null]);
  });
});

/** 12 points alternating 10, 12: mean 11, m̄R 2, limits 11 ± 2.66·2 = 5.68 and 16.32. */
const BASE = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];

describe.each<[string, SpcOptions]>([
  ['mdc', { preset: 'mdc', baseline: { points: 12 } }],
  ['nhsr', { preset: 'nhsr', baseline: { points: 12 } }],
])('xmr() %s: a point exactly on a limit', (_name, options) => {
  // The limits do not depend on the points after the baseline, so they can be read off first.
  const { upperLimit, lowerLimit } = xmr({ values: [...BASE, 11] }, options).points[12]!;
  const upper = upperLimit!;
  const lower = lowerLimit!;

  it('has the hand-computed limits 16.32 and 5.68', () => {
    expect(upper).toBeCloseTo(16.32, 12);
    expect(lower).toBeCloseTo(5.68, 12);
  });

  it('is not a signal on the limit, and is one just beyond it', () => {
    const values = [...BASE, upper, 11, lower, 11, upper * (1 + 1e-12), 11, lower * (1 - 1e-12)];
    const a = xmr({ values }, options);
    expect(a.points.slice(12).map((p) => p.singlePoint)).toEqual([
      null,
      null,
      null,
      null,
      'high',
      null,
      'low',
    ]);
  });
});

describe('xmr(): single points use their own partition’s limits', () => {
  it('a value inside partition 1’s limits is flagged against partition 2’s narrower ones', () => {
    // Partition 1: 0, 10 alternating ×7 (14 points) → mean 5, m̄R 10, limits 5 ± 26.6.
    // Partition 2: 20, 21 alternating ×6, then 20, 25 → mean 291/14 = 20.786,
    // m̄R (12·1 + 5)/13 = 1.3077, upper limit 20.786 + 2.66·1.3077 = 24.264 < 25.
    const p1 = [0, 10, 0, 10, 0, 10, 0, 10, 0, 10, 0, 10, 0, 10];
    const p2 = [20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 25];
    const values = [...p1, ...p2];
    const a = xmr({ values, rebases: values.map((_v, i) => i === 14) });
    expect(a.points[27]!.upperLimit!).toBeCloseTo(24.264, 3);
    expect(a.points[27]!.singlePoint).toBe('high');
    expect(a.points[27]!.value).toBeLessThan(a.points[0]!.upperLimit!);
  });
});
