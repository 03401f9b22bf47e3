/**
 * @module funnel/ratio-of-counts
 * Funnel for a ratio of two counts O/D on the log scale, spc-method.md §5.
 */
import type { LevelSpec } from './levels.js';
import type { Bounds, FunnelMethod } from './method.js';

/** s = √(O/(O+½)² + D/(D+½)²), the standard error of ln((O+½)/(D+½)). */
export function logRatioSe(o: number, d: number): number {
  return Math.sqrt(o / (o + 0.5) ** 2 + d / (d + 0.5) ** 2);
}

/** The ratio-of-counts funnel around θ = ΣO/ΣD (which must be > 0: validated by the caller). */
export function ratioOfCountsMethod(totalNumerator: number, totalDenominator: number): FunnelMethod {
  const theta = totalNumerator / totalDenominator;
  const logTheta = Math.log(theta);
  return {
    type: 'ratio-of-counts',
    trimming: 'winsorise',
    target: theta,
    value: (o, d) => o / d,
    se: logRatioSe,
    // Y = ln((O+½)/(D+½)), target ln θ.
    z: (o, d) => (Math.log((o + 0.5) / (d + 0.5)) - logTheta) / logRatioSe(o, d),
    // exp(ln θ ± z·s(D)) with s(D) evaluated at O = θD; adjusted: √(s(D)² + τ²).
    limits: (d: number, level: LevelSpec, tau2: number | null): Bounds => {
      const s = logRatioSe(theta * d, d);
      const spread = tau2 === null ? s : Math.sqrt(s * s + tau2);
      return { lower: Math.exp(logTheta - level.z * spread), upper: Math.exp(logTheta + level.z * spread) };
    },
  };
}
