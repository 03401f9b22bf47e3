/**
 * @module analyse
 * The pipeline's last steps, shared by every chart: minimum points, rules, classification,
 * icons, warnings and the result.
 */
import { classify, sideToType, type RuleResults } from './classify.js';
import { assuranceIcon, variationIcon } from './icons.js';
import { spreadLines, type Lines, type PartitionLines } from './lines.js';
import type { CentreStats } from './moving-range.js';
import type { Layout } from './partitions.js';
import { shift } from './rules/shift.js';
import { sideName, usedIndices } from './rules/sides.js';
import { singlePoint } from './rules/single-point.js';
import { trend } from './rules/trend.js';
import { twoOfThree } from './rules/two-of-three.js';
import type {
  ChartType,
  PartitionSummary,
  Period,
  PointType,
  ResolvedOptions,
  SpcAnalysis,
  SpcPoint,
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
  readonly movingRanges: Float64Array | null;
  readonly warnings: readonly SpcWarning[];
}

const num = (v: number): number | null => (v === v ? v : null);

function applyRules(core: ChartCore, used: Int32Array, lines: Lines): RuleResults {
  const { values, options, layout } = core;
  const { partitionOf } = layout;
  return {
    singlePoint: singlePoint(values, used, lines.lower, lines.upper),
    shift: shift(values, used, partitionOf, lines.mean, options.shiftLength),
    trend: trend(values, used, options.trendAcrossPartitions ? null : partitionOf, options.trendLength),
    twoOfThree: twoOfThree(values, used, partitionOf, lines, options.twoOfThreeCountsBeyondLimits),
  };
}

function emptyRules(n: number): RuleResults {
  const z = new Uint8Array(n);
  return { singlePoint: z, shift: z, trend: z, twoOfThree: z };
}

/** Finishes an analysis from a chart's partitions and lines. */
export function finishAnalysis(core: ChartCore): SpcAnalysis {
  const { values, ghosts, options, layout, periods } = core;
  const n = values.length;
  const used = usedIndices(n, ghosts);
  const runChart = options.belowMinimum === 'run_chart' && used.length < options.minimumPoints;
  const lines = runChart
    ? spreadLines(layout.partitionOf, core.partitionLines, true)
    : (core.lines ?? spreadLines(layout.partitionOf, core.partitionLines, false));
  const rules = runChart || n === 0 ? emptyRules(n) : applyRules(core, used, lines);
  const sides = classify(values, used, rules, options);
  const targetAt = (i: number): number | null => core.targets?.[i] ?? options.target;

  const points: SpcPoint[] = new Array<SpcPoint>(n);
  const mr = core.movingRanges;
  for (let i = 0; i < n; i++) {
    points[i] = {
      index: i,
      period: periods ? periods[i]! : i,
      value: values[i]!,
      ghost: ghosts?.[i] === true,
      partition: layout.partitionOf[i]! + 1,
      mean: num(lines.mean[i]!),
      lowerLimit: num(lines.lower[i]!),
      upperLimit: num(lines.upper[i]!),
      lower2Sigma: num(lines.lower2[i]!),
      upper2Sigma: num(lines.upper2[i]!),
      lower1Sigma: num(lines.lower1[i]!),
      upper1Sigma: num(lines.upper1[i]!),
      movingRange: mr ? num(mr[i]!) : null,
      singlePoint: sideName(rules.singlePoint[i]!),
      shift: sideName(rules.shift[i]!),
      trend: sideName(rules.trend[i]!),
      twoOfThree: sideName(rules.twoOfThree[i]!),
      pointType: sideToType(sides[i]!, options.direction),
      target: targetAt(i),
    };
  }

  const facts: PartitionFacts[] = layout.partitions.map((plan, k) => {
    let count = 0;
    for (let i = plan.start; i <= plan.end; i++) if (ghosts?.[i] !== true) count++;
    return {
      plan,
      n: count,
      nUsed: core.centres[k]!.nUsed,
      hasLimits: !Number.isNaN(core.partitionLines[k]!.upper),
    };
  });
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
  const lastType: PointType | null = last < 0 || runChart ? null : points[last]!.pointType;
  const hasTarget = options.target !== null || (core.targets?.some((t) => t !== null) ?? false);
  const lastPartition = partitions[partitions.length - 1];
  return {
    chart: core.chart,
    options,
    points,
    partitions,
    summary: {
      n: used.length,
      mean: lastPartition?.mean ?? null,
      lowerLimit: lastPartition?.lowerLimit ?? null,
      upperLimit: lastPartition?.upperLimit ?? null,
      variation: variationIcon(lastType, options.direction),
      assurance:
        last < 0 || runChart || core.chart !== 'xmr'
          ? null
          : assuranceIcon(
              targetAt(last),
              lines.lower[last]!,
              lines.upper[last]!,
              options.direction,
              options.assuranceOnLimit,
            ),
      limitsShown: !runChart && n > 0,
    },
    warnings: [
      ...core.warnings,
      ...optionWarnings(options, hasTarget),
      ...partitionWarnings(facts, options, used.length, runChart),
    ],
  };
}
