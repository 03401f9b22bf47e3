/**
 * @module members/directory
 * An organisation's people directory: the names (and units) of its active members, for pickers
 * such as adding someone to a project's team. Every member of the organisation (any role) reads
 * it, as do platform administrators and the system; email addresses are given only to those who
 * manage the organisation's members (`member.manage`, read without needing a write scope). The
 * public answer 401, and people of other organisations (commissioners with a grant too) 403: a
 * grant shares measures, never the people.
 */
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { can } from '../auth/permissions.js';
import { membershipIn } from '../auth/principal.js';
import type { Principal } from '../auth/principal.js';
import { memberships, units, users } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { Organisation } from '../organisations/repository.js';
import { findOrganisation } from '../organisations/service.js';
import { likePattern, nameSortKey } from '../sorting.js';

/** A person in the directory: email only for those who manage the organisation's members. */
export interface DirectoryEntry {
  readonly id: string;
  readonly name: string;
  readonly unit: { readonly id: string; readonly name: string } | null;
  readonly email?: string;
}

/** At most this many people in one answer (a picker narrows with `q`). */
export const DIRECTORY_LIMIT = 25;

/** Whether `principal` reads the organisation's directory. */
function readsDirectory(principal: Principal, organisationId: string): boolean {
  if (principal.kind === 'system') return true;
  if (principal.kind === 'public') return false;
  return principal.platformAdmin || membershipIn(principal, organisationId) !== undefined;
}

/** Whether `principal` also reads the email addresses (member.manage, a read-only token too). */
function readsEmails(principal: Principal, organisationId: string): boolean {
  if (principal.kind !== 'user') return principal.kind === 'system';
  return can({ ...principal, scopes: ['read', 'write'] }, 'member.manage', organisationId);
}

/**
 * Throws unless `principal` may read the organisation's directory.
 * @throws {DataError} `unauthenticated` (the public), `forbidden` (anyone not one of its people).
 */
function requireDirectoryReader(principal: Principal, organisation: Organisation): void {
  if (readsDirectory(principal, organisation.id)) return;
  if (principal.kind === 'public') {
    throw new DataError(
      'unauthenticated',
      'Sign in first: only the organisation’s people see who works there.',
      {
        reason: 'signed_out',
      },
    );
  }
  throw new DataError('forbidden', `Only the people of ${organisation.name} see who works there.`, {
    reason: 'member',
  });
}

/**
 * The active members of the organisation `ref` names whose name (or, for those who read them,
 * email address) contains `q`, in name order, at most `DIRECTORY_LIMIT`.
 * @throws {DataError} `not_found` (ref), `unauthenticated`, `forbidden`.
 */
export async function peopleOf(
  db: Database,
  principal: Principal,
  ref: string,
  q: string | undefined,
): Promise<DirectoryEntry[]> {
  const organisation = await findOrganisation(db, ref);
  requireDirectoryReader(principal, organisation);
  const emails = readsEmails(principal, organisation.id);
  const conditions: (SQL | undefined)[] = [
    eq(memberships.organisationId, organisation.id),
    eq(users.status, 'active'),
  ];
  const search = q?.trim() ?? '';
  if (search !== '') {
    const pattern = likePattern(search);
    conditions.push(
      emails
        ? or(ilike(users.displayName, pattern), ilike(users.email, pattern))
        : ilike(users.displayName, pattern),
    );
  }
  const rows = await db
    .select({
      id: users.id,
      name: users.displayName,
      email: users.email,
      unitId: memberships.unitId,
      unitName: units.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(units, eq(units.id, memberships.unitId))
    .where(and(...conditions))
    .orderBy(nameSortKey(users.displayName), asc(users.id))
    .limit(DIRECTORY_LIMIT);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    unit: row.unitId === null || row.unitName === null ? null : { id: row.unitId, name: row.unitName },
    ...(emails ? { email: row.email } : {}),
  }));
}
