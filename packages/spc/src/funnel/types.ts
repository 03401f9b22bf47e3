/**
 * @module funnel/types
 * Inputs and results of a funnel plot (spc-method.md §5).
 */

/**
 * What is compared:
 * - `proportion` — numerator O of denominator n (O ≤ n), e.g. deaths of admissions;
 * - `ratio` — a standardised ratio O/E, observed over expected (SHMI-style), target 1;
 * - `ratio-of-counts` — O/D for two counts, e.g. events per bed-day.
 */
export type FunnelType = 'proportion' | 'ratio' | 'ratio-of-counts';

/** One organisation. For `ratio` the denominator is the expected count E, for `ratio-of-counts` D. */
export interface FunnelUnitInput {
  readonly unit: string;
  readonly numerator: number;
  readonly denominator: number;
}

/** Options of {@link funnel}. Only `type` is required. */
export interface FunnelOptions {
  readonly type: FunnelType;
  /**
   * Confidence levels in percent, each in (0, 100); default `[95, 99.8]`. 95 and 99.8 use
   * z = 1.959964 and 3.090232 exactly; any other level Φ⁻¹(1 − α/2) with α = 1 − level/100.
   */
  readonly limits?: readonly number[] | undefined;
  /** Estimate overdispersion and use the adjusted limits when φ > 1 (default `true`). */
  readonly overdispersion?: boolean | undefined;
  /** Points in each limit curve, spaced geometrically over the denominators (default 100). */
  readonly curvePoints?: number | undefined;
}

/** Which limit a unit lies beyond: above the upper (`high`), below the lower (`low`), or neither. */
export type FunnelSide = 'high' | 'low' | null;

/** A unit's limits at one confidence level, at the unit's own denominator. */
export interface FunnelUnitLimits {
  /** Confidence level in percent. */
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
  /** Strictly beyond a limit; a value exactly on a limit is inside. */
  readonly crosses: FunnelSide;
}

/** One unit's result. */
export interface FunnelUnitResult {
  readonly unit: string;
  readonly numerator: number;
  readonly denominator: number;
  /** O/n, O/E or O/D. */
  readonly value: number;
  /**
   * The unadjusted z-score (Y − target)/s, before any trimming. For a `ratio` with O = 0 it is
   * −∞ (the spec's √E·ln(O/E)); see {@link FunnelResult.warnings}.
   */
  readonly z: number;
  /** Whether the unit's z-score entered φ and τ² (false only when truncated, for `ratio`). */
  readonly retained: boolean;
  /** Limits at each level, in ascending order of level (adjusted when the result is). */
  readonly limits: readonly FunnelUnitLimits[];
  /** Beyond the widest (highest-level) limits. */
  readonly outlier: FunnelSide;
}

/** A point of a limit curve. */
export interface FunnelCurvePoint {
  readonly denominator: number;
  readonly lower: number;
  readonly upper: number;
}

/** The limits at one level as functions of the denominator. */
export interface FunnelCurve {
  readonly level: number;
  /** The normal quantile used at this level. */
  readonly z: number;
  /** From the smallest to the largest denominator; one point when they are all equal. */
  readonly points: readonly FunnelCurvePoint[];
}

/** The result of {@link funnel}. */
export interface FunnelResult {
  readonly type: FunnelType;
  /** Pooled θ = ΣO/Σn (proportions, ratio of counts) or 1 (standardised ratios). */
  readonly target: number;
  /** Levels in ascending order. */
  readonly levels: readonly number[];
  /** How extremes were trimmed before φ: Winsorised (proportions, ratio of counts) or truncated (ratios). */
  readonly trimming: 'winsorise' | 'truncate';
  /** Whether overdispersion was requested (option `overdispersion`). */
  readonly overdispersion: boolean;
  /** φ = Σz²/N over the retained units with the trimmed z, as measured (also when not used). */
  readonly phi: number;
  /** τ², the between-unit variance, as measured (also when not used). */
  readonly tau2: number;
  /** Whether the limits and flags are the overdispersion-adjusted ones (requested and φ > 1). */
  readonly adjusted: boolean;
  /** N: the number of units whose z-scores entered φ and τ². */
  readonly retained: number;
  /** In input order. */
  readonly units: readonly FunnelUnitResult[];
  /** One curve per level, in ascending order of level. */
  readonly curves: readonly FunnelCurve[];
  /** Notes about the data that a reader of the plot should know (empty when there are none). */
  readonly warnings: readonly string[];
}
