import { describe, expect, it } from 'vitest';
import { levelSpec } from './levels.js';
import { exactPoissonLimits, logNormalRatioLimits, ratioMethod, ratioZ } from './ratios.js';

const L95 = levelSpec(95);
const L998 = levelSpec(99.8);

// Expected values from python3 (scipy.stats.chi2.ppf and math), arithmetic shown.
describe('standardised-ratio funnel', () => {
  it('has exact Poisson limits χ²(α/2; 2E)/(2E) and χ²(1 − α/2; 2(E+1))/(2E)', () => {
    // E = 10, 95%: χ²(0.025; 20)/20 = 9.590777392264867/20 = 0.4795388696132433
    //              χ²(0.975; 22)/20 = 36.78071208403556/20 = 1.839035604201778
    // (the Garwood interval 4.795–18.39 for a count of 10, divided by 10: python3
    //  1 − poisson.cdf(9, 4.7953886961324337) = 0.025 and poisson.cdf(10, 18.390356042017777) = 0.025)
    const b95 = exactPoissonLimits(10, L95);
    expect(b95.lower).toBeCloseTo(0.4795388696132433, 13);
    expect(b95.upper).toBeCloseTo(1.839035604201778, 13);
    // 99.8%: χ²(0.001; 20)/20 = 0.296052037274376, χ²(0.999; 22)/20 = 2.413397114541759
    const b998 = exactPoissonLimits(10, L998);
    expect(b998.lower).toBeCloseTo(0.296052037274376, 13);
    expect(b998.upper).toBeCloseTo(2.413397114541759, 13);
    // Non-integer E = 2.5: χ²(0.025; 5)/5 = 0.1662423226973325, χ²(0.975; 7)/5 = 3.202552854925865
    const b = exactPoissonLimits(2.5, L95);
    expect(b.lower).toBeCloseTo(0.1662423226973325, 13);
    expect(b.upper).toBeCloseTo(3.202552854925865, 13);
  });

  it('computes z = √E·ln(O/E)', () => {
    // O = 12, E = 10: √10·ln 1.2 = 3.1622776601683795·0.1823215567939546 = 0.576551386016643
    expect(ratioZ(12, 10)).toBeCloseTo(0.576551386016643, 14);
    expect(ratioZ(10, 10)).toBe(0);
    expect(ratioZ(8, 10)).toBeCloseTo(-Math.sqrt(10) * Math.log(1.25), 14); // ln(0.8) = −ln(1.25)
  });

  it('gives z = −∞ (not NaN) for O = 0', () => {
    expect(ratioZ(0, 5)).toBe(-Infinity);
  });

  it('has adjusted limits exp(± z·√(1/E + τ²))', () => {
    // E = 10, τ² = 0.02: √(0.1 + 0.02) = 0.34641016151377546
    // exp(−1.959964·0.34641016151377546) = 0.5071484863415489, exp(+…) = 1.9718090991728425
    const b = logNormalRatioLimits(10, 0.02, L95);
    expect(b.lower).toBeCloseTo(0.5071484863415489, 14);
    expect(b.upper).toBeCloseTo(1.9718090991728425, 14);
    // Symmetric on the log scale: lower·upper = 1.
    expect(b.lower * b.upper).toBeCloseTo(1, 14);
    const m = ratioMethod();
    expect(m.limits(10, L95, 0.02)).toEqual(b);
    expect(m.limits(10, L95, null)).toEqual(exactPoissonLimits(10, L95));
  });

  it('targets 1 and plots O/E', () => {
    const m = ratioMethod();
    expect(m.target).toBe(1);
    expect(m.value(12, 10)).toBe(1.2);
    expect(m.se(12, 25)).toBe(0.2); // 1/√25
  });
});
