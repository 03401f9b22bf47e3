/**
 * Strategic aims and goals over HTTP: status derived from the series' SPC analysis, the cascade
 * (tree, unit view, parents of the right units, no cycles), visibility (the goal's and its
 * measure's; hidden = unknown), who may change what (goal.manage; unit leads for their units), and
 * an audit record for every change.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents, projectGoals, projects } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { upsertObservations } from '../observations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, months, USER } from '../test-support/fixtures.js';
import { createUnit } from '../units/repository.js';
import { tokenOf } from '../test-support/goals.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const v1 = (path: string): string => `/api/v1${path}`;

/** A stable process around `centre` (a zig-zag of ±1 and ±2), `n` months. */
async function record(db: Database, seriesId: string, centre: number, n = 24): Promise<void> {
  await upsertObservations(
    db,
    months(n).map((period, i) => ({ seriesId, period, value: centre + [1, -1, 2, -2][i % 4]! })),
    { userId: USER },
  );
}

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function world(db: Database) {
  const a = await anOrganisation(db, { name: 'Goal Trust' });
  const b = await anOrganisation(db, { name: 'Other Trust' });
  const division = await createUnit(db, { organisationId: a.id, kind: 'division', name: 'Medicine' });
  const ward = await createUnit(db, {
    organisationId: a.id,
    parentId: division.id,
    kind: 'ward',
    name: 'Ward 10',
  });
  const other = await createUnit(db, { organisationId: a.id, kind: 'division', name: 'Surgery' });
  const mPub = await aMeasure(db, a.id, {
    name: 'Public measure',
    code: 'g-pub',
    visibility: 'public',
    spcOptions: { direction: 'increase' },
  });
  const mInt = await aMeasure(db, a.id, {
    name: 'Internal measure',
    code: 'g-int',
    visibility: 'internal',
    spcOptions: { direction: 'decrease' },
  });
  const mPriv = await aMeasure(db, a.id, {
    name: 'Private measure PRIVATEMARKER',
    code: 'g-priv',
    visibility: 'private',
    spcOptions: { direction: 'increase' },
  });
  const sOrg = await ensureSeries(db, { measureId: mPub.id, organisationId: a.id });
  const sWard = await ensureSeries(db, { measureId: mInt.id, organisationId: a.id, unitId: ward.id });
  const sOther = await ensureSeries(db, { measureId: mInt.id, organisationId: a.id, unitId: other.id });
  const sPriv = await ensureSeries(db, { measureId: mPriv.id, organisationId: a.id });
  const sB = await ensureSeries(db, {
    measureId: (await aMeasure(db, b.id, { code: 'g-b' })).id,
    organisationId: b.id,
  });
  await record(db, sOrg.id, 100);
  await record(db, sWard.id, 50);
  await record(db, sOther.id, 50);
  await record(db, sPriv.id, 100, 5);
  return { a, b, division, ward, other, sOrg, sWard, sOther, sPriv, sB };
}

type GoalJson = {
  id: string;
  title: string;
  unitId: string | null;
  parentGoalId: string | null;
  aimId: string | null;
  status: { status: string; code: string; reason: string };
  variation: string;
  latest: { period: string; value: number } | null;
  children?: GoalJson[];
};

const titles = (list: readonly { title: string }[]): string[] => list.map((g) => g.title).sort();

function sameAsUnknown(
  hidden: LightMyRequestResponse,
  unknown: LightMyRequestResponse,
  id: string,
  other: string,
): void {
  expect(hidden.statusCode).toBe(404);
  expect(unknown.statusCode).toBe(404);
  expect(hidden.body.replaceAll(id, other)).toBe(unknown.body);
}

describeEachEngine('goals', ({ test }) => {
  test('aims and goals: status from SPC, the cascade as a tree and per unit, checks, and audit', async ({
    db,
  }) => {
    const w = await world(db);
    const lead = await tokenOf(db, { organisationId: w.a.id, role: 'qi_lead' });
    await withApp(
      db,
      async (app) => {
        const post = async (payload: Record<string, unknown>): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'POST',
            url: v1(`/organisations/${w.a.odsCode}/goals`),
            headers: lead,
            payload,
          });

        const aimResponse = await app.inject({
          method: 'POST',
          url: v1(`/organisations/${w.a.odsCode}/aims`),
          headers: lead,
          payload: { title: 'Become the safest trust', visibility: 'public' },
        });
        expect(aimResponse.statusCode).toBe(201);
        const aim = body<{ id: string }>(aimResponse);

        const g1 = await post({
          seriesId: w.sOrg.id,
          title: 'Reach 90',
          target: 90,
          deadline: '2027-03-31',
          aimId: aim.id,
          visibility: 'public',
        });
        expect(g1.statusCode).toBe(201);
        const one = body<GoalJson & { aim: { title: string } }>(g1);
        expect(one.status).toMatchObject({ status: 'on_track', code: 'passing' });
        expect(one.variation).toBe('common_cause');
        expect(one.latest).toEqual({ period: '2021-12-01', value: 98 });
        expect(one.aim.title).toBe('Become the safest trust');

        const g2 = body<GoalJson>(
          await post({ seriesId: w.sOrg.id, title: 'Reach 150', target: 150, deadline: '2027-03-31' }),
        );
        expect(g2.status.status).toBe('off_track');
        expect(g2.status.reason).toMatch(/cannot reach the target of 150 by 31 March 2027 without change/);

        const g3Response = await post({
          seriesId: w.sWard.id,
          title: 'Ward 10 below 60',
          target: 60,
          deadline: '2027-03-31',
          parentGoalId: one.id,
        });
        expect(g3Response.statusCode).toBe(201);
        const g3 = body<GoalJson>(g3Response);
        expect(g3).toMatchObject({ unitId: w.ward.id, parentGoalId: one.id, status: { status: 'on_track' } });

        const short = body<GoalJson>(
          await post({ seriesId: w.sPriv.id, title: 'Short', target: 1, deadline: '2027-03-31' }),
        );
        expect(short.status).toMatchObject({ status: 'no_data', code: 'too_few_points' });
        expect(short.status.reason).toContain('8 more are needed');

        // Refusals, each naming its field.
        const refused = async (
          payload: Record<string, unknown>,
          status: number,
          field: string,
        ): Promise<void> => {
          const response = await post({ title: 'x', target: 1, deadline: '2027-03-31', ...payload });
          expect(response.statusCode, JSON.stringify(payload)).toBe(status);
          expect(body<{ error: { details: { field: string } } }>(response).error.details.field).toBe(field);
        };
        await refused({ seriesId: w.sB.id }, 404, 'seriesId');
        await refused({ seriesId: w.sWard.id, unitId: w.other.id }, 400, 'unitId');
        await refused({ seriesId: w.sOrg.id, parentGoalId: g3.id }, 400, 'parentGoalId');
        await refused({ seriesId: w.sOther.id, parentGoalId: g3.id }, 400, 'parentGoalId');
        await refused({ seriesId: w.sOrg.id, aimId: randomUUID() }, 404, 'aimId');
        await refused({ seriesId: w.sOrg.id, requirementId: randomUUID() }, 404, 'requirementId');
        await refused({ seriesId: w.sOrg.id, target: 'high' }, 400, 'target');
        await refused({ seriesId: w.sOrg.id, deadline: '31/03/2027' }, 400, 'deadline');

        // The list, the tree and the filters.
        const list = async (query = ''): Promise<{ items: GoalJson[]; tree: GoalJson[] }> => {
          const response = await app.inject({
            url: v1(`/organisations/${w.a.odsCode}/goals${query}`),
            headers: lead,
          });
          expect(response.statusCode).toBe(200);
          return body(response);
        };
        const all = await list();
        expect(titles(all.items)).toEqual(['Reach 150', 'Reach 90', 'Short', 'Ward 10 below 60']);
        const top = all.tree.find((g) => g.id === one.id)!;
        expect(titles(top.children!)).toEqual(['Ward 10 below 60']);
        expect(titles(all.tree)).toEqual(['Reach 150', 'Reach 90', 'Short']);
        expect(titles((await list(`?unitId=${w.division.id}`)).items)).toEqual(['Ward 10 below 60']);
        expect(titles((await list(`?unitId=${w.other.id}`)).items)).toEqual([]);
        expect(titles((await list(`?aimId=${aim.id}`)).items)).toEqual(['Reach 90']);

        const unitView = await app.inject({
          url: v1(`/organisations/${w.a.odsCode}/units/${w.ward.id}/goals`),
          headers: lead,
        });
        expect(unitView.statusCode).toBe(200);
        const view = body<{ unit: { name: string }; tree: GoalJson[]; serves: GoalJson[] }>(unitView);
        expect(view.unit.name).toBe('Ward 10');
        expect(titles(view.tree)).toEqual(['Ward 10 below 60']);
        expect(titles(view.serves)).toEqual(['Reach 90']);
        const otherUnit = await app.inject({
          url: v1(`/organisations/${w.b.odsCode}/units/${w.ward.id}/goals`),
          headers: lead,
        });
        expect(otherUnit.statusCode).toBe(404);

        // One goal: children and linked projects (read from the projects table).
        const [project] = await db
          .insert(projects)
          .values({ organisationId: w.a.id, title: 'Falls collaborative', visibility: 'internal' })
          .returning({ id: projects.id });
        await db.insert(projectGoals).values({ projectId: project!.id, goalId: one.id });
        const detail = body<GoalJson & { children: GoalJson[]; projects: { title: string }[] }>(
          await app.inject({ url: v1(`/goals/${one.id}`), headers: lead }),
        );
        expect(titles(detail.children)).toEqual(['Ward 10 below 60']);
        expect(detail.projects).toEqual([{ id: project!.id, title: 'Falls collaborative' }]);
        // The list names each goal's projects by goal id (those the reader may read), and its measure's data type.
        const listed = body<{
          items: (GoalJson & { measure: { dataType: string } })[];
          projects: Record<string, { id: string; title: string }[]>;
        }>(await app.inject({ url: v1(`/organisations/${w.a.odsCode}/goals`), headers: lead }));
        expect(listed.projects).toEqual({ [one.id]: [{ id: project!.id, title: 'Falls collaborative' }] });
        expect(listed.items.every((goal) => goal.measure.dataType === 'value')).toBe(true);
        const publicList = body<{ projects: Record<string, unknown> }>(
          await app.inject({ url: v1(`/organisations/${w.a.odsCode}/goals`) }),
        );
        expect(publicList.projects).toEqual({});

        // A change is audited with before and after; a cycle is refused.
        const patched = await app.inject({
          method: 'PATCH',
          url: v1(`/goals/${g2.id}`),
          headers: lead,
          payload: { target: 90, parentGoalId: one.id },
        });
        expect(patched.statusCode).toBe(200);
        expect(body<GoalJson>(patched).status.status).toBe('on_track');
        const cycle = await app.inject({
          method: 'PATCH',
          url: v1(`/goals/${one.id}`),
          headers: lead,
          payload: { parentGoalId: g2.id },
        });
        expect(cycle.statusCode).toBe(409);
        const [change] = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'goal.update'), eq(auditEvents.entityId, g2.id)));
        expect(change).toMatchObject({
          before: { target: 150 },
          after: { target: 90 },
          organisationId: w.a.id,
        });

        // Deleting a goal: those serving it move up; deleting an aim leaves its goals.
        expect(
          (await app.inject({ method: 'DELETE', url: v1(`/goals/${one.id}`), headers: lead })).statusCode,
        ).toBe(204);
        const after = body<GoalJson>(await app.inject({ url: v1(`/goals/${g3.id}`), headers: lead }));
        expect(after.parentGoalId).toBeNull();
        const aimGone = await app.inject({
          method: 'DELETE',
          url: v1(`/organisations/${w.a.odsCode}/aims/${aim.id}`),
          headers: lead,
        });
        expect(aimGone.statusCode).toBe(204);
        const actions = (
          await db
            .select({ action: auditEvents.action })
            .from(auditEvents)
            .where(eq(auditEvents.organisationId, w.a.id))
        ).map((row) => row.action);
        expect(actions.sort()).toEqual(
          [
            'aim.create',
            'aim.delete',
            'goal.create',
            'goal.create',
            'goal.create',
            'goal.create',
            'goal.delete',
            'goal.update',
          ].sort(),
        );
      },
      { now: () => NOW, as: 'public' },
    );
  });

  test('reads follow the goal’s and its measure’s visibility; unit leads manage their units’ goals', async ({
    db,
  }) => {
    const w = await world(db);
    const lead = await tokenOf(db, { organisationId: w.a.id, role: 'qi_lead' });
    const staff = await tokenOf(db, { organisationId: w.a.id, role: 'staff' });
    const unitLead = await tokenOf(db, { organisationId: w.a.id, role: 'unit_lead', unitId: w.division.id });
    const outsider = await tokenOf(db, { organisationId: w.b.id, role: 'administrator' });
    await withApp(
      db,
      async (app) => {
        const make = async (
          payload: Record<string, unknown>,
          headers = lead,
        ): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'POST',
            url: v1(`/organisations/${w.a.odsCode}/goals`),
            headers,
            payload: { target: 1, deadline: '2027-03-31', ...payload },
          });
        const pub = body<GoalJson>(
          await make({ seriesId: w.sOrg.id, title: 'Public goal', visibility: 'public' }),
        );
        const onInternal = body<GoalJson>(
          await make({ seriesId: w.sWard.id, title: 'Public goal, internal measure', visibility: 'public' }),
        );
        const priv = body<GoalJson>(
          await make({ seriesId: w.sPriv.id, title: 'Goal PRIVATEMARKER', visibility: 'internal' }),
        );
        const internalGoal = body<GoalJson>(
          await make({ seriesId: w.sOrg.id, title: 'Internal goal INTERNALMARKER', visibility: 'internal' }),
        );

        const seen = async (headers: Record<string, string>): Promise<string[]> => {
          const response = await app.inject({ url: v1(`/organisations/${w.a.odsCode}/goals`), headers });
          expect(response.statusCode).toBe(200);
          expect(response.body).not.toContain(headers === staff ? 'PRIVATEMARKER' : 'MARKER');
          return titles(body<{ items: GoalJson[] }>(response).items);
        };
        expect(await seen({})).toEqual(['Public goal']);
        expect(await seen(outsider)).toEqual(['Public goal']);
        expect(await seen(staff)).toEqual([
          'Internal goal INTERNALMARKER',
          'Public goal',
          'Public goal, internal measure',
        ]);
        for (const [headers, hidden] of [
          [{}, onInternal.id],
          [{}, internalGoal.id],
          [outsider, onInternal.id],
          [staff, priv.id],
        ] as const) {
          const unknown = randomUUID();
          sameAsUnknown(
            await app.inject({ url: v1(`/goals/${hidden}`), headers }),
            await app.inject({ url: v1(`/goals/${unknown}`), headers }),
            hidden,
            unknown,
          );
          // Changing a hidden goal is the same 404.
          const patch = await app.inject({
            method: 'PATCH',
            url: v1(`/goals/${hidden}`),
            headers,
            payload: { target: 2 },
          });
          expect(patch.statusCode).toBe(404);
        }
        expect((await app.inject({ url: v1(`/goals/${pub.id}`) })).statusCode).toBe(200);

        // Who may change: the public 401, staff 403, a unit lead for goals of their units only.
        expect((await make({ seriesId: w.sOrg.id, title: 'x' }, {})).statusCode).toBe(401);
        expect((await make({ seriesId: w.sOrg.id, title: 'x' }, staff)).statusCode).toBe(403);
        expect((await make({ seriesId: w.sOrg.id, title: 'x' }, unitLead)).statusCode).toBe(403);
        expect((await make({ seriesId: w.sOther.id, title: 'x' }, unitLead)).statusCode).toBe(403);
        const own = await make({ seriesId: w.sWard.id, title: 'Ward goal by its lead' }, unitLead);
        expect(own.statusCode).toBe(201);
        const patchOwn = await app.inject({
          method: 'PATCH',
          url: v1(`/goals/${onInternal.id}`),
          headers: unitLead,
          payload: { title: 'Renamed by the lead' },
        });
        expect(patchOwn.statusCode).toBe(200);
        expect(
          (await app.inject({ method: 'DELETE', url: v1(`/goals/${pub.id}`), headers: unitLead })).statusCode,
        ).toBe(403);
        const aim = await app.inject({
          method: 'POST',
          url: v1(`/organisations/${w.a.odsCode}/aims`),
          headers: unitLead,
          payload: { title: 'An aim' },
        });
        expect(aim.statusCode).toBe(403);
        // Another organisation's manager cannot add goals here.
        expect((await make({ seriesId: w.sOrg.id, title: 'x' }, outsider)).statusCode).toBe(403);
      },
      { now: () => NOW, as: 'public' },
    );
  });
});
