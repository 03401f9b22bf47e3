/**
 * @module measures/service
 * Reading measures as a person may see them: one that must exist (and be readable), and lists.
 */
import { and, eq } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { measures } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { Page } from '../paging.js';
import { requireUuid } from '../validation.js';
import { measureVisibleTo } from './access.js';
import { getMeasure, listMeasures } from './repository.js';
import type { Measure, MeasureFilter } from './repository.js';

/** The answer for an unknown measure, and for one the person may not read (the same, on purpose). */
export function measureNotFound(field = 'id'): DataError {
  return new DataError('not_found', 'no measure has this id', { field });
}

/**
 * The measure with this id, whoever asks (for services that already checked access).
 * @throws {DataError} `not_found`.
 */
export async function requireMeasure(db: Database, id: string, field = 'id'): Promise<Measure> {
  const measure = await getMeasure(db, id);
  if (measure === undefined) throw measureNotFound(field);
  return measure;
}

/**
 * The measure with this id when `principal` may read it; a hidden one is answered exactly as an
 * unknown one.
 * @throws {DataError} `not_found`, `invalid_input` (not an id).
 */
export async function requireReadableMeasure(
  db: Database,
  principal: Principal,
  id: string,
  field = 'id',
): Promise<Measure> {
  const [row] = await db
    .select()
    .from(measures)
    .where(and(eq(measures.id, requireUuid(field, id)), measureVisibleTo(principal)));
  if (row === undefined) throw measureNotFound(field);
  return row;
}

/** The measures `principal` may read, filtered, a page at a time. */
export async function listReadableMeasures(
  db: Database,
  principal: Principal,
  filter: MeasureFilter = {},
): Promise<Page<Measure>> {
  return listMeasures(db, filter, measureVisibleTo(principal));
}
