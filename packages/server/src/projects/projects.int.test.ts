/**
 * Projects over HTTP: anyone in an organisation starts one and leads it; the story; who may
 * change it (its lead, sponsor or coach, the organisation's QI leads and administrators); stage
 * changes audited; the team; measures (the organisation's series only); goals; visibility
 * (private: the team and QI leads; hidden is 404 exactly as unknown).
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents, goals } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { upsertObservations } from '../observations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, months, USER } from '../test-support/fixtures.js';
import { aUser, signInAll } from '../test-support/users.js';
import { createUnit } from '../units/repository.js';
import type { ProjectView } from './schemas.js';

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function world(db: Database) {
  const a = await anOrganisation(db, { name: 'Ward Trust' });
  const b = await anOrganisation(db, { name: 'Other Trust' });
  const unit = await createUnit(db, { organisationId: a.id, kind: 'ward', name: 'Ward 7' });
  const falls = await aMeasure(db, a.id, { name: 'Falls', code: 'falls', visibility: 'internal' });
  const secret = await aMeasure(db, a.id, { name: 'Secret', code: 'secret', visibility: 'private' });
  const fallsSeries = await ensureSeries(db, { measureId: falls.id, organisationId: a.id, unitId: unit.id });
  const secretSeries = await ensureSeries(db, { measureId: secret.id, organisationId: a.id });
  const otherMeasure = await aMeasure(db, b.id, { name: 'B falls', code: 'b-falls', visibility: 'public' });
  const otherSeries = await ensureSeries(db, { measureId: otherMeasure.id, organisationId: b.id });
  for (const series of [fallsSeries, secretSeries]) {
    await upsertObservations(
      db,
      months(24).map((period, i) => ({ seriesId: series.id, period, value: 10 + (i % 4) })),
      { userId: USER },
    );
  }
  const [goal] = await db
    .insert(goals)
    .values({
      organisationId: a.id,
      seriesId: fallsSeries.id,
      title: 'Fewer falls',
      target: 8,
      deadline: '2026-03-31',
    })
    .returning();
  const [otherGoal] = await db
    .insert(goals)
    .values({
      organisationId: b.id,
      seriesId: otherSeries.id,
      title: 'B goal',
      target: 1,
      deadline: '2026-03-31',
    })
    .returning();
  const people = {
    staff: await aUser(db, { organisationId: a.id, role: 'staff' }),
    nurse: await aUser(db, { organisationId: a.id, role: 'staff' }),
    improver: await aUser(db, { organisationId: a.id, role: 'improver' }),
    qiLead: await aUser(db, { organisationId: a.id, role: 'qi_lead' }),
    otherAdmin: await aUser(db, { organisationId: b.id, role: 'administrator' }),
  };
  return { a, b, unit, fallsSeries, secretSeries, otherSeries, goal: goal!, otherGoal: otherGoal!, people };
}

type AuditRow = typeof auditEvents.$inferSelect;

const audits = (db: Database, action: string, entityId: string): Promise<AuditRow[]> =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)));

function sameAsUnknown(hidden: LightMyRequestResponse, unknown: LightMyRequestResponse, id: string): void {
  expect(hidden.statusCode).toBe(404);
  expect(unknown.statusCode).toBe(404);
  expect(hidden.body.replaceAll(id, UNKNOWN)).toBe(unknown.body);
}

describeEachEngine('projects', ({ test }) => {
  test('any member starts a project and leads it; the public and other organisations may not', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const who = await signInAll(app, w.people);
      const url = `/api/v1/organisations/${w.a.odsCode}/projects`;
      const payload = {
        title: ' Fewer falls on Ward 7 ',
        unitId: w.unit.id,
        problem: 'Falls went up in the winter',
        aimWhat: 'Reduce falls on Ward 7',
        aimHowMuch: 'by 30%',
        aimByWhen: '2026-03-31',
        topics: ['Falls', 'falls', 'older people'],
      };
      const started = await app.inject({ method: 'POST', url, payload, headers: who.staff });
      expect(started.statusCode, started.body).toBe(201);
      const project = body<ProjectView>(started);
      expect(project).toMatchObject({
        title: 'Fewer falls on Ward 7',
        stage: 'idea',
        visibility: 'internal',
        unit: { id: w.unit.id, name: 'Ward 7' },
        organisation: { id: w.a.id, odsCode: w.a.odsCode },
        aim: { what: 'Reduce falls on Ward 7', howMuch: 'by 30%', byWhen: '2026-03-31' },
        topics: ['falls', 'older people'],
        team: [{ userId: w.people.staff.id, role: 'lead' }],
        diagram: { aim: 'Reduce falls on Ward 7 by 30% by 2026-03-31', links: [] },
        cycles: [],
        measures: [],
      });
      expect(JSON.stringify(project)).not.toContain('@');
      const [created] = await audits(db, 'project.create', project.id);
      expect(created).toMatchObject({ actorId: w.people.staff.id, organisationId: w.a.id });

      expect((await app.inject({ method: 'POST', url, payload, headers: {} as never })).statusCode).toBe(201);
      const signedOut = await withApp(db, (pub) => pub.inject({ method: 'POST', url, payload }), {
        as: 'public',
      });
      expect(signedOut.statusCode).toBe(401);
      const other = await app.inject({ method: 'POST', url, payload, headers: who.otherAdmin });
      expect(other.statusCode).toBe(403);
      const badUnit = await app.inject({
        method: 'POST',
        url,
        payload: { ...payload, unitId: UNKNOWN },
        headers: who.staff,
      });
      expect(badUnit.statusCode).toBe(404);
      expect(body<ErrorJson>(badUnit).error.details?.field).toBe('unitId');
      const noTitle = await app.inject({ method: 'POST', url, payload: { title: ' ' }, headers: who.staff });
      expect(noTitle.statusCode).toBe(400);
      expect(body<ErrorJson>(noTitle).error.details?.field).toBe('title');
    });
  });

  test('its lead, sponsor or coach and QI leads change it; others may not; stage changes are audited', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const who = await signInAll(app, w.people);
      const started = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${w.a.odsCode}/projects`,
        payload: { title: 'Falls' },
        headers: who.staff,
      });
      const id = body<ProjectView>(started).id;
      const patch = (headers: Record<string, string>, payload: object): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'PATCH', url: `/api/v1/projects/${id}`, payload, headers });

      const byLead = await patch(who.staff, { stage: 'planning', aimWhat: 'Fewer falls' });
      expect(byLead.statusCode, byLead.body).toBe(200);
      expect(body<ProjectView>(byLead)).toMatchObject({ stage: 'planning', aim: { what: 'Fewer falls' } });
      const [stage] = await audits(db, 'project.stage', id);
      expect(stage!.summary).toContain('from idea to planning');
      expect(stage!.before).toMatchObject({ stage: 'idea' });
      expect(stage!.after).toMatchObject({ stage: 'planning', aimWhat: 'Fewer falls' });

      const notOnTeam = await patch(who.nurse, { title: 'Mine now' });
      expect(notOnTeam.statusCode).toBe(403);
      expect(body<ErrorJson>(notOnTeam).error.message).toContain("project's lead, sponsor or coach");
      expect((await patch(who.improver, { title: 'x' })).statusCode).toBe(403);
      expect((await patch(who.otherAdmin, { title: 'x' })).statusCode).toBe(404);
      const byQiLead = await patch(who.qiLead, { problem: 'Falls at night' });
      expect(byQiLead.statusCode).toBe(200);
      const [update] = await audits(db, 'project.update', id);
      expect(update!.after).toEqual({ problem: 'Falls at night' });

      // The nurse joins as a member: works on it but does not manage it; as coach, manages it.
      const added = await app.inject({
        method: 'POST',
        url: `/api/v1/projects/${id}/team`,
        payload: { userId: w.people.nurse.id, role: 'member' },
        headers: who.staff,
      });
      expect(added.statusCode, added.body).toBe(201);
      expect((await patch(who.nurse, { title: 'x' })).statusCode).toBe(403);
      const coach = await app.inject({
        method: 'PATCH',
        url: `/api/v1/projects/${id}/team/${w.people.nurse.id}`,
        payload: { role: 'coach' },
        headers: who.qiLead,
      });
      expect(body<{ items: { userId: string; role: string }[] }>(coach).items).toEqual([
        expect.objectContaining({ userId: w.people.staff.id, role: 'lead' }),
        expect.objectContaining({ userId: w.people.nurse.id, role: 'coach' }),
      ]);
      expect((await patch(who.nurse, { title: 'Renamed by the coach' })).statusCode).toBe(200);

      const invalid = await patch(who.staff, { stage: 'finished' });
      expect(invalid.statusCode).toBe(400);
      expect(body<ErrorJson>(invalid).error.details?.field).toBe('stage');
    });
  });

  test('the team: members of the organisation only, once each, and a project keeps a lead', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const who = await signInAll(app, w.people);
      const id = body<ProjectView>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/projects`,
          payload: { title: 'Falls' },
          headers: who.staff,
        }),
      ).id;
      const team = `/api/v1/projects/${id}/team`;
      const outsider = await app.inject({
        method: 'POST',
        url: team,
        payload: { userId: w.people.otherAdmin.id, role: 'sponsor' },
        headers: who.staff,
      });
      expect(outsider.statusCode).toBe(404);
      expect(body<ErrorJson>(outsider).error.details?.field).toBe('userId');
      const add = (userId: string, role: string): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'POST', url: team, payload: { userId, role }, headers: who.staff });
      expect((await add(w.people.improver.id, 'sponsor')).statusCode).toBe(201);
      expect((await add(w.people.improver.id, 'member')).statusCode).toBe(409);
      const demote = await app.inject({
        method: 'PATCH',
        url: `${team}/${w.people.staff.id}`,
        payload: { role: 'member' },
        headers: who.staff,
      });
      expect(demote.statusCode).toBe(409);
      expect(body<ErrorJson>(demote).error.message).toContain('needs a lead');
      expect(
        (await app.inject({ method: 'DELETE', url: `${team}/${w.people.staff.id}`, headers: who.staff }))
          .statusCode,
      ).toBe(409);
      const removed = await app.inject({
        method: 'DELETE',
        url: `${team}/${w.people.improver.id}`,
        headers: who.staff,
      });
      expect(body<{ items: unknown[] }>(removed).items).toHaveLength(1);
      expect((await audits(db, 'project.team_add', id)).length).toBe(1);
      expect((await audits(db, 'project.team_remove', id)).length).toBe(1);
      expect(
        (await app.inject({ method: 'DELETE', url: `${team}/${w.people.improver.id}`, headers: who.staff }))
          .statusCode,
      ).toBe(404);
    });
  });

  test('measures: the organisation’s readable series only; goals: the organisation’s only', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const who = await signInAll(app, w.people);
      const id = body<ProjectView>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/projects`,
          payload: { title: 'Falls', visibility: 'internal' },
          headers: who.staff,
        }),
      ).id;
      const link = (seriesId: string, kind: string, headers = who.staff): Promise<LightMyRequestResponse> =>
        app.inject({
          method: 'PUT',
          url: `/api/v1/projects/${id}/measures/${seriesId}`,
          payload: { kind },
          headers,
        });
      const outcome = await link(w.fallsSeries.id, 'outcome');
      expect(outcome.statusCode, outcome.body).toBe(200);
      expect(body<{ items: unknown[] }>(outcome).items).toEqual([
        expect.objectContaining({
          seriesId: w.fallsSeries.id,
          kind: 'outcome',
          position: 0,
          unitId: w.unit.id,
        }),
      ]);
      // Another organisation's series, and a private one staff may not read: as unknown.
      const other = await link(w.otherSeries.id, 'process');
      sameAsUnknown(other, await link(UNKNOWN, 'process'), w.otherSeries.id);
      expect(body<ErrorJson>(other).error.details?.field).toBe('seriesId');
      expect((await link(w.secretSeries.id, 'balancing')).statusCode).toBe(404);
      // A QI lead reads it, and links it; staff still do not see it in the story.
      expect((await link(w.secretSeries.id, 'balancing', who.qiLead)).statusCode).toBe(200);
      const forStaff = body<ProjectView>(
        await app.inject({ url: `/api/v1/projects/${id}`, headers: who.staff }),
      );
      expect(forStaff.measures.map((m) => m.seriesId)).toEqual([w.fallsSeries.id]);
      expect(forStaff.charts.map((c) => c.seriesId)).toEqual([w.fallsSeries.id]);
      expect(forStaff.charts[0]!.chart!.analysis.points).toHaveLength(24);
      expect(forStaff.charts[0]!.chart!.icons.variation).toBeDefined();
      const forLead = body<ProjectView>(
        await app.inject({ url: `/api/v1/projects/${id}`, headers: who.qiLead }),
      );
      expect(forLead.measures.map((m) => [m.seriesId, m.kind, m.position])).toEqual([
        [w.fallsSeries.id, 'outcome', 0],
        [w.secretSeries.id, 'balancing', 1],
      ]);
      const unlinked = await app.inject({
        method: 'DELETE',
        url: `/api/v1/projects/${id}/measures/${w.secretSeries.id}`,
        headers: who.qiLead,
      });
      expect(unlinked.statusCode).toBe(204);
      expect((await audits(db, 'project.measure_link', id)).length).toBe(2);
      expect((await audits(db, 'project.measure_unlink', id)).length).toBe(1);

      const goal = (goalId: string): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'PUT', url: `/api/v1/projects/${id}/goals/${goalId}`, headers: who.staff });
      const linked = await goal(w.goal.id);
      expect(linked.statusCode, linked.body).toBe(200);
      expect(body<{ items: { id: string }[] }>(linked).items.map((g) => g.id)).toEqual([w.goal.id]);
      sameAsUnknown(await goal(w.otherGoal.id), await goal(UNKNOWN), w.otherGoal.id);
      const story = body<ProjectView>(
        await app.inject({ url: `/api/v1/projects/${id}`, headers: who.staff }),
      );
      expect(story.goals).toEqual([
        { id: w.goal.id, title: 'Fewer falls', target: 8, deadline: '2026-03-31' },
      ]);
      const unlink = await app.inject({
        method: 'DELETE',
        url: `/api/v1/projects/${id}/goals/${w.goal.id}`,
        headers: who.staff,
      });
      expect(unlink.statusCode).toBe(204);
    });
  });

  test('visibility: private for the team and QI leads, internal for members, public for all; hidden is as unknown', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const who = await signInAll(app, w.people);
      const start = async (visibility: string): Promise<string> =>
        body<ProjectView>(
          await app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${w.a.odsCode}/projects`,
            payload: { title: `A ${visibility} project`, visibility },
            headers: who.staff,
          }),
        ).id;
      const priv = await start('private');
      const int = await start('internal');
      const pub = await start('public');
      const status = async (id: string, headers: Record<string, string>): Promise<number> =>
        (await app.inject({ url: `/api/v1/projects/${id}`, headers })).statusCode;
      expect(await status(priv, who.staff)).toBe(200); // its lead
      expect(await status(priv, who.qiLead)).toBe(200);
      expect(await status(priv, who.improver)).toBe(404);
      expect(await status(priv, who.nurse)).toBe(404);
      expect(await status(int, who.nurse)).toBe(200);
      expect(await status(int, who.otherAdmin)).toBe(404);
      expect(await status(pub, who.otherAdmin)).toBe(200);
      sameAsUnknown(
        await app.inject({ url: `/api/v1/projects/${priv}`, headers: who.improver }),
        await app.inject({ url: `/api/v1/projects/${UNKNOWN}`, headers: who.improver }),
        priv,
      );
      const publicView = await withApp(db, (anon) => anon.inject({ url: `/api/v1/projects/${pub}` }), {
        as: 'public',
      });
      expect(publicView.statusCode).toBe(200);
      // The portfolio lists what each may see.
      const list = async (headers: Record<string, string>): Promise<string[]> =>
        body<{ items: { id: string }[] }>(
          await app.inject({ url: `/api/v1/organisations/${w.a.odsCode}/projects`, headers }),
        ).items.map((p) => p.id);
      expect(new Set(await list(who.nurse))).toEqual(new Set([int, pub]));
      expect(new Set(await list(who.qiLead))).toEqual(new Set([priv, int, pub]));
      expect(await list(who.otherAdmin)).toEqual([pub]);
      // A private project's team member, not a QI lead, reads it.
      await app.inject({
        method: 'POST',
        url: `/api/v1/projects/${priv}/team`,
        payload: { userId: w.people.improver.id, role: 'member' },
        headers: who.staff,
      });
      expect(await status(priv, who.improver)).toBe(200);
    });
  });
});
