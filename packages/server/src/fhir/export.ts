/**
 * @module fhir/export
 * A series' stored points as FHIR R4 MeasureReports (type `summary`, one per period) in a
 * `collection` Bundle. Pure: the caller reads the series, its measure, organisation and unit.
 */
import { resolveOptions } from '@groundswell/spc';
import type {
  Bundle,
  BundleEntry,
  Extension,
  MeasureReport,
  MeasureReportGroup,
  MeasureReportGroupPopulation,
} from 'fhir/r4.js';
import type { Measure } from '../measures/repository.js';
import type { Observation } from '../observations/repository.js';
import type { Organisation } from '../organisations/repository.js';
import { periodEnd } from './periods.js';
import {
  DECIMAL_COUNT_EXTENSION,
  GHOST_EXTENSION,
  IMPROVEMENT_NOTATION_SYSTEM,
  MEASURE_POPULATION_SYSTEM,
  measureUrl,
  ODS_SYSTEM,
} from './vocabulary.js';

/** What the reports of one series are made from. */
export interface ReportSource {
  readonly measure: Pick<
    Measure,
    'code' | 'dataType' | 'chartType' | 'frequency' | 'unitLabel' | 'spcOptions'
  >;
  readonly organisation: Pick<Organisation, 'odsCode' | 'name'>;
  /** The unit's display (see `unitNames`), or null for the organisation as a whole. */
  readonly unit: string | null;
}

/** A stored point, as far as a report needs it. */
export type ReportPoint = Pick<
  Observation,
  'period' | 'value' | 'numerator' | 'denominator' | 'ghost' | 'recordedAt'
>;

const isFraction = (dataType: Measure['dataType']): boolean =>
  dataType === 'proportion' || dataType === 'rate';

/** A population: `count` when a whole number, else the decimal extension. */
function population(code: 'numerator' | 'denominator', size: number): MeasureReportGroupPopulation {
  return {
    code: { coding: [{ system: MEASURE_POPULATION_SYSTEM, code }] },
    ...(Number.isInteger(size)
      ? { count: size }
      : { extension: [{ url: DECIMAL_COUNT_EXTENSION, valueDecimal: size }] }),
  };
}

function group(source: ReportSource, point: ReportPoint): MeasureReportGroup {
  const { dataType, unitLabel } = source.measure;
  if (isFraction(dataType)) {
    const { numerator, denominator } = point;
    if (numerator === null || denominator === null) return {};
    return {
      population: [population('numerator', numerator), population('denominator', denominator)],
      // A proportion's score is a fraction (0.95), not the percentage its unit label shows.
      ...(denominator === 0
        ? {}
        : {
            measureScore: {
              value: numerator / denominator,
              ...(dataType === 'rate' && unitLabel !== '' ? { unit: unitLabel } : {}),
            },
          }),
    };
  }
  if (point.value === null) return {};
  return { measureScore: { value: point.value, ...(unitLabel === '' ? {} : { unit: unitLabel }) } };
}

/** The improvement direction as FHIR's improvement notation (none for a neutral measure). */
function improvementNotation(source: ReportSource): Pick<MeasureReport, 'improvementNotation'> {
  const { direction } = resolveOptions(source.measure.spcOptions, source.measure.chartType);
  return direction === 'neutral'
    ? {}
    : { improvementNotation: { coding: [{ system: IMPROVEMENT_NOTATION_SYSTEM, code: direction }] } };
}

/**
 * One period of a series as a summary MeasureReport: the measure's canonical URL, the
 * organisation as `reporter` (ODS code), the unit as `subject.display`, the period from its
 * first day to the last day its frequency gives, and the numbers in `group[0]`.
 */
export function toMeasureReport(source: ReportSource, point: ReportPoint): MeasureReport {
  const ghost: Extension[] = point.ghost ? [{ url: GHOST_EXTENSION, valueBoolean: true }] : [];
  return {
    resourceType: 'MeasureReport',
    ...(ghost.length > 0 ? { extension: ghost } : {}),
    status: 'complete',
    type: 'summary',
    measure: measureUrl(source.measure.code),
    ...(source.unit === null ? {} : { subject: { display: source.unit } }),
    date: point.recordedAt.toISOString(),
    reporter: {
      identifier: { system: ODS_SYSTEM, value: source.organisation.odsCode },
      display: source.organisation.name,
    },
    period: { start: point.period, end: periodEnd(point.period, source.measure.frequency) },
    ...improvementNotation(source),
    group: [group(source, point)],
  };
}

/** A collection Bundle of MeasureReports, as Groundswell exports them. */
export type ReportBundle = Omit<Bundle<MeasureReport>, 'type' | 'timestamp' | 'entry'> & {
  readonly type: 'collection';
  readonly timestamp: string;
  readonly entry: (BundleEntry<MeasureReport> & { readonly resource: MeasureReport })[];
};

/**
 * A series as a `collection` Bundle of MeasureReports in period order.
 * @example toBundle(source, await readSeries(db, seriesId), new Date())
 */
export function toBundle(
  source: ReportSource,
  points: readonly ReportPoint[],
  generatedAt: Date,
): ReportBundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: generatedAt.toISOString(),
    entry: points.map((point) => ({ resource: toMeasureReport(source, point) })),
  };
}
