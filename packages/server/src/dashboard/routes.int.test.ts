import { gunzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { addAnnotation } from '../annotations/repository.js';
import type { SeriesAnalysisView } from '../analysis/schemas.js';
import { SYSTEM } from '../auth/principal.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { Database, DatabaseHandle, Engine } from '../db/types.js';
import type { Api } from '../http/types.js';
import { updateMeasure } from '../measures/repository.js';
import { setTarget } from '../measures/targets.js';
import { upsertObservations } from '../observations/repository.js';
import type { Organisation } from '../organisations/repository.js';
import { ensureSeries } from '../series/repository.js';
import type { Series } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine, freshPostgres, testEngines } from '../test-support/database.js';
import { pgliteTemplate } from '../test-support/pglite-template.js';
import { aMeasure, anOrganisation, months, USER } from '../test-support/fixtures.js';
import { createUnit } from '../units/repository.js';
import type { Unit } from '../units/repository.js';
import { DashboardView } from './schemas.js';
import { DashboardService } from './service.js';

/** A centre line or limit as the sparkline carries it: 6 significant figures (null stays null). */
const drawn = (value: number | null): number | null => (value === null ? null : Number(value.toPrecision(6)));

/** Twenty months rising after the tenth: special cause improvement when higher is better. */
const RISING = [12, 15, 11, 14, 13, 16, 12, 18, 21, 22, 19, 23, 24, 22, 25, 26, 24, 27, 29, 28];

interface Trust {
  readonly organisation: Organisation;
  readonly division: Unit;
  readonly ward: Unit;
  /** Falls (value, safety): the organisation as a whole, and the ward. */
  readonly falls: Series;
  readonly wardFalls: Series;
  /** Friends and family (proportion, experience, public), the division. */
  readonly recommend: Series;
  readonly fallsMeasureId: string;
  readonly recommendMeasureId: string;
}

/** A trust with a division, a ward under it, and three series with data. */
async function aTrust(db: Database): Promise<Trust> {
  const organisation = await anOrganisation(db, { name: 'Dashboard Trust' });
  const division = await createUnit(db, {
    organisationId: organisation.id,
    kind: 'division',
    name: 'Medicine',
  });
  const ward = await createUnit(db, {
    organisationId: organisation.id,
    parentId: division.id,
    kind: 'ward',
    name: 'Ward 7',
  });
  const falls = await aMeasure(db, organisation.id, {
    code: 'falls',
    name: 'Falls',
    unitLabel: 'falls',
    spcOptions: { direction: 'decrease' },
  });
  const recommend = await aMeasure(db, organisation.id, {
    code: 'fft',
    name: 'Would recommend',
    dataType: 'proportion',
    domain: 'experience',
    visibility: 'public',
    spcOptions: { direction: 'increase' },
  });
  const key = { organisationId: organisation.id };
  const trust = {
    organisation,
    division,
    ward,
    falls: await ensureSeries(db, { ...key, measureId: falls.id }),
    wardFalls: await ensureSeries(db, { ...key, measureId: falls.id, unitId: ward.id }),
    recommend: await ensureSeries(db, { ...key, measureId: recommend.id, unitId: division.id }),
    fallsMeasureId: falls.id,
    recommendMeasureId: recommend.id,
  };
  const periods = months(RISING.length);
  await upsertObservations(
    db,
    [
      ...periods.map((period, i) => ({ seriesId: trust.falls.id, period, value: RISING[i]! })),
      ...periods
        .slice(0, 8)
        .map((period, i) => ({ seriesId: trust.wardFalls.id, period, value: 3 + (i % 3) })),
      ...periods.map((period, i) => ({
        seriesId: trust.recommend.id,
        period,
        numerator: 80 + ((i * 7) % 11),
        denominator: 100,
      })),
    ],
    { userId: USER },
  );
  return trust;
}

async function dashboard(
  app: Api,
  ref: string,
  query = '',
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/api/v1/organisations/${ref}/dashboard${query}`, headers });
}

/** A 200 response's body, checked against the documented schema. */
function view(response: LightMyRequestResponse): DashboardView {
  expect(response.statusCode).toBe(200);
  return DashboardView.parse(body(response));
}

const names = (result: DashboardView): string[] =>
  result.series.map((s) => `${s.measure.code}/${s.unit?.name ?? '-'}`);

describeEachEngine('HTTP dashboard', ({ test }) => {
  test('GET /organisations/:ref/dashboard: every series analysed, by ODS code or id', async ({ db }) => {
    const trust = await aTrust(db);
    await setTarget(db, { measureId: trust.fallsMeasureId, effectiveFrom: '2020-01-01', value: 30 });
    await withApp(db, async (app) => {
      const result = view(await dashboard(app, trust.organisation.odsCode.toLowerCase()));
      expect(view(await dashboard(app, trust.organisation.id))).toEqual(result);
      expect(result.organisation).toEqual({
        id: trust.organisation.id,
        odsCode: trust.organisation.odsCode,
        name: 'Dashboard Trust',
        kind: 'provider',
      });
      expect(names(result)).toEqual(['falls/-', 'falls/Ward 7', 'fft/Medicine']);
      expect(result.total).toBe(3);
      const [falls, wardFalls, recommend] = result.series;
      expect(falls).toMatchObject({
        id: trust.falls.id,
        measure: {
          id: trust.fallsMeasureId,
          code: 'falls',
          name: 'Falls',
          domain: 'safety',
          dataType: 'value',
          chartType: 'xmr',
          direction: 'decrease',
          unitLabel: 'falls',
          visibility: 'internal',
        },
        unit: null,
        pointCount: 20,
        latest: { period: '2021-08-01', value: 28, numerator: null, denominator: null, ghost: false },
        target: 30,
        annotationCount: 0,
      });
      expect(wardFalls).toMatchObject({
        unit: { id: trust.ward.id, name: 'Ward 7' },
        pointCount: 8,
        icons: { variation: 'none', assurance: null },
      });
      expect(wardFalls!.warnings.map((w) => w.code)).toContain('too_few_points');
      expect(recommend).toMatchObject({ measure: { chartType: 'p', visibility: 'public' }, target: null });
      expect(recommend!.latest).toMatchObject({
        numerator: 80 + ((19 * 7) % 11),
        denominator: 100,
        value: null,
      });

      // The icons, values and lines are those of the series' own analysis.
      for (const series of result.series) {
        const analysis = body<SeriesAnalysisView>(
          await app.inject({ method: 'GET', url: `/api/v1/series/${series.id}/analysis` }),
        );
        expect(series.icons).toEqual(analysis.icons);
        const points = analysis.analysis.points;
        expect(series.sparkline.values).toEqual(points.map((p) => p.value));
        expect(series.sparkline.periods).toEqual(points.map((p) => p.period));
        expect(series.sparkline.mean).toEqual(points.map((p) => p.mean).map(drawn));
        expect(series.sparkline.lower).toEqual(points.map((p) => p.lowerLimit).map(drawn));
        expect(series.sparkline.upper).toEqual(points.map((p) => p.upperLimit).map(drawn));
        const indexesOf = (type: string): number[] =>
          points.flatMap((p, i) => (p.pointType === type ? [i] : []));
        expect(series.sparkline.improvement).toEqual(indexesOf('improvement'));
        expect(series.sparkline.concern).toEqual(indexesOf('concern'));
      }
      // Falls rise, and lower is better: concern, failing to meet a target of at most 30 reliably.
      expect(falls!.icons.variation).toBe('concern_high');
      expect(falls!.sparkline.concern.length).toBeGreaterThan(0);
      expect(falls!.sparkline.target).toEqual(Array(20).fill(30));
      expect(recommend!.sparkline.target).toBeNull();

      // The matrix has every cell, and counts each series once.
      expect(result.matrix).toHaveLength(32);
      expect(result.matrix.reduce((n, cell) => n + cell.count, 0)).toBe(3);
      const cell = result.matrix.find(
        (c) => c.variation === 'concern_high' && c.assurance === falls!.icons.assurance,
      );
      expect(cell?.seriesIds).toContain(trust.falls.id);
      for (const c of result.matrix) expect(c.count).toBe(c.seriesIds.length);
    });
  });

  test('filters: unit (and its subtree), organisation level, domain, measure, visibility, icons, points', async ({
    db,
  }) => {
    const trust = await aTrust(db);
    await withApp(db, async (app) => {
      const ref = trust.organisation.odsCode;
      const get = async (query: string): Promise<DashboardView> => view(await dashboard(app, ref, query));
      expect(names(await get(`?unit=${trust.ward.id}`))).toEqual(['falls/Ward 7']);
      expect(names(await get(`?unit=${trust.division.id}`))).toEqual(['fft/Medicine']);
      expect(names(await get(`?unit=${trust.division.id}&subtree=true`))).toEqual([
        'falls/Ward 7',
        'fft/Medicine',
      ]);
      expect(names(await get('?unit=none'))).toEqual(['falls/-']);
      expect(names(await get('?domain=experience'))).toEqual(['fft/Medicine']);
      expect(names(await get('?measure=falls'))).toEqual(['falls/-', 'falls/Ward 7']);
      expect(names(await get(`?measure=${trust.recommendMeasureId}`))).toEqual(['fft/Medicine']);
      expect(names(await get('?visibility=public'))).toEqual(['fft/Medicine']);
      expect(names(await get('?domain=finance'))).toEqual([]);

      const all = await get('');
      const byVariation = await get('?variation=none');
      expect(names(byVariation)).toEqual(['falls/Ward 7']);
      expect(byVariation.matrix).toEqual(all.matrix);
      expect(byVariation.total).toBe(3);
      expect(names(await get('?assurance=none'))).toEqual(names(all));
      expect(names(await get('?assurance=pass'))).toEqual([]);

      const short = await get('?points=5');
      const falls = short.series[0]!;
      expect(falls.sparkline.offset).toBe(15);
      expect(falls.sparkline.values).toEqual(RISING.slice(15));
      expect(falls.sparkline.periods).toHaveLength(5);
      expect(falls.sparkline.concern.every((i) => i < 5)).toBe(true);
      expect((await get('?points=0')).series[0]!.sparkline.values).toEqual([]);
    });
  });

  test('unknown organisations and units are 404s; malformed filters are 400s naming the field', async ({
    db,
  }) => {
    const trust = await aTrust(db);
    const other = await anOrganisation(db);
    const elsewhere = await createUnit(db, { organisationId: other.id, kind: 'ward', name: 'Elsewhere' });
    await withApp(db, async (app) => {
      const ref = trust.organisation.odsCode;
      const noOrganisation = await dashboard(app, 'ZZZ999');
      expect(noOrganisation.statusCode).toBe(404);
      expect(body<ErrorJson>(noOrganisation).error.details?.field).toBe('ref');
      const foreignUnit = await dashboard(app, ref, `?unit=${elsewhere.id}`);
      expect(foreignUnit.statusCode).toBe(404);
      expect(body<ErrorJson>(foreignUnit).error.details?.field).toBe('unit');
      expect((await dashboard(app, ref, `?unit=${elsewhere.id}&subtree=true`)).statusCode).toBe(404);
      for (const [query, field] of [
        ['?unit=ward-7', 'unit'],
        ['?domain=gardening', 'domain'],
        ['?variation=up', 'variation'],
        ['?points=1001', 'points'],
      ] as const) {
        const bad = await dashboard(app, ref, query);
        expect(bad.statusCode).toBe(400);
        expect(body<ErrorJson>(bad).error.details?.field).toBe(field);
      }
      expect((await dashboard(app, 'not a code!')).statusCode).toBe(400);
    });
  });

  test('an unchanged dashboard keeps its ETag and answers If-None-Match with 304', async ({ db }) => {
    const trust = await aTrust(db);
    await withApp(db, async (app) => {
      const ref = trust.organisation.odsCode;
      const first = await dashboard(app, ref);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/".+"$/);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      const second = await dashboard(app, ref);
      expect(second.headers.etag).toBe(etag);
      expect(second.body).toBe(first.body);
      const notModified = await dashboard(app, ref, '', { 'if-none-match': etag });
      expect(notModified.statusCode).toBe(304);
      expect(notModified.body).toBe('');
      expect(notModified.headers.etag).toBe(etag);
      expect(notModified.headers['content-length']).toBeUndefined();
      expect((await dashboard(app, ref, '', { 'if-none-match': `"x", ${etag.slice(2)}` })).statusCode).toBe(
        304,
      );
      expect((await dashboard(app, ref, '', { 'if-none-match': '*' })).statusCode).toBe(304);
      expect((await dashboard(app, ref, '', { 'if-none-match': 'W/"other"' })).statusCode).toBe(200);
      // Other filters are other representations, with other tags.
      expect((await dashboard(app, ref, '?points=5')).headers.etag).not.toBe(etag);
      // The same rows written again change nothing: still a 304.
      const periods = months(RISING.length);
      await upsertObservations(
        db,
        periods.map((period, i) => ({ seriesId: trust.falls.id, period, value: RISING[i]! })),
        { userId: USER },
      );
      expect((await dashboard(app, ref, '', { 'if-none-match': etag })).statusCode).toBe(304);
      // Another server (a new app, its own caches) gives the same tag for the same data.
      await withApp(db, async (other) => {
        expect((await dashboard(other, ref)).headers.etag).toBe(etag);
        expect((await dashboard(other, ref, '', { 'if-none-match': etag })).statusCode).toBe(304);
      });
    });
  });

  test('every kind of change reaches the next response and its ETag, on a server that did not make it', async ({
    db,
  }) => {
    const trust = await aTrust(db);
    await withApp(db, async (app) => {
      const ref = trust.organisation.odsCode;
      let etag = '';
      /** The dashboard now, which must have a new ETag (and the old one no longer a 304). */
      const changed = async (): Promise<DashboardView> => {
        const stale = await dashboard(app, ref, '', { 'if-none-match': etag });
        expect(stale.statusCode).toBe(200);
        expect(stale.headers.etag).not.toBe(etag);
        etag = stale.headers.etag as string;
        expect((await dashboard(app, ref, '', { 'if-none-match': etag })).statusCode).toBe(304);
        // Nothing stale: each series as its own analysis (never cached) has it now.
        const result = view(stale);
        for (const series of result.series) {
          const analysis = body<SeriesAnalysisView>(
            await app.inject({ method: 'GET', url: `/api/v1/series/${series.id}/analysis` }),
          );
          expect(series.icons).toEqual(analysis.icons);
          expect(series.sparkline.values).toEqual(analysis.analysis.points.map((p) => p.value));
          expect(series.sparkline.upper).toEqual(
            analysis.analysis.points.map((p) => p.upperLimit).map(drawn),
          );
        }
        return result;
      };
      const falls = (result: DashboardView): DashboardView['series'][number] =>
        result.series.find((s) => s.id === trust.falls.id)!;
      etag = (await dashboard(app, ref)).headers.etag as string;

      // A measure option: which way is better.
      expect(falls(view(await dashboard(app, ref))).icons.variation).toBe('concern_high');
      await updateMeasure(db, trust.fallsMeasureId, { spcOptions: { direction: 'increase' } });
      let now = falls(await changed());
      expect(now.measure.direction).toBe('increase');
      expect(now.icons.variation).toBe('improvement_high');
      // The same option again still moves the version (a definition write is a new version).
      await updateMeasure(db, trust.fallsMeasureId, { spcOptions: { direction: 'increase' } });
      await changed();
      // An observation changed (written straight to the database, not through this app).
      await upsertObservations(db, [{ seriesId: trust.falls.id, period: '2021-08-01', value: 12 }], {
        userId: USER,
      });
      expect(falls(await changed()).latest?.value).toBe(12);

      // A new point, through another server's HTTP API.
      await withApp(db, async (other) => {
        const write = await other.inject({
          method: 'POST',
          url: `/api/v1/series/${trust.falls.id}/observations`,
          payload: { rows: [{ period: '2021-09-01', value: 13 }], userId: USER },
        });
        expect(write.statusCode).toBe(200);
      });
      now = falls(await changed());
      expect(now.pointCount).toBe(21);
      expect(now.latest?.period).toBe('2021-09-01');

      // An annotation.
      await addAnnotation(db, {
        seriesId: trust.falls.id,
        period: '2021-09-01',
        text: 'New mattresses',
        author: 'A',
      });
      now = falls(await changed());
      expect(now.annotationCount).toBe(1);
      expect(now.sparkline.annotated).toEqual([20]);

      // A target.
      expect(now.target).toBeNull();
      await setTarget(db, { measureId: trust.fallsMeasureId, effectiveFrom: '2020-01-01', value: 40 });
      now = falls(await changed());
      expect(now.target).toBe(40);
      expect(now.icons.assurance).not.toBeNull();
      // The organisation's own timeline for the measure.
      await setTarget(db, {
        measureId: trust.fallsMeasureId,
        organisationId: trust.organisation.id,
        effectiveFrom: '2021-01-01',
        value: 35,
      });
      expect(falls(await changed()).target).toBe(35);

      // A measure's name.
      await updateMeasure(db, trust.fallsMeasureId, { name: 'Inpatient falls' });
      expect(falls(await changed()).measure.name).toBe('Inpatient falls');

      // A new series of the organisation.
      const measure = await aMeasure(db, trust.organisation.id, {
        code: 'pressure-ulcers',
        name: 'Pressure ulcers',
      });
      await ensureSeries(db, { measureId: measure.id, organisationId: trust.organisation.id });
      const result = await changed();
      expect(result.total).toBe(4);
      expect(result.series.find((s) => s.measure.code === 'pressure-ulcers')).toMatchObject({
        pointCount: 0,
        latest: null,
        icons: { variation: 'none', assurance: null },
        sparkline: { values: [], periods: [] },
      });

      // A change to another organisation's series changes nothing here.
      const other = await aTrust(db);
      await upsertObservations(db, [{ seriesId: other.falls.id, period: '2021-08-01', value: 1 }], {
        userId: USER,
      });
      expect((await dashboard(app, ref, '', { 'if-none-match': etag })).statusCode).toBe(304);
    });
  });

  test('a change outside a filtered dashboard leaves its ETag alone', async ({ db }) => {
    const trust = await aTrust(db);
    await withApp(db, async (app) => {
      const ref = trust.organisation.odsCode;
      const etag = (await dashboard(app, ref, '?domain=experience')).headers.etag as string;
      await upsertObservations(db, [{ seriesId: trust.falls.id, period: '2021-08-01', value: 1 }], {
        userId: USER,
      });
      expect((await dashboard(app, ref, '?domain=experience', { 'if-none-match': etag })).statusCode).toBe(
        304,
      );
      await upsertObservations(
        db,
        [{ seriesId: trust.recommend.id, period: '2021-08-01', numerator: 1, denominator: 2 }],
        {
          userId: USER,
        },
      );
      expect((await dashboard(app, ref, '?domain=experience', { 'if-none-match': etag })).statusCode).toBe(
        200,
      );
    });
  });

  test('caches too small to hold anything change nothing but speed', async ({ db }) => {
    const trust = await aTrust(db);
    const ref = trust.organisation.odsCode;
    const read = async (service: DashboardService): Promise<{ etag: string; json: string }> => {
      const check = await service.check(SYSTEM, ref, {});
      const result = await service.body(SYSTEM, ref, {}, check);
      expect(result.etag).toBe(check.etag);
      return { etag: result.etag, json: result.json.toString('utf8') };
    };
    const tiny = new DashboardService(db, { maxCardBytes: 1, maxResponseBytes: 1 });
    const usual = new DashboardService(db);
    const first = await read(tiny);
    expect(await read(usual)).toEqual(first);
    expect(await read(tiny)).toEqual(first);
    await upsertObservations(db, [{ seriesId: trust.falls.id, period: '2021-08-01', value: 2 }], {
      userId: USER,
    });
    const changed = await read(tiny);
    expect(changed.etag).not.toBe(first.etag);
    expect(await read(usual)).toEqual(changed);
  });

  test('the body is gzipped for clients that take gzip, and is the same JSON', async ({ db }) => {
    const trust = await aTrust(db);
    await withApp(db, async (app) => {
      const ref = trust.organisation.odsCode;
      const plain = await dashboard(app, ref);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-type']).toMatch(/^application\/json/);
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      const zipped = await dashboard(app, ref, '', { 'accept-encoding': 'gzip, deflate, br' });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.etag).toBe(plain.headers.etag);
      expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
      const refused = await dashboard(app, ref, '', { 'accept-encoding': 'gzip;q=0, identity' });
      expect(refused.headers['content-encoding']).toBeUndefined();
    });
  });

  test('the route is in the OpenAPI document with its filters and response', async ({ db }) => {
    await withApp(db, async (app) => {
      const document = body<{
        paths: Record<string, { get?: { parameters?: { name: string }[]; responses?: object } }>;
      }>(await app.inject({ method: 'GET', url: '/api/openapi.json' }));
      const route = document.paths['/api/v1/organisations/{ref}/dashboard']?.get;
      expect(route?.parameters?.map((p) => p.name)).toEqual(
        expect.arrayContaining([
          'ref',
          'unit',
          'subtree',
          'domain',
          'measure',
          'visibility',
          'variation',
          'assurance',
          'points',
        ]),
      );
      expect(Object.keys(route?.responses ?? {})).toEqual(expect.arrayContaining(['200', '304', '404']));
    });
  });
});

describe.each(testEngines())('HTTP dashboard on an open database [%s]', (engine) => {
  it('builds in a read-only snapshot: concurrent requests get one body and tag, and a commit is seen next', async () => {
    const { handle, close } = await openScratch(engine);
    try {
      const trust = await aTrust(handle.db);
      await withApp(handle.db, async (app) => {
        const ref = trust.organisation.odsCode;
        const responses = await Promise.all(Array.from({ length: 12 }, () => dashboard(app, ref)));
        const etags = new Set(responses.map((r) => r.headers.etag));
        expect(etags.size).toBe(1);
        expect(new Set(responses.map((r) => r.body)).size).toBe(1);
        expect(view(responses[0]!).total).toBe(3);
        const etag = responses[0]!.headers.etag as string;
        await handle.transaction(({ db }) =>
          upsertObservations(db, [{ seriesId: trust.falls.id, period: '2021-09-01', value: 1 }], {
            userId: USER,
          }),
        );
        const after = await dashboard(app, ref, '', { 'if-none-match': etag });
        expect(after.statusCode).toBe(200);
        expect(view(after).series[0]!.latest).toMatchObject({ period: '2021-09-01', value: 1 });
      });
    } finally {
      await close();
    }
  });
});

/** A database of its own (its writes are committed): in-memory PGlite, or a new PostgreSQL database. */
async function openScratch(engine: Engine): Promise<{ handle: DatabaseHandle; close: () => Promise<void> }> {
  if (engine === 'postgres') {
    const { handle, drop } = await freshPostgres();
    return { handle, close: drop };
  }
  const handle = await openDatabase({ engine: 'pglite', dataDir: null, loadDataDir: await pgliteTemplate() });
  await migrate(handle);
  return { handle, close: () => handle.close() };
}
