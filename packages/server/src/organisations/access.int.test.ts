/**
 * Who may do what to organisations and units: reading is public; creating an organisation is for
 * platform administrators, adding a unit for the organisation's administrators; both audited.
 */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation, odsCode } from '../test-support/fixtures.js';
import { as, aUser, signIn } from '../test-support/users.js';

async function auditOf(db: Database, entityId: string): Promise<(typeof auditEvents.$inferSelect)[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId));
}

describeEachEngine('organisation and unit access', ({ test }) => {
  test('organisations: the public reads; only platform administrators create, audited', async ({ db }) => {
    const trust = await anOrganisation(db, { name: 'Readable Trust' });
    const admin = await aUser(db, { organisationId: trust.id, role: 'administrator' });
    const platform = await aUser(db, { platformAdmin: true });
    await withApp(
      db,
      async (app) => {
        const payload = { odsCode: odsCode(), name: 'New Trust', kind: 'provider' };
        expect((await app.inject({ url: `/api/v1/organisations/${trust.odsCode}` })).statusCode).toBe(200);
        expect((await app.inject({ url: `/api/v1/organisations/${trust.odsCode}/units` })).statusCode).toBe(
          200,
        );
        const signedOut = await app.inject({ method: 'POST', url: '/api/v1/organisations', payload });
        expect(signedOut.statusCode).toBe(401);
        const asAdmin = await app.inject({
          method: 'POST',
          url: '/api/v1/organisations',
          payload,
          headers: as(await signIn(app, admin.email)),
        });
        expect(asAdmin.statusCode).toBe(403);
        const created = await app.inject({
          method: 'POST',
          url: '/api/v1/organisations',
          payload,
          headers: as(await signIn(app, platform.email)),
        });
        expect(created.statusCode).toBe(201);
        const id = body<{ id: string }>(created).id;
        const [event] = await auditOf(db, id);
        expect(event).toMatchObject({
          action: 'organisation.create',
          actorId: platform.id,
          organisationId: id,
        });
      },
      { as: 'public' },
    );
  });

  test("units: only the organisation's administrators add them, audited", async ({ db }) => {
    const trust = await anOrganisation(db);
    const other = await anOrganisation(db);
    const staff = await aUser(db, { organisationId: trust.id, role: 'staff' });
    const otherAdmin = await aUser(db, { organisationId: other.id, role: 'administrator' });
    const admin = await aUser(db, { organisationId: trust.id, role: 'administrator' });
    await withApp(
      db,
      async (app) => {
        const url = `/api/v1/organisations/${trust.odsCode}/units`;
        const payload = { kind: 'ward', name: 'Ward 9' };
        expect((await app.inject({ method: 'POST', url, payload })).statusCode).toBe(401);
        for (const email of [staff.email, otherAdmin.email]) {
          const refused = await app.inject({
            method: 'POST',
            url,
            payload,
            headers: as(await signIn(app, email)),
          });
          expect(refused.statusCode).toBe(403);
        }
        const created = await app.inject({
          method: 'POST',
          url,
          payload,
          headers: as(await signIn(app, admin.email)),
        });
        expect(created.statusCode).toBe(201);
        const id = body<{ id: string }>(created).id;
        const [event] = await auditOf(db, id);
        expect(event).toMatchObject({
          action: 'unit.create',
          actorId: admin.id,
          organisationId: trust.id,
          after: { name: 'Ward 9', kind: 'ward', parentId: null },
        });
      },
      { as: 'public' },
    );
  });
});
