/**
 * @module analysis/engine
 * Stored points → the SPC engine's input, and the chart the measure asks for. Pure: no database.
 */
import { attributeChart, gChart, runChart, tChart, xmr } from '@groundswell/spc';
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
 * Runs the engine as the measure asks: XmR and run charts on the value (or numerator ÷
 * denominator for proportions and rates), p/p′/u/u′ on numerators and denominators, c on
 * counts, T on event dates (a day's value is its number of events), G on counts between events.
 * With fewer points than the options' minimum, the engine's own behaviour applies (mdc: a run
 * chart with no limits; nhsr: trial limits).
 * @throws {SpcInputError} when the engine refuses the data or options.
 */
export function analyse(request: AnalysisRequest): SpcAnalysis {
  const { chartType, dataType, options, points, targets } = request;
  const periods = points.map((point) => point.period);
  const ghosts = points.map((point) => point.ghost);
  const numerators = points.map((point) => (isFraction(dataType) ? point.numerator! : point.value!));
  const denominators = isFraction(dataType) ? points.map((point) => point.denominator!) : undefined;
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
