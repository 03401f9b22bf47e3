/**
 * @module reports/service
 * Board reports: definitions (create, change, delete: `report.manage`), running one for a month
 * (whoever reads the organisation's reports, seeing only the series they may read), the owners'
 * commentary per series and month, and issuing: the run's content frozen as JSON with its PDF, a
 * new version each time, listed and downloaded exactly as issued (never recomputed). Every change
 * is audited in its own transaction. Nothing here knows HTTP.
 */
import { audited } from '../audit/audited.js';
import { can } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { findOrganisation } from '../organisations/service.js';
import { requireReadableSeries, seriesVisibleTo } from '../series/access.js';
import { and, eq } from 'drizzle-orm';
import { measureSeries } from '../db/schema.js';
import {
  canComment,
  issuedNotFound,
  mayReadIssued,
  requireReadableDefinition,
  requireReportReader,
} from './access.js';
import { monthOf } from './period.js';
import { renderReportPdf } from './pdf/render.js';
import {
  allItemIds,
  deleteDefinition,
  getCommentary,
  insertDefinition,
  insertIssued,
  issuedContent,
  issuedCount,
  issuedPdf,
  issuedSummaries,
  itemsOf,
  listDefinitions,
  nextVersion,
  replaceItems,
  seriesRows,
  updateDefinition,
  upsertCommentary,
} from './repository.js';
import type { CommentaryRow, IssuedSummary, ReportDefinition, ReportSeriesRow } from './repository.js';
import { buildContent, readableItems } from './run.js';
import type { ReportContent } from './schemas.js';

/** A definition with the series its reader may read, in order. */
export interface DefinitionWithItems {
  readonly definition: ReportDefinition;
  readonly items: readonly ReportSeriesRow[];
}

const userOf = (principal: Principal): string | null => (principal.kind === 'user' ? principal.userId : null);

/** A definition's fields for the audit log. */
function auditView(definition: ReportDefinition, seriesIds: readonly string[]): Record<string, unknown> {
  return { title: definition.title, description: definition.description, seriesIds };
}

/**
 * Checks that every series is one of the organisation's that `principal` may read, each once.
 * @throws {DataError} `invalid_input` naming `seriesIds[i]`.
 */
async function checkSeries(
  db: Database,
  principal: Principal,
  organisationId: string,
  seriesIds: readonly string[],
): Promise<void> {
  const seen = new Set<string>();
  seriesIds.forEach((id, i) => {
    const key = id.toLowerCase();
    if (seen.has(key)) {
      throw new DataError('invalid_input', 'a series may be in a report once only', {
        field: `seriesIds[${i}]`,
      });
    }
    seen.add(key);
  });
  const found = await seriesRows(
    db,
    seriesIds,
    and(eq(measureSeries.organisationId, organisationId), seriesVisibleTo(principal))!,
  );
  const known = new Set(found.map((row) => row.seriesId));
  const missing = seriesIds.findIndex((id) => !known.has(id.toLowerCase()));
  if (missing !== -1) {
    throw new DataError('invalid_input', 'no series of this organisation you may read has this id', {
      field: `seriesIds[${missing}]`,
    });
  }
}

/**
 * An organisation's report definitions, each with the series the reader may read.
 * @throws {DataError} `not_found` (organisation), `unauthenticated`, `forbidden`.
 */
export async function listReports(
  db: Database,
  principal: Principal,
  organisationRef: string,
): Promise<DefinitionWithItems[]> {
  const organisation = await findOrganisation(db, organisationRef);
  requireReportReader(principal, organisation.id);
  const definitions = await listDefinitions(db, organisation.id);
  const items = await itemsOf(
    db,
    definitions.map((d) => d.id),
    seriesVisibleTo(principal),
  );
  return definitions.map((definition) => ({ definition, items: items.get(definition.id) ?? [] }));
}

/**
 * One definition with the series the reader may read.
 * @throws {DataError} `not_found` (also when hidden), `invalid_input`.
 */
export async function readReport(
  db: Database,
  principal: Principal,
  id: string,
): Promise<DefinitionWithItems> {
  const definition = await requireReadableDefinition(db, principal, id);
  return { definition, items: await readableItems(db, principal, definition) };
}

/** What a definition is made of. */
export interface ReportInput {
  readonly title: string;
  readonly description?: string | undefined;
  readonly seriesIds: readonly string[];
}

/**
 * Creates a report definition (`report.manage`).
 * @throws {DataError} `not_found` (organisation), `invalid_input` (`seriesIds[i]`), `unauthenticated`, `forbidden`.
 */
export async function createReport(
  db: Database,
  principal: Principal,
  organisationRef: string,
  input: ReportInput,
): Promise<DefinitionWithItems> {
  const organisation = await findOrganisation(db, organisationRef);
  requirePermission(principal, 'report.manage', organisation.id);
  await checkSeries(db, principal, organisation.id, input.seriesIds);
  const definition = await audited(
    db,
    principal,
    async (tx) => {
      const created = await insertDefinition(tx, {
        organisationId: organisation.id,
        title: input.title,
        description: input.description ?? '',
        createdBy: userOf(principal),
      });
      await replaceItems(
        tx,
        created.id,
        input.seriesIds.map((id) => id.toLowerCase()),
      );
      return created;
    },
    (created) => ({
      action: 'report.create',
      entityType: 'report',
      entityId: created.id,
      organisationId: organisation.id,
      summary: `Created the report “${created.title}”`,
      after: auditView(created, input.seriesIds),
    }),
  );
  return readReport(db, principal, definition.id);
}

/**
 * Changes a definition's title, description or series (`report.manage`). Series the person may not
 * read stay in the report, where they were, when `seriesIds` is given: a manager never removes
 * what they cannot see (they are kept after the ones given).
 * @throws {DataError} `not_found`, `invalid_input`, `unauthenticated`, `forbidden`.
 */
export async function updateReport(
  db: Database,
  principal: Principal,
  id: string,
  input: { readonly [K in keyof ReportInput]?: ReportInput[K] | undefined },
): Promise<DefinitionWithItems> {
  const before = await requireReadableDefinition(db, principal, id);
  requirePermission(principal, 'report.manage', before.organisationId);
  if (input.seriesIds !== undefined) await checkSeries(db, principal, before.organisationId, input.seriesIds);
  await audited(
    db,
    principal,
    async (tx) => {
      await requireReadableDefinition(tx, principal, id, { lock: true });
      const oldIds = await allItemIds(tx, before.id);
      let seriesIds = oldIds;
      if (input.seriesIds !== undefined) {
        const given = input.seriesIds.map((s) => s.toLowerCase());
        const visible = new Set((await readableItems(tx, principal, before)).map((row) => row.seriesId));
        const hidden = oldIds.filter((s) => !visible.has(s) && !given.includes(s));
        seriesIds = [...given, ...hidden];
        await replaceItems(tx, before.id, seriesIds);
      }
      const after =
        input.title === undefined && input.description === undefined && input.seriesIds === undefined
          ? before
          : await updateDefinition(tx, before.id, { title: input.title, description: input.description });
      return { after, oldIds, seriesIds };
    },
    ({ after, oldIds, seriesIds }) => ({
      action: 'report.update',
      entityType: 'report',
      entityId: before.id,
      organisationId: before.organisationId,
      summary: `Changed the report “${after.title}”`,
      before: auditView(before, oldIds),
      after: auditView(after, seriesIds),
    }),
  );
  return readReport(db, principal, before.id);
}

/**
 * Deletes a definition that was never issued (`report.manage`); one with issued reports is kept
 * with them (409), as issued reports are kept as issued.
 * @throws {DataError} `not_found`, `conflict`, `unauthenticated`, `forbidden`.
 */
export async function deleteReport(db: Database, principal: Principal, id: string): Promise<void> {
  const definition = await requireReadableDefinition(db, principal, id);
  requirePermission(principal, 'report.manage', definition.organisationId);
  await audited(
    db,
    principal,
    async (tx) => {
      await requireReadableDefinition(tx, principal, id, { lock: true });
      if ((await issuedCount(tx, definition.id)) > 0) {
        throw new DataError(
          'conflict',
          'This report has been issued: it is kept with its issued reports, which are never deleted.',
          { field: 'id', reason: 'issued' },
        );
      }
      const seriesIds = await allItemIds(tx, definition.id);
      await deleteDefinition(tx, definition.id);
      return seriesIds;
    },
    (seriesIds) => ({
      action: 'report.delete',
      entityType: 'report',
      entityId: definition.id,
      organisationId: definition.organisationId,
      summary: `Deleted the report “${definition.title}”`,
      before: auditView(definition, seriesIds),
    }),
  );
}

/** A run: the content, and what the reader may do with it. */
export interface ReportRun {
  readonly content: ReportContent;
  readonly canManage: boolean;
  readonly canComment: readonly string[];
}

/**
 * Runs a report for a month (default: the latest with data) as `principal` sees it, in one
 * read-only snapshot.
 * @throws {DataError} `not_found`, `invalid_input` (`period`).
 */
export async function runReport(
  db: Database,
  principal: Principal,
  id: string,
  period: string | undefined,
  now: Date,
): Promise<ReportRun> {
  const definition = await requireReadableDefinition(db, principal, id);
  if (period !== undefined) monthOf(period);
  const content = await db.transaction((tx) => buildContent(tx, principal, definition, period, now), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  const commentable = canComment(principal, definition.organisationId);
  return {
    content,
    canManage: can(principal, 'report.manage', definition.organisationId),
    canComment: commentable ? content.domains.flatMap((d) => d.sections.map((s) => s.seriesId)) : [],
  };
}

/** A run's PDF (a draft: not issued, not kept). */
export async function draftPdf(
  db: Database,
  principal: Principal,
  id: string,
  period: string | undefined,
  now: Date,
): Promise<{ content: ReportContent; pdf: Buffer }> {
  const { content } = await runReport(db, principal, id, period, now);
  return { content, pdf: await renderReportPdf(content) };
}

/**
 * Issues a report for a month (`report.manage`): its content as the issuer sees it now, frozen
 * with its PDF, as the next version for that month.
 * @throws {DataError} `not_found`, `invalid_input` (`period`), `unauthenticated`, `forbidden`.
 */
export async function issueReport(
  db: Database,
  principal: Principal,
  id: string,
  period: string,
  now: Date,
): Promise<IssuedSummary> {
  const definition = await requireReadableDefinition(db, principal, id);
  requirePermission(principal, 'report.manage', definition.organisationId);
  const month = monthOf(period);
  const issued = await audited(
    db,
    principal,
    async (tx) => {
      // The lock orders concurrent issues of one report: each gets the next version.
      await requireReadableDefinition(tx, principal, id, { lock: true });
      const content = await buildContent(tx, principal, definition, month, now);
      const version = await nextVersion(tx, definition.id, month);
      const issuedBy = principal.kind === 'user' ? principal.displayName : null;
      const pdf = await renderReportPdf(content, { issued: { version, issuedBy, issuedAt: now } });
      return insertIssued(tx, {
        definitionId: definition.id,
        organisationId: definition.organisationId,
        period: month,
        version,
        title: definition.title,
        content,
        pdf,
        issuedBy: userOf(principal),
      });
    },
    (row) => ({
      action: 'report.issue',
      entityType: 'issued_report',
      entityId: row.id,
      organisationId: definition.organisationId,
      summary: `Issued “${definition.title}” for ${month.slice(0, 7)} (version ${row.version})`,
      after: { definitionId: definition.id, period: month, version: row.version, pdfBytes: row.pdf.length },
    }),
  );
  return (await issuedSummaries(db, { id: issued.id }))[0]!;
}

/**
 * A definition's issued reports the reader may read, newest first.
 * @throws {DataError} `not_found`, `invalid_input`.
 */
export async function listIssued(db: Database, principal: Principal, id: string): Promise<IssuedSummary[]> {
  const definition = await requireReadableDefinition(db, principal, id);
  const out: IssuedSummary[] = [];
  for (const issued of await issuedSummaries(db, { definitionId: definition.id })) {
    if (await mayReadIssued(db, principal, issued)) out.push(issued);
  }
  return out;
}

/** An issued report's summary when the reader may read it. */
async function requireReadableIssued(db: Database, principal: Principal, id: string): Promise<IssuedSummary> {
  const [issued] = await issuedSummaries(db, { id: requireIssuedId(id) });
  if (issued === undefined || !(await mayReadIssued(db, principal, issued))) throw issuedNotFound();
  return issued;
}

function requireIssuedId(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new DataError('invalid_input', 'id must be an id (a UUID)', { field: 'id' });
  }
  return id.toLowerCase();
}

/**
 * An issued report with its content, exactly as issued.
 * @throws {DataError} `not_found` (also when hidden), `invalid_input`.
 */
export async function readIssued(
  db: Database,
  principal: Principal,
  id: string,
): Promise<{ issued: IssuedSummary; content: ReportContent }> {
  const issued = await requireReadableIssued(db, principal, id);
  return { issued, content: (await issuedContent(db, issued.id)) as ReportContent };
}

/**
 * An issued report's PDF, exactly as issued.
 * @throws {DataError} `not_found` (also when hidden), `invalid_input`.
 */
export async function readIssuedPdf(
  db: Database,
  principal: Principal,
  id: string,
): Promise<{ issued: IssuedSummary; pdf: Buffer }> {
  const issued = await requireReadableIssued(db, principal, id);
  const pdf = await issuedPdf(db, issued.id);
  return { issued, pdf: Buffer.from(pdf!) };
}

/**
 * Writes (or rewrites) a series' commentary for a month: `report.comment` or `series.analyse` in
 * its organisation, on a series the writer may read. It shows in every report of that month.
 * @throws {DataError} `not_found` (series), `invalid_input`, `unauthenticated`, `forbidden`.
 */
export async function writeCommentary(
  db: Database,
  principal: Principal,
  seriesId: string,
  period: string,
  text: string,
): Promise<CommentaryRow> {
  const series = await requireReadableSeries(db, principal, seriesId);
  if (!canComment(principal, series.organisationId)) {
    requirePermission(principal, 'report.comment', series.organisationId);
  }
  const month = monthOf(period);
  const before = await getCommentary(db, series.id, month);
  await audited(
    db,
    principal,
    (tx) => upsertCommentary(tx, { seriesId: series.id, period: month, text, authorId: userOf(principal) }),
    () => ({
      action: 'commentary.write',
      entityType: 'series',
      entityId: series.id,
      organisationId: series.organisationId,
      summary: `Wrote the commentary for ${month.slice(0, 7)}`,
      before: before === undefined ? undefined : { period: month, text: before.text },
      after: { period: month, text },
    }),
  );
  return (await getCommentary(db, series.id, month))!;
}

/**
 * A series' commentary for a month, if written (whoever may read the series).
 * @throws {DataError} `not_found` (series, or no commentary), `invalid_input`.
 */
export async function readCommentary(
  db: Database,
  principal: Principal,
  seriesId: string,
  period: string,
): Promise<CommentaryRow> {
  const series = await requireReadableSeries(db, principal, seriesId);
  const row = await getCommentary(db, series.id, monthOf(period));
  if (row === undefined)
    throw new DataError('not_found', 'no commentary has been written for this month', { field: 'period' });
  return row;
}
