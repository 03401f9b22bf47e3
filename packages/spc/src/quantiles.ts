/**
 * @module quantiles
 * Distribution functions the engine needs (funnel-plot limits, run-chart crossings), taken from
 * the stdlib numerical library (`@stdlib/*`, Apache-2.0) rather than written here.
 *
 * One exception, with its reason: the χ² quantile. `@stdlib/math-base-special-gammainc` 0.3.1,
 * under stdlib's χ² quantile, evaluates the regularised incomplete gamma function by an asymptotic
 * series whenever x > 1000 and a < x + 50 (a branch inherited from Boost ≤ 1.68, Boost issue 168).
 * With a close to x that series is badly wrong (P(1000, 1000.5) comes out 0.498 instead of
 * 0.5105), so stdlib's χ² quantile is off by up to 1e-3 (relative) for upper-tail probabilities
 * once df ≳ 2000 — exactly the exact Poisson limits of units with more than about 1000 expected
 * events (SHMI trusts have 500–5000). {@link chiSquareQuantile} is therefore the root of the
 * regularised incomplete gamma function computed here by its textbook series and continued
 * fraction (Numerical Recipes §6.2, the method of Cephes `igam`/`igamc`), with stdlib's `gammaln`
 * for the prefix; stdlib's quantile is kept as the starting point for small df. Checked against
 * 50-digit mpmath values in quantiles.test.ts. (Cephes itself, as the npm package `cephes`, was
 * not used: its ES-module build compiles WebAssembly asynchronously, so it cannot serve a
 * synchronous pure function, and it is ~140 KB gzipped.)
 */
import erfcinv from '@stdlib/math-base-special-erfcinv';
import gammaln from '@stdlib/math-base-special-gammaln';
import binomialCdfLib from '@stdlib/stats-base-dists-binomial-cdf';
import binomialQuantileLib from '@stdlib/stats-base-dists-binomial-quantile';
import chiSquareQuantileLib from '@stdlib/stats-base-dists-chisquare-quantile';

const EPSILON = Number.EPSILON;
/** Smallest magnitude kept in the modified Lentz algorithm (avoids division by zero). */
const TINY = 1e-300;
/** Upper bound on series / continued-fraction terms; both converge in O(√a) terms. */
const MAX_TERMS = 10_000_000;
/** Upper bound on Newton / bisection steps in {@link chiSquareQuantile} (two to four are typical). */
const MAX_NEWTON_STEPS = 200;
/** From this shape (df = 100) the χ² quantile starts from the Wilson–Hilferty approximation. */
const WILSON_HILFERTY_FROM_SHAPE = 50;

function checkProbability(name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${name} must be a probability in [0, 1] (got ${p})`);
}

/**
 * Quantile of the standard normal distribution, Φ⁻¹(p).
 *
 * Computed as ∓√2·erfc⁻¹(2·min(p, 1 − p)) with stdlib's `erfcinv`, so that both tails keep full
 * relative precision (1 − p is exact for p ≥ ½). Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞.
 *
 * @throws {RangeError} when p is not in [0, 1].
 * @example normalQuantile(0.975) // 1.9599639845400538 (1.959963984540054 to 16 digits)
 */
export function normalQuantile(p: number): number {
  checkProbability('p', p);
  return p < 0.5 ? -Math.SQRT2 * erfcinv(2 * p) : Math.SQRT2 * erfcinv(2 * (1 - p));
}

/** P(a, x), Q(a, x) and ln(xᵃ·e⁻ˣ/Γ(a)), the prefix they share (also x times the gamma density). */
interface GammaTails {
  readonly lower: number;
  readonly upper: number;
  readonly logPrefix: number;
}

/** {@link regularisedGamma} with ln Γ(a) supplied, so that a quantile search computes it once. */
function gammaTails(a: number, x: number, logGammaA: number): GammaTails {
  if (x <= 0) return { lower: 0, upper: 1, logPrefix: -Infinity };
  if (x === Infinity) return { lower: 1, upper: 0, logPrefix: -Infinity };
  const logPrefix = a * Math.log(x) - x - logGammaA;
  const prefix = Math.exp(logPrefix);
  if (x < a + 1) {
    // P(a, x) = xᵃe⁻ˣ/Γ(a+1) · Σₙ xⁿ / ((a+1)(a+2)…(a+n))
    let term = 1 / a;
    let sum = term;
    let ap = a;
    for (let n = 0; n < MAX_TERMS; n++) {
      ap += 1;
      term *= x / ap;
      sum += term;
      if (term < sum * EPSILON) break;
    }
    const lower = Math.min(1, sum * prefix);
    return { lower, upper: 1 - lower, logPrefix };
  }
  // Q(a, x) = xᵃe⁻ˣ/Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))), modified Lentz.
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  const upper = Math.min(1, prefix * h);
  return { lower: 1 - upper, upper, logPrefix };
}

/**
 * Regularised incomplete gamma functions P(a, x) (lower) and Q(a, x) = 1 − P (upper), a > 0,
 * x ≥ 0. Each is computed in the tail where it is small enough to keep its relative precision:
 * the series for P when x < a + 1, the continued fraction for Q otherwise; the other is 1 minus
 * it. The prefix xᵃe⁻ˣ/Γ(a) is formed as exp(a·ln x − x − ln Γ(a)) with stdlib's `gammaln`, so
 * the relative error grows as a·ε·ln x: about 5e-12 at a = 5000 (which moves a quantile by far
 * less, see {@link chiSquareQuantile}).
 *
 * Exported for tests and for {@link chiSquareQuantile}; not part of the package's API.
 */
export function regularisedGamma(a: number, x: number): { readonly lower: number; readonly upper: number } {
  const { lower, upper } = gammaTails(a, x, gammaln(a));
  return { lower, upper };
}

/**
 * Quantile of the χ² distribution with `df` degrees of freedom: the x with P(X ≤ x) = p.
 * `df` need not be a whole number (exact Poisson limits use df = 2E).
 *
 * The root of F(x) = p for the regularised incomplete gamma function F (see
 * {@link regularisedGamma}), found by bracketed Newton steps in the tail that holds p (lower tail
 * for p < ½, upper tail with 1 − p otherwise), starting from
 * `@stdlib/stats-base-dists-chisquare-quantile` (df < 100) or the Wilson–Hilferty approximation.
 * See the module comment for why stdlib's value is not used as it is. Agrees with 50-digit
 * references to about 1e-13 relative for 0.05 ≤ df ≤ 2·10⁴ (2e-12 up to df = 2·10⁶).
 *
 * @throws {RangeError} when p is not in [0, 1] or df is not a positive finite number.
 * @example chiSquareQuantile(0.975, 2) // 7.377758908227871 (= −2·ln 0.025 = 7.3777589082278725)
 */
export function chiSquareQuantile(p: number, df: number): number {
  checkProbability('p', p);
  if (!(df > 0 && Number.isFinite(df))) {
    throw new RangeError(`df must be a positive finite number (got ${df})`);
  }
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  const a = df / 2;
  const lowerTail = p < 0.5;
  const tail = lowerTail ? p : 1 - p; // 1 − p is exact for p ≥ ½
  // excess(x) = F(x) − p, increasing in x, computed from the tail that holds p.
  const logGammaA = gammaln(a);
  const excess = (x: number): { readonly e: number; readonly logPrefix: number } => {
    const g = gammaTails(a, x, logGammaA);
    return { e: lowerTail ? g.lower - tail : tail - g.upper, logPrefix: g.logPrefix };
  };

  // Starting point on the gamma scale (χ² = 2·Gamma(a)). It only decides how many steps are
  // needed, never the answer: stdlib's quantile below df = 100, where it is right and a simple
  // approximation is not; above, the Wilson–Hilferty cube (within about 1e-3 there), which costs
  // a twentieth of stdlib's call.
  let x: number;
  if (a < WILSON_HILFERTY_FROM_SHAPE) {
    x = chiSquareQuantileLib(p, df) / 2;
  } else {
    const c = 2 / (9 * df);
    x = (df / 2) * (1 - c + normalQuantile(p) * Math.sqrt(c)) ** 3;
  }
  if (!(x > 0 && Number.isFinite(x))) {
    // stdlib gives 0 once the quantile is below about 1e-150 (tiny df and p). The answer is 0 if
    // even the smallest positive double is past p; otherwise start from the leading term of the
    // series, P(a, x) ≈ xᵃ/Γ(a+1) for small x, i.e. x ≈ (p·Γ(a+1))^(1/a).
    if (excess(Number.MIN_VALUE).e >= 0) return 0;
    x = lowerTail ? Math.max(Number.MIN_VALUE, Math.exp((Math.log(tail) + gammaln(a + 1)) / a)) : a;
    if (!Number.isFinite(x)) x = a;
  }
  // Newton steps on excess(x) = 0, keeping the root bracketed by [lo, hi]. Newton's error after a
  // step is |F''/(2F')|·step² = |((a−1)/x − 1)/2|·step²: once that is within rounding of x the step
  // is taken and the search ends. It also ends when, already below 1e-9·x, the step no longer
  // halves: the noise floor of the computed CDF (≈ 1e-13 relative in x) has been reached.
  let lo = 0;
  let hi = Infinity;
  let previousStep = Infinity;
  for (let i = 0; i < MAX_NEWTON_STEPS; i++) {
    const { e, logPrefix } = excess(x);
    if (e === 0) break;
    if (e > 0) hi = x;
    else lo = x;
    const density = Math.exp(logPrefix) / x;
    let next = x - e / density; // NaN or ±∞ when the density underflows: bisect instead
    const step = Math.abs(next - x);
    const inside = next > lo && next < hi;
    if (inside && step <= 1e-6 * x && Math.abs((a - 1) / x - 1) * step * step <= 4 * EPSILON * x) {
      x = next;
      break;
    }
    if (step <= 4 * EPSILON * x || (step <= 1e-9 * x && step >= previousStep / 2)) {
      if (inside) x = next;
      break;
    }
    if (inside) {
      previousStep = step;
    } else {
      // Newton left the bracket: bisect it geometrically; while it is open at one end, move by a
      // factor of 4, or below x = ¼ square x (doubling its exponent, so 1e-300 is near in 10 steps).
      next = hi === Infinity ? x * 4 : lo === 0 ? Math.min(x / 4, x * x) : Math.sqrt(lo * hi);
      previousStep = Infinity;
    }
    x = next;
  }
  return 2 * x;
}

/**
 * Cumulative distribution function of the binomial distribution, P(X ≤ k) for
 * X ~ Binomial(n, p) (stdlib `binomial-cdf`, via the regularised incomplete beta function).
 * k need not be whole: P(X ≤ k) = P(X ≤ ⌊k⌋).
 *
 * @throws {RangeError} when n is not a whole number ≥ 0 or p is not in [0, 1].
 * @example binomialCdf(3, 10, 0.5) // 0.171875 (= 176/1024)
 */
export function binomialCdf(k: number, n: number, p: number): number {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`n must be a whole number ≥ 0 (got ${n})`);
  checkProbability('p', p);
  if (Number.isNaN(k)) throw new RangeError('k must be a number (got NaN)');
  return binomialCdfLib(k, n, p);
}

/**
 * Quantile of the binomial distribution: the smallest whole k with P(X ≤ k) ≥ r for
 * X ~ Binomial(n, p) (stdlib `binomial-quantile`). Anhøj's minimum number of crossings in a run
 * chart of n useful points is `binomialQuantile(0.05, n - 1, 0.5)`.
 *
 * The comparison with r is made on the computed CDF, so where P(X ≤ k) equals r exactly in real
 * arithmetic (e.g. r = ½ for the median of Binomial(35, ½)) rounding may give k + 1.
 *
 * @throws {RangeError} when r or p is not in [0, 1], or n is not a whole number ≥ 0.
 * @example binomialQuantile(0.05, 19, 0.5) // 6
 */
export function binomialQuantile(r: number, n: number, p: number): number {
  checkProbability('r', r);
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`n must be a whole number ≥ 0 (got ${n})`);
  checkProbability('p', p);
  return binomialQuantileLib(r, n, p);
}
