import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anImport, aSeries, months, USER } from '../test-support/fixtures.js';
import { aUser, as, operatorId, signIn } from '../test-support/users.js';
import type { ObservationView } from './schemas.js';

describeEachEngine('HTTP observations', ({ test }) => {
  test('POST writes a batch reporting added, changed and unchanged; GET reads the points', async ({ db }) => {
    const { series } = await aSeries(db);
    await withApp(db, async (app) => {
      const url = `/api/v1/series/${series.id}/observations`;
      const [jan, feb, mar] = months(3);
      const first = await app.inject({
        method: 'POST',
        url,
        payload: {
          userId: USER,
          rows: [
            { period: jan, value: 1 },
            { period: feb, value: 2 },
          ],
        },
      });
      expect(first.statusCode).toBe(200);
      expect(body(first)).toEqual({ added: 2, changed: 0, unchanged: 0 });
      const second = await app.inject({
        method: 'POST',
        url,
        payload: {
          userId: USER,
          rows: [
            { period: jan, value: 1 },
            { period: feb, value: 5 },
            { period: mar, value: 3, ghost: true },
          ],
        },
      });
      expect(body(second)).toEqual({ added: 1, changed: 1, unchanged: 1 });
      const read = await app.inject({ method: 'GET', url });
      const points = body<{ items: ObservationView[] }>(read).items;
      expect(points.map((p) => [p.period, p.value, p.ghost])).toEqual([
        [jan, 1, false],
        [feb, 5, false],
        [mar, 3, true],
      ]);
      // A person is recorded as themselves, whatever userId says.
      expect(points[0]).toMatchObject({ recordedBy: await operatorId(db), numerator: null, importId: null });
      const ranged = await app.inject({ method: 'GET', url: `${url}?from=${feb}&to=${feb}` });
      expect(body<{ items: ObservationView[] }>(ranged).items).toHaveLength(1);
    });
  });

  test('POST refuses bad rows with a 400 naming the row and field, writing nothing', async ({ db }) => {
    const { series } = await aSeries(db);
    const proportion = (await aSeries(db, 'proportion')).series;
    await withApp(db, async (app) => {
      const url = `/api/v1/series/${series.id}/observations`;
      for (const [payload, field] of [
        [
          {
            userId: USER,
            rows: [
              { period: '2024-01-01', value: 1 },
              { period: '2024-1-1', value: 2 },
            ],
          },
          'rows[1].period',
        ],
        [{ userId: USER, rows: [{ period: '2024-01-01', value: 'one' }] }, 'rows[0].value'],
        [{ userId: USER, rows: [] }, 'rows'],
        [{ userId: USER, rows: [{ period: '2024-01-01' }] }, 'rows[0].value'],
      ] as const) {
        const response = await app.inject({ method: 'POST', url, payload });
        expect(response.statusCode, field).toBe(400);
        expect(body<ErrorJson>(response).error.details?.field).toBe(field);
      }
      const wrongType = await app.inject({
        method: 'POST',
        url: `/api/v1/series/${proportion.id}/observations`,
        payload: {
          userId: USER,
          rows: [
            { period: '2024-01-01', numerator: 5, denominator: 10 },
            { period: '2024-02-01', value: 3 },
          ],
        },
      });
      expect(wrongType.statusCode).toBe(400);
      expect(body<ErrorJson>(wrongType).error.details).toMatchObject({ index: 1 });
      const read = await app.inject({ method: 'GET', url });
      expect(body<{ items: unknown[] }>(read).items).toEqual([]);
    });
  });

  test('observation routes answer 404 for an unknown series', async ({ db }) => {
    await withApp(db, async (app) => {
      const url = '/api/v1/series/00000000-0000-4000-8000-00000000abcd/observations';
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404);
      const post = await app.inject({
        method: 'POST',
        url,
        payload: { userId: USER, rows: [{ period: '2024-01-01', value: 1 }] },
      });
      expect(post.statusCode).toBe(404);
    });
  });

  test("POST records points under an import of the series' own organisation, or a national one for a platform administrator", async ({
    db,
  }) => {
    const { organisation, series } = await aSeries(db);
    const improver = await aUser(db, { organisationId: organisation.id, role: 'improver' });
    const other = await aSeries(db);
    const own = await anImport(db, organisation.id);
    const foreign = await anImport(db, other.organisation.id);
    const national = await anImport(db, null);
    await withApp(db, async (app) => {
      const url = `/api/v1/series/${series.id}/observations`;
      const post = (
        importId: string,
        value: number,
        headers: Record<string, string> = {},
      ): Promise<LightMyRequestResponse> =>
        app.inject({
          method: 'POST',
          url,
          headers,
          payload: { importId, rows: [{ period: '2024-01-01', value }] },
        });
      const byImprover = await signIn(app, improver.email);
      for (const [importId, headers] of [
        [foreign.id, {}],
        ['00000000-0000-4000-8000-00000000abcd', {}],
        // A national import is the platform administrators' only.
        [national.id, as(byImprover)],
      ] as const) {
        const refused = await post(importId, 1, headers);
        expect(refused.statusCode).toBe(404);
        // The same answer for another organisation's import as for none: ids cannot be probed.
        expect(body<ErrorJson>(refused).error).toMatchObject({
          code: 'not_found',
          message: 'no import has this id',
          details: { field: 'importId' },
        });
      }
      const read = await app.inject({ method: 'GET', url });
      expect(body<{ items: unknown[] }>(read).items).toEqual([]);
      const accepted = await post(own.id, 2);
      expect(body(accepted)).toEqual({ added: 1, changed: 0, unchanged: 0 });
      const points = body<{ items: ObservationView[] }>(await app.inject({ method: 'GET', url })).items;
      expect(points[0]).toMatchObject({ value: 2, importId: own.id });
      const asAdmin = await post(national.id, 3);
      expect(body(asAdmin)).toEqual({ added: 0, changed: 1, unchanged: 0 });
    });
  });
});
