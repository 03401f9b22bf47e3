import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { users } from '../db/schema.js';
import { addDemoUsers, DEMO_USERS } from '../demo/users.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation } from '../test-support/fixtures.js';
import { aUser, sessionCookie } from '../test-support/users.js';
import { issueSetupLink } from './setup.js';

describeEachEngine('first run and demo sign-in', ({ test }) => {
  test('the set-up link creates the first administrator once, and is then dead', async ({ db }) => {
    await db.delete(users);
    const token = await issueSetupLink(db, new Date());
    expect(token).not.toBeNull();
    await withApp(
      db,
      async (app) => {
        const setup = (payload: Record<string, string>): Promise<LightMyRequestResponse> =>
          app.inject({ method: 'POST', url: '/api/v1/auth/setup', payload });
        const weak = await setup({
          token: token!,
          email: 'admin@trust.nhs.uk',
          displayName: 'Ada',
          password: 'short',
        });
        expect(weak.statusCode).toBe(400);
        expect(body<ErrorJson>(weak).error.details?.field).toBe('password');
        const done = await setup({
          token: token!,
          email: 'Admin@Trust.nhs.uk',
          displayName: 'Ada Admin',
          password: 'a long enough pass phrase',
        });
        expect(done.statusCode).toBe(200);
        expect(sessionCookie(done)).toBeDefined();
        expect(body<{ user: { email: string; platformAdmin: boolean } }>(done).user).toMatchObject({
          email: 'admin@trust.nhs.uk',
          platformAdmin: true,
        });
        const again = await setup({
          token: token!,
          email: 'eve@evil.example',
          displayName: 'Eve',
          password: 'a long enough pass phrase',
        });
        expect(again.statusCode).toBe(403);
        expect(await db.select().from(users).where(eq(users.email, 'eve@evil.example'))).toEqual([]);
      },
      { as: 'public' },
    );
    // With an administrator, no new link is issued.
    expect(await issueSetupLink(db, new Date())).toBeNull();
  });

  test('demo users sign in only while the database holds the demo data and no real accounts', async ({
    db,
  }) => {
    await db.delete(users);
    const trust = await anOrganisation(db);
    await withApp(
      db,
      async (app) => {
        const demoSignIn = (): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'POST',
            url: '/api/v1/auth/demo-sign-in',
            payload: { email: DEMO_USERS[0]!.email },
          });
        expect((await demoSignIn()).statusCode).toBe(403); // no demo data
        expect(await addDemoUsers(db, trust.id)).toBe(DEMO_USERS.length - 1); // no ward: no unit lead
        const list = await app.inject({ method: 'GET', url: '/api/v1/auth/demo-users' });
        expect(body<{ items: unknown[] }>(list).items).toHaveLength(DEMO_USERS.length - 1); // those the database holds
        const ok = await demoSignIn();
        expect(ok.statusCode).toBe(200);
        expect(body<{ user: { demo: boolean } }>(ok).user.demo).toBe(true);
        // Demo users have no password to guess.
        const password = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email: DEMO_USERS[0]!.email, password: 'anything at all here' },
        });
        expect(password.statusCode).toBe(401);
        await aUser(db); // a real account: the demo door closes
        expect((await demoSignIn()).statusCode).toBe(403);
        expect(
          body<{ items: unknown[] }>(await app.inject({ method: 'GET', url: '/api/v1/auth/demo-users' }))
            .items,
        ).toEqual([]);
      },
      { as: 'public' },
    );
  });
});
