/**
 * @module constants
 * Every statistical constant the engine uses, named once, with its source.
 * docs/deviations.md and the tests refer to these names.
 */

/**
 * Factor from the mean moving range to the 3σ process limits of an XmR chart: 3 / d2 with
 * d2 = 1.128 for subgroups of two, as NHS England's *Making Data Count* rounds it (SPC Charts SQL
 * Query v2.6; Wheeler, *Understanding Variation*). NHSRplotthedots 0.2.2 uses the same 2.66.
 */
export const LIMIT_FACTOR = 2.66;

/**
 * Upper range limit factor D4 for moving ranges of two points (Wheeler): a moving range above
 * 3.267 × m̄R is an outlier when moving-range screening is on (SQL v2.6 `MRUpperLimit`,
 * NHSRplotthedots `ptd_spc_standard`).
 */
export const MOVING_RANGE_OUTLIER_FACTOR = 3.267;

/** d2 for subgroups of two: σ̂ = m̄R / 1.128 (used for Laney's σz). */
export const D2_FOR_TWO = 1.128;

/** Fewer non-ghosted points than this: `mdc` shows a run chart, `nhsr` calls limits trial limits. */
export const MINIMUM_POINTS_FOR_LIMITS = 13;

/** `mdc` warns when a partition that sets limits has fewer points than this (SQL v2.6). */
export const MINIMUM_POINTS_FOR_ASSURANCE = 12;

/** NHSRplotthedots refuses `fix_after_n_points` below this. */
export const MINIMUM_BASELINE_POINTS_NHSR = 12;

/** Shift and trend lengths outside this range earn a warning (spc-method.md §1). */
export const USUAL_RUN_LENGTH_MIN = 6;
export const USUAL_RUN_LENGTH_MAX = 8;

/** T chart: days between events are transformed by d^(1/3.6) before the XmR calculation (Nelson). */
export const T_CHART_EXPONENT = 3.6;

/** G chart: the centre line estimates the median of a geometric distribution as ln 2 · mean. */
export const G_CHART_MEDIAN_FACTOR = 0.693;

/** G chart: upper limit = m + 3·√(m(m+1)). */
export const G_CHART_SIGMA_MULTIPLIER = 3;

/** Making Data Count colours (Making Data Count icon guide). */
export const COLOURS = {
  commonCause: '#A6A6A6',
  improvement: '#00B0F0',
  concern: '#E46C0A',
  neither: '#490092',
  target: '#DE1B1B',
} as const;
