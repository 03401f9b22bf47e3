/**
 * Two of three: in a window of 3 consecutive non-ghosted points within one partition, at least 2
 * strictly beyond the same 2σ line and all 3 strictly on that side of the mean; only the points
 * beyond 2σ are flagged. `mdc` counts a point beyond the process limit, `nhsr` does not
 * (spc-method.md §1).
 */
import { describe, expect, it } from 'vitest';
import type { Lines } from '../lines.js';
import { xmr } from '../xmr.js';
import type { Side } from '../types.js';
import { sideName, usedIndices } from './sides.js';
import { twoOfThree } from './two-of-three.js';

interface Case {
  readonly countBeyondLimits?: boolean;
  readonly partitions?: readonly number[];
  readonly ghosts?: readonly boolean[];
}

/** Lines for every point: mean 0, 1σ ±1, 2σ ±2, process limits ±3. */
function lines(n: number): Lines {
  const at = [{ mean: 0, lower1: -1, upper1: 1, lower2: -2, upper2: 2, lower: -3, upper: 3 }];
  return { at, index: new Array<number>(n).fill(0) };
}

function run(values: readonly number[], c: Case = {}): Side[] {
  const n = values.length;
  const partitionOf = c.partitions ?? new Array<number>(n).fill(0);
  const bits = twoOfThree(
    values,
    usedIndices(n, c.ghosts),
    partitionOf,
    lines(n),
    c.countBeyondLimits ?? true,
  );
  return Array.from(bits, sideName);
}

const H = 'high';
const L = 'low';
const _ = null;

describe('twoOfThree(values, used, partitionOf, lines, countBeyondLimits) — mean 0, 2σ ±2, limits ±3', () => {
  it('flags only the two points beyond 2σ, not the third point of the window', () => {
    expect(run([2.5, 1, 2.5])).toEqual([H, _, H]);
  });

  it('flags the low side the same way', () => {
    expect(run([-2.5, -2.5, -1])).toEqual([L, L, _]);
  });

  it('flags all three when all three are beyond 2σ', () => {
    expect(run([2.5, 2.5, 2.5])).toEqual([H, H, H]);
  });

  it('needs all three points strictly on the same side of the mean', () => {
    expect(run([2.5, -1, 2.5])).toEqual([_, _, _]);
  });

  it('does not fire when the third point is exactly on the mean', () => {
    expect(run([2.5, 0, 2.5])).toEqual([_, _, _]);
  });

  it('does not fire with one point beyond 2σ', () => {
    expect(run([2.5, 1, 1, 2.5])).toEqual([_, _, _, _]);
  });

  it('does not count a point exactly on the 2σ line (strict)', () => {
    expect(run([2, 2.5, 1])).toEqual([_, _, _]);
  });

  it('does not fire with two points beyond opposite 2σ lines', () => {
    expect(run([2.5, -2.5, 2.5])).toEqual([_, _, _]);
  });

  it('mdc (countBeyondLimits): a point beyond the process limit counts towards the two and is flagged', () => {
    expect(run([3.5, 2.5, 1])).toEqual([H, H, _]);
  });

  it('nhsr (!countBeyondLimits): a point beyond the process limit does not count', () => {
    expect(run([3.5, 2.5, 1], { countBeyondLimits: false })).toEqual([_, _, _]);
  });

  it('nhsr (!countBeyondLimits): the point beyond the limit is not flagged when two others are', () => {
    expect(run([3.5, 2.5, 2.5], { countBeyondLimits: false })).toEqual([_, H, H]);
  });

  it('does not take a window across a partition boundary', () => {
    expect(run([2.5, 2.5, 1], { partitions: [0, 0, 1] })).toEqual([_, _, _]);
    expect(run([2.5, 1, 2.5], { partitions: [0, 1, 1] })).toEqual([_, _, _]);
  });

  it('skips a ghosted point: the window is three non-ghosted points', () => {
    const ghosts = [false, true, false, false];
    expect(run([2.5, -10, 1, 2.5], { ghosts })).toEqual([H, _, _, H]);
  });

  it('returns nothing for fewer than three points', () => {
    expect(run([2.5, 2.5])).toEqual([_, _]);
  });
});

/** 12 points alternating 10, 12: mean 11, m̄R 2, limits 5.68 and 16.32, 2σ 7.4533 and 14.5467. */
const BASE = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];

describe('xmr(): the two-of-three rule under each preset', () => {
  // After the baseline: 15 (beyond 2σ), 12 (above the mean), 17 (beyond the upper limit), 11 (on the mean).
  const values = [...BASE, 15, 12, 17, 11];

  it('mdc counts the point beyond the limit: 15 and 17 are flagged, 12 is not', () => {
    const a = xmr({ values }, { preset: 'mdc', baseline: { points: 12 } });
    expect(a.points.slice(12).map((p) => p.twoOfThree)).toEqual([H, _, H, _]);
    expect(a.points[14]!.singlePoint).toBe(H);
  });

  it('nhsr does not: no two-of-three, only the single point', () => {
    const a = xmr({ values }, { preset: 'nhsr', baseline: { points: 12 } });
    expect(a.points.every((p) => p.twoOfThree === null)).toBe(true);
    expect(a.points[14]!.singlePoint).toBe(H);
  });

  it('twoOfThreeCountsBeyondLimits: false reproduces nhsr under mdc', () => {
    const a = xmr(
      { values },
      { preset: 'mdc', twoOfThreeCountsBeyondLimits: false, baseline: { points: 12 } },
    );
    expect(a.points.every((p) => p.twoOfThree === null)).toBe(true);
  });

  it('mdc: the window does not cross the baseline end; with a restart baseline it does', () => {
    // Baseline 10, 12 ×5, 10, 16: mean 136/12 = 11.333, m̄R (10·2 + 6)/11 = 2.3636, upper 2σ line
    // 11.333 + (2/3)·2.66·2.3636 = 15.525, upper limit 17.62. Then 16, 12, 11, 11.
    // The window 16 (baseline end), 16, 12 has two points beyond 2σ, all above the mean.
    const values = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 16, 16, 12, 11, 11];
    const fixed = xmr({ values }, { preset: 'mdc', baseline: { points: 12 } });
    expect(fixed.points[12]!.upper2Sigma!).toBeCloseTo(15.525, 3);
    expect(fixed.points.every((p) => p.twoOfThree === null)).toBe(true);
    const restart = xmr({ values }, { preset: 'mdc', baseline: { points: 12 }, baselineMode: 'restart' });
    expect(restart.points.slice(10, 14).map((p) => p.twoOfThree)).toEqual([_, H, H, _]);
  });
});
