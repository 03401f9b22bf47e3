/**
 * @module series/repository
 * Series: which organisation (and which of its units, or the organisation as a whole) records
 * which measure. Observations and annotations belong to a series.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { measures, measureSeries } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
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

/** The series of an organisation, a measure or a unit, oldest first. */
export async function listSeries(db: Database, filter: SeriesFilter): Promise<Series[]> {
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
  return db
    .select()
    .from(measureSeries)
    .where(and(...conditions))
    .orderBy(measureSeries.createdAt, measureSeries.id);
}
