/**
 * @module dashboard/repository
 * The queries behind the dashboard: one cheap query for the versions of everything a dashboard
 * shows (run on every request), and, when those versions are not cached, the series, their points,
 * annotations and targets.
 */
import type { ReadableOrganisations } from '../auth/visibility.js';
import { sql } from 'drizzle-orm';
import { organisations } from '../db/schema.js';
import type { SQL } from 'drizzle-orm';
import type { PgPreparedQuery, PreparedQueryConfig } from 'drizzle-orm/pg-core';
import { queryRows } from '../db/sql.js';
import type { ChartType } from '@groundswell/spc';
import type { DataType, Domain, OrganisationKind, Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { StoredSpcOptions } from '../measures/spc-options.js';
import { normaliseOdsCode } from '../organisations/repository.js';
import { isUuid } from '../validation.js';
import type { StoredPoint } from '../analysis/engine.js';
import { effectiveSpcOptions } from '../analysis/options.js';

/** Which of an organisation's series a dashboard shows (the filters applied in SQL). */
export interface SeriesFilter {
  /** A unit id, or `none` for the organisation-level series only. */
  readonly unit?: string | undefined;
  /** With a unit id: the units under it too. */
  readonly subtree?: boolean | undefined;
  readonly domain?: Domain | undefined;
  /** A measure code or id. */
  readonly measure?: string | undefined;
  readonly visibility?: Visibility | undefined;
}

/** The organisation and the versions of everything its dashboard shows. */
export interface DashboardVersion {
  readonly organisation: {
    readonly id: string;
    readonly odsCode: string;
    readonly name: string;
    readonly kind: OrganisationKind;
  };
  /**
   * What the reader may read of the organisation (`readLevel`, computed in the query from their
   * readable organisations).
   */
  readonly level: Visibility;
  /**
   * A digest of every matching series the reader may read (at `level`): each one's id,
   * `data_version` and unit name, and its measure's id and `updated_at`; their number and the XOR
   * of one 64-bit hash per series (order-free, so the same whatever plan PostgreSQL picks). It
   * changes whenever anything the reader's dashboard shows changes (two changes cancelling out has
   * a chance of 2⁻⁶⁴), and says nothing of what they may not see.
   */
  readonly digest: string;
}

/** The measure visibilities readable at each reader's level (as permissions.ts's `readable`). */
export const READABLE_AT: Readonly<Record<Visibility, readonly Visibility[]>> = {
  public: ['public'],
  internal: ['public', 'internal'],
  private: ['public', 'internal', 'private'],
};

/** A series as the dashboard needs it, with the versions its analysis depends on. */
export interface DashboardSeriesRow {
  readonly id: string;
  readonly unitId: string | null;
  readonly unitName: string | null;
  readonly dataVersion: string;
  readonly measureId: string;
  readonly measureVersion: string;
  /** The measure's owner; null: a shared definition that any organisation may record. */
  readonly ownerOrganisationId: string | null;
  readonly code: string;
  readonly name: string;
  /** Where the measure's data come from (the demo loader's synthetic measures say so here). */
  readonly source: string | null;
  readonly domain: Domain;
  readonly dataType: DataType;
  readonly chartType: ChartType;
  readonly unitLabel: string;
  readonly visibility: Visibility;
  /** The measure's SPC options with the series' own over them (`effectiveSpcOptions`). */
  readonly spcOptions: StoredSpcOptions;
}

/** A step of a target timeline. */
export interface TargetStep {
  readonly effectiveFrom: string;
  readonly value: number | null;
}

/** `updated_at` in microseconds since 1970, as text: exact, unlike a JavaScript Date. */
const MEASURE_VERSION = sql.raw(`((extract(epoch from m.updated_at) * 1000000)::bigint)::text`);

/** How a filter's value gets into SQL: as a parameter, or as a placeholder of a prepared statement. */
type Bind = (name: string, value: string) => SQL;
const asParam: Bind = (_name, value) => sql`${value}`;
const asPlaceholder: Bind = (name) => sql`${sql.placeholder(name)}`;

/** The ref checked: an id (lower case) or an ODS code (upper case). */
function checkedRef(ref: string): { readonly byId: boolean; readonly value: string } {
  if (isUuid(ref)) return { byId: true, value: ref.toLowerCase() };
  if (!/^\s*[A-Za-z0-9]{3,12}\s*$/.test(ref)) {
    throw new DataError(
      'invalid_input',
      "ref must be an organisation's id (a UUID) or its ODS code (3 to 12 letters and digits)",
      { field: 'ref' },
    );
  }
  return { byId: false, value: normaliseOdsCode(ref) };
}

/** The filter's values by placeholder name. */
function filterValues(filter: SeriesFilter): Record<string, string> {
  const values: Record<string, string> = {};
  if (filter.unit !== undefined && filter.unit !== 'none') values.unit = filter.unit.toLowerCase();
  if (filter.domain !== undefined) values.domain = filter.domain;
  if (filter.visibility !== undefined) values.visibility = filter.visibility;
  if (filter.measure !== undefined) {
    values.measure = isUuid(filter.measure) ? filter.measure.toLowerCase() : filter.measure;
  }
  return values;
}

/**
 * The conditions on `measure_series s` joined to `measures m`, for the organisation whose id is
 * `organisationId` (an SQL expression).
 */
function seriesConditions(filter: SeriesFilter, organisationId: SQL, bind: Bind): SQL {
  const values = filterValues(filter);
  const conditions: SQL[] = [sql`s.organisation_id = ${organisationId}`];
  if (filter.unit === 'none') {
    conditions.push(sql`s.unit_id is null`);
  } else if (values.unit !== undefined) {
    const unit = sql`${bind('unit', values.unit)}::uuid`;
    conditions.push(
      filter.subtree === true
        ? sql`s.unit_id in (with recursive tree(id) as (
            select id from units where id = ${unit} and organisation_id = ${organisationId}
            union all select u.id from units u join tree t on u.parent_id = t.id
          ) select id from tree)`
        : sql`s.unit_id = ${unit}`,
    );
  }
  if (values.domain !== undefined) conditions.push(sql`m.domain = ${bind('domain', values.domain)}`);
  if (values.visibility !== undefined) {
    conditions.push(sql`m.visibility = ${bind('visibility', values.visibility)}`);
  }
  if (values.measure !== undefined) {
    const measure = bind('measure', values.measure);
    conditions.push(isUuid(values.measure) ? sql`m.id = ${measure}::uuid` : sql`m.code = ${measure}`);
  }
  return sql.join(conditions, sql` and `);
}

/** What distinguishes one version query's SQL from another's: which filters are present, and how. */
function shapeOf(byId: boolean, filter: SeriesFilter): string {
  const values = filterValues(filter);
  const unit =
    filter.unit === 'none' ? 'n' : values.unit === undefined ? '' : filter.subtree === true ? 's' : 'u';
  const measure = values.measure === undefined ? '' : isUuid(values.measure) ? 'm' : 'c';
  return `${byId ? 'i' : 'o'}${unit}${measure}${values.domain === undefined ? '' : 'd'}${values.visibility === undefined ? '' : 'v'}`;
}

/**
 * The organisation's id, qualified: drizzle writes columns in a select list unqualified, which
 * inside a subquery would name the subquery's own `id`.
 */
const ORGANISATION_ID = sql.raw('"organisations"."id"');

/**
 * What the version query must work out of the reader: nothing for one who reads only public data
 * anywhere (`p`: the public, most requests) or everything (`a`); otherwise (`r`) their level in
 * the organisation, from their readable organisations.
 */
type ReaderShape = 'p' | 'a' | 'r';

function readerShape(reader: ReadableOrganisations): ReaderShape {
  if (reader.all) return 'a';
  return reader.privateIn.length === 0 && reader.internalIn.length === 0 ? 'p' : 'r';
}

/**
 * The reader's level in the organisation, and the condition on a series' measure for it: for `r`,
 * from the placeholders `privateIn` and `internalIn` — `readLevel`'s rule, as `visibleTo` writes
 * it in SQL.
 */
function levelSql(shape: ReaderShape): { level: SQL; readable: SQL } {
  if (shape === 'p') return { level: sql`'public'`, readable: sql`m.visibility = 'public'` };
  if (shape === 'a') return { level: sql`'private'`, readable: sql`true` };
  const level = sql`(case
    when ${ORGANISATION_ID} = any(${sql.placeholder('privateIn')}::uuid[]) then 'private'
    when ${ORGANISATION_ID} = any(${sql.placeholder('internalIn')}::uuid[]) then 'internal'
    else 'public' end)`;
  return {
    level,
    readable: sql`(m.visibility = 'public'
      or (m.visibility = 'internal' and ${level} <> 'public')
      or ${level} = 'private')`,
  };
}

/** A row of the version query. */
interface VersionRow {
  readonly id: string;
  readonly odsCode: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly unitFound: boolean;
  /** The reader's level in the organisation. */
  readonly level: Visibility;
  /** The digest of the series readable at that level: `count:xor`. */
  readonly digest: string;
}

type VersionQuery = PgPreparedQuery<PreparedQueryConfig & { execute: VersionRow[] }>;

/** The version query of one shape, prepared (named, so PostgreSQL parses and plans it once per connection). */
function prepareVersionQuery(
  db: Database,
  byId: boolean,
  filter: SeriesFilter,
  reader: ReaderShape,
  shape: string,
): VersionQuery {
  const o = organisations;
  const hasUnit = filterValues(filter).unit !== undefined;
  const { level, readable } = levelSql(reader);
  return db
    .select({
      id: o.id,
      odsCode: o.odsCode,
      name: o.name,
      kind: o.kind,
      unitFound: hasUnit
        ? sql<boolean>`exists (select 1 from units where id = ${sql.placeholder('unit')}::uuid and organisation_id = ${ORGANISATION_ID})`
        : sql<boolean>`true`,
      level: sql<Visibility>`${level}`,
      digest: sql<string>`(select count(*)::text || ':' || coalesce(bit_xor(d.h), 0)::text
        from (select hash_record_extended((s.id, s.data_version, m.id, m.updated_at, u.name), 0) as h
          from measure_series s
          join measures m on m.id = s.measure_id
          left join units u on u.id = s.unit_id
          where ${seriesConditions(filter, ORGANISATION_ID, asPlaceholder)} and ${readable}) d)`,
    })
    .from(o)
    .where(
      byId ? sql`${o.id} = ${sql.placeholder('ref')}::uuid` : sql`${o.odsCode} = ${sql.placeholder('ref')}`,
    )
    .prepare(`gs_dashboard_version_${shape}`);
}

/** Each database's prepared version queries, by shape. */
const prepared = new WeakMap<Database, Map<string, VersionQuery>>();

/**
 * The organisation, the reader's level in it and the digest of the versions of the matching series
 * they may read: one query, one row,
 * cheap enough to run on every request (a named prepared statement: parsed and planned once per
 * connection). Whatever a process has cached, a dashboard is served from it only while this digest
 * is the same, so every server behind a load balancer is right however the writes reached the
 * database.
 * @throws {DataError} `not_found` (the organisation, or a unit not in it), `invalid_input` (ref).
 */
export async function readDashboardVersion(
  db: Database,
  ref: string,
  filter: SeriesFilter,
  reader: ReadableOrganisations,
): Promise<DashboardVersion> {
  const { byId, value } = checkedRef(ref);
  const readerKind = readerShape(reader);
  const shape = `${shapeOf(byId, filter)}_${readerKind}`;
  let queries = prepared.get(db);
  if (queries === undefined) {
    queries = new Map();
    prepared.set(db, queries);
  }
  let query = queries.get(shape);
  if (query === undefined) {
    query = prepareVersionQuery(db, byId, filter, readerKind, shape);
    queries.set(shape, query);
  }
  const [row] = await query.execute({
    ref: value,
    ...filterValues(filter),
    ...(readerKind === 'r' ? { privateIn: reader.privateIn, internalIn: reader.internalIn } : {}),
  });
  if (row === undefined) {
    throw new DataError('not_found', `no organisation has the id or ODS code ${JSON.stringify(ref)}`, {
      field: 'ref',
    });
  }
  if (!row.unitFound) {
    throw new DataError('not_found', 'the unit does not exist in this organisation', { field: 'unit' });
  }
  return {
    organisation: { id: row.id, odsCode: row.odsCode, name: row.name, kind: row.kind },
    level: row.level,
    digest: row.digest,
  };
}

/** A series row as the database gives it, with `SERIES_COLUMNS`. */
export interface RawSeriesRow {
  readonly id: string;
  readonly unit_id: string | null;
  readonly unit_name: string | null;
  readonly data_version: string;
  readonly measure_id: string;
  readonly measure_version: string;
  readonly owner_organisation_id: string | null;
  readonly code: string;
  readonly name: string;
  readonly source: string | null;
  readonly domain: Domain;
  readonly data_type: DataType;
  readonly chart_type: ChartType;
  readonly unit_label: string;
  readonly visibility: Visibility;
  readonly spc_options: StoredSpcOptions | string;
  /** The series' own options (null: none). */
  readonly series_spc_options: StoredSpcOptions | string | null;
}

/**
 * The select list of a series row (`RawSeriesRow`), from `measure_series s` joined to `measures m`
 * and left-joined to `units u`.
 */
export const SERIES_COLUMNS = sql`s.id, s.unit_id, u.name as unit_name, s.data_version::text as data_version,
  m.id as measure_id, ${MEASURE_VERSION} as measure_version, m.owner_organisation_id, m.code, m.name,
  m.source, m.domain, m.data_type, m.chart_type, m.unit_label, m.visibility, m.spc_options,
  s.spc_options as series_spc_options`;

/** A series row from its raw form. */
export function toSeriesRow(row: RawSeriesRow): DashboardSeriesRow {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    dataVersion: row.data_version,
    measureId: row.measure_id,
    measureVersion: row.measure_version,
    ownerOrganisationId: row.owner_organisation_id,
    code: row.code,
    name: row.name,
    source: row.source,
    domain: row.domain,
    dataType: row.data_type,
    chartType: row.chart_type,
    unitLabel: row.unit_label,
    visibility: row.visibility,
    spcOptions: effectiveSpcOptions(jsonOf(row.spc_options), jsonOf(row.series_spc_options)),
  };
}

/** A jsonb column as read: an object, or its text from drivers that do not parse it. */
function jsonOf<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/**
 * The matching series of an organisation that a reader at `level` may read (`readLevel`: their
 * level in this organisation), in dashboard order, with their measures and versions.
 */
export async function readDashboardSeries(
  db: Database,
  organisationId: string,
  filter: SeriesFilter,
  level: Visibility,
): Promise<DashboardSeriesRow[]> {
  const readable = sql.join(
    READABLE_AT[level].map((visibility) => sql`${visibility}`),
    sql`, `,
  );
  const rows = await queryRows<RawSeriesRow>(
    db,
    sql`select ${SERIES_COLUMNS}
      from organisations o
      join measure_series s on s.organisation_id = o.id
      join measures m on m.id = s.measure_id
      left join units u on u.id = s.unit_id
      where o.id = ${organisationId}::uuid and m.visibility in (${readable})
        and ${seriesConditions(filter, sql`o.id`, asParam)}
      order by lower(m.name) collate "C", m.id, s.unit_id is not null, lower(u.name) collate "C", s.id`,
  );
  return rows.map(toSeriesRow);
}

/** Every point of these series, in period order, by series id. */
export async function readPoints(
  db: Database,
  seriesIds: readonly string[],
): Promise<Map<string, StoredPoint[]>> {
  const points = new Map<string, StoredPoint[]>(seriesIds.map((id) => [id, []]));
  if (seriesIds.length === 0) return points;
  const rows = await queryRows<{
    series_id: string;
    period: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    ghost: boolean;
  }>(
    db,
    sql`select series_id, to_char(period, 'YYYY-MM-DD') as period, value, numerator, denominator, ghost
      from observations where series_id = any(${sql.param(seriesIds)}::uuid[])
      order by series_id, period`,
  );
  for (const row of rows) {
    points.get(row.series_id)?.push({
      period: row.period,
      value: row.value,
      numerator: row.numerator,
      denominator: row.denominator,
      ghost: row.ghost,
    });
  }
  return points;
}

/** How many annotations each period of these series has, by series id. */
export async function readAnnotationCounts(
  db: Database,
  seriesIds: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const counts = new Map<string, Map<string, number>>(seriesIds.map((id) => [id, new Map()]));
  if (seriesIds.length === 0) return counts;
  const rows = await queryRows<{ series_id: string; period: string; n: number }>(
    db,
    sql`select series_id, to_char(period, 'YYYY-MM-DD') as period, count(*)::int as n
      from annotations where series_id = any(${sql.param(seriesIds)}::uuid[])
      group by series_id, period`,
  );
  for (const row of rows) counts.get(row.series_id)?.set(row.period, row.n);
  return counts;
}

/**
 * The target timeline that applies to `organisationId` for each measure, in date order: its own
 * when it has one, otherwise the definition's (as `listTargets`).
 */
export async function readTargetTimelines(
  db: Database,
  measureIds: readonly string[],
  organisationId: string,
): Promise<Map<string, TargetStep[]>> {
  const own = new Map<string, TargetStep[]>();
  const definition = new Map<string, TargetStep[]>();
  if (measureIds.length > 0) {
    const rows = await queryRows<{
      measure_id: string;
      own: boolean;
      effective_from: string;
      value: number | null;
    }>(
      db,
      sql`select measure_id, organisation_id is not null as own,
          to_char(effective_from, 'YYYY-MM-DD') as effective_from, value
        from measure_targets
        where measure_id = any(${sql.param(measureIds)}::uuid[])
          and (organisation_id is null or organisation_id = ${organisationId}::uuid)
        order by measure_id, effective_from`,
    );
    for (const row of rows) {
      const into = row.own ? own : definition;
      const steps = into.get(row.measure_id) ?? [];
      steps.push({ effectiveFrom: row.effective_from, value: row.value });
      into.set(row.measure_id, steps);
    }
  }
  return new Map(measureIds.map((id) => [id, own.get(id) ?? definition.get(id) ?? []]));
}
