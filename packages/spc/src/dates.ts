/**
 * @module dates
 * ISO calendar dates as whole day numbers (days since 1970-01-01, UTC).
 */
import { SpcInputError } from './errors.js';
import type { Period } from './types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number of an ISO date (`YYYY-MM-DD`), or NaN if it is not a real calendar date. */
export function isoDateToDay(text: string): number {
  const m = ISO_DATE.exec(text);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return ms / MS_PER_DAY;
}

/** ISO date (`YYYY-MM-DD`) of a day number. */
export function dayToIsoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day numbers of event dates given as day numbers or ISO dates. */
export function toDays(dates: readonly Period[], field = 'dates'): number[] {
  return dates.map((p, i) => {
    const day = typeof p === 'number' ? p : isoDateToDay(p);
    if (!Number.isFinite(day)) {
      throw new SpcInputError(
        'non_finite_value',
        `${field}[${i}] is ${JSON.stringify(p)}, not a date (YYYY-MM-DD) or day number`,
        {
          index: i,
          field,
        },
      );
    }
    return day;
  });
}
