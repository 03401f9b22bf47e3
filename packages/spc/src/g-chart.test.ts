/**
 * G chart — cases between rare events (spc-method.md §2): m = partition mean of the counts;
 * upper limit m + 3·√(m(m+1)); no lower limit and no 2σ lines; the centre line shown and used for
 * shifts is 0.693·m.
 */
import { describe, expect, it } from 'vitest';
import { SpcInputError } from './errors.js';
import { gChart } from './g-chart.js';
import type { SeriesInput } from './types.js';

const THREES = new Array<number>(13).fill(3);

function refused(fn: () => unknown): [string, number | undefined, string | undefined] {
  try {
    fn();
  } catch (e) {
    if (e instanceof SpcInputError) return [e.code, e.index, e.field];
    throw e;
  }
  throw new Error('expected an SpcInputError');
}

describe('gChart({ values: counts })', () => {
  it('has centre 0.693·m and upper limit m + 3·√(m(m+1)), and no other line', () => {
    // m = 3: centre 2.079; 3·√12 = 10.3923048; upper 13.3923048.
    const a = gChart({ values: THREES });
    const p = a.points[0]!;
    expect(a.chart).toBe('g');
    expect(p.mean!).toBeCloseTo(2.079, 14);
    expect(p.upperLimit!).toBeCloseTo(13.3923048, 7);
    expect([p.lowerLimit, p.lower2Sigma, p.upper2Sigma, p.lower1Sigma, p.upper1Sigma]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(p.movingRange).toBeNull();
    expect(a.partitions[0]!.movingRangeMean).toBeNull();
  });

  it('reports the 0.693·m centre as the mean of points, partitions and summary', () => {
    const a = gChart({ values: THREES });
    expect(a.partitions[0]!.mean!).toBeCloseTo(2.079, 14);
    expect(a.summary.mean!).toBeCloseTo(2.079, 14);
  });

  it('flags a count above the upper limit', () => {
    // 12 threes and a 40: m = 76/13 = 5.846; upper 5.846 + 3·√(5.846·6.846) = 24.76 < 40.
    const a = gChart({ values: [...THREES.slice(1), 40] });
    expect(a.points[12]!.upperLimit!).toBeCloseTo(76 / 13 + 3 * Math.sqrt((76 / 13) * (89 / 13)), 12);
    expect(a.points[12]!.singlePoint).toBe('high');
  });

  it('never flags a low single point or two-of-three (no lower or 2σ lines), even for a 0', () => {
    const a = gChart({ values: [...THREES, 0] });
    expect(a.points.every((p) => p.singlePoint !== 'low' && p.twoOfThree === null)).toBe(true);
  });

  it('judges a shift against the 0.693·m centre, not m', () => {
    // 3 ×7, 5 ×6: m = 51/13 = 3.923, centre 2.719. Every count is above the centre: a shift
    // throughout (against m the 3s would be below and the 5s a run of only 6).
    const a = gChart({ values: [3, 3, 3, 3, 3, 3, 3, 5, 5, 5, 5, 5, 5] });
    expect(a.points[0]!.mean!).toBeCloseTo(0.693 * (51 / 13), 14);
    expect(a.points.every((p) => p.shift === 'high')).toBe(true);
  });

  it('computes each partition’s own m', () => {
    const values = [...THREES, ...new Array<number>(13).fill(10)];
    const a = gChart({ values, rebases: values.map((_v, i) => i === 13) });
    expect(a.partitions.map((p) => p.mean)).toEqual([0.693 * 3, 0.693 * 10]);
  });

  it('leaves a ghosted count out of m', () => {
    const a = gChart({ values: [...THREES, 1000], ghosts: [...THREES.map(() => false), true] });
    expect(a.points[13]!.mean!).toBeCloseTo(2.079, 14);
  });

  it('gives no assurance icon and takes no target', () => {
    expect(gChart({ values: THREES }, { direction: 'decrease' }).summary.assurance).toBeNull();
    expect(refused(() => gChart({ values: THREES }, { target: 1 }))).toEqual([
      'invalid_option',
      undefined,
      'target',
    ]);
    const input: SeriesInput = { values: THREES, targets: THREES.map(() => 1) };
    expect(refused(() => gChart(input))).toEqual(['invalid_option', undefined, 'targets']);
  });

  it('refuses a negative count, naming the point, ghosted or not', () => {
    expect(refused(() => gChart({ values: [3, -1, 3] }))).toEqual(['negative_value', 1, 'values']);
    expect(refused(() => gChart({ values: [3, -1, 3], ghosts: [false, true, false] }))).toEqual([
      'negative_value',
      1,
      'values',
    ]);
  });

  it('refuses a non-finite count before anything else', () => {
    expect(refused(() => gChart({ values: [3, Number.NaN] }))).toEqual(['non_finite_value', 1, 'values']);
  });

  it('mdc: fewer than 13 counts is a run chart (the centre line only)', () => {
    const a = gChart({ values: THREES.slice(1) });
    expect(a.summary.limitsShown).toBe(false);
    expect(a.points[0]!.upperLimit).toBeNull();
    expect(a.points[0]!.mean!).toBeCloseTo(2.079, 14);
  });
});
