import { describe, expect, it } from 'vitest';
import { levelSpec } from './levels.js';
import { arcsineLimits, arcsineSe, proportionMethod, sinSquaredClipped } from './proportions.js';

const L95 = levelSpec(95);
const L998 = levelSpec(99.8);

// Expected values computed independently with python3's math module, arithmetic shown.
describe('proportion funnel', () => {
  // θ = 10/100 = 0.1 (one unit, O = 10, n = 100 → ΣO/Σn = 0.1)
  const m = proportionMethod(10, 100);

  it('targets the pooled rate θ = ΣO/Σn', () => {
    expect(m.target).toBe(0.1);
    expect(proportionMethod(30, 400).target).toBe(0.075);
  });

  it('has s = 1/(2√n)', () => {
    expect(arcsineSe(100)).toBe(0.05); // 1/(2·10)
    expect(m.se(3, 25)).toBe(0.1); // 1/(2·5)
  });

  it('puts limits at sin²(asin√θ ± z·s)', () => {
    // asin√0.1 = 0.3217505543966422; z·s = 1.959964·0.05 = 0.0979982
    // lower = sin²(0.3217505543966422 − 0.0979982) = sin²(0.22375235439664218) = 0.049235168203419846
    // upper = sin²(0.3217505543966422 + 0.0979982) = sin²(0.41974875439664217) = 0.16608154091041413
    const b = m.limits(100, L95, null);
    expect(b.lower).toBeCloseTo(0.049235168203419846, 15);
    expect(b.upper).toBeCloseTo(0.16608154091041413, 15);
  });

  it('computes z = (asin√(O/n) − asin√θ)/s', () => {
    // O = 20, n = 100: (asin√0.2 − asin√0.1)/0.05 = (0.4636476090008061 − 0.3217505543966422)/0.05
    //                = 2.837941092083278
    expect(m.z(20, 100)).toBeCloseTo(2.837941092083278, 12);
    expect(m.z(10, 100)).toBe(0);
    expect(m.value(20, 100)).toBe(0.2);
  });

  it('widens the limits with τ²: sin²(asin√θ ± z·√(s² + τ²))', () => {
    // τ² = 0.001: spread = √(0.05² + 0.001) = √0.0035 = 0.05916079783099616
    // lower = sin²(0.3217505543966422 − 1.959964·0.05916079783099616) = 0.04175807086653848
    // upper = sin²(0.3217505543966422 + 1.959964·0.05916079783099616) = 0.17965786040249246
    const b = m.limits(100, L95, 0.001);
    expect(b.lower).toBeCloseTo(0.04175807086653848, 15);
    expect(b.upper).toBeCloseTo(0.17965786040249246, 15);
  });

  it('clips the inner term to [0, π/2]', () => {
    // θ = 0.01, n = 4: asin√0.01 = asin 0.1 = 0.1001674211615598; z·s = 3.090232·0.25 = 0.772558
    // lower: 0.1001674211615598 − 0.772558 < 0 → clipped to 0 → sin²0 = 0
    // upper: sin²(0.1001674211615598 + 0.772558) = 0.5868839597407468
    const low = arcsineLimits(0.01, arcsineSe(4), L998.z);
    expect(low.lower).toBe(0);
    expect(low.upper).toBeCloseTo(0.5868839597407468, 15);
    // θ = 1: asin√1 = π/2; upper clipped to π/2 → 1; lower = sin²(π/2 − 1.959964·0.25) = 0.7785187478143238
    const high = arcsineLimits(1, arcsineSe(4), L95.z);
    expect(high.upper).toBe(1);
    expect(high.lower).toBeCloseTo(0.7785187478143238, 15);
    expect(sinSquaredClipped(-1)).toBe(0);
    expect(sinSquaredClipped(3)).toBe(1);
  });

  it('handles proportions of 0 and 1 without NaN', () => {
    const m0 = proportionMethod(5, 100);
    expect(Number.isFinite(m0.z(0, 20))).toBe(true);
    expect(Number.isFinite(m0.z(20, 20))).toBe(true);
    // asin√0 = 0 below the centre, asin√1 = π/2 above it
    expect(m0.z(0, 20)).toBeLessThan(0);
    expect(m0.z(20, 20)).toBeGreaterThan(0);
  });

  it('is symmetric on the arcsine scale: θ and 1 − θ mirror each other', () => {
    // sin²(π/2 − t) = 1 − sin²t, so the limits for 1 − θ are 1 minus the limits for θ, swapped.
    const a = proportionMethod(30, 100).limits(50, L95, null);
    const b = proportionMethod(70, 100).limits(50, L95, null);
    expect(b.lower).toBeCloseTo(1 - a.upper, 14);
    expect(b.upper).toBeCloseTo(1 - a.lower, 14);
    expect(proportionMethod(30, 100).z(20, 50)).toBeCloseTo(-proportionMethod(70, 100).z(30, 50), 12);
  });
});
