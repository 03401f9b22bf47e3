/**
 * @module components/catalogue/labels
 * Words for a measure's closed lists (domain, data type, chart type, visibility), and how a
 * synthetic demo measure is recognised.
 */
import type { Schema } from '../../api/client';

type Measure = Schema<'Measure'>;
export type Domain = Measure['domain'];
export type DataType = Measure['dataType'];
export type ChartType = Measure['chartType'];
export type Visibility = Measure['visibility'];

export const DOMAIN_LABEL: Readonly<Record<Domain, string>> = {
  safety: 'Safety',
  experience: 'Experience',
  effectiveness: 'Effectiveness',
  workforce: 'Workforce',
  finance: 'Finance',
  other: 'Other',
};

export const DATA_TYPE_LABEL: Readonly<Record<DataType, string>> = {
  value: 'Value',
  proportion: 'Proportion (numerator and denominator)',
  rate: 'Rate (events per exposure)',
  count: 'Count',
  events: 'Events (dates of events)',
};

export const CHART_TYPE_LABEL: Readonly<Record<ChartType, string>> = {
  xmr: 'XmR chart',
  run: 'Run chart',
  p: 'p chart',
  pp: 'p′ chart (Laney)',
  u: 'u chart',
  up: 'u′ chart (Laney)',
  c: 'c chart',
  t: 't chart (time between events)',
  g: 'g chart (count between events)',
};

export const VISIBILITY_LABEL: Readonly<Record<Visibility, string>> = {
  private: 'Private',
  internal: 'Internal (staff)',
  public: 'Public',
};

/** The lists in the order people expect them. */
export const DOMAINS = Object.keys(DOMAIN_LABEL) as Domain[];
export const DATA_TYPES = Object.keys(DATA_TYPE_LABEL) as DataType[];
export const VISIBILITIES = Object.keys(VISIBILITY_LABEL) as Visibility[];

/** How the demo marks its synthetic measures: in the name, and in the source. */
const SYNTHETIC_NAME = /\s*\(synthetic demo data\)\s*$/i;
const SYNTHETIC_SOURCE = /^synthetic demo data/i;

/** True for the demo's synthetic measures (not real figures). */
export function isSynthetic(measure: Pick<Measure, 'name' | 'source'>): boolean {
  return SYNTHETIC_NAME.test(measure.name) || SYNTHETIC_SOURCE.test(measure.source ?? '');
}

/** The name without the "(synthetic demo data)" suffix, which a tag shows instead. */
export function displayName(measure: Pick<Measure, 'name'>): string {
  return measure.name.replace(SYNTHETIC_NAME, '');
}
