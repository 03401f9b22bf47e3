/**
 * @module goals/access
 * Who may read and change aims and goals.
 *
 * Reading: an aim follows its own visibility in its organisation. A goal is read only by those who
 * may read both the goal (its own visibility, in its organisation) and its series (its measure's
 * visibility, in the same organisation): a public goal on an internal measure is internal. Both are
 * conditions in SQL (auth/visibility.ts), so a hidden row never leaves the query, and a hidden id
 * is answered exactly as an unknown one.
 *
 * Changing: `goal.manage` in the organisation (QI leads, executives, administrators). A unit lead
 * also manages the goals of their own unit and of its sub-units — the permission table has no
 * unit scope, so that check is here: `canManageGoal`.
 */
import { and, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { can } from '../auth/permissions.js';
import { membershipIn } from '../auth/principal.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { visibleTo } from '../auth/visibility.js';
import { goals, measures, projects, strategicAims } from '../db/schema.js';
import { DataError } from '../errors.js';

/** A condition on `strategic_aims`: the aims `principal` may read. */
export function aimVisibleTo(principal: Principal): SQL {
  return visibleTo(principal, strategicAims.visibility, strategicAims.organisationId);
}

/**
 * A condition on `goals` joined to its series' `measures`: the goals `principal` may read (the goal
 * and its measure both readable in the goal's organisation, which is its series').
 */
export function goalVisibleTo(principal: Principal): SQL {
  return and(
    visibleTo(principal, goals.visibility, goals.organisationId),
    visibleTo(principal, measures.visibility, goals.organisationId),
  )!;
}

/** A condition on `projects`: the projects `principal` may read (their visibility in their organisation). */
export function projectVisibleTo(principal: Principal): SQL {
  return visibleTo(principal, projects.visibility, projects.organisationId);
}

/** A condition on `projects` that is true for public or published projects only. */
export const PUBLISHED_PROJECT: SQL = sql`(${projects.visibility} = 'public' or ${projects.publishedAt} is not null)`;

/** The answer for an unknown goal, and for one the person may not read. */
export function goalNotFound(field = 'id'): DataError {
  return new DataError('not_found', 'no goal has this id', { field });
}

/** The answer for an unknown aim, and for one the person may not read. */
export function aimNotFound(field = 'id'): DataError {
  return new DataError('not_found', 'no strategic aim of this organisation has this id', { field });
}

/**
 * Whether `principal` may manage a goal of `unitId` (null: the organisation's own) in
 * `organisationId`: `goal.manage` there, or a unit lead of that unit or one of its parent units.
 * `ancestors(unitId)`: the unit and every unit above it.
 */
export function canManageGoal(
  principal: Principal,
  organisationId: string,
  unitId: string | null,
  ancestors: (unitId: string) => readonly string[],
): boolean {
  if (can(principal, 'goal.manage', organisationId)) return true;
  if (principal.kind !== 'user' || !principal.scopes.includes('write') || unitId === null) return false;
  const membership = membershipIn(principal, organisationId);
  return (
    membership?.role === 'unit_lead' &&
    membership.unitId !== null &&
    ancestors(unitId).includes(membership.unitId)
  );
}

/** Throws (401, 403) unless `principal` may manage a goal of `unitId` in `organisationId`. */
export function requireGoalManager(
  principal: Principal,
  organisationId: string,
  unitId: string | null,
  ancestors: (unitId: string) => readonly string[],
): void {
  if (!canManageGoal(principal, organisationId, unitId, ancestors)) {
    requirePermission(principal, 'goal.manage', organisationId);
  }
}
