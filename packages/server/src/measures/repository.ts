/**
 * @module measures/repository
 * Measure definitions: create, update, read, list with filters. Targets are in `targets.ts`.
 */
import { and, eq, exists, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { asDataError } from '../db/constraints.js';
import { measures, measureSeries, observations } from '../db/schema.js';
import { CHART_TYPES_BY_DATA_TYPE, DATA_TYPES, DOMAINS, VISIBILITIES } from '../db/schema/vocabulary.js';
import type { DataType, Domain, Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { decodeCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest } from '../paging.js';
import { likePattern, nameSortKey } from '../sorting.js';
import { requireUuid } from '../validation.js';
import { checkMeasureFields, checkNewMeasure, fittingChartType } from './input.js';
import type { MeasurePatch, NewMeasure } from './input.js';
import { nextUpdatedAt } from './targets.js';

/** A measure definition as stored. */
export type Measure = typeof measures.$inferSelect;

/** Filters of `listMeasures`; each narrows the list. */
export interface MeasureFilter extends PageRequest {
  /** Measures this organisation owns or records (shared definitions it has a series of). */
  readonly organisationId?: string | undefined;
  /** true: shared definitions only; false: organisations' own only. */
  readonly shared?: boolean | undefined;
  readonly domain?: Domain | readonly Domain[] | undefined;
  readonly visibility?: Visibility | readonly Visibility[] | undefined;
  readonly dataType?: DataType | undefined;
  /** Part of the name or the code, any case. */
  readonly search?: string | undefined;
}

const CONSTRAINTS = {
  measures_owner_code_key: {
    code: 'conflict',
    field: 'code',
    message: 'the owner already has a measure with this code; choose another code',
  },
  measures_owner_organisation_id_organisations_id_fk: {
    code: 'not_found',
    field: 'ownerOrganisationId',
    message: 'no organisation has this id',
  },
} as const;

/**
 * Creates a measure definition: an organisation's own, or a shared one
 * (`ownerOrganisationId: null`).
 * @throws {DataError} `invalid_input` naming the field, `not_found` (owner), `conflict` (code).
 */
export async function createMeasure(db: Database, input: NewMeasure): Promise<Measure> {
  const values = checkNewMeasure(input);
  try {
    const [row] = await db.insert(measures).values(values).returning();
    return row!;
  } catch (error) {
    throw asDataError(error, CONSTRAINTS);
  }
}

/**
 * Changes a measure's definition. The data type cannot change once the measure has
 * observations (they would no longer fit); the chart type must suit the data type. `updated_at`
 * always moves on (`nextUpdatedAt`): it versions cached analyses.
 * @throws {DataError} `not_found`, `invalid_input`, `conflict`.
 */
export async function updateMeasure(db: Database, id: string, patch: MeasurePatch): Promise<Measure> {
  const values = checkMeasureFields(patch);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(measures)
      .where(eq(measures.id, requireUuid('id', id)))
      .for('update');
    if (current === undefined) throw new DataError('not_found', 'no measure has this id', { field: 'id' });
    const dataType = values.dataType ?? current.dataType;
    const keep = CHART_TYPES_BY_DATA_TYPE[dataType].includes(current.chartType)
      ? current.chartType
      : undefined;
    const chartType = fittingChartType(dataType, values.chartType ?? keep);
    if (dataType !== current.dataType && (await hasObservations(tx, current.id))) {
      throw new DataError('conflict', 'the data type cannot change once the measure has data', {
        field: 'dataType',
      });
    }
    try {
      const [row] = await tx
        .update(measures)
        .set({ ...values, chartType, updatedAt: nextUpdatedAt })
        .where(eq(measures.id, current.id))
        .returning();
      return row!;
    } catch (error) {
      throw asDataError(error, CONSTRAINTS);
    }
  });
}

async function hasObservations(db: Database, measureId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(observations)
    .innerJoin(measureSeries, eq(measureSeries.id, observations.seriesId))
    .where(eq(measureSeries.measureId, measureId))
    .limit(1);
  return row !== undefined;
}

/** The measure with this id, if any. */
export async function getMeasure(db: Database, id: string): Promise<Measure | undefined> {
  const [row] = await db
    .select()
    .from(measures)
    .where(eq(measures.id, requireUuid('id', id)));
  return row;
}

/** The measure with this code: the owner's own (`ownerOrganisationId`) or a shared one (null). */
export async function getMeasureByCode(
  db: Database,
  ownerOrganisationId: string | null,
  code: string,
): Promise<Measure | undefined> {
  const owner =
    ownerOrganisationId === null
      ? isNull(measures.ownerOrganisationId)
      : eq(measures.ownerOrganisationId, requireUuid('ownerOrganisationId', ownerOrganisationId));
  const [row] = await db
    .select()
    .from(measures)
    .where(and(owner, eq(measures.code, code)));
  return row;
}

function oneOrMany<T extends string>(value: T | readonly T[]): readonly T[] {
  return typeof value === 'string' ? [value] : value;
}

function filterConditions(filter: MeasureFilter): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [];
  if (filter.organisationId !== undefined) {
    const organisationId = requireUuid('organisationId', filter.organisationId);
    conditions.push(or(eq(measures.ownerOrganisationId, organisationId), recordedBy(organisationId)));
  }
  if (filter.shared !== undefined) {
    conditions.push(
      filter.shared ? isNull(measures.ownerOrganisationId) : sql`${measures.ownerOrganisationId} is not null`,
    );
  }
  if (filter.domain !== undefined)
    conditions.push(inArray(measures.domain, checked('domain', filter.domain, DOMAINS)));
  if (filter.visibility !== undefined) {
    conditions.push(inArray(measures.visibility, checked('visibility', filter.visibility, VISIBILITIES)));
  }
  if (filter.dataType !== undefined)
    conditions.push(inArray(measures.dataType, checked('dataType', filter.dataType, DATA_TYPES)));
  if (filter.search !== undefined && filter.search.trim() !== '') {
    const pattern = likePattern(filter.search);
    conditions.push(or(ilike(measures.name, pattern), ilike(measures.code, pattern)));
  }
  return conditions;
}

/** The measure has a series in this organisation. */
function recordedBy(organisationId: string): SQL {
  return exists(
    sql`(select 1 from ${measureSeries} where ${measureSeries.measureId} = ${measures.id} and ${measureSeries.organisationId} = ${organisationId})`,
  );
}

function checked<T extends string>(field: string, value: T | readonly T[], allowed: readonly T[]): T[] {
  const list = oneOrMany(value);
  for (const item of list) {
    if (!allowed.includes(item)) {
      throw new DataError(
        'invalid_input',
        `${field} must be one of ${allowed.join(', ')} (got ${JSON.stringify(item)})`,
        {
          field,
        },
      );
    }
  }
  return [...list];
}

/**
 * Measures in name order (case-insensitive), filtered, a page at a time; `visible` keeps out what
 * the reader may not see (measures/access.ts; routes always give it).
 */
export async function listMeasures(
  db: Database,
  filter: MeasureFilter = {},
  visible?: SQL,
): Promise<Page<Measure>> {
  const limit = pageLimit(filter);
  const sortKey = nameSortKey(measures.name);
  const conditions = [visible, ...filterConditions(filter)];
  if (filter.cursor) {
    const [key, id] = decodeCursor(filter.cursor, 2);
    conditions.push(sql`(${sortKey}, ${measures.id}) > (${key}, ${requireUuid('cursor', id!)}::uuid)`);
  }
  const rows = await db
    .select({ measure: measures, key: sortKey })
    .from(measures)
    .where(and(...conditions))
    .orderBy(sortKey, measures.id)
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [row.key, row.measure.id],
    (row) => row.measure,
  );
}
