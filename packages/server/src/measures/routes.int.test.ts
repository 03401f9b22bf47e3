import { expect } from 'vitest';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import type { MeasureView, TargetView } from './schemas.js';

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

describeEachEngine('HTTP measures', ({ test }) => {
  test('POST /measures defines a measure with defaults; GET reads it', async ({ db }) => {
    const organisation = await anOrganisation(db);
    await withApp(db, async (app) => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/measures',
        payload: {
          ownerOrganisationId: organisation.id,
          name: 'Falls per 1,000 bed days',
          dataType: 'rate',
          domain: 'safety',
          frequency: 'month',
          spcOptions: { direction: 'decrease' },
        },
      });
      expect(created.statusCode).toBe(201);
      const measure = body<MeasureView>(created);
      expect(measure).toMatchObject({
        code: 'falls-per-1-000-bed-days',
        chartType: 'u',
        visibility: 'internal',
        spcOptions: { direction: 'decrease' },
      });
      const read = await app.inject({ method: 'GET', url: `/api/v1/measures/${measure.id}` });
      expect(read.statusCode).toBe(200);
      expect(body(read)).toEqual(measure);
    });
  });

  test('POST /measures refuses bad input with a 400 naming the field', async ({ db }) => {
    await withApp(db, async (app) => {
      const valid = {
        ownerOrganisationId: null,
        name: 'A',
        dataType: 'value',
        domain: 'safety',
        frequency: 'month',
      };
      for (const [payload, field] of [
        [{ ...valid, dataType: 'text' }, 'dataType'],
        [{ ...valid, ownerOrganisationId: 'x' }, 'ownerOrganisationId'],
        [{ ...valid, spcOptions: { direction: 'up' } }, 'spcOptions.direction'],
        [{ ...valid, spcOptions: { colour: 'red' } }, 'spcOptions'],
        [{ ...valid, spcOptions: { rebaseAt: ['2024-13-01'] } }, 'spcOptions.rebaseAt[0]'],
        [{ ...valid, chartType: 'p' }, 'chartType'],
        [{ ...valid, frequency: undefined }, 'frequency'],
      ] as const) {
        const response = await app.inject({ method: 'POST', url: '/api/v1/measures', payload });
        expect(response.statusCode, field).toBe(400);
        expect(body<ErrorJson>(response).error.details?.field).toBe(field);
      }
      const unknownOwner = await app.inject({
        method: 'POST',
        url: '/api/v1/measures',
        payload: { ...valid, ownerOrganisationId: UNKNOWN },
      });
      expect(unknownOwner.statusCode).toBe(404);
    });
  });

  test('PATCH /measures/:id changes SPC options and chart type; a 404 for an unknown id', async ({ db }) => {
    const measure = await aMeasure(db, null, { dataType: 'proportion' });
    await withApp(db, async (app) => {
      const response = await app.inject({
        method: 'PATCH',
        url: `/api/v1/measures/${measure.id}`,
        payload: { chartType: 'pp', spcOptions: { preset: 'nhsr', direction: 'increase' } },
      });
      expect(response.statusCode).toBe(200);
      expect(body<MeasureView>(response)).toMatchObject({
        name: measure.name,
        chartType: 'pp',
        spcOptions: { preset: 'nhsr', direction: 'increase' },
      });
      const bad = await app.inject({
        method: 'PATCH',
        url: `/api/v1/measures/${measure.id}`,
        payload: { chartType: 'c' },
      });
      expect(bad.statusCode).toBe(400);
      expect(body<ErrorJson>(bad).error.details?.field).toBe('chartType');
      const unknown = await app.inject({ method: 'PATCH', url: `/api/v1/measures/${UNKNOWN}`, payload: {} });
      expect(unknown.statusCode).toBe(404);
      const notAnId = await app.inject({ method: 'GET', url: '/api/v1/measures/abc' });
      expect(notAnId.statusCode).toBe(400);
      expect(body<ErrorJson>(notAnId).error.details?.field).toBe('id');
    });
  });

  test('PUT /measures/:id/targets sets a target timeline that GET lists', async ({ db }) => {
    const measure = await aMeasure(db, null);
    await withApp(db, async (app) => {
      const url = `/api/v1/measures/${measure.id}/targets`;
      for (const [effectiveFrom, value] of [
        ['2024-04-01', 95],
        ['2023-04-01', 90],
      ] as const) {
        const response = await app.inject({ method: 'PUT', url, payload: { effectiveFrom, value } });
        expect(response.statusCode).toBe(200);
      }
      const list = await app.inject({ method: 'GET', url });
      expect(body<{ items: TargetView[] }>(list).items.map((t) => [t.effectiveFrom, t.value])).toEqual([
        ['2023-04-01', 90],
        ['2024-04-01', 95],
      ]);
      const bad = await app.inject({
        method: 'PUT',
        url,
        payload: { effectiveFrom: '2024-02-30', value: 1 },
      });
      expect(bad.statusCode).toBe(400);
      expect(body<ErrorJson>(bad).error.details?.field).toBe('effectiveFrom');
      const unknown = await app.inject({
        method: 'PUT',
        url: `/api/v1/measures/${UNKNOWN}/targets`,
        payload: { effectiveFrom: '2024-01-01', value: 1 },
      });
      expect(unknown.statusCode).toBe(404);
    });
  });

  test('GET /measures filters and pages', async ({ db }) => {
    const organisation = await anOrganisation(db);
    for (const name of ['Filter c', 'Filter a', 'Filter b']) {
      await aMeasure(db, organisation.id, { name, domain: 'experience' });
    }
    await aMeasure(db, organisation.id, { name: 'Filter safety', domain: 'safety' });
    await aMeasure(db, null, { name: 'Filter shared', domain: 'experience' });
    await withApp(db, async (app) => {
      const first = await app.inject({
        method: 'GET',
        url: `/api/v1/measures?organisationId=${organisation.id}&domain=experience&search=filter&limit=2`,
      });
      expect(first.statusCode).toBe(200);
      const page = body<{ items: MeasureView[]; nextCursor: string | null }>(first);
      expect(page.items.map((m) => m.name)).toEqual(['Filter a', 'Filter b']);
      const second = await app.inject({
        method: 'GET',
        url: `/api/v1/measures?organisationId=${organisation.id}&domain=experience&search=filter&limit=2&cursor=${page.nextCursor ?? ''}`,
      });
      const rest = body<{ items: MeasureView[]; nextCursor: string | null }>(second);
      expect(rest.items.map((m) => m.name)).toEqual(['Filter c']);
      expect(rest.nextCursor).toBeNull();
      const shared = await app.inject({ method: 'GET', url: '/api/v1/measures?shared=true&search=filter' });
      expect(body<{ items: MeasureView[] }>(shared).items.map((m) => m.name)).toEqual(['Filter shared']);
      const bad = await app.inject({ method: 'GET', url: '/api/v1/measures?shared=maybe' });
      expect(bad.statusCode).toBe(400);
      expect(body<ErrorJson>(bad).error.details?.field).toBe('shared');
    });
  });
});
