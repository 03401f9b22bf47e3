/**
 * @module lines
 * Per-point centre line, process limits and 1σ/2σ lines. NaN marks an absent line.
 */
import {
  G_CHART_MEDIAN_FACTOR,
  G_CHART_SIGMA_MULTIPLIER,
  LIMIT_FACTOR,
  T_CHART_EXPONENT,
} from './constants.js';
import type { CentreStats } from './moving-range.js';
import type { LineSet } from './types.js';

/**
 * Lines for every point, stored compactly: point i's lines are `at[index[i]]`. An XmR chart has
 * one entry per partition (index = partition); attribute charts have one per point.
 */
export interface Lines {
  readonly at: readonly PartitionLines[];
  readonly index: ArrayLike<number>;
}

/** One partition's (or one point's) lines. */
export type PartitionLines = LineSet;

/** XmR: mean ± 2.66·m̄R, 2σ at ⅔ and 1σ at ⅓ of that distance. */
export function xmrLines(s: CentreStats): PartitionLines {
  const h = LIMIT_FACTOR * s.mrBar;
  return {
    mean: s.mean,
    lower: s.mean - h,
    upper: s.mean + h,
    lower2: s.mean - (2 / 3) * h,
    upper2: s.mean + (2 / 3) * h,
    lower1: s.mean - (1 / 3) * h,
    upper1: s.mean + (1 / 3) * h,
  };
}

/** T chart: XmR lines of the transformed values, raised back to the power 3.6; a negative lower inner term is absent. */
export function tLines(s: CentreStats): PartitionLines {
  const y = xmrLines(s);
  const back = (v: number): number => (v < 0 ? NaN : Math.pow(v, T_CHART_EXPONENT));
  return {
    mean: back(y.mean),
    lower: back(y.lower),
    upper: back(y.upper),
    lower2: back(y.lower2),
    upper2: back(y.upper2),
    lower1: back(y.lower1),
    upper1: back(y.upper1),
  };
}

/** G chart: centre 0.693·m, upper limit m + 3·√(m(m+1)); no lower limit and no σ lines. */
export function gLines(s: CentreStats): PartitionLines {
  const m = s.mean;
  return {
    mean: G_CHART_MEDIAN_FACTOR * m,
    lower: NaN,
    upper: m + G_CHART_SIGMA_MULTIPLIER * Math.sqrt(m * (m + 1)),
    lower2: NaN,
    upper2: NaN,
    lower1: NaN,
    upper1: NaN,
  };
}

const MEAN_ONLY = (p: PartitionLines): PartitionLines => ({
  mean: p.mean,
  lower: NaN,
  upper: NaN,
  lower2: NaN,
  upper2: NaN,
  lower1: NaN,
  upper1: NaN,
});

/** Partition lines as per-point lines; with `meanOnly`, only the centre line is kept (a run chart). */
export function partitionLinesOf(
  partitionOf: ArrayLike<number>,
  byPartition: PartitionLines[],
  meanOnly: boolean,
): Lines {
  return { at: meanOnly ? byPartition.map(MEAN_ONLY) : byPartition, index: partitionOf };
}

/** Only the centre line of each point's lines (a run chart). */
export function meanOnly(lines: Lines): Lines {
  return { at: lines.at.map(MEAN_ONLY), index: lines.index };
}
