/**
 * @module funnel/ratios
 * Funnel for standardised ratios O/E (SHMI-style), target 1, spc-method.md §5.
 */
import { chiSquareQuantile } from '../quantiles.js';
import type { LevelSpec } from './levels.js';
import type { Bounds, FunnelMethod } from './method.js';

/**
 * Exact Poisson limits for O/E at expected count E:
 * lower = χ²(α/2; 2E)/(2E), upper = χ²(1 − α/2; 2(E+1))/(2E).
 */
export function exactPoissonLimits(expected: number, level: LevelSpec): Bounds {
  const twoE = 2 * expected;
  return {
    lower: chiSquareQuantile(level.lowerP, twoE) / twoE,
    upper: chiSquareQuantile(level.upperP, twoE + 2) / twoE,
  };
}

/** Adjusted limits exp(± z·√(1/E + τ²)). */
export function logNormalRatioLimits(expected: number, tau2: number, level: LevelSpec): Bounds {
  const spread = Math.sqrt(1 / expected + tau2);
  return { lower: Math.exp(-level.z * spread), upper: Math.exp(level.z * spread) };
}

/**
 * z = √E·ln(O/E), i.e. Y = ln(O/E), s = 1/√E, target 0.
 *
 * O = 0 gives ln 0 = −∞, so z = −∞ (the spec's formula, kept: JavaScript's arithmetic makes it
 * exactly −Infinity, never NaN, since E > 0 is validated). Such a unit ranks lowest and is
 * truncated before φ whenever it falls in the bottom decile (with N ≥ 10 units and few zeros);
 * if it is retained, φ and τ² are +∞ and the adjusted limits are 0 and +∞ — the data then give
 * no usable estimate of overdispersion, and {@link funnel} says so in a warning.
 */
export function ratioZ(observed: number, expected: number): number {
  return Math.sqrt(expected) * Math.log(observed / expected);
}

/** The standardised-ratio funnel. */
export function ratioMethod(): FunnelMethod {
  return {
    type: 'ratio',
    trimming: 'truncate',
    target: 1,
    value: (o, e) => o / e,
    se: (_o, e) => 1 / Math.sqrt(e),
    z: ratioZ,
    limits: (e: number, level: LevelSpec, tau2: number | null): Bounds =>
      tau2 === null ? exactPoissonLimits(e, level) : logNormalRatioLimits(e, tau2, level),
  };
}
