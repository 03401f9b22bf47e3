/**
 * The curriculum over HTTP: QI leads and administrators define levels and courses; every member of
 * the organisation reads them; others are refused (a hidden level or course is the same 404 as an
 * unknown one); bad input is a 400 naming the field; clashes are 409; changes are audited; a level
 * or course someone has completed cannot be removed.
 */
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents } from '../db/schema.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { capabilityWorld, defineCurriculum } from '../test-support/capability.js';
import { describeEachEngine } from '../test-support/database.js';
import type { LevelView } from './schemas.js';

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

describeEachEngine('capability curriculum', ({ test }) => {
  test('QI leads define it, members read it, others may not', async ({ db }) => {
    const w = await capabilityWorld(db);
    await withApp(
      db,
      async (app) => {
        const url = `/api/v1/organisations/${w.a.odsCode}/curriculum`;
        const c = await defineCurriculum(app, w.a.odsCode, w.people.qiLead.headers);

        const read = await app.inject({ method: 'GET', url, headers: w.people.nurse.headers });
        expect(read.statusCode, read.body).toBe(200);
        const levels = body<{ levels: LevelView[] }>(read).levels;
        expect(levels.map((l) => [l.name, l.rank])).toEqual([
          ['foundation', 1],
          ['practitioner', 2],
          ['advanced', 3],
          ['coach', 4],
        ]);
        expect(levels[0]!.courses.map((x) => [x.code, x.required])).toEqual([
          ['F1', true],
          ['F2', true],
          ['F3', false],
        ]);

        expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
        expect((await app.inject({ method: 'GET', url, headers: w.people.other.headers })).statusCode).toBe(
          403,
        );

        const addAsNurse = await app.inject({
          method: 'POST',
          url: `${url}/levels`,
          headers: w.people.nurse.headers,
          payload: { name: 'expert', rank: 9 },
        });
        expect(addAsNurse.statusCode).toBe(403);
        const addAsAdmin = await app.inject({
          method: 'POST',
          url: `${url}/levels`,
          headers: w.people.admin.headers,
          payload: { name: 'expert', rank: 9 },
        });
        expect(addAsAdmin.statusCode, addAsAdmin.body).toBe(201);

        const clash = await app.inject({
          method: 'POST',
          url: `${url}/levels`,
          headers: w.people.qiLead.headers,
          payload: { name: 'another', rank: 1 },
        });
        expect(clash.statusCode).toBe(409);
        expect(body<ErrorJson>(clash).error.details?.field).toBe('rank');

        const badCode = await app.inject({
          method: 'POST',
          url: `/api/v1/curriculum-levels/${c.levels.foundation}/courses`,
          headers: w.people.qiLead.headers,
          payload: { code: 'has spaces', title: 'x' },
        });
        expect(badCode.statusCode).toBe(400);
        expect(body<ErrorJson>(badCode).error.details?.field).toBe('code');

        const renamed = await app.inject({
          method: 'PATCH',
          url: `/api/v1/curriculum-levels/${c.levels.foundation}`,
          headers: w.people.qiLead.headers,
          payload: { name: 'bronze' },
        });
        expect(renamed.statusCode, renamed.body).toBe(200);
        expect(body<LevelView>(renamed)).toMatchObject({ name: 'bronze', rank: 1 });
        const [audit] = await db
          .select()
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.action, 'curriculum_level.update'),
              eq(auditEvents.entityId, c.levels.foundation!),
            ),
          );
        expect(audit).toMatchObject({ actorId: w.people.qiLead.id, organisationId: w.a.id });

        const optional = await app.inject({
          method: 'PATCH',
          url: `/api/v1/courses/${c.courses.F2}`,
          headers: w.people.qiLead.headers,
          payload: { required: false },
        });
        expect(optional.statusCode).toBe(200);
        expect(body<{ required: boolean }>(optional).required).toBe(false);

        // hidden from another organisation exactly as unknown
        for (const path of [`/curriculum-levels/${c.levels.coach}`, `/courses/${c.courses.C1}`]) {
          const hidden = await app.inject({
            method: 'PATCH',
            url: `/api/v1${path}`,
            headers: w.people.other.headers,
            payload: {},
          });
          const unknownPath = path.replace(/[0-9a-f-]{36}$/, UNKNOWN);
          const unknown = await app.inject({
            method: 'PATCH',
            url: `/api/v1${unknownPath}`,
            headers: w.people.other.headers,
            payload: {},
          });
          expect(hidden.statusCode).toBe(404);
          expect(hidden.body.replaceAll(path.slice(-36), UNKNOWN)).toBe(unknown.body);
        }

        // a course someone completed stays; one no one did goes
        const record = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/completions`,
          headers: w.people.qiLead.headers,
          payload: { userId: w.people.nurse.id, courseId: c.courses.C1, completedOn: '2025-01-01' },
        });
        expect(record.statusCode, record.body).toBe(204);
        const keep = await app.inject({
          method: 'DELETE',
          url: `/api/v1/courses/${c.courses.C1}`,
          headers: w.people.qiLead.headers,
        });
        expect(keep.statusCode).toBe(409);
        const keepLevel = await app.inject({
          method: 'DELETE',
          url: `/api/v1/curriculum-levels/${c.levels.coach}`,
          headers: w.people.qiLead.headers,
        });
        expect(keepLevel.statusCode).toBe(409);
        const gone = await app.inject({
          method: 'DELETE',
          url: `/api/v1/courses/${c.courses.F3}`,
          headers: w.people.qiLead.headers,
        });
        expect(gone.statusCode).toBe(204);
        const goneLevel = await app.inject({
          method: 'DELETE',
          url: `/api/v1/curriculum-levels/${c.levels.advanced}`,
          headers: w.people.qiLead.headers,
        });
        expect(goneLevel.statusCode).toBe(204);
        const after = body<{ levels: LevelView[] }>(
          await app.inject({ method: 'GET', url, headers: w.people.nurse.headers }),
        );
        expect(after.levels.map((l) => l.name)).toEqual(['bronze', 'practitioner', 'coach', 'expert']);
        expect(after.levels[0]!.courses.map((x) => x.code)).toEqual(['F1', 'F2']);
      },
      { as: 'public' },
    );
  }, 120_000);
});
