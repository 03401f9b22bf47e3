/**
 * @module run-chart
 * Run charts with Anhøj's rules, spc-method.md §4: a median centre line, the longest run and
 * the number of crossings against their thresholds. Honest with as few as 10 points.
 */
import { finishAnalysis } from './analyse.js';
import type { PartitionLines } from './lines.js';
import type { CentreStats } from './moving-range.js';
import { resolveOptions } from './options.js';
import { layoutPartitions, type PartitionPlan } from './partitions.js';
import { binomialCdf, binomialQuantile } from './quantiles.js';
import { filled, HIGH, LOW } from './rules/sides.js';
import type { RunsSummary, SeriesInput, SpcAnalysis, SpcOptions } from './types.js';
import { validateSeries } from './validate.js';

/** Median of the non-ghosted values from `from` to `to`. */
function median(
  values: readonly number[],
  ghosts: readonly boolean[] | undefined,
  from: number,
  to: number,
): number {
  const xs: number[] = [];
  for (let i = from; i <= to; i++) if (ghosts?.[i] !== true) xs.push(values[i]!);
  if (xs.length === 0) return NaN;
  xs.sort((a, b) => a - b);
  const mid = xs.length >> 1;
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** The longest run allowed among n useful observations: round(log2(n)) + 3. */
export function longestRunMax(n: number): number {
  return Math.round(Math.log2(n)) + 3;
}

/** The fewest crossings allowed: the smallest k with P(X ≤ k) ≥ 0.05, X ~ Binomial(n − 1, ½). */
export function crossingsMin(n: number): number {
  const trials = n - 1;
  let k = binomialQuantile(0.05, trials, 0.5);
  // Guard the library's rounding at the boundary: the definition is exact.
  while (k > 0 && binomialCdf(k - 1, trials, 0.5) >= 0.05) k--;
  while (binomialCdf(k, trials, 0.5) < 0.05) k++;
  // The library answers −0 for Binomial(1, ½) (n = 2): report a plain 0.
  return k === 0 ? 0 : k;
}

/**
 * Anhøj's runs analysis of points `from`…`to` against `centre`: points on the centre line and
 * ghosted points are dropped (they neither count nor break a run). Flags, in `flags`, every point
 * of a run longer than the maximum.
 */
function runsOf(
  values: readonly number[],
  ghosts: readonly boolean[] | undefined,
  from: number,
  to: number,
  centre: number,
  flags: number[],
): Omit<RunsSummary, 'partitions'> {
  const useful: number[] = [];
  for (let i = from; i <= to; i++) {
    if (ghosts?.[i] !== true && values[i] !== centre && centre === centre) useful.push(i);
  }
  const n = useful.length;
  if (n === 0) {
    return {
      n: 0,
      longestRun: null,
      longestRunMax: null,
      crossings: null,
      crossingsMin: null,
      signal: false,
    };
  }
  const maxRun = longestRunMax(n);
  const minCross = crossingsMin(n);
  let longest = 0;
  let runs = 0;
  let start = 0;
  for (let k = 0; k <= n; k++) {
    const side = k < n ? (values[useful[k]!]! > centre ? HIGH : LOW) : 0;
    const prevSide = k > 0 ? (values[useful[k - 1]!]! > centre ? HIGH : LOW) : 0;
    if (k === n || (k > 0 && side !== prevSide)) {
      const length = k - start;
      runs++;
      longest = Math.max(longest, length);
      if (length > maxRun) for (let j = start; j < k; j++) flags[useful[j]!] = prevSide;
      start = k;
    }
  }
  const crossings = runs - 1;
  return {
    n,
    longestRun: longest,
    longestRunMax: maxRun,
    crossings,
    crossingsMin: minCross,
    signal: longest > maxRun || crossings < minCross,
  };
}

const medianLines = (m: number): PartitionLines => ({
  mean: m,
  lower: NaN,
  upper: NaN,
  lower2: NaN,
  upper2: NaN,
  lower1: NaN,
  upper1: NaN,
});

/**
 * Analyses a series as a run chart. Each partition has its own median and runs analysis, except
 * that a fixed baseline and the partition inheriting from it are analysed together against the
 * baseline's median. Points in an unusually long run are flagged (in `shift`) and typed by the
 * improvement direction; the chart has no limits and no variation or assurance icon.
 * @example runChart({ values: [3, 5, 4, 6, 7, 8, 9, 8, 9, 10] }).summary.runs?.signal
 */
export function runChart(input: SeriesInput, options?: SpcOptions): SpcAnalysis {
  const resolved = resolveOptions(options, 'run');
  const n = validateSeries(input);
  const { values, ghosts } = input;
  const layout = layoutPartitions({ n, periods: input.periods, ghosts, rebases: input.rebases }, resolved);
  const centres: CentreStats[] = [];
  for (const plan of layout.partitions) {
    if (plan.inheritsFrom >= 0) {
      centres.push(centres[plan.inheritsFrom]!);
      continue;
    }
    let count = 0;
    for (let i = plan.start; i <= plan.calcEnd; i++) if (ghosts?.[i] !== true) count++;
    centres.push({ mean: median(values, ghosts, plan.start, plan.calcEnd), mrBar: NaN, nUsed: count });
  }

  // Runs groups: a partition that inherits is analysed with its source. A partition of ghosts only
  // (a rebase on a ghost followed by nothing else) has nothing to analyse: it joins the group before
  // it, so that trailing ghosts do not blank the summary's figures (the summary reports the last
  // group) — as the summary's lines are those of the last non-ghosted point's partition.
  const flags = filled(n, 0);
  const groups: PartitionPlan[][] = [];
  const ghostsOnly = (plan: PartitionPlan): boolean => {
    for (let i = plan.start; i <= plan.end; i++) if (ghosts?.[i] !== true) return false;
    return true;
  };
  layout.partitions.forEach((plan) => {
    if (groups.length > 0 && (plan.inheritsFrom >= 0 || ghostsOnly(plan)))
      groups[groups.length - 1]!.push(plan);
    else groups.push([plan]);
  });
  const runs: RunsSummary[] = groups.map((group) => {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const k = layout.partitions.indexOf(first);
    return {
      partitions: group.map((p) => layout.partitions.indexOf(p) + 1),
      ...runsOf(values, ghosts, first.start, last.end, centres[k]!.mean, flags),
    };
  });

  return finishAnalysis({
    chart: 'run',
    options: resolved,
    periods: input.periods,
    values,
    ghosts,
    targets: input.targets,
    layout,
    centres,
    partitionLines: centres.map((c) => medianLines(c.mean)),
    movingRanges: null,
    warnings: layout.warnings,
    runs: { flags, groups: runs },
  });
}
