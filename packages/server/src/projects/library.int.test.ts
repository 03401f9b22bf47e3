/**
 * The library over HTTP: only a finished project with its lessons is published (409 otherwise,
 * saying why); a published project is readable by everyone, without anyone's email; search by
 * words (ranked), topic and measure; unpublishing; copying a project's structure into another
 * organisation (aim, diagram, the shared measures it records; the copier leads; no cycles).
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { upsertObservations } from '../observations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, months, USER } from '../test-support/fixtures.js';
import { aUser, signInAll } from '../test-support/users.js';
import { createUnit } from '../units/repository.js';
import type { DriverNodeView, LibraryProjectView, ProjectView } from './schemas.js';

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function world(db: Database) {
  const a = await anOrganisation(db, { name: 'Ward Trust' });
  const b = await anOrganisation(db, { name: 'Copying Trust' });
  const bWard = await createUnit(db, { organisationId: b.id, kind: 'ward', name: 'B ward' });
  const shared = await aMeasure(db, null, {
    name: 'Inpatient falls',
    code: 'lib-falls',
    visibility: 'public',
  });
  const own = await aMeasure(db, a.id, { name: 'A private harm', code: 'harm', visibility: 'private' });
  const aFalls = await ensureSeries(db, { measureId: shared.id, organisationId: a.id });
  const aHarm = await ensureSeries(db, { measureId: own.id, organisationId: a.id });
  const bFalls = await ensureSeries(db, { measureId: shared.id, organisationId: b.id });
  const bWardFalls = await ensureSeries(db, { measureId: shared.id, organisationId: b.id, unitId: bWard.id });
  await upsertObservations(
    db,
    months(20).map((period, i) => ({ seriesId: aFalls.id, period, value: 5 + (i % 3) })),
    { userId: USER },
  );
  const people = {
    lead: await aUser(db, { organisationId: a.id, role: 'staff', email: `lead.${Math.random()}@a.nhs.uk` }),
    member: await aUser(db, {
      organisationId: a.id,
      role: 'staff',
      email: `member.${Math.random()}@a.nhs.uk`,
    }),
    copier: await aUser(db, { organisationId: b.id, role: 'staff' }),
  };
  return { a, b, bWard, shared, aFalls, aHarm, bFalls, bWardFalls, people };
}

describeEachEngine('the project library', ({ test }) => {
  test('publishes finished projects with lessons; everyone reads and finds them; unpublishing takes them out', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const who = await signInAll(app, w.people);
      const start = async (payload: object): Promise<string> => {
        const response = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/projects`,
          payload,
          headers: who.lead,
        });
        expect(response.statusCode, response.body).toBe(201);
        return body<ProjectView>(response).id;
      };
      const falls = await start({
        title: 'Fewer falls at night',
        aimWhat: 'Reduce inpatient falls',
        problem: 'Patients fell when going to the toilet at night',
        topics: ['falls', 'nursing'],
        visibility: 'private',
      });
      const sepsis = await start({
        title: 'Sepsis screening',
        aimWhat: 'Screen every patient for sepsis',
        topics: ['sepsis'],
      });
      const mention = await start({
        title: 'Discharge lounge',
        problem: 'Falls in the lounge',
        topics: ['flow'],
      });
      for (const [id, series, kind] of [
        [falls, w.aFalls.id, 'outcome'],
        [falls, w.aHarm.id, 'balancing'],
      ] as const) {
        await app.inject({
          method: 'PUT',
          url: `/api/v1/projects/${id}/measures/${series}`,
          payload: { kind },
          headers: who.lead,
        });
      }
      await app.inject({
        method: 'POST',
        url: `/api/v1/projects/${falls}/team`,
        payload: { userId: w.people.member.id, role: 'member' },
        headers: who.lead,
      });
      const publish = (id: string): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'POST', url: `/api/v1/projects/${id}/publish`, headers: who.lead });
      const patch = (id: string, payload: object): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'PATCH', url: `/api/v1/projects/${id}`, payload, headers: who.lead });

      const unfinished = await publish(falls);
      expect(unfinished.statusCode).toBe(409);
      expect(body<ErrorJson>(unfinished).error.message).toContain('only a finished project can be published');
      expect(body<ErrorJson>(unfinished).error.details?.field).toBe('stage');
      await patch(falls, { stage: 'complete' });
      const noLessons = await publish(falls);
      expect(noLessons.statusCode).toBe(409);
      expect(body<ErrorJson>(noLessons).error.details?.field).toBe('lessons');
      await patch(falls, { lessons: 'Intentional rounding at night halved falls' });
      const published = await publish(falls);
      expect(published.statusCode, published.body).toBe(200);
      expect(body<ProjectView>(published).publishedAt).not.toBeNull();
      expect(
        (
          await db
            .select()
            .from(auditEvents)
            .where(and(eq(auditEvents.action, 'project.publish'), eq(auditEvents.entityId, falls)))
        ).length,
      ).toBe(1);
      // It must stay finished while published.
      const back = await patch(falls, { stage: 'testing' });
      expect(back.statusCode).toBe(409);
      expect(body<ErrorJson>(back).error.message).toContain('unpublish it first');
      for (const id of [sepsis, mention]) {
        await patch(id, { stage: 'sustaining', lessons: 'Lessons learned' });
        expect((await publish(id)).statusCode).toBe(200);
      }

      await withApp(
        db,
        async (anon) => {
          // A private project, once published, is public: its story, its lead, no emails, no hidden series.
          const story = await anon.inject({ url: `/api/v1/projects/${falls}` });
          expect(story.statusCode).toBe(200);
          const project = body<ProjectView>(story);
          expect(project.team.map((m) => m.role)).toEqual(['lead']);
          expect(project.measures.map((m) => m.seriesId)).toEqual([w.aFalls.id]);
          expect(story.body).not.toContain('@a.nhs.uk');
          expect(story.body).not.toContain('A private harm');

          const search = async (
            query: string,
          ): Promise<{ items: LibraryProjectView[]; nextCursor: string | null }> => {
            const response = await anon.inject({ url: `/api/v1/library/projects${query}` });
            expect(response.statusCode, response.body).toBe(200);
            return body<{ items: LibraryProjectView[]; nextCursor: string | null }>(response);
          };
          const ranked = await search('?q=falls');
          expect(ranked.items.map((p) => p.id)).toEqual([falls, mention]);
          expect(ranked.items[0]!.rank).toBeGreaterThan(ranked.items[1]!.rank);
          expect(ranked.items[0]).toMatchObject({
            title: 'Fewer falls at night',
            organisation: { odsCode: w.a.odsCode, name: 'Ward Trust' },
            lessons: 'Intentional rounding at night halved falls',
            topics: ['falls', 'nursing'],
            measures: [{ kind: 'outcome', code: 'lib-falls', name: 'Inpatient falls', shared: true }],
          });
          expect(ranked.items[0]!.lead).toBe(w.people.lead.email.split('@')[0]);
          const text = JSON.stringify(ranked);
          expect(text).not.toContain('@a.nhs.uk');
          expect(text).not.toContain('harm');
          expect((await search('?q=falls -lounge')).items.map((p) => p.id)).toEqual([falls]);
          expect((await search('?q="sepsis screening"')).items.map((p) => p.id)).toEqual([sepsis]);
          expect((await search('?topic=Falls')).items.map((p) => p.id)).toEqual([falls]);
          expect((await search('?measure=lib-falls')).items.map((p) => p.id)).toEqual([falls]);
          expect((await search(`?measure=${w.shared.id}`)).items.map((p) => p.id)).toEqual([falls]);
          // A measure the reader may not read finds nothing.
          expect((await search('?measure=harm')).items).toEqual([]);
          const everything = await search('');
          expect(everything.items.map((p) => p.id).sort()).toEqual([falls, sepsis, mention].sort());
          const page1 = await search('?limit=2');
          const page2 = await search(`?limit=2&cursor=${page1.nextCursor!}`);
          expect([...page1.items, ...page2.items].map((p) => p.id)).toEqual(
            everything.items.map((p) => p.id),
          );
          expect(page2.nextCursor).toBeNull();
          const rankedPage = await search('?q=falls&limit=1');
          expect(
            (await search(`?q=falls&limit=1&cursor=${rankedPage.nextCursor!}`)).items.map((p) => p.id),
          ).toEqual([mention]);
        },
        { as: 'public' },
      );

      const unpublished = await app.inject({
        method: 'POST',
        url: `/api/v1/projects/${falls}/unpublish`,
        headers: who.lead,
      });
      expect(body<ProjectView>(unpublished).publishedAt).toBeNull();
      const gone = await withApp(db, (anon) => anon.inject({ url: `/api/v1/projects/${falls}` }), {
        as: 'public',
      });
      expect(gone.statusCode).toBe(404);
      expect(
        (await app.inject({ method: 'POST', url: `/api/v1/projects/${sepsis}/publish`, headers: who.copier }))
          .statusCode,
      ).toBe(403);
    });
  });

  test('copies a library project into another organisation: aim, diagram, its shared measures; no team, no cycles', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const who = await signInAll(app, w.people);
      const source = body<ProjectView>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/projects`,
          payload: {
            title: 'Fewer falls',
            aimWhat: 'Reduce falls',
            aimHowMuch: 'by 30%',
            aimByWhen: '2024-03-31',
            topics: ['falls'],
            stage: 'complete',
          },
          headers: who.lead,
        }),
      );
      const url = `/api/v1/projects/${source.id}`;
      const add = async (kind: string, text: string, linkFrom?: string): Promise<DriverNodeView> =>
        body<DriverNodeView>(
          await app.inject({
            method: 'POST',
            url: `${url}/driver-nodes`,
            payload: { kind, text, ...(linkFrom === undefined ? {} : { linkFrom }) },
            headers: who.lead,
          }),
        );
      const p = await add('primary', 'Environment');
      await add('primary', 'Knowledge');
      const s = await add('secondary', 'Beds', p.id);
      const c = await add('change_idea', 'Bed check', s.id);
      await app.inject({
        method: 'POST',
        url: `${url}/change-ideas/${c.id}/cycles`,
        payload: { title: 'Try it', startedOn: '2023-01-01' },
        headers: who.lead,
      });
      for (const [series, kind] of [
        [w.aFalls.id, 'outcome'],
        [w.aHarm.id, 'balancing'],
      ] as const) {
        await app.inject({
          method: 'PUT',
          url: `${url}/measures/${series}`,
          payload: { kind },
          headers: who.lead,
        });
      }
      const copy = (headers: Record<string, string>, payload: object): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'POST', url: `/api/v1/library/projects/${source.id}/copy`, payload, headers });
      // Not in the library yet: as unknown.
      expect((await copy(who.copier, { organisationRef: w.b.odsCode })).statusCode).toBe(404);
      await app.inject({ method: 'PATCH', url, payload: { lessons: 'It worked' }, headers: who.lead });
      await app.inject({ method: 'POST', url: `${url}/publish`, headers: who.lead });

      expect((await copy(who.copier, { organisationRef: w.a.odsCode })).statusCode).toBe(403);
      const copied = await copy(who.copier, { organisationRef: w.b.odsCode, unitId: w.bWard.id });
      expect(copied.statusCode, copied.body).toBe(201);
      const project = body<ProjectView>(copied);
      expect(project).toMatchObject({
        organisation: { id: w.b.id },
        unit: { id: w.bWard.id },
        title: 'Fewer falls',
        stage: 'planning',
        copiedFromId: source.id,
        aim: { what: 'Reduce falls', howMuch: 'by 30%', byWhen: null },
        topics: ['falls'],
        lessons: '',
        publishedAt: null,
        team: [{ userId: w.people.copier.id, role: 'lead' }],
        cycles: [],
      });
      // The same shared measure, as B's ward records it; A's own measure is not copied.
      expect(project.measures.map((m) => [m.seriesId, m.kind])).toEqual([[w.bWardFalls.id, 'outcome']]);
      const d = project.diagram;
      expect(d.columns.primary.map((n) => n.text)).toEqual(['Environment', 'Knowledge']);
      expect(d.columns.secondary.map((n) => n.text)).toEqual(['Beds']);
      expect(d.columns.change_idea.map((n) => [n.text, n.cycles])).toEqual([['Bed check', 0]]);
      expect(d.links).toEqual([
        { fromId: d.columns.primary[0]!.id, toId: d.columns.secondary[0]!.id },
        { fromId: d.columns.secondary[0]!.id, toId: d.columns.change_idea[0]!.id },
      ]);
      expect(d.columns.primary[0]!.id).not.toBe(p.id);
      const [record] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'project.copy'), eq(auditEvents.entityId, project.id)));
      expect(record).toMatchObject({ organisationId: w.b.id, actorId: w.people.copier.id });
      // Without a unit: the organisation's own series.
      const whole = body<ProjectView>(await copy(who.copier, { organisationRef: w.b.odsCode }));
      expect(whole.measures.map((m) => m.seriesId)).toEqual([w.bFalls.id]);
      const signedOut = await withApp(
        db,
        (anon) =>
          anon.inject({
            method: 'POST',
            url: `/api/v1/library/projects/${source.id}/copy`,
            payload: { organisationRef: w.b.odsCode },
          }),
        { as: 'public' },
      );
      expect(signedOut.statusCode).toBe(401);
    });
  });
});
