import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createToken } from '../auth/tokens.js';
import { auditEvents, memberships, users } from '../db/schema.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation } from '../test-support/fixtures.js';
import { as, aUser, signIn } from '../test-support/users.js';
import { createUnit } from '../units/repository.js';

interface MemberJson {
  userId: string;
  email: string;
  displayName: string;
  role: string;
  unitId: string | null;
  unitName: string | null;
  status: string;
  lastSignInAt: string | null;
}

interface MemberPageJson {
  items: MemberJson[];
  nextCursor: string | null;
}

describeEachEngine('members', ({ test }) => {
  test('administrators list their members with filters and pages; nobody else may', async ({ db }) => {
    const trust = await anOrganisation(db);
    const other = await anOrganisation(db);
    const ward = await createUnit(db, { organisationId: trust.id, kind: 'ward', name: 'Ward 3' });
    const admin = await aUser(db, {
      email: 'admin@trust.nhs.uk',
      organisationId: trust.id,
      role: 'administrator',
    });
    await aUser(db, { email: 'alice@trust.nhs.uk', organisationId: trust.id, role: 'staff' });
    await aUser(db, {
      email: 'bob@trust.nhs.uk',
      organisationId: trust.id,
      role: 'unit_lead',
      unitId: ward.id,
    });
    await aUser(db, {
      email: 'carol@trust.nhs.uk',
      organisationId: trust.id,
      role: 'staff',
      status: 'deactivated',
    });
    const outsider = await aUser(db, { email: 'dave@other.nhs.uk', organisationId: other.id, role: 'staff' });
    const qiLead = await aUser(db, { email: 'erin@trust.nhs.uk', organisationId: trust.id, role: 'qi_lead' });
    await withApp(
      db,
      async (app) => {
        const browser = await signIn(app, admin.email);
        const list = async (query = ''): Promise<MemberPageJson> => {
          const response = await app.inject({
            method: 'GET',
            url: `/api/v1/organisations/${trust.odsCode}/members${query}`,
            headers: as(browser),
          });
          expect(response.statusCode, response.body).toBe(200);
          return body<MemberPageJson>(response);
        };
        const all = await list();
        expect(all.items.map((m) => m.email)).toEqual([
          'admin@trust.nhs.uk',
          'alice@trust.nhs.uk',
          'bob@trust.nhs.uk',
          'carol@trust.nhs.uk',
          'erin@trust.nhs.uk',
        ]);
        expect(all.items.find((m) => m.email === 'bob@trust.nhs.uk')).toMatchObject({
          role: 'unit_lead',
          unitId: ward.id,
          unitName: 'Ward 3',
          status: 'active',
        });
        expect(all.items.find((m) => m.email === 'admin@trust.nhs.uk')?.lastSignInAt).not.toBeNull();
        expect((await list('?role=staff')).items.map((m) => m.email)).toEqual([
          'alice@trust.nhs.uk',
          'carol@trust.nhs.uk',
        ]);
        expect((await list('?status=deactivated')).items.map((m) => m.email)).toEqual(['carol@trust.nhs.uk']);
        expect((await list('?search=BOB')).items.map((m) => m.email)).toEqual(['bob@trust.nhs.uk']);
        expect((await list('?search=%25')).items).toEqual([]);
        const first = await list('?limit=2');
        expect(first.items).toHaveLength(2);
        const second = await list(`?limit=2&cursor=${first.nextCursor}`);
        const third = await list(`?limit=2&cursor=${second.nextCursor}`);
        expect([...first.items, ...second.items, ...third.items].map((m) => m.email)).toEqual(
          all.items.map((m) => m.email),
        );
        expect(third.nextCursor).toBeNull();
        expect(all.items.map((m) => m.email)).not.toContain(outsider.email);

        const badRole = await app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${trust.odsCode}/members?role=boss`,
          headers: as(browser),
        });
        expect(badRole.statusCode).toBe(400);
        expect(body<ErrorJson>(badRole).error.details?.field).toBe('role');

        const leadBrowser = await signIn(app, qiLead.email);
        const refused = await app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${trust.odsCode}/members`,
          headers: as(leadBrowser),
        });
        expect(refused.statusCode).toBe(403);
        expect(refused.body).not.toContain('alice');
        expect(
          (await app.inject({ method: 'GET', url: `/api/v1/organisations/${trust.odsCode}/members` }))
            .statusCode,
        ).toBe(401);
        // A read-only token of an administrator may list them.
        const { token } = await createToken(
          db,
          admin.id,
          { name: 'r', scopes: ['read'], expiresAt: null },
          new Date(),
        );
        const byToken = await app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${trust.odsCode}/members`,
          headers: { authorization: `Bearer ${token}` },
        });
        expect(byToken.statusCode).toBe(200);
      },
      { as: 'public' },
    );
  });

  test('changing a role and removing: not oneself, never the last administrator, and another organisation’s people are 404', async ({
    db,
  }) => {
    const trust = await anOrganisation(db);
    const other = await anOrganisation(db);
    const ward = await createUnit(db, { organisationId: trust.id, kind: 'ward', name: 'Ward 5' });
    const admin = await aUser(db, { organisationId: trust.id, role: 'administrator' });
    const person = await aUser(db, { organisationId: trust.id, role: 'staff' });
    const outsider = await aUser(db, { organisationId: other.id, role: 'staff' });
    const platform = await aUser(db, { platformAdmin: true });
    await withApp(
      db,
      async (app) => {
        const browser = await signIn(app, admin.email);
        const url = (userId: string): string => `/api/v1/organisations/${trust.odsCode}/members/${userId}`;
        const patch = (
          userId: string,
          payload: Record<string, unknown>,
          who = browser,
        ): Promise<LightMyRequestResponse> =>
          app.inject({ method: 'PATCH', url: url(userId), headers: as(who), payload });

        const toLead = await patch(person.id, { role: 'unit_lead', unitId: ward.id });
        expect(toLead.statusCode, toLead.body).toBe(200);
        expect(body<MemberJson>(toLead)).toMatchObject({
          role: 'unit_lead',
          unitId: ward.id,
          unitName: 'Ward 5',
        });
        const [event] = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'member.update'), eq(auditEvents.entityId, person.id)));
        expect(event).toMatchObject({
          organisationId: trust.id,
          before: { role: 'staff', unitId: null },
          after: { role: 'unit_lead', unitId: ward.id },
        });
        const noUnit = await patch(person.id, { role: 'unit_lead' });
        expect(noUnit.statusCode).toBe(400);
        expect(body<ErrorJson>(noUnit).error.details?.field).toBe('unitId');

        const self = await patch(admin.id, { role: 'staff' });
        expect(self.statusCode).toBe(403);
        expect(body<ErrorJson>(self).error.message).toMatch(/yourself/);
        const removeSelf = await app.inject({ method: 'DELETE', url: url(admin.id), headers: as(browser) });
        expect(removeSelf.statusCode).toBe(403);

        // Another organisation's person, and nobody at all: the same 404.
        const foreign = await patch(outsider.id, { role: 'staff' });
        const unknownId = randomUUID();
        const unknown = await patch(unknownId, { role: 'staff' });
        expect(foreign.statusCode).toBe(404);
        expect(foreign.body).toBe(unknown.body);

        // The last administrator, as a platform administrator sees it.
        const operator = await signIn(app, platform.email);
        const demote = await patch(admin.id, { role: 'staff' }, operator);
        expect(demote.statusCode).toBe(409);
        expect(body<ErrorJson>(demote).error.message).toMatch(/last administrator/);
        const removeLast = await app.inject({ method: 'DELETE', url: url(admin.id), headers: as(operator) });
        expect(removeLast.statusCode).toBe(409);
        // With a second administrator, the first may be demoted.
        expect((await patch(person.id, { role: 'administrator' })).statusCode).toBe(200);
        expect((await patch(admin.id, { role: 'executive' }, operator)).statusCode).toBe(200);

        // Removing someone's last membership ends their sessions.
        const leaver = await aUser(db, { organisationId: trust.id, role: 'improver' });
        const leaverBrowser = await signIn(app, leaver.email);
        const newAdmin = await signIn(app, person.email);
        const removed = await app.inject({ method: 'DELETE', url: url(leaver.id), headers: as(newAdmin) });
        expect(removed.statusCode).toBe(200);
        expect(body<{ sessionsEnded: number }>(removed).sessionsEnded).toBe(1);
        const after = await app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: as(leaverBrowser),
        });
        expect(body<{ user: unknown }>(after).user).toBeNull();
        expect(await db.select().from(memberships).where(eq(memberships.userId, leaver.id))).toEqual([]);
        const [removal] = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'member.remove'), eq(auditEvents.entityId, leaver.id)));
        expect(removal?.before).toEqual({ role: 'improver', unitId: null });

        // Someone who still belongs elsewhere keeps their sessions.
        const twoPlaces = await aUser(db, { organisationId: trust.id, role: 'staff' });
        await db
          .insert(memberships)
          .values({ userId: twoPlaces.id, organisationId: other.id, role: 'staff' });
        const twoBrowser = await signIn(app, twoPlaces.email);
        const removedOne = await app.inject({
          method: 'DELETE',
          url: url(twoPlaces.id),
          headers: as(newAdmin),
        });
        expect(body<{ sessionsEnded: number }>(removedOne).sessionsEnded).toBe(0);
        const still = await app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: as(twoBrowser),
        });
        expect(body<{ user: unknown }>(still).user).not.toBeNull();
      },
      { as: 'public' },
    );
  });

  test('deactivating ends sessions and stops tokens; an organisation administrator may do it only for people wholly theirs', async ({
    db,
  }) => {
    const trust = await anOrganisation(db, { name: 'Deactivation Trust' });
    const other = await anOrganisation(db);
    const admin = await aUser(db, { organisationId: trust.id, role: 'administrator' });
    const person = await aUser(db, { organisationId: trust.id, role: 'improver' });
    const shared = await aUser(db, { organisationId: trust.id, role: 'staff' });
    await db.insert(memberships).values({ userId: shared.id, organisationId: other.id, role: 'staff' });
    const platform = await aUser(db, { platformAdmin: true });
    await withApp(
      db,
      async (app) => {
        const browser = await signIn(app, admin.email);
        const action = (
          userId: string,
          verb: 'deactivate' | 'reactivate',
          who = browser,
        ): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${trust.odsCode}/members/${userId}/${verb}`,
            headers: as(who),
          });
        const personBrowser = await signIn(app, person.email);
        const { token } = await createToken(
          db,
          person.id,
          { name: 'pipeline', scopes: ['read'], expiresAt: null },
          new Date(),
        );
        const deactivated = await action(person.id, 'deactivate');
        expect(deactivated.statusCode, deactivated.body).toBe(200);
        expect(body<{ member: MemberJson; sessionsEnded: number }>(deactivated)).toMatchObject({
          member: { status: 'deactivated' },
          sessionsEnded: 1,
        });
        const session = await app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: as(personBrowser),
        });
        expect(body<{ user: unknown }>(session).user).toBeNull();
        const byToken = await app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { authorization: `Bearer ${token}` },
        });
        expect(byToken.statusCode).toBe(401);
        const signInAgain = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email: person.email, password: 'correct horse battery staple' },
        });
        expect(signInAgain.statusCode).toBe(403);
        const [event] = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'user.deactivate'), eq(auditEvents.entityId, person.id)));
        expect(event).toMatchObject({
          organisationId: trust.id,
          before: { status: 'active' },
          after: { status: 'deactivated' },
        });

        const reactivated = await action(person.id, 'reactivate');
        expect(body<{ member: MemberJson }>(reactivated).member.status).toBe('active');
        await signIn(app, person.email);

        // Someone who also belongs to another organisation: only a platform administrator.
        const refused = await action(shared.id, 'deactivate');
        expect(refused.statusCode).toBe(403);
        expect(body<ErrorJson>(refused).error.message).toMatch(/platform administrator/);
        const [still] = await db.select().from(users).where(eq(users.id, shared.id));
        expect(still?.status).toBe('active');
        const operator = await signIn(app, platform.email);
        expect((await action(shared.id, 'deactivate', operator)).statusCode).toBe(200);

        // Not oneself; not the last administrator.
        expect((await action(admin.id, 'deactivate')).statusCode).toBe(403);
        const last = await action(admin.id, 'deactivate', operator);
        expect(last.statusCode).toBe(409);
        expect(body<ErrorJson>(last).error.message).toMatch(/last administrator of Deactivation Trust/);
      },
      { as: 'public' },
    );
  });
});
