/**
 * @module ideas/service
 * Ideas from any member of staff: submitting one (optionally anonymously), an organisation's list
 * (by unit, status, votes), one idea with its comments, votes and comments. Triage is in triage.ts.
 * Reads filter with ideas/access.ts's conditions; changes check the permission and are audited in
 * the same transaction. Nothing here knows HTTP.
 *
 * Anonymity. An anonymous idea stores no author (`author_id` null), and nothing else links it to
 * its author either: the audit log records every change with its actor, so the submission of an
 * anonymous idea is recorded as a system action named `anonymous idea` (`ANONYMOUS_SUBMITTER`),
 * never as the person's; it is never notified to anyone as theirs; and the routes do not log
 * bodies. Its author is then unknown to everyone, administrators included, and to the system
 * itself: they cannot later see it as theirs (`mine` is false), and may vote on it like anyone.
 */
import { eq } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import { recordAudit } from '../audit/repository.js';
import type { Principal, SystemPrincipal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { ideas } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { findOrganisation } from '../organisations/service.js';
import type { Page } from '../paging.js';
import { requireReadableProject } from '../projects/access.js';
import { listUnits } from '../units/repository.js';
import { requireUuid } from '../validation.js';
import { ideaVisibleTo, requireIdeaReader, requireReadableIdea } from './access.js';
import type { Idea } from './access.js';
import {
  deleteVote,
  getIdeaRow,
  ideasOfProject,
  insertComment,
  insertIdea,
  insertVote,
  listComments,
  listIdeaRows,
} from './repository.js';
import type { CommentRow, IdeaFilter, IdeaRow } from './repository.js';

/** Who the audit log says submitted an anonymous idea: the system, never the person. */
export const ANONYMOUS_SUBMITTER: SystemPrincipal = { kind: 'system', name: 'anonymous idea', via: 'system' };

/** What a person submits. */
export interface IdeaInput {
  readonly problem: string;
  readonly proposal: string;
  readonly unitId?: string | null | undefined;
  readonly anonymous: boolean;
}

/** An idea's row for the audit log (never its author). */
export function ideaAuditView(idea: Idea): Record<string, unknown> {
  return {
    problem: idea.problem,
    proposal: idea.proposal,
    unitId: idea.unitId,
    status: idea.status,
    statusReason: idea.statusReason,
    projectId: idea.projectId,
  };
}

/** The reader's user id (null for the system). */
function readerId(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.userId : null;
}

/** The person acting (ideas, votes and comments are people's), or 403 for the system. */
function person(principal: Principal): string {
  if (principal.kind !== 'user') {
    throw new DataError('forbidden', 'Only a person votes and comments on ideas.', { reason: 'person' });
  }
  return principal.userId;
}

/**
 * Submits an idea to an organisation: any of its people may (`idea.submit`). Anonymous: no author
 * is stored, and the audit log records the system (see the module).
 * @throws {DataError} `not_found` (organisation, unit), `invalid_input`, `unauthenticated`, `forbidden`.
 */
export async function submitIdea(
  db: Database,
  principal: Principal,
  organisationRef: string,
  input: IdeaInput,
): Promise<IdeaRow> {
  const organisation = await findOrganisation(db, organisationRef);
  requirePermission(principal, 'idea.submit', organisation.id);
  const authorId = input.anonymous ? null : person(principal);
  const unitId = input.unitId == null ? null : requireUuid('unitId', input.unitId);
  const idea = await audited(
    db,
    input.anonymous ? ANONYMOUS_SUBMITTER : principal,
    (tx) =>
      insertIdea(tx, {
        organisationId: organisation.id,
        unitId,
        problem: input.problem,
        proposal: input.proposal,
        authorId,
      }),
    (created) => ({
      action: 'idea.submit',
      entityType: 'idea',
      entityId: created.id,
      organisationId: organisation.id,
      summary: input.anonymous ? 'An idea was submitted anonymously' : 'Submitted an idea',
      after: { ...ideaAuditView(created), anonymous: input.anonymous },
    }),
  );
  return getIdeaRow(db, idea.id, readerId(principal));
}

/** Every unit of an organisation at or below `unitId` (none when it is not the organisation's). */
async function unitAndBelow(db: Database, organisationId: string, unitId: string): Promise<string[]> {
  const list = await listUnits(db, organisationId);
  const children = new Map<string, string[]>();
  for (const unit of list) {
    if (unit.parentId === null) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  if (!list.some((unit) => unit.id === unitId)) return [];
  const found: string[] = [];
  for (const queue = [unitId]; queue.length > 0;) {
    const id = queue.shift()!;
    if (found.includes(id)) continue;
    found.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return found;
}

/** What to list: a unit (and its sub-units), a status, the order, a page. */
export interface IdeaListRequest extends Omit<IdeaFilter, 'unitIds'> {
  readonly unit?: string | undefined;
}

/**
 * An organisation's ideas, for its own people: by unit (with its sub-units), status, newest or
 * most voted first, a page at a time.
 * @throws {DataError} `not_found` (organisation), `invalid_input`, `unauthenticated`, `forbidden`.
 */
export async function listIdeas(
  db: Database,
  principal: Principal,
  organisationRef: string,
  request: IdeaListRequest,
): Promise<Page<IdeaRow>> {
  const organisation = await findOrganisation(db, organisationRef);
  requireIdeaReader(principal, organisation.id);
  const { unit, ...filter } = request;
  const unitIds =
    unit === undefined ? undefined : await unitAndBelow(db, organisation.id, requireUuid('unit', unit));
  return listIdeaRows(
    db,
    eq(ideas.organisationId, organisation.id),
    { ...filter, unitIds },
    readerId(principal),
  );
}

/** An idea with its comments. */
export interface IdeaDetail extends IdeaRow {
  readonly thread: readonly CommentRow[];
}

/**
 * One idea `principal` may read, with its comments oldest first.
 * @throws {DataError} `not_found` (also when hidden).
 */
export async function readIdea(db: Database, principal: Principal, id: string): Promise<IdeaDetail> {
  const idea = await requireReadableIdea(db, principal, id);
  const row = await getIdeaRow(db, idea.id, readerId(principal));
  return { ...row, thread: await listComments(db, idea.id) };
}

/**
 * Votes for an idea (once: voting again changes nothing) or withdraws the vote.
 * @throws {DataError} `not_found` (also when hidden), `unauthenticated`, `forbidden`.
 */
export async function setVote(
  db: Database,
  principal: Principal,
  id: string,
  voted: boolean,
): Promise<IdeaRow> {
  const idea = await requireReadableIdea(db, principal, id);
  requirePermission(principal, 'idea.submit', idea.organisationId);
  const userId = person(principal);
  await db.transaction(async (tx) => {
    const changed = voted ? await insertVote(tx, idea.id, userId) : await deleteVote(tx, idea.id, userId);
    if (!changed) return;
    await recordAudit(tx, principal, {
      action: voted ? 'idea.vote' : 'idea.unvote',
      entityType: 'idea',
      entityId: idea.id,
      organisationId: idea.organisationId,
      summary: voted ? 'Voted for an idea' : 'Withdrew a vote for an idea',
    });
  });
  return getIdeaRow(db, idea.id, userId);
}

/**
 * Comments on an idea (signed: comments are never anonymous).
 * @throws {DataError} `not_found` (also when hidden), `invalid_input`, `unauthenticated`, `forbidden`.
 */
export async function addComment(
  db: Database,
  principal: Principal,
  id: string,
  text: string,
): Promise<CommentRow> {
  const idea = await requireReadableIdea(db, principal, id);
  requirePermission(principal, 'idea.submit', idea.organisationId);
  const userId = person(principal);
  const comment = await audited(
    db,
    principal,
    (tx) => insertComment(tx, { ideaId: idea.id, authorId: userId, text }),
    (created) => ({
      action: 'idea.comment',
      entityType: 'idea',
      entityId: idea.id,
      organisationId: idea.organisationId,
      summary: 'Commented on an idea',
      after: { commentId: created.id, text: text.trim() },
    }),
  );
  return {
    id: comment.id,
    authorId: userId,
    authorName: principal.kind === 'user' ? principal.displayName : '',
    text: text.trim(),
    createdAt: comment.createdAt,
  };
}

/**
 * The ideas a project `principal` may read came from, those they may read.
 * @throws {DataError} `not_found` (the project, also when hidden).
 */
export async function projectIdeas(
  db: Database,
  principal: Principal,
  projectId: string,
): Promise<IdeaRow[]> {
  const project = await requireReadableProject(db, principal, projectId);
  return ideasOfProject(db, project.id, ideaVisibleTo(principal), readerId(principal));
}
