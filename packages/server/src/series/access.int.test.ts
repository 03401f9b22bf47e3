/**
 * Who reads and changes series and what hangs off them (observations, annotations, analysis,
 * exports, FHIR): a series is readable when its measure's visibility is readable in the series'
 * organisation; hidden series are 404 exactly as unknown ones on every route; writes need
 * `data.import`, `series.analyse` or `annotation.write` there; every change is audited with
 * before and after, and a person's revisions link to their audit event.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { addAnnotation } from '../annotations/repository.js';
import { auditEvents } from '../db/schema.js';

type AuditRow = typeof auditEvents.$inferSelect;
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';
import { listRevisions, upsertObservations } from '../observations/repository.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, months, USER } from '../test-support/fixtures.js';
import { aUser, as, signIn, signInAll } from '../test-support/users.js';
import type { Measure } from '../measures/repository.js';
import { ensureSeries } from './repository.js';
import type { Series } from './repository.js';

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';
const PERIODS = months(3);

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function world(db: Database) {
  const a = await anOrganisation(db, { name: 'Owner Trust' });
  const b = await anOrganisation(db, { name: 'Other Trust' });
  const series = async (
    visibility: 'public' | 'internal' | 'private',
    owner: string | null = a.id,
  ): Promise<{ measure: Measure; series: Series }> => {
    const measure = await aMeasure(db, owner, {
      name: `${visibility} measure`,
      visibility,
      ...(owner === null ? { code: `access-shared-${visibility}` } : {}),
    });
    const row = await ensureSeries(db, { measureId: measure.id, organisationId: a.id });
    await upsertObservations(
      db,
      PERIODS.map((period, i) => ({ seriesId: row.id, period, value: i + 1 })),
      { userId: USER },
    );
    await addAnnotation(db, {
      seriesId: row.id,
      period: PERIODS[0]!,
      text: `${visibility} note`,
      author: 'A',
    });
    return { measure, series: row };
  };
  return {
    a,
    b,
    pub: await series('public'),
    int: await series('internal'),
    priv: await series('private'),
    sharedInt: await series('internal', null),
    people: {
      staff: await aUser(db, { organisationId: a.id, role: 'staff' }),
      improver: await aUser(db, { organisationId: a.id, role: 'improver' }),
      executive: await aUser(db, { organisationId: a.id, role: 'executive' }),
      otherAdmin: await aUser(db, { organisationId: b.id, role: 'administrator' }),
    },
  };
}

async function auditOf(db: Database, action: string, entityId: string): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
    .orderBy(auditEvents.id);
}

/** Every read route of a series. */
const READS = ['', '/observations', '/annotations', '/analysis', '/export.csv', '/export.json', '/fhir'];

async function listed(app: Api, organisationId: string, headers: Record<string, string>): Promise<string[]> {
  const response = await app.inject({ url: `/api/v1/series?organisationId=${organisationId}`, headers });
  expect(response.statusCode).toBe(200);
  return body<{ items: { id: string }[] }>(response)
    .items.map((s) => s.id)
    .sort();
}

function sameAsUnknown(
  hidden: LightMyRequestResponse,
  unknown: LightMyRequestResponse,
  id: string,
  what: string,
): void {
  expect(hidden.statusCode, what).toBe(404);
  expect(hidden.body.replaceAll(id, UNKNOWN), what).toBe(unknown.body);
}

describeEachEngine('series access', ({ test }) => {
  test('reads: each person sees the series their role allows, on every route; hidden is 404 like unknown', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(
      db,
      async (app) => {
        const ids = (...items: { series: { id: string } }[]): string[] =>
          items.map((i) => i.series.id).sort();
        const people = {
          public: {},
          staff: as(await signIn(app, w.people.staff.email)),
          improver: as(await signIn(app, w.people.improver.email)),
          otherAdmin: as(await signIn(app, w.people.otherAdmin.email)),
        };
        const visible = {
          public: [w.pub],
          staff: [w.pub, w.int, w.sharedInt],
          improver: [w.pub, w.int, w.priv, w.sharedInt],
          otherAdmin: [w.pub],
        };
        const all = [w.pub, w.int, w.priv, w.sharedInt];
        for (const [who, headers] of Object.entries(people) as [
          keyof typeof people,
          Record<string, string>,
        ][]) {
          expect(await listed(app, w.a.id, headers), who).toEqual(ids(...visible[who]));
          for (const item of all) {
            const readable = visible[who].includes(item);
            for (const suffix of READS) {
              const url = `/api/v1/series/${item.series.id}${suffix}`;
              const response = await app.inject({ url, headers });
              if (readable) {
                expect(response.statusCode, `${who} ${url}`).toBe(200);
              } else {
                const unknown = await app.inject({ url: `/api/v1/series/${UNKNOWN}${suffix}`, headers });
                sameAsUnknown(response, unknown, item.series.id, `${who} ${url}`);
              }
            }
          }
        }
        // Asking by measure lists nothing hidden either.
        const byMeasure = await app.inject({ url: `/api/v1/series?measureId=${w.priv.measure.id}` });
        expect(body<{ items: unknown[] }>(byMeasure).items).toEqual([]);
      },
      { as: 'public' },
    );
  });

  test('writes: allowed and refused per role, hidden is 404, and each leaves an audit row', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(
      db,
      async (app) => {
        const { staff, improver, executive, otherAdmin } = await signInAll(app, w.people);
        const base = `/api/v1/series/${w.int.series.id}`;
        const writes = [
          {
            method: 'POST',
            url: `${base}/observations`,
            payload: { rows: [{ period: PERIODS[0], value: 9 }] },
          },
          { method: 'PATCH', url: `${base}/observations/${PERIODS[1]}`, payload: { ghost: true } },
          { method: 'PATCH', url: base, payload: { spcOptions: { direction: 'decrease' } } },
          { method: 'POST', url: `${base}/annotations`, payload: { period: PERIODS[2], text: 'New rota' } },
        ] as const;
        for (const write of writes) {
          expect((await app.inject({ ...write })).statusCode, `public ${write.url}`).toBe(404);
          const privateUrl = write.url.replace(w.int.series.id, w.priv.series.id);
          expect((await app.inject({ ...write, url: privateUrl, headers: staff })).statusCode).toBe(404);
          for (const headers of [staff, executive]) {
            const refused = await app.inject({ ...write, headers });
            expect(refused.statusCode, `${write.method} ${write.url}`).toBe(403);
          }
          // Another organisation's administrator cannot see the internal series at all.
          expect((await app.inject({ ...write, headers: otherAdmin })).statusCode).toBe(404);
          const done = await app.inject({ ...write, headers: improver });
          expect(done.statusCode, `${write.method} ${write.url}`).toBeLessThan(300);
        }
        // A public series: the public may read it, but writing needs signing in.
        const signedOut = await app.inject({
          method: 'POST',
          url: `/api/v1/series/${w.pub.series.id}/annotations`,
          payload: { period: PERIODS[0], text: 'x', author: 'x' },
        });
        expect(signedOut.statusCode).toBe(401);

        const seriesId = w.int.series.id;
        const [write] = await auditOf(db, 'observations.write', seriesId);
        expect(write).toMatchObject({
          actorId: w.people.improver.id,
          organisationId: w.a.id,
          entityType: 'series',
          before: [{ period: PERIODS[0], value: 1 }],
          after: [{ period: PERIODS[0], value: 9 }],
        });
        const [ghost] = await auditOf(db, 'observation.ghost', seriesId);
        expect(ghost).toMatchObject({ before: { ghost: false }, after: { ghost: true } });
        const revisions = await listRevisions(db, seriesId);
        expect(revisions.map((r) => [r.period, r.changedBy, r.auditEventId])).toEqual([
          [PERIODS[0], w.people.improver.id, write!.id],
          [PERIODS[1], w.people.improver.id, ghost!.id],
        ]);
        const [options] = await auditOf(db, 'series.set_options', seriesId);
        expect(options).toMatchObject({
          before: { spcOptions: null },
          after: { spcOptions: { direction: 'decrease' } },
        });
        const notes = await app.inject({ url: `${base}/annotations`, headers: improver });
        const note = body<{ items: { id: string; author: string; authorId: string }[] }>(notes).items.at(-1)!;
        expect(note.authorId).toBe(w.people.improver.id);
        const [annotation] = await auditOf(db, 'annotation.create', note.id);
        expect(annotation).toMatchObject({ actorId: w.people.improver.id, after: { text: 'New rota' } });
      },
      { as: 'public' },
    );
  });

  test('POST /series needs data.import; FHIR import too; a read-only token cannot write', async ({ db }) => {
    const w = await world(db);
    const shared = await aMeasure(db, null, {
      name: 'Shared public',
      code: 'access-shared-new',
      visibility: 'public',
    });
    await withApp(
      db,
      async (app) => {
        const { staff, improver, otherAdmin } = await signInAll(app, w.people);
        const payload = { measureId: shared.id, organisationId: w.a.id };
        const post = (
          headers: Record<string, string>,
          body: Record<string, unknown> = payload,
        ): Promise<LightMyRequestResponse> =>
          app.inject({ method: 'POST', url: '/api/v1/series', headers, payload: body });
        expect((await post({})).statusCode).toBe(401);
        expect((await post(staff)).statusCode).toBe(403);
        expect((await post(otherAdmin)).statusCode).toBe(403);
        // A measure the person may not read is not found, as an unknown one.
        const hidden = await post(otherAdmin, { measureId: w.priv.measure.id, organisationId: w.b.id });
        const unknown = await post(otherAdmin, { measureId: UNKNOWN, organisationId: w.b.id });
        sameAsUnknown(hidden, unknown, w.priv.measure.id, 'POST /series');
        const created = await post(improver);
        expect(created.statusCode).toBe(200);
        const seriesId = body<{ id: string }>(created).id;
        expect(await auditOf(db, 'series.create', seriesId)).toHaveLength(1);
        expect((await post(improver)).statusCode).toBe(200);
        expect(await auditOf(db, 'series.create', seriesId)).toHaveLength(1);

        // FHIR: export a readable series and import it back.
        const bundle = await app.inject({ url: `/api/v1/series/${w.int.series.id}/fhir`, headers: improver });
        expect(bundle.statusCode).toBe(200);
        const fhir = (headers: Record<string, string>): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${w.a.odsCode}/fhir`,
            headers: { ...headers, 'content-type': 'application/fhir+json' },
            payload: bundle.body,
          });
        expect((await fhir({})).statusCode).toBe(401);
        expect((await fhir(staff)).statusCode).toBe(403);
        const imported = await fhir(improver);
        expect(imported.statusCode).toBe(200);
        const importId = body<{ importId: string }>(imported).importId;
        const [event] = await auditOf(db, 'fhir.import', importId);
        expect(event).toMatchObject({ actorId: w.people.improver.id, organisationId: w.a.id });
        expect(event!.after).toMatchObject({ reports: PERIODS.length });

        const made = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: improver,
          payload: { name: 'read only', scopes: ['read'] },
        });
        const authorization = `Bearer ${body<{ token: string }>(made).token}`;
        const url = `/api/v1/series/${w.priv.series.id}/observations`;
        expect((await app.inject({ url, headers: { authorization } })).statusCode).toBe(200);
        const refused = await app.inject({
          method: 'POST',
          url,
          headers: { authorization },
          payload: { rows: [{ period: PERIODS[0], value: 5 }] },
        });
        expect(refused.statusCode).toBe(403);
        expect(await auditOf(db, 'observations.write', w.priv.series.id)).toEqual([]);
      },
      { as: 'public' },
    );
  });
});
