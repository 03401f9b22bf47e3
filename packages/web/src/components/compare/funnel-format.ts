/**
 * @module components/compare/funnel-format
 * How the funnel page writes its figures and positions: proportions as percentages, rates to three
 * significant figures, the periods compared in words, and a colour for each position that is never
 * the only sign of it (the words are always there too).
 */
import { formatNumber, periodFormatter } from '@groundswell/charts';
import type { Schema } from '../../api/client';

export type Funnel = Schema<'Funnel'>;
export type FunnelPoint = Schema<'FunnelPoint'>;
export type FunnelWindow = Funnel['window'];
export type FunnelAmong = Funnel['among'];

/** A value of the funnel: `82.4%` for proportions, `6.52` for rates. */
export function formatFunnelValue(value: number, type: Funnel['type']): string {
  if (type === 'proportion') return `${(value * 100).toFixed(1)}%`;
  return formatNumber(Number(value.toPrecision(3)));
}

/** Counts with thousands separators. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}

/** "March 2019", or "April 2018 to March 2019". */
export function periodWords(period: Funnel['period']): string {
  if (period === null) return 'no period';
  const format = periodFormatter([period.from, period.to], 'long');
  return period.from === period.to ? format(period.to) : `${format(period.from)} to ${format(period.to)}`;
}

/** The NHS tag colour of an assessment. */
export const ASSESSMENT_TAG: Readonly<Record<FunnelPoint['assessment'], string>> = {
  better: 'nhsuk-tag nhsuk-tag--green',
  worse: 'nhsuk-tag nhsuk-tag--red',
  higher: 'nhsuk-tag nhsuk-tag--blue',
  lower: 'nhsuk-tag nhsuk-tag--blue',
  expected: 'nhsuk-tag nhsuk-tag--grey',
};

/** A short name for the tag. */
export const ASSESSMENT_SHORT: Readonly<Record<FunnelPoint['assessment'], string>> = {
  better: 'Better',
  worse: 'Worse',
  higher: 'Higher',
  lower: 'Lower',
  expected: 'As expected',
};

/** A positive outlier: beyond the 99.8% limits on the better side. */
export function isPositiveOutlier(point: FunnelPoint): boolean {
  return point.outlier && point.assessment === 'better';
}
