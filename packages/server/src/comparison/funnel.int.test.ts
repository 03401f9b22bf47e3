/**
 * `GET /measures/:id/funnel` on constructed organisations whose expected positions, limits, φ and
 * τ² are worked out here from spc-method.md §5's formulas (not by the engine); the windows; the
 * measure's direction in the words; published projects on the points; the errors.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { projectMeasures, projects } from '../db/schema.js';
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';
import type { Measure } from '../measures/repository.js';
import { upsertObservations } from '../observations/repository.js';
import type { Organisation } from '../organisations/repository.js';
import { ensureSeries } from '../series/repository.js';
import type { Series } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, USER } from '../test-support/fixtures.js';
import type { NewMeasure } from '../measures/input.js';
import { FunnelView } from './funnel-schemas.js';

/** [name, numerator, denominator] of the latest month: φ < 1, E far above, F a little below. */
const CALM: readonly (readonly [string, number, number])[] = [
  ['Alder', 800, 1000],
  ['Birch', 1620, 2000],
  ['Cedar', 400, 500],
  ['Damson', 1205, 1500],
  ['Elm', 900, 1000],
  ['Fir', 1175, 1500],
  ['Gean', 640, 800],
  ['Hazel', 955, 1200],
  ['Ivy', 480, 600],
  ['Juniper', 1610, 2000],
];

/** Far more spread than chance allows (φ in the fifties): Birch is beyond even the widened limits. */
const WILD: readonly (readonly [string, number, number])[] = [
  ['Alder', 700, 1000],
  ['Birch', 1990, 2000],
  ['Cedar', 350, 500],
  ['Damson', 1300, 1500],
  ['Elm', 900, 1000],
  ['Fir', 1050, 1500],
  ['Gean', 720, 800],
  ['Hazel', 900, 1200],
  ['Ivy', 530, 600],
  ['Juniper', 1500, 2000],
];

const Z95 = 1.959964;
const Z998 = 3.090232;

interface Band {
  readonly lower: number;
  readonly upper: number;
}

interface Expected {
  readonly theta: number;
  readonly phi: number;
  readonly tau2: number;
  readonly adjusted: boolean;
  readonly units: readonly {
    readonly name: string;
    readonly value: number;
    readonly z: number;
    readonly inner: Band;
    readonly outer: Band;
    readonly position: string;
  }[];
}

/** What spc-method.md §5 says a proportions funnel is, computed here on its own. */
function expected(set: readonly (readonly [string, number, number])[], overdispersion: boolean): Expected {
  const sumO = set.reduce((s, [, o]) => s + o, 0);
  const sumN = set.reduce((s, [, , n]) => s + n, 0);
  const theta = sumO / sumN;
  const centre = Math.asin(Math.sqrt(theta));
  const z = set.map(([, o, n]) => (Math.asin(Math.sqrt(o / n)) - centre) * 2 * Math.sqrt(n));
  const sorted = [...z].sort((a, b) => a - b);
  const N = z.length;
  const percentile = (p: number): number => {
    const h = (N - 1) * p;
    const k = Math.floor(h);
    return sorted[k]! + (h - k) * ((sorted[k + 1] ?? sorted[k]!) - sorted[k]!);
  };
  const lo = percentile(0.1);
  const hi = percentile(0.9);
  const phi = z.map((v) => Math.min(hi, Math.max(lo, v)) ** 2).reduce((s, v) => s + v, 0) / N;
  const w = set.map(([, , n]) => 4 * n);
  const sw = w.reduce((s, v) => s + v, 0);
  const sw2 = w.reduce((s, v) => s + v * v, 0);
  const tau2 = N * phi > N - 1 ? Math.max(0, (N * phi - (N - 1)) / (sw - sw2 / sw)) : 0;
  const adjusted = overdispersion && phi > 1;
  const clip = (x: number): number => Math.min(Math.PI / 2, Math.max(0, x));
  const limits = (n: number, zq: number): Band => {
    const s = Math.sqrt(1 / (4 * n) + (adjusted ? tau2 : 0));
    return { lower: Math.sin(clip(centre - zq * s)) ** 2, upper: Math.sin(clip(centre + zq * s)) ** 2 };
  };
  const units = set.map(([name, o, n], i) => {
    const value = o / n;
    const inner = limits(n, Z95);
    const outer = limits(n, Z998);
    const side = (l: Band): 'high' | 'low' | null =>
      value > l.upper ? 'high' : value < l.lower ? 'low' : null;
    const position =
      side(outer) === 'high'
        ? 'above_99_8'
        : side(outer) === 'low'
          ? 'below_99_8'
          : side(inner) === 'high'
            ? 'above_95'
            : side(inner) === 'low'
              ? 'below_95'
              : 'within';
    return { name, value, z: z[i]!, inner, outer, position };
  });
  return { theta, phi, tau2, adjusted, units };
}

interface Network {
  readonly measure: Measure;
  readonly organisations: Map<string, Organisation>;
  readonly series: Map<string, Series>;
}

/** A shared proportion measure recorded by one organisation per row of `set`: `set` in February 2021, 1 in 2 in January. */
async function aNetwork(
  db: Database,
  set: readonly (readonly [string, number, number])[],
  overrides: Partial<NewMeasure> = {},
): Promise<Network> {
  const measure = await aMeasure(db, null, {
    code: `funnel-${randomBytes(4).toString('hex')}`,
    name: 'Seen within 4 hours',
    dataType: 'proportion',
    chartType: 'p',
    visibility: 'public',
    spcOptions: { direction: 'increase' },
    ...overrides,
  });
  const organisations = new Map<string, Organisation>();
  const series = new Map<string, Series>();
  const rows = [];
  for (const [name, o, n] of set) {
    const organisation = await anOrganisation(db, { name: `${name} Trust` });
    const one = await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id });
    organisations.set(name, organisation);
    series.set(name, one);
    rows.push({ seriesId: one.id, period: '2021-01-01', numerator: 50, denominator: 100 });
    rows.push({ seriesId: one.id, period: '2021-02-01', numerator: o, denominator: n });
  }
  await upsertObservations(db, rows, { userId: USER });
  return { measure, organisations, series };
}

function funnelRequest(app: Api, measureId: string, query = ''): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url: `/api/v1/measures/${measureId}/funnel${query}` });
}

function view(response: LightMyRequestResponse): FunnelView {
  expect(response.statusCode, response.body).toBe(200);
  return FunnelView.parse(body(response));
}

const close = (actual: number, wanted: number): void => {
  expect(Math.abs(actual - wanted)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(wanted)));
};

/** Checks every point of the view against the formulas. */
function expectFormulas(result: FunnelView, set: typeof CALM, overdispersion: boolean): void {
  const want = expected(set, overdispersion);
  close(result.target!, want.theta);
  close(result.overdispersion.phi!, want.phi);
  close(result.overdispersion.tau2!, want.tau2);
  expect(result.overdispersion.adjusted).toBe(want.adjusted);
  expect(result.overdispersion.retained).toBe(set.length);
  expect(result.points.map((p) => p.label)).toEqual(want.units.map((u) => `${u.name} Trust`));
  result.points.forEach((point, i) => {
    const unit = want.units[i]!;
    close(point.value, unit.value);
    close(point.z, unit.z);
    expect(point.limits.map((l) => l.level)).toEqual([95, 99.8]);
    close(point.limits[0]!.lower, unit.inner.lower);
    close(point.limits[0]!.upper, unit.inner.upper);
    close(point.limits[1]!.lower, unit.outer.lower);
    close(point.limits[1]!.upper, unit.outer.upper);
    expect(point.position).toBe(unit.position);
    expect(point.outlier).toBe(unit.position.endsWith('99_8'));
  });
}

describeEachEngine('HTTP funnel', ({ test }) => {
  test('positions and limits as the formulas give them; φ ≤ 1, so the limits are not widened', async ({
    db,
  }) => {
    const network = await aNetwork(db, CALM);
    await withApp(db, async (app) => {
      const result = view(await funnelRequest(app, network.measure.id));
      expect(result).toMatchObject({
        unit: null,
        window: 'latest',
        among: 'all',
        period: { from: '2021-02-01', to: '2021-02-01' },
        type: 'proportion',
        direction: 'increase',
        missing: [],
        highlighted: null,
      });
      expectFormulas(result, CALM, true);
      expect(result.overdispersion.phi).toBeLessThan(1);
      const byName = new Map(result.points.map((p) => [p.label, p]));
      // Higher is better: Elm is a positive outlier, Fir possibly worse.
      expect(byName.get('Elm Trust')).toMatchObject({
        position: 'above_99_8',
        assessment: 'better',
        outlier: true,
        words: 'Better than expected (outlier): above the upper 99.8% limit',
      });
      expect(byName.get('Fir Trust')).toMatchObject({
        position: 'below_95',
        assessment: 'worse',
        outlier: false,
        words: 'Possibly worse than expected: below the lower 95% limit, within the 99.8% limits',
      });
      expect(byName.get('Alder Trust')).toMatchObject({ position: 'within', assessment: 'expected' });
      // Limit curves at both levels, over the denominators; the chart and its words.
      expect(result.curves.map((c) => c.level)).toEqual([95, 99.8]);
      expect(result.curves[1]!.z).toBe(Z998);
      expect(result.curves[0]!.points[0]!.denominator).toBe(500);
      expect(result.curves[0]!.points.at(-1)!.denominator).toBe(2000);
      expect(result.svg).toMatch(/^<svg[^>]*role="img"/);
      expect(result.svg).toContain('Elm Trust');
      expect(result.description).toContain('Elm Trust');

      // Highlighted on request.
      const elm = network.organisations.get('Elm')!;
      const mine = view(await funnelRequest(app, network.measure.id, `?organisation=${elm.odsCode}`));
      expect(mine.highlighted).toBe(elm.id);
      expect(mine.points.filter((p) => p.mine).map((p) => p.label)).toEqual(['Elm Trust']);
      expect(mine.svg).toContain('point-highlight');
    });
  });

  test('an overdispersed set: φ > 1, τ² widens the limits; switched off, the unadjusted limits', async ({
    db,
  }) => {
    const network = await aNetwork(db, WILD);
    await withApp(db, async (app) => {
      const result = view(await funnelRequest(app, network.measure.id));
      expectFormulas(result, WILD, true);
      expect(result.overdispersion).toMatchObject({ requested: true, adjusted: true });
      expect(result.overdispersion.phi).toBeGreaterThan(1);
      expect(result.overdispersion.tau2).toBeGreaterThan(0);
      expect(result.points.filter((p) => p.outlier).map((p) => p.label)).toEqual(['Birch Trust']);

      const raw = view(await funnelRequest(app, network.measure.id, '?overdispersion=false'));
      expectFormulas(raw, WILD, false);
      expect(raw.overdispersion).toMatchObject({ requested: false, adjusted: false });
      // φ and τ² are reported as measured, even when not used.
      close(raw.overdispersion.tau2!, result.overdispersion.tau2!);
      expect(raw.points.filter((p) => p.outlier).length).toBeGreaterThan(5);
    });
  });

  test('the twelve months up to the latest period sum numerators and denominators', async ({ db }) => {
    const network = await aNetwork(db, CALM);
    // One organisation has nothing in February: it is missing from the latest month only.
    const late = await anOrganisation(db, { name: 'Late Trust' });
    const lateSeries = await ensureSeries(db, { measureId: network.measure.id, organisationId: late.id });
    await upsertObservations(
      db,
      [
        { seriesId: lateSeries.id, period: '2020-02-01', numerator: 1, denominator: 2 },
        { seriesId: lateSeries.id, period: '2021-01-01', numerator: 30, denominator: 40 },
        // Ghosted points never enter a funnel.
        { seriesId: lateSeries.id, period: '2020-12-01', numerator: 10, denominator: 10, ghost: true },
      ],
      { userId: USER },
    );
    await withApp(db, async (app) => {
      const latest = view(await funnelRequest(app, network.measure.id));
      expect(latest.missing.map((o) => o.name)).toEqual(['Late Trust']);
      const year = view(await funnelRequest(app, network.measure.id, '?window=12-months'));
      expect(year.period).toEqual({ from: '2020-02-02', to: '2021-02-01' });
      expect(year.missing).toEqual([]);
      const byName = new Map(year.points.map((p) => [p.label, p]));
      expect(byName.get('Late Trust')).toMatchObject({ numerator: 30, denominator: 40, periods: 1 });
      for (const [name, o, n] of CALM) {
        expect(byName.get(`${name} Trust`)).toMatchObject({
          numerator: o + 50,
          denominator: n + 100,
          periods: 2,
        });
      }
      expectFormulas(
        year,
        [...CALM.map(([name, o, n]) => [name, o + 50, n + 100] as const), ['Late', 30, 40] as const].sort(
          (a, b) => a[0].localeCompare(b[0]),
        ),
        true,
      );
    });
  });

  test('words follow the direction: lower is better, or no direction (higher, lower)', async ({ db }) => {
    const lower = await aNetwork(db, CALM, { spcOptions: { direction: 'decrease' } });
    const neutral = await aNetwork(db, CALM, { spcOptions: {} });
    await withApp(db, async (app) => {
      const l = view(await funnelRequest(app, lower.measure.id));
      expect(l.direction).toBe('decrease');
      const elm = l.points.find((p) => p.label === 'Elm Trust')!;
      expect(elm).toMatchObject({
        assessment: 'worse',
        words: 'Worse than expected (outlier): above the upper 99.8% limit',
      });
      expect(l.points.find((p) => p.label === 'Fir Trust')!.assessment).toBe('better');
      const n = view(await funnelRequest(app, neutral.measure.id));
      expect(n.direction).toBe('neutral');
      expect(n.points.find((p) => p.label === 'Elm Trust')!.words).toBe(
        'Higher than expected (outlier): above the upper 99.8% limit',
      );
      expect(n.points.find((p) => p.label === 'Fir Trust')!.assessment).toBe('lower');
    });
  });

  test('each point lists its organisation’s published projects on the measure, newest first', async ({
    db,
  }) => {
    const network = await aNetwork(db, CALM);
    const elm = network.organisations.get('Elm')!;
    const other = await aMeasure(db, null, {
      code: `other-${randomBytes(4).toString('hex')}`,
      visibility: 'public',
    });
    const otherSeries = await ensureSeries(db, { measureId: other.id, organisationId: elm.id });
    const project = async (title: string, seriesId: string, publishedAt: Date | null): Promise<string> => {
      const [row] = await db
        .insert(projects)
        .values({
          organisationId: elm.id,
          title,
          stage: 'complete',
          lessons: 'Streaming at the door.',
          aimWhat: `Aim of ${title}`,
          visibility: 'internal',
          publishedAt,
        })
        .returning({ id: projects.id });
      await db.insert(projectMeasures).values({ projectId: row!.id, seriesId, kind: 'outcome' });
      return row!.id;
    };
    const older = await project(
      'Older project',
      network.series.get('Elm')!.id,
      new Date('2021-03-01T00:00:00Z'),
    );
    const newer = await project(
      'Newer project',
      network.series.get('Elm')!.id,
      new Date('2021-06-01T00:00:00Z'),
    );
    await project('Not published', network.series.get('Elm')!.id, null);
    await project('Another measure', otherSeries.id, new Date('2021-06-01T00:00:00Z'));
    await withApp(
      db,
      async (app) => {
        const result = view(await funnelRequest(app, network.measure.id));
        const point = result.points.find((p) => p.label === 'Elm Trust')!;
        expect(point.outlier).toBe(true);
        expect(point.projects).toEqual([
          {
            id: newer,
            title: 'Newer project',
            stage: 'complete',
            aim: 'Aim of Newer project',
            publishedAt: '2021-06-01T00:00:00.000Z',
          },
          {
            id: older,
            title: 'Older project',
            stage: 'complete',
            aim: 'Aim of Older project',
            publishedAt: '2021-03-01T00:00:00.000Z',
          },
        ]);
        expect(result.points.filter((p) => p.projects.length > 0).map((p) => p.label)).toEqual(['Elm Trust']);
      },
      { as: 'public' },
    );
  });

  test('a measure without a denominator or of one organisation is a 409; unknown a 404; bad options a 400', async ({
    db,
  }) => {
    const network = await aNetwork(db, CALM);
    const count = await aMeasure(db, null, {
      code: `count-${randomBytes(4).toString('hex')}`,
      dataType: 'count',
      visibility: 'public',
    });
    const owner = network.organisations.get('Alder')!;
    const own = await aMeasure(db, owner.id, {
      code: 'own-rate',
      dataType: 'proportion',
      chartType: 'p',
      visibility: 'public',
    });
    await withApp(db, async (app) => {
      const noDenominator = await funnelRequest(app, count.id);
      expect(noDenominator.statusCode).toBe(409);
      expect(body<ErrorJson>(noDenominator).error.message).toMatch(/proportion or a rate/);
      const ownMeasure = await funnelRequest(app, own.id);
      expect(ownMeasure.statusCode).toBe(409);
      expect(body<ErrorJson>(ownMeasure).error.message).toMatch(/shared/);
      expect((await funnelRequest(app, '00000000-0000-4000-8000-00000000abcd')).statusCode).toBe(404);
      for (const [id, query, field] of [
        ['not-an-id', '', 'id'],
        [network.measure.id, '?window=decade', 'window'],
        [network.measure.id, '?among=everyone', 'among'],
        [network.measure.id, '?overdispersion=maybe', 'overdispersion'],
        [network.measure.id, '?organisation=no%20such%20thing', 'organisation'],
      ] as const) {
        const bad = await funnelRequest(app, id, query);
        expect(bad.statusCode, `${query} ${bad.body}`).toBe(400);
        expect(body<ErrorJson>(bad).error.details?.field).toBe(field);
      }
      // A level no organisation records: an empty funnel, said plainly.
      const empty = view(await funnelRequest(app, network.measure.id, '?unit=Nowhere'));
      expect(empty).toMatchObject({ points: [], svg: null, period: null, target: null });
      expect(empty.description).toMatch(/no funnel plot/);
    });
  });
});
