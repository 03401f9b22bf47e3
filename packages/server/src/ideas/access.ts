/**
 * @module ideas/access
 * Who may read, submit, vote on, comment on and triage ideas.
 *
 * Reading: ideas are internal to their organisation in the strictest sense — its own people (any
 * role) read them; the public, other organisations and commissioners (whatever grant they hold) do
 * not. Platform administrators and the system read everything. An idea one may not read is
 * answered exactly as an unknown one (404); so is an organisation's list (403 for people of other
 * organisations, 401 for the public, as for any permission).
 *
 * Submitting, voting and commenting: `idea.submit` (every role, with a token or session that may
 * write).
 *
 * Triage: `idea.triage` in the organisation (QI leads, administrators), or a unit lead for the
 * ideas of their own unit and of its sub-units — the permission table has no unit scope, so that
 * check is here (`canTriage`), as goals/access.ts does for goals.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { can } from '../auth/permissions.js';
import { membershipIn } from '../auth/principal.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { ideas } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireUuid } from '../validation.js';

/** An idea as stored. */
export type Idea = typeof ideas.$inferSelect;

/** The answer for an unknown idea, and for one the person may not read (the same, on purpose). */
export function ideaNotFound(field = 'id'): DataError {
  return new DataError('not_found', 'no idea has this id', { field });
}

/** Whether `principal` reads everything (the system, a platform administrator). */
function readsAll(principal: Principal): boolean {
  return principal.kind === 'system' || (principal.kind === 'user' && principal.platformAdmin);
}

/** Whether `principal` may read the ideas of `organisationId`. */
export function readsIdeasOf(principal: Principal, organisationId: string): boolean {
  return readsAll(principal) || membershipIn(principal, organisationId) !== undefined;
}

/** A condition on `ideas`: the ideas `principal` may read. */
export function ideaVisibleTo(principal: Principal): SQL {
  if (readsAll(principal)) return sql`true`;
  if (principal.kind !== 'user' || principal.memberships.length === 0) return sql`false`;
  return inArray(
    ideas.organisationId,
    principal.memberships.map((m) => m.organisationId),
  );
}

/**
 * Throws unless `principal` may read the ideas of the organisation (a list): 401 for the public,
 * 403 for anyone else who is not one of its people.
 * @throws {DataError} `unauthenticated`, `forbidden`.
 */
export function requireIdeaReader(principal: Principal, organisationId: string): void {
  if (readsIdeasOf(principal, organisationId)) return;
  if (principal.kind === 'public') {
    throw new DataError('unauthenticated', 'Sign in first: ideas are read by the organisation’s people.', {
      reason: 'signed_out',
    });
  }
  throw new DataError('forbidden', 'Only the organisation’s own people read its ideas.', {
    reason: 'member',
  });
}

/**
 * The idea with this id when `principal` may read it (`lock`: locked until the transaction ends).
 * @throws {DataError} `not_found` (also when hidden), `invalid_input` (not an id).
 */
export async function requireReadableIdea(
  db: Database,
  principal: Principal,
  id: string,
  options: { readonly lock?: boolean; readonly field?: string } = {},
): Promise<Idea> {
  const field = options.field ?? 'id';
  const query = db
    .select()
    .from(ideas)
    .where(and(eq(ideas.id, requireUuid(field, id)), ideaVisibleTo(principal)));
  const [row] = options.lock === true ? await query.for('update') : await query;
  if (row === undefined) throw ideaNotFound(field);
  return row;
}

/**
 * Whether `principal` may triage an idea of `unitId` (null: the organisation's own) in
 * `organisationId`: `idea.triage` there, or a unit lead of that unit or one of the units above it.
 * `ancestors(unitId)`: the unit and every unit above it.
 */
export function canTriage(
  principal: Principal,
  organisationId: string,
  unitId: string | null,
  ancestors: (unitId: string) => readonly string[],
): boolean {
  if (can(principal, 'idea.triage', organisationId)) return true;
  if (principal.kind !== 'user' || !principal.scopes.includes('write') || unitId === null) return false;
  const membership = membershipIn(principal, organisationId);
  return (
    membership?.role === 'unit_lead' &&
    membership.unitId !== null &&
    ancestors(unitId).includes(membership.unitId)
  );
}

/**
 * Throws (401, 403) unless `principal` may triage an idea of `unitId` in `organisationId`.
 * @throws {DataError} `unauthenticated`, `forbidden`.
 */
export function requireTriager(
  principal: Principal,
  organisationId: string,
  unitId: string | null,
  ancestors: (unitId: string) => readonly string[],
): void {
  if (!canTriage(principal, organisationId, unitId, ancestors)) {
    requirePermission(principal, 'idea.triage', organisationId);
  }
}
