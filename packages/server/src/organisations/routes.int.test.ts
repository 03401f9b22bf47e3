import { expect } from 'vitest';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation } from '../test-support/fixtures.js';
import type { OrganisationView } from './schemas.js';

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

describeEachEngine('HTTP organisations', ({ test }) => {
  test('POST /organisations creates one (201) and GET reads it by id or ODS code', async ({ db }) => {
    await withApp(db, async (app) => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        payload: { odsCode: ' rf4 ', name: 'Barking Trust', kind: 'provider' },
      });
      expect(created.statusCode).toBe(201);
      const organisation = body<OrganisationView>(created);
      expect(organisation).toMatchObject({ odsCode: 'RF4', name: 'Barking Trust', kind: 'provider' });
      expect(organisation.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      for (const ref of [organisation.id, 'rf4', 'RF4']) {
        const read = await app.inject({ method: 'GET', url: `/api/v1/organisations/${ref}` });
        expect(read.statusCode).toBe(200);
        expect(body(read)).toEqual(organisation);
      }
    });
  });

  test('GET /organisations/:ref is a 404 for an unknown id or ODS code, a 400 for neither', async ({
    db,
  }) => {
    await withApp(db, async (app) => {
      for (const ref of [UNKNOWN, 'ZZZ999']) {
        const response = await app.inject({ method: 'GET', url: `/api/v1/organisations/${ref}` });
        expect(response.statusCode).toBe(404);
        expect(body<ErrorJson>(response).error).toMatchObject({
          code: 'not_found',
          details: { field: 'ref' },
        });
      }
    });
  });

  test('POST /organisations refuses bad input with a 400 naming the field', async ({ db }) => {
    await withApp(db, async (app) => {
      const cases = [
        [{ odsCode: 'R!', name: 'X', kind: 'provider' }, 'odsCode'],
        [{ odsCode: 'RAA', name: '  ', kind: 'provider' }, 'name'],
        [{ odsCode: 'RAA', name: 'X', kind: 'hospital' }, 'kind'],
        [{ odsCode: 'RAA', kind: 'provider' }, 'name'],
      ] as const;
      for (const [payload, field] of cases) {
        const response = await app.inject({ method: 'POST', url: '/api/v1/organisations', payload });
        expect(response.statusCode, field).toBe(400);
        const { error } = body<ErrorJson>(response);
        expect(error.code).toBe('invalid_input');
        expect(error.details).toMatchObject({ field, in: 'body' });
        expect(error.message).toContain(field);
      }
    });
  });

  test('GET /organisations pages through in name order with no repeats or gaps', async ({ db }) => {
    for (const name of ['Paging delta', 'Paging alpha', 'Paging charlie', 'Paging bravo', 'Paging echo']) {
      await anOrganisation(db, { name });
    }
    await withApp(db, async (app) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `search=paging&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`;
        const response = await app.inject({ method: 'GET', url: `/api/v1/organisations?${query}` });
        expect(response.statusCode).toBe(200);
        const page = body<{ items: OrganisationView[]; nextCursor: string | null }>(response);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((item) => item.name));
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null);
      expect(pages).toBe(3);
      expect(seen).toEqual(['Paging alpha', 'Paging bravo', 'Paging charlie', 'Paging delta', 'Paging echo']);
    });
  });

  test('GET /organisations refuses a bad limit, kind or cursor with a 400 naming it', async ({ db }) => {
    await withApp(db, async (app) => {
      for (const [query, field] of [
        ['limit=0', 'limit'],
        ['limit=501', 'limit'],
        ['limit=ten', 'limit'],
        ['kind=hospital', 'kind'],
        ['cursor=nonsense', 'cursor'],
      ] as const) {
        const response = await app.inject({ method: 'GET', url: `/api/v1/organisations?${query}` });
        expect(response.statusCode, query).toBe(400);
        expect(body<ErrorJson>(response).error.details).toMatchObject({ field });
        if (field === 'limit')
          expect(body<ErrorJson>(response).error.details).toMatchObject({ in: 'querystring' });
      }
    });
  });

  test('POST /organisations with an ODS code in use is a 409', async ({ db }) => {
    await anOrganisation(db, { odsCode: 'RXH' });
    await withApp(db, async (app) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        payload: { odsCode: 'rxh', name: 'Two', kind: 'commissioner' },
      });
      expect(response.statusCode).toBe(409);
      expect(body<ErrorJson>(response).error).toMatchObject({
        code: 'conflict',
        details: { field: 'odsCode' },
      });
    });
  });
});
