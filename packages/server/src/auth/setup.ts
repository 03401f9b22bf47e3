/**
 * @module auth/setup
 * The first run: while no platform administrator exists, the server prints a one-time set-up link;
 * whoever opens it first (the person installing Groundswell) creates the first administrator.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/repository.js';
import { oneTimeLinks, users } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { hashPassword } from './passwords.js';
import type { AuthPolicy } from './policy.js';
import { SYSTEM } from './principal.js';
import { hashSecret, newSecret } from './secrets.js';
import { startSession } from './sign-in.js';
import type { NewSession } from './sessions.js';
import type { UserRow } from './users-repository.js';

/** How long a set-up link works. */
export const SETUP_LINK_MS = 24 * 3_600_000;

/** Whether a (real, active) platform administrator exists. */
export async function hasAdministrator(db: Database): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.platformAdmin, true), eq(users.demo, false), eq(users.status, 'active')))
    .limit(1);
  return row !== undefined;
}

/**
 * A new set-up link's secret when no administrator exists yet (earlier unused links stop
 * working), or null when one does.
 */
export async function issueSetupLink(db: Database, now: Date): Promise<string | null> {
  if (await hasAdministrator(db)) return null;
  await db.delete(oneTimeLinks).where(and(eq(oneTimeLinks.purpose, 'setup'), isNull(oneTimeLinks.usedAt)));
  const token = newSecret();
  await db.insert(oneTimeLinks).values({
    tokenHash: hashSecret(token),
    purpose: 'setup',
    createdAt: now,
    expiresAt: new Date(now.getTime() + SETUP_LINK_MS),
  });
  return token;
}

/** Creates the first administrator from a set-up link, and signs them in. */
export async function completeSetup(
  db: Database,
  input: { token: string; email: string; displayName: string; password: string },
  policy: AuthPolicy,
  now: Date,
): Promise<{ session: NewSession; user: UserRow }> {
  const [link] = await db
    .select()
    .from(oneTimeLinks)
    .where(and(eq(oneTimeLinks.tokenHash, hashSecret(input.token)), eq(oneTimeLinks.purpose, 'setup')));
  if (link === undefined || link.usedAt !== null || link.expiresAt <= now || (await hasAdministrator(db))) {
    throw new DataError(
      'forbidden',
      'This set-up link is not valid: it has been used, has expired or was replaced. Restart the server for a new one.',
      { field: 'token', reason: 'invalid_link' },
    );
  }
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password, email);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing !== undefined) {
    throw new DataError('conflict', `There is already an account for ${email}.`, { field: 'email' });
  }
  const [user] = await db
    .insert(users)
    .values({
      email,
      displayName: input.displayName.trim(),
      passwordHash,
      status: 'active',
      platformAdmin: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await db.update(oneTimeLinks).set({ usedAt: now }).where(eq(oneTimeLinks.id, link.id));
  await recordAudit(db, SYSTEM, {
    action: 'user.create',
    entityType: 'user',
    entityId: user!.id,
    organisationId: null,
    summary: `Created the first administrator, ${email}, from the set-up link`,
    after: { email, displayName: user!.displayName, platformAdmin: true },
  });
  return { session: await startSession(db, user!, 'setup', policy, now), user: user! };
}
