/**
 * @module partitions
 * Splits a series into partitions at rebase points and at the end of a fixed baseline.
 */
import { SpcInputError } from './errors.js';
import type { Period, ResolvedOptions, SpcWarning } from './types.js';

export interface PartitionPlan {
  readonly start: number;
  readonly end: number;
  /** Last index whose value sets the lines (a restart baseline ends early). */
  readonly calcEnd: number;
  /** 0-based partition whose lines this one reuses, or -1. */
  readonly inheritsFrom: number;
  readonly baseline: boolean;
}

export interface Layout {
  readonly partitionOf: Int32Array;
  readonly partitions: PartitionPlan[];
  readonly warnings: SpcWarning[];
}

export interface LayoutInput {
  readonly n: number;
  readonly periods: readonly Period[] | undefined;
  readonly ghosts: readonly boolean[] | undefined;
  readonly rebases: readonly boolean[] | undefined;
}

const periodAt = (periods: readonly Period[] | undefined, i: number): Period => (periods ? periods[i]! : i);

/** Index of the point whose period equals `p`, or -1 (periods are strictly increasing). */
function indexOfPeriod(periods: readonly Period[] | undefined, n: number, p: Period): number {
  let lo = 0;
  let hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = periodAt(periods, mid);
    if (typeof q !== typeof p) return -1;
    if (q === p) return mid;
    if (q < p) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of the last point with period ≤ p, or -1. */
function lastIndexUpTo(periods: readonly Period[] | undefined, n: number, p: Period): number {
  let lo = 0;
  let hi = n - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = periodAt(periods, mid);
    if (typeof q !== typeof p) return -1;
    if (q <= p) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the k-th (1-based) non-ghosted point from `from` to `to`, or -1 if there are fewer. */
function kthUsed(ghosts: readonly boolean[] | undefined, from: number, to: number, k: number): number {
  let count = 0;
  for (let i = from; i <= to; i++) {
    if (ghosts?.[i] !== true && ++count === k) return i;
  }
  return -1;
}

function countUsed(ghosts: readonly boolean[] | undefined, from: number, to: number): number {
  let count = 0;
  for (let i = from; i <= to; i++) if (ghosts?.[i] !== true) count++;
  return count;
}

/** Marks where partitions start from per-point rebase flags and `rebaseAt` periods. */
function rebaseStarts(input: LayoutInput, options: ResolvedOptions, warnings: SpcWarning[]): Uint8Array {
  const { n, periods, rebases } = input;
  const starts = new Uint8Array(n);
  const atFirst = (): void => {
    warnings.push({
      code: 'rebase_at_first_point',
      message: 'A rebase at the first point has no effect',
      index: 0,
    });
  };
  if (rebases) {
    for (let i = 0; i < n; i++) {
      if (rebases[i] !== true) continue;
      if (i === 0) atFirst();
      else starts[i] = 1;
    }
  }
  for (const p of options.rebaseAt) {
    const i = indexOfPeriod(periods, n, p);
    if (i < 0) {
      warnings.push({
        code: 'rebase_not_in_series',
        message: `Rebase at ${String(p)} has no effect: no point has that period`,
      });
    } else if (i === 0) atFirst();
    else starts[i] = 1;
  }
  return starts;
}

/** Index of the last baseline point, or -1 for no baseline. */
function baselineEnd(input: LayoutInput, options: ResolvedOptions, warnings: SpcWarning[]): number {
  const { n, periods, ghosts } = input;
  const baseline = options.baseline;
  if (baseline === null || n === 0) return -1;
  const longer = (): number => {
    warnings.push({
      code: 'baseline_longer_than_series',
      message: 'The baseline is longer than the series: every point is used',
    });
    return n - 1;
  };
  if ('points' in baseline) {
    const end = kthUsed(ghosts, 0, n - 1, baseline.points);
    return end < 0 ? longer() : end;
  }
  const end = lastIndexUpTo(periods, n, baseline.until);
  if (end < 0) {
    warnings.push({
      code: 'baseline_before_series',
      message: `The baseline ends (${String(baseline.until)}) before the first point: no baseline is used`,
    });
    return -1;
  }
  if (end === n - 1 && periodAt(periods, n - 1) !== baseline.until) return longer();
  return end;
}

function build(
  starts: Uint8Array,
  n: number,
  plan: (start: number, end: number, k: number) => Omit<PartitionPlan, 'start' | 'end'>,
): Layout['partitions'] {
  const partitions: PartitionPlan[] = [];
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || starts[i] === 1) {
      partitions.push({ start, end: i - 1, ...plan(start, i - 1, partitions.length) });
      start = i;
    }
  }
  return partitions;
}

/**
 * Lays out partitions. `fixed` baselines form a partition whose lines the next partition
 * inherits (unless a rebase sits inside the baseline); `restart` baselines fix each partition's
 * lines on its own first N non-ghosted points.
 */
export function layoutPartitions(input: LayoutInput, options: ResolvedOptions): Layout {
  const { n, ghosts } = input;
  const warnings: SpcWarning[] = [];
  const partitionOf = new Int32Array(n);
  if (n === 0) return { partitionOf, partitions: [], warnings };

  const starts = rebaseStarts(input, options, warnings);
  const baseEnd = baselineEnd(input, options, warnings);
  let partitions: PartitionPlan[];

  if (baseEnd < 0) {
    partitions = build(starts, n, (_s, end) => ({ calcEnd: end, inheritsFrom: -1, baseline: false }));
  } else if (options.baselineMode === 'fixed') {
    let inherit = true;
    for (let i = 1; i <= baseEnd; i++) {
      if (starts[i] === 1) {
        starts[i] = 0;
        inherit = false;
        warnings.push({
          code: 'rebase_within_baseline',
          message:
            'A rebase inside the baseline is ignored; the points after the baseline compute their own limits',
          index: i,
        });
      }
    }
    if (baseEnd + 1 < n) {
      if (starts[baseEnd + 1] === 1) inherit = false;
      starts[baseEnd + 1] = 1;
    }
    partitions = build(starts, n, (start, end, k) => ({
      calcEnd: end,
      inheritsFrom: k === 1 && inherit && start === baseEnd + 1 ? 0 : -1,
      baseline: k === 0,
    }));
  } else {
    const baseline = options.baseline!;
    const size = 'points' in baseline ? baseline.points : countUsed(ghosts, 0, baseEnd);
    if (size < options.minimumBaselinePoints) {
      throw new SpcInputError(
        'invalid_option',
        `Option baseline: covers ${size} points; at least ${options.minimumBaselinePoints} are needed`,
        { field: 'baseline' },
      );
    }
    partitions = build(starts, n, (start, end) => {
      const last = kthUsed(ghosts, start, end, size);
      return { calcEnd: last < 0 ? end : last, inheritsFrom: -1, baseline: true };
    });
  }

  partitions.forEach((p, k) => partitionOf.fill(k, p.start, p.end + 1));
  return { partitionOf, partitions, warnings };
}
