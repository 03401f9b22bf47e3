/**
 * @module auth/sign-in
 * Signing in with an email and password, with lock-out after repeated failures; signing in as a
 * demo user where that is allowed.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit/repository.js';
import { memberships, users } from '../db/schema.js';
import type { Role } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { hash } from '@node-rs/argon2';
import { ARGON2_PARAMETERS, needsRehash, verifyPassword } from './passwords.js';
import { SYSTEM } from './principal.js';
import type { AuthPolicy } from './policy.js';
import { principalOf } from './users-repository.js';
import { findUserByEmail, recordFailedSignIn, recordSignIn } from './users-repository.js';
import type { UserRow } from './users-repository.js';
import { createSession } from './sessions.js';
import type { NewSession, SessionMethod } from './sessions.js';

/** The same words whether the email or the password is wrong: a stranger learns nothing. */
const WRONG = 'The email address or password is not right.';

const time = (at: Date): string => at.toISOString().slice(11, 16);

/**
 * Signs a person in: a new session, or an error saying what to do. Not to be called inside a
 * transaction that the error would roll back (the failure count must stay).
 */
export async function signInWithPassword(
  db: Database,
  input: { email: string; password: string },
  policy: AuthPolicy,
  now: Date,
): Promise<{ session: NewSession; user: UserRow }> {
  const user = await findUserByEmail(db, input.email);
  if (user?.lockedUntil != null && user.lockedUntil > now) {
    throw new DataError(
      'too_many_requests',
      `Too many failed sign-ins: this account is locked until ${time(user.lockedUntil)} UTC. Try again then, or ask an administrator.`,
      { reason: 'locked' },
    );
  }
  const ok = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (user === undefined || !ok) {
    if (user !== undefined) await recordFailure(db, user, policy, now);
    throw new DataError('unauthenticated', WRONG, { reason: 'wrong_credentials' });
  }
  if (user.status !== 'active') {
    throw new DataError(
      'forbidden',
      user.status === 'deactivated'
        ? 'This account has been deactivated. Ask an administrator of your organisation.'
        : 'This account has not been set up yet: use the invitation link you were sent.',
      { reason: user.status },
    );
  }
  if (user.demo) {
    throw new DataError('forbidden', 'Demo users sign in with the demo sign-in, not a password.', {
      reason: 'demo',
    });
  }
  const rehashed = needsRehash(user.passwordHash!)
    ? await hash(input.password, ARGON2_PARAMETERS)
    : undefined;
  return {
    session: await db.transaction((tx) => startSession(tx, user, 'password', policy, now, rehashed)),
    user,
  };
}

/** Counts a failed sign-in (and any lock it causes) in its own transaction: it stands though sign-in fails. */
async function recordFailure(db: Database, user: UserRow, policy: AuthPolicy, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { locked } = await recordFailedSignIn(tx, user, policy.maxFailedSignIns, policy.lockMs, now);
    if (locked === null) return;
    await recordAudit(tx, SYSTEM, {
      action: 'user.lock',
      entityType: 'user',
      entityId: user.id,
      organisationId: null,
      summary: `Locked ${user.email} until ${time(locked)} UTC after ${policy.maxFailedSignIns} failed sign-ins`,
    });
  });
}

/** Whether demo sign-in is open: allowed by policy, demo users exist, and no real person has an account. */
export async function demoSignInOpen(db: Database, policy: AuthPolicy): Promise<boolean> {
  if (!policy.demoSignIn) return false;
  const [row] = await db
    .select({ real: count() })
    .from(users)
    .where(and(eq(users.demo, false)));
  if ((row?.real ?? 0) > 0) return false;
  const [demo] = await db.select({ n: count() }).from(users).where(eq(users.demo, true));
  return (demo?.n ?? 0) > 0;
}

/**
 * The demo users one may sign in as, where demo sign-in is open: those of `offered` (emails, in
 * the order given) that the database holds.
 */
export async function listDemoUsers(
  db: Database,
  policy: AuthPolicy,
  offered: readonly string[],
): Promise<{ email: string; displayName: string; role: Role }[]> {
  if (!(await demoSignInOpen(db, policy))) return [];
  const rows = await db
    .select({ email: users.email, displayName: users.displayName, role: memberships.role })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.demo, true), eq(users.status, 'active'), inArray(users.email, [...offered])));
  return rows.sort((a, b) => offered.indexOf(a.email) - offered.indexOf(b.email));
}

/** Signs in as a demo user, where demo sign-in is open. */
export async function signInAsDemoUser(
  db: Database,
  email: string,
  policy: AuthPolicy,
  now: Date,
): Promise<{ session: NewSession; user: UserRow }> {
  if (!(await demoSignInOpen(db, policy))) {
    throw new DataError(
      'forbidden',
      'Demo sign-in works only on a database that holds the demo data and no real accounts.',
      { reason: 'demo_closed' },
    );
  }
  const user = await findUserByEmail(db, email);
  if (user === undefined || !user.demo || user.status !== 'active') {
    throw new DataError('not_found', `There is no demo user ${JSON.stringify(email)}.`, { field: 'email' });
  }
  return { session: await db.transaction((tx) => startSession(tx, user, 'demo', policy, now)), user };
}

/** A new session for `user` (never an old one: no fixation), recorded in the audit log. */
export async function startSession(
  db: Database,
  user: UserRow,
  method: SessionMethod,
  policy: AuthPolicy,
  now: Date,
  passwordHash?: string,
): Promise<NewSession> {
  await recordSignIn(db, user.id, now, passwordHash);
  const session = await createSession(db, user.id, method, policy, now);
  const principal = await principalOf(db, user, 'session', ['read', 'write']);
  await recordAudit(db, principal, {
    action: 'user.sign_in',
    entityType: 'user',
    entityId: user.id,
    organisationId: null,
    summary: `Signed in (${method})`,
  });
  return session;
}
