/**
 * @module components/import/fixtures
 * Imports as the API returns them, for component tests.
 */
import type { Import } from './api';

export const ORGANISATION_ID = '00000000-0000-4000-8000-0000000000f4';

/** An import (uploaded, of a five-column file) with any fields replaced. */
export function anImport(overrides: Partial<Import> = {}): Import {
  return {
    id: '20000000-0000-4000-8000-000000000001',
    organisationId: ORGANISATION_ID,
    fileName: 'falls.csv',
    format: 'csv',
    status: 'uploaded',
    added: 0,
    changed: 0,
    unchanged: 0,
    createdBy: null,
    startedAt: '2024-05-01T10:00:00Z',
    finishedAt: null,
    error: null,
    byteSize: 300,
    sha256: 'abc',
    columns: ['Month', 'Ward', 'Measure', 'Falls', 'Bed days'],
    rowCount: 4,
    mapping: null,
    progress: { rowsDone: 0, rowsTotal: 4 },
    preview: null,
    ...overrides,
  };
}

/** What a preview found, with any fields replaced. */
export function aPreview(
  overrides: Partial<NonNullable<Import['preview']>> = {},
): NonNullable<Import['preview']> {
  return {
    rows: 4,
    problemCount: 0,
    problems: [],
    added: 4,
    changed: 1,
    unchanged: 0,
    series: 1,
    newSeries: 0,
    firstPeriod: '2024-01-01',
    lastPeriod: '2024-04-01',
    sameFile: [],
    ...overrides,
  };
}

/** `count` problems with bad dates, rows 2 onwards. */
export function badDates(count: number): NonNullable<Import['preview']>['problems'] {
  return Array.from({ length: count }, (_, i) => ({
    row: i + 2,
    column: 'Month',
    code: 'invalid_period',
    message: `Row ${i + 2}, column "Month": "2024-13-${String(i + 1).padStart(2, '0')}" is not a date: write 2024-03-01`,
  }));
}
