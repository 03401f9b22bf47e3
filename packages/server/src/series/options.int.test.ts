import { xmr } from '@groundswell/spc';
import type { SpcAnalysis } from '@groundswell/spc';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Measure } from '../measures/repository.js';
import type { Organisation } from '../organisations/repository.js';
import type { SeriesAnalysisView } from '../analysis/schemas.js';
import type { DashboardView } from '../dashboard/schemas.js';
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';
import { upsertObservations } from '../observations/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, months, USER } from '../test-support/fixtures.js';
import { ensureSeries, getSeries } from './repository.js';
import type { Series } from './repository.js';
import type { SeriesView } from './schemas.js';

/** Twenty months, higher after the tenth. */
const VALUES = [12, 15, 11, 14, 13, 16, 12, 18, 21, 22, 19, 23, 24, 22, 25, 26, 24, 27, 29, 28];
const PERIODS = months(VALUES.length);

const asJson = (analysis: SpcAnalysis): unknown => JSON.parse(JSON.stringify(analysis));

async function withData(db: Database, series: Series): Promise<void> {
  await upsertObservations(
    db,
    VALUES.map((value, i) => ({ seriesId: series.id, period: PERIODS[i]!, value })),
    { userId: USER },
  );
}

/** A shared (national) measure recorded by two organisations, both with the same data. */
async function sharedMeasureTwice(db: Database): Promise<{
  measure: Measure;
  first: Organisation;
  second: Organisation;
  ours: Series;
  theirs: Series;
}> {
  const measure = await aMeasure(db, null, { code: 'shared-waits', spcOptions: { direction: 'neutral' } });
  const first = await anOrganisation(db, { name: 'First Trust' });
  const second = await anOrganisation(db, { name: 'Second Trust' });
  const ours = await ensureSeries(db, { measureId: measure.id, organisationId: first.id });
  const theirs = await ensureSeries(db, { measureId: measure.id, organisationId: second.id });
  await withData(db, ours);
  await withData(db, theirs);
  return { measure, first, second, ours, theirs };
}

async function analysisOf(app: Api, seriesId: string): Promise<SeriesAnalysisView> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/series/${seriesId}/analysis` });
  expect(response.statusCode).toBe(200);
  return body<SeriesAnalysisView>(response);
}

async function patch(app: Api, seriesId: string, payload: unknown): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'PATCH', url: `/api/v1/series/${seriesId}`, payload: payload as object });
}

describeEachEngine('HTTP series SPC options', ({ test }) => {
  test('PATCH /series/:id stores the options, returns them, and the analysis merges them over the measure’s', async ({
    db,
  }) => {
    const organisation = await anOrganisation(db);
    const measure = await aMeasure(db, organisation.id, {
      spcOptions: { direction: 'decrease', shiftLength: 7 },
    });
    const series = await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id });
    await withData(db, series);
    await withApp(db, async (app) => {
      const response = await patch(app, series.id, {
        spcOptions: { direction: 'increase', rebaseAt: ['2020-11-01'] },
      });
      expect(response.statusCode).toBe(200);
      expect(body<SeriesView>(response).spcOptions).toEqual({
        direction: 'increase',
        rebaseAt: ['2020-11-01'],
      });
      const read = await app.inject({ method: 'GET', url: `/api/v1/series/${series.id}` });
      expect(body<SeriesView>(read).spcOptions).toEqual({ direction: 'increase', rebaseAt: ['2020-11-01'] });

      const result = await analysisOf(app, series.id);
      // The series' direction and rebase over the measure's; the measure's shift length kept.
      const direct = xmr(
        { values: VALUES, periods: PERIODS },
        { direction: 'increase', shiftLength: 7, rebaseAt: ['2020-11-01'] },
      );
      expect(result.analysis).toEqual(asJson(direct));
      expect(result.analysis.partitions).toHaveLength(2);
      expect(result.analysis.options).toMatchObject({ direction: 'increase', shiftLength: 7 });
      expect(result.series.spcOptions).toEqual({ direction: 'increase', rebaseAt: ['2020-11-01'] });
      // The measure's own options are unchanged.
      expect(result.measure.spcOptions).toEqual({ direction: 'decrease', shiftLength: 7 });
    });
  });

  test('null (or an empty object) removes the options: the measure’s apply again', async ({ db }) => {
    const organisation = await anOrganisation(db);
    const measure = await aMeasure(db, organisation.id, { spcOptions: { direction: 'decrease' } });
    const series = await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id });
    await withData(db, series);
    await withApp(db, async (app) => {
      expect((await patch(app, series.id, { spcOptions: { preset: 'nhsr' } })).statusCode).toBe(200);
      expect((await analysisOf(app, series.id)).analysis.options).toMatchObject({ preset: 'nhsr' });
      const cleared = await patch(app, series.id, { spcOptions: null });
      expect(cleared.statusCode).toBe(200);
      expect(body<SeriesView>(cleared).spcOptions).toBeNull();
      const result = await analysisOf(app, series.id);
      expect(result.analysis).toEqual(
        asJson(xmr({ values: VALUES, periods: PERIODS }, { direction: 'decrease' })),
      );
      expect((await patch(app, series.id, { spcOptions: {} })).statusCode).toBe(200);
      expect((await getSeries(db, series.id))?.spcOptions).toBeNull();
      // Nothing to change: the series as it is.
      const nothing = await patch(app, series.id, {});
      expect(nothing.statusCode).toBe(200);
      expect(body<SeriesView>(nothing).spcOptions).toBeNull();
    });
  });

  test('a rebase, preset and baseline on a shared measure change one organisation’s chart, not another’s', async ({
    db,
  }) => {
    const { measure, ours, theirs } = await sharedMeasureTwice(db);
    await withApp(db, async (app) => {
      const before = await analysisOf(app, theirs.id);
      const response = await patch(app, ours.id, {
        spcOptions: {
          preset: 'nhsr',
          direction: 'increase',
          rebaseAt: ['2020-11-01'],
          baseline: { points: 12 },
        },
      });
      expect(response.statusCode).toBe(200);

      const changed = await analysisOf(app, ours.id);
      expect(changed.analysis.options).toMatchObject({
        preset: 'nhsr',
        direction: 'increase',
        rebaseAt: ['2020-11-01'],
        baseline: { points: 12 },
      });
      expect(changed.analysis.partitions.length).toBeGreaterThan(1);

      const after = await analysisOf(app, theirs.id);
      expect(after.analysis).toEqual(before.analysis);
      expect(after.analysis.options).toMatchObject({ preset: 'mdc', direction: 'neutral', rebaseAt: [] });
      expect(after.analysis.partitions).toHaveLength(1);
      expect(after.series.spcOptions).toBeNull();

      // The shared definition itself is untouched.
      const definition = await app.inject({ method: 'GET', url: `/api/v1/measures/${measure.id}` });
      expect(body<{ spcOptions: unknown }>(definition).spcOptions).toEqual({ direction: 'neutral' });
    });
  });

  test('a change of options moves data_version on, so the dashboard shows the new analysis', async ({
    db,
  }) => {
    const { first, second, ours, theirs } = await sharedMeasureTwice(db);
    await withApp(db, async (app) => {
      const dashboard = async (ref: string): Promise<{ etag: unknown; view: DashboardView }> => {
        const response = await app.inject({ method: 'GET', url: `/api/v1/organisations/${ref}/dashboard` });
        expect(response.statusCode).toBe(200);
        return { etag: response.headers.etag, view: body<DashboardView>(response) };
      };
      const oursBefore = await dashboard(first.odsCode);
      const theirsBefore = await dashboard(second.odsCode);
      expect(oursBefore.view.series[0]!.measure.direction).toBe('neutral');
      expect(oursBefore.view.series[0]!.icons.variation).toBe('neither_high');
      const versionBefore = (await getSeries(db, ours.id))!.dataVersion;
      const theirVersionBefore = (await getSeries(db, theirs.id))!.dataVersion;

      await patch(app, ours.id, { spcOptions: { direction: 'increase' } });
      expect((await getSeries(db, ours.id))!.dataVersion).toBe(versionBefore + 1);
      expect((await getSeries(db, theirs.id))!.dataVersion).toBe(theirVersionBefore);

      const oursAfter = await dashboard(first.odsCode);
      expect(oursAfter.etag).not.toBe(oursBefore.etag);
      expect(oursAfter.view.series[0]!.measure.direction).toBe('increase');
      expect(oursAfter.view.series[0]!.icons.variation).toBe('improvement_high');
      // The dashboard's card is the analysis' own icons.
      expect(oursAfter.view.series[0]!.icons.variation).toBe(
        (await analysisOf(app, ours.id)).icons.variation,
      );

      const theirsAfter = await dashboard(second.odsCode);
      expect(theirsAfter.etag).toBe(theirsBefore.etag);
      expect(theirsAfter.view.series[0]!.icons.variation).toBe('neither_high');
    });
  });

  test('exports and FHIR reports use the series’ options too', async ({ db }) => {
    const { ours, theirs } = await sharedMeasureTwice(db);
    await withApp(db, async (app) => {
      await patch(app, ours.id, { spcOptions: { direction: 'decrease', rebaseAt: ['2020-11-01'] } });
      const exported = await app.inject({ method: 'GET', url: `/api/v1/series/${ours.id}/export.json` });
      expect(exported.statusCode).toBe(200);
      const json = body<SeriesAnalysisView>(exported);
      expect(json.analysis.options).toMatchObject({ direction: 'decrease', rebaseAt: ['2020-11-01'] });
      expect(json.analysis.partitions).toHaveLength(2);

      const csv = await app.inject({ method: 'GET', url: `/api/v1/series/${ours.id}/export.csv` });
      expect(csv.statusCode).toBe(200);
      const lines = csv.body.trim().split('\n');
      const partition = lines[0]!.split(',').indexOf('partition');
      expect(partition).toBeGreaterThan(0);
      expect(new Set(lines.slice(1).map((line) => line.split(',')[partition]))).toEqual(new Set(['1', '2']));

      const fhir = async (
        id: string,
      ): Promise<{ entry: { resource: { improvementNotation?: { coding: { code: string }[] } } }[] }> => {
        const response = await app.inject({ method: 'GET', url: `/api/v1/series/${id}/fhir` });
        expect(response.statusCode).toBe(200);
        return body<{ entry: { resource: { improvementNotation?: { coding: { code: string }[] } } }[] }>(
          response,
        );
      };
      expect((await fhir(ours.id)).entry[0]!.resource.improvementNotation?.coding[0]!.code).toBe('decrease');
      // The other organisation's measure is neutral: no improvement notation.
      expect((await fhir(theirs.id)).entry[0]!.resource.improvementNotation).toBeUndefined();
    });
  });

  test('invalid options are a 400 naming the field, and change nothing', async ({ db }) => {
    const organisation = await anOrganisation(db);
    const measure = await aMeasure(db, organisation.id, { spcOptions: { preset: 'nhsr' } });
    const series = await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id });
    await withApp(db, async (app) => {
      const cases: [unknown, string][] = [
        [{ spcOptions: { direction: 'upwards' } }, 'spcOptions.direction'],
        [{ spcOptions: { rebaseAt: ['2020-13-01'] } }, 'spcOptions.rebaseAt[0]'],
        [{ spcOptions: { shiftLength: 0 } }, 'spcOptions.shiftLength'],
        [{ spcOptions: { preset: 'excel' } }, 'spcOptions.preset'],
        [{ spcOptions: 'nhsr' }, 'spcOptions'],
        [{ spcOptions: { direction: 'increase' }, colour: 'red' }, ''],
        // Fine alone, refused merged over the measure's nhsr preset (a baseline needs 12 points).
        [{ spcOptions: { baseline: { points: 5 } } }, 'spcOptions.baseline.points'],
      ];
      for (const [payload, field] of cases) {
        const response = await patch(app, series.id, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        const error = body<ErrorJson>(response).error;
        expect(error.code).toBe('invalid_input');
        expect(error.details?.field ?? '', JSON.stringify(payload)).toBe(field);
      }
      const target = await patch(app, series.id, { spcOptions: { target: 95 } });
      expect(target.statusCode).toBe(400);
      expect(body<ErrorJson>(target).error.message).toMatch(/target/);
      expect((await getSeries(db, series.id))?.spcOptions).toBeNull();
      expect((await getSeries(db, series.id))?.dataVersion).toBe(series.dataVersion);

      const unknown = await patch(app, '00000000-0000-4000-8000-00000000abcd', { spcOptions: null });
      expect(unknown.statusCode).toBe(404);
      const malformed = await patch(app, 'nope', { spcOptions: null });
      expect(malformed.statusCode).toBe(400);
      expect(body<ErrorJson>(malformed).error.details?.field).toBe('id');
    });
  });
});
