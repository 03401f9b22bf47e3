import { describe, expect, it } from 'vitest';
import { levelSpec } from './levels.js';
import { logRatioSe, ratioOfCountsMethod } from './ratio-of-counts.js';

const L95 = levelSpec(95);

// Expected values from python3's math module, arithmetic shown.
describe('ratio-of-counts funnel', () => {
  // θ = ΣO/ΣD = 50/1000 = 0.05
  const m = ratioOfCountsMethod(50, 1000);

  it('targets θ = ΣO/ΣD', () => {
    expect(m.target).toBe(0.05);
  });

  it('has s = √(O/(O+½)² + D/(D+½)²)', () => {
    // O = 10, D = 200: 10/10.5² = 0.09070294784580499, 200/200.5² = 0.004975093438473641
    // s = √0.09567804128427863 = 0.309318672705478
    expect(logRatioSe(10, 200)).toBeCloseTo(0.309318672705478, 15);
    // O = 0 is finite: √(0 + 1/1.5²) = 2/3
    expect(logRatioSe(0, 1)).toBeCloseTo(2 / 3, 15);
  });

  it('puts limits at exp(ln θ ± z·s(D)) with s evaluated at O = θD', () => {
    // D = 200: θD = 10, s(D) = 0.309318672705478 (above)
    // exp(ln 0.05 − 1.959964·0.309318672705478) = 0.027269518567129065
    // exp(ln 0.05 + 1.959964·0.309318672705478) = 0.09167745275171539
    const b = m.limits(200, L95, null);
    expect(b.lower).toBeCloseTo(0.027269518567129065, 15);
    expect(b.upper).toBeCloseTo(0.09167745275171539, 15);
    // Symmetric on the log scale around θ: lower·upper = θ².
    expect(b.lower * b.upper).toBeCloseTo(0.0025, 15);
  });

  it('computes z = (ln((O+½)/(D+½)) − ln θ)/s with the unit’s own O in s', () => {
    // O = 15, D = 200: ln(15.5/200.5) = −2.559974222821423, ln 0.05 = −2.995732273553991
    // s = √(15/15.5² + 200/200.5²) = 0.2596344680855726 → z = 0.435758050732568/0.2596… = 1.678352084550449
    expect(m.z(15, 200)).toBeCloseTo(1.678352084550449, 13);
    expect(m.value(15, 200)).toBe(0.075);
    expect(Number.isFinite(m.z(0, 200))).toBe(true);
  });

  it('widens with τ²: exp(ln θ ± z·√(s(D)² + τ²))', () => {
    // τ² = 0.01: √(0.309318672705478² + 0.01) → 0.026439914693683262 and 0.09455401157543347
    const b = m.limits(200, L95, 0.01);
    expect(b.lower).toBeCloseTo(0.026439914693683262, 15);
    expect(b.upper).toBeCloseTo(0.09455401157543347, 15);
  });
});
