/**
 * Variation and assurance icons (spc-method.md §1 "Icons").
 */
import { describe, expect, it } from 'vitest';
import { assuranceIcon, variationIcon } from './icons.js';
import type { AssuranceIcon, Direction, SpcOptions, VariationIcon } from './types.js';
import { xmr } from './xmr.js';

describe('variationIcon(type, direction)', () => {
  it("is 'none' without a point (no points, or a run chart)", () => {
    expect(variationIcon(null, 'increase')).toBe('none');
  });

  it.each<[Direction, VariationIcon, VariationIcon]>([
    ['increase', 'improvement_high', 'concern_low'],
    ['decrease', 'improvement_low', 'concern_high'],
  ])('with %s: improvement is %s, concern %s', (direction, improvement, concern) => {
    expect(variationIcon('improvement', direction)).toBe(improvement);
    expect(variationIcon('concern', direction)).toBe(concern);
    expect(variationIcon('common_cause', direction)).toBe('common_cause');
  });

  it('with neutral: neither high or low', () => {
    expect(variationIcon('neither_high', 'neutral')).toBe('neither_high');
    expect(variationIcon('neither_low', 'neutral')).toBe('neither_low');
  });
});

describe('assuranceIcon(target, lower, upper, direction, onLimit) — limits 10 and 20', () => {
  const icon = (
    target: number | null,
    direction: Direction,
    onLimit: 'inclusive' | 'exclusive',
  ): AssuranceIcon | null => assuranceIcon(target, 10, 20, direction, onLimit);

  it.each<[number, AssuranceIcon, AssuranceIcon]>([
    [9, 'pass', 'pass'],
    [10, 'pass', 'hit_or_miss'],
    [15, 'hit_or_miss', 'hit_or_miss'],
    [20, 'fail', 'hit_or_miss'],
    [21, 'fail', 'fail'],
  ])('increase, target %s: mdc (inclusive) %s, nhsr (exclusive) %s', (target, mdc, nhsr) => {
    expect(icon(target, 'increase', 'inclusive')).toBe(mdc);
    expect(icon(target, 'increase', 'exclusive')).toBe(nhsr);
  });

  it.each<[number, AssuranceIcon, AssuranceIcon]>([
    [21, 'pass', 'pass'],
    [20, 'pass', 'hit_or_miss'],
    [15, 'hit_or_miss', 'hit_or_miss'],
    [10, 'fail', 'hit_or_miss'],
    [9, 'fail', 'fail'],
  ])('decrease, target %s: mdc (inclusive) %s, nhsr (exclusive) %s', (target, mdc, nhsr) => {
    expect(icon(target, 'decrease', 'inclusive')).toBe(mdc);
    expect(icon(target, 'decrease', 'exclusive')).toBe(nhsr);
  });

  it('is null without a target, with direction neutral, or without limits', () => {
    expect(icon(null, 'increase', 'inclusive')).toBeNull();
    expect(icon(15, 'neutral', 'inclusive')).toBeNull();
    expect(assuranceIcon(15, NaN, NaN, 'increase', 'inclusive')).toBeNull();
  });
});

/** 5 7 6 8 7 6 9 7 8 6 7 8 7: mean 91/13 = 7, m̄R 18/12 = 1.5, limits 7 ± 3.99 = 3.01 … 10.99. */
const VALUES = [5, 7, 6, 8, 7, 6, 9, 7, 8, 6, 7, 8, 7];

describe('xmr(): the assurance icon', () => {
  const assurance = (options: SpcOptions, targets?: (number | null)[]): AssuranceIcon | null =>
    xmr({ values: VALUES, ...(targets ? { targets } : {}) }, options).summary.assurance;

  it('compares a constant target with the limits: increase 2 → pass, 7 → hit or miss, 12 → fail', () => {
    expect(assurance({ direction: 'increase', target: 2 })).toBe('pass');
    expect(assurance({ direction: 'increase', target: 7 })).toBe('hit_or_miss');
    expect(assurance({ direction: 'increase', target: 12 })).toBe('fail');
  });

  it('reverses with decrease: 2 → fail, 12 → pass', () => {
    expect(assurance({ direction: 'decrease', target: 2 })).toBe('fail');
    expect(assurance({ direction: 'decrease', target: 12 })).toBe('pass');
  });

  it("uses the last point's target when the target changes over time", () => {
    const targets = VALUES.map((_v, i) => (i < 12 ? 2 : 12));
    expect(assurance({ direction: 'increase' }, targets)).toBe('fail');
  });

  it('uses the last non-ghosted point: a ghosted last point and its target are ignored', () => {
    const a = xmr(
      {
        values: [...VALUES, 100],
        ghosts: [...VALUES.map(() => false), true],
        targets: [...VALUES.map(() => 2), 50],
      },
      { direction: 'increase' },
    );
    expect(a.summary.assurance).toBe('pass');
  });

  it('lets a per-point target take precedence over the constant one', () => {
    expect(
      assurance(
        { direction: 'increase', target: 2 },
        VALUES.map(() => 12),
      ),
    ).toBe('fail');
  });

  it('is null with no target', () => {
    expect(assurance({ direction: 'increase' })).toBeNull();
    expect(
      assurance(
        { direction: 'increase' },
        VALUES.map(() => null),
      ),
    ).toBeNull();
  });

  it('is null with direction neutral, with a target_ignored warning', () => {
    const a = xmr({ values: VALUES }, { direction: 'neutral', target: 2 });
    expect(a.summary.assurance).toBeNull();
    expect(a.warnings.map((w) => w.code)).toEqual(['target_ignored']);
  });

  it('is null for an mdc run chart (fewer than 13 points)', () => {
    expect(
      xmr({ values: VALUES.slice(1) }, { direction: 'increase', target: 2 }).summary.assurance,
    ).toBeNull();
  });

  it('a target exactly on the upper limit: mdc fail, nhsr hit or miss', () => {
    // Baseline 10, 12 ×6: limits 5.68 and 16.32 whatever follows.
    const values = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 11];
    const upper = xmr({ values }, { baseline: { points: 12 } }).points[12]!.upperLimit!;
    expect(
      xmr({ values }, { direction: 'increase', target: upper, baseline: { points: 12 } }).summary.assurance,
    ).toBe('fail');
    expect(
      xmr({ values }, { preset: 'nhsr', target: upper, baseline: { points: 12 } }).summary.assurance,
    ).toBe('hit_or_miss');
    expect(
      xmr(
        { values },
        { direction: 'increase', target: upper, assuranceOnLimit: 'exclusive', baseline: { points: 12 } },
      ).summary.assurance,
    ).toBe('hit_or_miss');
  });

  it("uses the last point's partition limits", () => {
    // Partition 2 (from point 14) is 100, 101 alternating: limits 100.5 ± 2.66.
    const p2 = [100, 101, 100, 101, 100, 101, 100, 101, 100, 101, 100, 101, 100, 101];
    const values = [...VALUES, ...p2];
    const a = xmr(
      { values, rebases: values.map((_v, i) => i === 13) },
      { direction: 'increase', target: 50 },
    );
    expect(a.summary.assurance).toBe('pass');
    expect(a.summary.mean).toBe(100.5);
  });
});

describe('xmr(): the variation icon', () => {
  // BASE then 20: the last point is above the upper limit 16.32.
  const BASE = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
  const variation = (values: number[], options: SpcOptions, ghosts?: boolean[]): VariationIcon =>
    xmr({ values, ...(ghosts ? { ghosts } : {}) }, { baseline: { points: 12 }, ...options }).summary
      .variation;

  it.each<[Direction, VariationIcon, VariationIcon]>([
    ['increase', 'improvement_high', 'concern_low'],
    ['decrease', 'concern_high', 'improvement_low'],
    ['neutral', 'neither_high', 'neither_low'],
  ])('with %s: a high last point gives %s, a low one %s', (direction, high, low) => {
    expect(variation([...BASE, 20], { direction })).toBe(high);
    expect(variation([...BASE, 2], { direction })).toBe(low);
  });

  it('is common_cause when the last point is', () => {
    expect(variation([...BASE, 20, 11], { direction: 'increase' })).toBe('common_cause');
  });

  it('comes from the last non-ghosted point', () => {
    const ghosts = [...BASE.map(() => false), false, true];
    expect(variation([...BASE, 20, 11], { direction: 'increase' }, ghosts)).toBe('improvement_high');
  });

  it("is 'none' for an mdc run chart", () => {
    expect(xmr({ values: [1, 2, 3, 4, 5, 6, 7] }, { direction: 'increase' }).summary.variation).toBe('none');
  });
});
