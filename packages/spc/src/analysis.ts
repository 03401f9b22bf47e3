/**
 * @module analysis
 * The result of every chart. Per-point results are kept as columns; the point objects are built
 * the first time `points` is read, because most bulk uses (summaries, CSV) never need them.
 */
import { sideToType } from './classify.js';
import { FLAG_BITS, flagAt, sideName } from './rules/sides.js';
import type {
  ChartType,
  Direction,
  PartitionSummary,
  ResolvedOptions,
  RunsSummary,
  SpcAnalysis,
  SpcColumns,
  SpcPoint,
  SpcSummary,
  SpcWarning,
} from './types.js';

const num = (v: number): number | null => (v === v ? v : null);

/** Point objects from columns. */
function buildPoints(c: SpcColumns, constantTarget: number | null, direction: Direction): SpcPoint[] {
  const n = c.values.length;
  const points = new Array<SpcPoint>(n);
  for (let i = 0; i < n; i++) {
    const l = c.lines[c.lineIndex[i]!]!;
    const f = c.flags[i]!;
    points[i] = {
      index: i,
      period: c.periods ? c.periods[i]! : i,
      value: c.values[i]!,
      ghost: c.ghosts?.[i] === true,
      partition: c.partition[i]! + 1,
      mean: num(l.mean),
      lowerLimit: num(l.lower),
      upperLimit: num(l.upper),
      lower2Sigma: num(l.lower2),
      upper2Sigma: num(l.upper2),
      lower1Sigma: num(l.lower1),
      upper1Sigma: num(l.upper1),
      movingRange: c.movingRange ? num(c.movingRange[i]!) : null,
      singlePoint: sideName(flagAt(f, FLAG_BITS.singlePoint)),
      shift: sideName(flagAt(f, FLAG_BITS.shift)),
      trend: sideName(flagAt(f, FLAG_BITS.trend)),
      twoOfThree: sideName(flagAt(f, FLAG_BITS.twoOfThree)),
      pointType: sideToType(flagAt(f, FLAG_BITS.side), direction),
      target: c.targets?.[i] ?? constantTarget,
    };
  }
  return points;
}

export interface AnalysisFields {
  readonly chart: ChartType;
  readonly options: ResolvedOptions;
  readonly partitions: PartitionSummary[];
  readonly summary: SpcSummary;
  readonly warnings: SpcWarning[];
  readonly runs?: RunsSummary[] | undefined;
}

/**
 * An analysis. `points` and `columns` are getters (not own properties): JSON.stringify uses
 * {@link Analysis.toJSON}, which writes the points; spread copies leave both out.
 */
export class Analysis implements SpcAnalysis {
  readonly chart: ChartType;
  readonly options: ResolvedOptions;
  readonly partitions: PartitionSummary[];
  readonly summary: SpcSummary;
  readonly warnings: SpcWarning[];
  readonly runs?: RunsSummary[];
  readonly #columns: SpcColumns;
  #points: SpcPoint[] | null = null;

  constructor(fields: AnalysisFields, columns: SpcColumns) {
    this.chart = fields.chart;
    this.options = fields.options;
    this.partitions = fields.partitions;
    this.summary = fields.summary;
    this.warnings = fields.warnings;
    if (fields.runs !== undefined) this.runs = fields.runs;
    this.#columns = columns;
  }

  get columns(): SpcColumns {
    return this.#columns;
  }

  get points(): SpcPoint[] {
    return (this.#points ??= buildPoints(this.#columns, this.options.target, this.options.direction));
  }

  toJSON(): object {
    return {
      chart: this.chart,
      options: this.options,
      points: this.points,
      partitions: this.partitions,
      summary: this.summary,
      warnings: this.warnings,
      ...(this.runs === undefined ? {} : { runs: this.runs }),
    };
  }
}
