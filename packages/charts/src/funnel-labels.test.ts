import { describe, expect, it } from 'vitest';
import type { FunnelUnitResult } from '@groundswell/spc';
import { crossingText, defaultFunnelFormatter, nameList, zText } from './funnel-labels.js';

const unit = (crosses: readonly FunnelUnitResult['outlier'][], levels = [95, 99.8]): FunnelUnitResult => ({
  unit: 'A',
  numerator: 1,
  denominator: 10,
  value: 0.1,
  z: 0,
  retained: true,
  limits: levels.map((level, k) => ({ level, lower: 0, upper: 1, crosses: crosses[k] ?? null })),
  outlier: crosses[levels.length - 1] ?? null,
});

describe('funnel labels', () => {
  it('writes proportions as percentages and ratios as plain numbers', () => {
    const pct = defaultFunnelFormatter('proportion');
    expect(pct(0.17666)).toBe('17.7%');
    expect(pct(0.2)).toBe('20%');
    expect(pct(0)).toBe('0%');
    expect(pct(0.001234)).toBe('0.123%');
    expect(defaultFunnelFormatter('ratio')(1.2345)).toBe('1.23');
    expect(defaultFunnelFormatter('ratio-of-counts')(0.02519)).toBe('0.0252');
  });

  it('writes z-scores to two decimals with a true minus sign', () => {
    expect(zText(6.8612)).toBe('6.86');
    expect(zText(-0.1452)).toBe('−0.15');
    expect(zText(-Infinity)).toBe('−∞');
    expect(zText(Number.NaN)).toBe('undefined');
  });

  it('names the widest limit crossed', () => {
    expect(crossingText(unit(['high', 'high']))).toBe('above the 99.8% limit');
    expect(crossingText(unit(['low', null]))).toBe('below the 95% limit (within the 99.8% limits)');
    expect(crossingText(unit([null, null]))).toBe('within the 95% and 99.8% limits');
    expect(crossingText(unit(['high', 'high', null], [90, 95, 99.8]))).toBe(
      'above the 95% limit (within the 99.8% limits)',
    );
  });

  it('lists at most five names then how many more', () => {
    expect(nameList(['A'])).toBe('A');
    expect(nameList(['A', 'B', 'C'])).toBe('A, B and C');
    expect(nameList(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toBe('A, B, C, D, E and 2 more');
  });
});
