import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { SeriesAnalysisView } from '../analysis/schemas.js';
import { DashboardView } from '../dashboard/schemas.js';
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';
import { setTarget } from '../measures/targets.js';
import type { Measure } from '../measures/repository.js';
import { upsertObservations } from '../observations/repository.js';
import type { Organisation } from '../organisations/repository.js';
import { ensureSeries } from '../series/repository.js';
import type { Series } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, demoTrust, months, USER } from '../test-support/fixtures.js';
import { createUnit } from '../units/repository.js';
import { ComparisonView } from './schemas.js';

/** Twenty months rising after the tenth. */
const RISING = [12, 15, 11, 14, 13, 16, 12, 18, 21, 22, 19, 23, 24, 22, 25, 26, 24, 27, 29, 28];
const FLAT = [20, 21, 19, 20, 22, 18, 20, 21, 19, 20, 21, 20, 19, 22, 20, 21, 19, 20, 21, 20];

interface Network {
  readonly measure: Measure;
  /** By name: 'beta', 'Alpha', 'gamma' (so that name order is case-insensitive: Alpha, beta, gamma). */
  readonly organisations: Readonly<Record<'alpha' | 'beta' | 'gamma', Organisation>>;
  readonly series: Readonly<Record<'alpha' | 'beta' | 'gamma', Series>>;
}

/** A shared measure recorded by three organisations (one of them also by a ward, one with no data). */
async function aNetwork(db: Database): Promise<Network> {
  const code = `cmp-${randomBytes(4).toString('hex')}`;
  const measure = await aMeasure(db, null, {
    code,
    name: 'Shared falls',
    unitLabel: 'falls',
    spcOptions: { direction: 'decrease' },
  });
  const beta = await anOrganisation(db, { name: 'beta Hospitals' });
  const alpha = await anOrganisation(db, { name: 'Alpha Trust' });
  const gamma = await anOrganisation(db, { name: 'gamma Care' });
  const ward = await createUnit(db, { organisationId: alpha.id, kind: 'ward', name: 'Ward 1' });
  const series = {
    alpha: await ensureSeries(db, { measureId: measure.id, organisationId: alpha.id }),
    beta: await ensureSeries(db, { measureId: measure.id, organisationId: beta.id }),
    gamma: await ensureSeries(db, { measureId: measure.id, organisationId: gamma.id }),
  };
  const wardSeries = await ensureSeries(db, {
    measureId: measure.id,
    organisationId: alpha.id,
    unitId: ward.id,
  });
  const periods = months(RISING.length);
  await upsertObservations(
    db,
    [
      ...periods.map((period, i) => ({ seriesId: series.alpha.id, period, value: RISING[i]! })),
      ...periods.map((period, i) => ({ seriesId: series.beta.id, period, value: FLAT[i]! })),
      ...periods.map((period, i) => ({ seriesId: wardSeries.id, period, value: FLAT[i]! })),
    ],
    { userId: USER },
  );
  return { measure, organisations: { alpha, beta, gamma }, series };
}

async function comparison(app: Api, measureId: string, query = ''): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/api/v1/measures/${measureId}/comparison${query}` });
}

/** A 200 response's body, checked against the documented schema. */
function view(response: LightMyRequestResponse): ComparisonView {
  expect(response.statusCode).toBe(200);
  return ComparisonView.parse(body(response));
}

const names = (result: ComparisonView): string[] => result.items.map((item) => item.organisation.name);

describeEachEngine('HTTP comparison', ({ test }) => {
  test('GET /measures/:id/comparison: each organisation’s own series in name order, as its dashboard shows it', async ({
    db,
  }) => {
    const network = await aNetwork(db);
    const { alpha, beta } = network.organisations;
    // Beta has its own target; the others the definition's.
    await setTarget(db, { measureId: network.measure.id, effectiveFrom: '2020-01-01', value: 30 });
    await setTarget(db, {
      measureId: network.measure.id,
      organisationId: beta.id,
      effectiveFrom: '2020-01-01',
      value: 19,
    });
    await withApp(db, async (app) => {
      const result = view(await comparison(app, network.measure.id));
      expect(result.measure).toMatchObject({
        id: network.measure.id,
        name: 'Shared falls',
        ownerOrganisationId: null,
      });
      expect(result.total).toBe(3);
      expect(result.matching).toBe(3);
      expect(result.nextCursor).toBeNull();
      expect(result.unit).toBeNull();
      expect(result.levels).toEqual([
        { unit: null, organisations: 3 },
        { unit: 'Ward 1', organisations: 1 },
      ]);
      // Name order, whatever the case; the ward's series is not among them.
      expect(names(result)).toEqual(['Alpha Trust', 'beta Hospitals', 'gamma Care']);
      expect(result.items.map((item) => item.series.unit)).toEqual([null, null, null]);
      expect(result.items[0]!.organisation).toEqual({
        id: alpha.id,
        odsCode: alpha.odsCode,
        name: 'Alpha Trust',
        kind: 'provider',
      });
      // Each card is the one on the organisation's own dashboard, with its own target.
      for (const item of result.items) {
        const dashboard = DashboardView.parse(
          body(
            await app.inject({
              method: 'GET',
              url: `/api/v1/organisations/${item.organisation.odsCode}/dashboard?unit=none&measure=${network.measure.id}`,
            }),
          ),
        );
        expect(dashboard.series).toHaveLength(1);
        expect(item.series).toEqual(dashboard.series[0]);
        const analysis = body<SeriesAnalysisView>(
          await app.inject({ method: 'GET', url: `/api/v1/series/${item.series.id}/analysis` }),
        );
        expect(item.series.icons).toEqual(analysis.icons);
      }
      const [a, b, g] = result.items;
      expect(a!.series).toMatchObject({ id: network.series.alpha.id, target: 30, pointCount: 20 });
      expect(a!.series.icons.variation).toBe('concern_high');
      expect(a!.series.measure).toMatchObject({ ownerOrganisationId: null, synthetic: false });
      expect(b!.series.target).toBe(19);
      expect(b!.series.sparkline.target).toEqual(Array(20).fill(19));
      expect(g!.series).toMatchObject({
        pointCount: 0,
        latest: null,
        icons: { variation: 'none', assurance: null },
      });

      // Fewer points per sparkline.
      const short = view(await comparison(app, network.measure.id, '?points=6'));
      expect(short.items[0]!.series.sparkline.values).toEqual(RISING.slice(-6));
    });
  });

  test('pages in name order with a cursor, and searches names and ODS codes', async ({ db }) => {
    const network = await aNetwork(db);
    await withApp(db, async (app) => {
      const id = network.measure.id;
      const first = view(await comparison(app, id, '?limit=2'));
      expect(names(first)).toEqual(['Alpha Trust', 'beta Hospitals']);
      expect(first.total).toBe(3);
      expect(first.nextCursor).not.toBeNull();
      const second = view(await comparison(app, id, `?limit=2&cursor=${first.nextCursor!}`));
      expect(names(second)).toEqual(['gamma Care']);
      expect(second.nextCursor).toBeNull();

      const searched = view(await comparison(app, id, '?search=HOSP'));
      expect(names(searched)).toEqual(['beta Hospitals']);
      expect(searched).toMatchObject({ total: 3, matching: 1 });
      const byCode = view(
        await comparison(app, id, `?search=${network.organisations.gamma.odsCode.toLowerCase()}`),
      );
      expect(names(byCode)).toEqual(['gamma Care']);
      // LIKE's wildcards are taken literally.
      expect(view(await comparison(app, id, '?search=%25')).matching).toBe(0);
    });
  });

  test('compares units of one name across organisations (unit=)', async ({ db }) => {
    const network = await aNetwork(db);
    const { beta } = network.organisations;
    const betaWard = await createUnit(db, { organisationId: beta.id, kind: 'ward', name: 'Ward 1' });
    await ensureSeries(db, { measureId: network.measure.id, organisationId: beta.id, unitId: betaWard.id });
    await withApp(db, async (app) => {
      const result = view(await comparison(app, network.measure.id, '?unit=Ward%201'));
      expect(result.unit).toBe('Ward 1');
      expect(result).toMatchObject({ total: 2, matching: 2 });
      expect(names(result)).toEqual(['Alpha Trust', 'beta Hospitals']);
      expect(result.items.map((item) => item.series.unit?.name)).toEqual(['Ward 1', 'Ward 1']);
      expect(result.items[0]!.series.pointCount).toBe(20);
      expect(result.levels).toContainEqual({ unit: 'Ward 1', organisations: 2 });
      expect(view(await comparison(app, network.measure.id, '?unit=Ward%202')).items).toEqual([]);
    });
  });

  test('a write reaches the next comparison (the cards are cached by version, never stale)', async ({
    db,
  }) => {
    const network = await aNetwork(db);
    await withApp(db, async (app) => {
      const id = network.measure.id;
      const before = view(await comparison(app, id));
      expect(before.items[1]!.series.latest?.value).toBe(20);
      await upsertObservations(db, [{ seriesId: network.series.beta.id, period: '2021-08-01', value: 2 }], {
        userId: USER,
      });
      const after = view(await comparison(app, id));
      expect(after.items[1]!.series.latest?.value).toBe(2);
      expect(after.items[1]!.series.sparkline.values.at(-1)).toBe(2);
      // The others are unchanged.
      expect(after.items[0]).toEqual(before.items[0]);
      await setTarget(db, { measureId: id, effectiveFrom: '2020-01-01', value: 25 });
      expect(view(await comparison(app, id)).items[0]!.series.target).toBe(25);
    });
  });

  test('an unknown measure is a 404; a malformed id, cursor or limit a 400 naming it', async ({ db }) => {
    const network = await aNetwork(db);
    await withApp(db, async (app) => {
      const missing = await comparison(app, '00000000-0000-4000-8000-00000000abcd');
      expect(missing.statusCode).toBe(404);
      for (const [id, query, field] of [
        ['not-an-id', '', 'id'],
        [network.measure.id, '?cursor=nonsense', 'cursor'],
        [network.measure.id, '?limit=0', 'limit'],
        [network.measure.id, '?points=5000', 'points'],
      ] as const) {
        const bad = await comparison(app, id, query);
        expect(bad.statusCode).toBe(400);
        expect(body<ErrorJson>(bad).error.details?.field).toBe(field);
      }
    });
  });

  test('an organisation’s own measure compares that organisation alone; the dashboard marks synthetic demo data', async ({
    db,
  }) => {
    const rf4 = await demoTrust(db);
    await withApp(db, async (app) => {
      const dashboard = DashboardView.parse(
        body(await app.inject({ method: 'GET', url: '/api/v1/organisations/RF4/dashboard' })),
      );
      const synthetic = dashboard.series.filter((s) => s.measure.synthetic);
      expect(synthetic.length).toBeGreaterThan(0);
      for (const s of synthetic) {
        expect(s.measure.name).toContain('synthetic demo data');
        expect(s.measure.ownerOrganisationId).toBe(rf4.id);
      }
      const shared = dashboard.series.filter((s) => s.measure.ownerOrganisationId === null);
      expect(shared.length).toBeGreaterThan(0);
      for (const s of shared) expect(s.measure.synthetic).toBe(false);

      const own = view(await comparison(app, synthetic[0]!.measure.id));
      // Its wards record it, the organisation as a whole does not.
      expect(own.total).toBe(0);
      expect(own.items).toEqual([]);
      expect(own.levels.every((level) => level.unit !== null && level.organisations === 1)).toBe(true);
      // The A&E measures are recorded per department type.
      const fourHour = shared.find((s) => s.measure.code === 'ae-4-hour' && s.unit !== null)!;
      const levels = view(await comparison(app, fourHour.measure.id)).levels;
      expect(levels.map((level) => level.unit)).toContain(fourHour.unit!.name);
      const compared = view(
        await comparison(app, fourHour.measure.id, `?unit=${encodeURIComponent(fourHour.unit!.name)}`),
      );
      expect(names(compared)).toEqual([rf4.name]);
      expect(compared.items[0]!.series).toEqual(fourHour);
    });
  });
});
