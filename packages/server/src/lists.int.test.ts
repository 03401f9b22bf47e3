import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { upsertObservations } from './observations/repository.js';
import type { ObservationView } from './observations/schemas.js';
import { ensureSeries } from './series/repository.js';
import type { SeriesView } from './series/schemas.js';
import { body, withApp } from './test-support/app.js';
import type { ErrorJson } from './test-support/app.js';
import { describeEachEngine } from './test-support/database.js';
import { aMeasure, anOrganisation, months, USER } from './test-support/fixtures.js';
import type { Api } from './http/types.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every page of a list, following `nextCursor`. */
async function allPages<T>(app: Api, url: string): Promise<{ pages: T[][]; items: T[] }> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const response: LightMyRequestResponse = await app.inject({
      method: 'GET',
      url: cursor === null ? url : `${url}${separator}cursor=${encodeURIComponent(cursor)}`,
    });
    expect(response.statusCode).toBe(200);
    const page: Page<T> = body<Page<T>>(response);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 100);
  return { pages, items: pages.flat() };
}

describeEachEngine('paged lists', ({ test }) => {
  test('GET /series pages through an organisation’s series in order, none repeated or skipped', async ({
    db,
  }) => {
    const organisation = await anOrganisation(db);
    const other = await anOrganisation(db);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const measure = await aMeasure(db, null, { code: `shared-${i}-${organisation.odsCode.toLowerCase()}` });
      created.push((await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id })).id);
      await ensureSeries(db, { measureId: measure.id, organisationId: other.id });
    }
    await withApp(db, async (app) => {
      const whole = await app.inject({
        method: 'GET',
        url: `/api/v1/series?organisationId=${organisation.id}`,
      });
      const all = body<Page<SeriesView>>(whole);
      expect(all.nextCursor).toBeNull();
      expect(new Set(all.items.map((s) => s.id))).toEqual(new Set(created));
      const paged = await allPages<SeriesView>(
        app,
        `/api/v1/series?organisationId=${organisation.id}&limit=2`,
      );
      expect(paged.pages.map((page) => page.length)).toEqual([2, 2, 1]);
      expect(paged.items.map((s) => s.id)).toEqual(all.items.map((s) => s.id));
      const bad = await app.inject({ method: 'GET', url: '/api/v1/series?cursor=nonsense' });
      expect(bad.statusCode).toBe(400);
      expect(body<ErrorJson>(bad).error.details?.field).toBe('cursor');
      const tooMany = await app.inject({ method: 'GET', url: '/api/v1/series?limit=501' });
      expect(body<ErrorJson>(tooMany).error.details?.field).toBe('limit');
    });
  });

  test('GET /series/:id/observations pages through the points in period order, within from and to', async ({
    db,
  }) => {
    const organisation = await anOrganisation(db);
    const measure = await aMeasure(db, organisation.id);
    const series = await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id });
    const periods = months(25);
    await upsertObservations(
      db,
      periods.map((period, i) => ({ seriesId: series.id, period, value: i })),
      { userId: USER },
    );
    await withApp(db, async (app) => {
      const url = `/api/v1/series/${series.id}/observations`;
      const whole = body<Page<ObservationView>>(await app.inject({ method: 'GET', url }));
      expect(whole.items.map((p) => p.period)).toEqual(periods);
      expect(whole.nextCursor).toBeNull();
      const paged = await allPages<ObservationView>(app, `${url}?limit=10`);
      expect(paged.pages.map((page) => page.length)).toEqual([10, 10, 5]);
      expect(paged.items).toEqual(whole.items);
      const ranged = await allPages<ObservationView>(app, `${url}?from=2020-03-01&to=2020-10-01&limit=3`);
      expect(ranged.items.map((p) => p.value)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
      const bad = await app.inject({ method: 'GET', url: `${url}?limit=10001` });
      expect(body<ErrorJson>(bad).error.details?.field).toBe('limit');
    });
  });
});
