/**
 * @module reports/repository
 * Board reports in the database: definitions and their series in order, the commentary per
 * series and month, issued reports (content and PDF, never changed), and the reads a run needs.
 * Plain functions over a drizzle `Database`; callers check access (reports/access.ts).
 */
import { and, asc, desc, eq, inArray, lte, max, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { StoredPoint } from '../analysis/engine.js';
import {
  issuedReports,
  measures,
  measureSeries,
  observations,
  reportDefinitions,
  reportItems,
  seriesCommentaries,
  units,
  users,
} from '../db/schema.js';
import type { Database } from '../db/types.js';
import type { Measure } from '../measures/repository.js';

export type ReportDefinition = typeof reportDefinitions.$inferSelect;
export type IssuedReport = typeof issuedReports.$inferSelect;

/** A series of a report (or a candidate for one), with its measure and unit. */
export interface ReportSeriesRow {
  readonly seriesId: string;
  readonly organisationId: string;
  readonly seriesOptions: Record<string, unknown> | null;
  readonly measure: Measure;
  readonly unitId: string | null;
  readonly unitName: string | null;
}

/** A series' row, joined to its measure and unit. */
const SERIES_COLUMNS = {
  seriesId: measureSeries.id,
  organisationId: measureSeries.organisationId,
  seriesOptions: measureSeries.spcOptions,
  measure: measures,
  unitId: measureSeries.unitId,
  unitName: units.name,
};

/** The series with these ids that meet `visible` (series joined to measures), in no order. */
export async function seriesRows(
  db: Database,
  ids: readonly string[],
  visible: SQL,
): Promise<ReportSeriesRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(SERIES_COLUMNS)
    .from(measureSeries)
    .innerJoin(measures, eq(measures.id, measureSeries.measureId))
    .leftJoin(units, eq(units.id, measureSeries.unitId))
    .where(and(inArray(measureSeries.id, [...ids]), visible));
}

/** Each definition's series that meet `visible`, in the report's order, by definition id. */
export async function itemsOf(
  db: Database,
  definitionIds: readonly string[],
  visible: SQL,
): Promise<Map<string, ReportSeriesRow[]>> {
  const out = new Map<string, ReportSeriesRow[]>(definitionIds.map((id) => [id, []]));
  if (definitionIds.length === 0) return out;
  const rows = await db
    .select({ definitionId: reportItems.definitionId, ...SERIES_COLUMNS })
    .from(reportItems)
    .innerJoin(measureSeries, eq(measureSeries.id, reportItems.seriesId))
    .innerJoin(measures, eq(measures.id, measureSeries.measureId))
    .leftJoin(units, eq(units.id, measureSeries.unitId))
    .where(and(inArray(reportItems.definitionId, [...definitionIds]), visible))
    .orderBy(asc(reportItems.definitionId), asc(reportItems.position));
  for (const { definitionId, ...row } of rows) out.get(definitionId)?.push(row);
  return out;
}

/** A definition by id. */
export async function getDefinition(
  db: Database,
  id: string,
  { lock = false }: { readonly lock?: boolean } = {},
): Promise<ReportDefinition | undefined> {
  const query = db.select().from(reportDefinitions).where(eq(reportDefinitions.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** An organisation's definitions, by title. */
export function listDefinitions(db: Database, organisationId: string): Promise<ReportDefinition[]> {
  return db
    .select()
    .from(reportDefinitions)
    .where(eq(reportDefinitions.organisationId, organisationId))
    .orderBy(asc(reportDefinitions.title), asc(reportDefinitions.id));
}

/** Adds a definition. */
export async function insertDefinition(
  db: Database,
  values: { organisationId: string; title: string; description: string; createdBy: string | null },
): Promise<ReportDefinition> {
  const [row] = await db.insert(reportDefinitions).values(values).returning();
  return row!;
}

/** Changes a definition's title or description (and its `updated_at`). */
export async function updateDefinition(
  db: Database,
  id: string,
  values: { title?: string | undefined; description?: string | undefined },
): Promise<ReportDefinition> {
  const [row] = await db
    .update(reportDefinitions)
    .set({
      ...values,
      updatedAt: sql`greatest(now(), ${reportDefinitions.updatedAt} + interval '1 microsecond')`,
    })
    .where(eq(reportDefinitions.id, id))
    .returning();
  return row!;
}

/** Replaces a definition's series with `seriesIds`, in that order. */
export async function replaceItems(
  db: Database,
  definitionId: string,
  seriesIds: readonly string[],
): Promise<void> {
  await db.delete(reportItems).where(eq(reportItems.definitionId, definitionId));
  if (seriesIds.length === 0) return;
  await db
    .insert(reportItems)
    .values(seriesIds.map((seriesId, position) => ({ definitionId, seriesId, position })));
}

/** Every series id of a definition, in order (whoever may read them). */
export async function allItemIds(db: Database, definitionId: string): Promise<string[]> {
  const rows = await db
    .select({ id: reportItems.seriesId })
    .from(reportItems)
    .where(eq(reportItems.definitionId, definitionId))
    .orderBy(asc(reportItems.position));
  return rows.map((row) => row.id);
}

/** Deletes a definition and its items. */
export async function deleteDefinition(db: Database, id: string): Promise<void> {
  await db.delete(reportDefinitions).where(eq(reportDefinitions.id, id));
}

/** How many issued reports a definition has. */
export async function issuedCount(db: Database, definitionId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(issuedReports)
    .where(eq(issuedReports.definitionId, definitionId));
  return row?.n ?? 0;
}

/** The latest period any of these series has a point for, or null. */
export async function latestPeriod(db: Database, seriesIds: readonly string[]): Promise<string | null> {
  if (seriesIds.length === 0) return null;
  const [row] = await db
    .select({ latest: max(observations.period) })
    .from(observations)
    .where(inArray(observations.seriesId, [...seriesIds]));
  return row?.latest ?? null;
}

/** Each series' points up to `to` (included), in period order, by series id. */
export async function pointsUpTo(
  db: Database,
  seriesIds: readonly string[],
  to: string,
): Promise<Map<string, StoredPoint[]>> {
  const out = new Map<string, StoredPoint[]>(seriesIds.map((id) => [id, []]));
  if (seriesIds.length === 0) return out;
  const rows = await db
    .select({
      seriesId: observations.seriesId,
      period: observations.period,
      value: observations.value,
      numerator: observations.numerator,
      denominator: observations.denominator,
      ghost: observations.ghost,
    })
    .from(observations)
    .where(and(inArray(observations.seriesId, [...seriesIds]), lte(observations.period, to)))
    .orderBy(asc(observations.seriesId), asc(observations.period));
  for (const { seriesId, ...point } of rows) out.get(seriesId)?.push(point);
  return out;
}

/** A commentary with its author's name. */
export interface CommentaryRow {
  readonly seriesId: string;
  readonly period: string;
  readonly text: string;
  readonly author: string | null;
  readonly updatedAt: Date;
}

const COMMENTARY_COLUMNS = {
  seriesId: seriesCommentaries.seriesId,
  period: seriesCommentaries.period,
  text: seriesCommentaries.text,
  author: users.displayName,
  updatedAt: seriesCommentaries.updatedAt,
};

/** The commentaries of these series for one month, by series id. */
export async function commentariesFor(
  db: Database,
  seriesIds: readonly string[],
  period: string,
): Promise<Map<string, CommentaryRow>> {
  if (seriesIds.length === 0) return new Map();
  const rows = await db
    .select(COMMENTARY_COLUMNS)
    .from(seriesCommentaries)
    .leftJoin(users, eq(users.id, seriesCommentaries.authorId))
    .where(and(inArray(seriesCommentaries.seriesId, [...seriesIds]), eq(seriesCommentaries.period, period)));
  return new Map(rows.map((row) => [row.seriesId, row]));
}

/** One commentary, if written. */
export async function getCommentary(
  db: Database,
  seriesId: string,
  period: string,
): Promise<CommentaryRow | undefined> {
  return (await commentariesFor(db, [seriesId], period)).get(seriesId);
}

/** Writes (or rewrites) a series' commentary for a month. */
export async function upsertCommentary(
  db: Database,
  values: { seriesId: string; period: string; text: string; authorId: string | null },
): Promise<void> {
  await db
    .insert(seriesCommentaries)
    .values(values)
    .onConflictDoUpdate({
      target: [seriesCommentaries.seriesId, seriesCommentaries.period],
      set: { text: values.text, authorId: values.authorId, updatedAt: sql`now()` },
    });
}

/** The next version number of a definition's issued report for a month. */
export async function nextVersion(db: Database, definitionId: string, period: string): Promise<number> {
  const [row] = await db
    .select({ latest: max(issuedReports.version) })
    .from(issuedReports)
    .where(and(eq(issuedReports.definitionId, definitionId), eq(issuedReports.period, period)));
  return (row?.latest ?? 0) + 1;
}

/** Keeps an issued report. */
export async function insertIssued(
  db: Database,
  values: Omit<typeof issuedReports.$inferInsert, 'id' | 'issuedAt'>,
): Promise<IssuedReport> {
  const [row] = await db.insert(issuedReports).values(values).returning();
  return row!;
}

/** An issued report without its content and PDF, with the issuer's name and the PDF's size. */
export interface IssuedSummary {
  readonly id: string;
  readonly definitionId: string;
  readonly organisationId: string;
  readonly title: string;
  readonly period: string;
  readonly version: number;
  readonly issuedBy: string | null;
  readonly issuedAt: Date;
  readonly pdfBytes: number;
  /** The most private measure it holds, as issued. */
  readonly visibility: string | null;
  /** The series it holds. */
  readonly seriesIds: string[] | null;
  /** Its organisation's ODS code, as issued. */
  readonly odsCode: string | null;
}

const SUMMARY_COLUMNS = {
  id: issuedReports.id,
  definitionId: issuedReports.definitionId,
  organisationId: issuedReports.organisationId,
  title: issuedReports.title,
  period: issuedReports.period,
  version: issuedReports.version,
  issuedBy: users.displayName,
  issuedAt: issuedReports.issuedAt,
  pdfBytes: sql<number>`octet_length(${issuedReports.pdf})::int`,
  visibility: sql<string | null>`${issuedReports.content} ->> 'visibility'`,
  odsCode: sql<string | null>`${issuedReports.content} -> 'organisation' ->> 'odsCode'`,
  seriesIds: sql<
    string[] | null
  >`(select coalesce(jsonb_agg(m), '[]'::jsonb) from jsonb_array_elements(${issuedReports.content} -> 'matrix') c, jsonb_array_elements_text(c -> 'seriesIds') m)`,
};

/** A definition's issued reports, newest first; or one by id (`id`). */
export function issuedSummaries(
  db: Database,
  where: { readonly definitionId: string } | { readonly id: string },
): Promise<IssuedSummary[]> {
  return db
    .select(SUMMARY_COLUMNS)
    .from(issuedReports)
    .leftJoin(users, eq(users.id, issuedReports.issuedBy))
    .where(
      'id' in where ? eq(issuedReports.id, where.id) : eq(issuedReports.definitionId, where.definitionId),
    )
    .orderBy(desc(issuedReports.period), desc(issuedReports.version));
}

/** An issued report's content (as issued). */
export async function issuedContent(db: Database, id: string): Promise<unknown> {
  const [row] = await db
    .select({ content: issuedReports.content })
    .from(issuedReports)
    .where(eq(issuedReports.id, id));
  return row?.content;
}

/** An issued report's PDF (as issued). */
export async function issuedPdf(db: Database, id: string): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ pdf: issuedReports.pdf })
    .from(issuedReports)
    .where(eq(issuedReports.id, id));
  return row?.pdf;
}

/** The measures' current visibilities of these series, by series id. */
export async function currentVisibilities(db: Database, seriesIds: readonly string[]): Promise<string[]> {
  if (seriesIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ visibility: measures.visibility })
    .from(measureSeries)
    .innerJoin(measures, eq(measures.id, measureSeries.measureId))
    .where(inArray(measureSeries.id, [...seriesIds]));
  return rows.map((row) => row.visibility);
}
