/**
 * @module series/service
 * Reading a series that must exist.
 */
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { getSeries } from './repository.js';
import type { Series } from './repository.js';

/**
 * The series with this id.
 * @throws {DataError} `not_found`.
 */
export async function requireSeries(db: Database, id: string, field = 'id'): Promise<Series> {
  const series = await getSeries(db, id);
  if (series === undefined) throw new DataError('not_found', 'no series has this id', { field });
  return series;
}
