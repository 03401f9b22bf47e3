/**
 * Experience surveys through the API: starting one makes its measure; links per unit (secret shown
 * once, stored hashed, revocable, with a QR code); anonymous answers with no sign-in; the measure's
 * series appear once a month is final (the month ends, or the survey closes); reopening a closed
 * month is refused; bad input is a 400 naming the field; answers are rate limited.
 */
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { measures, measureSeries, observations, surveyLinks } from '../db/schema.js';
import { body } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { answer, movableClock, startSurvey, surveyWorld } from '../test-support/surveys.js';
import type { SurveyDetailView, SurveyResultsView } from './schemas.js';

describeEachEngine('experience surveys', ({ test }) => {
  test('a survey collects anonymous answers through its link and its measure appears when the month is final', async ({
    db,
  }) => {
    const w = await surveyWorld(db);
    const clock = movableClock('2026-03-10T09:00:00Z');
    await withApp(
      db,
      async (app) => {
        const survey = await startSurvey(app, w, { ward: w.ward.id, surgery: w.surgery.id });
        const [measure] = await db.select().from(measures).where(eq(measures.id, survey.measureId));
        expect(measure).toMatchObject({
          name: 'Place to work',
          dataType: 'proportion',
          chartType: 'p',
          domain: 'experience',
          frequency: 'month',
          visibility: 'internal',
          ownerOrganisationId: w.a.id,
        });

        // The link opens without signing in and names the question and unit, not the secret's hash.
        const opened = await app.inject({ method: 'GET', url: `/api/v1/survey-links/${survey.tokens.ward}` });
        expect(body(opened)).toEqual({
          organisation: 'Ward Trust',
          unit: 'Ward 7',
          kind: 'staff',
          title: 'Place to work',
          question: 'Would you recommend your unit as a place to work?',
        });
        // The secret is stored only as its SHA-256.
        const stored = await db.select().from(surveyLinks);
        expect(stored.map((l) => l.tokenHash)).not.toContain(survey.tokens.ward);
        expect(stored.every((l) => /^[0-9a-f]{64}$/.test(l.tokenHash))).toBe(true);

        await answer(app, survey.tokens.ward!, { yes: 6, no: 2, dontKnow: 1 });
        await answer(app, survey.tokens.surgery!, { yes: 5, no: 1 });
        // The month is not over: nothing is published, and the results say it is still collecting.
        expect(
          await db.select().from(measureSeries).where(eq(measureSeries.measureId, survey.measureId)),
        ).toEqual([]);
        const collecting = body<SurveyResultsView>(
          await app.inject({
            method: 'GET',
            url: `/api/v1/surveys/${survey.id}/results`,
            headers: w.who.nurse,
          }),
        );
        expect(collecting.periods).toHaveLength(1);
        expect(collecting.periods[0]).toMatchObject({ period: '2026-03-01', final: false });
        expect(collecting.periods[0]!.total).toMatchObject({
          status: 'collecting',
          responses: null,
          yes: null,
        });

        // April: the first answer of the month publishes March.
        clock.set('2026-04-02T08:00:00Z');
        await answer(app, survey.tokens.ward!, { yes: 1 });
        const series = await db
          .select()
          .from(measureSeries)
          .where(eq(measureSeries.measureId, survey.measureId));
        expect(series.map((s) => s.unitId).sort()).toEqual([null, w.ward.id, w.surgery.id].sort());
        const points = await db
          .select({
            seriesId: observations.seriesId,
            period: observations.period,
            n: observations.numerator,
            d: observations.denominator,
          })
          .from(observations)
          .innerJoin(measureSeries, eq(measureSeries.id, observations.seriesId))
          .where(eq(measureSeries.measureId, survey.measureId));
        const byUnit = (unitId: string | null): typeof points =>
          points.filter((p) => series.find((s) => s.id === p.seriesId)!.unitId === unitId);
        expect(byUnit(w.ward.id)).toEqual([expect.objectContaining({ period: '2026-03-01', n: 6, d: 9 })]);
        expect(byUnit(w.surgery.id)).toEqual([expect.objectContaining({ period: '2026-03-01', n: 5, d: 6 })]);
        expect(byUnit(null)).toEqual([expect.objectContaining({ period: '2026-03-01', n: 11, d: 15 })]);

        // The measure's analysis reads it as any measure: a p chart of the total.
        const total = series.find((s) => s.unitId === null)!;
        const analysis = await app.inject({
          method: 'GET',
          url: `/api/v1/series/${total.id}/analysis`,
          headers: w.who.nurse,
        });
        expect(analysis.statusCode, analysis.body).toBe(200);

        const results = body<SurveyResultsView>(
          await app.inject({
            method: 'GET',
            url: `/api/v1/surveys/${survey.id}/results`,
            headers: w.who.nurse,
          }),
        );
        expect(results.periods.map((p) => [p.period, p.final])).toEqual([
          ['2026-04-01', false],
          ['2026-03-01', true],
        ]);
        expect(results.periods[1]!.total).toEqual({
          status: 'shown',
          responses: 15,
          yes: 11,
          no: 3,
          dontKnow: 1,
          percent: 73.3,
        });

        // Closing makes April final (and publishes what it may: the ward's single answer may not).
        const closed = await app.inject({
          method: 'PATCH',
          url: `/api/v1/surveys/${survey.id}`,
          payload: { open: false },
          headers: w.who.qiLead,
        });
        expect(closed.statusCode, closed.body).toBe(200);
        expect(body(closed)).toMatchObject({ open: false });
        const april = await db.select().from(observations).where(eq(observations.period, '2026-04-01'));
        expect(april).toEqual([]);
        // A closed survey's link answers as an unknown one.
        const refused = await app.inject({
          method: 'POST',
          url: `/api/v1/survey-links/${survey.tokens.ward}/responses`,
          payload: { answer: 'yes' },
        });
        expect(refused.statusCode).toBe(404);
        // April had answers and is now final: reopening this month is refused; next month it is not.
        const reopen = await app.inject({
          method: 'PATCH',
          url: `/api/v1/surveys/${survey.id}`,
          payload: { open: true },
          headers: w.who.qiLead,
        });
        expect(reopen.statusCode, reopen.body).toBe(409);
        expect(body<ErrorJson>(reopen).error.details?.field).toBe('open');
        clock.set('2026-05-01T00:00:00Z');
        const reopened = await app.inject({
          method: 'PATCH',
          url: `/api/v1/surveys/${survey.id}`,
          payload: { open: true },
          headers: w.who.qiLead,
        });
        expect(reopened.statusCode, reopened.body).toBe(200);
      },
      { as: 'public', now: clock.now },
    );
  }, 120_000);

  test('links: the secret is shown once, a QR code comes with it, and a revoked link stops working', async ({
    db,
  }) => {
    const w = await surveyWorld(db);
    await withApp(
      db,
      async (app) => {
        const survey = await startSurvey(app, w, {});
        const made = await app.inject({
          method: 'POST',
          url: `/api/v1/surveys/${survey.id}/links`,
          payload: { unitId: w.ward.id },
          headers: { ...w.who.qiLead, host: 'groundswell.example.nhs.uk' },
        });
        expect(made.statusCode, made.body).toBe(201);
        const link = body<{ id: string; token: string; path: string; qrSvg: string; unit: { name: string } }>(
          made,
        );
        expect(link.path).toBe(`/s/${link.token}`);
        expect(link.unit.name).toBe('Ward 7');
        expect(link.qrSvg).toMatch(/^<svg [^>]*role="img"/);
        expect(link.qrSvg).toContain('<title>QR code: the survey “Place to work” for Ward 7</title>');
        expect(link.qrSvg).not.toContain(link.token);

        const detail = await app.inject({
          method: 'GET',
          url: `/api/v1/surveys/${survey.id}`,
          headers: w.who.nurse,
        });
        expect(body<SurveyDetailView>(detail).links).toEqual([
          expect.objectContaining({ id: link.id, unit: { id: w.ward.id, name: 'Ward 7' }, revokedAt: null }),
        ]);
        expect(detail.body).not.toContain(link.token);

        const revoked = await app.inject({
          method: 'DELETE',
          url: `/api/v1/surveys/${survey.id}/links/${link.id}`,
          headers: w.who.qiLead,
        });
        expect(revoked.statusCode, revoked.body).toBe(200);
        expect(body<{ revokedAt: string | null }>(revoked).revokedAt).not.toBeNull();
        const gone = await app.inject({ method: 'GET', url: `/api/v1/survey-links/${link.token}` });
        expect(gone.statusCode).toBe(404);
        const unknown = await app.inject({ method: 'GET', url: `/api/v1/survey-links/${'x'.repeat(43)}` });
        expect(unknown.body).toBe(gone.body);
      },
      { as: 'public' },
    );
  }, 120_000);

  test('bad input is a 400 naming the field; staff may not manage surveys; answers are rate limited', async ({
    db,
  }) => {
    const w = await surveyWorld(db);
    await withApp(
      db,
      async (app) => {
        const tooSmall = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/surveys`,
          payload: { kind: 'staff', title: 'T', question: 'Q?', minGroup: 3 },
          headers: w.who.qiLead,
        });
        expect(tooSmall.statusCode).toBe(400);
        expect(tooSmall.body).toContain('minGroup');
        const byStaff = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${w.a.odsCode}/surveys`,
          payload: { kind: 'staff', title: 'T', question: 'Q?' },
          headers: w.who.nurse,
        });
        expect(byStaff.statusCode).toBe(403);
        const survey = await startSurvey(app, w, { ward: w.ward.id });
        const otherUnit = await app.inject({
          method: 'POST',
          url: `/api/v1/surveys/${survey.id}/links`,
          payload: { unitId: '00000000-0000-4000-8000-000000000009' },
          headers: w.who.qiLead,
        });
        expect(otherUnit.statusCode).toBe(404);
        expect(body<ErrorJson>(otherUnit).error.details?.field).toBe('unitId');
        const badAnswer = await app.inject({
          method: 'POST',
          url: `/api/v1/survey-links/${survey.tokens.ward}/responses`,
          payload: { answer: 'maybe' },
        });
        expect(badAnswer.statusCode).toBe(400);
        expect(badAnswer.body).toContain('answer');
        const longComment = await app.inject({
          method: 'POST',
          url: `/api/v1/survey-links/${survey.tokens.ward}/responses`,
          payload: { answer: 'yes', comment: 'x'.repeat(2001) },
        });
        expect(longComment.statusCode).toBe(400);
        expect(longComment.body).toContain('comment');
        // 20 requests a minute through one link from one address (two were refused above, as 400s).
        let limited = 0;
        for (let i = 0; i < 20; i += 1) {
          const r = await app.inject({
            method: 'POST',
            url: `/api/v1/survey-links/${survey.tokens.ward}/responses`,
            payload: { answer: 'yes' },
          });
          if (r.statusCode === 429) limited += 1;
          else expect(r.statusCode).toBe(201);
        }
        expect(limited).toBe(2);
      },
      { as: 'public' },
    );
  }, 120_000);
});
