/**
 * @module analyse
 * The pipeline's last steps, shared by every chart: minimum points, rules, classification,
 * icons, warnings and the result. Results are computed as columns; point objects are built
 * only when someone reads `points`.
 */
import { Analysis } from './analysis.js';
import { classifyFlags, sideToType } from './classify.js';
import { assuranceIcon, variationIcon } from './icons.js';
import { meanOnly, partitionLinesOf, type Lines, type PartitionLines } from './lines.js';
import type { CentreStats } from './moving-range.js';
import type { Layout } from './partitions.js';
import { shift } from './rules/shift.js';
import { filled, flagAt, FLAG_BITS, usedIndices } from './rules/sides.js';
import { singlePoint } from './rules/single-point.js';
import { trend } from './rules/trend.js';
import { twoOfThree } from './rules/two-of-three.js';
import type {
  ChartType,
  PartitionSummary,
  Period,
  PointType,
  RunsSummary,
  ResolvedOptions,
  SpcAnalysis,
  SpcColumns,
  SpcWarning,
} from './types.js';
import { optionWarnings, partitionWarnings, type PartitionFacts } from './warnings.js';

export interface ChartCore {
  readonly chart: ChartType;
  readonly options: ResolvedOptions;
  readonly periods: readonly Period[] | undefined;
  /** The plotted values; the rules apply to these. */
  readonly values: ArrayLike<number>;
  readonly ghosts: readonly boolean[] | undefined;
  readonly targets: readonly (number | null)[] | undefined;
  readonly layout: Layout;
  readonly centres: readonly CentreStats[];
  /** Each partition's lines, for its summary (per-point lines may vary within it). */
  readonly partitionLines: PartitionLines[];
  /** Per-point lines; by default the partition lines spread over their points. */
  readonly lines?: Lines;
  /** Reported moving ranges, or null where the chart has none. */
  readonly movingRanges: readonly number[] | null;
  readonly warnings: readonly SpcWarning[];
  /** Run charts: points in unusually long runs, and each runs group's figures. */
  readonly runs?: { readonly flags: readonly number[]; readonly groups: RunsSummary[] };
}

const num = (v: number): number | null => (v === v ? v : null);

/** Applies the four rules into one flags array (FLAG_BITS). */
function applyRules(core: ChartCore, used: readonly number[], lines: Lines, flags: number[]): void {
  const { values, options, layout } = core;
  const { partitionOf } = layout;
  singlePoint(values, used, lines, flags, FLAG_BITS.singlePoint);
  shift(values, used, partitionOf, lines, options.shiftLength, flags, FLAG_BITS.shift);
  trend(
    values,
    used,
    options.trendAcrossPartitions ? null : partitionOf,
    options.trendLength,
    flags,
    FLAG_BITS.trend,
  );
  twoOfThree(
    values,
    used,
    partitionOf,
    lines,
    options.twoOfThreeCountsBeyondLimits,
    flags,
    FLAG_BITS.twoOfThree,
  );
}

function partitionFacts(core: ChartCore): PartitionFacts[] {
  const { ghosts, layout } = core;
  return layout.partitions.map((plan, k) => {
    let count = 0;
    for (let i = plan.start; i <= plan.end; i++) if (ghosts?.[i] !== true) count++;
    return {
      plan,
      n: count,
      nUsed: core.centres[k]!.nUsed,
      hasLimits: !Number.isNaN(core.partitionLines[k]!.upper),
    };
  });
}

/** Finishes an analysis from a chart's partitions and lines. */
export function finishAnalysis(core: ChartCore): SpcAnalysis {
  const { values, ghosts, options, layout } = core;
  const n = values.length;
  const used = usedIndices(n, ghosts);
  // An empty series is an empty analysis, not a run chart: no too_few_points warning (spc-method.md §6).
  const runChart =
    core.runs === undefined &&
    n > 0 &&
    options.belowMinimum === 'run_chart' &&
    used.length < options.minimumPoints;
  const given = core.lines ?? partitionLinesOf(layout.partitionOf, core.partitionLines, false);
  const lines = runChart ? meanOnly(given) : given;
  const flags = filled(n, 0);
  if (core.runs !== undefined) {
    for (let i = 0; i < n; i++) flags[i] = core.runs.flags[i]! << FLAG_BITS.shift;
  } else if (!runChart && n > 0) {
    applyRules(core, used, lines, flags);
  }
  classifyFlags(values, used, flags, options);

  const columns: SpcColumns = {
    periods: core.periods,
    values,
    ghosts,
    partition: layout.partitionOf,
    lines: lines.at,
    lineIndex: lines.index,
    movingRange: core.movingRanges,
    flags,
    targets: core.targets,
  };

  const facts = partitionFacts(core);
  const partitions: PartitionSummary[] = facts.map((f, k) => {
    const pl = core.partitionLines[k]!;
    return {
      partition: k + 1,
      start: f.plan.start,
      end: f.plan.end,
      n: f.n,
      nUsed: f.nUsed,
      mean: num(pl.mean),
      movingRangeMean: num(core.centres[k]!.mrBar),
      lowerLimit: runChart ? null : num(pl.lower),
      upperLimit: runChart ? null : num(pl.upper),
      baseline: f.plan.baseline,
      inherited: f.plan.inheritsFrom >= 0,
    };
  });

  const last = used.length > 0 ? used[used.length - 1]! : -1;
  // No icon from a point that has no limits to judge it by (a one-point partition after a rebase,
  // or a partition whose moving ranges were all screened out) unless a rule still fired on it.
  const lastSide = last < 0 ? 0 : flagAt(flags[last]!, FLAG_BITS.side);
  const lastUnjudged = last >= 0 && lastSide === 0 && Number.isNaN(lines.at[lines.index[last]!]!.upper);
  const lastType: PointType | null =
    last < 0 || runChart || core.runs || lastUnjudged ? null : sideToType(lastSide, options.direction);
  const hasTarget = options.target !== null || (core.targets?.some((t) => t !== null) ?? false);
  // The summary's lines are those of the last non-ghosted point's partition, like the icons: trailing
  // ghosts in a partition of their own (a rebase on a ghost, a baseline ending just before them)
  // must not blank the summary.
  const lastPartition = partitions[last >= 0 ? layout.partitionOf[last]! : partitions.length - 1];
  return new Analysis(
    {
      chart: core.chart,
      options,
      partitions,
      summary: {
        n: used.length,
        mean: lastPartition?.mean ?? null,
        lowerLimit: lastPartition?.lowerLimit ?? null,
        upperLimit: lastPartition?.upperLimit ?? null,
        variation: variationIcon(lastType, options.direction),
        assurance:
          last < 0 || runChart || core.chart === 't' || core.chart === 'g' || core.chart === 'run'
            ? null
            : assuranceIcon(
                core.targets?.[last] ?? options.target,
                lines.at[lines.index[last]!]!.lower,
                lines.at[lines.index[last]!]!.upper,
                options.direction,
                options.assuranceOnLimit,
              ),
        limitsShown: !runChart && core.runs === undefined && used.length > 0,
        ...(core.runs ? { runs: core.runs.groups[core.runs.groups.length - 1]! } : {}),
      },
      ...(core.runs ? { runs: core.runs.groups } : {}),
      warnings: [
        ...core.warnings,
        ...optionWarnings(options, hasTarget),
        // A run chart has no limits by design: warnings about limits do not apply.
        ...(core.runs ? [] : partitionWarnings(facts, options, used.length, runChart)),
      ],
    },
    columns,
  );
}
