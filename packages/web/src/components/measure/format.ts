/**
 * @module components/measure/format
 * How the measure page writes things: values with their measure's unit (proportions, 0–1 in the
 * API, as percentages), periods, the definition's vocabulary in words, point types, and the file
 * name of a downloaded chart.
 */
import { exportFileName, formatNumber, periodFormatter, pointTypeLabel } from '@groundswell/charts';
import type { Schema } from '../../api/client';

export type Measure = Schema<'Measure'>;
export type AnalysisJson = Schema<'SpcAnalysis'>;
export type SpcPointJson = Schema<'SpcPoint'>;
export type SpcOptions = Schema<'SpcOptions'>;

type Measured = Pick<Measure, 'dataType' | 'chartType' | 'unitLabel'>;

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** How a measure's values are written: a formatter and the unit after it (`%` attached). */
export interface ValueFormat {
  readonly formatValue: (value: number) => string;
  readonly unit: string | undefined;
  /** Proportions: the API's 0–1 values are shown (and typed) as percentages. */
  readonly percent: boolean;
}

/**
 * Proportions as percentages with one decimal (`78.5%`); T charts in days; other values as they
 * are, followed by the measure's unit label.
 */
export function valueFormat(measure: Measured): ValueFormat {
  if (measure.dataType === 'proportion') {
    return { formatValue: (v) => oneDecimal.format(v * 100), unit: '%', percent: true };
  }
  if (measure.chartType === 't') return { formatValue: formatNumber, unit: 'days', percent: false };
  return {
    formatValue: formatNumber,
    unit: measure.unitLabel === '' ? undefined : measure.unitLabel,
    percent: false,
  };
}

/** A value with its unit: `78.5%`, `1,234 attendances`. */
export function withUnit(format: ValueFormat, value: number): string {
  const text = format.formatValue(value);
  if (format.unit === undefined) return text;
  return format.unit === '%' ? `${text}%` : `${text} ${format.unit}`;
}

/** A period as people write it: `Mar 2024` for the first of a month (`March 2024` long), else `1 Mar 2024`. */
export function formatPeriod(period: string | number, style: 'short' | 'long' = 'short'): string {
  return periodFormatter([period], style)(period);
}

/** A date-only period (`2024-03-01`) in full: `1 March 2024`. */
export function formatDate(period: string): string {
  return periodFormatter([period, '2000-01-02'], 'long')(period);
}

const DATA_TYPES: Readonly<Record<Measure['dataType'], string>> = {
  value: 'A value (continuous)',
  proportion: 'A proportion (numerator out of denominator)',
  rate: 'A rate (events per unit of exposure)',
  count: 'A count',
  events: 'Rare events (dates of events)',
};

const CHART_TYPES: Readonly<Record<Measure['chartType'], string>> = {
  xmr: 'XmR (individuals) chart',
  run: 'Run chart',
  p: 'p chart (proportions)',
  pp: 'p′ chart (proportions, Laney)',
  u: 'u chart (rates)',
  up: 'u′ chart (rates, Laney)',
  c: 'c chart (counts)',
  t: 'T chart (time between events)',
  g: 'G chart (cases between events)',
};

const DOMAINS: Readonly<Record<Measure['domain'], string>> = {
  safety: 'Safety',
  experience: 'Experience',
  effectiveness: 'Effectiveness',
  workforce: 'Workforce',
  finance: 'Finance',
  other: 'Other',
};

const VISIBILITIES: Readonly<Record<Measure['visibility'], string>> = {
  private: 'Private (the owning organisation only)',
  internal: 'Internal (staff of the organisation)',
  public: 'Public (may be published)',
};

const FREQUENCIES: Readonly<Record<Measure['frequency'], string>> = {
  day: 'Daily',
  week: 'Weekly',
  month: 'Monthly',
  quarter: 'Quarterly',
  year: 'Yearly',
  irregular: 'Irregular',
};

export const dataTypeLabel = (t: Measure['dataType']): string => DATA_TYPES[t];
export const chartTypeLabel = (t: Measure['chartType']): string => CHART_TYPES[t];
export const domainLabel = (d: Measure['domain']): string => DOMAINS[d];
export const visibilityLabel = (v: Measure['visibility']): string => VISIBILITIES[v];
export const frequencyLabel = (f: Measure['frequency']): string => FREQUENCIES[f];

export type Direction = 'increase' | 'decrease' | 'neutral';
export type Preset = 'mdc' | 'nhsr';

export function directionLabel(direction: Direction): string {
  return direction === 'increase'
    ? 'Higher is better'
    : direction === 'decrease'
      ? 'Lower is better'
      : 'No improvement direction (neither higher nor lower is better)';
}

export function presetLabel(preset: Preset): string {
  return preset === 'nhsr'
    ? 'NHS-R (NHSRplotthedots): 7-point runs, screened moving ranges, trial limits'
    : "NHS England's Making Data Count (the default)";
}

/** What the analysis used: the options after the preset's defaults (`analysis.options`). */
export interface UsedOptions {
  readonly preset: Preset;
  readonly direction: Direction;
  readonly rebaseAt: readonly string[];
  readonly minimumPoints: number;
  readonly baseline: { readonly points: number } | { readonly until: string } | null;
}

/** The options the analysis reports, read safely (the API types them loosely). */
export function usedOptions(analysis: AnalysisJson): UsedOptions {
  const o = analysis.options;
  const preset: Preset = o.preset === 'nhsr' ? 'nhsr' : 'mdc';
  const direction: Direction =
    o.direction === 'increase' || o.direction === 'decrease' ? o.direction : 'neutral';
  const rebaseAt = Array.isArray(o.rebaseAt)
    ? o.rebaseAt.filter((p): p is string => typeof p === 'string')
    : [];
  const minimumPoints = typeof o.minimumPoints === 'number' ? o.minimumPoints : 13;
  const baseline =
    typeof o.baseline === 'object' && o.baseline !== null
      ? (o.baseline as { points: number } | { until: string })
      : null;
  return { preset, direction, rebaseAt, minimumPoints, baseline };
}

/** A point's type in words, as the table and tooltips say it. */
export function pointTypeWords(
  point: SpcPointJson,
  limitsShown: boolean,
  chart: AnalysisJson['chart'],
): string {
  if (point.ghost) return 'Ghosted (left out of the calculations)';
  if (chart === 'run') {
    return point.pointType === 'common_cause'
      ? 'Random variation'
      : `${pointTypeLabel(point.pointType)} (long run)`;
  }
  if (!limitsShown) return 'Not judged (too few points)';
  return pointTypeLabel(point.pointType);
}

/**
 * The file name of a downloaded chart, as the server names its exports (`@groundswell/charts`'
 * `exportFileName`): ODS code, measure code, unit and last period
 * (`RF4-ae-4-hour-type-1-a-e-2019-03.svg`).
 */
export function chartFileName(parts: {
  readonly odsCode: string | undefined;
  readonly measureCode: string;
  readonly unitName: string | null;
  readonly lastPeriod: string | null;
  readonly frequency: Measure['frequency'];
}): string {
  return exportFileName({ ...parts, odsCode: parts.odsCode ?? '' }, 'svg');
}
