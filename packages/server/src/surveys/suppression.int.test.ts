/**
 * Small groups never leak: in a month where one ward has too few answers (and another ward is
 * hidden with it so that the total minus the parts shown is not that ward alone), and a month
 * whose total is too small, every route that could show them — the results, the series list,
 * observations, analysis, the dashboard, CSV / JSON / FHIR exports, comparison, funnel — shows
 * only the groups that may be shown, and every total minus its shown parts is either nothing or a
 * group of at least the minimum.
 */
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import { measureSeries } from '../db/schema.js';
import type { Api } from '../http/types.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { answer, movableClock, startSurvey, surveyWorld } from '../test-support/surveys.js';
import type { SurveyCellView, SurveyResultsView } from './schemas.js';

/** Every `"numerator":n` and `"denominator":n` (and, in FHIR, population `"count":n`) in a JSON text. */
function numbersIn(text: string, fhir: boolean): number[] {
  const keys = fhir
    ? /"(?:numerator|denominator|count)":\s*(\d+(?:\.\d+)?)/g
    : /"(?:numerator|denominator)":\s*(\d+(?:\.\d+)?)/g;
  return [...text.matchAll(keys)].map((m) => Number(m[1]));
}

describeEachEngine('survey suppression across every route', ({ test }) => {
  test('a small group, its complementary group and a small month appear nowhere; totals cannot be differenced', async ({
    db,
  }) => {
    const w = await surveyWorld(db);
    const clock = movableClock('2026-03-05T10:00:00Z');
    await withApp(
      db,
      async (app: Api) => {
        const s = await startSurvey(app, w, {
          ward: w.ward.id,
          surgery: w.surgery.id,
          medicine: w.medicine.id,
        });
        // March: Ward 7 9 answered (shown); Surgical ward 3 (too few); Medicine 6 (enough, but the
        // smallest other part: hidden too, or the total − Ward 7 − Medicine would be Surgery's 3).
        await answer(app, s.tokens.ward!, { yes: 7, no: 2, dontKnow: 1 });
        await answer(app, s.tokens.surgery!, { yes: 2, no: 1 });
        await answer(app, s.tokens.medicine!, { yes: 4, no: 2 });
        // April: 3 answers in all (the total itself is too small).
        clock.set('2026-04-10T10:00:00Z');
        await answer(app, s.tokens.ward!, { yes: 2 });
        await answer(app, s.tokens.surgery!, { no: 1 });
        clock.set('2026-05-01T10:00:00Z');
        const published = await app.inject({
          method: 'POST',
          url: `/api/v1/surveys/${s.id}/publish`,
          headers: w.who.qiLead,
        });
        expect(published.statusCode, published.body).toBe(200);

        // The results endpoint.
        const results = body<SurveyResultsView>(
          await app.inject({ method: 'GET', url: `/api/v1/surveys/${s.id}/results`, headers: w.who.admin }),
        );
        const march = results.periods.find((p) => p.period === '2026-03-01')!;
        const april = results.periods.find((p) => p.period === '2026-04-01')!;
        const cell = (period: typeof march, unitId: string): SurveyCellView =>
          period.units.find((u) => u.unit.id === unitId)!.cell;
        expect(march.total).toMatchObject({ status: 'shown', yes: 13, no: 5, dontKnow: 1 });
        expect(cell(march, w.ward.id)).toMatchObject({ status: 'shown', yes: 7, no: 2, dontKnow: 1 });
        for (const unitId of [w.surgery.id, w.medicine.id]) {
          expect(cell(march, unitId)).toEqual({
            status: 'suppressed',
            responses: null,
            yes: null,
            no: null,
            dontKnow: null,
            percent: null,
          });
        }
        expect(april.total.status).toBe('suppressed');
        expect(april.units.map((u) => u.cell.status).sort()).toEqual(['none', 'suppressed', 'suppressed']);
        // Every final period: total − shown parts is nothing or a group of at least 5.
        for (const period of results.periods.filter((p) => p.final && p.total.status === 'shown')) {
          const shown = period.units.filter((u) => u.cell.status === 'shown');
          const rest = period.total.responses! - shown.reduce((n, u) => n + u.cell.responses!, 0);
          expect(rest === 0 || rest >= 5).toBe(true);
        }

        // The published series: the total and Ward 7 only, March only.
        const series = await db.select().from(measureSeries).where(eq(measureSeries.measureId, s.measureId));
        expect(series.map((x) => x.unitId).sort()).toEqual([null, w.ward.id].sort());
        const allowed = new Set([7, 10, 13, 19]);
        const asked: [string, InjectOptions][] = [
          [
            'series list',
            { method: 'GET', url: `/api/v1/series?organisationId=${w.a.id}&measureId=${s.measureId}` },
          ],
          [
            'dashboard',
            { method: 'GET', url: `/api/v1/organisations/${w.a.odsCode}/dashboard?measure=${s.measureId}` },
          ],
          [
            'dashboard subtree',
            {
              method: 'GET',
              url: `/api/v1/organisations/${w.a.odsCode}/dashboard?unit=${w.medicine.id}&subtree=true`,
            },
          ],
          ['comparison', { method: 'GET', url: `/api/v1/measures/${s.measureId}/comparison` }],
          ['funnel', { method: 'GET', url: `/api/v1/measures/${s.measureId}/funnel` }],
        ];
        for (const one of series) {
          for (const path of ['observations', 'analysis', 'export.json', 'export.csv', 'fhir']) {
            asked.push([
              `${path} of ${one.unitId ?? 'total'}`,
              { method: 'GET', url: `/api/v1/series/${one.id}/${path}` },
            ]);
          }
        }
        for (const [what, request] of asked) {
          const response = await app.inject({ ...request, headers: w.who.admin });
          // The funnel is of shared measures only (a 4xx here); every other route answers.
          if (what === 'funnel') expect(response.statusCode, response.body).toBeLessThan(500);
          else expect(response.statusCode, `${what}: ${response.body.slice(0, 200)}`).toBe(200);
          if (response.statusCode !== 200) continue;
          const numbers = what.startsWith('export.csv')
            ? response.body
                .split(/\r?\n/)
                .slice(1)
                .filter((line) => /^\d{4}-\d{2}-\d{2}/.test(line))
                .flatMap((line) => line.split(',').slice(0, 4).map(Number))
            : numbersIn(response.body, what.startsWith('fhir'));
          for (const n of numbers.filter((x) => Number.isInteger(x) && x > 0 && x < 100)) {
            if (what.startsWith('export.csv')) continue; // checked by the periods below
            expect(allowed.has(n), `${what} holds ${n}`).toBe(true);
          }
          expect(response.body, what).not.toContain('2026-04-01');
          if (what.startsWith('dashboard')) {
            const units = body<{ series: { unit: { id: string } | null; measure: { id: string } }[] }>(
              response,
            )
              .series.filter((x) => x.measure.id === s.measureId)
              .map((x) => x.unit?.id ?? null);
            expect(
              units.every((u) => u === null || u === w.ward.id),
              what,
            ).toBe(true);
            if (what === 'dashboard') expect(units.sort()).toEqual([null, w.ward.id].sort());
          }
        }
        // The CSV exports: one row, March, with the published counts only.
        for (const one of series) {
          const csv = await app.inject({
            method: 'GET',
            url: `/api/v1/series/${one.id}/export.csv`,
            headers: w.who.admin,
          });
          const rows = csv.body.split(/\r?\n/).filter((line) => /^2026-/.test(line));
          expect(rows).toHaveLength(1);
          expect(rows[0]).toMatch(/^2026-03-01,/);
          expect(rows[0]).toContain(one.unitId === null ? '13,19' : '7,10');
        }
      },
      { as: 'public', now: clock.now },
    );
  }, 120_000);
});
