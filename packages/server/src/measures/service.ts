/**
 * @module measures/service
 * Reading a measure that must exist.
 */
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { getMeasure } from './repository.js';
import type { Measure } from './repository.js';

/**
 * The measure with this id.
 * @throws {DataError} `not_found`.
 */
export async function requireMeasure(db: Database, id: string, field = 'id'): Promise<Measure> {
  const measure = await getMeasure(db, id);
  if (measure === undefined) throw new DataError('not_found', 'no measure has this id', { field });
  return measure;
}
