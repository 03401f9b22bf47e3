/**
 * Triage over HTTP: unit leads (their unit and below), QI leads and administrators decide, with a
 * reason required once decided and shown to everyone; the author is notified of every change of
 * status (never the author of an anonymous idea); taken forward as a project, the idea becomes a
 * project linked both ways; everything audited.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents, notifications } from '../db/schema.js';
import type { ProjectView } from '../projects/schemas.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import type { IdeaView } from './schemas.js';
import { headersOf, ideaWorld } from '../test-support/ideas.js';

describeEachEngine('idea triage', ({ test }) => {
  test('unit leads triage their unit’s ideas and below, QI leads any; a reason once decided; the author is told', async ({
    db,
  }) => {
    const w = await ideaWorld(db);
    await withApp(db, async (app) => {
      const who = headersOf(w.people);
      const submit = async (unitId: string | null, anonymous = false): Promise<string> => {
        const response = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/ideas`,
          payload: { problem: 'Night-time falls', proposal: 'Hourly rounding at night', unitId, anonymous },
          headers: who.nurse,
        });
        return body<IdeaView>(response).id;
      };
      const onWard = await submit(w.ward.id);
      const trustWide = await submit(null);
      const triage = (
        headers: Record<string, string>,
        id: string,
        payload: object,
      ): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'POST', url: `/api/v1/ideas/${id}/triage`, payload, headers });

      expect((await triage(who.nurse, onWard, { status: 'under_review' })).statusCode).toBe(403);
      expect((await triage(who.improver, onWard, { status: 'under_review' })).statusCode).toBe(403);
      expect((await triage(who.surgeryLead, onWard, { status: 'under_review' })).statusCode).toBe(403);
      expect((await triage(who.medicineLead, trustWide, { status: 'under_review' })).statusCode).toBe(403);
      expect((await triage(who.otherAdmin, onWard, { status: 'under_review' })).statusCode).toBe(404);

      const review = await triage(who.medicineLead, onWard, {
        status: 'under_review',
        reason: 'Looking at staffing',
      });
      expect(review.statusCode, review.body).toBe(200);
      expect(body<IdeaView>(review)).toMatchObject({
        status: 'under_review',
        statusReason: 'Looking at staffing',
      });

      const noReason = await triage(who.medicineLead, onWard, { status: 'not_taken_forward', reason: ' ' });
      expect(noReason.statusCode).toBe(400);
      expect(body<ErrorJson>(noReason).error.details?.field).toBe('reason');
      const projectWithoutForward = await triage(who.qiLead, onWard, {
        status: 'under_review',
        takeForwardAsProject: true,
      });
      expect(projectWithoutForward.statusCode).toBe(400);
      expect(body<ErrorJson>(projectWithoutForward).error.details?.field).toBe('takeForwardAsProject');
      const badStatus = await triage(who.qiLead, onWard, { status: 'new' });
      expect(body<ErrorJson>(badStatus).error.details?.field).toBe('status');

      const declined = await triage(who.qiLead, trustWide, {
        status: 'not_taken_forward',
        reason: 'Rounding already happens hourly',
      });
      expect(declined.statusCode, declined.body).toBe(200);
      // The reason is shown to everyone in the organisation ("you said, we did").
      const seen = await app.inject({
        method: 'GET',
        url: `/api/v1/ideas/${trustWide}`,
        headers: who.porter,
      });
      expect(body<IdeaView>(seen)).toMatchObject({
        status: 'not_taken_forward',
        statusReason: 'Rounding already happens hourly',
      });
      expect(body<IdeaView>(seen).triagedAt).not.toBeNull();

      // The same status again with a new reason: no new notification.
      await triage(who.admin, onWard, { status: 'under_review', reason: 'Still looking' });
      const told = await db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, w.people.nurse.id))
        .orderBy(notifications.createdAt);
      expect(told.map((n) => n.text)).toEqual([
        "Your idea 'Hourly rounding at night' is now under review: Looking at staffing",
        "Your idea 'Hourly rounding at night' is now not taken forward: Rounding already happens hourly",
      ]);
      expect(told.map((n) => n.link)).toEqual([`/ideas/${onWard}`, `/ideas/${trustWide}`]);
      expect(
        told.every((n) => n.kind === 'idea.status' && n.emailedAt === null && n.organisationId === w.a.id),
      ).toBe(true);
      const mine = await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: who.nurse });
      expect(body<{ unread: number }>(mine).unread).toBe(2);

      const events = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'idea.triage'), eq(auditEvents.entityId, onWard)))
        .orderBy(auditEvents.id);
      expect(events.map((e) => [e.actorId, e.summary])).toEqual([
        [w.people.medicineLead.id, 'Moved an idea from new to under review'],
        [w.people.admin.id, 'Changed the reason for an idea under review'],
      ]);
      expect(events[0]!.after).toMatchObject({ status: 'under_review', statusReason: 'Looking at staffing' });
    });
  });

  test('taken forward as a project: the project is started from the idea and linked both ways', async ({
    db,
  }) => {
    const w = await ideaWorld(db);
    await withApp(db, async (app) => {
      const who = headersOf(w.people);
      const created = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${w.a.odsCode}/ideas`,
        payload: {
          problem: 'Patients are woken for 6am observations',
          proposal: 'Let stable patients sleep: observations from 7am',
          unitId: w.ward.id,
          anonymous: false,
        },
        headers: who.porter,
      });
      const id = body<IdeaView>(created).id;
      const forward = (payload: object): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'POST', url: `/api/v1/ideas/${id}/triage`, payload, headers: who.medicineLead });
      const taken = await forward({
        status: 'taken_forward',
        reason: 'A good test of change',
        takeForwardAsProject: true,
      });
      expect(taken.statusCode, taken.body).toBe(200);
      const idea = body<IdeaView>(taken);
      expect(idea.status).toBe('taken_forward');
      expect(idea.projectId).not.toBeNull();

      const project = await app.inject({
        method: 'GET',
        url: `/api/v1/projects/${idea.projectId}`,
        headers: who.porter,
      });
      expect(project.statusCode, project.body).toBe(200);
      expect(body<ProjectView>(project)).toMatchObject({
        title: 'Let stable patients sleep: observations from 7am',
        problem: 'Patients are woken for 6am observations',
        stage: 'idea',
        unit: { id: w.ward.id },
        team: [{ userId: w.people.medicineLead.id, role: 'lead' }],
      });
      const back = await app.inject({
        method: 'GET',
        url: `/api/v1/projects/${idea.projectId}/ideas`,
        headers: who.nurse,
      });
      expect(back.statusCode, back.body).toBe(200);
      expect(body<{ items: IdeaView[] }>(back).items.map((i) => i.id)).toEqual([id]);
      // A commissioner with internal access reads the project, not the idea it came from.
      const commissioner = await app.inject({
        method: 'GET',
        url: `/api/v1/projects/${idea.projectId}/ideas`,
        headers: who.commissioner,
      });
      expect(commissioner.statusCode).toBe(200);
      expect(body<{ items: IdeaView[] }>(commissioner).items).toEqual([]);

      const again = await forward({ status: 'taken_forward', reason: 'Again', takeForwardAsProject: true });
      expect(again.statusCode).toBe(409);
      const actions = await db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.organisationId, w.a.id))
        .orderBy(auditEvents.id);
      expect(actions.map((a) => a.action)).toEqual(['idea.submit', 'project.create', 'idea.triage']);
      const [told] = await db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, w.people.porter.id));
      expect(told!.text).toBe(
        "Your idea 'Let stable patients sleep: observations from 7am' is now taken forward: A good test of change",
      );
    });
  });
});
