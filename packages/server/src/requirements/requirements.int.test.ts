/**
 * Commissioners' outcome requirements over HTTP: set only by a commissioner's managers for a
 * provider that granted it access; received by the provider; the provider links its goals and
 * projects; progress shows the commissioner only what the provider lets it read — never a hidden
 * goal, a goal on a hidden measure, or an unpublished project — and every change is audited.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents, goals, organisationGrants, projects } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { tokenOf } from '../test-support/goals.js';
import { upsertObservations } from '../observations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, months, USER } from '../test-support/fixtures.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const v1 = (path: string): string => `/api/v1${path}`;
const HIDDEN = 'INTERNALMARKER';

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function world(db: Database) {
  const p = await anOrganisation(db, { name: 'Provider Trust' });
  const c = await anOrganisation(db, { name: 'Commissioner ICB', kind: 'commissioner' });
  const x = await anOrganisation(db, { name: 'Other ICB', kind: 'commissioner' });
  const b = await anOrganisation(db, { name: 'Other Trust' });
  await db.insert(organisationGrants).values({ grantorId: p.id, granteeId: c.id, scope: 'published' });
  const shared = await aMeasure(db, null, {
    name: 'Shared measure',
    code: `req-shared-${randomUUID().slice(0, 6)}`,
    visibility: 'public',
    spcOptions: { direction: 'increase' },
  });
  const internal = await aMeasure(db, p.id, {
    name: `Internal measure ${HIDDEN}`,
    code: 'req-int',
    visibility: 'internal',
    spcOptions: { direction: 'increase' },
  });
  const bMeasure = await aMeasure(db, b.id, { name: 'B measure', code: 'req-b', visibility: 'public' });
  const sShared = await ensureSeries(db, { measureId: shared.id, organisationId: p.id });
  const sInternal = await ensureSeries(db, { measureId: internal.id, organisationId: p.id });
  for (const seriesId of [sShared.id, sInternal.id]) {
    await upsertObservations(
      db,
      months(24).map((period, i) => ({ seriesId, period, value: 100 + [1, -1, 2, -2][i % 4]! })),
      { userId: USER },
    );
  }
  const people = {
    cLead: await tokenOf(db, { organisationId: c.id, role: 'qi_lead' }),
    cStaff: await tokenOf(db, { organisationId: c.id, role: 'staff' }),
    xLead: await tokenOf(db, { organisationId: x.id, role: 'qi_lead' }),
    pLead: await tokenOf(db, { organisationId: p.id, role: 'qi_lead' }),
    pStaff: await tokenOf(db, { organisationId: p.id, role: 'staff' }),
    bAdmin: await tokenOf(db, { organisationId: b.id, role: 'administrator' }),
  };
  return { p, c, x, b, shared, internal, bMeasure, sShared, sInternal, people };
}

interface Progress {
  measureName: string | null;
  measureDataType: string | null;
  measureProgress: { status: { status: string; code: string } } | null;
  goals: { title: string }[];
  projects: { title: string }[];
}

describeEachEngine('outcome requirements', ({ test }) => {
  test('set, received, linked, progress without leaks, changed and deleted', async ({ db }) => {
    const w = await world(db);
    const { cLead, cStaff, xLead, pLead, pStaff, bAdmin } = w.people;
    await withApp(
      db,
      async (app) => {
        const set = (
          ref: string,
          headers: Record<string, string>,
          payload: Record<string, unknown> = {},
        ): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'POST',
            url: v1(`/organisations/${ref}/requirements`),
            headers,
            payload: {
              provider: w.p.odsCode,
              measureId: w.shared.id,
              title: 'Meet 90 by March',
              target: 90,
              dueBy: '2027-03-31',
              ...payload,
            },
          });
        const created = await set(w.c.odsCode, cLead);
        expect(created.statusCode).toBe(201);
        const requirement = body<{ id: string; provider: { id: string }; commissioner: { id: string } }>(
          created,
        );
        expect(requirement.provider.id).toBe(w.p.id);
        expect(requirement.commissioner.id).toBe(w.c.id);

        // Who may set one, and for whom.
        expect((await set(w.c.odsCode, {})).statusCode).toBe(401);
        expect((await set(w.c.odsCode, cStaff)).statusCode).toBe(403);
        const field = (response: LightMyRequestResponse): string =>
          body<{ error: { details: { field: string } } }>(response).error.details.field;
        const noGrant = await set(w.x.odsCode, xLead);
        expect(noGrant.statusCode).toBe(409);
        expect(field(noGrant)).toBe('provider');
        const notCommissioner = await set(w.p.odsCode, pLead, { provider: w.c.odsCode });
        expect(notCommissioner.statusCode).toBe(400);
        expect(field(notCommissioner)).toBe('ref');
        const othersMeasure = await set(w.c.odsCode, cLead, { measureId: w.bMeasure.id });
        expect(othersMeasure.statusCode).toBe(400);
        expect(field(othersMeasure)).toBe('measureId');
        const unknownMeasure = await set(w.c.odsCode, cLead, { measureId: randomUUID() });
        expect(unknownMeasure.statusCode).toBe(404);
        expect(field(unknownMeasure)).toBe('measureId');
        expect((await set(w.c.odsCode, cLead, { provider: 'ZZZ999' })).statusCode).toBe(404);

        // Who reads them.
        const count = async (url: string, headers: Record<string, string>): Promise<number> => {
          const response = await app.inject({ url: v1(url), headers });
          expect(response.statusCode).toBe(200);
          return body<{ items: unknown[] }>(response).items.length;
        };
        expect(await count(`/organisations/${w.p.odsCode}/requirements/received`, pStaff)).toBe(1);
        expect(await count(`/organisations/${w.p.odsCode}/requirements/received`, bAdmin)).toBe(0);
        expect(await count(`/organisations/${w.p.odsCode}/requirements/received`, {})).toBe(0);
        expect(await count(`/organisations/${w.c.odsCode}/requirements`, cStaff)).toBe(1);
        expect(await count(`/organisations/${w.c.odsCode}/requirements`, bAdmin)).toBe(0);

        // The provider links its goals and projects.
        const goal = async (seriesId: string, title: string, visibility: string): Promise<string> => {
          const response = await app.inject({
            method: 'POST',
            url: v1(`/organisations/${w.p.odsCode}/goals`),
            headers: pLead,
            payload: {
              seriesId,
              title,
              target: 90,
              deadline: '2027-03-31',
              visibility,
              requirementId: requirement.id,
            },
          });
          expect(response.statusCode).toBe(201);
          return body<{ id: string }>(response).id;
        };
        const publicGoal = await goal(w.sShared.id, 'Public goal', 'public');
        await goal(w.sShared.id, `Internal goal ${HIDDEN}`, 'internal');
        await goal(w.sInternal.id, `Public goal on an internal measure ${HIDDEN}`, 'public');
        const [secret, open] = await db
          .insert(projects)
          .values([
            { organisationId: w.p.id, title: `Secret project ${HIDDEN}`, visibility: 'internal' },
            { organisationId: w.p.id, title: 'Open project', visibility: 'public' },
          ])
          .returning({ id: projects.id });
        const link = (
          projectId: string,
          headers: Record<string, string>,
          method: 'PUT' | 'DELETE' = 'PUT',
        ): Promise<LightMyRequestResponse> =>
          app.inject({ method, url: v1(`/requirements/${requirement.id}/projects/${projectId}`), headers });
        expect((await link(secret!.id, pLead)).statusCode).toBe(204);
        expect((await link(open!.id, pLead)).statusCode).toBe(204);
        expect((await link(open!.id, pLead)).statusCode).toBe(204);
        expect((await link(open!.id, cLead)).statusCode).toBe(403);
        expect((await link(open!.id, pStaff)).statusCode).toBe(403);
        expect((await link(open!.id, bAdmin)).statusCode).toBe(404);
        expect((await link(open!.id, {})).statusCode).toBe(404);
        const unknownProject = await link(randomUUID(), pLead);
        expect(unknownProject.statusCode).toBe(404);
        expect(field(unknownProject)).toBe('projectId');

        // Progress: the commissioner sees only what the provider lets it read.
        const progress = async (headers: Record<string, string>): Promise<Progress> => {
          const response = await app.inject({ url: v1(`/requirements/${requirement.id}/progress`), headers });
          expect(response.statusCode).toBe(200);
          return { ...body<Progress>(response), raw: response.body } as Progress & { raw: string };
        };
        const published = await progress(cLead);
        expect(published.goals.map((g) => g.title)).toEqual(['Public goal']);
        expect(published.projects.map((p) => p.title)).toEqual(['Open project']);
        expect(published.measureName).toBe('Shared measure');
        expect(published.measureDataType).toBe('value');
        expect(published.measureProgress?.status).toMatchObject({ status: 'on_track', code: 'passing' });
        expect((published as Progress & { raw: string }).raw).not.toContain(HIDDEN);

        const own = await progress(pStaff);
        expect(own.goals.map((g) => g.title).sort()).toEqual(
          ['Public goal', `Internal goal ${HIDDEN}`, `Public goal on an internal measure ${HIDDEN}`].sort(),
        );
        expect(own.projects.map((p) => p.title).sort()).toEqual(['Open project', `Secret project ${HIDDEN}`]);

        // With internal access the commissioner reads internal goals, but still not internal projects.
        await db
          .update(organisationGrants)
          .set({ scope: 'internal' })
          .where(and(eq(organisationGrants.grantorId, w.p.id), eq(organisationGrants.granteeId, w.c.id)));
        const internal = await progress(cLead);
        expect(internal.goals).toHaveLength(3);
        expect(internal.projects.map((p) => p.title)).toEqual(['Open project']);

        // Others: the same 404 as an unknown requirement.
        for (const headers of [bAdmin, {}]) {
          const hidden = await app.inject({ url: v1(`/requirements/${requirement.id}/progress`), headers });
          const unknownId = randomUUID();
          const unknown = await app.inject({ url: v1(`/requirements/${unknownId}/progress`), headers });
          expect(hidden.statusCode).toBe(404);
          expect(hidden.body.replaceAll(requirement.id, unknownId)).toBe(unknown.body);
        }

        // Changed by the commissioner only; audited.
        const patch = (ref: string, headers: Record<string, string>): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'PATCH',
            url: v1(`/organisations/${ref}/requirements/${requirement.id}`),
            headers,
            payload: { target: 95 },
          });
        expect((await patch(w.p.odsCode, pLead)).statusCode).toBe(404);
        expect((await patch(w.c.odsCode, pLead)).statusCode).toBe(403);
        expect((await patch(w.c.odsCode, cLead)).statusCode).toBe(200);
        const [audit] = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'requirement.update'), eq(auditEvents.entityId, requirement.id)));
        expect(audit).toMatchObject({
          organisationId: w.c.id,
          before: { target: 90 },
          after: { target: 95 },
        });
        expect((await link(secret!.id, pLead, 'DELETE')).statusCode).toBe(204);

        // Deleted: the provider's goals stay, answering nothing.
        const gone = await app.inject({
          method: 'DELETE',
          url: v1(`/organisations/${w.c.odsCode}/requirements/${requirement.id}`),
          headers: cLead,
        });
        expect(gone.statusCode).toBe(204);
        const [left] = await db.select().from(goals).where(eq(goals.id, publicGoal));
        expect(left?.requirementId).toBeNull();
        const actions = (
          await db
            .select({ action: auditEvents.action })
            .from(auditEvents)
            .where(eq(auditEvents.entityId, requirement.id))
        ).map((row) => row.action);
        expect(actions.sort()).toEqual(
          [
            'requirement.create',
            'requirement.delete',
            'requirement.link_project',
            'requirement.link_project',
            'requirement.unlink_project',
            'requirement.update',
          ].sort(),
        );
      },
      { now: () => NOW, as: 'public' },
    );
  });
});
