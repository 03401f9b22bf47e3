/**
 * @module capability/access
 * Who may read and change an organisation's curriculum and training records.
 *
 * - Reading the curriculum and capability by unit: the organisation's own people (any role, a
 *   read-only token too), platform administrators and the system; others get 403 (401 signed out).
 * - One's own record: every member sees it and may declare completed courses (`capability.declare`).
 * - Coaches record training for anyone, import it from CSV, confirm or reject what people declare
 *   and see everyone's records. A coach is a member who may write and either has
 *   `capability.manage` (QI leads and administrators) or holds the curriculum's top level: the
 *   coach level of a curriculum such as foundation · practitioner · advanced · coach (see
 *   docs/capability.md for why). The permission table has no place for a right earned by training,
 *   so that check is here (`isCoach`), as ideas/access.ts does for unit leads.
 * - Defining the curriculum and setting staff units: `capability.manage` only.
 */
import { can, PERMISSIONS } from '../auth/permissions.js';
import { membershipIn } from '../auth/principal.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import type { Role } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { trainedFrom } from './compute.js';
import { countedCompletions, levelFacts } from './repository.js';

/** Whether `principal` reads everything (the system, a platform administrator). */
function readsAll(principal: Principal): boolean {
  return principal.kind === 'system' || (principal.kind === 'user' && principal.platformAdmin);
}

/**
 * Throws unless `principal` may read the organisation's curriculum and capability: 401 for the
 * public, 403 for anyone who is not one of its people.
 * @throws {DataError} `unauthenticated`, `forbidden`.
 */
export function requireCapabilityReader(principal: Principal, organisationId: string): void {
  if (readsAll(principal) || membershipIn(principal, organisationId) !== undefined) return;
  if (principal.kind === 'public') {
    throw new DataError(
      'unauthenticated',
      'Sign in first: training records are read by the organisation’s people.',
      {
        reason: 'signed_out',
      },
    );
  }
  throw new DataError('forbidden', 'Only the organisation’s own people read its training records.', {
    reason: 'member',
  });
}

/** Whether `userId` holds the top level of the organisation's curriculum (by counted completions). */
export async function holdsTopLevel(db: Database, organisationId: string, userId: string): Promise<boolean> {
  const levels = (await levelFacts(db, organisationId)).filter((l) => l.requiredCourseIds.length > 0);
  const top = levels.at(-1);
  if (top === undefined) return false;
  const trained = trainedFrom(levels, await countedCompletions(db, organisationId, userId));
  return trained.get(userId)?.has(top.id) === true;
}

/** Whether `principal` is a coach of the organisation (see the module). */
export async function isCoach(db: Database, principal: Principal, organisationId: string): Promise<boolean> {
  if (can(principal, 'capability.manage', organisationId)) return true;
  if (principal.kind !== 'user' || !can(principal, 'capability.declare', organisationId)) return false;
  return holdsTopLevel(db, organisationId, principal.userId);
}

/**
 * Whether `principal` reads the organisation's training records as a coach does (everyone's):
 * the system, platform administrators, the roles with `capability.manage` (with a read-only
 * token too) and holders of the top level.
 */
export async function readsAsCoach(
  db: Database,
  principal: Principal,
  organisationId: string,
): Promise<boolean> {
  if (readsAll(principal)) return true;
  if (principal.kind !== 'user') return false;
  const membership = membershipIn(principal, organisationId);
  if (membership === undefined) return false;
  if ((PERMISSIONS['capability.manage'] as readonly Role[]).includes(membership.role)) return true;
  return holdsTopLevel(db, organisationId, principal.userId);
}

/**
 * Throws (401, 403) unless `principal` reads as a coach (`readsAsCoach`).
 * @throws {DataError} `unauthenticated`, `forbidden`.
 */
export async function requireCoachReader(
  db: Database,
  principal: Principal,
  organisationId: string,
): Promise<void> {
  requireCapabilityReader(principal, organisationId);
  if (!(await readsAsCoach(db, principal, organisationId))) {
    throw new DataError('forbidden', 'Only coaches, QI leads and administrators see everyone’s training.', {
      reason: 'coach',
    });
  }
}

/**
 * Throws (401, 403) unless `principal` is a coach of the organisation.
 * @throws {DataError} `unauthenticated`, `forbidden`.
 */
export async function requireCoach(
  db: Database,
  principal: Principal,
  organisationId: string,
): Promise<void> {
  if (!(await isCoach(db, principal, organisationId)))
    requirePermission(principal, 'capability.manage', organisationId);
}
