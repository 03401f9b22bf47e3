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

export interface Lines {
  readonly mean: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly lower2: Float64Array;
  readonly upper2: Float64Array;
  readonly lower1: Float64Array;
  readonly upper1: Float64Array;
}

/** One partition's lines, before they are spread over its points. */
export interface PartitionLines {
  readonly mean: number;
  readonly lower: number;
  readonly upper: number;
  readonly lower2: number;
  readonly upper2: number;
  readonly lower1: number;
  readonly upper1: number;
}

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

/** Spreads partition lines over points; with `meanOnly`, only the centre line is kept (a run chart). */
export function spreadLines(
  partitionOf: Int32Array,
  byPartition: PartitionLines[],
  meanOnly: boolean,
): Lines {
  const n = partitionOf.length;
  const make = (): Float64Array => new Float64Array(n).fill(NaN);
  const lines: Lines = {
    mean: make(),
    lower: make(),
    upper: make(),
    lower2: make(),
    upper2: make(),
    lower1: make(),
    upper1: make(),
  };
  for (let i = 0; i < n; i++) {
    const p = byPartition[partitionOf[i]!]!;
    lines.mean[i] = p.mean;
    if (meanOnly) continue;
    lines.lower[i] = p.lower;
    lines.upper[i] = p.upper;
    lines.lower2[i] = p.lower2;
    lines.upper2[i] = p.upper2;
    lines.lower1[i] = p.lower1;
    lines.upper1[i] = p.upper1;
  }
  return lines;
}
