/**
 * Free-text comments: QI leads and administrators read every shown group's comments, a unit lead
 * those of their unit and the units under it, staff none (403), other organisations and the public
 * nothing at all (404); comments of suppressed groups (small or complementary) and of months not
 * yet final are never shown;
 * and no comment appears in the results, the exports or the public link.
 */
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { measureSeries } from '../db/schema.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { answer, movableClock, startSurvey, surveyWorld } from '../test-support/surveys.js';

type Comments = { items: { unit: { name: string }; period: string; text: string }[] };

describeEachEngine('survey comments', ({ test }) => {
  test('only allowed roles read comments, only of shown final groups, and never in results or exports', async ({
    db,
  }) => {
    const w = await surveyWorld(db);
    const clock = movableClock('2026-06-03T10:00:00Z');
    await withApp(
      db,
      async (app) => {
        const s = await startSurvey(app, w, {
          ward: w.ward.id,
          surgery: w.surgery.id,
          medicine: w.medicine.id,
        });
        await answer(app, s.tokens.ward!, { yes: 6, no: 1 }, 'Supportive team on Ward 7');
        await answer(app, s.tokens.surgery!, { yes: 8 }, 'Great theatre staff');
        await answer(app, s.tokens.medicine!, { yes: 3, no: 2 }, 'Medicine is busy but kind');
        const url = `/api/v1/surveys/${s.id}/comments`;

        // June is still collecting: no comment is shown yet, to anyone.
        expect(body<Comments>(await app.inject({ method: 'GET', url, headers: w.who.qiLead })).items).toEqual(
          [],
        );

        // July: Surgery's 2 answers are too few, and Ward 7 is hidden with them (complementary).
        clock.set('2026-07-03T10:00:00Z');
        await answer(app, s.tokens.ward!, { yes: 7 }, 'Too few of us in July');
        await answer(app, s.tokens.surgery!, { no: 2 }, 'Short staffed in theatre');

        clock.set('2026-08-01T00:00:00Z');
        const read = async (headers: Record<string, string>): Promise<LightMyRequestResponse> =>
          app.inject({ method: 'GET', url, headers });
        const texts = async (headers: Record<string, string>): Promise<string[]> =>
          body<Comments>(await read(headers)).items.map((c) => c.text);
        const june = ['Great theatre staff', 'Medicine is busy but kind', 'Supportive team on Ward 7'];
        expect(await texts(w.who.qiLead)).toEqual(june);
        expect(await texts(w.who.admin)).toEqual(june);
        // The Medicine lead leads Ward 7 too (it is under Medicine); the Surgery lead only Surgery.
        expect(await texts(w.who.medicineLead)).toEqual([
          'Medicine is busy but kind',
          'Supportive team on Ward 7',
        ]);
        expect(await texts(w.who.surgeryLead)).toEqual(['Great theatre staff']);
        for (const who of [w.who.nurse, w.who.improver]) expect((await read(who)).statusCode).toBe(403);
        const hidden = await read(w.who.otherAdmin);
        expect(hidden.statusCode).toBe(404);
        expect((await read(w.who.commissioner)).statusCode).toBe(404);
        expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
        expect(hidden.body).not.toContain('Ward 7');

        // Nowhere else: results, the link, the published series' routes.
        const bodies = [
          (await app.inject({ method: 'GET', url: `/api/v1/surveys/${s.id}/results`, headers: w.who.admin }))
            .body,
          (await app.inject({ method: 'GET', url: `/api/v1/surveys/${s.id}`, headers: w.who.admin })).body,
          (await app.inject({ method: 'GET', url: `/api/v1/survey-links/${s.tokens.ward}` })).body,
        ];
        for (const one of await db
          .select()
          .from(measureSeries)
          .where(eq(measureSeries.measureId, s.measureId))) {
          for (const path of [
            'observations',
            'analysis',
            'export.json',
            'export.csv',
            'fhir',
            'annotations',
          ]) {
            bodies.push(
              (
                await app.inject({
                  method: 'GET',
                  url: `/api/v1/series/${one.id}/${path}`,
                  headers: w.who.admin,
                })
              ).body,
            );
          }
        }
        bodies.push(
          (
            await app.inject({
              method: 'GET',
              url: `/api/v1/organisations/${w.a.odsCode}/dashboard`,
              headers: w.who.admin,
            })
          ).body,
        );
        for (const text of bodies) {
          for (const comment of [
            'Supportive team',
            'Great theatre',
            'Medicine is busy',
            'Too few of us',
            'Short staffed',
          ])
            expect(text).not.toContain(comment);
        }
      },
      { as: 'public', now: clock.now },
    );
  }, 120_000);
});
