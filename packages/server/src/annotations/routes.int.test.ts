import { expect } from 'vitest';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aSeries, USER } from '../test-support/fixtures.js';
import type { AnnotationView } from './schemas.js';

describeEachEngine('HTTP annotations', ({ test }) => {
  test('POST adds notes (201) and GET lists them in period order', async ({ db }) => {
    const { series } = await aSeries(db);
    await withApp(db, async (app) => {
      const url = `/api/v1/series/${series.id}/annotations`;
      const added = await app.inject({
        method: 'POST',
        url,
        payload: { period: '2024-03-01', text: 'New falls bundle', author: 'Sister Jones', authorId: USER },
      });
      expect(added.statusCode).toBe(201);
      await app.inject({
        method: 'POST',
        url,
        payload: { period: '2024-01-01', text: 'Data missing', author: 'A' },
      });
      const list = await app.inject({ method: 'GET', url });
      const notes = body<{ items: AnnotationView[] }>(list).items;
      expect(notes.map((n) => [n.period, n.text])).toEqual([
        ['2024-01-01', 'Data missing'],
        ['2024-03-01', 'New falls bundle'],
      ]);
      expect(notes[1]).toEqual(body(added));
      const ranged = await app.inject({ method: 'GET', url: `${url}?from=2024-02-01` });
      expect(body<{ items: AnnotationView[] }>(ranged).items).toHaveLength(1);
    });
  });

  test('annotation routes answer 400 naming the field and 404 for an unknown series', async ({ db }) => {
    const { series } = await aSeries(db);
    await withApp(db, async (app) => {
      const url = `/api/v1/series/${series.id}/annotations`;
      for (const [payload, field] of [
        [{ period: '2024-01-01', text: '  ', author: 'A' }, 'text'],
        [{ period: 'January', text: 'x', author: 'A' }, 'period'],
      ] as const) {
        const response = await app.inject({ method: 'POST', url, payload });
        expect(response.statusCode, field).toBe(400);
        expect(body<ErrorJson>(response).error.details?.field).toBe(field);
      }
      const unknown = await app.inject({
        method: 'GET',
        url: '/api/v1/series/00000000-0000-4000-8000-00000000abcd/annotations',
      });
      expect(unknown.statusCode).toBe(404);
    });
  });
});
