/**
 * @module observations/input
 * Observation rows as callers give them, their provenance, and the checks made before any SQL.
 */
import { DataError } from '../errors.js';
import { isIsoDate, isUuid } from '../validation.js';

/** One point to store: a series, a period and its numbers. */
export interface ObservationInput {
  readonly seriesId: string;
  /** `YYYY-MM-DD` (for events: the date of the events). */
  readonly period: string;
  /** For value, count and events measures (events: how many that day, or cases between events). */
  readonly value?: number | null | undefined;
  /** For proportion and rate measures. */
  readonly numerator?: number | null | undefined;
  /** For proportion and rate measures (rate: the exposure). */
  readonly denominator?: number | null | undefined;
  /** true or false sets the ghost flag; absent or null keeps the stored one (false for a new point). */
  readonly ghost?: boolean | null | undefined;
}

/** Who or what wrote the rows: an import (perhaps started by a user) or a user by hand. */
export type Provenance = (
  | { readonly importId: string; readonly userId?: string | null | undefined }
  | { readonly importId?: null | undefined; readonly userId: string }
) & {
  /** The audit event of a person's change, which the revisions it makes link to. */
  readonly auditEventId?: number | null | undefined;
};

/** Provenance checked: at least one of the two ids. */
export interface CheckedProvenance {
  readonly importId: string | null;
  readonly userId: string | null;
  /** The audit event the revisions link to (a person's change; an import's link to the import). */
  readonly auditEventId?: number | null | undefined;
}

/** A row that passed the checks that need no database. */
export interface CheckedRow {
  readonly seriesId: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly ghost: boolean | null;
}

function rowError(index: number, field: string, reason: string, message: string): DataError {
  return new DataError('invalid_input', `rows[${index}]: ${message}`, {
    field: `rows[${index}].${field}`,
    index,
    reason,
  });
}

function number(index: number, field: string, value: number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw rowError(index, field, 'not_a_number', `${field} must be a finite number or empty`);
  }
  return value;
}

/**
 * Checks a row's shape (ids, dates, numbers); what its measure's data type requires is checked
 * in the database, for the whole batch at once.
 * @throws {DataError} `invalid_input` with `index`, `field` (`rows[i].period`) and `reason`.
 */
export function checkRow(row: ObservationInput, index: number): CheckedRow {
  return rowChecker()(row, index);
}

/**
 * `checkRow` for long batches: remembers the series ids and periods already seen valid, which
 * repeat on almost every row.
 */
export function rowChecker(): (row: ObservationInput, index: number) => CheckedRow {
  const seenSeries = new Map<string, string>();
  const seenPeriods = new Set<string>();
  return (row, index) => {
    let seriesId = seenSeries.get(row.seriesId);
    if (seriesId === undefined) {
      if (!isUuid(row.seriesId))
        throw rowError(index, 'seriesId', 'invalid_series', 'seriesId must be an id (a UUID)');
      seriesId = row.seriesId.toLowerCase();
      seenSeries.set(row.seriesId, seriesId);
    }
    if (!seenPeriods.has(row.period)) {
      if (!isIsoDate(row.period)) {
        throw rowError(index, 'period', 'invalid_period', 'period must be a date written YYYY-MM-DD');
      }
      seenPeriods.add(row.period);
    }
    const ghost = row.ghost ?? null;
    if (ghost !== null && typeof ghost !== 'boolean') {
      throw rowError(index, 'ghost', 'invalid_ghost', 'ghost must be true, false or empty');
    }
    return {
      seriesId,
      period: row.period,
      value: number(index, 'value', row.value),
      numerator: number(index, 'numerator', row.numerator),
      denominator: number(index, 'denominator', row.denominator),
      ghost,
    };
  };
}

/**
 * Checks provenance: ids must be UUIDs and at least one given.
 * @throws {DataError} `invalid_input`.
 */
export function checkProvenance(provenance: Provenance): CheckedProvenance {
  const importId = provenance.importId ?? null;
  const userId = provenance.userId ?? null;
  for (const [field, id] of [
    ['importId', importId],
    ['userId', userId],
  ] as const) {
    if (id !== null && !isUuid(id))
      throw new DataError('invalid_input', `${field} must be an id (a UUID)`, { field });
  }
  if (importId === null && userId === null) {
    throw new DataError('invalid_input', 'observations need an importId or a userId (their provenance)', {
      field: 'importId',
    });
  }
  return {
    importId: importId?.toLowerCase() ?? null,
    userId: userId?.toLowerCase() ?? null,
    auditEventId: provenance.auditEventId ?? null,
  };
}

const csvNumber = (value: number | null): string => (value === null ? '' : String(value));

/**
 * A checked row as a line of PostgreSQL CSV for the staging table: `ord`, the series' number in
 * the batch (see copy.ts), period, value, numerator, denominator, ghost (empty: null).
 */
export function csvLine(ord: number, seriesNumber: number, row: CheckedRow): string {
  const ghost = row.ghost === null ? '' : row.ghost ? 't' : 'f';
  return `${ord},${seriesNumber},${row.period},${csvNumber(row.value)},${csvNumber(row.numerator)},${csvNumber(row.denominator)},${ghost}\n`;
}
