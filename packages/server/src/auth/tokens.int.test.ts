import { expect } from 'vitest';
import { apiTokens } from '../db/schema.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { as, aUser, signIn } from '../test-support/users.js';

interface TokenJson {
  id: string;
  token?: string;
  prefix: string;
  scopes: string[];
  revokedAt: string | null;
}

describeEachEngine('personal API tokens', ({ test }) => {
  test('a token is shown once, stored hashed, works as its owner, and stops at once when revoked', async ({
    db,
  }) => {
    const person = await aUser(db);
    await withApp(
      db,
      async (app) => {
        const browser = await signIn(app, person.email);
        const made = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: as(browser),
          payload: { name: 'nightly falls extract', scopes: ['read', 'write'] },
        });
        expect(made.statusCode).toBe(201);
        const created = body<TokenJson>(made);
        expect(created.token).toMatch(/^gs_[A-Za-z0-9_-]{43}$/);
        expect(created.token!.startsWith(created.prefix)).toBe(true);
        // Never stored, never listed again.
        expect(JSON.stringify(await db.select().from(apiTokens))).not.toContain(created.token);
        const list = await app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: as(browser) });
        expect(list.body).not.toContain(created.token);
        expect(body<{ items: TokenJson[] }>(list).items.map((t) => t.id)).toEqual([created.id]);

        const bearer = { authorization: `Bearer ${created.token}` };
        const asToken = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: bearer });
        expect(body<{ user: { email: string } }>(asToken).user.email).toBe(person.email);
        // A token cannot make more tokens.
        const minted = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: bearer,
          payload: { name: 'another', scopes: ['read'] },
        });
        expect(minted.statusCode).toBe(403);

        const revoked = await app.inject({
          method: 'DELETE',
          url: `/api/v1/auth/tokens/${created.id}`,
          headers: as(browser),
        });
        expect(body<TokenJson>(revoked).revokedAt).not.toBeNull();
        const after = await app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: bearer });
        expect(after.statusCode).toBe(401);
        expect(body<ErrorJson>(after).error.details).toMatchObject({ field: 'authorization' });
      },
      { as: 'public' },
    );
  });

  test('a malformed, unknown or expired token is a 401, never the public', async ({ db }) => {
    const person = await aUser(db);
    let at = new Date('2026-11-26T09:00:00Z').getTime();
    await withApp(
      db,
      async (app) => {
        const browser = await signIn(app, person.email);
        const made = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: as(browser),
          payload: { name: 'a week', scopes: ['read'], expiresAt: '2026-12-03T09:00:00Z' },
        });
        const { token } = body<TokenJson>(made);
        for (const authorization of [
          'Bearer',
          'Basic abc',
          `Bearer gs_${'x'.repeat(43)}`,
          `Bearer ${token}x`,
        ]) {
          const response = await app.inject({
            method: 'GET',
            url: '/api/v1/organisations',
            headers: { authorization },
          });
          expect(response.statusCode, authorization).toBe(401);
        }
        const ok = await app.inject({
          method: 'GET',
          url: '/api/v1/organisations',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(ok.statusCode).toBe(200);
        at += 8 * 24 * 3_600_000;
        const expired = await app.inject({
          method: 'GET',
          url: '/api/v1/organisations',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(expired.statusCode).toBe(401);
        const past = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: as(browser),
          payload: { name: 'already over', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' },
        });
        expect(past.statusCode).toBe(400);
        expect(body<ErrorJson>(past).error.details?.field).toBe('expiresAt');
      },
      {
        now: () => new Date(at),
        authPolicy: { idleMs: 365 * 24 * 3_600_000, absoluteMs: 365 * 24 * 3_600_000 },
      },
    );
  });

  test('one person cannot see or revoke another’s tokens', async ({ db }) => {
    const owner = await aUser(db);
    const other = await aUser(db);
    await withApp(
      db,
      async (app) => {
        const mine = await signIn(app, owner.email);
        const theirs = await signIn(app, other.email);
        const made = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: as(mine),
          payload: { name: 'mine', scopes: ['read'] },
        });
        const { id } = body<TokenJson>(made);
        const list = await app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: as(theirs) });
        expect(body<{ items: unknown[] }>(list).items).toEqual([]);
        const revoke = await app.inject({
          method: 'DELETE',
          url: `/api/v1/auth/tokens/${id}`,
          headers: as(theirs),
        });
        expect(revoke.statusCode).toBe(404);
        const signedOut = await app.inject({ method: 'GET', url: '/api/v1/auth/tokens' });
        expect(signedOut.statusCode).toBe(401);
      },
      { as: 'public' },
    );
  });
});
