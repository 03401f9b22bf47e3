/**
 * PDSA cycles over HTTP: recorded for a change idea by the team, changed as the cycle goes on
 * (a decision needs the study; ended on or after started), numbered in time order, deleted;
 * audited. The project's charts: each measure's analysis with its stored annotations and the
 * cycles marked at the period of their start (derived on read, never stored), only series the
 * reader may read.
 */
import { and, eq, like } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { addAnnotation } from '../annotations/repository.js';
import { annotations, auditEvents } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { upsertObservations } from '../observations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, months, USER } from '../test-support/fixtures.js';
import { aUser, signInAll } from '../test-support/users.js';
import type { CycleView, DriverNodeView, ProjectChartView, ProjectView } from './schemas.js';

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function world(db: Database) {
  const a = await anOrganisation(db, { name: 'Ward Trust' });
  const falls = await aMeasure(db, a.id, { name: 'Falls', code: 'falls', visibility: 'internal' });
  const harm = await aMeasure(db, a.id, { name: 'Harm', code: 'harm', visibility: 'private' });
  const fallsSeries = await ensureSeries(db, { measureId: falls.id, organisationId: a.id });
  const harmSeries = await ensureSeries(db, { measureId: harm.id, organisationId: a.id });
  for (const series of [fallsSeries, harmSeries]) {
    await upsertObservations(
      db,
      months(24).map((period, i) => ({ seriesId: series.id, period, value: 10 + (i % 4) })),
      { userId: USER },
    );
  }
  await addAnnotation(db, {
    seriesId: fallsSeries.id,
    period: '2020-06-01',
    text: 'New beds',
    author: 'Analyst',
  });
  const people = {
    lead: await aUser(db, { organisationId: a.id, role: 'staff' }),
    qiLead: await aUser(db, { organisationId: a.id, role: 'qi_lead' }),
    staff: await aUser(db, { organisationId: a.id, role: 'staff' }),
  };
  return { a, fallsSeries, harmSeries, people };
}

describeEachEngine('PDSA cycles and the project’s charts', ({ test }) => {
  test('records, changes, numbers and deletes cycles, with their rules, audited', async ({ db }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const who = await signInAll(app, w.people);
      const project = body<ProjectView>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/projects`,
          payload: { title: 'Fewer falls', stage: 'testing' },
          headers: who.lead,
        }),
      );
      const url = `/api/v1/projects/${project.id}`;
      const node = async (kind: string, text: string): Promise<DriverNodeView> =>
        body<DriverNodeView>(
          await app.inject({
            method: 'POST',
            url: `${url}/driver-nodes`,
            payload: { kind, text },
            headers: who.lead,
          }),
        );
      const idea = await node('change_idea', 'Bed height check');
      const driver = await node('primary', 'Environment');
      const record = (ideaId: string, payload: object): Promise<LightMyRequestResponse> =>
        app.inject({
          method: 'POST',
          url: `${url}/change-ideas/${ideaId}/cycles`,
          payload,
          headers: who.lead,
        });

      const later = await record(idea.id, {
        title: 'Night shift',
        plan: 'Check beds at 22:00',
        prediction: 'Half the beds too high',
        plannedStart: '2020-09-01',
      });
      expect(later.statusCode, later.body).toBe(201);
      const first = await record(idea.id, {
        title: 'Day shift',
        startedOn: '2020-03-10',
        endedOn: '2020-03-20',
      });
      expect(body<CycleView>(first)).toMatchObject({
        number: 1,
        changeIdea: 'Bed height check',
        decision: null,
      });

      const list = body<{ items: CycleView[] }>(
        await app.inject({ url: `${url}/cycles`, headers: who.staff }),
      );
      expect(list.items.map((c) => [c.number, c.title])).toEqual([
        [1, 'Day shift'],
        [2, 'Night shift'],
      ]);

      const refusals: [string, object, string][] = [
        [idea.id, { title: 'x', startedOn: '2020-03-10', endedOn: '2020-03-09' }, 'endedOn'],
        [idea.id, { title: 'x', endedOn: '2020-03-09' }, 'endedOn'],
        [idea.id, { title: 'x', decision: 'adopt' }, 'decision'],
        [idea.id, { title: 'x', study: '  ', decision: 'adopt' }, 'decision'],
        [idea.id, { title: ' ' }, 'title'],
        [idea.id, { title: 'x', startedOn: '2020-02-30' }, 'startedOn'],
        [driver.id, { title: 'x' }, 'nodeId'],
      ];
      for (const [ideaId, payload, field] of refusals) {
        const refused = await record(ideaId, payload);
        expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
        expect(body<ErrorJson>(refused).error.details?.field, JSON.stringify(payload)).toBe(field);
      }

      const cycleId = body<CycleView>(first).id;
      const patch = (payload: object, headers = who.lead): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'PATCH', url: `${url}/cycles/${cycleId}`, payload, headers });
      const noStudy = await patch({ decision: 'adapt' });
      expect(body<ErrorJson>(noStudy).error.details?.field).toBe('decision');
      const decided = await patch({
        doNotes: 'Checked 20 beds',
        study: '12 of 20 too high: more than predicted',
        act: 'Add to the handover sheet',
        decision: 'adapt',
      });
      expect(decided.statusCode, decided.body).toBe(200);
      expect(body<CycleView>(decided)).toMatchObject({
        number: 1,
        decision: 'adapt',
        study: '12 of 20 too high: more than predicted',
      });
      const earlier = await patch({ endedOn: '2020-03-01' });
      expect(body<ErrorJson>(earlier).error.details?.field).toBe('endedOn');
      // The study cannot be emptied while there is a decision.
      expect(body<ErrorJson>(await patch({ study: '' })).error.details?.field).toBe('decision');
      expect((await patch({ title: 'x' }, who.staff)).statusCode).toBe(403);

      const deleted = await app.inject({
        method: 'DELETE',
        url: `${url}/cycles/${body<CycleView>(later).id}`,
        headers: who.qiLead,
      });
      expect(deleted.statusCode).toBe(204);
      expect(
        (
          await app.inject({
            method: 'DELETE',
            url: `${url}/cycles/${body<CycleView>(later).id}`,
            headers: who.qiLead,
          })
        ).statusCode,
      ).toBe(404);
      const log = await db
        .select({ action: auditEvents.action, summary: auditEvents.summary })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, project.id), like(auditEvents.action, 'project.cycle_%')));
      expect(log.map((e) => e.action).sort()).toEqual([
        'project.cycle_create',
        'project.cycle_create',
        'project.cycle_delete',
        'project.cycle_update',
      ]);
      expect(log.find((e) => e.action === 'project.cycle_update')!.summary).toContain('Decided to adapt');
    });
  });

  test('charts: the analysis of each readable measure with its annotations and the cycles marked at their period', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const who = await signInAll(app, w.people);
      const project = body<ProjectView>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/projects`,
          payload: { title: 'Fewer falls', stage: 'testing' },
          headers: who.qiLead,
        }),
      );
      const url = `/api/v1/projects/${project.id}`;
      for (const [series, kind] of [
        [w.fallsSeries.id, 'outcome'],
        [w.harmSeries.id, 'balancing'],
      ] as const) {
        await app.inject({
          method: 'PUT',
          url: `${url}/measures/${series}`,
          payload: { kind },
          headers: who.qiLead,
        });
      }
      const idea = body<DriverNodeView>(
        await app.inject({
          method: 'POST',
          url: `${url}/driver-nodes`,
          payload: { kind: 'change_idea', text: 'Bed check' },
          headers: who.qiLead,
        }),
      );
      const cycles = `${url}/change-ideas/${idea.id}/cycles`;
      await app.inject({
        method: 'POST',
        url: cycles,
        payload: { title: 'Day shift', startedOn: '2020-03-10', study: 'Fewer falls', decision: 'adopt' },
        headers: who.qiLead,
      });
      await app.inject({
        method: 'POST',
        url: cycles,
        payload: { title: 'Nights', plannedStart: '2021-02-14' },
        headers: who.qiLead,
      });
      await app.inject({
        method: 'POST',
        url: cycles,
        payload: { title: 'Later', plannedStart: '2023-01-01' },
        headers: who.qiLead,
      });
      await app.inject({ method: 'POST', url: cycles, payload: { title: 'Undated' }, headers: who.qiLead });

      const charts = async (headers: Record<string, string>): Promise<ProjectChartView[]> =>
        body<{ items: ProjectChartView[] }>(await app.inject({ url: `${url}/charts`, headers })).items;
      const forLead = await charts(who.qiLead);
      expect(forLead.map((c) => [c.kind, c.seriesId])).toEqual([
        ['outcome', w.fallsSeries.id],
        ['balancing', w.harmSeries.id],
      ]);
      const falls = forLead[0]!;
      expect(falls.chart!.analysis.points).toHaveLength(24);
      expect(falls.chart!.measure.name).toBe('Falls');
      expect(falls.annotations.map((n) => [n.source, n.index, n.period, n.text])).toEqual([
        ['pdsa', 2, '2020-03-10', 'PDSA 1: Day shift (adopt)'],
        ['annotation', 5, '2020-06-01', 'New beds'],
        ['pdsa', 13, '2021-02-14', 'PDSA 2: Nights'],
        ['pdsa', null, '2023-01-01', 'PDSA 3: Later'],
      ]);
      // The cycles are not stored as annotations: the series keeps its one note.
      expect(
        await db.select().from(annotations).where(eq(annotations.seriesId, w.fallsSeries.id)),
      ).toHaveLength(1);
      // Staff read the internal measure only; the project's page shows the same charts.
      const forStaff = await charts(who.staff);
      expect(forStaff.map((c) => c.seriesId)).toEqual([w.fallsSeries.id]);
      const story = body<ProjectView>(await app.inject({ url, headers: who.staff }));
      expect(story.charts).toEqual(forStaff);
      expect(story.cycles.map((c) => c.title)).toEqual(['Day shift', 'Nights', 'Later', 'Undated']);
      expect(story.diagram.columns.change_idea[0]!.cycles).toBe(4);
    });
  });
});
