import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents, sessions, users } from '../db/schema.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { as, aUser, PASSWORD, sessionCookie, signIn } from '../test-support/users.js';
import { DEFAULT_AUTH_POLICY } from './policy.js';
import { hashSecret } from './secrets.js';

interface SessionJson {
  user: { email: string; platformAdmin: boolean } | null;
  csrfToken: string | null;
}

const MINUTE = 60_000;

/** A clock the test moves. */
function clock(start = new Date('2026-11-26T09:00:00Z')): {
  now: () => Date;
  advance: (ms: number) => number;
} {
  let at = start.getTime();
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

describeEachEngine('sign-in and sessions', ({ test }) => {
  test('a right password starts a session: an HttpOnly, Secure, SameSite cookie; the session says who', async ({
    db,
  }) => {
    const person = await aUser(db);
    await withApp(
      db,
      async (app) => {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email: person.email.toUpperCase(), password: PASSWORD },
        });
        expect(response.statusCode).toBe(200);
        const cookie = response.cookies.find((c) => c.name === '__Host-gs_session')!;
        expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
        expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
        // The database keeps only the hash of the cookie's id.
        const [stored] = await db
          .select()
          .from(sessions)
          .where(eq(sessions.idHash, hashSecret(cookie.value)));
        expect(stored?.userId).toBe(person.id);
        expect(JSON.stringify(await db.select().from(sessions))).not.toContain(cookie.value);
        const session = await app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: `${cookie.name}=${cookie.value}` },
        });
        expect(body<SessionJson>(session).user?.email).toBe(person.email);
        expect(body<SessionJson>(session).csrfToken).toBe(body<SessionJson>(response).csrfToken);
        const signedOut = await app.inject({ method: 'GET', url: '/api/v1/auth/session' });
        expect(body<SessionJson>(signedOut)).toMatchObject({ user: null, csrfToken: null });
      },
      { as: 'public' },
    );
  });

  test('a wrong password and an unknown email get the same 401; five failures lock the account', async ({
    db,
  }) => {
    const person = await aUser(db);
    const time = clock();
    await withApp(
      db,
      async (app) => {
        const attempt = (email: string, password: string): Promise<LightMyRequestResponse> =>
          app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
        const unknown = await attempt('nobody@example.nhs.uk', PASSWORD);
        const wrong = await attempt(person.email, 'not the password at all');
        expect(unknown.statusCode).toBe(401);
        expect(wrong.statusCode).toBe(401);
        expect(body<ErrorJson>(wrong).error.message).toBe(body<ErrorJson>(unknown).error.message);
        for (let i = 0; i < 3; i++)
          expect((await attempt(person.email, 'wrong again, sorry')).statusCode).toBe(401);
        // The fifth failure locks it: now even the right password is refused, saying until when.
        expect((await attempt(person.email, 'and wrong a fifth time')).statusCode).toBe(401);
        const locked = await attempt(person.email, PASSWORD);
        expect(locked.statusCode).toBe(429);
        expect(body<ErrorJson>(locked).error.message).toMatch(/locked until 09:15 UTC/);
        expect(sessionCookie(locked)).toBeUndefined();
        const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'user.lock'));
        expect(audit?.entityId).toBe(person.id);
        time.advance(DEFAULT_AUTH_POLICY.lockMs + 1);
        expect((await attempt(person.email, PASSWORD)).statusCode).toBe(200);
      },
      { now: time.now, as: 'public' },
    );
  });

  test('at most 10 attempts a minute per address and account: the 11th is a 429, another account is not held up', async ({
    db,
  }) => {
    const person = await aUser(db);
    const colleague = await aUser(db);
    await withApp(
      db,
      async (app) => {
        const attempt = (email: string, password: string): Promise<LightMyRequestResponse> =>
          app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
        // An unknown address never locks, so only the rate limit stops these.
        for (let i = 0; i < 10; i++)
          expect((await attempt('nobody@example.nhs.uk', 'guess')).statusCode).toBe(401);
        const limited = await attempt('nobody@example.nhs.uk', 'guess');
        expect(limited.statusCode).toBe(429);
        expect(body<ErrorJson>(limited).error).toMatchObject({ code: 'too_many_requests' });
        expect(body<ErrorJson>(limited).error.message).toMatch(
          /^Too many attempts: retry in \d+ (seconds?|minutes?)$/,
        );
        expect(limited.headers['retry-after']).toBeDefined();
        // The same address (a hospital behind one NAT address) still signs others in.
        expect((await attempt(colleague.email, PASSWORD)).statusCode).toBe(200);
        expect((await attempt(person.email, PASSWORD)).statusCode).toBe(200);
      },
      { as: 'public' },
    );
  });

  test('deactivated and invited people cannot sign in, even with the right password', async ({ db }) => {
    const gone = await aUser(db, { status: 'deactivated' });
    const invited = await aUser(db, { status: 'invited' });
    await withApp(
      db,
      async (app) => {
        for (const [person, reason] of [
          [gone, 'deactivated'],
          [invited, 'invited'],
        ] as const) {
          const response = await app.inject({
            method: 'POST',
            url: '/api/v1/auth/sign-in',
            payload: { email: person.email, password: PASSWORD },
          });
          expect(response.statusCode).toBe(403);
          expect(body<ErrorJson>(response).error).toMatchObject({ details: { reason } });
        }
      },
      { as: 'public' },
    );
  });

  test('no session fixation: signing in makes a new session id and ends the one the browser had', async ({
    db,
  }) => {
    const person = await aUser(db);
    await withApp(
      db,
      async (app) => {
        const first = await signIn(app, person.email);
        const second = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          headers: { cookie: first.cookie },
          payload: { email: person.email, password: PASSWORD },
        });
        const cookie = sessionCookie(second)!;
        expect(cookie).not.toBe(first.cookie);
        const old = await app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: first.cookie },
        });
        expect(body<SessionJson>(old).user).toBeNull();
        // A cookie an attacker planted before sign-in names no session, and is not adopted.
        const planted = '__Host-gs_session=planted-by-someone-else-aaaaaaaaaaaaaaaaaaaaaaa';
        const afterPlant = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          headers: { cookie: planted },
          payload: { email: person.email, password: PASSWORD },
        });
        expect(sessionCookie(afterPlant)).not.toBe(planted);
        const withPlanted = await app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: planted },
        });
        expect(body<SessionJson>(withPlanted).user).toBeNull();
      },
      { as: 'public' },
    );
  });

  test('a change made with the cookie needs the CSRF token', async ({ db }) => {
    const person = await aUser(db);
    await withApp(
      db,
      async (app) => {
        const browser = await signIn(app, person.email);
        const without = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-out-everywhere',
          headers: { cookie: browser.cookie },
        });
        expect(without.statusCode).toBe(403);
        expect(body<ErrorJson>(without).error).toMatchObject({ details: { field: 'x-csrf-token' } });
        const wrong = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-out-everywhere',
          headers: { cookie: browser.cookie, 'x-csrf-token': `${browser.csrfToken.slice(0, -1)}x` },
        });
        expect(wrong.statusCode).toBe(403);
        // The session survived both attempts.
        const still = await app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: browser.cookie },
        });
        expect(body<SessionJson>(still).user?.email).toBe(person.email);
        const right = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-out-everywhere',
          headers: as(browser),
        });
        expect(right.statusCode).toBe(200);
      },
      { as: 'public' },
    );
  });

  test('sessions end after 30 idle minutes, after 12 hours however busy, and at sign-out', async ({ db }) => {
    const person = await aUser(db);
    const time = clock();
    await withApp(
      db,
      async (app) => {
        const who = async (cookie: string): Promise<string | null> =>
          body<SessionJson>(
            await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } }),
          ).user?.email ?? null;
        const idle = await signIn(app, person.email);
        time.advance(29 * MINUTE);
        expect(await who(idle.cookie)).toBe(person.email);
        time.advance(29 * MINUTE); // 29 minutes since it was last seen: still alive
        expect(await who(idle.cookie)).toBe(person.email);
        time.advance(31 * MINUTE);
        expect(await who(idle.cookie)).toBeNull();

        const busy = await signIn(app, person.email);
        for (let minutes = 0; minutes < 12 * 60; minutes += 20) {
          time.advance(20 * MINUTE);
          if (minutes + 20 < 12 * 60) expect(await who(busy.cookie)).toBe(person.email);
        }
        expect(await who(busy.cookie)).toBeNull();

        const leaving = await signIn(app, person.email);
        const out = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: as(leaving) });
        expect(out.statusCode).toBe(204);
        expect(out.cookies.find((c) => c.name === '__Host-gs_session')?.value).toBe('');
        expect(await who(leaving.cookie)).toBeNull();
      },
      { now: time.now, as: 'public' },
    );
  });

  test('sign out everywhere ends every session of that person, and nobody else’s', async ({ db }) => {
    const person = await aUser(db);
    const other = await aUser(db);
    await withApp(
      db,
      async (app) => {
        const laptop = await signIn(app, person.email);
        const phone = await signIn(app, person.email);
        const theirs = await signIn(app, other.email);
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-out-everywhere',
          headers: as(phone),
        });
        expect(body(response)).toEqual({ ended: 2 });
        for (const [browser, expected] of [
          [laptop, null],
          [phone, null],
          [theirs, other.email],
        ] as const) {
          const session = await app.inject({
            method: 'GET',
            url: '/api/v1/auth/session',
            headers: { cookie: browser.cookie },
          });
          expect(body<SessionJson>(session).user?.email ?? null).toBe(expected);
        }
      },
      { as: 'public' },
    );
  });

  test('a deactivated person’s open session stops working', async ({ db }) => {
    const person = await aUser(db);
    await withApp(
      db,
      async (app) => {
        const browser = await signIn(app, person.email);
        await db.update(users).set({ status: 'deactivated' }).where(eq(users.id, person.id));
        const session = await app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { cookie: browser.cookie },
        });
        expect(body<SessionJson>(session).user).toBeNull();
      },
      { as: 'public' },
    );
  });

  test('every response carries the security headers and a strict Content-Security-Policy', async ({ db }) => {
    await withApp(
      db,
      async (app) => {
        const response = await app.inject({ method: 'GET', url: '/api/v1/auth/session' });
        const csp = String(response.headers['content-security-policy']);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).toContain("frame-ancestors 'none'");
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      },
      { as: 'public' },
    );
  });
});
