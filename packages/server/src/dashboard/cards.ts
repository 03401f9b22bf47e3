/**
 * @module dashboard/cards
 * What the dashboard shows of one series, worked out from its points, measure, targets and
 * annotations (a "card", cached per series version), and the JSON parts built from cards: the
 * sparkline of the latest points and the summary matrix. Pure: no database.
 */
import { FLAG_BITS, flagAt, pointTypeOf, resolveOptions, SpcInputError } from '@groundswell/spc';
import type { AssuranceIcon, ChartType, Direction, SpcAnalysis, VariationIcon } from '@groundswell/spc';
import { analyse, plottable } from '../analysis/engine.js';
import type { StoredPoint } from '../analysis/engine.js';
import type { DataType } from '../db/schema/vocabulary.js';
import type { StoredSpcOptions } from '../measures/spc-options.js';
import type { TargetStep } from './repository.js';
import { ASSURANCE_ICONS, MAX_SPARKLINE_POINTS, VARIATION_ICONS } from './schemas.js';
import type { MatrixCellView, SparklineView } from './schemas.js';

/** Point types as small numbers, for the card's compact columns. */
const COMMON = 0;
const IMPROVEMENT = 1;
const CONCERN = 2;
const NEITHER = 3;

/** Everything a card is made from. */
export interface CardInput {
  readonly chartType: ChartType;
  readonly dataType: DataType;
  readonly spcOptions: StoredSpcOptions;
  /** Every stored point, in period order. */
  readonly points: readonly StoredPoint[];
  /** The target timeline that applies, in date order. */
  readonly targets: readonly TargetStep[];
  /** Annotations per period. */
  readonly annotations: ReadonlyMap<string, number>;
}

/** What the dashboard shows of a series, apart from its measure and unit. */
export interface SeriesCard {
  readonly direction: Direction;
  readonly pointCount: number;
  readonly latest: StoredPoint | null;
  readonly target: number | null;
  readonly variation: VariationIcon;
  readonly assurance: AssuranceIcon | null;
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
  readonly annotationCount: number;
  /** The analysed points (at most the latest `MAX_SPARKLINE_POINTS`), as columns. */
  readonly spark: SparkColumns;
}

/** The latest analysed points as columns. */
export interface SparkColumns {
  /** Points of the analysis before these. */
  readonly offset: number;
  readonly periods: readonly string[];
  readonly values: readonly number[];
  readonly mean: readonly (number | null)[];
  readonly lower: readonly (number | null)[];
  readonly upper: readonly (number | null)[];
  /** Null when no point has a target. */
  readonly target: readonly (number | null)[] | null;
  /** `COMMON`, `IMPROVEMENT`, `CONCERN` or `NEITHER` per point. */
  readonly types: Uint8Array;
  readonly ghosts: readonly boolean[];
  readonly annotated: readonly boolean[];
}

/** The value in force on `period` in a timeline (null before the first step, or where it is null). */
export function targetAt(timeline: readonly TargetStep[], period: string): number | null {
  let value: number | null = null;
  for (const step of timeline) {
    if (step.effectiveFrom > period) break;
    value = step.value;
  }
  return value;
}

/**
 * A sparkline's centre line or limit to 6 significant figures: far finer than a sparkline can draw
 * or its words say, and about half the bytes of full precision in the dashboard's JSON (the full
 * analysis is at `GET /series/:id/analysis`). The points' own values are kept as recorded.
 */
const drawn = (value: number): number | null => (Number.isNaN(value) ? null : Number(value.toPrecision(6)));

/**
 * Works out a series' card: runs its measure's chart on the plottable points (with the targets
 * per point, as `GET /series/:id/analysis` does) and keeps the icons, warnings and the latest
 * points' lines. When the engine refuses the data, the card says so (`not_analysed`) instead of
 * failing the whole dashboard.
 */
export function seriesCard(input: CardInput): SeriesCard {
  const points = plottable(input.dataType, input.points);
  const withTargets = input.targets.length > 0 && input.chartType !== 't' && input.chartType !== 'g';
  const latest = input.points.at(-1) ?? null;
  let annotationCount = 0;
  for (const n of input.annotations.values()) annotationCount += n;
  const common = {
    pointCount: input.points.length,
    latest,
    target: latest === null ? null : targetAt(input.targets, latest.period),
    annotationCount,
  };
  let analysis: SpcAnalysis;
  try {
    analysis = analyse({
      chartType: input.chartType,
      dataType: input.dataType,
      options: input.spcOptions,
      points,
      targets: withTargets ? points.map((point) => targetAt(input.targets, point.period)) : undefined,
    });
  } catch (error) {
    if (!(error instanceof SpcInputError)) throw error;
    return {
      ...common,
      direction: directionOf(input.spcOptions),
      variation: 'none',
      assurance: null,
      warnings: [{ code: 'not_analysed', message: `the data cannot be analysed: ${error.message}` }],
      spark: emptySpark(),
    };
  }
  return {
    ...common,
    direction: analysis.options.direction,
    variation: analysis.summary.variation,
    assurance: analysis.summary.assurance,
    warnings: analysis.warnings.map((warning) => ({ code: warning.code, message: warning.message })),
    spark: sparkColumns(analysis, input.annotations),
  };
}

function directionOf(options: StoredSpcOptions): Direction {
  try {
    return resolveOptions(options).direction;
  } catch {
    return options.direction ?? 'neutral';
  }
}

function emptySpark(): SparkColumns {
  return {
    offset: 0,
    periods: [],
    values: [],
    mean: [],
    lower: [],
    upper: [],
    target: null,
    types: new Uint8Array(0),
    ghosts: [],
    annotated: [],
  };
}

function typeCode(side: number, direction: Direction): number {
  switch (pointTypeOf(side, direction)) {
    case 'common_cause':
      return COMMON;
    case 'improvement':
      return IMPROVEMENT;
    case 'concern':
      return CONCERN;
    case 'neither_high':
    case 'neither_low':
      return NEITHER;
  }
}

/** The latest (at most `MAX_SPARKLINE_POINTS`) points of an analysis, from its columns. */
function sparkColumns(analysis: SpcAnalysis, annotations: ReadonlyMap<string, number>): SparkColumns {
  const c = analysis.columns;
  const n = c.values.length;
  const offset = Math.max(0, n - MAX_SPARKLINE_POINTS);
  const length = n - offset;
  const direction = analysis.options.direction;
  const constantTarget = analysis.options.target;
  const periods: string[] = [];
  const values: number[] = [];
  const mean: (number | null)[] = [];
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  const target: (number | null)[] = [];
  const types = new Uint8Array(length);
  const ghosts: boolean[] = [];
  const annotated: boolean[] = [];
  let anyTarget = false;
  for (let i = offset; i < n; i++) {
    const lines = c.lines[c.lineIndex[i]!]!;
    const period = String(c.periods?.[i] ?? i);
    periods.push(period);
    values.push(c.values[i]!);
    mean.push(drawn(lines.mean));
    lower.push(drawn(lines.lower));
    upper.push(drawn(lines.upper));
    const pointTarget = c.targets?.[i] ?? constantTarget;
    if (pointTarget !== null) anyTarget = true;
    target.push(pointTarget);
    types[i - offset] = typeCode(flagAt(c.flags[i]!, FLAG_BITS.side), direction);
    ghosts.push(c.ghosts?.[i] === true);
    annotated.push(annotations.has(period));
  }
  return {
    offset,
    periods,
    values,
    mean,
    lower,
    upper,
    target: anyTarget ? target : null,
    types,
    ghosts,
    annotated,
  };
}

function indexesWhere(length: number, test: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < length; i++) if (test(i)) out.push(i);
  return out;
}

/** The sparkline of a card's latest `points` points. */
export function sparkline(spark: SparkColumns, points: number): SparklineView {
  const total = spark.periods.length;
  const from = Math.max(0, total - points);
  const length = total - from;
  const cut = <T>(list: readonly T[]): T[] => list.slice(from);
  const types = spark.types;
  return {
    offset: spark.offset + from,
    periods: cut(spark.periods),
    values: cut(spark.values),
    mean: cut(spark.mean),
    lower: cut(spark.lower),
    upper: cut(spark.upper),
    target: spark.target === null ? null : cut(spark.target),
    improvement: indexesWhere(length, (i) => types[from + i] === IMPROVEMENT),
    concern: indexesWhere(length, (i) => types[from + i] === CONCERN),
    neither: indexesWhere(length, (i) => types[from + i] === NEITHER),
    ghosts: indexesWhere(length, (i) => spark.ghosts[from + i] === true),
    annotated: indexesWhere(length, (i) => spark.annotated[from + i] === true),
  };
}

/** A series as the matrix sees it. */
export interface MatrixEntry {
  readonly id: string;
  readonly variation: VariationIcon;
  readonly assurance: AssuranceIcon | null;
}

/** Every cell of the variation × assurance matrix, in row and column order, with its series. */
export function summaryMatrix(entries: readonly MatrixEntry[]): MatrixCellView[] {
  const columns = [...ASSURANCE_ICONS, null] as const;
  const cells = new Map<string, MatrixCellView & { seriesIds: string[] }>();
  const key = (variation: VariationIcon, assurance: AssuranceIcon | null): string =>
    `${variation}/${assurance ?? ''}`;
  for (const variation of VARIATION_ICONS) {
    for (const assurance of columns) {
      cells.set(key(variation, assurance), { variation, assurance, count: 0, seriesIds: [] });
    }
  }
  for (const entry of entries) {
    const cell = cells.get(key(entry.variation, entry.assurance))!;
    cell.count++;
    cell.seriesIds.push(entry.id);
  }
  return [...cells.values()];
}
