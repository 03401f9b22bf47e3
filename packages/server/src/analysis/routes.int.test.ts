import { attributeChart, runChart, tChart, xmr } from '@groundswell/spc';
import type { SpcAnalysis } from '@groundswell/spc';
import { expect } from 'vitest';
import type { Database } from '../db/types.js';
import { updateMeasure } from '../measures/repository.js';
import { setTarget } from '../measures/targets.js';
import { upsertObservations } from '../observations/repository.js';
import type { ObservationInput } from '../observations/input.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { SYNTHETIC_SOURCE } from '../demo/synthetic.js';
import { ensureSeries } from '../series/repository.js';
import { aMeasure, anOrganisation, aSeries, months, USER } from '../test-support/fixtures.js';
import type { SeriesAnalysisView } from './schemas.js';

const VALUES = [12, 15, 11, 14, 13, 16, 12, 18, 21, 22, 19, 23, 24, 22, 25, 26, 24, 27, 29, 28];

const asJson = (analysis: SpcAnalysis): unknown => JSON.parse(JSON.stringify(analysis));

async function write(db: Database, rows: ObservationInput[]): Promise<void> {
  await upsertObservations(db, rows, { userId: USER });
}

async function analysisOf(db: Database, seriesId: string): Promise<SeriesAnalysisView> {
  return withApp(db, async (app) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/series/${seriesId}/analysis` });
    expect(response.statusCode).toBe(200);
    return body<SeriesAnalysisView>(response);
  });
}

describeEachEngine('HTTP analysis', ({ test }) => {
  test('GET /series/:id/analysis gives the figures of xmr on the same values, targets and options', async ({
    db,
  }) => {
    const { series, measure } = await aSeries(db);
    await updateMeasure(db, measure.id, { spcOptions: { direction: 'increase', rebaseAt: ['2020-11-01'] } });
    await setTarget(db, { measureId: measure.id, effectiveFrom: '2020-01-01', value: 20 });
    await setTarget(db, { measureId: measure.id, effectiveFrom: '2021-01-01', value: 25 });
    const periods = months(VALUES.length);
    await write(
      db,
      VALUES.map((value, i) => ({ seriesId: series.id, period: periods[i]!, value, ghost: i === 3 })),
    );
    const result = await analysisOf(db, series.id);
    const direct = xmr(
      {
        values: VALUES,
        periods,
        ghosts: VALUES.map((_, i) => i === 3),
        targets: periods.map((period) => (period < '2021-01-01' ? 20 : 25)),
      },
      { direction: 'increase', rebaseAt: ['2020-11-01'] },
    );
    expect(result.analysis).toEqual(asJson(direct));
    expect(result.icons).toEqual({
      variation: direct.summary.variation,
      assurance: direct.summary.assurance,
    });
    expect(result.series.id).toBe(series.id);
    expect(result.measure).toMatchObject({ id: measure.id, chartType: 'xmr' });
    expect(result.synthetic).toBe(false);
    expect(result.targets.map((t) => t.value)).toEqual([20, 25]);
    expect(result.analysis.partitions).toHaveLength(2);
  });

  test('with fewer than 13 points the analysis is a run chart (Anhøj rules on the median) until there are enough', async ({
    db,
  }) => {
    const { series } = await aSeries(db);
    const periods = months(8);
    await write(
      db,
      periods.map((period, i) => ({ seriesId: series.id, period, value: VALUES[i]! })),
    );
    const result = await analysisOf(db, series.id);
    const direct = runChart({ values: VALUES.slice(0, 8), periods });
    const json = asJson(direct) as { points: unknown; runs: unknown };
    expect(result.analysis.chart).toBe('run');
    expect(result.analysis.points).toEqual(json.points);
    expect(result.analysis.summary.limitsShown).toBe(false);
    expect(result.analysis.summary.runs).toEqual(direct.summary.runs);
    expect(result.analysis.runs).toEqual(json.runs);
    expect(result.analysis.warnings.map((w) => w.code)).toContain('too_few_points');
    expect(result.icons).toEqual({ variation: 'none', assurance: null });
    // The measure's chart is still XmR: with 13 points it has limits.
    expect(result.measure.chartType).toBe('xmr');
    await write(
      db,
      months(13)
        .slice(8)
        .map((period, i) => ({ seriesId: series.id, period, value: VALUES[8 + i]! })),
    );
    const enough = await analysisOf(db, series.id);
    expect(enough.analysis.chart).toBe('xmr');
    expect(enough.analysis.summary.limitsShown).toBe(true);
  });

  test('a proportion measure is analysed on a p chart from numerators and denominators', async ({ db }) => {
    const { series } = await aSeries(db, 'proportion');
    const periods = months(15);
    const numerators = periods.map((_, i) => 40 + ((i * 7) % 11));
    const denominators = periods.map((_, i) => 100 + ((i * 13) % 17));
    await write(
      db,
      periods.map((period, i) => ({
        seriesId: series.id,
        period,
        numerator: numerators[i]!,
        denominator: denominators[i]!,
      })),
    );
    const result = await analysisOf(db, series.id);
    const direct = attributeChart('p', {
      numerators,
      denominators,
      periods,
      ghosts: periods.map(() => false),
    });
    expect(result.analysis).toEqual(asJson(direct));
    expect(result.analysis.chart).toBe('p');
  });

  test('an events measure is analysed on a T chart from the days of the events', async ({ db }) => {
    const { series } = await aSeries(db, 'events');
    const days = ['2024-01-03', '2024-01-20', '2024-02-11', '2024-03-01', '2024-03-30'];
    await write(
      db,
      days.map((period, i) => ({ seriesId: series.id, period, value: i === 2 ? 2 : 1 })),
    );
    const result = await analysisOf(db, series.id);
    const dates = ['2024-01-03', '2024-01-20', '2024-02-11', '2024-02-11', '2024-03-01', '2024-03-30'];
    const direct = tChart({ dates, ghosts: dates.map(() => false) });
    expect(result.analysis).toEqual(asJson(direct));
  });

  test('a synthetic demo measure is marked as such', async ({ db }) => {
    const organisation = await anOrganisation(db);
    const measure = await aMeasure(db, organisation.id, { source: SYNTHETIC_SOURCE });
    const series = await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id });
    expect((await analysisOf(db, series.id)).synthetic).toBe(true);
  });

  test('GET /series/:id/analysis is a 404 for an unknown series and a 400 for a malformed id', async ({
    db,
  }) => {
    await withApp(db, async (app) => {
      const unknown = await app.inject({
        method: 'GET',
        url: '/api/v1/series/00000000-0000-4000-8000-00000000abcd/analysis',
      });
      expect(unknown.statusCode).toBe(404);
      const bad = await app.inject({ method: 'GET', url: '/api/v1/series/42/analysis' });
      expect(bad.statusCode).toBe(400);
    });
  });
});
