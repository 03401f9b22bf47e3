/**
 * @module surveys/access
 * Who may read, manage and read the comments of experience surveys.
 *
 * Reading a survey and its results (aggregates, with small groups suppressed): the organisation's
 * own people (any role), platform administrators and the system. Everyone else — the public, other
 * organisations, commissioners with a grant — is answered as for an unknown survey (404), or, for
 * an organisation's list, 401 / 403 as for any permission. (The published measure is an ordinary
 * internal measure: whoever may read the organisation's internal measures reads its series.)
 *
 * Managing (create, open, close, links): `survey.manage` (QI leads, administrators).
 *
 * Free-text comments: `survey.manage` for every unit; a unit lead for their own unit and the units
 * under it; no one else, never the public, never in an export.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { PERMISSIONS } from '../auth/permissions.js';
import { membershipIn } from '../auth/principal.js';
import type { Principal } from '../auth/principal.js';
import { surveys } from '../db/schema.js';
import type { Role } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireUuid } from '../validation.js';

/** A survey as stored. */
export type Survey = typeof surveys.$inferSelect;

/** The answer for an unknown survey, and for one the person may not read (the same, on purpose). */
export function surveyNotFound(field = 'id'): DataError {
  return new DataError('not_found', 'no survey has this id', { field });
}

function readsAll(principal: Principal): boolean {
  return principal.kind === 'system' || (principal.kind === 'user' && principal.platformAdmin);
}

/** Whether `principal` may read the surveys of `organisationId`. */
export function readsSurveysOf(principal: Principal, organisationId: string): boolean {
  return readsAll(principal) || membershipIn(principal, organisationId) !== undefined;
}

/** A condition on `surveys`: those `principal` may read. */
export function surveyVisibleTo(principal: Principal): SQL {
  if (readsAll(principal)) return sql`true`;
  if (principal.kind !== 'user' || principal.memberships.length === 0) return sql`false`;
  return inArray(
    surveys.organisationId,
    principal.memberships.map((m) => m.organisationId),
  );
}

/**
 * Throws unless `principal` may read the organisation's surveys: 401 for the public, 403 otherwise.
 * @throws {DataError} `unauthenticated`, `forbidden`.
 */
export function requireSurveyReader(principal: Principal, organisationId: string): void {
  if (readsSurveysOf(principal, organisationId)) return;
  if (principal.kind === 'public') {
    throw new DataError('unauthenticated', 'Sign in first: surveys are read by the organisation’s people.', {
      reason: 'signed_out',
    });
  }
  throw new DataError('forbidden', 'Only the organisation’s own people read its surveys.', {
    reason: 'member',
  });
}

/**
 * The survey with this id when `principal` may read it (`lock`: locked until the transaction ends).
 * @throws {DataError} `not_found` (also when hidden), `invalid_input` (not an id).
 */
export async function requireReadableSurvey(
  db: Database,
  principal: Principal,
  id: string,
  options: { readonly lock?: boolean } = {},
): Promise<Survey> {
  const query = db
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, requireUuid('id', id)), surveyVisibleTo(principal)));
  const [row] = options.lock === true ? await query.for('update') : await query;
  if (row === undefined) throw surveyNotFound();
  return row;
}

/**
 * The units whose comments `principal` may read in `organisationId`: 'all', or the unit a unit
 * lead leads with every unit under it (`descendants(unitId)`: the unit and those below), or none.
 */
export function commentScope(
  principal: Principal,
  organisationId: string,
  descendants: (unitId: string) => readonly string[],
): 'all' | ReadonlySet<string> {
  if (principal.kind === 'system') return 'all';
  if (principal.kind !== 'user') return new Set();
  if (principal.platformAdmin) return 'all';
  const membership = membershipIn(principal, organisationId);
  if (membership === undefined) return new Set();
  // By role, not `can`: reading comments needs no write scope.
  if ((PERMISSIONS['survey.manage'] as readonly Role[]).includes(membership.role)) return 'all';
  if (membership.role === 'unit_lead' && membership.unitId !== null) {
    return new Set(descendants(membership.unitId));
  }
  return new Set();
}
