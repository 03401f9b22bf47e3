/**
 * @module fhir/periods
 * A stored period (`YYYY-MM-DD`, the first day) as a FHIR `Period` and back: the last day
 * follows from the measure's frequency; FHIR dates may be partial (`2024`, `2024-03`) or
 * date-times.
 */
import type { Frequency } from '../db/schema/vocabulary.js';
import { isIsoDate } from '../validation.js';

const DAY_MS = 86_400_000;

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `date` moved by whole months (the day of month kept, rolling over as the calendar does). */
function addMonths(date: string, months: number): Date {
  const d = utc(date);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
}

/**
 * The last day of the period that starts on `start`, for a measure recorded at `frequency`
 * (a day, and `irregular` events, end on the day they start).
 * @example periodEnd('2024-02-01', 'month') // '2024-02-29'
 */
export function periodEnd(start: string, frequency: Frequency): string {
  switch (frequency) {
    case 'day':
    case 'irregular':
      return start;
    case 'week':
      return iso(new Date(utc(start).getTime() + 6 * DAY_MS));
    case 'month':
      return iso(new Date(addMonths(start, 1).getTime() - DAY_MS));
    case 'quarter':
      return iso(new Date(addMonths(start, 3).getTime() - DAY_MS));
    case 'year':
      return iso(new Date(addMonths(start, 12).getTime() - DAY_MS));
  }
}

/** A FHIR `date` or `dateTime`: a year, a month, a day, or a day with a time and zone. */
const FHIR_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?)?)?$/;

/**
 * The day a FHIR `date` or `dateTime` stands for, as `YYYY-MM-DD`: for a partial date, its first
 * day (`edge` 'start') or its last (`edge` 'end'); for a date-time, its calendar day as written
 * (in the sender's zone). Undefined for anything else.
 * @example fhirDay('2024-02', 'end') // '2024-02-29'
 */
export function fhirDay(text: string, edge: 'start' | 'end'): string | undefined {
  const match = FHIR_DATE.exec(text);
  if (match === null) return undefined;
  const [, year, month, day] = match;
  if (day !== undefined) {
    const date = `${year}-${month}-${day}`;
    return isIsoDate(date) ? date : undefined;
  }
  const first = `${year}-${month ?? '01'}-01`;
  if (!isIsoDate(first)) return undefined;
  if (edge === 'start') return first;
  return month === undefined ? `${year}-12-31` : periodEnd(first, 'month');
}
