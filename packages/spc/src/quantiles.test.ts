import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  binomialQuantile,
  chiSquareQuantile,
  normalQuantile,
  regularisedGamma,
} from './quantiles.js';

/** |actual − expected| ≤ tol·|expected| (or ≤ tol when expected is 0). */
function expectRelative(actual: number, expected: number, tol: number): void {
  const scale = expected === 0 ? 1 : Math.abs(expected);
  expect(Math.abs(actual - expected) / scale).toBeLessThanOrEqual(tol);
}

// Reference values: python3 + mpmath 1.3 at 50 significant digits, computed from the exact double
// value of each input (not from this code). Φ⁻¹(p) = √2·erfinv(2p − 1) at 800 digits; χ² quantiles
// by bisecting P(df/2, x/2) = p with P(a, x) = xᵃe⁻ˣ/Γ(a+1)·₁F₁(1; a+1; x).
describe('normalQuantile', () => {
  it.each([
    [0.975, 1.9599639845400538],
    [0.999, 3.090232306167813],
    [0.025, -1.9599639845400543],
    [0.001, -3.0902323061678136],
    [0.9995, 3.290526731491926],
    [0.9, 1.2815515655446006],
    [1e-10, -6.361340902404057],
    [1e-300, -37.0470962993612],
    [0.99999, 4.264890793923841],
  ])('Φ⁻¹(%s) = %s', (p, expected) => {
    expectRelative(normalQuantile(p), expected, 1e-13);
  });

  it('matches the published values quoted in spc-method.md to 1e-12', () => {
    expectRelative(normalQuantile(0.975), 1.959963984540054, 1e-12);
    expectRelative(normalQuantile(0.999), 3.090232306167813, 1e-12);
  });

  it('is 0 at ½, ∓∞ at 0 and 1, and odd', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.3)).toBeCloseTo(-normalQuantile(0.7), 15);
  });

  it('refuses a non-probability', () => {
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });
});

describe('regularisedGamma', () => {
  it.each([
    [0.5, 0.1, 0.345279153981423, 0.654720846018577],
    [0.5, 3.0, 0.9856941215645704, 0.01430587843542964],
    [1.0, 2.0, 0.8646647167633873, 0.1353352832366127],
    [2.5, 1.0, 0.15085496391539036, 0.8491450360846097],
    [10.0, 15.0, 0.9301463393005902, 0.06985366069940976],
    // Where @stdlib/math-base-special-gammainc 0.3.1 is wrong (it gives 0.49815 for the first).
    [1000.0, 1000.5, 0.510510710923179, 0.489489289076821],
    [1000.0, 999.67, 0.500041811003558, 0.49995818899644195],
    [1000.0, 1062.9, 0.974962440049443, 0.025037559950557023],
    [5000.0, 5100.0, 0.9206711189223811, 0.07932888107761897],
    [0.01, 1e-5, 0.8963367982671973, 0.1036632017328028],
  ])('P(%s, %s) = %s, Q = %s', (a, x, p, q) => {
    // The prefix xᵃe⁻ˣ/Γ(a) is formed as exp(a·ln x − x − ln Γ(a)): its rounding error grows as
    // a·ε·ln x (≈ 5e-12 at a = 5000), hence the wider tolerance for large a.
    const tol = a > 100 ? 1e-11 : 1e-13;
    const g = regularisedGamma(a, x);
    expectRelative(g.lower, p, tol);
    expectRelative(g.upper, q, tol);
  });

  it('P(1, x) = 1 − e⁻ˣ exactly in form', () => {
    // Q(1, x) = e^(−x): for x = 2, e^(−2) = 0.1353352832366127 (python3 math.exp(-2)).
    expectRelative(regularisedGamma(1, 2).upper, 0.1353352832366127, 1e-14);
  });

  it('handles the ends', () => {
    expect(regularisedGamma(3, 0)).toEqual({ lower: 0, upper: 1 });
    expect(regularisedGamma(3, Infinity)).toEqual({ lower: 1, upper: 0 });
  });
});

describe('chiSquareQuantile', () => {
  it.each([
    [0.025, 2, 0.05063561596857975],
    [0.975, 2, 7.377758908227871],
    [0.001, 2, 0.002001000667167067],
    [0.999, 4, 18.46682695290317],
    [0.025, 0.2, 1.1583420491042897e-16],
    [0.975, 2.2, 7.792017968877614],
    [0.001, 1, 1.57079714926249e-6],
    [0.999, 3, 16.26623619623813],
    [0.025, 20, 9.590777392264867],
    [0.975, 22, 36.78071208403556],
    [0.001, 200, 143.8427949900008],
    [0.999, 202, 269.84863812252894],
    [0.025, 2000, 1877.9460368153905],
    // stdlib 0.2.3 alone gives 2128.23 here and 5317.03 two rows down (errors of 1.6e-4, 4e-5).
    [0.975, 2002, 2127.904272032604],
    [0.001, 5000, 4696.667381735799],
    [0.999, 5002, 5316.793155143785],
    [0.0005, 7000.5, 6617.685312736788],
    [0.9995, 7002.5, 7398.473140716771],
    [0.5, 3000, 2999.3333596771927],
    [0.025, 20000, 19609.904934520368],
    [0.975, 20002, 20395.903249322946],
    [0.1, 0.05, 1.1459648104518462e-40],
    [0.9, 0.05, 0.01707979287152475],
  ])('χ²(%s; %s) = %s', (p, df, expected) => {
    expectRelative(chiSquareQuantile(p, df), expected, 1e-12);
  });

  // The search's other paths (see chiSquareQuantile): either side of df = 20, below which the
  // start may be the inverted series of P near 0; either side of Φ⁻¹(p)² = df/2 (df = 7.68 for
  // p = 0.025, 19.1 for p = 0.001), past which Temme's start keeps ε₁ alone and a second step is
  // taken; far tails, crossed by Newton steps on the logarithm of the tail probability; tiny df;
  // p within 1e-12 of 0 and 1. References: mpmath 1.2.1 at 50 digits, root of
  // P(df/2, x/2) = p (or Q = 1 − p) by Newton steps in ln x on the log of the tail probability.
  it.each([
    [0.001, 19, 5.406816017601797],
    [0.001, 19.2, 5.508708881467784],
    [0.001, 19.99, 5.915840683266768],
    [0.001, 20, 5.921040745487519],
    [0.001, 20.01, 5.926241948058742],
    [0.999, 19.99, 45.299863339661876],
    [0.999, 20.01, 45.32962867164221],
    [0.025, 7.6, 1.9797688246530616],
    [0.025, 7.8, 2.079113596125371],
    [0.975, 7.6, 16.930247791462666],
    [1e-300, 30.5, 2.77329054635589e-19],
    // The previous search (stdlib or Wilson–Hilferty start, Newton steps) stopped far from the
    // next three: at 35.03, 920.04 and 3.517.
    [1e-300, 309, 1.334900970225555],
    [1e-300, 2000, 467.85672858105687],
    [1e-100, 144.5, 2.326924355782768],
    [1e-30, 10, 5.2103444317015676e-6],
    [2 ** -60, 4, 2.6341780330873592e-9],
    [1e-12, 50, 7.83189171411978],
    [1 - 1e-12, 50, 155.33223706034775],
    [1e-12, 5000, 4328.534521253303],
    [1 - 1e-12, 5000, 5736.095939564745],
    [1 - 2 ** -53, 10, 98.4548638916761],
    [0.025, 1e5, 99125.37330064735],
    [0.999, 100002, 101389.70935238012],
  ])('χ²(%s; %s) = %s (starting points, far tails)', (p, df, expected) => {
    expectRelative(chiSquareQuantile(p, df), expected, 1e-12);
  });

  it.each([
    // The previous search gave 0 for the first two.
    [0.5, 0.003, 2.3132365182733597e-201],
    [0.7, 0.0015, 3.270917321820115e-207],
    [0.5, 0.004, 3.4360879872949735e-151],
    [0.999, 0.001, 0.16463164613437178],
  ])('χ²(%s; %s) = %s (tiny df)', (p, df, expected) => {
    // x ≈ (p·Γ(1 + df/2))^(2/df) magnifies the relative error of P by 2/df: 2e-15/df documented.
    expectRelative(chiSquareQuantile(p, df), expected, 2e-15 / df);
  });

  it('is increasing in df across the changes of starting point', () => {
    const decreasing: number[][] = [];
    for (const p of [1e-6, 0.001, 0.025, 0.5, 0.975, 0.999]) {
      let previous = 0;
      for (let df = 0.5; df <= 60; df += 0.01) {
        const x = chiSquareQuantile(p, df);
        if (!(x > previous)) decreasing.push([p, df]);
        previous = x;
      }
    }
    expect(decreasing).toEqual([]);
  });

  it('does not depend on the order of the probabilities asked for (Φ⁻¹ is remembered)', () => {
    // More probabilities than the four remembered, so that each call both evicts and misses.
    const ps = [0.001, 0.025, 0.1, 0.5, 0.9, 0.975, 0.999];
    const forward = ps.map((p) => chiSquareQuantile(p, 37.3));
    const backward = [...ps]
      .reverse()
      .map((p) => chiSquareQuantile(p, 37.3))
      .reverse();
    const again = ps.map((p) => chiSquareQuantile(p, 37.3));
    expect(backward).toEqual(forward);
    expect(again).toEqual(forward);
    // 1 − 0.975 rounds to 0.025000000000000022: the two tails are remembered apart.
    expect(chiSquareQuantile(0.025, 37.3)).toBe(forward[1]);
    expect(chiSquareQuantile(0.975, 37.3)).toBe(forward[5]);
  });

  it('has the closed forms for df = 1 and df = 2', () => {
    // df = 2: x = −2·ln(1 − p). python3: -2*math.log(1-0.9) = 4.605170185988092
    expectRelative(chiSquareQuantile(0.9, 2), 4.605170185988092, 1e-14);
    // df = 1: x = Φ⁻¹((1 + p)/2)² = 1.959963984540054² = 3.841458820694124 (the χ² table's 3.841)
    expectRelative(chiSquareQuantile(0.95, 1), 3.841458820694124, 1e-13);
  });

  it('agrees with the Poisson CDF for even df: P(χ²₂ₖ ≤ x) = P(Poisson(x/2) ≥ k)', () => {
    for (const k of [1, 3, 10, 57, 400, 1500]) {
      for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) {
        const lambda = chiSquareQuantile(p, 2 * k) / 2;
        // P(Poisson(λ) ≤ k − 1) by summing terms in log space, which should equal 1 − p.
        let logTerm = -lambda;
        let sum = Math.exp(logTerm);
        for (let j = 1; j < k; j++) {
          logTerm += Math.log(lambda / j);
          sum += Math.exp(logTerm);
        }
        expect(Math.abs(sum - (1 - p))).toBeLessThan(1e-12 * Math.max(1, Math.sqrt(k)));
      }
    }
  });

  it('is increasing in p and handles the ends', () => {
    const xs = [0.001, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999].map((p) => chiSquareQuantile(p, 3000.5));
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    expect(chiSquareQuantile(0, 5)).toBe(0);
    expect(chiSquareQuantile(1, 5)).toBe(Infinity);
    // Tiny df and p: the quantile underflows to 0 (true value ≈ 10^-60000).
    expect(chiSquareQuantile(0.001, 0.0001)).toBe(0);
  });

  it('refuses bad arguments', () => {
    expect(() => chiSquareQuantile(0.5, 0)).toThrow(RangeError);
    expect(() => chiSquareQuantile(0.5, Infinity)).toThrow(RangeError);
    expect(() => chiSquareQuantile(-0.1, 2)).toThrow(RangeError);
  });
});

describe('binomialCdf', () => {
  // Exact values with python3 fractions: Σⱼ C(n, j)·pʲ(1 − p)ⁿ⁻ʲ.
  it.each([
    [3, 10, 0.5, 0.171875], // 176/1024
    [17, 35, 0.5, 0.5], // symmetric
    [2, 20, 0.1, 0.676926805189466],
    [50, 100, 0.5, 0.5397946186935894],
    [40, 100, 0.5, 0.028443966820490395],
    [0, 5, 0.001, 0.995009990004999],
  ])('P(X ≤ %s), X ~ Bin(%s, %s) = %s', (k, n, p, expected) => {
    expectRelative(binomialCdf(k, n, p), expected, 1e-12);
  });

  it('refuses bad arguments', () => {
    expect(() => binomialCdf(1, 2.5, 0.5)).toThrow(RangeError);
    expect(() => binomialCdf(1, 5, 2)).toThrow(RangeError);
  });
});

describe('binomialQuantile', () => {
  // Anhøj & Olesen (2014) minimum number of crossings, n useful observations:
  // smallest k with P(Bin(n − 1, ½) ≤ k) ≥ 0.05 (checked with python3 fractions).
  it.each([
    [10, 2],
    [11, 2],
    [12, 3],
    [13, 3],
    [14, 4],
    [15, 4],
    [16, 4],
    [17, 5],
    [18, 5],
    [19, 6],
    [20, 6],
    [24, 8],
    [30, 10],
    [40, 14],
    [50, 19],
    [100, 41],
  ])('n = %s → %s crossings', (n, k) => {
    expect(binomialQuantile(0.05, n - 1, 0.5)).toBe(k);
  });

  it('refuses bad arguments', () => {
    expect(() => binomialQuantile(1.2, 5, 0.5)).toThrow(RangeError);
    expect(() => binomialQuantile(0.5, -1, 0.5)).toThrow(RangeError);
  });
});
