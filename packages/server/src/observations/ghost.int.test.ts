import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { SeriesAnalysisView } from '../analysis/schemas.js';
import type { DashboardView } from '../dashboard/schemas.js';
import type { Api } from '../http/types.js';
import { getSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { operatorId } from '../test-support/users.js';
import { describeEachEngine } from '../test-support/database.js';
import { aSeries, months, USER } from '../test-support/fixtures.js';
import { listRevisions, readSeries, upsertObservations } from './repository.js';
import type { ObservationView } from './schemas.js';

const PERIODS = months(15);
const VALUES = [30, 32, 31, 29, 33, 30, 31, 32, 30, 29, 31, 33, 30, 32, 60];

async function ghost(
  app: Api,
  seriesId: string,
  period: string,
  payload: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'PATCH',
    url: `/api/v1/series/${seriesId}/observations/${period}`,
    payload: payload as object,
  });
}

describeEachEngine('HTTP ghosting a point', ({ test }) => {
  test('PATCH …/observations/:period ghosts a point, keeps its numbers and records a revision', async ({
    db,
  }) => {
    const { series } = await aSeries(db, 'proportion');
    await upsertObservations(
      db,
      PERIODS.map((period, i) => ({ seriesId: series.id, period, numerator: VALUES[i]!, denominator: 100 })),
      { userId: USER },
    );
    const version = (await getSeries(db, series.id))!.dataVersion;
    await withApp(db, async (app) => {
      const response = await ghost(app, series.id, '2020-03-01', { ghost: true });
      expect(response.statusCode).toBe(200);
      const point = body<ObservationView>(response);
      expect(point).toMatchObject({
        period: '2020-03-01',
        numerator: 31,
        denominator: 100,
        value: null,
        ghost: true,
        recordedBy: await operatorId(db),
        importId: null,
      });
      const revisions = await listRevisions(db, series.id);
      expect(revisions).toHaveLength(1);
      expect(revisions[0]).toMatchObject({
        period: '2020-03-01',
        oldGhost: false,
        newGhost: true,
        oldNumerator: 31,
        newNumerator: 31,
        oldDenominator: 100,
        newDenominator: 100,
        changedBy: await operatorId(db),
      });
      expect((await getSeries(db, series.id))!.dataVersion).toBe(version + 1);

      const analysis = body<SeriesAnalysisView>(
        await app.inject({ method: 'GET', url: `/api/v1/series/${series.id}/analysis` }),
      );
      expect(analysis.analysis.points[2]!.ghost).toBe(true);
      expect(analysis.analysis.summary.n).toBe(14);

      // The same flag again changes nothing; a person is recorded as themselves, whatever userId says.
      expect((await ghost(app, series.id, '2020-03-01', { ghost: true })).statusCode).toBe(200);
      expect(await listRevisions(db, series.id)).toHaveLength(1);
      const back = await ghost(app, series.id, '2020-03-01', { ghost: false, userId: USER });
      expect(body<ObservationView>(back)).toMatchObject({
        ghost: false,
        recordedBy: await operatorId(db),
        numerator: 31,
      });
      expect(await listRevisions(db, series.id)).toHaveLength(2);
      expect((await getSeries(db, series.id))!.dataVersion).toBe(version + 2);
      expect((await readSeries(db, series.id)).every((p) => !p.ghost)).toBe(true);
    });
  });

  test('ghosting the latest point changes the dashboard’s icons', async ({ db }) => {
    const { series, organisation } = await aSeries(db);
    await upsertObservations(
      db,
      PERIODS.map((period, i) => ({ seriesId: series.id, period, value: VALUES[i]! })),
      { userId: USER },
    );
    await withApp(db, async (app) => {
      const dashboard = async (): Promise<DashboardView> =>
        body<DashboardView>(
          await app.inject({ method: 'GET', url: `/api/v1/organisations/${organisation.odsCode}/dashboard` }),
        );
      // The last value (60) is far above the limits: special cause (neutral: "neither high").
      expect((await dashboard()).series[0]!.icons.variation).toBe('neither_high');
      await ghost(app, series.id, PERIODS.at(-1)!, { ghost: true });
      const after = (await dashboard()).series[0]!;
      expect(after.icons.variation).toBe('common_cause');
      expect(after.latest?.ghost).toBe(true);
    });
  });

  test('a missing point is a 404 naming the period; bad input a 400 naming the field', async ({ db }) => {
    const { series } = await aSeries(db);
    await upsertObservations(db, [{ seriesId: series.id, period: '2020-01-01', value: 3 }], { userId: USER });
    await withApp(db, async (app) => {
      const missing = await ghost(app, series.id, '2020-02-01', { ghost: true });
      expect(missing.statusCode).toBe(404);
      expect(body<ErrorJson>(missing).error.details?.field).toBe('period');
      const cases: [string, unknown, string][] = [
        ['2020-02-30', { ghost: true }, 'period'],
        ['2020-01-01', { ghost: 'yes' }, 'ghost'],
        ['2020-01-01', {}, 'ghost'],
        ['2020-01-01', { ghost: true, userId: 'me' }, 'userId'],
        ['2020-01-01', { ghost: true, value: 4 }, ''],
      ];
      for (const [period, payload, field] of cases) {
        const response = await ghost(app, series.id, period, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(body<ErrorJson>(response).error.details?.field, JSON.stringify(payload)).toBe(field);
      }
      const unknown = await ghost(app, '00000000-0000-4000-8000-00000000abcd', '2020-01-01', { ghost: true });
      expect(unknown.statusCode).toBe(404);
      expect(body<ErrorJson>(unknown).error.details?.field).toBe('id');
      expect((await readSeries(db, series.id))[0]).toMatchObject({ value: 3, ghost: false });
    });
  });
});
