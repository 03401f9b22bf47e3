/**
 * @module public/repository
 * The public pages' reads and the public profile's row: an organisation's introduction and
 * licence, the cheap version query that (with the dashboard's) tags a public page, the
 * organisations that have something public, and every public series for the sitemap. Only what
 * the public may read: the conditions are the access modules' own, asked for the public.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { PUBLIC } from '../auth/principal.js';
import { measures, measureSeries, organisations, publicProfiles, units } from '../db/schema.js';
import type { OpenDataLicence } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { queryRows } from '../db/sql.js';
import { seriesVisibleTo } from '../series/access.js';

/** An organisation's public page settings. */
export interface PublicProfile {
  readonly organisationId: string;
  readonly introduction: string;
  readonly licence: OpenDataLicence;
  /** Null: never written (the defaults apply). */
  readonly updatedAt: Date | null;
}

/** The profile of an organisation, with the defaults when it has never been written. */
export async function readProfile(db: Database, organisationId: string): Promise<PublicProfile> {
  const [row] = await db
    .select()
    .from(publicProfiles)
    .where(eq(publicProfiles.organisationId, organisationId));
  return row ?? { organisationId, introduction: '', licence: 'OGL-UK-3.0', updatedAt: null };
}

/** Writes the profile (creating it the first time). */
export async function writeProfile(
  db: Database,
  organisationId: string,
  patch: { introduction?: string | undefined; licence?: OpenDataLicence | undefined },
): Promise<PublicProfile> {
  const set = {
    ...(patch.introduction === undefined ? {} : { introduction: patch.introduction }),
    ...(patch.licence === undefined ? {} : { licence: patch.licence }),
    updatedAt: sql`clock_timestamp()`,
  };
  const [row] = await db
    .insert(publicProfiles)
    .values({ organisationId, ...set })
    .onConflictDoUpdate({ target: publicProfiles.organisationId, set })
    .returning();
  return row!;
}

/**
 * A digest of what a public page shows besides the series (the dashboard's version query covers
 * those): the organisation's public goals (with their units' names), its public and published
 * projects and its profile. It changes whenever one of them does, and says nothing of anything
 * else. The conditions mirror goals/access.ts and projects/access.ts for the public.
 */
export async function readPublicExtrasVersion(db: Database, organisationId: string): Promise<string> {
  const [row] = await queryRows<{ digest: string | null }>(
    db,
    sql`select md5(
      coalesce((select string_agg(g.id::text || g.updated_at::text || coalesce(u.name, ''), ',' order by g.id)
        from goals g
        join measure_series s on s.id = g.series_id
        join measures m on m.id = s.measure_id
        left join units u on u.id = g.unit_id
        where g.organisation_id = ${organisationId} and g.visibility = 'public' and m.visibility = 'public'), '')
      || '|' ||
      coalesce((select string_agg(p.id::text || p.updated_at::text || coalesce(p.published_at::text, ''), ',' order by p.id)
        from projects p
        where p.organisation_id = ${organisationId} and (p.visibility = 'public' or p.published_at is not null)), '')
      || '|' ||
      coalesce((select pp.updated_at::text || pp.licence from public_profiles pp where pp.organisation_id = ${organisationId}), '')
    ) as digest`,
  );
  return row?.digest ?? '';
}

/** An organisation with a public page. */
export interface PublicOrganisation {
  readonly odsCode: string;
  readonly name: string;
  /** How many series it publishes. */
  readonly series: number;
}

/**
 * The organisations with anything public (a published series, a public goal or project, or a
 * published project), by name.
 */
export async function listPublicOrganisations(db: Database): Promise<PublicOrganisation[]> {
  const rows = await queryRows<{ ods_code: string; name: string; series: number | string }>(
    db,
    sql`select o.ods_code, o.name,
        (select count(*) from measure_series s join measures m on m.id = s.measure_id
          where s.organisation_id = o.id and m.visibility = 'public') as series
      from organisations o
      where exists (select 1 from measure_series s join measures m on m.id = s.measure_id
          where s.organisation_id = o.id and m.visibility = 'public')
        or exists (select 1 from goals g join measure_series s on s.id = g.series_id join measures m on m.id = s.measure_id
          where g.organisation_id = o.id and g.visibility = 'public' and m.visibility = 'public')
        or exists (select 1 from projects p
          where p.organisation_id = o.id and (p.visibility = 'public' or p.published_at is not null))
      order by o.name, o.ods_code`,
  );
  return rows.map((row) => ({ odsCode: row.ods_code, name: row.name, series: Number(row.series) }));
}

/** A public series, for the sitemap. */
export interface PublicSeriesEntry {
  readonly id: string;
  readonly odsCode: string;
}

/** Every series the public may read, by organisation. */
export async function listPublicSeries(db: Database): Promise<PublicSeriesEntry[]> {
  return db
    .select({ id: measureSeries.id, odsCode: organisations.odsCode })
    .from(measureSeries)
    .innerJoin(measures, eq(measures.id, measureSeries.measureId))
    .innerJoin(organisations, eq(organisations.id, measureSeries.organisationId))
    .where(seriesVisibleTo(PUBLIC))
    .orderBy(asc(organisations.odsCode), asc(measures.name), asc(measureSeries.id));
}

/** The name of a series' unit (null: the organisation as a whole). */
export async function unitName(db: Database, unitId: string | null): Promise<string | null> {
  if (unitId === null) return null;
  const [row] = await db
    .select({ name: units.name })
    .from(units)
    .where(and(eq(units.id, unitId)));
  return row?.name ?? null;
}
