/**
 * @module auth/sessions
 * Browser sessions, kept in the database so that any server can answer any request. A new
 * session (a new random id) is made at every sign-in, never reused (no session fixation); a
 * session ends at its absolute time-out, after its idle time-out, at sign-out, or when its owner
 * signs out everywhere or is deactivated.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { sessions, users } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { hashSecret, newSecret } from './secrets.js';
import type { UserRow } from './users-repository.js';

/** How long sessions last. */
export interface SessionPolicy {
  /** Ends after this long without a request (default 30 minutes). */
  readonly idleMs: number;
  /** Ends this long after sign-in, however busy (default 12 hours). */
  readonly absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

/** `last_seen_at` is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export type SessionMethod = 'password' | 'oidc' | 'demo' | 'setup';

/** A new session: the id goes in the cookie (and nowhere else), the CSRF token to the page. */
export interface NewSession {
  readonly id: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export async function createSession(
  db: Database,
  userId: string,
  method: SessionMethod,
  policy: SessionPolicy,
  now: Date,
): Promise<NewSession> {
  const id = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + policy.absoluteMs);
  await db.insert(sessions).values({
    idHash: hashSecret(id),
    userId,
    csrfToken,
    method,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { id, csrfToken, expiresAt };
}

/** A live session and its person. */
export interface LiveSession {
  readonly idHash: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly user: UserRow;
}

/**
 * The live session with this cookie id: not revoked, not past either time-out, its person active.
 * Marks it seen (at most once a minute).
 */
export async function findSession(
  db: Database,
  id: string,
  policy: SessionPolicy,
  now: Date,
): Promise<LiveSession | undefined> {
  const idHash = hashSecret(id);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  if (row === undefined || row.user.status !== 'active') return undefined;
  const idle = now.getTime() - row.session.lastSeenAt.getTime();
  if (idle > policy.idleMs) return undefined;
  if (idle > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return { idHash, csrfToken: row.session.csrfToken, expiresAt: row.session.expiresAt, user: row.user };
}

/** Ends one session (sign-out). */
export async function revokeSession(db: Database, idHash: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt)));
}

/** Ends every session of a person (sign out everywhere; deactivation); returns how many. */
export async function revokeSessionsOf(db: Database, userId: string, now: Date): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .returning({ idHash: sessions.idHash });
  return ended.length;
}
