/**
 * Point classification and conflicts (spc-method.md §1, "Point classification" and "Conflicts").
 */
import { describe, expect, it } from 'vitest';
import { classify, sideToType, type RuleResults } from './classify.js';
import { BOTH, HIGH, LOW, NONE, usedIndices } from './rules/sides.js';
import type { Direction, PointType, ResolvedOptions, SpcOptions } from './types.js';
import { xmr } from './xmr.js';

type Rules = Partial<Record<keyof RuleResults, readonly number[]>>;

/** classify() on hand-set rule results; returns each point's type. */
function types(
  values: readonly number[],
  rules: Rules,
  options: Pick<ResolvedOptions, 'direction' | 'conflictRule'>,
  ghosts?: boolean[],
): PointType[] {
  const n = values.length;
  const bits = (r: readonly number[] | undefined): number[] => [...(r ?? new Array<number>(n).fill(0))];
  const sides = classify(
    values,
    usedIndices(n, ghosts),
    {
      singlePoint: bits(rules.singlePoint),
      shift: bits(rules.shift),
      trend: bits(rules.trend),
      twoOfThree: bits(rules.twoOfThree),
    },
    options,
  );
  return Array.from(sides, (s) => sideToType(s, options.direction));
}

describe('sideToType(side, direction)', () => {
  it.each<[Direction, PointType, PointType]>([
    ['increase', 'improvement', 'concern'],
    ['decrease', 'concern', 'improvement'],
    ['neutral', 'neither_high', 'neither_low'],
  ])('with %s: high is %s and low is %s', (direction, high, low) => {
    expect(sideToType(HIGH, direction)).toBe(high);
    expect(sideToType(LOW, direction)).toBe(low);
    expect(sideToType(NONE, direction)).toBe('common_cause');
  });
});

describe('classify() with one side only', () => {
  it('takes the side of any rule that fires, whatever the conflict rule', () => {
    const rules: Rules = {
      singlePoint: [HIGH, 0, 0, 0, 0],
      shift: [0, LOW, 0, 0, 0],
      trend: [0, 0, HIGH, 0, 0],
    };
    rules.twoOfThree = [0, 0, 0, LOW, 0];
    for (const conflictRule of ['improvement', 'concern', 'precedence'] as const) {
      expect(types([1, 2, 3, 4, 5], rules, { direction: 'increase', conflictRule })).toEqual([
        'improvement',
        'concern',
        'improvement',
        'concern',
        'common_cause',
      ]);
    }
  });

  it('leaves a ghosted point common cause', () => {
    const t = types(
      [1, 2],
      { singlePoint: [HIGH, HIGH] },
      { direction: 'increase', conflictRule: 'improvement' },
      [true, false],
    );
    expect(t).toEqual(['common_cause', 'improvement']);
  });
});

describe('classify() conflicts, mdc: conflictRule improvement or concern', () => {
  // One point above the upper limit while part of a falling trend.
  const conflict: Rules = { singlePoint: [HIGH], trend: [LOW] };

  it('improvement keeps the improving side: increase → improvement (high)', () => {
    expect(types([9], conflict, { direction: 'increase', conflictRule: 'improvement' })).toEqual([
      'improvement',
    ]);
  });

  it('improvement keeps the improving side: decrease → improvement (low)', () => {
    expect(types([9], conflict, { direction: 'decrease', conflictRule: 'improvement' })).toEqual([
      'improvement',
    ]);
  });

  it('concern keeps the other side: increase → concern, decrease → concern', () => {
    expect(types([9], conflict, { direction: 'increase', conflictRule: 'concern' })).toEqual(['concern']);
    expect(types([9], conflict, { direction: 'decrease', conflictRule: 'concern' })).toEqual(['concern']);
  });

  it('neutral: a point signalling on both sides is neither_high, under either rule', () => {
    expect(types([9], conflict, { direction: 'neutral', conflictRule: 'improvement' })).toEqual([
      'neither_high',
    ]);
    expect(types([9], conflict, { direction: 'neutral', conflictRule: 'concern' })).toEqual(['neither_high']);
  });

  it('a peak in two trends is a conflict too', () => {
    expect(types([9], { trend: [BOTH] }, { direction: 'increase', conflictRule: 'concern' })).toEqual([
      'concern',
    ]);
  });
});

describe('classify() conflicts, nhsr: conflictRule precedence', () => {
  const precedence = { direction: 'increase', conflictRule: 'precedence' } as const;

  it('single point beats trend', () => {
    expect(types([9], { singlePoint: [HIGH], trend: [LOW] }, precedence)).toEqual(['improvement']);
  });

  it('trend beats two-of-three and shift', () => {
    expect(types([9], { trend: [LOW], twoOfThree: [HIGH], shift: [HIGH] }, precedence)).toEqual(['concern']);
  });

  it('two-of-three beats shift', () => {
    expect(types([9], { twoOfThree: [LOW], shift: [HIGH] }, precedence)).toEqual(['concern']);
  });

  it('a peak (rise then fall) takes the later trend, the fall: low', () => {
    expect(types([1, 9], { trend: [HIGH, BOTH] }, precedence)).toEqual(['improvement', 'concern']);
  });

  it('a trough (fall then rise) takes the later trend, the rise: high', () => {
    expect(types([9, 1], { trend: [LOW, BOTH] }, precedence)).toEqual(['concern', 'improvement']);
  });

  it('the side does not depend on the direction, only its label does', () => {
    const t = types(
      [9],
      { trend: [LOW], shift: [HIGH] },
      { direction: 'decrease', conflictRule: 'precedence' },
    );
    expect(t).toEqual(['improvement']);
  });
});

/**
 * After BASE (mean 11, limits 5.68 … 16.32, 2σ 7.4533 … 14.5467): 5.8 6 7 8 9 10 10.5 rise (a
 * trend, high side) while all below the mean (a shift, low side; 5.8, 6, 7 also two-of-three low);
 * 10.2 extends the shift only; 11.2 is above the mean.
 */
const BASE = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 12];
const values = [...BASE, 5.8, 6, 7, 8, 9, 10, 10.5, 10.2, 11.2];
const typesAfterBaseline = (options: SpcOptions): PointType[] =>
  xmr({ values }, { baseline: { points: 12 }, ...options })
    .points.slice(12)
    .map((p) => p.pointType);
const seven = (t: PointType): PointType[] => new Array<PointType>(7).fill(t);

describe('xmr(): a rising trend below the mean (conflict) under each preset', () => {
  it('has the rule results described', () => {
    const p = xmr({ values }, { baseline: { points: 12 } }).points.slice(12);
    expect(p.map((x) => x.trend)).toEqual([...new Array<string>(7).fill('high'), null, null]);
    expect(p.map((x) => x.shift)).toEqual([...new Array<string>(8).fill('low'), null]);
    expect(p.map((x) => x.twoOfThree)).toEqual(['low', 'low', 'low', null, null, null, null, null, null]);
  });

  it('mdc, increase, conflictRule improvement: improvement; 10.2 (shift only) concern', () => {
    expect(typesAfterBaseline({ direction: 'increase' })).toEqual([
      ...seven('improvement'),
      'concern',
      'common_cause',
    ]);
  });

  it('mdc, increase, conflictRule concern: concern', () => {
    expect(typesAfterBaseline({ direction: 'increase', conflictRule: 'concern' })).toEqual([
      ...seven('concern'),
      'concern',
      'common_cause',
    ]);
  });

  it('mdc, decrease, conflictRule improvement: improvement (the low side improves)', () => {
    expect(typesAfterBaseline({ direction: 'decrease' })).toEqual([
      ...seven('improvement'),
      'improvement',
      'common_cause',
    ]);
  });

  it('mdc, neutral: neither_high for the conflicts, neither_low for 10.2', () => {
    expect(typesAfterBaseline({ direction: 'neutral' })).toEqual([
      ...seven('neither_high'),
      'neither_low',
      'common_cause',
    ]);
  });

  it('nhsr (increase): the trend takes precedence over two-of-three and shift: improvement', () => {
    expect(typesAfterBaseline({ preset: 'nhsr' })).toEqual([
      ...seven('improvement'),
      'concern',
      'common_cause',
    ]);
  });

  it('nhsr, decrease: the trend (high) is concern', () => {
    expect(typesAfterBaseline({ preset: 'nhsr', direction: 'decrease' })).toEqual([
      ...seven('concern'),
      'improvement',
      'common_cause',
    ]);
  });
});
