import { expect } from 'vitest';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation } from '../test-support/fixtures.js';
import type { UnitNodeView, UnitView } from './schemas.js';

describeEachEngine('HTTP units', ({ test }) => {
  test('POST /organisations/:ref/units builds a tree that GET returns nested, in name order', async ({
    db,
  }) => {
    const organisation = await anOrganisation(db);
    await withApp(db, async (app) => {
      const add = async (payload: object): Promise<UnitView> => {
        const response = await app.inject({
          method: 'POST',
          url: `/api/v1/organisations/${organisation.odsCode}/units`,
          payload,
        });
        expect(response.statusCode).toBe(201);
        return body<UnitView>(response);
      };
      const medicine = await add({ kind: 'division', name: 'Medicine' });
      await add({ kind: 'division', name: 'Surgery' });
      await add({ kind: 'ward', name: 'Ward 9', parentId: medicine.id });
      await add({ kind: 'ward', name: 'Ward 2', parentId: medicine.id });
      expect(medicine).toMatchObject({ organisationId: organisation.id, parentId: null, kind: 'division' });
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${organisation.id}/units`,
      });
      expect(response.statusCode).toBe(200);
      const tree = body<{ items: UnitNodeView[] }>(response).items;
      expect(tree.map((unit) => unit.name)).toEqual(['Medicine', 'Surgery']);
      expect(tree[0]!.children.map((unit) => unit.name)).toEqual(['Ward 2', 'Ward 9']);
      expect(tree[1]!.children).toEqual([]);
    });
  });

  test('unit routes answer 404 for an unknown organisation and 400 naming the field', async ({ db }) => {
    const organisation = await anOrganisation(db);
    await withApp(db, async (app) => {
      const unknown = await app.inject({ method: 'GET', url: '/api/v1/organisations/NOPE123/units' });
      expect(unknown.statusCode).toBe(404);
      const url = `/api/v1/organisations/${organisation.id}/units`;
      for (const [payload, field] of [
        [{ kind: 'castle', name: 'Keep' }, 'kind'],
        [{ kind: 'ward', name: '' }, 'name'],
        [{ kind: 'ward', name: 'Ward 1', parentId: 'not-an-id' }, 'parentId'],
      ] as const) {
        const response = await app.inject({ method: 'POST', url, payload });
        expect(response.statusCode, field).toBe(400);
        expect(body<ErrorJson>(response).error.details?.field).toBe(field);
      }
      const orphan = await app.inject({
        method: 'POST',
        url,
        payload: { kind: 'ward', name: 'Ward 1', parentId: '00000000-0000-4000-8000-00000000abcd' },
      });
      expect(orphan.statusCode).toBe(404);
      expect(body<ErrorJson>(orphan).error.details?.field).toBe('parentId');
    });
  });
});
