/**
 * @module reports/access
 * Who may read, change, issue and comment on board reports.
 *
 * Reading: a board report is an internal document of its organisation: whoever reads the
 * organisation's internal data (its people, an internal grant, platform administrators) reads its
 * definitions and runs them; anyone else gets 404 for a definition (as for an unknown one) and
 * 401/403 for the organisation's list. What a report shows is always only the series the reader
 * may read (series/access.ts): a report never shows a series its reader may not read.
 *
 * An issued report is frozen: it cannot be cut down for a reader, so only someone who may read
 * every series in it may read it, at the visibility it was issued with and at their measures'
 * visibility now; anyone else is answered 404, as for an unknown one.
 *
 * Changing and issuing: `report.manage`. Commentary on a series: `report.comment`, or
 * `series.analyse` (whoever may analyse the series), in the series' organisation, and only on a
 * series the writer may read.
 */
import { can, readable, readLevel } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import type { Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireUuid } from '../validation.js';
import { currentVisibilities, getDefinition } from './repository.js';
import type { IssuedSummary, ReportDefinition } from './repository.js';

/** The answer for an unknown report, and for one the person may not read (the same, on purpose). */
export function reportNotFound(field = 'id'): DataError {
  return new DataError('not_found', 'no report has this id', { field });
}

/** The answer for an unknown issued report, and for one the person may not read. */
export function issuedNotFound(field = 'id'): DataError {
  return new DataError('not_found', 'no issued report has this id', { field });
}

/** Whether `principal` reads the board reports of `organisationId`. */
export function readsReportsOf(principal: Principal, organisationId: string): boolean {
  return readable('internal', readLevel(principal, organisationId));
}

/**
 * Throws unless `principal` may read the reports of the organisation (its list).
 * @throws {DataError} `unauthenticated`, `forbidden`.
 */
export function requireReportReader(principal: Principal, organisationId: string): void {
  if (readsReportsOf(principal, organisationId)) return;
  if (principal.kind === 'public') {
    throw new DataError(
      'unauthenticated',
      'Sign in first: board reports are read by the organisation’s people.',
      {
        reason: 'signed_out',
      },
    );
  }
  throw new DataError(
    'forbidden',
    'Only the organisation’s people (and internal grants) read its board reports.',
    {
      reason: 'member',
    },
  );
}

/**
 * The definition with this id when `principal` may read it (`lock`: until the transaction ends).
 * @throws {DataError} `not_found` (also when hidden), `invalid_input` (not an id).
 */
export async function requireReadableDefinition(
  db: Database,
  principal: Principal,
  id: string,
  options: { readonly lock?: boolean } = {},
): Promise<ReportDefinition> {
  const definition = await getDefinition(db, requireUuid('id', id), options);
  if (definition === undefined || !readsReportsOf(principal, definition.organisationId))
    throw reportNotFound();
  return definition;
}

/** Whether `principal` may write the commentary of a series of `organisationId`. */
export function canComment(principal: Principal, organisationId: string): boolean {
  return can(principal, 'report.comment', organisationId) || can(principal, 'series.analyse', organisationId);
}

/**
 * Whether `principal` may read an issued report: its organisation's reports, and every series in
 * it, at the visibility it was issued with and at its measures' visibility now.
 */
export async function mayReadIssued(
  db: Database,
  principal: Principal,
  issued: IssuedSummary,
): Promise<boolean> {
  if (!readsReportsOf(principal, issued.organisationId)) return false;
  const level = readLevel(principal, issued.organisationId);
  const asIssued = (issued.visibility ?? 'private') as Visibility;
  if (!readable(asIssued, level)) return false;
  const now = await currentVisibilities(db, issued.seriesIds ?? []);
  return now.every((visibility) => readable(visibility as Visibility, level));
}
