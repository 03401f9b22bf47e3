/**
 * @module funnel/proportions
 * Funnel for proportions O/n on the arcsine (variance-stabilising) scale, spc-method.md §5.
 */
import type { LevelSpec } from './levels.js';
import type { Bounds, FunnelMethod } from './method.js';

const HALF_PI = Math.PI / 2;

/** asin√p, the arcsine transform of a proportion in [0, 1]. */
export function arcsineSqrt(p: number): number {
  return Math.asin(Math.sqrt(p));
}

/** s = 1/(2√n), the standard error of asin√(O/n). */
export function arcsineSe(n: number): number {
  return 1 / (2 * Math.sqrt(n));
}

/** sin²(t) with t clipped to [0, π/2], so that the limit stays in [0, 1] and monotone in t. */
export function sinSquaredClipped(t: number): number {
  const clipped = Math.min(HALF_PI, Math.max(0, t));
  const s = Math.sin(clipped);
  return s * s;
}

/**
 * Limits sin²(asin√θ ± z·spread), the inner term clipped to [0, π/2]; spread = s (unadjusted) or
 * √(s² + τ²) (adjusted).
 */
export function arcsineLimits(theta: number, spread: number, z: number): Bounds {
  const centre = arcsineSqrt(theta);
  return { lower: sinSquaredClipped(centre - z * spread), upper: sinSquaredClipped(centre + z * spread) };
}

/** The proportion funnel around the pooled rate θ = ΣO/Σn. */
export function proportionMethod(totalNumerator: number, totalDenominator: number): FunnelMethod {
  const theta = totalNumerator / totalDenominator;
  const centre = arcsineSqrt(theta);
  return {
    type: 'proportion',
    trimming: 'winsorise',
    target: theta,
    value: (o, n) => o / n,
    se: (_o, n) => arcsineSe(n),
    z: (o, n) => (arcsineSqrt(o / n) - centre) / arcsineSe(n),
    limits: (n: number, level: LevelSpec, tau2: number | null): Bounds => {
      const s = arcsineSe(n);
      const spread = tau2 === null ? s : Math.sqrt(s * s + tau2);
      return arcsineLimits(theta, spread, level.z);
    },
  };
}
