import { expect } from 'vitest';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import type { SeriesView } from './schemas.js';

describeEachEngine('HTTP series', ({ test }) => {
  test('POST /series finds or creates a series; GET lists and reads it', async ({ db }) => {
    const organisation = await anOrganisation(db);
    const measure = await aMeasure(db, null);
    await withApp(db, async (app) => {
      const payload = { measureId: measure.id, organisationId: organisation.id };
      const first = await app.inject({ method: 'POST', url: '/api/v1/series', payload });
      expect(first.statusCode).toBe(200);
      const series = body<SeriesView>(first);
      expect(series).toMatchObject({ ...payload, unitId: null });
      const again = await app.inject({ method: 'POST', url: '/api/v1/series', payload });
      expect(body(again)).toEqual(series);
      const list = await app.inject({
        method: 'GET',
        url: `/api/v1/series?organisationId=${organisation.id}`,
      });
      expect(body<{ items: SeriesView[] }>(list).items).toEqual([series]);
      const read = await app.inject({ method: 'GET', url: `/api/v1/series/${series.id}` });
      expect(body(read)).toEqual(series);
    });
  });

  test('series routes answer 404 for unknown ids and 400 naming the field', async ({ db }) => {
    const organisation = await anOrganisation(db);
    await withApp(db, async (app) => {
      const unknown = await app.inject({
        method: 'GET',
        url: '/api/v1/series/00000000-0000-4000-8000-00000000abcd',
      });
      expect(unknown.statusCode).toBe(404);
      const bad = await app.inject({
        method: 'POST',
        url: '/api/v1/series',
        payload: { measureId: 'm', organisationId: organisation.id },
      });
      expect(bad.statusCode).toBe(400);
      expect(body<ErrorJson>(bad).error.details?.field).toBe('measureId');
      const noMeasure = await app.inject({
        method: 'POST',
        url: '/api/v1/series',
        payload: { measureId: '00000000-0000-4000-8000-00000000abcd', organisationId: organisation.id },
      });
      expect(noMeasure.statusCode).toBe(404);
      expect(body<ErrorJson>(noMeasure).error.details?.field).toBe('measureId');
    });
  });
});
