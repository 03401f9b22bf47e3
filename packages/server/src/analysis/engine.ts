/**
 * @module analysis/engine
 * Stored points → the SPC engine's input, and the chart the measure asks for. Pure: no database.
 */
import { attributeChart, gChart, resolveOptions, runChart, tChart, xmr } from '@groundswell/spc';
import type { ChartType, SpcAnalysis, SpcOptions } from '@groundswell/spc';
import type { DataType } from '../db/schema/vocabulary.js';

/** A stored point, as far as the analysis needs it. */
export interface StoredPoint {
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly ghost: boolean;
}

/** What to analyse: the measure's chart and data type, its options, points and targets. */
export interface AnalysisRequest {
  readonly chartType: ChartType;
  readonly dataType: DataType;
  readonly options: SpcOptions;
  /** In period order. */
  readonly points: readonly StoredPoint[];
  /** The target in force at each point (same length as `points`), or undefined for none. */
  readonly targets?: readonly (number | null)[] | undefined;
}

const isFraction = (dataType: DataType): boolean => dataType === 'proportion' || dataType === 'rate';

/** The points that hold the numbers their data type needs (others cannot be plotted). */
export function plottable(dataType: DataType, points: readonly StoredPoint[]): StoredPoint[] {
  return points.filter((point) =>
    isFraction(dataType) ? point.numerator !== null && point.denominator !== null : point.value !== null,
  );
}

/** Event dates for a T chart: each stored day repeated once per event on it. */
function eventDates(points: readonly StoredPoint[]): { dates: string[]; ghosts: boolean[] } {
  const dates: string[] = [];
  const ghosts: boolean[] = [];
  for (const point of points) {
    for (let k = 0; k < Math.round(point.value ?? 0); k++) {
      dates.push(point.period);
      ghosts.push(point.ghost);
    }
  }
  return { dates, ghosts };
}

/**
 * Whether a chart with limits would have too few points for them and the options ask for a run
 * chart then (`belowMinimum: run_chart`, the mdc preset): fewer non-ghosted points than
 * `minimumPoints`, but at least one. T and G charts keep the engine's own behaviour, and so does
 * a fraction with a zero denominator (it has no ratio to put on a run chart).
 */
function runChartInstead(
  chartType: ChartType,
  options: SpcOptions,
  points: readonly StoredPoint[],
  denominators: readonly number[] | undefined,
): boolean {
  if (chartType === 'run' || chartType === 't' || chartType === 'g') return false;
  const resolved = resolveOptions(options, chartType);
  if (resolved.belowMinimum !== 'run_chart') return false;
  const used = points.reduce((n, point) => (point.ghost ? n : n + 1), 0);
  if (used === 0 || used >= resolved.minimumPoints) return false;
  return denominators?.every((d) => d > 0) ?? true;
}

/**
 * Runs the engine as the measure asks: XmR and run charts on the value (or numerator ÷
 * denominator for proportions and rates), p/p′/u/u′ on numerators and denominators, c on
 * counts, T on event dates (a day's value is its number of events), G on counts between events.
 *
 * Too few points for limits: with `belowMinimum: run_chart` (mdc), an XmR or attribute chart is
 * analysed as a run chart until it has `minimumPoints` non-ghosted points — the median, and the
 * Anhøj rules (an unusually long run on one side of the median, too few crossings), no limits and
 * no icons — with a `too_few_points` warning saying so. With `trial_limits` (nhsr) the engine
 * computes trial limits, and T and G charts keep the engine's own behaviour.
 * @throws {SpcInputError} when the engine refuses the data or options.
 */
export function analyse(request: AnalysisRequest): SpcAnalysis {
  const { chartType, dataType, options, points, targets } = request;
  const periods = points.map((point) => point.period);
  const ghosts = points.map((point) => point.ghost);
  const numerators = points.map((point) => (isFraction(dataType) ? point.numerator! : point.value!));
  const denominators = isFraction(dataType) ? points.map((point) => point.denominator!) : undefined;
  if (runChartInstead(chartType, options, points, denominators)) {
    const values = denominators ? numerators.map((n, i) => n / denominators[i]!) : numerators;
    const analysis = runChart({ values, periods, ghosts, targets }, options);
    const { minimumPoints } = analysis.options;
    analysis.warnings.unshift({
      code: 'too_few_points',
      message: `${analysis.summary.n} points: at least ${minimumPoints} are needed for limits, so this is a run chart`,
    });
    return analysis;
  }
  switch (chartType) {
    case 'xmr':
    case 'run': {
      const values = denominators ? numerators.map((n, i) => n / denominators[i]!) : numerators;
      const series = { values, periods, ghosts, targets };
      return chartType === 'xmr' ? xmr(series, options) : runChart(series, options);
    }
    case 'p':
    case 'pp':
    case 'u':
    case 'up':
    case 'c':
      return attributeChart(chartType, { numerators, denominators, periods, ghosts, targets }, options);
    case 't':
      return tChart(eventDates(points), options);
    case 'g':
      return gChart({ values: numerators, periods, ghosts }, options);
  }
}
