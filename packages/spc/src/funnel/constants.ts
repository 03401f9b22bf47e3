/**
 * @module funnel/constants
 * The funnel plot's constants, named once, with their source (spc-method.md §5).
 */

/** Default confidence levels in percent: the usual "2σ" and "3σ" funnels (Spiegelhalter 2005). */
export const FUNNEL_DEFAULT_LEVELS: readonly number[] = [95, 99.8];

/**
 * Levels whose z and tail probabilities are fixed by spc-method.md §5 rather than computed:
 * z = 1.959964 and 3.090232 exactly (Φ⁻¹(0.975) and Φ⁻¹(0.999) to six decimals, as the
 * published funnel-plot tools use them), and the exact Poisson limits take α/2 and 1 − α/2 as
 * 0.025 / 0.975 and 0.001 / 0.999.
 */
export const FUNNEL_FIXED_LEVELS: ReadonlyMap<
  number,
  { readonly z: number; readonly lowerP: number; readonly upperP: number }
> = new Map([
  [95, { z: 1.959964, lowerP: 0.025, upperP: 0.975 }],
  [99.8, { z: 3.090232, lowerP: 0.001, upperP: 0.999 }],
]);

/** Default number of points in each limit curve. */
export const FUNNEL_DEFAULT_CURVE_POINTS = 100;

/** Bounds on the `curvePoints` option. */
export const FUNNEL_MIN_CURVE_POINTS = 2;
export const FUNNEL_MAX_CURVE_POINTS = 100_000;

/** Winsorising clamps z-scores to these percentiles (proportions and ratios of counts). */
export const WINSORISE_LOWER_PERCENTILE = 0.1;
export const WINSORISE_UPPER_PERCENTILE = 0.9;

/**
 * Truncation (SHMI-style ratios) drops unit i when its decile ⌊10·rankᵢ/(N+1)⌋ is below
 * `TRUNCATE_BELOW_DECILE` (i.e. 0) or at least `TRUNCATE_FROM_DECILE` (9): the top and bottom 10%.
 */
export const TRUNCATE_BELOW_DECILE = 1;
export const TRUNCATE_FROM_DECILE = 9;
