/**
 * @module funnel/levels
 * Confidence levels → the normal quantile z and the tail probabilities of the exact Poisson limits.
 */
import { normalQuantile } from '../quantiles.js';
import { FUNNEL_FIXED_LEVELS } from './constants.js';

/** What a level means for the limit formulas. */
export interface LevelSpec {
  /** Confidence level in percent. */
  readonly level: number;
  /** Multiplier of the standard error. */
  readonly z: number;
  /** α/2 and 1 − α/2, for the exact Poisson limits. */
  readonly lowerP: number;
  readonly upperP: number;
}

/**
 * 95 and 99.8 as fixed by spc-method.md §5; any other level α = (100 − level)/100,
 * z = Φ⁻¹(1 − α/2), computed as −Φ⁻¹(α/2) (the same number, without the rounding of 1 − α/2).
 */
export function levelSpec(level: number): LevelSpec {
  const fixed = FUNNEL_FIXED_LEVELS.get(level);
  if (fixed) return { level, ...fixed };
  const halfAlpha = (100 - level) / 200;
  return { level, z: -normalQuantile(halfAlpha), lowerP: halfAlpha, upperP: 1 - halfAlpha };
}
