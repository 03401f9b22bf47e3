import type { MeasureReport } from 'fhir/r4.js';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { SeriesAnalysisView } from '../analysis/schemas.js';
import type { Database } from '../db/types.js';
import { getImport, listImports } from '../imports/repository.js';
import { getMeasureByCode } from '../measures/repository.js';
import { listRevisions, readSeries, upsertObservations } from '../observations/repository.js';
import type { Organisation } from '../organisations/repository.js';
import { listSeries } from '../series/repository.js';
import type { Series } from '../series/repository.js';
import type { Api } from '../http/types.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { operatorId } from '../test-support/users.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, demoTrust, months, USER } from '../test-support/fixtures.js';
import { createUnit, listUnits } from '../units/repository.js';
import type { ReportBundle } from './export.js';
import type { FhirImportView } from './schemas.js';

const TYPE_1 = 'Type 1 A&E (major emergency department)';
const POPULATION = 'http://terminology.hl7.org/CodeSystem/measure-population';

/** RF4 (the demo trust) and its type 1 A&E 4-hour series. */
async function demoFourHour(db: Database): Promise<{ rf4: Organisation; series: Series }> {
  const rf4 = await demoTrust(db);
  const measure = (await getMeasureByCode(db, null, 'ae-4-hour'))!;
  const type1 = (await listUnits(db, rf4.id)).find((u) => u.name === TYPE_1)!;
  const [series] = await listSeries(db, { measureId: measure.id, organisationId: rf4.id, unitId: type1.id });
  return { rf4, series: series! };
}

async function exportBundle(app: Api, seriesId: string): Promise<ReportBundle> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/series/${seriesId}/fhir` });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
  return body<ReportBundle>(response);
}

async function importBody(
  app: Api,
  ref: string,
  payload: unknown,
  query = '',
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${ref}/fhir${query}`,
    headers: { 'content-type': 'application/fhir+json' },
    payload: JSON.stringify(payload),
  });
}

/** A summary report of a shared value measure with `code`, for `period` and `value`. */
function valueReport(
  code: string,
  period: string,
  value: number,
  extra: Partial<MeasureReport> = {},
): MeasureReport {
  return {
    resourceType: 'MeasureReport',
    status: 'complete',
    type: 'summary',
    measure: `https://groundswell.example/fhir/Measure/${code}`,
    period: { start: period },
    group: [{ measureScore: { value } }],
    ...extra,
  };
}

const bundleOf = (...resources: MeasureReport[]): unknown => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: resources.map((resource) => ({ resource })),
});

describeEachEngine('HTTP FHIR MeasureReports', ({ test }) => {
  test('GET /series/:id/fhir: a collection Bundle of one summary MeasureReport per stored period', async (ctx) => {
    const { series } = await demoFourHour(ctx.db);
    const stored = await readSeries(ctx.db, series.id);
    await withApp(ctx, async (app) => {
      const bundle = await exportBundle(app, series.id);
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
      expect(bundle.entry).toHaveLength(stored.length);
      const first = bundle.entry[0]!.resource;
      expect(first).toMatchObject({
        resourceType: 'MeasureReport',
        status: 'complete',
        type: 'summary',
        measure: 'https://groundswell.example/fhir/Measure/ae-4-hour',
        subject: { display: TYPE_1 },
        reporter: { identifier: { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'RF4' } },
        period: { start: '2016-04-01', end: '2016-04-30' },
        improvementNotation: { coding: [{ code: 'increase' }] },
      });
      for (const [i, { resource }] of bundle.entry.entries()) {
        const [numerator, denominator] = resource.group![0]!.population!;
        expect(numerator).toEqual({
          code: { coding: [{ system: POPULATION, code: 'numerator' }] },
          count: stored[i]!.numerator,
        });
        expect(denominator!.count).toBe(stored[i]!.denominator);
        expect(resource.group![0]!.measureScore!.value).toBe(stored[i]!.numerator! / stored[i]!.denominator!);
        expect(resource.period.start).toBe(stored[i]!.period);
      }
      const missing = await app.inject({
        method: 'GET',
        url: '/api/v1/series/00000000-0000-4000-8000-00000000abcd/fhir',
      });
      expect(missing.statusCode).toBe(404);
    });
  }, 120_000);

  test('round trip: a series exported from RF4 and imported into another organisation has the same data; importing again changes nothing', async (ctx) => {
    const { db } = ctx;
    const { series } = await demoFourHour(db);
    const other = await anOrganisation(db);
    await createUnit(db, { organisationId: other.id, kind: 'directorate', name: TYPE_1 });
    await withApp(ctx, async (app) => {
      const bundle = await exportBundle(app, series.id);
      const n = bundle.entry.length;

      // The reports name RF4 as their reporter: refused unless asked for.
      const refused = await importBody(app, other.odsCode, bundle);
      expect(refused.statusCode).toBe(400);
      expect(body<ErrorJson>(refused).error.details).toMatchObject({
        field: 'entry[0].resource.reporter.identifier.value',
        index: 0,
      });
      expect(await listSeries(db, { organisationId: other.id })).toEqual([]);

      const first = await importBody(app, other.odsCode, bundle, `?anyReporter=true&userId=${USER}`);
      expect(first.statusCode).toBe(200);
      const result = body<FhirImportView>(first);
      expect(result).toMatchObject({ reports: n, added: n, changed: 0, unchanged: 0 });
      expect(result.series).toEqual([
        {
          seriesId: expect.any(String) as unknown,
          measureCode: 'ae-4-hour',
          unit: TYPE_1,
          created: true,
          reports: n,
        },
      ]);
      const copy = result.series[0]!.seriesId;

      const original = await readSeries(db, series.id);
      const imported = await readSeries(db, copy);
      const numbers = (points: typeof original): unknown[] =>
        points.map(({ period, value, numerator, denominator, ghost }) => ({
          period,
          value,
          numerator,
          denominator,
          ghost,
        }));
      const operator = await operatorId(db);
      expect(numbers(imported)).toEqual(numbers(original));
      expect(imported.every((p) => p.importId === result.importId && p.recordedBy === operator)).toBe(true);
      expect(await getImport(db, result.importId)).toMatchObject({
        organisationId: other.id,
        format: 'fhir',
        status: 'succeeded',
        added: n,
        changed: 0,
        unchanged: 0,
        createdBy: operator,
      });
      const analysisOf = async (id: string): Promise<SeriesAnalysisView['analysis']> =>
        body<SeriesAnalysisView>(await app.inject({ method: 'GET', url: `/api/v1/series/${id}/analysis` }))
          .analysis;
      expect(await analysisOf(copy)).toEqual(await analysisOf(series.id));

      const again = await importBody(app, other.id, bundle, '?anyReporter=true');
      expect(again.statusCode).toBe(200);
      expect(body<FhirImportView>(again)).toMatchObject({
        added: 0,
        changed: 0,
        unchanged: n,
        series: [{ seriesId: copy, created: false, reports: n }],
      });
      expect(await listRevisions(db, copy)).toEqual([]);
      expect((await listImports(db, other.id)).map((i) => i.format)).toEqual(['fhir', 'fhir']);
    });
  }, 120_000);

  test('a rate with fractional exposures and a ghost point comes back unchanged when re-imported into its own organisation', async (ctx) => {
    const { db } = ctx;
    const rf4 = await demoTrust(db);
    const falls = (await getMeasureByCode(db, rf4.id, 'demo-falls'))!;
    const ward = (await listUnits(db, rf4.id)).find((u) => u.name === 'Ward 10 (acute medicine)')!;
    const [series] = await listSeries(db, { measureId: falls.id, organisationId: rf4.id, unitId: ward.id });
    const may = (await readSeries(db, series!.id))[1]!;
    expect(may.period).toBe('2016-05-01');
    const { numerator, denominator } = may;
    await upsertObservations(
      db,
      [{ seriesId: series!.id, period: may.period, numerator, denominator, ghost: true }],
      {
        userId: USER,
      },
    );
    await withApp(ctx, async (app) => {
      const bundle = await exportBundle(app, series!.id);
      const report = bundle.entry[1]!.resource;
      expect(report.extension).toEqual([
        {
          url: 'https://groundswell.example/fhir/StructureDefinition/excluded-from-calculations',
          valueBoolean: true,
        },
      ]);
      expect(report.group![0]!.population![1]!.extension![0]!.valueDecimal).toBeGreaterThan(0);
      expect(report.subject!.display).toBe('Ward 10 (acute medicine)');
      const response = await importBody(app, 'rf4', bundle);
      expect(response.statusCode).toBe(200);
      expect(body<FhirImportView>(response)).toMatchObject({ added: 0, changed: 0, unchanged: 36 });
    });
  }, 120_000);

  test('a lone MeasureReport sent as application/json adds a point; a new value changes it with a revision', async (ctx) => {
    const { db } = ctx;
    const organisation = await anOrganisation(db);
    const measure = await aMeasure(db, organisation.id, { code: 'los-days', frequency: 'quarter' });
    await withApp(ctx, async (app) => {
      const send = (value: number): Promise<LightMyRequestResponse> =>
        app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${organisation.id}/fhir`,
          payload: valueReport('los-days', '2024-04-01', value, {
            period: { start: '2024-04', end: '2024-06-30' },
            extension: [
              {
                url: 'https://groundswell.example/fhir/StructureDefinition/excluded-from-calculations',
                valueBoolean: true,
              },
            ],
          }),
        });
      const first = await send(4.5);
      expect(first.statusCode).toBe(200);
      expect(body<FhirImportView>(first)).toMatchObject({
        reports: 1,
        added: 1,
        series: [{ unit: null, created: true }],
      });
      const changed = body<FhirImportView>(await send(5.25));
      expect(changed).toMatchObject({ added: 0, changed: 1, unchanged: 0 });
      const [series] = await listSeries(db, { measureId: measure.id, organisationId: organisation.id });
      expect(await readSeries(db, series!.id)).toMatchObject([
        { period: '2024-04-01', value: 5.25, ghost: true },
      ]);
      expect(await listRevisions(db, series!.id)).toMatchObject([
        { oldValue: 4.5, newValue: 5.25, importId: changed.importId },
      ]);
    });
  });

  test('a bad report anywhere refuses the whole body with a 400 naming where, and writes nothing', async (ctx) => {
    const { db } = ctx;
    const organisation = await anOrganisation(db);
    const stranger = await anOrganisation(db);
    await aMeasure(db, null, { code: 'shared-count', dataType: 'count', chartType: 'c' });
    await aMeasure(db, null, { code: 'shared-share', dataType: 'proportion' });
    await aMeasure(db, stranger.id, { code: 'their-own' });
    await createUnit(db, { organisationId: organisation.id, kind: 'ward', name: 'Ward 7' });
    const [p1, p2, p3, p4] = months(4);
    const good = [
      valueReport('shared-count', p1!, 3),
      valueReport('shared-count', p2!, 4),
      valueReport('shared-count', p3!, 5),
    ];
    const share = (numerator: number, denominator: number): MeasureReport => ({
      ...valueReport('shared-share', p4!, 0),
      group: [
        {
          population: [
            { code: { coding: [{ system: POPULATION, code: 'numerator' }] }, count: numerator },
            { code: { coding: [{ system: POPULATION, code: 'denominator' }] }, count: denominator },
          ],
        },
      ],
    });
    const cases: [unknown, string, RegExp][] = [
      [
        bundleOf(...good, valueReport('shared-count', 'March', 1)),
        'entry[3].resource.period.start',
        /FHIR date/,
      ],
      [
        bundleOf(...good, valueReport('no-such-measure', p4!, 1)),
        'entry[3].resource.measure',
        /no measure with the code/,
      ],
      [
        bundleOf(...good, valueReport('their-own', p4!, 1)),
        'entry[3].resource.measure',
        /no measure with the code/,
      ],
      [
        bundleOf(...good, valueReport('shared-count', p4!, 1, { subject: { display: 'Ward 99' } })),
        'entry[3].resource.subject.display',
        /no unit named "Ward 99"/,
      ],
      [
        bundleOf(...good, valueReport('shared-count', p4!, 1, { period: { start: p4!, end: '2020-04-07' } })),
        'entry[3].resource.period.end',
        /per month.*ends on 2020-04-30/,
      ],
      [
        bundleOf(...good, valueReport('shared-count', p1!, 9)),
        'entry[3].resource.period.start',
        /more than once/,
      ],
      [
        bundleOf(...good, valueReport('shared-count', p4!, 2.5)),
        'entry[3].resource.group[0].measureScore.value',
        /whole number/,
      ],
      [bundleOf(...good, share(12, 10)), 'entry[3].resource.group[0].population', /numerator is larger/],
      [
        bundleOf(...good, { ...share(0, 0), group: [{}] }),
        'entry[3].resource.group[0].population',
        /needs a numerator and a denominator/,
      ],
      [{ resourceType: 'Patient' }, 'resourceType', /Bundle|MeasureReport/],
    ];
    await withApp(ctx, async (app) => {
      for (const [payload, field, message] of cases) {
        const response = await importBody(app, organisation.odsCode, payload);
        expect(response.statusCode, field).toBe(400);
        const { error } = body<ErrorJson>(response);
        expect(error.code, field).toBe('invalid_input');
        expect(error.details?.field, error.message).toBe(field);
        expect(error.message, field).toMatch(message);
      }
      const broken = await app.inject({
        method: 'POST',
        url: `/api/v1/organisations/${organisation.odsCode}/fhir`,
        headers: { 'content-type': 'application/fhir+json' },
        payload: '{"resourceType": "Bundle", ',
      });
      expect(broken.statusCode).toBe(400);
      expect(body<ErrorJson>(broken).error.code).toBe('bad_request');
      const unknown = await importBody(app, 'NOSUCH', bundleOf(...good));
      expect(unknown.statusCode).toBe(404);
    });
    expect(await listSeries(db, { organisationId: organisation.id })).toEqual([]);
    expect(await listImports(db, organisation.id)).toEqual([]);
  });

  test('units are found by name or, where names repeat, by path; the export gives the path', async (ctx) => {
    const { db } = ctx;
    const organisation = await anOrganisation(db);
    await aMeasure(db, null, { code: 'shared-count', dataType: 'count', chartType: 'c' });
    const medicine = await createUnit(db, {
      organisationId: organisation.id,
      kind: 'division',
      name: 'Medicine',
    });
    const surgery = await createUnit(db, {
      organisationId: organisation.id,
      kind: 'division',
      name: 'Surgery',
    });
    await createUnit(db, {
      organisationId: organisation.id,
      parentId: medicine.id,
      kind: 'ward',
      name: 'Ward 1',
    });
    const ward = await createUnit(db, {
      organisationId: organisation.id,
      parentId: surgery.id,
      kind: 'ward',
      name: 'Ward 1',
    });
    await withApp(ctx, async (app) => {
      const ambiguous = await importBody(
        app,
        organisation.odsCode,
        valueReport('shared-count', '2024-01-01', 2, { subject: { display: 'Ward 1' } }),
      );
      expect(ambiguous.statusCode).toBe(400);
      expect(body<ErrorJson>(ambiguous).error).toMatchObject({
        details: { field: 'subject.display' },
        message: expect.stringContaining('give its path') as unknown,
      });
      const byPath = await importBody(
        app,
        organisation.odsCode,
        valueReport('shared-count', '2024-01-01', 2, { subject: { display: 'surgery / ward 1' } }),
      );
      expect(byPath.statusCode).toBe(200);
      const { seriesId } = body<FhirImportView>(byPath).series[0]!;
      const [series] = await listSeries(db, { organisationId: organisation.id });
      expect(series).toMatchObject({ id: seriesId, unitId: ward.id });
      const bundle = await exportBundle(app, seriesId);
      expect(bundle.entry[0]!.resource.subject).toEqual({ display: 'Surgery / Ward 1' });
    });
  });
});
