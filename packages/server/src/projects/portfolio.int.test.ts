/**
 * The portfolio over HTTP: an organisation's projects by stage, unit and goal, a page at a time in
 * title order, each with its lead, cycles and latest cycle, counts by stage, and the projects in
 * planning, testing or implementing with no PDSA cycle started or changed in 30 days flagged for a
 * coach (as of the request's time).
 */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { goals, pdsaCycles } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { ensureSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import { aUser, signInAll } from '../test-support/users.js';
import { createUnit } from '../units/repository.js';
import { COACH_AFTER_DAYS } from './portfolio.js';
import type { DriverNodeView, ProjectSummaryView, ProjectView } from './schemas.js';

interface PortfolioJson {
  items: ProjectSummaryView[];
  nextCursor: string | null;
  summary: { total: number; byStage: Record<string, number>; needsCoach: number };
}

const DAY = 86_400_000;
const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function world(db: Database) {
  const a = await anOrganisation(db, { name: 'Ward Trust' });
  const ward = await createUnit(db, { organisationId: a.id, kind: 'ward', name: 'Ward 7' });
  const measure = await aMeasure(db, a.id, { name: 'Falls', code: 'falls' });
  const series = await ensureSeries(db, { measureId: measure.id, organisationId: a.id });
  const [goal] = await db
    .insert(goals)
    .values({
      organisationId: a.id,
      seriesId: series.id,
      title: 'Fewer falls',
      target: 8,
      deadline: '2026-03-31',
    })
    .returning();
  const people = {
    nurse: await aUser(db, { organisationId: a.id, role: 'staff' }),
    coach: await aUser(db, { organisationId: a.id, role: 'qi_lead' }),
  };
  return { a, ward, goal: goal!, people };
}

describeEachEngine('portfolio', ({ test }) => {
  test('lists projects by stage, unit and goal, with leads, cycles, counts by stage and who needs a coach', async ({
    db,
  }) => {
    const w = await world(db);
    // The request's clock is 60 days ahead: everything written now is older than 30 days by then.
    const now = new Date(Date.now() + 60 * DAY);
    await withApp(
      db,
      async (app) => {
        const who = await signInAll(app, w.people);
        const start = async (title: string, stage: string, extra: object = {}): Promise<ProjectView> =>
          body<ProjectView>(
            await app.inject({
              method: 'POST',
              url: `/api/v1/organisations/${w.a.odsCode}/projects`,
              payload: { title, stage, ...extra },
              headers: who.nurse,
            }),
          );
        const idle = await start('B idle planning', 'planning', { unitId: w.ward.id });
        const recent = await start('A recent testing', 'testing', { unitId: w.ward.id });
        const old = await start('C old testing', 'implementing');
        const idea = await start('D just an idea', 'idea');
        const done = await start('E done', 'complete');
        const cycle = async (projectId: string, startedOn: string): Promise<void> => {
          const node = body<DriverNodeView>(
            await app.inject({
              method: 'POST',
              url: `/api/v1/projects/${projectId}/driver-nodes`,
              payload: { kind: 'change_idea', text: 'Idea' },
              headers: who.nurse,
            }),
          );
          const response = await app.inject({
            method: 'POST',
            url: `/api/v1/projects/${projectId}/change-ideas/${node.id}/cycles`,
            payload: { title: 'Test', startedOn },
            headers: who.nurse,
          });
          expect(response.statusCode, response.body).toBe(201);
        };
        await cycle(recent.id, isoDate(now.getTime() - 5 * DAY));
        await cycle(old.id, isoDate(now.getTime() - (COACH_AFTER_DAYS + 10) * DAY));
        await cycle(old.id, isoDate(now.getTime() - (COACH_AFTER_DAYS + 40) * DAY));
        await app.inject({
          method: 'PUT',
          url: `/api/v1/projects/${idle.id}/goals/${w.goal.id}`,
          headers: who.nurse,
        });

        const list = async (query = ''): Promise<PortfolioJson> => {
          const response = await app.inject({
            url: `/api/v1/organisations/${w.a.odsCode}/projects${query}`,
            headers: who.coach,
          });
          expect(response.statusCode, response.body).toBe(200);
          return body<PortfolioJson>(response);
        };
        const all = await list();
        expect(all.items.map((p) => [p.title, p.stage, p.cycles, p.needsCoach])).toEqual([
          ['A recent testing', 'testing', 1, false],
          ['B idle planning', 'planning', 0, true],
          ['C old testing', 'implementing', 2, true],
          ['D just an idea', 'idea', 0, false],
          ['E done', 'complete', 0, false],
        ]);
        const c = all.items.find((p) => p.id === old.id)!;
        expect(c.latestCycleOn).toBe(isoDate(now.getTime() - (COACH_AFTER_DAYS + 10) * DAY));
        expect(c.lead).toEqual({
          userId: w.people.nurse.id,
          displayName: w.people.nurse.email.split('@')[0],
        });
        expect(all.items[1]!.unit).toEqual({ id: w.ward.id, name: 'Ward 7' });
        expect(all.summary).toEqual({
          total: 5,
          byStage: {
            idea: 1,
            planning: 1,
            testing: 1,
            implementing: 1,
            spreading: 0,
            sustaining: 0,
            complete: 1,
            stopped: 0,
          },
          needsCoach: 2,
        });
        expect((await list('?stale=true')).items.map((p) => p.id)).toEqual([idle.id, old.id]);
        expect((await list('?stage=testing')).items.map((p) => p.id)).toEqual([recent.id]);
        const byUnit = await list(`?unit=${w.ward.id}`);
        expect(byUnit.items.map((p) => p.id)).toEqual([recent.id, idle.id]);
        expect(byUnit.summary.total).toBe(2);
        expect((await list(`?goal=${w.goal.id}`)).items.map((p) => p.id)).toEqual([idle.id]);
        expect(idea.stage).toBe('idea');
        expect(done.stage).toBe('complete');

        // Pages in title order, without repeats.
        const first = await list('?limit=2');
        expect(first.items).toHaveLength(2);
        const second = await list(`?limit=2&cursor=${first.nextCursor!}`);
        const third = await list(`?limit=2&cursor=${second.nextCursor!}`);
        expect([...first.items, ...second.items, ...third.items].map((p) => p.id)).toEqual(
          all.items.map((p) => p.id),
        );
        expect(third.nextCursor).toBeNull();

        // A cycle changed recently counts, whenever it started.
        await db.update(pdsaCycles).set({ updatedAt: now }).where(eq(pdsaCycles.projectId, old.id));
        expect((await list('?stale=true')).items.map((p) => p.id)).toEqual([idle.id]);

        const bad = await app.inject({
          url: `/api/v1/organisations/${w.a.odsCode}/projects?stage=done`,
          headers: who.coach,
        });
        expect(bad.statusCode).toBe(400);
        expect(body<ErrorJson>(bad).error.details?.field).toBe('stage');
        expect((await app.inject({ url: '/api/v1/organisations/ZZZ999/projects' })).statusCode).toBe(404);
      },
      { now: () => now },
    );
  });
});
