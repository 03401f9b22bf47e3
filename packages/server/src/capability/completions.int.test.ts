/**
 * Training records over HTTP: coaches (QI leads, administrators, and anyone holding the top level)
 * record them; a person sees their own, coaches everyone's; a person declares their own, which
 * counts only once a coach confirms it, and a coach may reject it; everything is audited.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents } from '../db/schema.js';
import type { Api } from '../http/types.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { capabilityWorld, defineCurriculum } from '../test-support/capability.js';
import { describeEachEngine } from '../test-support/database.js';
import type { CompletionView } from './schemas.js';

type List = { coach: boolean; items: CompletionView[] };

function recorder(app: Api, ref: string) {
  return (headers: Record<string, string>, payload: object): Promise<LightMyRequestResponse> =>
    app.inject({ method: 'POST', url: `/api/v1/organisations/${ref}/completions`, headers, payload });
}

describeEachEngine('capability completions', ({ test }) => {
  test('coaches record training; people see their own; others are refused', async ({ db }) => {
    const w = await capabilityWorld(db);
    await withApp(
      db,
      async (app) => {
        const c = await defineCurriculum(app, w.a.odsCode, w.people.qiLead.headers);
        const record = recorder(app, w.a.odsCode);
        const list = (headers: Record<string, string>, query = ''): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'GET',
            url: `/api/v1/organisations/${w.a.odsCode}/completions${query}`,
            headers,
          });

        // a member of staff is not a coach yet
        const notYet = await record(w.people.coach.headers, {
          userId: w.people.nurse.id,
          courseId: c.courses.F1,
          completedOn: '2025-01-10',
        });
        expect(notYet.statusCode).toBe(403);

        // the QI lead makes Cora a coach by recording every required course up to the top level
        for (const code of ['F1', 'F2', 'P1', 'A1', 'C1']) {
          const made = await record(w.people.qiLead.headers, {
            userId: w.people.coach.id,
            courseId: c.courses[code],
            completedOn: '2025-01-01',
          });
          expect(made.statusCode, made.body).toBe(204);
        }
        const asCoach = await record(w.people.coach.headers, {
          userId: w.people.nurse.id,
          courseId: c.courses.F1,
          completedOn: '2025-01-10',
        });
        expect(asCoach.statusCode, asCoach.body).toBe(204);
        const [audit] = await db
          .select()
          .from(auditEvents)
          .where(
            and(eq(auditEvents.action, 'completion.record'), eq(auditEvents.actorId, w.people.coach.id)),
          );
        expect(audit).toMatchObject({ organisationId: w.a.id, entityId: c.courses.F1 });

        // bad input: a 400 naming the field
        const future = await record(w.people.qiLead.headers, {
          userId: w.people.nurse.id,
          courseId: c.courses.F2,
          completedOn: '2999-01-01',
        });
        expect(future.statusCode).toBe(400);
        expect(body<ErrorJson>(future).error.details?.field).toBe('completedOn');
        const stranger = await record(w.people.qiLead.headers, {
          userId: w.people.other.id,
          courseId: c.courses.F2,
          completedOn: '2025-01-01',
        });
        expect(stranger.statusCode).toBe(400);
        expect(body<ErrorJson>(stranger).error.details?.field).toBe('userId');
        const otherOrgs = await record(w.people.other.headers, {
          userId: w.people.nurse.id,
          courseId: c.courses.F2,
          completedOn: '2025-01-01',
        });
        expect(otherOrgs.statusCode).toBe(403);

        // the nurse sees her own record only
        const own = await list(w.people.nurse.headers);
        expect(own.statusCode).toBe(200);
        expect(body<List>(own)).toMatchObject({ coach: false });
        expect(body<List>(own).items.map((i) => [i.userName, i.courseCode, i.source, i.counts])).toEqual([
          ['Nurse Nia', 'F1', 'entered', true],
        ]);
        expect((await list(w.people.nurse.headers, `?user=${w.people.coach.id}`)).statusCode).toBe(403);
        // coaches see everyone's
        const all = body<List>(await list(w.people.coach.headers));
        expect(all.coach).toBe(true);
        expect(new Set(all.items.map((i) => i.userName))).toEqual(new Set(['Coach Cora', 'Nurse Nia']));
        expect((await list(w.people.other.headers)).statusCode).toBe(403);
        expect(
          (await app.inject({ method: 'GET', url: `/api/v1/organisations/${w.a.odsCode}/completions` }))
            .statusCode,
        ).toBe(401);
      },
      { as: 'public' },
    );
  }, 120_000);

  test('a declared course counts once a coach confirms it; a coach may reject one', async ({ db }) => {
    const w = await capabilityWorld(db);
    await withApp(
      db,
      async (app) => {
        const c = await defineCurriculum(app, w.a.odsCode, w.people.qiLead.headers);
        const ref = w.a.odsCode;
        const declare = (
          headers: Record<string, string>,
          courseId: string,
          completedOn: string,
        ): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${ref}/completions/declare`,
            headers,
            payload: { courseId, completedOn },
          });
        const mine = async (headers: Record<string, string>): Promise<CompletionView[]> =>
          body<List>(
            await app.inject({ method: 'GET', url: `/api/v1/organisations/${ref}/completions`, headers }),
          ).items;

        expect((await declare(w.people.nurse.headers, c.courses.F1!, '2025-03-01')).statusCode).toBe(204);
        expect((await declare(w.people.nurse.headers, c.courses.F2!, '2025-03-02')).statusCode).toBe(204);
        expect((await mine(w.people.nurse.headers)).map((i) => [i.courseCode, i.source, i.counts])).toEqual([
          ['F1', 'self_declared', false],
          ['F2', 'self_declared', false],
        ]);
        // declared only: Ward 7 has no one trained at foundation level
        const capability = async (): Promise<{ trained: number; staff: number }> =>
          body<{ units: { name: string; levels: { trained: number; staff: number }[] }[] }>(
            await app.inject({
              method: 'GET',
              url: `/api/v1/organisations/${ref}/capability`,
              headers: w.people.nurse.headers,
            }),
          ).units.find((u) => u.name === 'Ward 7')!.levels[0]!;
        expect(await capability()).toEqual(expect.objectContaining({ trained: 0, staff: 1 }));

        const pending = body<List>(
          await app.inject({
            method: 'GET',
            url: `/api/v1/organisations/${ref}/completions?pending=true`,
            headers: w.people.qiLead.headers,
          }),
        );
        expect(pending.items).toHaveLength(2);

        const confirm = (
          headers: Record<string, string>,
          courseId: string,
          userId: string,
        ): Promise<LightMyRequestResponse> =>
          app.inject({
            method: 'POST',
            url: `/api/v1/courses/${courseId}/completions/${userId}/confirm`,
            headers,
          });
        // a member of staff who is not a coach may not confirm
        expect((await confirm(w.people.porter.headers, c.courses.F1!, w.people.nurse.id)).statusCode).toBe(
          403,
        );
        expect((await confirm(w.people.qiLead.headers, c.courses.F1!, w.people.nurse.id)).statusCode).toBe(
          204,
        );
        expect((await confirm(w.people.qiLead.headers, c.courses.F1!, w.people.nurse.id)).statusCode).toBe(
          409,
        );
        expect((await confirm(w.people.qiLead.headers, c.courses.F2!, w.people.nurse.id)).statusCode).toBe(
          204,
        );
        expect(await capability()).toEqual(expect.objectContaining({ trained: 1, staff: 1 }));
        const [confirmed] = (await mine(w.people.nurse.headers)).filter((i) => i.courseCode === 'F1');
        expect(confirmed).toMatchObject({ counts: true, confirmedBy: 'QI Lead' });

        // declaring a course already on the record is a conflict
        expect((await declare(w.people.nurse.headers, c.courses.F1!, '2025-03-01')).statusCode).toBe(409);

        // a coach may not confirm their own declaration
        expect((await declare(w.people.qiLead.headers, c.courses.P1!, '2025-03-01')).statusCode).toBe(204);
        const own = await confirm(w.people.qiLead.headers, c.courses.P1!, w.people.qiLead.id);
        expect(own.statusCode).toBe(403);

        // reject: the declaration is removed, and audited
        expect((await declare(w.people.porter.headers, c.courses.F1!, '2025-04-01')).statusCode).toBe(204);
        const reject = await app.inject({
          method: 'DELETE',
          url: `/api/v1/courses/${c.courses.F1}/completions/${w.people.porter.id}`,
          headers: w.people.admin.headers,
        });
        expect(reject.statusCode, reject.body).toBe(204);
        expect(await mine(w.people.porter.headers)).toEqual([]);
        const [rejected] = await db
          .select()
          .from(auditEvents)
          .where(
            and(eq(auditEvents.action, 'completion.reject'), eq(auditEvents.actorId, w.people.admin.id)),
          );
        expect(rejected).toBeDefined();
        // the nurse may not remove her confirmed record herself
        const removeOwn = await app.inject({
          method: 'DELETE',
          url: `/api/v1/courses/${c.courses.F1}/completions/${w.people.nurse.id}`,
          headers: w.people.nurse.headers,
        });
        expect(removeOwn.statusCode).toBe(403);
      },
      { as: 'public' },
    );
  }, 120_000);
});
