/**
 * @module partitions
 * Splits a series into partitions at rebase points and at the end of a fixed baseline.
 */
import { SpcInputError } from './errors.js';
import { filled } from './rules/sides.js';
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
  readonly partitionOf: number[];
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

/**
 * Index of the first point whose period equals `p`, or -1. Periods never decrease; a T chart's
 * may repeat (events on one day), and a rebase at such a date starts at the first interval
 * ending on it, whichever point a plain binary search would happen to land on.
 */
function indexOfPeriod(periods: readonly Period[] | undefined, n: number, p: Period): number {
  let lo = 0;
  let hi = n - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const q = periodAt(periods, mid);
    if (typeof q !== typeof p) return -1;
    if (q === p) found = mid;
    if (q < p) lo = mid + 1;
    else hi = mid - 1;
  }
  return found;
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
function rebaseStarts(input: LayoutInput, options: ResolvedOptions, warnings: SpcWarning[]): number[] {
  const { n, periods, ghosts, rebases } = input;
  const starts = filled(n, 0);
  // A rebase at or before the first non-ghosted point separates nothing: like one at the first
  // point it has no effect. (Otherwise leading ghosts would form a partition of their own, and with
  // a fixed baseline the rebase would count as "within the baseline" and stop the inheritance:
  // ghosting a point would then not be the same as leaving it out.)
  let firstUsed = 0;
  while (firstUsed < n && ghosts?.[firstUsed] === true) firstUsed++;
  const atFirst = (i: number): void => {
    warnings.push({
      code: 'rebase_at_first_point',
      message:
        i === 0
          ? 'A rebase at the first point has no effect'
          : `A rebase at point ${i + 1}, where the first non-ghosted point is, has no effect`,
      index: i,
    });
  };
  if (rebases) {
    for (let i = 0; i < n; i++) {
      if (rebases[i] !== true) continue;
      if (i <= firstUsed) atFirst(i);
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
    } else if (i <= firstUsed) atFirst(i);
    else starts[i] = 1;
  }
  return starts;
}

interface BaselineEnd {
  /** Index of the last baseline point, or -1 for no baseline. */
  readonly end: number;
  /** The baseline reaches past the last point (a warning, not an error: every point is used). */
  readonly longer: boolean;
}

function baselineEnd(input: LayoutInput, options: ResolvedOptions, warnings: SpcWarning[]): BaselineEnd {
  const { n, periods, ghosts } = input;
  const baseline = options.baseline;
  if (baseline === null || n === 0) return { end: -1, longer: false };
  const longer = (): BaselineEnd => {
    warnings.push({
      code: 'baseline_longer_than_series',
      message: 'The baseline is longer than the series: every point is used',
    });
    return { end: n - 1, longer: true };
  };
  if ('points' in baseline) {
    const end = kthUsed(ghosts, 0, n - 1, baseline.points);
    return end < 0 ? longer() : { end, longer: false };
  }
  if (typeof baseline.until !== typeof periodAt(periods, 0)) {
    // Otherwise a date against numbered points would read as "before the series".
    throw new SpcInputError(
      'invalid_option',
      `Option baseline: until ${JSON.stringify(baseline.until)} is not the same kind of period as the series`,
      { field: 'baseline' },
    );
  }
  const end = lastIndexUpTo(periods, n, baseline.until);
  if (end < 0) {
    warnings.push({
      code: 'baseline_before_series',
      message: `The baseline ends (${String(baseline.until)}) before the first point: no baseline is used`,
    });
    return { end: -1, longer: false };
  }
  if (end === n - 1 && periodAt(periods, n - 1) !== baseline.until) return longer();
  return { end, longer: false };
}

/**
 * Refuses a baseline shorter than `minimumBaselinePoints` (nhsr: 12), in either mode. A baseline
 * given as a date is measured by the non-ghosted points up to that date; one that reaches past the
 * series is not refused (spc-method.md §6 makes that a warning, and every point is used).
 */
function checkBaselineSize(size: number, longer: boolean, options: ResolvedOptions): void {
  if (longer || size >= options.minimumBaselinePoints) return;
  throw new SpcInputError(
    'invalid_option',
    `Option baseline: covers ${size} points; at least ${options.minimumBaselinePoints} are needed`,
    { field: 'baseline' },
  );
}

function build(
  starts: number[],
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
  const partitionOf = filled(n, 0);
  if (n === 0) return { partitionOf, partitions: [], warnings };
  if (
    options.baseline === null &&
    options.rebaseAt.length === 0 &&
    !(input.rebases?.includes(true) ?? false)
  ) {
    // The common case, kept cheap: one partition, no baseline.
    return {
      partitionOf,
      partitions: [{ start: 0, end: n - 1, calcEnd: n - 1, inheritsFrom: -1, baseline: false }],
      warnings,
    };
  }

  const starts = rebaseStarts(input, options, warnings);
  const { end: baseEnd, longer } = baselineEnd(input, options, warnings);
  const baseline = options.baseline;
  // Restart mode fixes N = the baseline's non-ghosted points (for a date: those up to it).
  const size = baseline === null ? 0 : 'points' in baseline ? baseline.points : countUsed(ghosts, 0, baseEnd);
  if (baseEnd >= 0) checkBaselineSize(size, longer, options);
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
    partitions = build(starts, n, (start, end) => {
      const last = kthUsed(ghosts, start, end, size);
      return { calcEnd: last < 0 ? end : last, inheritsFrom: -1, baseline: true };
    });
  }

  partitions.forEach((p, k) => partitionOf.fill(k, p.start, p.end + 1));
  return { partitionOf, partitions, warnings };
}
