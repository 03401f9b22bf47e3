/**
 * @module comparison/repository
 * The queries behind a comparison of one measure across organisations: the levels at which
 * organisations record it, how many series a level has, a page of them in organisation name
 * order, and each organisation's target timeline for the measure. Each query takes the reader's
 * visibility condition (auth/visibility.ts's `visibleTo` on `m.visibility` and `s.organisation_id`),
 * so that series the reader may not read are neither listed nor counted.
 */
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { OrganisationKind } from '../db/schema/vocabulary.js';
import { queryRows } from '../db/sql.js';
import type { Database } from '../db/types.js';
import { SERIES_COLUMNS, toSeriesRow } from '../dashboard/repository.js';
import type { DashboardSeriesRow, RawSeriesRow, TargetStep } from '../dashboard/repository.js';
import { decodeCursor } from '../paging.js';
import { likePattern } from '../sorting.js';
import { requireUuid } from '../validation.js';

/** An organisation's series of the compared measure. */
export interface ComparisonRow extends DashboardSeriesRow {
  readonly organisation: {
    readonly id: string;
    readonly odsCode: string;
    readonly name: string;
    readonly kind: OrganisationKind;
  };
  /** The name order's key (the cursor's first part). */
  readonly sortKey: string;
}

/** Which series, and which page of them. */
export interface ComparisonFilter {
  /** A unit name: the series of units of that name; absent: the organisations as a whole. */
  readonly unit?: string | undefined;
  /** Part of the organisation's name or ODS code. */
  readonly search?: string | undefined;
  /** The cursor of the previous page. */
  readonly cursor?: string | undefined;
}

/** A level at which organisations record a measure. */
export interface ComparisonLevel {
  /** A unit name; null: the organisation as a whole. */
  readonly unit: string | null;
  readonly organisations: number;
}

/** The name order of organisations: lower case, byte by byte, the same on every engine (as `nameSortKey`). */
const SORT_KEY = sql`lower(o.name) collate "C"`;

/** The measure's series at the level (`measure_series s`, left-joined to `units u`). */
function levelConditions(measureId: string, unit: string | undefined): SQL[] {
  return [
    sql`s.measure_id = ${measureId}::uuid`,
    unit === undefined ? sql`s.unit_id is null` : sql`u.name = ${unit}`,
  ];
}

/** Organisations (`o`) with `search` in their name or ODS code; undefined without a search. */
function searchCondition(search: string | undefined): SQL | undefined {
  if (search === undefined || search.trim() === '') return undefined;
  const pattern = likePattern(search);
  return sql`(o.name ilike ${pattern} or o.ods_code ilike ${pattern})`;
}

/**
 * Every level at which some organisation records the measure, with how many organisations do: the
 * organisation as a whole first, then unit names in name order.
 */
export async function readComparisonLevels(
  db: Database,
  measureId: string,
  visible: SQL,
): Promise<ComparisonLevel[]> {
  const rows = await queryRows<{ unit: string | null; organisations: number }>(
    db,
    sql`select u.name as unit, count(distinct s.organisation_id)::int as organisations
      from measure_series s
      join measures m on m.id = s.measure_id
      left join units u on u.id = s.unit_id
      where s.measure_id = ${measureId}::uuid and ${visible}
      group by u.name
      order by u.name is not null, lower(u.name) collate "C", u.name collate "C"`,
  );
  return rows;
}

/** How many series the level has, and how many of them are of organisations matching `search`. */
export async function countComparison(
  db: Database,
  measureId: string,
  filter: ComparisonFilter,
  visible: SQL,
): Promise<{ total: number; matching: number }> {
  const [row] = await queryRows<{ total: number; matching: number }>(
    db,
    sql`select count(*)::int as total,
        count(*) filter (where ${searchCondition(filter.search) ?? sql`true`})::int as matching
      from measure_series s
      join measures m on m.id = s.measure_id
      join organisations o on o.id = s.organisation_id
      left join units u on u.id = s.unit_id
      where ${sql.join([...levelConditions(measureId, filter.unit), visible], sql` and `)}`,
  );
  return { total: row?.total ?? 0, matching: row?.matching ?? 0 };
}

/**
 * A page of the level's series in organisation name order (then series id), at most `limit + 1`
 * rows (the extra one tells that there is a next page).
 * @throws {DataError} `invalid_input` for a cursor this server did not give out.
 */
export async function readComparisonSeries(
  db: Database,
  measureId: string,
  filter: ComparisonFilter,
  limit: number,
  visible: SQL,
): Promise<ComparisonRow[]> {
  const where = [...levelConditions(measureId, filter.unit), visible];
  const search = searchCondition(filter.search);
  if (search !== undefined) where.push(search);
  if (filter.cursor !== undefined) {
    const [key, id] = decodeCursor(filter.cursor, 2);
    where.push(sql`(${SORT_KEY}, s.id) > (${key}, ${requireUuid('cursor', id!)}::uuid)`);
  }
  const rows = await queryRows<
    RawSeriesRow & {
      organisation_id: string;
      ods_code: string;
      organisation_name: string;
      organisation_kind: OrganisationKind;
      sort_key: string;
    }
  >(
    db,
    sql`select ${SERIES_COLUMNS}, o.id as organisation_id, o.ods_code, o.name as organisation_name,
        o.kind as organisation_kind, ${SORT_KEY} as sort_key
      from measure_series s
      join measures m on m.id = s.measure_id
      join organisations o on o.id = s.organisation_id
      left join units u on u.id = s.unit_id
      where ${sql.join(where, sql` and `)}
      order by ${SORT_KEY}, s.id
      limit ${limit + 1}`,
  );
  return rows.map((row) => ({
    ...toSeriesRow(row),
    organisation: {
      id: row.organisation_id,
      odsCode: row.ods_code,
      name: row.organisation_name,
      kind: row.organisation_kind,
    },
    sortKey: row.sort_key,
  }));
}

/**
 * The measure's target timeline for each organisation, in date order: the organisation's own when
 * it has one, otherwise the definition's (as `readTargetTimelines` does for one organisation).
 */
export async function readOrganisationTargets(
  db: Database,
  measureId: string,
  organisationIds: readonly string[],
): Promise<Map<string, TargetStep[]>> {
  const own = new Map<string, TargetStep[]>();
  const definition: TargetStep[] = [];
  if (organisationIds.length > 0) {
    const rows = await queryRows<{
      organisation_id: string | null;
      effective_from: string;
      value: number | null;
    }>(
      db,
      sql`select organisation_id, to_char(effective_from, 'YYYY-MM-DD') as effective_from, value
        from measure_targets
        where measure_id = ${measureId}::uuid
          and (organisation_id is null or organisation_id = any(${sql.param([...new Set(organisationIds)])}::uuid[]))
        order by organisation_id nulls first, effective_from`,
    );
    for (const row of rows) {
      const step = { effectiveFrom: row.effective_from, value: row.value };
      if (row.organisation_id === null) {
        definition.push(step);
      } else {
        const steps = own.get(row.organisation_id) ?? [];
        steps.push(step);
        own.set(row.organisation_id, steps);
      }
    }
  }
  return new Map(organisationIds.map((id) => [id, own.get(id) ?? definition]));
}
