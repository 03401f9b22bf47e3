/**
 * @module series/repository
 * Series: which organisation (and which of its units, or the organisation as a whole) records
 * which measure. Observations and annotations belong to a series.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { measures, measureSeries } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { StoredSpcOptions } from '../measures/spc-options.js';
import { decodeCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest } from '../paging.js';
import { requireUuid } from '../validation.js';

/** A series as stored. `unitId` null: the organisation as a whole. */
export type Series = typeof measureSeries.$inferSelect;

/** A measure recorded by an organisation, for a unit or (no unit) the whole organisation. */
export interface SeriesKey {
  readonly measureId: string;
  readonly organisationId: string;
  readonly unitId?: string | null | undefined;
}

/** Filters of `listSeries`. */
export interface SeriesFilter {
  readonly organisationId?: string | undefined;
  readonly measureId?: string | undefined;
  /** A unit's series; null: organisation-level series only. */
  readonly unitId?: string | null | undefined;
}

const CONSTRAINTS = {
  measure_series_organisation_id_organisations_id_fk: {
    code: 'not_found',
    field: 'organisationId',
    message: 'no organisation has this id',
  },
  measure_series_unit_fk: {
    code: 'not_found',
    field: 'unitId',
    message: 'the unit does not exist in this organisation',
  },
} as const;

function keyCondition(measureId: string, organisationId: string, unitId: string | null): SQL | undefined {
  return and(
    eq(measureSeries.measureId, measureId),
    eq(measureSeries.organisationId, organisationId),
    unitId === null ? isNull(measureSeries.unitId) : eq(measureSeries.unitId, unitId),
  );
}

/**
 * The series of a measure × organisation × unit, created if it does not exist yet. An
 * organisation's own measure can only be recorded by that organisation; a shared one by any.
 * @throws {DataError} `not_found` (measure, organisation, unit), `conflict` (another owner's measure).
 */
export async function ensureSeries(db: Database, key: SeriesKey): Promise<Series> {
  const measureId = requireUuid('measureId', key.measureId);
  const organisationId = requireUuid('organisationId', key.organisationId);
  const unitId = key.unitId == null ? null : requireUuid('unitId', key.unitId);
  const [measure] = await db
    .select({ owner: measures.ownerOrganisationId })
    .from(measures)
    .where(eq(measures.id, measureId));
  if (measure === undefined)
    throw new DataError('not_found', 'no measure has this id', { field: 'measureId' });
  if (measure.owner !== null && measure.owner !== organisationId) {
    throw new DataError('conflict', "another organisation's own measure cannot be recorded here", {
      field: 'organisationId',
    });
  }
  try {
    await db.insert(measureSeries).values({ measureId, organisationId, unitId }).onConflictDoNothing();
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
  const [row] = await db
    .select()
    .from(measureSeries)
    .where(keyCondition(measureId, organisationId, unitId));
  return row!;
}

/** The series with this id, if any. */
export async function getSeries(db: Database, id: string): Promise<Series | undefined> {
  const [row] = await db
    .select()
    .from(measureSeries)
    .where(eq(measureSeries.id, requireUuid('id', id)));
  return row;
}

/**
 * Replaces a series' own SPC options (null: none), already checked (see `updateSeries`), and moves
 * its `data_version` on in the same statement, so that cached analyses and dashboards of it are
 * never used again (analysis/cache.ts).
 * @returns the series as now stored, or undefined when no series has this id.
 */
export async function setSeriesSpcOptions(
  db: Database,
  id: string,
  spcOptions: StoredSpcOptions | null,
): Promise<Series | undefined> {
  const [row] = await db
    .update(measureSeries)
    .set({ spcOptions, dataVersion: sql`${measureSeries.dataVersion} + 1` })
    .where(eq(measureSeries.id, requireUuid('id', id)))
    .returning();
  return row;
}

/** The series of an organisation, a measure or a unit, oldest first (every one: see `listSeriesPage`). */
export async function listSeries(db: Database, filter: SeriesFilter): Promise<Series[]> {
  return db
    .select()
    .from(measureSeries)
    .where(and(...filterConditions(filter)))
    .orderBy(measureSeries.createdAt, measureSeries.id);
}

/**
 * The creation time as exact text (microseconds, UTC), for cursors: a JavaScript Date would drop
 * the microseconds and the page boundary with them.
 */
const createdKey = sql<string>`to_char(${measureSeries.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The series of an organisation, a measure or a unit, oldest first, a page at a time; `visible`
 * keeps out the series the reader may not see (series/access.ts's `seriesReadableBy`).
 */
export async function listSeriesPage(
  db: Database,
  filter: SeriesFilter & PageRequest,
  visible: SQL,
): Promise<Page<Series>> {
  const limit = pageLimit(filter);
  const conditions = [visible, ...filterConditions(filter)];
  if (filter.cursor) {
    const [created, id] = decodeCursor(filter.cursor, 2);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(created!)) {
      throw new DataError('invalid_input', 'cursor is not one this server gave out', { field: 'cursor' });
    }
    conditions.push(
      sql`(${measureSeries.createdAt}, ${measureSeries.id}) > (${created}::timestamptz, ${requireUuid('cursor', id!)}::uuid)`,
    );
  }
  const rows = await db
    .select({ series: measureSeries, key: createdKey })
    .from(measureSeries)
    .where(and(...conditions))
    .orderBy(measureSeries.createdAt, measureSeries.id)
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.key, row.series.id],
    (row) => row.series,
  );
}

function filterConditions(filter: SeriesFilter): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [];
  if (filter.organisationId !== undefined) {
    conditions.push(eq(measureSeries.organisationId, requireUuid('organisationId', filter.organisationId)));
  }
  if (filter.measureId !== undefined) {
    conditions.push(eq(measureSeries.measureId, requireUuid('measureId', filter.measureId)));
  }
  if (filter.unitId !== undefined) {
    conditions.push(
      filter.unitId === null
        ? isNull(measureSeries.unitId)
        : eq(measureSeries.unitId, requireUuid('unitId', filter.unitId)),
    );
  }
  return conditions;
}
