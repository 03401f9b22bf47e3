/**
 * @module reports/period
 * A report's period: a calendar month, stored as its first day (`2019-03-01`), read from
 * `2019-03` or any date in the month, written as people say it ("March 2019"). Pure.
 */
import { DataError } from '../errors.js';

/** `YYYY-MM` or `YYYY-MM-DD`. */
const PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * The month of `text` (`2019-03` or any date of it) as its first day, `2019-03-01`.
 * @throws {DataError} `invalid_input` naming `field`.
 */
export function monthOf(text: string, field = 'period'): string {
  const match = PATTERN.exec(text.trim());
  const month = match === null ? NaN : Number(match[2]);
  const year = match === null ? NaN : Number(match[1]);
  const day = match?.[3] === undefined ? 1 : Number(match[3]);
  if (
    !(month >= 1 && month <= 12) ||
    !(year >= 1900 && year <= 2999) ||
    day < 1 ||
    day > daysIn(year, month)
  ) {
    throw new DataError('invalid_input', `${field} must be a month written YYYY-MM (or a date YYYY-MM-DD)`, {
      field,
    });
  }
  return `${match![1]}-${match![2]}-01`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day of the month that starts on `month` (`2019-02-01` → `2019-02-28`). */
export function monthEnd(month: string): string {
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month.slice(0, 8)}${String(daysIn(year, m)).padStart(2, '0')}`;
}
