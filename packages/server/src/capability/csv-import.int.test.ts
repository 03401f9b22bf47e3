/**
 * Training records from CSV: every bad row is reported with its row and column (unknown emails
 * and course codes named), and nothing is written if any row is bad; a good file is recorded,
 * audited once, and moves capability by unit.
 */
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { auditEvents, courseCompletions } from '../db/schema.js';
import { body, withApp } from '../test-support/app.js';
import { capabilityWorld, defineCurriculum } from '../test-support/capability.js';
import { describeEachEngine } from '../test-support/database.js';
import { readDate } from './csv-import.js';

interface Problems {
  error: {
    code: string;
    message: string;
    details: { field: string; issues: { field: string; message: string }[] };
  };
}

describeEachEngine('capability CSV import', ({ test }) => {
  test('reports every bad row and writes nothing; imports a good file', async ({ db }) => {
    const w = await capabilityWorld(db);
    await withApp(
      db,
      async (app) => {
        const c = await defineCurriculum(app, w.a.odsCode, w.people.qiLead.headers);
        const url = `/api/v1/organisations/${w.a.odsCode}/completions/import`;
        const send = (csv: string, headers = w.people.qiLead.headers): Promise<LightMyRequestResponse> =>
          app.inject({ method: 'POST', url, headers, payload: { csv } });
        const nurse = w.people.nurse.email;
        const porter = w.people.porter.email;

        const bad = await send(
          [
            'Email,Course code,Completed on',
            `${nurse},F1,2025-01-10`,
            'nobody@nowhere.test,F1,2025-01-10',
            `${porter},ZZ9,2025-01-10`,
            `${porter},F2,31/02/2025`,
            `${porter},P1,2999-01-01`,
            `,F1,`,
            `${nurse.toUpperCase()},F1,2025-01-11`,
          ].join('\n'),
        );
        expect(bad.statusCode).toBe(400);
        const problems = body<Problems>(bad).error;
        expect(problems.message).toMatch(/nothing was imported/);
        expect(problems.details.issues.map((i) => i.field)).toEqual([
          'row 3, email',
          'row 4, course',
          'row 5, completed on',
          'row 6, completed on',
          'row 7, email',
          'row 7, completed on',
          'row 8, course',
        ]);
        expect(problems.details.issues[0]!.message).toContain('nobody@nowhere.test');
        expect(problems.details.issues[1]!.message).toContain('ZZ9');
        expect(problems.details.issues[2]!.message).toContain('31/02/2025');
        expect(problems.details.issues[6]!.message).toContain('Row 2');
        const written = await db
          .select()
          .from(courseCompletions)
          .where(eq(courseCompletions.userId, w.people.nurse.id));
        expect(written).toEqual([]);

        const noColumn = await send('email,course\nx@y.z,F1');
        expect(body<Problems>(noColumn).error.details.issues).toEqual([
          { field: 'row 1, completed on', message: 'The header has no completed on column.' },
        ]);

        // staff may not import
        expect(
          (await send(`email,course,completed on\n${nurse},F1,2025-01-10`, w.people.nurse.headers))
            .statusCode,
        ).toBe(403);

        const good = await send(
          [
            'email,course,completed_on',
            `${nurse},F1,2025-01-10`,
            `${nurse},F2,20/02/2025`,
            `${porter},F1,2025-01-05`,
          ].join('\r\n'),
        );
        expect(good.statusCode, good.body).toBe(200);
        expect(body(good)).toEqual({ imported: 3 });
        const rows = await db
          .select()
          .from(courseCompletions)
          .where(eq(courseCompletions.userId, w.people.nurse.id));
        expect(rows.map((r) => [r.courseId, r.completedOn, r.source]).sort()).toEqual(
          [
            [c.courses.F1, '2025-01-10', 'imported'],
            [c.courses.F2, '2025-02-20', 'imported'],
          ].sort(),
        );
        const audits = await db
          .select()
          .from(auditEvents)
          .where(and(eq(auditEvents.action, 'completion.import'), eq(auditEvents.organisationId, w.a.id)));
        expect(audits).toHaveLength(1);
        const overview = body<{ units: { unitId: string; levels: { trained: number; staff: number }[] }[] }>(
          await app.inject({
            method: 'GET',
            url: `/api/v1/organisations/${w.a.odsCode}/capability`,
            headers: w.people.nurse.headers,
          }),
        );
        expect(overview.units.find((u) => u.unitId === w.ward7.id)!.levels[0]).toMatchObject({
          trained: 1,
          staff: 1,
        });
      },
      { as: 'public' },
    );
  }, 120_000);

  test('reads dates as ISO or UK days, and nothing else', async () => {
    expect(readDate('2025-02-28')).toBe('2025-02-28');
    expect(readDate('1/3/2025')).toBe('2025-03-01');
    expect(readDate('2025-02-29')).toBeNull();
    expect(readDate('2025-03')).toBeNull();
    expect(readDate('March 2025')).toBeNull();
    await Promise.resolve();
  });
});
