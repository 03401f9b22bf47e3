/**
 * @module moving-range
 * Moving ranges, their mean, and moving-range screening.
 */
import { MOVING_RANGE_OUTLIER_FACTOR } from './constants.js';
import type { Layout } from './partitions.js';
import { filled } from './rules/sides.js';
import type { Preset } from './types.js';

/**
 * mRᵢ = |xᵢ − previous non-ghosted x|, within the partition unless `acrossPartitions`.
 * NaN for ghosts and for the first point (of the partition).
 */
export function movingRanges(
  values: ArrayLike<number>,
  ghosts: readonly boolean[] | undefined,
  partitionOf: ArrayLike<number>,
  acrossPartitions: boolean,
): number[] {
  const n = values.length;
  const mr = filled(n, NaN);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    if (ghosts?.[i] === true) continue;
    if (prev >= 0 && (acrossPartitions || partitionOf[prev] === partitionOf[i])) {
      mr[i] = Math.abs(values[i]! - values[prev]!);
    }
    prev = i;
  }
  return mr;
}

export interface CentreStats {
  /** Mean of the values that set the lines (NaN when there are none). */
  readonly mean: number;
  /** Mean moving range after any screening (NaN when there is none). */
  readonly mrBar: number;
  /** Non-ghosted points that set the lines. */
  readonly nUsed: number;
}

/**
 * Mean and m̄R of points `from`…`to` (non-ghosted), with optional moving-range screening:
 * `mdc` keeps mR ≤ 3.267·m̄R and recomputes the mean without the later point of each outlying
 * pair; `nhsr` keeps mR < 3.267·m̄R and recomputes m̄R only. One pass.
 */
export function centreStats(
  values: ArrayLike<number>,
  ghosts: readonly boolean[] | undefined,
  mr: readonly number[],
  from: number,
  to: number,
  screen: Preset | null,
): CentreStats {
  let sum = 0;
  let count = 0;
  let mrSum = 0;
  let mrCount = 0;
  for (let i = from; i <= to; i++) {
    if (ghosts?.[i] === true) continue;
    sum += values[i]!;
    count++;
    const r = mr[i]!;
    if (r === r) {
      mrSum += r;
      mrCount++;
    }
  }
  const mean = count > 0 ? sum / count : NaN;
  const mrBar = mrCount > 0 ? mrSum / mrCount : NaN;
  if (screen === null || mrCount === 0) return { mean, mrBar, nUsed: count };

  const threshold = MOVING_RANGE_OUTLIER_FACTOR * mrBar;
  let keptSum = 0;
  let keptCount = 0;
  let meanSum = 0;
  let meanCount = 0;
  for (let i = from; i <= to; i++) {
    if (ghosts?.[i] === true) continue;
    const r = mr[i]!;
    const outlier = r === r && (screen === 'mdc' ? r > threshold : r >= threshold);
    if (r === r && !outlier) {
      keptSum += r;
      keptCount++;
    }
    if (!outlier) {
      meanSum += values[i]!;
      meanCount++;
    }
  }
  return {
    mean: screen === 'mdc' && meanCount > 0 ? meanSum / meanCount : mean,
    mrBar: keptCount > 0 ? keptSum / keptCount : NaN,
    nUsed: count,
  };
}

/** Centre statistics for every partition; inherited partitions reuse their source's. */
export function partitionCentres(
  values: ArrayLike<number>,
  ghosts: readonly boolean[] | undefined,
  mr: readonly number[],
  layout: Layout,
  screen: Preset | null,
): CentreStats[] {
  const out: CentreStats[] = [];
  for (const p of layout.partitions) {
    out.push(
      p.inheritsFrom >= 0
        ? out[p.inheritsFrom]!
        : centreStats(values, ghosts, mr, p.start, p.calcEnd, screen),
    );
  }
  return out;
}
