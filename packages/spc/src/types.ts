/**
 * @module types
 * The engine's public vocabulary: inputs, options, results.
 */

/** A period: a number (day number, timestamp, sequence) or an ISO date string. One type per series. */
export type Period = number | string;

export type Preset = 'mdc' | 'nhsr';
export type Direction = 'increase' | 'decrease' | 'neutral';
/** `pp` and `up` are Laney's p′ and u′. */
export type AttributeChartType = 'p' | 'pp' | 'u' | 'up' | 'c';
export type ChartType = 'xmr' | 't' | 'g' | 'run' | AttributeChartType;

/** A rule's result at one point. */
export type Side = 'high' | 'low' | 'both' | null;

export type PointType = 'common_cause' | 'improvement' | 'concern' | 'neither_high' | 'neither_low';

export type VariationIcon =
  | 'common_cause'
  | 'improvement_high'
  | 'improvement_low'
  | 'concern_high'
  | 'concern_low'
  | 'neither_high'
  | 'neither_low'
  | 'none';

export type AssuranceIcon = 'pass' | 'fail' | 'hit_or_miss';

/** A series in period order, as parallel arrays. Only `values` is required. */
export interface SeriesInput {
  readonly values: readonly number[];
  /** Strictly increasing periods; without them the point's index is its period. */
  readonly periods?: readonly Period[] | undefined;
  /** `true` leaves the point out of every calculation; it is still drawn. */
  readonly ghosts?: readonly boolean[] | undefined;
  /** `true` starts a new partition (limits recalculated) at the point. */
  readonly rebases?: readonly boolean[] | undefined;
  /** Target per point (a target that changes over time); `null` where there is none. */
  readonly targets?: readonly (number | null)[] | undefined;
}

/**
 * Input of an attribute chart: a numerator and a denominator per point (p, p′: events out of
 * cases; u, u′: events per unit of exposure). A c chart takes counts as `numerators` and no
 * denominators.
 */
export interface AttributeInput {
  readonly numerators: readonly number[];
  readonly denominators?: readonly number[] | undefined;
  readonly periods?: readonly Period[] | undefined;
  readonly ghosts?: readonly boolean[] | undefined;
  readonly rebases?: readonly boolean[] | undefined;
  readonly targets?: readonly (number | null)[] | undefined;
}

/** Input of a T chart: the dates of the events themselves. */
export interface EventInput {
  /** Event dates: day numbers or ISO dates (`YYYY-MM-DD`), in order; equal dates are events on one day. */
  readonly dates: readonly Period[];
  readonly ghosts?: readonly boolean[] | undefined;
  readonly rebases?: readonly boolean[] | undefined;
}

export type Baseline = { readonly points: number } | { readonly until: Period };

/**
 * Options of an analysis. A preset only supplies defaults; every option can be set on its own.
 * See docs/deviations.md for what each preset sets and why.
 */
export interface SpcOptions {
  readonly preset?: Preset | undefined;
  readonly direction?: Direction | undefined;
  /** A constant target; per-point `targets` in the input take precedence. */
  readonly target?: number | null | undefined;
  /** Periods at which a new partition starts (in addition to per-point `rebases`). */
  readonly rebaseAt?: readonly Period[] | undefined;
  readonly baseline?: Baseline | null | undefined;
  /**
   * `fixed` (mdc): the baseline is a partition of its own and the next partition inherits its
   * limits. `restart` (nhsr): every partition computes its lines from its own first N points.
   */
  readonly baselineMode?: 'fixed' | 'restart' | undefined;
  readonly screenOutliers?: boolean | undefined;
  /** `mdc`: keep mR ≤ 3.267·m̄R and recompute the mean too; `nhsr`: keep mR < 3.267·m̄R, m̄R only. */
  readonly screenRule?: Preset | undefined;
  readonly shiftLength?: number | undefined;
  readonly trendLength?: number | undefined;
  readonly trendAcrossPartitions?: boolean | undefined;
  /** Whether a point beyond the process limit counts towards two-of-three beyond 2σ. */
  readonly twoOfThreeCountsBeyondLimits?: boolean | undefined;
  /** Which side wins when a point signals on both: `precedence` is nhsr's rule order. */
  readonly conflictRule?: 'improvement' | 'concern' | 'precedence' | undefined;
  readonly minimumPoints?: number | undefined;
  /** Below the minimum: `run_chart` (mdc: no limits, flags or icons) or `trial_limits` (nhsr: warn). */
  readonly belowMinimum?: 'run_chart' | 'trial_limits' | undefined;
  /** A target exactly on a limit: `inclusive` (mdc) counts it as pass/fail, `exclusive` (nhsr) as hit or miss. */
  readonly assuranceOnLimit?: 'inclusive' | 'exclusive' | undefined;
  /** The smallest baseline accepted (nhsr: 12); 1 accepts any. */
  readonly minimumBaselinePoints?: number | undefined;
}

/** Options after preset defaults are applied: every field is set. */
export interface ResolvedOptions {
  readonly preset: Preset;
  readonly direction: Direction;
  readonly target: number | null;
  readonly rebaseAt: readonly Period[];
  readonly baseline: Baseline | null;
  readonly baselineMode: 'fixed' | 'restart';
  readonly screenOutliers: boolean;
  readonly screenRule: Preset;
  readonly shiftLength: number;
  readonly trendLength: number;
  readonly trendAcrossPartitions: boolean;
  readonly twoOfThreeCountsBeyondLimits: boolean;
  readonly conflictRule: 'improvement' | 'concern' | 'precedence';
  readonly minimumPoints: number;
  readonly belowMinimum: 'run_chart' | 'trial_limits';
  readonly assuranceOnLimit: 'inclusive' | 'exclusive';
  readonly minimumBaselinePoints: number;
}

/** One analysed point. Absent lines are `null`. */
export interface SpcPoint {
  readonly index: number;
  readonly period: Period;
  readonly value: number;
  readonly ghost: boolean;
  /** 1-based partition number. */
  readonly partition: number;
  /** The centre line (for G charts, 0.693 × the mean count). */
  readonly mean: number | null;
  readonly lowerLimit: number | null;
  readonly upperLimit: number | null;
  readonly lower2Sigma: number | null;
  readonly upper2Sigma: number | null;
  readonly lower1Sigma: number | null;
  readonly upper1Sigma: number | null;
  /** |x − previous non-ghosted x| (T charts: of the transformed values). */
  readonly movingRange: number | null;
  readonly singlePoint: Side;
  readonly shift: Side;
  readonly trend: Side;
  readonly twoOfThree: Side;
  readonly pointType: PointType;
  readonly target: number | null;
}

export interface PartitionSummary {
  /** 1-based, as in {@link SpcPoint.partition}. */
  readonly partition: number;
  /** First and last point index (inclusive). */
  readonly start: number;
  readonly end: number;
  /** Non-ghosted points in the partition. */
  readonly n: number;
  /** Points whose values set the lines (the baseline's, when there is one). */
  readonly nUsed: number;
  readonly mean: number | null;
  readonly movingRangeMean: number | null;
  readonly lowerLimit: number | null;
  readonly upperLimit: number | null;
  readonly baseline: boolean;
  /** The partition reuses the baseline partition's lines. */
  readonly inherited: boolean;
}

export type WarningCode =
  | 'too_few_points'
  | 'trial_limits'
  | 'short_partition'
  | 'rebase_at_first_point'
  | 'rebase_not_in_series'
  | 'rebase_within_baseline'
  | 'baseline_longer_than_series'
  | 'baseline_before_series'
  | 'no_limits'
  | 'unusual_shift_length'
  | 'unusual_trend_length'
  | 'target_ignored';

export interface SpcWarning {
  readonly code: WarningCode;
  readonly message: string;
  /** The point or partition the warning is about, where it is about one. */
  readonly index?: number;
  readonly partition?: number;
}

/** Anhøj runs analysis of one run-chart partition (or a baseline with the partition inheriting from it). */
export interface RunsSummary {
  /** First and last partition (1-based) analysed together. */
  readonly partitions: readonly number[];
  /** Useful observations: non-ghosted points not on the median. */
  readonly n: number;
  readonly longestRun: number | null;
  /** The longest run allowed: round(log2(n)) + 3. */
  readonly longestRunMax: number | null;
  readonly crossings: number | null;
  /** The fewest crossings allowed: the 5th percentile of Binomial(n − 1, ½). */
  readonly crossingsMin: number | null;
  readonly signal: boolean;
}

export interface SpcSummary {
  /** Non-ghosted points in the whole series. */
  readonly n: number;
  /** Lines of the last partition. */
  readonly mean: number | null;
  readonly lowerLimit: number | null;
  readonly upperLimit: number | null;
  readonly variation: VariationIcon;
  readonly assurance: AssuranceIcon | null;
  /** False when the series is shown as a run chart (too few points). */
  readonly limitsShown: boolean;
  /** Run charts only: the last partition's Anhøj figures. */
  readonly runs?: RunsSummary;
}

/**
 * The per-point results as parallel arrays, for bulk consumers (the CLI, exports): the same data
 * as `points` without an object per point. An absent line is NaN in `lines`; `partition` is 0-based; where `targets` is undefined or holds null,
 * the point's target is `options.target`.
 */
/** The lines at a point; NaN where a line is absent. */
export interface LineSet {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  readonly lower2: number;
  readonly upper2: number;
  readonly lower1: number;
  readonly upper1: number;
}

export interface SpcColumns {
  readonly periods: readonly Period[] | undefined;
  readonly values: ArrayLike<number>;
  readonly ghosts: readonly boolean[] | undefined;
  readonly partition: ArrayLike<number>;
  /** Point i's lines are `lines[lineIndex[i]]` (one entry per partition for XmR, T and G). */
  readonly lines: readonly LineSet[];
  readonly lineIndex: ArrayLike<number>;
  readonly movingRange: readonly number[] | null;
  /**
   * Each point's rule results and classified side, two bits each (1 high, 2 low, 3 both) at the
   * offsets of `FLAG_BITS`: single point 0, shift 2, trend 4, two-of-three 6, side 8. The point
   * type is the side under the improvement direction (`pointTypeOf`).
   */
  readonly flags: readonly number[];
  readonly targets: readonly (number | null)[] | undefined;
}

export interface SpcAnalysis {
  readonly chart: ChartType;
  readonly options: ResolvedOptions;
  /** Every point as an object (built on first access from `columns`). */
  readonly points: SpcPoint[];
  /** The same results as parallel arrays; not enumerable, so JSON carries `points` only. */
  readonly columns: SpcColumns;
  readonly partitions: PartitionSummary[];
  readonly summary: SpcSummary;
  readonly warnings: SpcWarning[];
}
