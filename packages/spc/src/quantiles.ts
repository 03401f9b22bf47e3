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
 * for the prefix, found as stdlib's `gammaincinv` finds it (Gil, Segura & Temme 2012: Temme's
 * asymptotic inversion, then fourth-order steps), usually from a single evaluation of the
 * function. Checked against 50-digit mpmath values in quantiles.test.ts. (Cephes itself, as the
 * npm package `cephes`, was not used: its ES-module build compiles WebAssembly asynchronously, so
 * it cannot serve a synchronous pure function, and it is ~140 KB gzipped.)
 */
import erfcinv from '@stdlib/math-base-special-erfcinv';
import gammaln from '@stdlib/math-base-special-gammaln';
import binomialCdfLib from '@stdlib/stats-base-dists-binomial-cdf';
import binomialQuantileLib from '@stdlib/stats-base-dists-binomial-quantile';

const EPSILON = Number.EPSILON;
/** Smallest magnitude kept in the modified Lentz algorithm (avoids division by zero). */
const TINY = 1e-300;
/** Upper bound on series / continued-fraction terms; both converge in O(√a) terms. */
const MAX_TERMS = 10_000_000;
/** Upper bound on steps in {@link chiSquareQuantile} (one or two are typical). */
const MAX_STEPS = 200;
/** A step whose estimated error is below this fraction of x is the last. */
const STEP_ERROR = 1e-17;
/** Below this shape (df = 20), or far in the lower tail, the search may start from the series of P near 0. */
const SMALL_SHAPE = 10;

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

/**
 * The series of P(a, x) without its prefix: P(a, x) = xᵃe⁻ˣ/Γ(a) · Σₙ xⁿ/(a(a+1)…(a+n)).
 * Meant for x < a + 1, where its terms decrease from the first.
 */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  let ap = a;
  for (let n = 0; n < MAX_TERMS; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (term < sum * EPSILON) break;
  }
  return sum;
}

/**
 * The continued fraction of Q(a, x) without its prefix (modified Lentz), meant for x ≥ a + 1:
 * Q(a, x) = xᵃe⁻ˣ/Γ(a) · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))).
 */
function upperFraction(a: number, x: number): number {
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
  return h;
}

/**
 * P(a, x) when `lower`, else Q(a, x), given the prefix xᵃe⁻ˣ/Γ(a): from the series or the
 * continued fraction, whichever tail that is small enough to keep its relative precision.
 */
function tailProbability(a: number, x: number, prefix: number, lower: boolean): number {
  if (x < a + 1) {
    const p = Math.min(1, prefix * lowerSeries(a, x));
    return lower ? p : 1 - p;
  }
  const q = Math.min(1, prefix * upperFraction(a, x));
  return lower ? 1 - q : q;
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
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  const prefix = Math.exp(a * Math.log(x) - x - gammaln(a));
  if (x < a + 1) {
    const lower = Math.min(1, prefix * lowerSeries(a, x));
    return { lower, upper: 1 - lower };
  }
  const upper = Math.min(1, prefix * upperFraction(a, x));
  return { lower: 1 - upper, upper };
}

/**
 * Taylor coefficients in η of λ(η) − 1, where λ − 1 − ln λ = η²/2 and λ − 1 has the sign of η
 * (the variable of Temme's uniform expansion, x = aλ). Computed exactly with python3 `fractions`
 * by reverting η = μ·√(2(μ − ln(1 + μ)))/μ, μ = λ − 1; the series converges for |η| < 2√π.
 */
const LAMBDA_SERIES = [
  0, 1, 0.3333333333333333, 0.027777777777777776, -0.003703703703703704, 0.0002314814814814815,
  5.878894767783657e-5, -2.553644914756026e-5, 4.899078973153047e-6, -2.428276122977769e-7,
  -1.85406221071516e-7, 7.542464855411896e-8, -1.47216272806884e-8, 5.159887341078076e-10,
];

/**
 * Taylor coefficients in η₀ of ε₁, ε₂, ε₃ in Temme's asymptotic inversion of the incomplete
 * gamma function (N. M. Temme, Math. Comp. 58 (1992) 755–764; also A. Gil, J. Segura,
 * N. M. Temme, SIAM J. Sci. Comput. 34 (2012) A2965): P(a, aλ(η)) = p for
 * η = η₀ + ε₁(η₀)/a + ε₂(η₀)/a² + ε₃(η₀)/a³ + O(a⁻⁴), where Φ(η₀√a) = p. With f = η/(λ − 1),
 * g = ln f: ε₁ = g/η, ε₂ = (g′ε₁ + ε₁′ − ε₁²/2 − 1/12)/η and
 * ε₃ = (g′ε₂ + g″ε₁²/2 + ε₂′ − ε₁′²/2 − ε₁ε₂)/η (matching powers of 1/a in
 * e^(−aη²/2)·f(η)·dη/dη₀ = Γ*(a)·e^(−aη₀²/2), ln Γ*(a) = 1/(12a) + O(a⁻³)), expanded exactly with
 * python3 `fractions`: ε₁(0) = −1/3, ε₂(0) = −7/405. They agree with the rational
 * approximations of stdlib's `gammaincinv` (Gil et al.'s code) to its 1e-9.
 */
const EPS1_SERIES = [
  -0.3333333333333333, 0.027777777777777776, 0.0006172839506172839, -0.0010802469135802468,
  0.0002755731922398589, -2.8741263309164543e-5, -6.185087203605722e-6, 3.776373375138807e-6,
  -9.120511014991658e-7, 7.735470535130866e-8,
];
const EPS2_SERIES = [
  -0.01728395061728395, -0.002700617283950617, 0.002611209092690574, -0.0007520766651425087,
  6.229995427526292e-5, 4.055292003251537e-5, -2.1264630522937184e-5,
];
const EPS3_SERIES = [
  0.004399372917891437, -0.003007782731290962, 0.0007956376423454613, 6.554653913335898e-5,
];

function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + coefficients[i]!;
  return sum;
}

/** λ(η) − 1 (see {@link LAMBDA_SERIES}): the series for |η| ≤ 1, Newton steps beyond. */
function lambdaMinusOne(eta: number): number {
  if (Math.abs(eta) <= 1) return polynomial(LAMBDA_SERIES, eta);
  const s = (eta * eta) / 2;
  // λ − ln λ = 1 + s: λ ≈ 1 + s + ln(1 + s) above 1, λ ≈ e^(−1−s) below. Newton's iterates on
  // this convex function approach the root from one side after the first step.
  let lambda = eta > 0 ? 1 + s + Math.log1p(s) : Math.exp(-1 - s);
  for (let i = 0; i < 20; i++) {
    const next = (lambda * (s + Math.log(lambda))) / (lambda - 1);
    const done = Math.abs(next - lambda) <= 1e-12 * next;
    lambda = next;
    if (done) break;
  }
  return lambda - 1;
}

/**
 * The last four tail probabilities given to {@link normalUpperQuantile} and their quantiles, as
 * (q, Φ⁻¹(1 − q)) pairs: a funnel plot asks for the same two or four (α/2 and 1 − α/2 of each
 * level) thousands of times, and `erfcinv` is a sixth of a χ² quantile's time.
 */
const NORMAL_QUANTILE_CACHE = new Float64Array(8).fill(Number.NaN);
let normalQuantileCacheNext = 0;

/** Φ⁻¹(1 − q) = √2·erfc⁻¹(2q), remembered for the last four q. */
function normalUpperQuantile(q: number): number {
  for (let i = 0; i < 8; i += 2) {
    if (NORMAL_QUANTILE_CACHE[i] === q) return NORMAL_QUANTILE_CACHE[i + 1]!;
  }
  const z = Math.SQRT2 * erfcinv(2 * q);
  NORMAL_QUANTILE_CACHE[normalQuantileCacheNext] = q;
  NORMAL_QUANTILE_CACHE[normalQuantileCacheNext + 1] = z;
  normalQuantileCacheNext = (normalQuantileCacheNext + 2) % 8;
  return z;
}

/**
 * A starting point for the root x of P(a, x) = p (gamma scale), close enough that one or two
 * fourth-order steps reach it (see {@link chiSquareQuantile}); `z` = Φ⁻¹(p).
 */
function gammaQuantileStart(a: number, z: number, p: number, logGammaA: number): number {
  const eta0 = z / Math.sqrt(a);
  if (a < SMALL_SHAPE || eta0 < -1) {
    // Near 0: P(a, x) = xᵃ/Γ(a+1)·(1 + x/(a+1) + …), inverted as a series in
    // r = (p·Γ(a+1))^(1/a) (Gil, Segura & Temme 2012, eq. 4.3). ln Γ(a+1) = ln Γ(a) + ln a.
    const logR = (Math.log(p) + logGammaA + Math.log(a)) / a;
    if (logR < Math.log(0.2 * (1 + a))) {
      const r = Math.exp(logR);
      const a1 = a + 1;
      const c2 = (0.5 * (3 * a + 5)) / (a1 * a1 * (a + 2));
      const c3 = (8 * a * a + 33 * a + 31) / (3 * a1 * a1 * a1 * (a + 2) * (a + 3));
      return r * (1 + r * (1 / a1 + r * (c2 + r * c3)));
    }
  }
  // Temme's asymptotic inversion; beyond |η₀| = 1 (a < z², small a or far tails) only ε₁, in
  // closed form, as the series there converge slowly.
  let eta: number;
  if (Math.abs(eta0) <= 1) {
    const e1 = polynomial(EPS1_SERIES, eta0);
    const e2 = polynomial(EPS2_SERIES, eta0);
    const e3 = polynomial(EPS3_SERIES, eta0);
    eta = eta0 + (e1 + (e2 + e3 / a) / a) / a;
  } else {
    eta = eta0 + Math.log(eta0 / lambdaMinusOne(eta0)) / (eta0 * a);
  }
  return a * (1 + lambdaMinusOne(eta));
}

/**
 * Quantile of the χ² distribution with `df` degrees of freedom: the x with P(X ≤ x) = p.
 * `df` need not be a whole number (exact Poisson limits use df = 2E).
 *
 * The root of F(x) = p for the regularised incomplete gamma function F (see
 * {@link regularisedGamma}), on the gamma scale (χ² = 2·Gamma(df/2)), found the way of Gil,
 * Segura & Temme (2012): a starting point from Temme's asymptotic inversion (or, near 0, the
 * inverted series of P), then fourth-order (Schröder) steps, each from one evaluation of F in
 * the tail that holds p (lower tail for p < ½, upper tail with 1 − p otherwise), keeping the
 * root bracketed. The search stops when the estimated error of the step just taken is far below
 * rounding, without evaluating F again: one evaluation is enough whenever Φ⁻¹(p)² ≤ df/2 (for
 * 0.001 ≤ p ≤ 0.999, from df = 19.1), a few otherwise (small df, far tails). See the module
 * comment for why stdlib's quantile is not used. Agrees with 50-digit references to about 1e-13
 * relative for 0.05 ≤ df ≤ 2·10⁴, far tails included (p down to 1e-300), and 2e-12 up to
 * df = 2·10⁶; below df = 0.05 the error grows as about 2e-15/df.
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
  const logGammaA = gammaln(a); // once per call, not per step
  const z = lowerTail ? -normalUpperQuantile(tail) : normalUpperQuantile(tail);
  let x = gammaQuantileStart(a, z, p, logGammaA);
  if (!(x > 0 && Number.isFinite(x))) {
    // The start underflows once the quantile is below about 1e-300 (tiny df and p). The answer
    // is 0 if even the smallest positive double is past p; otherwise start from there.
    const prefixAtMin = Math.exp(a * Math.log(Number.MIN_VALUE) - logGammaA);
    const tailAtMin = tailProbability(a, Number.MIN_VALUE, prefixAtMin, lowerTail);
    if (lowerTail ? tailAtMin >= tail : tailAtMin <= tail) return 0;
    x = Number.isFinite(x) ? Number.MIN_VALUE : a;
  }
  // Steps towards the root of excess(x) = F(x) − p = 0 (increasing in x), keeping it bracketed by
  // [lo, hi]. F is evaluated in the tail that holds p, as `tailValue` (F(x) for p < ½, 1 − F(x)
  // otherwise), with `prefix` = xᵃe⁻ˣ/Γ(a), which is x times the density F′(x). With Newton's
  // step t = −excess(x)/F′(x), the root is x + t·(1 + c₁t + c₂t² + …), where c₁ = −F″/(2F′) and
  // c₂ = (3F″² − F′F‴)/(6F′²) follow from F″/F′ = (a−1)/x − 1 (Schröder's fourth-order step, the
  // one Gil, Segura & Temme use). The terms c₁t, c₂t² shrink geometrically once the start is
  // close, with ratio ρ = max(|c₁t|, √|c₂t²|), so the step's error is about |t|·ρ³: once that is
  // far within rounding of x the step is taken and the search ends without evaluating F again.
  // While the tail probability is off by more than a factor of 2, the step is Newton's on its
  // logarithm instead, in ln x for the lower tail (P ≈ C·xᵃ near 0) and in x for the upper
  // (Q ≈ C·x^(a−1)·e⁻ˣ far out), which crosses many orders of magnitude in a few steps.
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < MAX_STEPS; i++) {
    const prefix = Math.exp(a * Math.log(x) - x - logGammaA);
    const tailValue = tailProbability(a, x, prefix, lowerTail);
    const e = lowerTail ? tailValue - tail : tail - tailValue;
    if (e === 0) break;
    if (e > 0) hi = x;
    else lo = x;
    const ratio = tailValue / tail;
    let next: number;
    if (ratio > 2 || ratio < 0.5) {
      const logRatio = Math.log(ratio);
      next = lowerTail
        ? x * Math.exp((-logRatio * tailValue) / prefix)
        : x + (logRatio * tailValue * x) / prefix;
    } else {
      // Newton's step relative to x, t/x = −excess/(x·F′), and the next two terms, also
      // relative to x (NaN or ±∞ when the density underflows: then bisect).
      const r = -e / prefix;
      const u = x - a + 1;
      const c1t = 0.5 * u * r;
      const c2t2 = ((2 * u * u + a - 1) / 6) * r * r;
      const highOrder = Math.abs(c1t) <= 0.25 && Math.abs(c2t2) <= 0.25;
      const step = x * (highOrder ? r * (1 + c1t + c2t2) : r);
      next = x + step;
      const inside = next > lo && next < hi;
      const rho = Math.max(Math.abs(c1t), Math.sqrt(Math.abs(c2t2)));
      if (
        Math.abs(step) <= 4 * EPSILON * x ||
        (inside && highOrder && Math.abs(r) * rho ** 3 <= STEP_ERROR)
      ) {
        if (inside) x = next;
        break;
      }
    }
    if (!(next > lo && next < hi)) {
      // The step left the bracket: bisect it geometrically; while it is open at one end, move by
      // a factor of 4 (or square root x below ¼, halving its exponent), or below x = ¼ square x
      // (doubling its exponent, so 1e-300 is near in 10 steps).
      next =
        hi === Infinity
          ? Math.max(x * 4, Math.sqrt(x))
          : lo === 0
            ? Math.min(x / 4, x * x)
            : Math.sqrt(lo) * Math.sqrt(hi);
      if (!(next > lo && next < hi)) break; // the bracket is down to adjacent numbers
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
