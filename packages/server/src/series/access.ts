/**
 * @module series/access
 * Who may read a series: whoever may read its measure's visibility in the series' organisation
 * (`canRead(principal, measure.visibility, series.organisationId)`), written as SQL for queries
 * joined to `measures`. Reading a series implies reading its measure (measures/access.ts).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { visibleTo } from '../auth/visibility.js';
import { measures, measureSeries } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireUuid } from '../validation.js';
import type { Series } from './repository.js';

/** A condition on `measure_series` joined to `measures`: the series `principal` may read. */
export function seriesVisibleTo(principal: Principal): SQL {
  return visibleTo(principal, measures.visibility, measureSeries.organisationId);
}

/** A condition on `measure_series` alone (a subquery): the series `principal` may read. */
export function seriesReadableBy(principal: Principal): SQL {
  return sql`exists (select 1 from ${measures} where ${measures.id} = ${measureSeries.measureId} and ${seriesVisibleTo(principal)})`;
}

/** The answer for an unknown series, and for one the person may not read (the same, on purpose). */
export function seriesNotFound(field = 'id'): DataError {
  return new DataError('not_found', 'no series has this id', { field });
}

/**
 * The series with this id when `principal` may read it; a hidden one is answered exactly as an
 * unknown one.
 * @throws {DataError} `not_found`, `invalid_input` (not an id).
 */
export async function requireReadableSeries(
  db: Database,
  principal: Principal,
  id: string,
  field = 'id',
): Promise<Series> {
  const [row] = await db
    .select({ series: measureSeries })
    .from(measureSeries)
    .innerJoin(measures, eq(measures.id, measureSeries.measureId))
    .where(and(eq(measureSeries.id, requireUuid(field, id)), seriesVisibleTo(principal)));
  if (row === undefined) throw seriesNotFound(field);
  return row.series;
}
