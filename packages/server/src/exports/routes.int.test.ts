import { POINT_COLUMNS, pointRows, xmr } from '@groundswell/spc';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { SeriesAnalysisView } from '../analysis/schemas.js';
import { addAnnotation } from '../annotations/repository.js';
import type { Database } from '../db/types.js';
import { getMeasureByCode, updateMeasure } from '../measures/repository.js';
import { setTarget } from '../measures/targets.js';
import { readSeries, upsertObservations } from '../observations/repository.js';
import { listSeries } from '../series/repository.js';
import type { Series } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aSeries, demoTrust, months, USER } from '../test-support/fixtures.js';
import { listUnits } from '../units/repository.js';
import type { SeriesExportView } from './schemas.js';

const VALUES = [12, 15, 11, 14, 13, 16, 12, 18, 21, 22, 19, 23, 24, 22, 25, 26, 24, 27, 29, 28.125];

const records = (text: string): Record<string, string>[] =>
  parse<Record<string, string>>(text, { columns: true, bom: true });

/** A monthly value series of 20 points (one ghosted), a target and two annotations. */
async function valueSeries(db: Database): Promise<Awaited<ReturnType<typeof aSeries>>> {
  const made = await aSeries(db);
  await updateMeasure(db, made.measure.id, { spcOptions: { direction: 'increase' } });
  await setTarget(db, { measureId: made.measure.id, effectiveFrom: '2020-01-01', value: 20 });
  const periods = months(VALUES.length);
  await upsertObservations(
    db,
    VALUES.map((value, i) => ({ seriesId: made.series.id, period: periods[i]!, value, ghost: i === 3 })),
    { userId: USER },
  );
  await addAnnotation(db, {
    seriesId: made.series.id,
    period: '2020-09-01',
    text: 'Falls bundle, ward 7',
    author: 'A N Other',
  });
  await addAnnotation(db, {
    seriesId: made.series.id,
    period: '2020-09-01',
    text: 'Second note',
    author: 'A N Other',
  });
  return made;
}

/** RF4's type 1 A&E 4-hour series from the demo data. */
async function fourHourType1(db: Database): Promise<Series> {
  const rf4 = await demoTrust(db);
  const measure = (await getMeasureByCode(db, null, 'ae-4-hour'))!;
  const type1 = (await listUnits(db, rf4.id)).find((u) => u.name.startsWith('Type 1'))!;
  return (await listSeries(db, { measureId: measure.id, organisationId: rf4.id, unitId: type1.id }))[0]!;
}

describeEachEngine('HTTP series exports', ({ test }) => {
  test('GET /series/:id/export.csv: one row per point with every analysis column, as the analysis gives them', async ({
    db,
  }) => {
    const { organisation, measure, series } = await valueSeries(db);
    await withApp(db, async (app) => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/series/${series.id}/export.csv` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${organisation.odsCode}-${measure.code}-2021-08.csv"`,
      );
      expect(response.body.charCodeAt(0)).not.toBe(0xfeff);
      const rows = records(response.body);
      expect(rows).toHaveLength(VALUES.length);
      expect(rows.map((r) => Number(r.value))).toEqual(VALUES);
      // Every row is the engine's table row of xmr on the same data (what the CLI writes), then
      // the annotations.
      const periods = months(VALUES.length);
      const direct = xmr(
        { values: VALUES, periods, ghosts: VALUES.map((_, i) => i === 3), targets: periods.map(() => 20) },
        { direction: 'increase' },
      );
      const expected = pointRows(direct).trimEnd().split('\n');
      const lines = response.body.trimEnd().split('\n');
      expect(lines[0]).toBe(`${['period', ...POINT_COLUMNS.slice(1)].join(',')},annotation`);
      for (const [i, row] of expected.entries()) {
        // Two notes made in one transaction: their order is the database's.
        expect(lines[i + 1]).toBe(`${row},${i === 8 ? `"${rows[8]!.annotation!}"` : ''}`);
      }
      expect(rows[8]!.annotation!.split(' | ').sort()).toEqual(['Falls bundle, ward 7', 'Second note']);
      expect(rows[3]!.ghost).toBe('1');
      expect(rows.some((r) => r.point_type === 'improvement')).toBe(true);
      expect(rows[19]!.value).toBe('28.125');

      const withBom = await app.inject({
        method: 'GET',
        url: `/api/v1/series/${series.id}/export.csv?bom=true`,
      });
      expect(withBom.body.charCodeAt(0)).toBe(0xfeff);
      expect(withBom.body.slice(1)).toBe(response.body);
    });
  });

  test('GET /series/:id/export.csv of a demo proportion series: numerator and denominator as stored, the unit in the name', async ({
    db,
  }) => {
    const series = await fourHourType1(db);
    const stored = await readSeries(db, series.id);
    await withApp(db, async (app) => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/series/${series.id}/export.csv` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="RF4-ae-4-hour-type-1-a-e-major-emergency-department-2019-03.csv"',
      );
      expect(response.body.split('\n')[0]!.startsWith('period,numerator,denominator,value,mean,')).toBe(true);
      const rows = records(response.body);
      expect(rows).toHaveLength(stored.length);
      expect(
        rows.map((r) => [r.period, Number(r.numerator), Number(r.denominator), Number(r.value)]),
      ).toEqual(stored.map((o) => [o.period, o.numerator, o.denominator, o.numerator! / o.denominator!]));
      expect(rows.every((r) => r.target === '0.95')).toBe(true);
    });
  }, 120_000);

  test('GET /series/:id/export.json: the analysis of GET /analysis with organisation, unit, points, annotations and provenance', async ({
    db,
  }) => {
    const series = await fourHourType1(db);
    await addAnnotation(db, { seriesId: series.id, period: '2018-01-01', text: 'Winter', author: 'Analyst' });
    await withApp(db, async (app) => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/series/${series.id}/export.json` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="RF4-ae-4-hour-type-1-a-e-major-emergency-department-2019-03.json"',
      );
      const data = body<SeriesExportView>(response);
      const analysis = body<SeriesAnalysisView>(
        await app.inject({ method: 'GET', url: `/api/v1/series/${series.id}/analysis` }),
      );
      expect(data).toMatchObject(analysis);
      expect(data.analysis.chart).toBe('pp');
      expect(data.organisation).toMatchObject({ odsCode: 'RF4', kind: 'provider' });
      expect(data.unit).toMatchObject({ id: series.unitId, name: 'Type 1 A&E (major emergency department)' });
      expect(data.measure.code).toBe('ae-4-hour');
      expect(data.targets.map((t) => t.value)).toEqual([0.95]);
      expect(data.observations).toHaveLength(36);
      expect(data.observations[0]).toMatchObject({ period: '2016-04-01' });
      expect(data.observations.every((o) => o.importId === data.provenance.imports[0]!.id)).toBe(true);
      expect(data.annotations.map((a) => a.text)).toEqual(['Winter']);
      expect(data.provenance).toMatchObject({
        source: expect.stringContaining('Open Government Licence') as unknown,
        visibility: 'public',
        measureUrl: 'https://groundswell.example/fhir/Measure/ae-4-hour',
        generator: 'Groundswell series export',
      });
      expect(data.provenance.imports).toHaveLength(1);
      expect(data.provenance.imports[0]).toMatchObject({ status: 'succeeded' });
      expect(Date.parse(data.generatedAt)).toBeGreaterThan(Date.now() - 60_000);
    });
  }, 120_000);

  test('the exports answer 404 for an unknown series and 400 for a malformed id', async ({ db }) => {
    await withApp(db, async (app) => {
      for (const format of ['csv', 'json']) {
        const unknown = await app.inject({
          method: 'GET',
          url: `/api/v1/series/00000000-0000-4000-8000-00000000abcd/export.${format}`,
        });
        expect(unknown.statusCode).toBe(404);
        expect(body<ErrorJson>(unknown).error.code).toBe('not_found');
        const bad = await app.inject({ method: 'GET', url: `/api/v1/series/42/export.${format}` });
        expect(bad.statusCode).toBe(400);
        expect(body<ErrorJson>(bad).error.details?.field).toBe('id');
      }
    });
  });

  test('an empty series exports a header only, named without a period', async ({ db }) => {
    const { organisation, measure, series } = await aSeries(db);
    await withApp(db, async (app) => {
      const response = await app.inject({ method: 'GET', url: `/api/v1/series/${series.id}/export.csv` });
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(
        'period,value,mean,lower_limit,upper_limit,lower_2sigma,upper_2sigma,lower_1sigma,upper_1sigma,moving_range,partition,ghost,single_point,shift,trend,two_of_three,point_type,target,annotation\n',
      );
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${organisation.odsCode}-${measure.code}.csv"`,
      );
    });
  });
});
