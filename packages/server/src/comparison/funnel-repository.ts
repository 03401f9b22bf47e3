/**
 * @module comparison/funnel-repository
 * The queries behind a funnel plot of one shared measure: each organisation's numerator and
 * denominator over the window compared (the latest period any of them has, or the twelve months
 * up to it), the organisations at the level that have nothing in that window, and the projects each
 * organisation published to the library that watch a series of the measure.
 *
 * Every query takes the reader's visibility condition (auth/visibility.ts's `visibleTo` on
 * `m.visibility` and `s.organisation_id`) so that a series the reader may not read is neither
 * summed, nor listed, nor counted; and an optional condition on `s.organisation_id` (a
 * commissioner's providers).
 */
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { OrganisationKind, ProjectStage } from '../db/schema/vocabulary.js';
import { queryRows } from '../db/sql.js';
import type { Database } from '../db/types.js';

/** What is compared: the latest period, or the twelve months up to it. */
export type FunnelWindow = 'latest' | '12-months';

/** An organisation as the funnel names it. */
export interface FunnelOrganisation {
  readonly id: string;
  readonly odsCode: string;
  readonly name: string;
  readonly kind: OrganisationKind;
}

/** One organisation's totals over the window. */
export interface FunnelTotals {
  readonly organisation: FunnelOrganisation;
  readonly numerator: number;
  readonly denominator: number;
  /** The periods summed. */
  readonly periods: number;
}

/** Which series: the measure's at one level, the reader may read, of some organisations. */
export interface FunnelScope {
  readonly measureId: string;
  /** A unit name: the series of units of that name; undefined: the organisations as a whole. */
  readonly unit: string | undefined;
  /** The reader's visibility condition on `m.visibility` and `s.organisation_id`. */
  readonly visible: SQL;
  /** Only these organisations (undefined: all). */
  readonly organisations?: readonly string[] | undefined;
}

/** The series in scope (`s`, joined to `measures m`, left-joined to `units u`). */
function scopeConditions(scope: FunnelScope): SQL {
  const conditions = [
    sql`s.measure_id = ${scope.measureId}::uuid`,
    scope.unit === undefined ? sql`s.unit_id is null` : sql`u.name = ${scope.unit}`,
    scope.visible,
  ];
  if (scope.organisations !== undefined) {
    conditions.push(
      scope.organisations.length === 0
        ? sql`false`
        : sql`s.organisation_id = any(${sql.param([...scope.organisations])}::uuid[])`,
    );
  }
  return sql.join(conditions, sql` and `);
}

/** A point that can enter a funnel: not ghosted, with a numerator and a denominator above 0. */
const USABLE = sql`not ob.ghost and ob.numerator is not null and ob.denominator > 0`;

/** The latest period with a usable point in any series in scope (YYYY-MM-DD), or null. */
export async function readLatestPeriod(db: Database, scope: FunnelScope): Promise<string | null> {
  const [row] = await queryRows<{ period: string | null }>(
    db,
    sql`select to_char(max(ob.period), 'YYYY-MM-DD') as period
      from observations ob
      join measure_series s on s.id = ob.series_id
      join measures m on m.id = s.measure_id
      left join units u on u.id = s.unit_id
      where ${scopeConditions(scope)} and ${USABLE}`,
  );
  return row?.period ?? null;
}

/**
 * The first period of the window that ends at `latest` (YYYY-MM-DD): `latest` itself, or the day
 * after the same date a year before (so that twelve monthly periods fall in it).
 */
export function windowStart(window: FunnelWindow, latest: string): string {
  if (window === 'latest') return latest;
  const date = new Date(`${latest}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() - 1);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Each organisation's usable points in the window summed (over its series at the level: one per
 * organisation, or its units of that name), in organisation name order; organisations with none
 * are left out.
 */
export async function readFunnelTotals(
  db: Database,
  scope: FunnelScope,
  from: string,
  to: string,
): Promise<FunnelTotals[]> {
  const rows = await queryRows<{
    id: string;
    ods_code: string;
    name: string;
    kind: OrganisationKind;
    numerator: number;
    denominator: number;
    periods: number;
  }>(
    db,
    sql`select o.id, o.ods_code, o.name, o.kind, sum(ob.numerator)::float8 as numerator,
        sum(ob.denominator)::float8 as denominator, count(distinct ob.period)::int as periods
      from observations ob
      join measure_series s on s.id = ob.series_id
      join measures m on m.id = s.measure_id
      join organisations o on o.id = s.organisation_id
      left join units u on u.id = s.unit_id
      where ${scopeConditions(scope)} and ${USABLE}
        and ob.period between ${from}::date and ${to}::date
      group by o.id, o.ods_code, o.name, o.kind
      order by lower(o.name) collate "C", o.ods_code collate "C"`,
  );
  return rows.map((row) => ({
    organisation: { id: row.id, odsCode: row.ods_code, name: row.name, kind: row.kind },
    numerator: row.numerator,
    denominator: row.denominator,
    periods: row.periods,
  }));
}

/** The organisations with a series in scope, in name order (those with no data in the window among them). */
export async function readScopeOrganisations(
  db: Database,
  scope: FunnelScope,
): Promise<FunnelOrganisation[]> {
  const rows = await queryRows<{ id: string; ods_code: string; name: string; kind: OrganisationKind }>(
    db,
    sql`select distinct o.id, o.ods_code, o.name, o.kind, lower(o.name) collate "C" as sort_key
      from measure_series s
      join measures m on m.id = s.measure_id
      join organisations o on o.id = s.organisation_id
      left join units u on u.id = s.unit_id
      where ${scopeConditions(scope)}
      order by sort_key, o.ods_code`,
  );
  return rows.map((row) => ({ id: row.id, odsCode: row.ods_code, name: row.name, kind: row.kind }));
}

/** A published project that watches a series of the measure. */
export interface FunnelProject {
  readonly id: string;
  readonly organisationId: string;
  readonly title: string;
  readonly stage: ProjectStage;
  readonly aim: string;
  readonly publishedAt: string;
}

/**
 * The projects in the library (published) of these organisations that watch a series of the
 * measure the reader may read (at any level), newest first.
 */
export async function readPublishedProjects(
  db: Database,
  measureId: string,
  organisationIds: readonly string[],
  visible: SQL,
): Promise<FunnelProject[]> {
  if (organisationIds.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    organisation_id: string;
    title: string;
    stage: ProjectStage;
    aim: string;
    published_at: string;
  }>(
    db,
    sql`select p.id, p.organisation_id, p.title, p.stage, p.aim_what as aim,
        to_char(p.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as published_at
      from projects p
      where p.published_at is not null
        and p.organisation_id = any(${sql.param([...organisationIds])}::uuid[])
        and exists (
          select 1 from project_measures pm
          join measure_series s on s.id = pm.series_id
          join measures m on m.id = s.measure_id
          where pm.project_id = p.id and s.measure_id = ${measureId}::uuid
            and s.organisation_id = p.organisation_id and ${visible})
      order by p.published_at desc, p.id`,
  );
  return rows.map((row) => ({
    id: row.id,
    organisationId: row.organisation_id,
    title: row.title,
    stage: row.stage,
    aim: row.aim,
    publishedAt: row.published_at,
  }));
}
