/**
 * People's units from a CSV file: every bad row is reported with its row and column and nothing is
 * written if any row is bad; a dry run only checks; a good file sets the units, is audited once and
 * moves capability by unit (the unit's denominator) in the same transaction; people missing from
 * the file keep their unit unless `replace` is asked for. QI leads and administrators only.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents, staffUnits } from '../db/schema.js';
import { body, withApp } from '../test-support/app.js';
import { capabilityWorld, defineCurriculum } from '../test-support/capability.js';
import { describeEachEngine } from '../test-support/database.js';
import { createUnit } from '../units/repository.js';

interface Problems {
  error: {
    code: string;
    message: string;
    details: { field: string; issues: { field: string; message: string }[] };
  };
}

interface Overview {
  units: { unitId: string; levels: { trained: number; staff: number }[] }[];
  organisation: { levels: { trained: number; staff: number }[] } | null;
}

describeEachEngine('capability: people’s units from CSV', ({ test }) => {
  test('reports every bad row and writes nothing; checks; sets units and moves capability', async ({
    db,
  }) => {
    const w = await capabilityWorld(db);
    // a second "Ward 7" elsewhere in the tree: the name alone is ambiguous
    const surgery = await createUnit(db, { organisationId: w.a.id, kind: 'division', name: 'Surgery' });
    await createUnit(db, { organisationId: w.a.id, parentId: surgery.id, kind: 'ward', name: 'Ward 7' });
    await withApp(
      db,
      async (app) => {
        const c = await defineCurriculum(app, w.a.odsCode, w.people.qiLead.headers);
        const lead = w.people.qiLead.headers;
        for (const code of ['F1', 'F2']) {
          const r = await app.inject({
            method: 'POST',
            url: `/api/v1/organisations/${w.a.odsCode}/completions`,
            headers: lead,
            payload: { userId: w.people.nurse.id, courseId: c.courses[code], completedOn: '2025-01-10' },
          });
          expect(r.statusCode, r.body).toBe(204);
        }
        const url = `/api/v1/organisations/${w.a.odsCode}/capability/people/import`;
        const send = (
          payload: { csv: string; dryRun?: boolean; replace?: boolean },
          headers = lead,
        ): Promise<LightMyRequestResponse> => app.inject({ method: 'POST', url, headers, payload });
        const overview = async (): Promise<Overview> =>
          body<Overview>(
            await app.inject({
              method: 'GET',
              url: `/api/v1/organisations/${w.a.odsCode}/capability`,
              headers: w.people.nurse.headers,
            }),
          );
        const ward7 = async (): Promise<string> =>
          (await overview()).units
            .find((u) => u.unitId === w.ward7.id)!
            .levels.map((l) => `${l.trained}/${l.staff}`)[0]!;
        const stored = async (): Promise<string[]> =>
          (await db.select().from(staffUnits).where(eq(staffUnits.organisationId, w.a.id)))
            .map((r) => `${r.userId}:${r.unitId}:${r.since}`)
            .sort();
        expect(await ward7()).toBe('1/1');
        const before = await stored();

        const bad = await send({
          csv: [
            'Email,Unit,Since',
            `${w.people.porter.email},Medicine / Ward 7,`,
            'nobody@nowhere.test,Ward 8,',
            `${w.people.other.email},Ward 8,`,
            `${w.people.coach.email},Ward 99,`,
            `${w.people.admin.email},ward 7,`,
            `${w.people.porter.email.toUpperCase()},Ward 8,`,
            ',,',
            `${w.people.executive.email},Ward 8,31/02/2025`,
          ].join('\n'),
        });
        expect(bad.statusCode, bad.body).toBe(400);
        const problems = body<Problems>(bad).error;
        expect(problems.message).toMatch(/8 problems in the file: nothing was changed/);
        expect(problems.details.issues.map((i) => i.field)).toEqual([
          'row 3, email',
          'row 4, email',
          'row 5, unit',
          'row 6, unit',
          'row 7, email',
          'row 8, email',
          'row 8, unit',
          'row 9, since',
        ]);
        const messages = problems.details.issues.map((i) => i.message);
        expect(messages[0]).toContain('nobody@nowhere.test');
        expect(messages[1]).toMatch(/not an active member of Training Trust/);
        expect(messages[2]).toContain('Ward 99');
        expect(messages[3]).toMatch(/2 units are called ward 7.*Medicine \/ Ward 7; Surgery \/ Ward 7/);
        expect(messages[4]).toBe(`Row 2 already has ${w.people.porter.email}.`);
        expect(messages[7]).toContain('31/02/2025');
        expect(await stored()).toEqual(before);

        const noColumn = await send({ csv: `email\n${w.people.nurse.email}` });
        expect(body<Problems>(noColumn).error.details.issues).toEqual([
          { field: 'row 1, unit', message: 'The header has no unit column.' },
        ]);

        const good = [
          'email,unit',
          `${w.people.nurse.email},medicine/ward 7`, // already there: unchanged
          `${w.people.porter.email},Medicine / Ward 7`, // moved from ward 8
          `${w.people.coach.email},${w.ward7.id}`, // by id: had no unit
          `${w.people.admin.email.toUpperCase()},medicine`,
        ].join('\r\n');

        // a dry run says what would change and writes nothing
        const check = await send({ csv: good, dryRun: true });
        expect(check.statusCode, check.body).toBe(200);
        expect(body(check)).toEqual({
          dryRun: true,
          rows: 4,
          assigned: 2,
          moved: 1,
          unchanged: 1,
          cleared: 0,
        });
        expect(await stored()).toEqual(before);
        expect(await ward7()).toBe('1/1');

        // staff may not; another organisation's administrator may not
        expect((await send({ csv: good }, w.people.nurse.headers)).statusCode).toBe(403);
        expect((await send({ csv: good }, w.people.other.headers)).statusCode).toBe(403);
        expect(await stored()).toEqual(before);

        const done = await send({ csv: good });
        expect(done.statusCode, done.body).toBe(200);
        expect(body(done)).toEqual({
          dryRun: false,
          rows: 4,
          assigned: 2,
          moved: 1,
          unchanged: 1,
          cleared: 0,
        });
        // the unit's capability measure moved in the same request: 1 trained of 3 staff now
        expect(await ward7()).toBe('1/3');
        expect((await overview()).organisation!.levels[0]).toMatchObject({ trained: 1, staff: 4 });
        const nurseRow = await db.select().from(staffUnits).where(eq(staffUnits.userId, w.people.nurse.id));
        expect(nurseRow[0]!.since).toBe('2024-01-01'); // unchanged rows keep their day
        const audits = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'staff_unit.import'), eq(auditEvents.organisationId, w.a.id)));
        expect(audits).toHaveLength(1);
        expect(audits[0]!.after).toMatchObject({ rows: 4, assigned: 2, moved: 1, unchanged: 1, cleared: 0 });

        // people missing from a file keep their unit, unless replace is asked for
        const only = `email,unit\n${w.people.nurse.email},${w.ward7.id}\n`;
        expect(body(await send({ csv: only }))).toMatchObject({ unchanged: 1, cleared: 0 });
        expect(await ward7()).toBe('1/3');
        expect(body(await send({ csv: only, replace: true, dryRun: true }))).toMatchObject({ cleared: 3 });
        expect(await ward7()).toBe('1/3');
        expect(body(await send({ csv: only, replace: true }))).toMatchObject({ unchanged: 1, cleared: 3 });
        expect(await ward7()).toBe('1/1');
        expect((await stored()).map((s) => s.split(':')[0])).toEqual([w.people.nurse.id]);
      },
      { as: 'public' },
    );
  }, 120_000);
});
