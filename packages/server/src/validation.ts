/**
 * @module validation
 * Small checks of input values shared by the repositories.
 */
import { DataError } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (years 1000 to 9999). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** Whether `value` is a UUID in its usual text form. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** `value` trimmed, refusing an empty or over-long string. */
export function requiredText(field: string, value: string, maxLength = 500): string {
  const text = value.trim();
  if (text.length === 0) throw new DataError('invalid_input', `${field} must not be empty`, { field });
  if (text.length > maxLength) {
    throw new DataError('invalid_input', `${field} must be at most ${maxLength} characters`, { field });
  }
  return text;
}

/** Refuses a value that is not one of `allowed`. */
export function requireOneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new DataError(
    'invalid_input',
    `${field} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`,
    {
      field,
    },
  );
}

/** Refuses an id that is not a UUID (instead of letting the database fail on the cast). */
export function requireUuid(field: string, value: string): string {
  if (isUuid(value)) return value.toLowerCase();
  throw new DataError('invalid_input', `${field} must be an id (a UUID), got ${JSON.stringify(value)}`, {
    field,
  });
}

/** Refuses a date that is not `YYYY-MM-DD`. */
export function requireIsoDate(field: string, value: string): string {
  if (isIsoDate(value)) return value;
  throw new DataError(
    'invalid_input',
    `${field} must be a date written YYYY-MM-DD, got ${JSON.stringify(value)}`,
    {
      field,
    },
  );
}
