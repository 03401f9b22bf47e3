/**
 * @module test-support/users
 * People for the sign-in and access tests, and requests made as them.
 */
import { hash } from '@node-rs/argon2';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { ARGON2_PARAMETERS } from '../auth/passwords.js';
import { createToken } from '../auth/tokens.js';
import { memberships, users } from '../db/schema.js';
import type { Role } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';

/** Every test person's password. */
export const PASSWORD = 'correct horse battery staple';

let hashed: Promise<string> | undefined;

/** A person with PASSWORD, active unless told otherwise, with a role in an organisation if given. */
export async function aUser(
  db: Database,
  options: {
    email?: string;
    organisationId?: string;
    role?: Role;
    unitId?: string;
    platformAdmin?: boolean;
    status?: 'invited' | 'active' | 'deactivated';
  } = {},
): Promise<{ id: string; email: string }> {
  hashed ??= hash(PASSWORD, ARGON2_PARAMETERS);
  const email = options.email ?? `person.${Math.random().toString(36).slice(2)}@example.nhs.uk`;
  const [user] = await db
    .insert(users)
    .values({
      email,
      displayName: email.split('@')[0]!,
      passwordHash: await hashed,
      status: options.status ?? 'active',
      platformAdmin: options.platformAdmin ?? false,
    })
    .returning({ id: users.id, email: users.email });
  if (options.organisationId !== undefined) {
    await db.insert(memberships).values({
      userId: user!.id,
      organisationId: options.organisationId,
      role: options.role ?? 'staff',
      unitId: options.unitId ?? null,
    });
  }
  return user!;
}

/** A signed-in browser: its cookie and CSRF token. */
export interface Browser {
  readonly cookie: string;
  readonly csrfToken: string;
}

/** The session cookie (name=value) a response set, if any. */
export function sessionCookie(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name.endsWith('gs_session') && c.value !== '');
  return cookie === undefined ? undefined : `${cookie.name}=${cookie.value}`;
}

/** Signs `email` in with PASSWORD; fails the test when that does not work. */
export async function signIn(app: Api, email: string, password = PASSWORD): Promise<Browser> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookie(response);
  if (cookie === undefined) throw new Error('sign-in set no session cookie');
  return { cookie, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
}

/** Headers for a request as `browser` (with its CSRF token). */
export function as(browser: Browser): Record<string, string> {
  return { cookie: browser.cookie, 'x-csrf-token': browser.csrfToken };
}

/** Each of `people` signed in with PASSWORD: the headers of a request as each, by name. */
export async function signInAll<K extends string>(
  app: Api,
  people: Readonly<Record<K, { readonly email: string }>>,
): Promise<Record<K, Record<string, string>>> {
  const signedIn = {} as Record<K, Record<string, string>>;
  for (const name of Object.keys(people) as K[]) {
    signedIn[name] = as(await signIn(app, people[name].email));
  }
  return signedIn;
}

/** The test operator's user id (the person `withApp` signs requests as by default). */
export async function operatorId(db: Database): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, OPERATOR_EMAIL));
  if (row === undefined) throw new Error('no test operator: withApp makes one');
  return row.id;
}

/**
 * A platform administrator's read-write API token, made once per database (the test's
 * transaction): what `withApp` sends by default.
 */
export async function operatorToken(db: Database): Promise<string> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, OPERATOR_EMAIL));
  const userId =
    existing?.id ??
    (
      await db
        .insert(users)
        .values({
          email: OPERATOR_EMAIL,
          displayName: 'Test operator',
          status: 'active',
          platformAdmin: true,
        })
        .returning({ id: users.id })
    )[0]!.id;
  const { token } = await createToken(
    db,
    userId,
    { name: 'tests', scopes: ['read', 'write'], expiresAt: null },
    new Date(),
  );
  return token;
}

const OPERATOR_EMAIL = 'operator@groundswell.test';
