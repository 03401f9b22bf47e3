/**
 * @module auth/users-repository
 * People and what they belong to, as sign-in and each request need them.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { memberships, organisationGrants, users } from '../db/schema.js';
import type { Database } from '../db/types.js';
import type { Membership, ReceivedGrant, UserPrincipal } from './principal.js';

export type UserRow = typeof users.$inferSelect;

/** The person with this email (any case), if any. */
export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row;
}

export async function findUser(db: Database, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

/** A person's memberships, and the grants their organisations have received. */
export async function accessOf(
  db: Database,
  userId: string,
): Promise<{ memberships: Membership[]; grants: ReceivedGrant[] }> {
  const rows = await db
    .select({
      organisationId: memberships.organisationId,
      role: memberships.role,
      unitId: memberships.unitId,
    })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  const grants =
    rows.length === 0
      ? []
      : await db
          .select({ organisationId: organisationGrants.grantorId, scope: organisationGrants.scope })
          .from(organisationGrants)
          .where(
            inArray(
              organisationGrants.granteeId,
              rows.map((r) => r.organisationId),
            ),
          );
  // A person in two granted organisations keeps the wider grant of each grantor.
  const widest = new Map<string, ReceivedGrant>();
  for (const grant of grants) {
    if (widest.get(grant.organisationId)?.scope !== 'internal') widest.set(grant.organisationId, grant);
  }
  return { memberships: rows, grants: [...widest.values()] };
}

/** The principal of an active person, authenticated `via` a session or a token with `scopes`. */
export async function principalOf(
  db: Database,
  user: UserRow,
  via: UserPrincipal['via'],
  scopes: UserPrincipal['scopes'],
): Promise<UserPrincipal> {
  const access = await accessOf(db, user.id);
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    platformAdmin: user.platformAdmin,
    memberships: access.memberships,
    grants: access.grants,
    via,
    scopes,
  };
}

/** Records a failed sign-in; locks the account for `lockMs` after `maxFailures` in a row. */
export async function recordFailedSignIn(
  db: Database,
  user: UserRow,
  maxFailures: number,
  lockMs: number,
  now: Date,
): Promise<{ locked: Date | null }> {
  const failures = user.failedSignIns + 1;
  const locked = failures >= maxFailures ? new Date(now.getTime() + lockMs) : null;
  await db
    .update(users)
    .set({ failedSignIns: locked === null ? failures : 0, lockedUntil: locked ?? user.lockedUntil })
    .where(eq(users.id, user.id));
  return { locked };
}

/** Records a successful sign-in: clears failures and the lock, activates an invited account. */
export async function recordSignIn(
  db: Database,
  userId: string,
  now: Date,
  passwordHash?: string,
): Promise<void> {
  await db
    .update(users)
    .set({
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: now,
      ...(passwordHash === undefined ? {} : { passwordHash }),
    })
    .where(and(eq(users.id, userId)));
}
