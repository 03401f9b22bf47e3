/**
 * @module public/format
 * How the public pages write numbers, periods and names: proportions as percentages, values with
 * their measure's unit, months as "March 2024", stages and statuses in words. Pure.
 */
import { formatNumber, periodFormatter } from '@groundswell/charts';
import type { ValueFormatter } from '@groundswell/charts';
import type { ChartType } from '@groundswell/spc';
import type { DataType, Domain, ProjectStage } from '../db/schema/vocabulary.js';
import type { GoalStatus } from '../goals/status.js';

/** How a measure's values are written. */
export interface ValueFormat {
  readonly formatValue: ValueFormatter;
  /** `%`, a unit label, or undefined for none. */
  readonly unit: string | undefined;
  /** Proportions of 1 shown as percentages. */
  readonly percent: boolean;
}

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** The value format of a measure (as the web app's measure page writes them). */
export function valueFormat(measure: {
  readonly dataType: DataType;
  readonly chartType: ChartType;
  readonly unitLabel: string;
}): ValueFormat {
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

/** A period in full: `March 2024` for the first of a month, else `1 March 2024`. */
export function formatPeriod(period: string | number): string {
  return periodFormatter([period], 'long')(period);
}

/** A date (`2027-03-31`) in full: `31 March 2027`. */
export function formatDate(date: string): string {
  return periodFormatter([date, '2000-01-02'], 'long')(date);
}

const DOMAINS: Readonly<Record<Domain, string>> = {
  safety: 'Safety',
  experience: 'Experience of care',
  effectiveness: 'Effectiveness',
  workforce: 'Our staff',
  finance: 'Finance',
  other: 'Other measures',
};

/** A domain's heading. */
export function domainName(domain: Domain): string {
  return DOMAINS[domain];
}

const STAGES: Readonly<Record<ProjectStage, string>> = {
  idea: 'Idea',
  planning: 'Planning',
  testing: 'Testing changes',
  implementing: 'Putting changes in place',
  spreading: 'Spreading to other teams',
  sustaining: 'Keeping the gains',
  complete: 'Finished',
  stopped: 'Stopped',
};

/** A project stage in words. */
export function stageName(stage: ProjectStage): string {
  return STAGES[stage];
}

const STATUSES: Readonly<Record<GoalStatus, string>> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'Not enough data yet',
};

/** A goal's status in words. */
export function goalStatusName(status: GoalStatus): string {
  return STATUSES[status];
}
