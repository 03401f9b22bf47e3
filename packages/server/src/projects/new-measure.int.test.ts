/**
 * A measure created for a project from its page (`POST /projects/:id/measures`): those who manage
 * the project (a staff lead too, who may not define catalogue measures) make an internal measure of
 * the organisation marked as the project's, its series in the project's unit, linked as the kind
 * asked; both the creation and the link are audited; a team member, others and the public may
 * not; bad input is a 400 naming the field and leaves nothing behind.
 */
import { and, eq, like } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents, measures, measureSeries } from '../db/schema.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation } from '../test-support/fixtures.js';
import { aUser, signInAll } from '../test-support/users.js';
import { createUnit } from '../units/repository.js';
import type { ProjectView } from './schemas.js';

const MEASURE = {
  name: 'Falls per week on Ward 3',
  unitLabel: 'falls',
  dataType: 'count',
  direction: 'decrease',
  frequency: 'week',
  kind: 'outcome',
};

describeEachEngine('a measure made for a project', ({ test }) => {
  test('its managers create it in the project’s unit and link it; others may not', async ({ db }) => {
    const a = await anOrganisation(db, { name: 'Measure Trust' });
    const b = await anOrganisation(db, { name: 'Other Trust' });
    const ward = await createUnit(db, { organisationId: a.id, kind: 'ward', name: 'Ward 3' });
    const people = {
      lead: await aUser(db, { organisationId: a.id, role: 'staff' }),
      member: await aUser(db, { organisationId: a.id, role: 'staff' }),
      stranger: await aUser(db, { organisationId: a.id, role: 'improver' }),
      qiLead: await aUser(db, { organisationId: a.id, role: 'qi_lead' }),
      other: await aUser(db, { organisationId: b.id, role: 'administrator' }),
    };
    await withApp(
      db,
      async (app) => {
        const who = await signInAll(app, people);
        const started = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${a.odsCode}/projects`,
          payload: { title: 'Fewer falls', unitId: ward.id },
          headers: who.lead,
        });
        expect(started.statusCode, started.body).toBe(201);
        const project = body<ProjectView>(started);
        const added = await app.inject({
          method: 'POST',
          url: `/api/v1/projects/${project.id}/team`,
          payload: { userId: people.member.id, role: 'member' },
          headers: who.lead,
        });
        expect(added.statusCode).toBe(201);
        const url = `/api/v1/projects/${project.id}/measures`;
        const create = (
          headers: Record<string, string>,
          payload: Record<string, unknown> = MEASURE,
        ): Promise<LightMyRequestResponse> => app.inject({ method: 'POST', url, payload, headers });

        // A staff lead may not define catalogue measures, but makes one for the project.
        expect(
          (
            await app.inject({
              method: 'POST',
              url: '/api/v1/measures',
              headers: who.lead,
              payload: {
                ownerOrganisationId: a.id,
                name: 'Catalogue',
                dataType: 'count',
                domain: 'safety',
                frequency: 'week',
              },
            })
          ).statusCode,
        ).toBe(403);
        const made = await create(who.lead);
        expect(made.statusCode, made.body).toBe(201);
        const result = body<{
          seriesId: string;
          measureId: string;
          items: { seriesId: string; kind: string }[];
        }>(made);
        expect(result.items).toEqual([
          expect.objectContaining({ seriesId: result.seriesId, kind: 'outcome' }),
        ]);
        const [measure] = await db.select().from(measures).where(eq(measures.id, result.measureId));
        expect(measure).toMatchObject({
          ownerOrganisationId: a.id,
          name: 'Falls per week on Ward 3',
          unitLabel: 'falls',
          dataType: 'count',
          chartType: 'c',
          visibility: 'internal',
          frequency: 'week',
          domain: 'other',
          spcOptions: { direction: 'decrease' },
          source: 'QI project: Fewer falls',
        });
        expect(
          measure!.code.startsWith(`project-${project.id.replaceAll('-', '').slice(0, 8)}-falls-per-week`),
        ).toBe(true);
        const [series] = await db.select().from(measureSeries).where(eq(measureSeries.id, result.seriesId));
        expect(series).toMatchObject({ measureId: measure!.id, organisationId: a.id, unitId: ward.id });
        const audit = await db
          .select({ action: auditEvents.action })
          .from(auditEvents)
          .where(and(eq(auditEvents.organisationId, a.id), like(auditEvents.summary, '%Falls per week%')));
        expect(audit.map((r) => r.action).sort()).toEqual(['measure.create', 'project.measure_link']);

        // The story shows it, and a second one goes after it.
        const second = await create(who.qiLead, {
          ...MEASURE,
          name: 'Falls per week on Ward 3',
          kind: 'balancing',
        });
        expect(second.statusCode, second.body).toBe(201);
        const story = body<ProjectView>(
          await app.inject({ url: `/api/v1/projects/${project.id}`, headers: who.member }),
        );
        expect(story.measures.map((m) => [m.kind, m.position])).toEqual([
          ['outcome', 0],
          ['balancing', 1],
        ]);

        // Who may not.
        expect((await create(who.member)).statusCode).toBe(403);
        expect((await create(who.stranger)).statusCode).toBe(403);
        expect((await create(who.other)).statusCode).toBe(404);
        expect((await create({})).statusCode).toBe(404);

        // Bad input names the field and leaves nothing.
        const before = (await db.select().from(measures).where(eq(measures.ownerOrganisationId, a.id)))
          .length;
        for (const [field, payload] of [
          ['name', { ...MEASURE, name: ' ' }],
          ['dataType', { ...MEASURE, dataType: 'time' }],
          ['direction', { ...MEASURE, direction: 'up' }],
          ['kind', { ...MEASURE, kind: 'main' }],
        ] as const) {
          const refused = await create(who.lead, payload);
          expect(refused.statusCode, field).toBe(400);
          expect(body<ErrorJson>(refused).error.message + JSON.stringify(body(refused))).toContain(field);
        }
        expect((await db.select().from(measures).where(eq(measures.ownerOrganisationId, a.id))).length).toBe(
          before,
        );
      },
      { as: 'public' },
    );
  });
});
