/**
 * @module components/dashboard/format
 * How the dashboard writes values, periods, domains and icons: proportions as percentages, values
 * with their measure's unit, the summary matrix's rows and columns in Making Data Count order.
 */
import { assuranceLabel, formatNumber, periodFormatter, variationLabel } from '@groundswell/charts';
import type { Schema } from '../../api/client';

export type DashboardSeries = Schema<'DashboardSeries'>;
export type DashboardMeasure = Schema<'DashboardMeasure'>;
export type Variation = DashboardSeries['icons']['variation'];
export type Assurance = DashboardSeries['icons']['assurance'];
export type Domain = DashboardMeasure['domain'];

/** The summary matrix's rows, in the order the API gives them. */
export const VARIATIONS: readonly Variation[] = [
  'improvement_high',
  'improvement_low',
  'neither_high',
  'neither_low',
  'common_cause',
  'concern_high',
  'concern_low',
  'none',
];

/** The summary matrix's columns (null: no target). */
export const ASSURANCES: readonly Assurance[] = ['pass', 'hit_or_miss', 'fail', null];

/** The domains, in the order of the filter. */
export const DOMAINS: readonly Domain[] = [
  'safety',
  'experience',
  'effectiveness',
  'workforce',
  'finance',
  'other',
];

const DOMAIN_LABELS: Readonly<Record<Domain, string>> = {
  safety: 'Safety',
  experience: 'Experience',
  effectiveness: 'Effectiveness',
  workforce: 'Workforce',
  finance: 'Finance',
  other: 'Other',
};

export function domainLabel(domain: Domain): string {
  return DOMAIN_LABELS[domain];
}

/** A variation icon's name (`none`: too few points for SPC). */
export function variationName(icon: Variation): string {
  return variationLabel(icon);
}

/** An assurance icon's name (null: no target, or no process limits to judge it by). */
export function assuranceName(icon: Assurance): string {
  return icon === null ? 'No target or no limits' : assuranceLabel(icon);
}

/** What a series' assurance icon says, in words: why there is none when there is none. */
export function assuranceWords(series: Pick<DashboardSeries, 'icons' | 'target'>): string {
  const { assurance, variation } = series.icons;
  if (assurance !== null) return assuranceLabel(assurance);
  if (series.target === null) return 'No target';
  return variation === 'none' ? 'No assurance: no process limits yet' : 'No assurance against the target';
}

/** `assurance` as the API's filter writes it (`none` for no target). */
export function assuranceParam(icon: Assurance): string {
  return icon ?? 'none';
}

/** The assurance filter back from the URL, or undefined for none chosen. */
export function parseAssurance(text: string | null): Assurance | undefined {
  if (text === 'none') return null;
  return ASSURANCES.find((a) => a !== null && a === text);
}

/** The variation filter from the URL, or undefined. */
export function parseVariation(text: string | null): Variation | undefined {
  return VARIATIONS.find((v) => v === text);
}

/** The domain filter from the URL, or undefined. */
export function parseDomain(text: string | null): Domain | undefined {
  return DOMAINS.find((d) => d === text);
}

const percent = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** How a measure's values are written: a formatter and the unit shown after it (`%` attached). */
export interface ValueFormat {
  readonly formatValue: (value: number) => string;
  readonly unit: string | undefined;
}

type Measured = Pick<DashboardMeasure, 'dataType' | 'chartType' | 'unitLabel'>;

/**
 * Proportions (0–1 in the API) as percentages with one decimal; T charts in days; other values as
 * they are, followed by the measure's unit label.
 */
export function valueFormat(measure: Measured): ValueFormat {
  if (measure.dataType === 'proportion') {
    return { formatValue: (v) => percent.format(v * 100), unit: '%' };
  }
  if (measure.chartType === 't') return { formatValue: formatNumber, unit: 'days' };
  return { formatValue: formatNumber, unit: measure.unitLabel === '' ? undefined : measure.unitLabel };
}

/** A value of a measure, written with its unit: `87.2%`, `1,234 attendances`. */
export function formatValue(measure: Measured, value: number): string {
  const f = valueFormat(measure);
  const text = f.formatValue(value);
  if (f.unit === undefined) return text;
  return f.unit === '%' ? `${text}%` : `${text} ${f.unit}`;
}

/** A period as people write it: `Mar 2024` for the first of a month, else `1 Mar 2024`. */
export function formatPeriod(period: string, style: 'short' | 'long' = 'short'): string {
  return periodFormatter([period], style)(period);
}

/** "1 measure", "3 measures". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** A series' name for lists: the measure, and its unit (or the whole organisation). */
export function seriesLabel(series: Pick<DashboardSeries, 'measure' | 'unit'>): string {
  return `${series.measure.name} – ${series.unit?.name ?? 'Whole organisation'}`;
}
