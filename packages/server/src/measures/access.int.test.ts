/**
 * Who reads and changes measure definitions and their targets: visibility in the queries (the
 * public sees public measures; the owner's staff internal ones; improvers and above private ones;
 * another organisation public ones; shared non-public definitions anyone who reads that level in
 * some organisation), hidden ids answered exactly as unknown ones, `measure.define` for changes
 * (shared measures: platform administrators), and an audit record with before and after for each.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents } from '../db/schema.js';

type AuditRow = typeof auditEvents.$inferSelect;
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import { aUser, as, signIn, signInAll } from '../test-support/users.js';

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function world(db: Database) {
  const a = await anOrganisation(db, { name: 'Owner Trust' });
  const b = await anOrganisation(db, { name: 'Other Trust' });
  const pub = await aMeasure(db, a.id, { name: 'Public falls', visibility: 'public' });
  const int = await aMeasure(db, a.id, { name: 'Internal falls', visibility: 'internal' });
  const priv = await aMeasure(db, a.id, { name: 'Private falls', visibility: 'private' });
  const sharedPub = await aMeasure(db, null, {
    name: 'Shared public',
    code: 'access-shpub',
    visibility: 'public',
  });
  const sharedInt = await aMeasure(db, null, {
    name: 'Shared internal',
    code: 'access-shint',
    visibility: 'internal',
  });
  const sharedPriv = await aMeasure(db, null, {
    name: 'Shared private',
    code: 'access-shpriv',
    visibility: 'private',
  });
  const people = {
    staff: await aUser(db, { organisationId: a.id, role: 'staff' }),
    improver: await aUser(db, { organisationId: a.id, role: 'improver' }),
    qiLead: await aUser(db, { organisationId: a.id, role: 'qi_lead' }),
    otherAdmin: await aUser(db, { organisationId: b.id, role: 'administrator' }),
  };
  return { a, b, pub, int, priv, sharedPub, sharedInt, sharedPriv, people };
}

async function auditOf(db: Database, action: string, entityId: string): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));
}

async function ids(app: Api, headers: Record<string, string>): Promise<string[]> {
  const response = await app.inject({ url: '/api/v1/measures?limit=200', headers });
  expect(response.statusCode).toBe(200);
  return body<{ items: { id: string }[] }>(response).items.map((m) => m.id);
}

function sameAsUnknown(hidden: LightMyRequestResponse, unknown: LightMyRequestResponse, id: string): void {
  expect(hidden.statusCode).toBe(404);
  expect(unknown.statusCode).toBe(404);
  expect(hidden.body.replaceAll(id, UNKNOWN)).toBe(unknown.body);
}

describeEachEngine('measure access', ({ test }) => {
  test('lists and reads: each person sees what their role allows; hidden ids are 404 like unknown ones', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(
      db,
      async (app) => {
        const ours = [w.pub, w.int, w.priv, w.sharedPub, w.sharedInt, w.sharedPriv].map((m) => m.id);
        const seen = async (headers: Record<string, string>): Promise<string[]> =>
          (await ids(app, headers)).filter((id) => ours.includes(id)).sort();
        const expected = (...measures: { id: string }[]): string[] => measures.map((m) => m.id).sort();
        const { staff, improver, otherAdmin } = await signInAll(app, w.people);
        expect(await seen({})).toEqual(expected(w.pub, w.sharedPub));
        expect(await seen(staff)).toEqual(expected(w.pub, w.int, w.sharedPub, w.sharedInt));
        expect(await seen(improver)).toEqual(ours.slice().sort());
        // Another organisation: the owner's public measures only; shared ones as its own role reads.
        expect(await seen(otherAdmin)).toEqual(expected(w.pub, w.sharedPub, w.sharedInt, w.sharedPriv));
        // Searching and filtering never find what is hidden.
        const search = await app.inject({ url: '/api/v1/measures?search=falls&visibility=private' });
        expect(body<{ items: unknown[] }>(search).items).toEqual([]);

        const unknown = await app.inject({ url: `/api/v1/measures/${UNKNOWN}`, headers: staff });
        sameAsUnknown(
          await app.inject({ url: `/api/v1/measures/${w.priv.id}`, headers: staff }),
          unknown,
          w.priv.id,
        );
        const unknownPublic = await app.inject({ url: `/api/v1/measures/${UNKNOWN}` });
        sameAsUnknown(await app.inject({ url: `/api/v1/measures/${w.int.id}` }), unknownPublic, w.int.id);
        sameAsUnknown(
          await app.inject({ url: `/api/v1/measures/${w.int.id}/targets` }),
          await app.inject({ url: `/api/v1/measures/${UNKNOWN}/targets` }),
          w.int.id,
        );
        sameAsUnknown(
          await app.inject({ url: `/api/v1/measures/${w.int.id}`, headers: otherAdmin }),
          await app.inject({ url: `/api/v1/measures/${UNKNOWN}`, headers: otherAdmin }),
          w.int.id,
        );
        expect((await app.inject({ url: `/api/v1/measures/${w.int.id}`, headers: staff })).statusCode).toBe(
          200,
        );
        expect(
          (await app.inject({ url: `/api/v1/measures/${w.priv.id}`, headers: improver })).statusCode,
        ).toBe(200);
        expect((await app.inject({ url: `/api/v1/measures/${w.pub.id}` })).statusCode).toBe(200);
        // A hidden measure cannot be changed either: 404, not 403.
        const patch = await app.inject({
          method: 'PATCH',
          url: `/api/v1/measures/${w.priv.id}`,
          headers: staff,
          payload: { name: 'Renamed' },
        });
        expect(patch.statusCode).toBe(404);
      },
      { as: 'public' },
    );
  });

  test('changes need measure.define in the owner (shared: platform administrators), each audited', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(
      db,
      async (app) => {
        const payload = {
          ownerOrganisationId: w.a.id,
          name: 'Pressure ulcers',
          dataType: 'count',
          domain: 'safety',
          frequency: 'month',
        };
        const post = (
          headers: Record<string, string>,
          body: Record<string, unknown> = payload,
        ): Promise<LightMyRequestResponse> =>
          app.inject({ method: 'POST', url: '/api/v1/measures', headers, payload: body });
        expect((await post({})).statusCode).toBe(401);
        const { staff, improver, qiLead, otherAdmin } = await signInAll(app, w.people);
        for (const headers of [staff, improver, otherAdmin]) {
          const refused = await post(headers);
          expect(refused.statusCode).toBe(403);
          expect(body<{ error: { message: string } }>(refused).error.message).toContain(
            'QI lead or administrator',
          );
        }
        // Shared definitions: platform administrators only.
        const shared = await post(qiLead, {
          ...payload,
          ownerOrganisationId: null,
          code: 'access-newshared',
        });
        expect(shared.statusCode).toBe(403);

        const created = await post(qiLead);
        expect(created.statusCode).toBe(201);
        const measureId = body<{ id: string }>(created).id;
        const [create] = await auditOf(db, 'measure.create', measureId);
        expect(create).toMatchObject({
          actorId: w.people.qiLead.id,
          via: 'session',
          organisationId: w.a.id,
          entityType: 'measure',
        });
        expect(create!.after).toMatchObject({ name: 'Pressure ulcers' });

        const rename = (headers: Record<string, string>): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'PATCH',
            url: `/api/v1/measures/${w.int.id}`,
            headers,
            payload: { name: 'Falls (renamed)' },
          });
        expect((await rename(staff)).statusCode).toBe(403);
        expect((await rename(qiLead)).statusCode).toBe(200);
        const [update] = await auditOf(db, 'measure.update', w.int.id);
        expect(update).toMatchObject({
          actorId: w.people.qiLead.id,
          before: { name: 'Internal falls' },
          after: { name: 'Falls (renamed)' },
        });
        expect(update!.summary).toContain('name');

        const target = (headers: Record<string, string>, value: number): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'PUT',
            url: `/api/v1/measures/${w.pub.id}/targets`,
            headers,
            payload: { effectiveFrom: '2024-04-01', value },
          });
        expect((await target(improver, 90)).statusCode).toBe(403);
        expect((await target(qiLead, 90)).statusCode).toBe(200);
        expect((await target(qiLead, 95)).statusCode).toBe(200);
        const targets = await auditOf(db, 'measure.set_targets', w.pub.id);
        expect(targets).toHaveLength(2);
        expect(targets[1]).toMatchObject({ before: { value: 90 }, after: { value: 95 } });
        expect(targets[1]!.summary).toContain('from 90 to 95');

        // A shared measure's definition target: platform administrators only.
        const sharedTarget = await app.inject({
          method: 'PUT',
          url: `/api/v1/measures/${w.sharedPub.id}/targets`,
          headers: qiLead,
          payload: { effectiveFrom: '2024-04-01', value: 95 },
        });
        expect(sharedTarget.statusCode).toBe(403);
        // ...but an organisation's own timeline of it: measure.define there.
        const ownTarget = await app.inject({
          method: 'PUT',
          url: `/api/v1/measures/${w.sharedPub.id}/targets`,
          headers: qiLead,
          payload: { effectiveFrom: '2024-04-01', value: 95, organisationId: w.a.id },
        });
        expect(ownTarget.statusCode).toBe(200);
      },
      { as: 'public' },
    );
  });

  test('a platform administrator defines shared measures (audited); a read-only token cannot write', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/measures',
        payload: {
          ownerOrganisationId: null,
          code: 'access-newshared',
          name: 'New shared',
          dataType: 'count',
          domain: 'safety',
          frequency: 'month',
        },
      });
      expect(created.statusCode).toBe(201);
      const [event] = await auditOf(db, 'measure.create', body<{ id: string }>(created).id);
      expect(event).toMatchObject({ organisationId: null, via: 'token' });

      const qiLead = as(await signIn(app, w.people.qiLead.email));
      const made = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        headers: qiLead,
        payload: { name: 'read only', scopes: ['read'] },
      });
      expect(made.statusCode).toBe(201);
      const authorization = `Bearer ${body<{ token: string }>(made).token}`;
      const read = await app.inject({ url: `/api/v1/measures/${w.priv.id}`, headers: { authorization } });
      expect(read.statusCode).toBe(200);
      const write = await app.inject({
        method: 'PATCH',
        url: `/api/v1/measures/${w.priv.id}`,
        headers: { authorization },
        payload: { name: 'Renamed' },
      });
      expect(write.statusCode).toBe(403);
      expect(await auditOf(db, 'measure.update', w.priv.id)).toEqual([]);
    });
  });
});
