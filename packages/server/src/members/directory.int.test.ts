/**
 * The people directory over HTTP (`GET /organisations/:ref/people`): every member of the
 * organisation reads the names and units of its active people, narrowed by name; only those who
 * manage members see email addresses (and may search by them); the public get 401, other
 * organisations and commissioners with a grant 403; deactivated people are left out.
 */
import { expect } from 'vitest';
import { organisationGrants, users } from '../db/schema.js';
import { eq } from 'drizzle-orm';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation } from '../test-support/fixtures.js';
import { aUser, signInAll } from '../test-support/users.js';
import { createUnit } from '../units/repository.js';

interface Person {
  id: string;
  name: string;
  unit: { id: string; name: string } | null;
  email?: string;
}

describeEachEngine('people directory', ({ test }) => {
  test('members read names and units; emails only for member managers; outsiders refused', async ({ db }) => {
    const a = await anOrganisation(db, { name: 'Directory Trust' });
    const b = await anOrganisation(db, { name: 'Elsewhere Trust' });
    const c = await anOrganisation(db, { name: 'Directory ICB', kind: 'commissioner' });
    await db.insert(organisationGrants).values({ grantorId: a.id, granteeId: c.id, scope: 'internal' });
    const ward = await createUnit(db, { organisationId: a.id, kind: 'ward', name: 'Ward 9' });
    const people = {
      staff: await aUser(db, { organisationId: a.id, role: 'staff', email: 'amy.nurse@directory.test' }),
      lead: await aUser(db, {
        organisationId: a.id,
        role: 'unit_lead',
        unitId: ward.id,
        email: 'ben.lead@directory.test',
      }),
      admin: await aUser(db, {
        organisationId: a.id,
        role: 'administrator',
        email: 'cat.admin@directory.test',
      }),
      gone: await aUser(db, { organisationId: a.id, role: 'staff', email: 'amy.gone@directory.test' }),
      outsider: await aUser(db, { organisationId: b.id, role: 'administrator' }),
      commissioner: await aUser(db, { organisationId: c.id, role: 'qi_lead' }),
    };
    await db.update(users).set({ displayName: 'Amy Nurse' }).where(eq(users.id, people.staff.id));
    await db.update(users).set({ displayName: 'Ben Lead' }).where(eq(users.id, people.lead.id));
    await db.update(users).set({ displayName: 'Cat Admin' }).where(eq(users.id, people.admin.id));
    await db.update(users).set({ displayName: 'Amy Gone' }).where(eq(users.id, people.gone.id));
    await withApp(
      db,
      async (app) => {
        const who = await signInAll(app, {
          staff: people.staff,
          admin: people.admin,
          outsider: people.outsider,
          commissioner: people.commissioner,
        });
        await db.update(users).set({ status: 'deactivated' }).where(eq(users.id, people.gone.id));
        const url = (q?: string): string =>
          `/api/v1/organisations/${a.odsCode}/people${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`;
        const read = async (headers: Record<string, string>, q?: string): Promise<Person[]> => {
          const response = await app.inject({ url: url(q), headers });
          expect(response.statusCode, response.body).toBe(200);
          return body<{ items: Person[] }>(response).items;
        };

        const all = await read(who.staff);
        expect(all.map((p) => p.name)).toEqual(['Amy Nurse', 'Ben Lead', 'Cat Admin']);
        expect(all.find((p) => p.name === 'Ben Lead')!.unit).toEqual({ id: ward.id, name: 'Ward 9' });
        expect(all.find((p) => p.name === 'Amy Nurse')!.unit).toBeNull();
        expect(JSON.stringify(all)).not.toContain('@');

        expect((await read(who.staff, 'AMY')).map((p) => p.id)).toEqual([people.staff.id]);
        expect(await read(who.staff, 'ben.lead@')).toEqual([]);

        const seenByAdmin = await read(who.admin, 'ben.lead@');
        expect(seenByAdmin).toEqual([
          {
            id: people.lead.id,
            name: 'Ben Lead',
            unit: { id: ward.id, name: 'Ward 9' },
            email: 'ben.lead@directory.test',
          },
        ]);

        expect((await app.inject({ url: url() })).statusCode).toBe(401);
        expect((await app.inject({ url: url(), headers: who.outsider })).statusCode).toBe(403);
        expect((await app.inject({ url: url(), headers: who.commissioner })).statusCode).toBe(403);
        const unknown = await app.inject({ url: '/api/v1/organisations/ZZZ999/people', headers: who.staff });
        expect(unknown.statusCode).toBe(404);
        const tooLong = await app.inject({ url: url('x'.repeat(201)), headers: who.staff });
        expect(tooLong.statusCode).toBe(400);
      },
      { as: 'public' },
    );
  });
});
