/**
 * @module format
 * How periods and values are written in labels, tooltips and descriptions.
 */
import type { Period } from '@groundswell/spc';

/** Writes a period for people. */
export type PeriodFormatter = (period: Period) => string;

/** Writes a value for people. */
export type ValueFormatter = (value: number) => string;

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface IsoParts {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
}

const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (leap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Year, month and day of a valid ISO date string (`YYYY-MM-DD`), or null. */
export function isoDateParts(period: Period): IsoParts | null {
  if (typeof period !== 'string') return null;
  const m = ISO_DATE.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when every period is an ISO date on the first of a month (a monthly series). */
export function isMonthly(periods: readonly Period[]): boolean {
  return periods.length > 0 && periods.every((p) => isoDateParts(p)?.day === 1);
}

/**
 * The default period formatter for a series: when every period is an ISO date on the first of a
 * month, dates are shown as months (`Mar 2024`, or `March 2024` with `style: 'long'`); other ISO
 * dates as `1 Mar 2024` (`1 March 2024`); numbers and any other strings as they are.
 */
export function periodFormatter(
  periods: readonly Period[],
  style: 'short' | 'long' = 'short',
): PeriodFormatter {
  const monthly = isMonthly(periods);
  const names = style === 'long' ? LONG_MONTHS : SHORT_MONTHS;
  return (period: Period): string => {
    if (typeof period === 'number') return style === 'long' ? `period ${period}` : String(period);
    const d = isoDateParts(period);
    if (d === null) return period;
    const month = names[d.month - 1]!;
    return monthly && d.day === 1 ? `${month} ${d.year}` : `${d.day} ${month} ${d.year}`;
  };
}

/** "March 2019" for `2019-03` or any date in that month (`2019-03-01`). */
export function monthLabel(period: string): string {
  return `${LONG_MONTHS[Number(period.slice(5, 7)) - 1] ?? '?'} ${period.slice(0, 4)}`;
}

/** "31 March 2027" for `2027-03-31`. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${LONG_MONTHS[month! - 1] ?? '?'} ${year}`;
}

const formats = new Map<number, Intl.NumberFormat>();
function grouped(decimals: number): Intl.NumberFormat {
  let f = formats.get(decimals);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-GB', { maximumFractionDigits: decimals, useGrouping: true });
    formats.set(decimals, f);
  }
  return f;
}

/**
 * The default value formatter: thousands separated, with fewer decimals for larger numbers
 * (whole numbers as they are; ≥ 100: one decimal; ≥ 1: two; below 1: three significant figures).
 * @example formatNumber(21289) // '21,289'; formatNumber(123.456) // '123.5'; formatNumber(9.456) // '9.46'
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const a = Math.abs(value);
  let decimals: number;
  if (Number.isInteger(value) || a >= 100) decimals = Number.isInteger(value) ? 0 : 1;
  else if (a >= 1) decimals = 2;
  else if (a === 0) decimals = 0;
  else decimals = Math.min(10, 2 - Math.floor(Math.log10(a)));
  const text = grouped(decimals).format(value);
  return text === '-0' ? '0' : text;
}

/** A value with its unit: `%` is attached (`95%`), any other unit follows a space (`12 days`). */
export function withUnit(text: string, unit: string | undefined): string {
  if (unit === undefined || unit === '') return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}
