import { describe, expect, it } from 'vitest';
import { effectiveSpcOptions } from './options.js';

describe('effectiveSpcOptions', () => {
  it('is the measure’s own object when the series sets nothing', () => {
    const measure = { direction: 'increase' as const };
    expect(effectiveSpcOptions(measure, null)).toBe(measure);
    expect(effectiveSpcOptions(measure, undefined)).toBe(measure);
    expect(effectiveSpcOptions(measure, {})).toBe(measure);
  });

  it('puts each option the series sets over the measure’s, lists replaced as a whole', () => {
    const merged = effectiveSpcOptions(
      { direction: 'increase', shiftLength: 7, rebaseAt: ['2020-01-01'], baseline: { points: 12 } },
      { direction: 'decrease', rebaseAt: ['2021-06-01'], baseline: null },
    );
    expect(merged).toEqual({
      direction: 'decrease',
      shiftLength: 7,
      rebaseAt: ['2021-06-01'],
      baseline: null,
    });
  });
});
