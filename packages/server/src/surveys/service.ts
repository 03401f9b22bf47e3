/**
 * @module surveys/service
 * Experience surveys as their organisation's people use them: creating one (with its measure),
 * the list, one survey with its links, opening and closing it, links per unit (a random token shown
 * once, stored as its SHA-256, with a QR code), the results (suppressed: suppression.ts) and the
 * free-text comments (only to those allowed: access.ts). Anonymous responses are in respond.ts.
 * Reads filter with access.ts; changes check the permission and are audited in the same transaction.
 */
import { randomBytes } from 'node:crypto';
import { audited } from '../audit/audited.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { SurveyKind } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { MergeCounts } from '../observations/merge.js';
import { findOrganisation } from '../organisations/service.js';
import { listUnits } from '../units/repository.js';
import type { Unit } from '../units/repository.js';
import { requireUuid } from '../validation.js';
import { commentScope, requireReadableSurvey, requireSurveyReader } from './access.js';
import type { Survey } from './access.js';
import { createSurveyMeasure, publishSurvey } from './publish.js';
import { qrSvg } from './qr.js';
import {
  getLink,
  groupCounts,
  insertLink,
  insertSurvey,
  listComments,
  listLinks,
  listSurveyRows,
  responsesIn,
  revokeLinkRow,
  updateSurveyRow,
} from './repository.js';
import type { StoredComment, SurveyLink } from './repository.js';
import { isFinal, periodOf, surveyResults } from './results.js';
import type { ResultPeriod, ResultUnit } from './results.js';

/** What it takes to start a survey. */
export interface SurveyInput {
  readonly kind: SurveyKind;
  readonly title: string;
  readonly question: string;
  readonly minGroup?: number | undefined;
}

/** A survey with its links. */
export interface SurveyDetail {
  readonly survey: Survey;
  readonly links: readonly SurveyLink[];
}

/** A new link: its token (shown once, never stored), the page address and its QR code. */
export interface NewLink {
  readonly link: SurveyLink;
  readonly token: string;
  readonly path: string;
  readonly qrSvg: string;
}

/** The page a link opens, under the web app's origin. */
export function responsePath(token: string): string {
  return `/s/${token}`;
}

function auditView(survey: Survey): Record<string, unknown> {
  return {
    kind: survey.kind,
    title: survey.title,
    question: survey.question,
    minGroup: survey.minGroup,
    open: survey.open,
    measureId: survey.measureId,
  };
}

/**
 * Starts a survey and its proportion measure (`survey.manage`).
 * @throws {DataError} `not_found` (organisation), `invalid_input`, `unauthenticated`, `forbidden`.
 */
export async function createSurvey(
  db: Database,
  principal: Principal,
  organisationRef: string,
  input: SurveyInput,
): Promise<Survey> {
  const organisation = await findOrganisation(db, organisationRef);
  requirePermission(principal, 'survey.manage', organisation.id);
  return audited(
    db,
    principal,
    async (tx) => {
      const measure = await createSurveyMeasure(tx, organisation.id, input, randomBytes(4).toString('hex'));
      return insertSurvey(tx, {
        organisationId: organisation.id,
        kind: input.kind,
        title: input.title,
        question: input.question,
        minGroup: input.minGroup ?? 5,
        measureId: measure.id,
      });
    },
    (survey) => ({
      action: 'survey.create',
      entityType: 'survey',
      entityId: survey.id,
      organisationId: organisation.id,
      summary: `Started the survey “${survey.title}”`,
      after: auditView(survey),
    }),
  );
}

/**
 * An organisation's surveys, newest first (its own people).
 * @throws {DataError} `not_found` (organisation), `unauthenticated`, `forbidden`.
 */
export async function listSurveys(
  db: Database,
  principal: Principal,
  organisationRef: string,
): Promise<Survey[]> {
  const organisation = await findOrganisation(db, organisationRef);
  requireSurveyReader(principal, organisation.id);
  return listSurveyRows(db, organisation.id);
}

/** One survey with its links. @throws {DataError} `not_found` (also when hidden). */
export async function readSurvey(db: Database, principal: Principal, id: string): Promise<SurveyDetail> {
  const survey = await requireReadableSurvey(db, principal, id);
  return { survey, links: await listLinks(db, survey.id) };
}

/** The units a survey's results are about: those with a link or with responses, with names. */
async function resultUnits(db: Database, survey: Survey): Promise<{ units: ResultUnit[]; all: Unit[] }> {
  const all = await listUnits(db, survey.organisationId);
  const links = await listLinks(db, survey.id);
  const counts = await groupCounts(db, survey.id);
  const ids = new Set<string>([
    ...links.flatMap((l) => (l.unitId === null ? [] : [l.unitId])),
    ...counts.flatMap((c) => (c.unitId === null ? [] : [c.unitId])),
  ]);
  return { units: all.filter((u) => ids.has(u.id)).map((u) => ({ id: u.id, name: u.name })), all };
}

/** Publishes a survey's final results into its measure (any caller; see publish.ts). */
export async function publishResults(db: Database, survey: Survey, now: Date): Promise<MergeCounts> {
  const { units } = await resultUnits(db, survey);
  return publishSurvey(db, survey, await groupCounts(db, survey.id), units, now);
}

/**
 * Opens or closes a survey (`survey.manage`). Closing makes every period final and publishes it.
 * Reopening in a month that already has responses is refused: that month was final (and
 * published) while the survey was closed, and its counts must not change.
 * @throws {DataError} `not_found`, `conflict`, `unauthenticated`, `forbidden`.
 */
export async function setSurveyOpen(
  db: Database,
  principal: Principal,
  id: string,
  open: boolean,
  now: Date,
): Promise<Survey> {
  const survey = await requireReadableSurvey(db, principal, id);
  requirePermission(principal, 'survey.manage', survey.organisationId);
  if (survey.open === open) return survey;
  if (open && (await responsesIn(db, survey.id, periodOf(now))) > 0) {
    throw new DataError(
      'conflict',
      'This survey was closed this month after collecting responses, so this month’s results are final. Reopen it next month, or start a new survey.',
      { field: 'open', reason: 'month_final' },
    );
  }
  const changed = await audited(
    db,
    principal,
    (tx) => updateSurveyRow(tx, survey.id, { open }),
    (after) => ({
      action: open ? 'survey.open' : 'survey.close',
      entityType: 'survey',
      entityId: survey.id,
      organisationId: survey.organisationId,
      summary: `${open ? 'Reopened' : 'Closed'} the survey “${survey.title}”`,
      before: auditView(survey),
      after: auditView(after),
    }),
  );
  if (!open) await publishResults(db, changed, now);
  return changed;
}

/**
 * Publishes the survey's final results now (`survey.manage`): a month that ended with no response
 * since is otherwise published by the next response.
 */
export async function publishNow(
  db: Database,
  principal: Principal,
  id: string,
  now: Date,
): Promise<MergeCounts> {
  const survey = await requireReadableSurvey(db, principal, id);
  requirePermission(principal, 'survey.manage', survey.organisationId);
  return publishResults(db, survey, now);
}

/**
 * A new link for a unit (`survey.manage`): a random token, stored only as its SHA-256; the token,
 * the page's path and a QR code of `origin` + path are returned this once.
 * @throws {DataError} `not_found` (survey, unit), `unauthenticated`, `forbidden`.
 */
export async function createLink(
  db: Database,
  principal: Principal,
  id: string,
  unitId: string,
  origin: string,
): Promise<NewLink> {
  const survey = await requireReadableSurvey(db, principal, id);
  requirePermission(principal, 'survey.manage', survey.organisationId);
  const token = newSecret();
  const link = await audited(
    db,
    principal,
    (tx) => insertLink(tx, survey, requireUuid('unitId', unitId), hashSecret(token)),
    (created) => ({
      action: 'survey.link',
      entityType: 'survey',
      entityId: survey.id,
      organisationId: survey.organisationId,
      summary: `Made a link to the survey “${survey.title}” for ${created.unitName ?? 'a unit'}`,
      after: { linkId: created.id, unitId: created.unitId },
    }),
  );
  const path = responsePath(token);
  const label = `QR code: the survey “${survey.title}” for ${link.unitName ?? 'a unit'}`;
  return { link, token, path, qrSvg: qrSvg(`${origin}${path}`, label) };
}

/**
 * Revokes a link (`survey.manage`): it answers as an unknown link from then on.
 * @throws {DataError} `not_found` (survey, link), `unauthenticated`, `forbidden`.
 */
export async function revokeLink(
  db: Database,
  principal: Principal,
  id: string,
  linkId: string,
  now: Date,
): Promise<SurveyLink> {
  const survey = await requireReadableSurvey(db, principal, id);
  requirePermission(principal, 'survey.manage', survey.organisationId);
  const existing = await getLink(db, survey.id, requireUuid('linkId', linkId));
  if (existing === undefined)
    throw new DataError('not_found', 'no link of this survey has this id', { field: 'linkId' });
  if (existing.revokedAt !== null) return existing;
  await audited(
    db,
    principal,
    (tx) => revokeLinkRow(tx, survey.id, existing.id, now),
    () => ({
      action: 'survey.revoke_link',
      entityType: 'survey',
      entityId: survey.id,
      organisationId: survey.organisationId,
      summary: `Revoked a link to the survey “${survey.title}” for ${existing.unitName ?? 'a unit'}`,
      before: { linkId: existing.id, unitId: existing.unitId },
    }),
  );
  return (await getLink(db, survey.id, existing.id))!;
}

/** A survey's results, and how many responses the current month has so far (when not too few). */
export interface SurveyResults {
  readonly survey: Survey;
  readonly periods: readonly ResultPeriod[];
}

/** A survey's results, suppressed (its organisation's people). @throws {DataError} `not_found`. */
export async function readResults(
  db: Database,
  principal: Principal,
  id: string,
  now: Date,
): Promise<SurveyResults> {
  const survey = await requireReadableSurvey(db, principal, id);
  const { units } = await resultUnits(db, survey);
  const periods = surveyResults(await groupCounts(db, survey.id), units, survey.minGroup, survey.open, now);
  return { survey, periods };
}

/** A comment as shown, with its unit's name. */
export interface ShownComment {
  readonly unit: ResultUnit;
  readonly period: string;
  readonly text: string;
}

/** The descendants of a unit (itself included) in a list of an organisation's units. */
function descendantsIn(all: readonly Unit[]): (unitId: string) => string[] {
  return (unitId) => {
    const found = [unitId];
    for (let i = 0; i < found.length; i += 1) {
      for (const unit of all) if (unit.parentId === found[i] && !found.includes(unit.id)) found.push(unit.id);
    }
    return found;
  };
}

/**
 * The free-text comments the reader may read: of final periods' shown groups only, of the units
 * the reader may read comments of (access.ts), in alphabetical order within a period.
 * @throws {DataError} `not_found` (also when hidden), `forbidden` (no comments may be read).
 */
export async function readComments(
  db: Database,
  principal: Principal,
  id: string,
  now: Date,
): Promise<ShownComment[]> {
  const survey = await requireReadableSurvey(db, principal, id);
  const { units, all } = await resultUnits(db, survey);
  const scope = commentScope(principal, survey.organisationId, descendantsIn(all));
  if (scope !== 'all' && scope.size === 0) {
    throw new DataError(
      'forbidden',
      'Only QI leads, administrators and a unit’s lead read a survey’s comments.',
      { reason: 'role' },
    );
  }
  const periods = surveyResults(await groupCounts(db, survey.id), units, survey.minGroup, survey.open, now);
  const shown = new Set<string>();
  for (const period of periods) {
    for (const { unit, cell } of period.units)
      if (cell.status === 'shown') shown.add(`${unit.id}/${period.period}`);
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  return (await listComments(db, survey.id))
    .filter(
      (c: StoredComment): c is StoredComment & { unitId: string } =>
        c.unitId !== null &&
        isFinal(c.period, survey.open, now) &&
        shown.has(`${c.unitId}/${c.period}`) &&
        (scope === 'all' || scope.has(c.unitId)),
    )
    .map((c) => ({ unit: byId.get(c.unitId)!, period: c.period, text: c.text }));
}
